import { socketRooms } from '../../../shared/messaging.js';
import type { EventBus } from '../../platform/events/bus.js';
import { hasRole } from '../../platform/http/auth.js';
import type { Realtime } from '../../platform/realtime/realtime.js';

/**
 * Keeps the review queue live: moderators' sockets join one room at the handshake, and any
 * change to the queue (a report, a claim, a decision, a post, reply or message held or showing
 * risk) asks their screens to read it again. The page also refreshes every minute, in case a
 * socket was down.
 */
export function moderationSocket({ realtime, bus }: { realtime: Realtime; bus: EventBus }): void {
  realtime.roomsOnConnect(async (member) => (hasRole(member, 'moderator') || hasRole(member, 'admin') ? [socketRooms.moderators] : []));
  const tell = async () => {
    realtime.io.to(socketRooms.moderators).emit('moderation:changed');
  };
  bus.on('moderation.changed', tell);
  bus.on('message.created', async ({ held, risk }) => {
    if (held || risk) await tell();
  });
}
