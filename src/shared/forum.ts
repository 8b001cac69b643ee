import { Type, type Static } from 'typebox';

/**
 * The forum's HTTP contract (/api/v1): posts, threaded replies, reactions, feeds, saved
 * posts, follows, notifications, search and profiles. Shared by server and web (types only).
 */

import { CrisisResponse, HeldReason, ReplyCareNudge, RiskLevelName } from './safety.js';
import { CONTENT_WARNINGS, NEEDS_REPLY_DAYS, POST_BODY_MAX, POST_TITLE_MAX, REACTIONS, REPLY_BODY_MAX, REPLY_DISPLAY_DEPTH } from './forum-rules.js';

export { CONTENT_WARNINGS, NEEDS_REPLY_DAYS, POST_BODY_MAX, POST_TITLE_MAX, REACTIONS, REPLY_BODY_MAX, REPLY_DISPLAY_DEPTH };
export type { ContentWarning, ReactionKind } from './forum-rules.js';

export const ContentWarningName = Type.Enum(CONTENT_WARNINGS, { errorMessage: 'Please choose a content warning from the list.' });
export const ReactionName = Type.Enum(REACTIONS, { errorMessage: 'That is not one of Kindred’s reactions.' });

export const Author = Type.Object({
  kind: Type.Enum(['member', 'anonymous', 'deleted']),
  /** Present for kind "member". */
  handle: Type.Optional(Type.String()),
  /** True on what the reader wrote, anonymous or not. */
  isMe: Type.Boolean(),
});
export type Author = Static<typeof Author>;

export const ReactionCounts = Type.Object({
  hug: Type.Integer(),
  me_too: Type.Integer(),
  thank_you: Type.Integer(),
  got_this: Type.Integer(),
});
export type ReactionCounts = Static<typeof ReactionCounts>;

export const ContentStatus = Type.Enum(['published', 'held', 'removed']);

export const PostSummary = Type.Object({
  id: Type.String(),
  group: Type.Object({ slug: Type.String(), name: Type.String() }),
  title: Type.String(),
  /** Plain text, at most 200 characters; empty when a content warning hides the body. */
  excerpt: Type.String(),
  contentWarning: Type.Union([ContentWarningName, Type.Null()]),
  author: Author,
  anonymous: Type.Boolean(),
  createdAt: Type.Number(),
  editedAt: Type.Union([Type.Number(), Type.Null()]),
  lastActivityAt: Type.Number(),
  replyCount: Type.Integer(),
  reactions: ReactionCounts,
  myReactions: Type.Array(ReactionName),
  saved: Type.Boolean(),
  following: Type.Boolean(),
  deleted: Type.Boolean(),
  locked: Type.Boolean(),
  status: ContentStatus,
});
export type PostSummary = Static<typeof PostSummary>;

export const PostDetail = Type.Intersect([
  PostSummary,
  Type.Object({
    /** Sanitized HTML rendered at write time; null when deleted. */
    bodyHtml: Type.Union([Type.String(), Type.Null()]),
    /** The Markdown as written, for its author to edit. */
    bodyMarkdown: Type.Optional(Type.String()),
    canEdit: Type.Boolean(),
    canModerate: Type.Boolean(),
  }),
]);
export type PostDetail = Static<typeof PostDetail>;

export const Reply = Type.Object({
  id: Type.String(),
  postId: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  /** Depth for display: 0 for a reply to the post, at most REPLY_DISPLAY_DEPTH. */
  depth: Type.Integer(),
  author: Author,
  anonymous: Type.Boolean(),
  bodyHtml: Type.Union([Type.String(), Type.Null()]),
  bodyMarkdown: Type.Optional(Type.String()),
  /** Set by the safety module when the reply speaks of suicide or self-harm: shown behind "Show reply". */
  contentWarning: Type.Union([ContentWarningName, Type.Null()]),
  createdAt: Type.Number(),
  editedAt: Type.Union([Type.Number(), Type.Null()]),
  deleted: Type.Boolean(),
  status: ContentStatus,
  reactions: ReactionCounts,
  myReactions: Type.Array(ReactionName),
  canEdit: Type.Boolean(),
  /** True when the reader blocked this reply's author: shown as "You blocked this member", without its words. */
  blockedAuthor: Type.Optional(Type.Boolean()),
});
export type Reply = Static<typeof Reply>;

