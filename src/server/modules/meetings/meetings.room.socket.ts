import { socketRooms } from '../../../shared/messaging.js';
import type { EventBus } from '../../platform/events/bus.js';
import type { Jobs } from '../../platform/jobs/jobs.js';
import type { Realtime } from '../../platform/realtime/realtime.js';
import type { MeetingRoomService } from './meetings.room.js';

/** How often the leaders of started rooms are looked for (a leader gone longer than the grace is replaced, or the room pauses). */
const LEADER_CHECK_MS = 5000;
/** How often rooms left open long after their meeting are ended. */
const SWEEP_MS = 60_000;

/** Who has a live connection in a conversation right now, on every node (through the adapter). */
export function whoIsHereIn(realtime: Pick<Realtime, 'io'>): (conversationId: string) => Promise<Set<string>> {
  return async (conversationId) => new Set((await realtime.io.in(socketRooms.conversation(conversationId)).fetchSockets()).map((s) => s.data.member.id));
}

/**
 * The meeting room, live: the whole state to everyone in it on every change, reactions, and
 * a kind word to a member removed or handed on (whose sockets leave the room at once). Every
 * few seconds each node checks the started rooms' leaders; once a minute a job ends rooms left open.
 */
export function meetingRoomSocket({ realtime, room, bus, jobs, log }: { realtime: Realtime; room: MeetingRoomService; bus: EventBus; jobs: Pick<Jobs, 'every'>; log: { warn(obj: object, msg: string): void } }): void {
  const { io } = realtime;

  bus.on('meeting.live', async ({ live }) => {
    io.to(socketRooms.conversation(live.conversationId)).emit('meeting:live', live);
  });

  // As with messages, a block hides the reactions of either member from the other.
  bus.on('meeting.reaction', async ({ conversationId, memberId, handle, reaction }) => {
    io.to(socketRooms.conversation(conversationId))
      .except([socketRooms.hiding(memberId), socketRooms.blockedBy(memberId)])
      .emit('meeting:reaction', { conversationId, handle, reaction: reaction as 'hug' });
  });

  bus.on('meeting.removed', async ({ conversationId, memberId }) => {
    io.to(socketRooms.member(memberId)).emit('meeting:removed', { conversationId });
    io.in(socketRooms.member(memberId)).socketsLeave([socketRooms.conversation(conversationId), socketRooms.hosts(conversationId)]);
  });

  bus.on('meeting.handed', async ({ conversationId, memberId, to }) => {
    io.to(socketRooms.member(memberId)).emit('meeting:handed', { conversationId, to });
  });

  // Each node watches the leaders connected to it (the grace is kept in its memory); guarded updates decide.
  const timer = setInterval(() => {
    room.checkLeaders().catch((err: unknown) => log.warn({ err }, 'the meeting rooms check failed'));
  }, LEADER_CHECK_MS);
  timer.unref();
  realtime.onClose(() => clearInterval(timer));
  // Ending rooms left open is one job for the whole deployment (BullMQ when Redis is configured).
  jobs.every('meeting-rooms-sweep', SWEEP_MS, async () => {
    await room.sweep();
  });
}
