import { Type, type Static } from 'typebox';
import { JOURNAL_BODY_MAX, JOURNAL_PAGE_MAX, JOURNAL_TITLE_MAX } from './journal-rules.js';

/** The member's private journal (/api/v1/me/journal): shared by server and web (types only on the web). */

export const JournalEntryParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 40, pattern: '^[0-9A-Za-z]+$', errorMessage: 'That is not a journal entry Kindred knows.' }),
});

export const JournalEntryBody = Type.Object(
  {
    title: Type.String({ maxLength: JOURNAL_TITLE_MAX, errorMessage: `Please keep the title to ${JOURNAL_TITLE_MAX} characters or fewer.` }),
    body: Type.String({ maxLength: JOURNAL_BODY_MAX, errorMessage: `Please keep an entry to ${JOURNAL_BODY_MAX.toLocaleString('en')} characters or fewer.` }),
  },
  { additionalProperties: false },
);
export type JournalEntryBody = Static<typeof JournalEntryBody>;

export const JournalListQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: JOURNAL_PAGE_MAX, default: 20 })),
});

export const JournalEntry = Type.Object({
  id: Type.String(),
  /** Empty when the member gave none. */
  title: Type.String(),
  body: Type.String(),
  createdAt: Type.Number(),
  updatedAt: Type.Number(),
});
export type JournalEntry = Static<typeof JournalEntry>;

/** One line of the list: the title and the start of the entry. */
export const JournalSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  preview: Type.String(),
  createdAt: Type.Number(),
  updatedAt: Type.Number(),
  /** True when this installation's keys cannot open the entry (its key was removed too soon): title and preview are empty. */
  unreadable: Type.Boolean(),
});
export type JournalSummary = Static<typeof JournalSummary>;

export const JournalPage = Type.Object({ items: Type.Array(JournalSummary), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type JournalPage = Static<typeof JournalPage>;

export const JournalEntryEnvelope = Type.Object({ entry: JournalEntry });
export type JournalEntryEnvelope = Static<typeof JournalEntryEnvelope>;
