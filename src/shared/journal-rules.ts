/** The private journal's limits, shared by server and web without pulling in schemas. */
export const JOURNAL_TITLE_MAX = 120;
export const JOURNAL_BODY_MAX = 20_000;
/** How much of an entry the list shows under its title. */
export const JOURNAL_PREVIEW_MAX = 160;
export const JOURNAL_PAGE_MAX = 50;