/** What the safety module made of a text, as far as its author needs to know. */
export const SafetyOutcome = Type.Object({
  level: RiskLevelName,
  held: Type.Boolean(),
  /** Why it waits for a moderator, so the author can be told kindly. */
  heldReason: Type.Union([HeldReason, Type.Null()]),
  contentWarningAdded: Type.Union([ContentWarningName, Type.Null()]),
  /** What to show the author now: the crisis screen, the crisis card, the "helping someone" card, or nothing. */
  response: CrisisResponse,
  /** Reply-with-care guidance worth a gentle word (replies only; never blocks). */
  replyCare: Type.Array(ReplyCareNudge),
});
export type SafetyOutcome = Static<typeof SafetyOutcome>;

const Title = Type.String({
  minLength: 1,
  maxLength: POST_TITLE_MAX,
  pattern: '\\S',
  errorMessage: {
    minLength: 'Please give your post a title.',
    pattern: 'Please give your post a title.',
    maxLength: `A title can be at most ${POST_TITLE_MAX} characters.`,
  },
});
const PostBody = Type.String({
  minLength: 1,
  maxLength: POST_BODY_MAX,
  pattern: '\\S',
  errorMessage: {
    minLength: 'Please write something in your post.',
    pattern: 'Please write something in your post.',
    maxLength: `A post can be at most ${POST_BODY_MAX.toLocaleString('en')} characters. Your draft is kept.`,
  },
});
const ReplyBody = Type.String({
  minLength: 1,
  maxLength: REPLY_BODY_MAX,
  pattern: '\\S',
  errorMessage: {
    minLength: 'Please write your reply.',
    pattern: 'Please write your reply.',
    maxLength: `A reply can be at most ${REPLY_BODY_MAX.toLocaleString('en')} characters. Your draft is kept.`,
  },
});
const Id = Type.String({ pattern: '^[0-9A-HJKMNP-TV-Z]{26}$', errorMessage: 'That link is not right.' });

export const IdParams = Type.Object({ id: Id });
export const ReactionParams = Type.Object({ id: Id, kind: ReactionName });

export const CreatePostBody = Type.Object({
  title: Title,
  body: PostBody,
  anonymous: Type.Optional(Type.Boolean()),
  contentWarning: Type.Optional(Type.Union([ContentWarningName, Type.Null()])),
});
export type CreatePostBody = Static<typeof CreatePostBody>;
export const UpdatePostBody = Type.Object({
  title: Type.Optional(Title),
  body: Type.Optional(PostBody),
  contentWarning: Type.Optional(Type.Union([ContentWarningName, Type.Null()])),
});
export type UpdatePostBody = Static<typeof UpdatePostBody>;
export const CreateReplyBody = Type.Object({
  body: ReplyBody,
  parentId: Type.Optional(Type.Union([Id, Type.Null()])),
  anonymous: Type.Optional(Type.Boolean()),
});
export type CreateReplyBody = Static<typeof CreateReplyBody>;
export const UpdateReplyBody = Type.Object({ body: ReplyBody });
export const PreviewBody = Type.Object({ body: Type.String({ maxLength: POST_BODY_MAX }) });

export const FeedSort = Type.Enum(['new', 'active', 'unanswered'], { errorMessage: 'Please choose new, active or unanswered.' });
export const PageQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
});
export const GroupFeedQuery = Type.Object({
  sort: Type.Optional(FeedSort),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
});
export const RepliesQuery = Type.Object({
  // A thread's cursor carries a reply's path, which grows with nesting.
  cursor: Type.Optional(Type.String({ maxLength: 2000 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })),
});
export const SearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', errorMessage: { minLength: 'Please type what to search for.', pattern: 'Please type what to search for.' } }),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
});

