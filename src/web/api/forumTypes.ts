import type { Static } from 'typebox';
import type * as Forum from '../../shared/forum';

/** The forum contract's response shapes, for the web client (types only: nothing of typebox is bundled). */
export type { Author, ContentWarning, CreatePostBody, CreateReplyBody, Notification, PostDetail, PostSummary, ReactionCounts, ReactionKind, Reply, SafetyOutcome, SearchHit, UpdatePostBody } from '../../shared/forum';

export type FeedSort = Static<typeof Forum.FeedSort>;
export type PostPage = Static<typeof Forum.PostPage>;
export type ReplyPage = Static<typeof Forum.ReplyPage>;
export type CreatedPost = Static<typeof Forum.CreatedPost>;
export type CreatedReply = Static<typeof Forum.CreatedReply>;
export type ReactionState = Static<typeof Forum.ReactionState>;
export type NotificationPage = Static<typeof Forum.NotificationPage>;
export type SearchPage = Static<typeof Forum.SearchPage>;
export type Profile = Static<typeof Forum.Profile>;
export type RevealedAuthor = Static<typeof Forum.RevealedAuthor>;
