import type * as Messaging from '../../../shared/messaging';

/** The messaging contract's shapes, for the web client (types only: nothing of typebox is bundled). */
export type { Ack, ChatMessage, JoinResult, MessagePage, ParticipantState, RoomInfo, RoomSettingsBody, RoomView, SentMessage, SocketError } from '../../../shared/messaging';

/*
 * The contract's limits, without pulling its schemas (and TypeBox) into the bundle. Each is typed
 * as the shared constant's literal, so a change on one side fails the type check until the other follows.
 */
export const MESSAGE_MAX: typeof Messaging.MESSAGE_MAX = 4000;
export const GUIDELINES_MAX: typeof Messaging.GUIDELINES_MAX = 2000;
export const REMOVAL_REASON_MAX: typeof Messaging.REMOVAL_REASON_MAX = 300;
export const SLOW_MODE_MAX_SECONDS: typeof Messaging.SLOW_MODE_MAX_SECONDS = 3600;
export const TYPING_TTL_MS: typeof Messaging.TYPING_TTL_MS = 6000;

/** How long a mute can be chosen for, in minutes: ten minutes, half an hour, an hour, a day. */
export const MUTE_CHOICES = [10, 30, 60, 1440] as const;
/** Slow mode choices, in seconds (0 is off). */
export const SLOW_MODE_CHOICES = [0, 10, 30, 60, 120, 300] as const;
