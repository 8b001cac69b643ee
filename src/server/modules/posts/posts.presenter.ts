import type { Author, ContentWarning, PostDetail, PostSummary, ReactionCounts, ReactionKind, Reply } from '../../../shared/forum.js';
import { REPLY_DISPLAY_DEPTH } from '../../../shared/forum.js';
import type { AuthMember } from '../../platform/http/auth.js';
import type { PostListRow, PostWithGroup, ReplyWithAuthor } from './posts.store.js';
import { postsPolicy } from './posts.policy.js';

/** The only shapes in which posts and replies leave the server, over HTTP and (later) sockets alike. */

export interface ViewerMarks {
  myReactions: Map<string, ReactionKind[]>;
  saved: Set<string>;
  following: Set<string>;
}

export const NO_MARKS: ViewerMarks = { myReactions: new Map(), saved: new Set(), following: new Set() };

function counts(row: { hug_count: number; me_too_count: number; thank_you_count: number; got_this_count: number }): ReactionCounts {
  return { hug: Number(row.hug_count), me_too: Number(row.me_too_count), thank_you: Number(row.thank_you_count), got_this: Number(row.got_this_count) };
}

/** Anonymous authors are anonymous to everyone here, moderators included; revealing is a separate, audited act. */
function authorOf(row: { author_id: string; author_handle: string; anonymous: number; deleted_at: number | null }, viewer: AuthMember | null): Author {
  const isMe = viewer?.id === row.author_id;
  if (row.deleted_at !== null) return { kind: 'deleted', isMe };
  if (row.anonymous) return { kind: 'anonymous', isMe };
  return { kind: 'member', handle: row.author_handle, isMe };
}

export function presentPostSummary(row: PostListRow, viewer: AuthMember | null, marks: ViewerMarks): PostSummary {
  const deleted = row.deleted_at !== null;
  return {
    id: row.id,
    group: { slug: row.group_slug, name: row.group_name },
    title: deleted ? '[deleted]' : row.title,
    excerpt: deleted || row.content_warning ? '' : row.excerpt,
    contentWarning: deleted ? null : (row.content_warning as ContentWarning | null),
    author: authorOf(row, viewer),
    anonymous: Boolean(row.anonymous),
    createdAt: row.created_at,
    editedAt: row.edited_at,
    lastActivityAt: row.last_activity_at,
    replyCount: Number(row.reply_count),
    reactions: counts(row),
    myReactions: marks.myReactions.get(row.id) ?? [],
    saved: marks.saved.has(row.id),
    following: marks.following.has(row.id),
    deleted,
    locked: row.locked_at !== null,
    status: row.status as PostSummary['status'],
  };
}

export function presentPostDetail(row: PostWithGroup, viewer: AuthMember | null, marks: ViewerMarks): PostDetail {
  const summary = presentPostSummary(row, viewer, marks);
  const mine = viewer?.id === row.author_id;
  return {
    ...summary,
    bodyHtml: summary.deleted ? null : row.body_html,
    ...(mine && !summary.deleted ? { bodyMarkdown: row.body_md } : {}),
    canEdit: mine && !summary.deleted,
    canModerate: postsPolicy.isModerator(viewer),
  };
}

export function presentReply(row: ReplyWithAuthor, viewer: AuthMember | null, myReactions: Map<string, ReactionKind[]>): Reply {
  const deleted = row.deleted_at !== null;
  const mine = viewer?.id === row.author_id;
  return {
    id: row.id,
    postId: row.post_id,
    parentId: row.parent_id,
    depth: Math.min(row.depth, REPLY_DISPLAY_DEPTH),
    author: authorOf(row, viewer),
    anonymous: Boolean(row.anonymous),
    bodyHtml: deleted ? null : row.body_html,
    ...(mine && !deleted ? { bodyMarkdown: row.body_md } : {}),
    contentWarning: deleted ? null : (row.content_warning as ContentWarning | null),
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deleted,
    status: row.status as Reply['status'],
    reactions: counts(row),
    myReactions: myReactions.get(row.id) ?? [],
    canEdit: mine && !deleted,
  };
}

/**
 * A reply by someone the reader blocked: it keeps its place in the thread (so the answers to it
 * still read in order) with its author's handle, but none of its words or reactions.
 */
export function presentBlockedReply(row: ReplyWithAuthor, viewer: AuthMember | null): Reply {
  return {
    ...presentReply(row, viewer, new Map()),
    bodyHtml: null,
    contentWarning: null,
    reactions: { hug: 0, me_too: 0, thank_you: 0, got_this: 0 },
    myReactions: [],
    canEdit: false,
    blockedAuthor: true,
  };
}