export const PostPage = Type.Object({ items: Type.Array(PostSummary), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export const ReplyPage = Type.Object({ items: Type.Array(Reply), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export const PostEnvelope = Type.Object({ post: PostDetail });
export const CreatedPost = Type.Object({ post: PostDetail, safety: SafetyOutcome });
export const ReplyEnvelope = Type.Object({ reply: Reply });
export const CreatedReply = Type.Object({ reply: Reply, safety: SafetyOutcome });
export const ReactionState = Type.Object({ reactions: ReactionCounts, myReactions: Type.Array(ReactionName) });
export const Preview = Type.Object({ html: Type.String() });

/** Notices about meetings in the same list: a seat came free, reminders, an occurrence cancelled or moved, a series cancelled, made co-facilitator. */
export const MEETING_NOTICE_KINDS = ['meeting_promoted', 'meeting_reminder_24h', 'meeting_reminder_15m', 'meeting_cancelled', 'meeting_moved', 'meeting_series_cancelled', 'meeting_co_facilitator'] as const;
export type MeetingNoticeKind = (typeof MEETING_NOTICE_KINDS)[number];

export const Notification = Type.Object({
  id: Type.String(),
  /** reply: to my post or one I follow; mention: @handle in a post or reply; reaction: to my post or reply (replyId says which); meeting_*: about a meeting (`meeting` says which). */
  kind: Type.Enum(['reply', 'mention', 'reaction', ...MEETING_NOTICE_KINDS]),
  /** Null on a meeting notice. */
  post: Type.Union([Type.Object({ id: Type.String(), title: Type.String() }), Type.Null()]),
  replyId: Type.Union([Type.String(), Type.Null()]),
  /** For a reaction: the newest person who reacted. Null on a meeting notice. */
  actor: Type.Union([Author, Type.Null()]),
  /** On a meeting notice: the occurrence, named by its local date, and its start when the notice was written (for a move, the new one). */
  meeting: Type.Optional(Type.Object({ id: Type.String(), title: Type.String(), localDate: Type.String(), startsAt: Type.Number({ description: 'UTC ms' }) })),
  /** For a reaction: the newest reaction's kind. */
  reaction: Type.Optional(ReactionName),
  /** For a reaction: how many more people reacted while it was unread. */
  others: Type.Optional(Type.Integer()),
  createdAt: Type.Number(),
  read: Type.Boolean(),
});
export type Notification = Static<typeof Notification>;
export const NotificationPage = Type.Object({
  items: Type.Array(Notification),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  unread: Type.Integer(),
});
export const UnreadCount = Type.Object({ unread: Type.Integer() });

export const SearchHit = Type.Object({
  kind: Type.Enum(['post', 'reply']),
  postId: Type.String(),
  replyId: Type.Union([Type.String(), Type.Null()]),
  group: Type.Object({ slug: Type.String(), name: Type.String() }),
  title: Type.String(),
  /** The post's content warning: when set, the snippet is empty and the reader chooses to open the post. */
  contentWarning: Type.Union([ContentWarningName, Type.Null()]),
  /** Escaped text with the matched words wrapped in <mark>; empty behind a content warning. */
  snippetHtml: Type.String(),
  createdAt: Type.Number(),
});
export type SearchHit = Static<typeof SearchHit>;
export const SearchPage = Type.Object({ items: Type.Array(SearchHit), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export const Profile = Type.Object({
  handle: Type.String(),
  /** "2026-11": the month the member joined, nothing finer. */
  joinedMonth: Type.String(),
  groups: Type.Array(Type.Object({ slug: Type.String(), name: Type.String() })),
  /** Present, and true, when the reader blocked this member. */
  blockedByMe: Type.Optional(Type.Boolean()),
});
export const ProfileParams = Type.Object({ handle: Type.String({ minLength: 1, maxLength: 24, pattern: '^[A-Za-z0-9_-]+$' }) });
export const MembershipVisibilityBody = Type.Object({ showOnProfile: Type.Boolean() });
export const RevealedAuthor = Type.Object({ author: Type.Object({ id: Type.String(), handle: Type.String() }) });
