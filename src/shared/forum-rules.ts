/** The forum's limits and vocabularies, shared by server and web without pulling in schemas. */
export const POST_TITLE_MAX = 200;
export const POST_BODY_MAX = 20_000;
export const REPLY_BODY_MAX = 10_000;
/** Replies deeper than this are shown flattened under their parent. */
export const REPLY_DISPLAY_DEPTH = 3;
export const NEEDS_REPLY_DAYS = 7;

export const CONTENT_WARNINGS = ['self_harm', 'suicide', 'abuse', 'eating', 'grief', 'other'] as const;
export type ContentWarning = (typeof CONTENT_WARNINGS)[number];
export const REACTIONS = ['hug', 'me_too', 'thank_you', 'got_this'] as const;
export type ReactionKind = (typeof REACTIONS)[number];
