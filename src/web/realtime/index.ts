/** Kindred's live connection: one Socket.IO client for the signed-in member, and hooks to use it. */
export { useConnectionStatus, useOnConnect, useSocket, useSocketEvent } from './hooks';
export type { ConnectionStatus, KindredSocket } from './socket';
