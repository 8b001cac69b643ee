import type { MeetingLive } from '../../../shared/meeting-room.js';
import type { ChatMessage, ParticipantState, RoomInfo } from '../../../shared/messaging.js';

/**
 * Domain events, published after the transaction that caused them commits: side effects
 * (notifications now, real-time pushes and risk alerts later) subscribe here, so nothing
 * happens for a write that rolled back. A map from event name to handlers, not a switch.
 */
export interface DomainEvents {
  /** A chat message committed: everyone in the conversation hears it, or only its author and the hosts while it is held. */
  'message.created': { message: ChatMessage; authorId: string; held: boolean; hostsSeeHeld: boolean; risk: { level: string; urgent: boolean } | null };
  /** A host removed a message; its author alone is told why. */
  'message.updated': { message: ChatMessage; authorId: string; reasonForAuthor: string | null; onlyAuthorAndHosts: boolean };
  'conversation.updated': { room: RoomInfo };
  /** One member's standing in a conversation changed (a mute began or was lifted). */
  'participant.updated': { conversationId: string; memberId: string; me: ParticipantState };
  /** What a member may do changed, or their sessions ended: their live connections must be checked afresh. */
  'member.access_changed': { memberId: string };
  /** One session ended (signed out). */
  'session.ended': { sessionId: string };
  /** A listener went on duty, off duty or on a break. */
  'listener.duty_changed': { memberId: string; status: 'on' | 'off' | 'break' };
  /** A support request or chat changed for these members (queue place, offer, match, end). */
  'support.changed': { memberIds: string[] };
  /** A meeting's live room changed (step, floor, hands, lock, leader, pause, end): everyone in it hears the whole state. */
  'meeting.live': { live: MeetingLive };
  /** A supportive reaction in a meeting room: heard, never stored. */
  'meeting.reaction': { conversationId: string; memberId: string; handle: string; reaction: string };
  /** A leader removed `memberId` from the room, or handed them to a listener or a moderator. */
  'meeting.removed': { conversationId: string; memberId: string };
  'meeting.handed': { conversationId: string; memberId: string; to: 'listener' | 'moderator' };
  'reply.created': { replyId: string; postId: string; authorId: string; anonymous: boolean; createdAt: number };
  /** A published reply's words changed (a held reply that becomes published is 'reply.created' instead). */
  'reply.edited': { replyId: string; postId: string; authorId: string; anonymous: boolean; at: number };
  /** A post was written or edited and is published. */
  'post.published': { postId: string; authorId: string; anonymous: boolean; at: number };
  /** A member added a reaction (again, when they had taken it back: notifications count each person once). */
  'reaction.added': { targetType: 'post' | 'reply'; targetId: string; postId: string; memberId: string; kind: string; at: number };
  /** `blockerId` blocked `blockedId`. */
  'member.blocked': { blockerId: string; blockedId: string };
  'member.unblocked': { blockerId: string; blockedId: string };
  /** These members' notifications or unread count changed (new ones, bumped ones, marked read). */
  'notifications.changed': { memberIds: string[] };
  /** Something in the moderators' review queue changed (a report, a claim, a decision): ask again. */
  'moderation.changed': Record<string, never>;
}

type Handler<K extends keyof DomainEvents> = (event: DomainEvents[K]) => Promise<void>;

export class EventBus {
  private readonly handlers = new Map<keyof DomainEvents, Handler<never>[]>();

  constructor(private readonly onError: (err: unknown, name: string) => void) {}

  on<K extends keyof DomainEvents>(name: K, handler: Handler<K>): void {
    const list = this.handlers.get(name) ?? [];
    list.push(handler as Handler<never>);
    this.handlers.set(name, list);
  }

  /** Runs every handler; a failing handler is reported and does not stop the others or the caller. */
  async publish<K extends keyof DomainEvents>(name: K, event: DomainEvents[K]): Promise<void> {
    for (const handler of (this.handlers.get(name) ?? []) as unknown as Handler<K>[]) {
      try {
        await handler(event);
      } catch (err) {
        this.onError(err, name);
      }
    }
  }
}
