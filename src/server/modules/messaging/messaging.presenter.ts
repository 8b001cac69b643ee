import type { ChatMessage, ParticipantState, RoomInfo } from '../../../shared/messaging.js';
import type { ConversationRow, MessageRow, ParticipantRow } from './messaging.store.js';

/** The only way a message leaves the server, over HTTP and sockets alike. */
export function presentMessage(row: MessageRow, opts: { showReason: boolean }): ChatMessage {
  const deleted = row.deleted_at !== null;
  const status = deleted ? 'deleted' : (row.status as 'published' | 'held' | 'removed');
  const readable = status === 'published' || status === 'held';
  const authorGone = row.author_deleted_at !== null;
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: Number(row.seq),
    clientId: row.client_id,
    author: { id: authorGone ? null : row.author_id, handle: authorGone ? null : row.author_handle, isHost: row.author_is_host },
    body: readable ? row.body : '',
    contentWarning: readable ? (row.content_warning as ChatMessage['contentWarning']) : null,
    status,
    heldReason: status === 'held' ? (row.held_reason as ChatMessage['heldReason']) : null,
    card: readable && row.card ? (JSON.parse(row.card) as ChatMessage['card']) : null,
    removedReason: status === 'removed' && opts.showReason ? row.removed_reason : null,
    createdAt: row.created_at,
  };
}

export function presentRoom(row: ConversationRow): RoomInfo {
  return {
    id: row.id,
    kind: row.kind as RoomInfo['kind'],
    group: row.group_slug && row.group_name ? { slug: row.group_slug, name: row.group_name } : null,
    guidelines: row.guidelines,
    guidelinesUpdatedAt: row.guidelines_updated_at,
    slowModeSeconds: row.slow_mode_seconds,
    lastSeq: Number(row.last_seq),
    closedAt: row.closed_at,
  };
}

export function presentParticipant(p: ParticipantRow | undefined, room: ConversationRow, isHost: boolean, t: number): ParticipantState {
  const muted = p?.muted_until && p.muted_until > t ? p.muted_until : null;
  const slow = room.slow_mode_seconds > 0 && !isHost && p?.last_sent_at ? p.last_sent_at + room.slow_mode_seconds * 1000 : null;
  return {
    isHost,
    mutedUntil: muted,
    guidelinesSeen: room.guidelines.trim() === '' || (p?.guidelines_seen_at ?? null) !== null,
    lastReadSeq: Number(p?.last_read_seq ?? 0),
    nextSendAt: slow && slow > t ? slow : null,
  };
}
