import type { Kysely } from 'kysely';
import { socketRooms } from '../../../shared/messaging.js';
import type { DB } from '../../platform/db/schema.js';
import type { EventBus } from '../../platform/events/bus.js';
import { hasRole } from '../../platform/http/auth.js';
import type { Realtime } from '../../platform/realtime/realtime.js';

/**
 * Keeps the review queue live: moderators' sockets join one room at the handshake, and any
 * change to the queue (a report, a claim, a decision, a post, reply or message held or showing
 * risk) asks their screens to read it again. The page also refreshes every minute, in case a
 * socket was down.
 */
export function moderationSocket({ realtime, bus, db }: { realtime: Realtime; bus: EventBus; db: Kysely<DB> }): void {
  realtime.roomsOnConnect(async (member) => {
    if (hasRole(member, 'moderator') || hasRole(member, 'admin')) return [socketRooms.moderators];
    // A group's moderators hear it too: the event says only "look again", and their queue shows their groups' items.
    const moderates = await db.selectFrom('group_members').select('group_id').where('member_id', '=', member.id).where('role', '=', 'moderator').executeTakeFirst();
    return moderates ? [socketRooms.moderators] : [];
  });
  const tell = async () => {
    realtime.io.to(socketRooms.moderators).emit('moderation:changed');
  };
  bus.on('moderation.changed', tell);
  bus.on('message.created', async ({ held, risk }) => {
    if (held || risk) await tell();
  });
}
