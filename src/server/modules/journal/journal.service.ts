import type { Kysely } from 'kysely';
import type { JournalEntry, JournalEntryBody, JournalPage, JournalSummary } from '../../../shared/journal.js';
import { JOURNAL_PREVIEW_MAX } from '../../../shared/journal-rules.js';
import type { DB } from '../../platform/db/schema.js';
import { toPage, type PageRequest } from '../../platform/db/pagination.js';
import type { AuthMember } from '../../platform/http/auth.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { ulid } from '../../platform/ids.js';
import { open, seal, UnreadableEntry, type JournalKeyring } from './journal.crypto.js';
import * as store from './journal.store.js';

export type JournalService = ReturnType<typeof createJournalService>;

interface Words {
  title: string;
  body: string;
}

/** Where the service tells the operator about an entry it could not open (ids only, never words). */
interface Log {
  warn(obj: object, msg: string): void;
}

const missing = () => notFound('That journal entry');

function preview(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > JOURNAL_PREVIEW_MAX ? `${chars.slice(0, JOURNAL_PREVIEW_MAX - 1).join('').trimEnd()}…` : flat;
}

/** Opens a row's words; the member and entry ids are part of what was sealed. */
export function openRow(keyring: JournalKeyring, memberId: string, row: store.JournalRow): Words {
  const parsed = JSON.parse(open(keyring, memberId, row.id, row)) as Partial<Words>;
  return { title: String(parsed.title ?? ''), body: String(parsed.body ?? '') };
}

/**
 * The member's private journal. Every query names the member: there is no route, role or
 * query by which anyone else reads an entry, and what is stored is sealed (journal.crypto.ts).
 */
export function createJournalService({ db, keyring, log, now = Date.now }: { db: Kysely<DB>; keyring: JournalKeyring; log: Log; now?: () => number }) {
  function clean(input: JournalEntryBody): Words {
    const words = { title: input.title.trim(), body: input.body.replace(/\s+$/, '') };
    if (!words.body.trim()) {
      throw new AppError('journal_empty', 'Please write something in the entry before saving it.', 400, { body: 'Please write something here.' });
    }
    return words;
  }

  function unreadable(memberId: string, id: string, err: UnreadableEntry): AppError {
    log.warn({ entry: id, member: memberId, keyId: err.keyId }, 'a journal entry could not be opened with the keys in JOURNAL_KEYS');
    return new AppError(
      'journal_unreadable',
      'Kindred cannot open this entry right now: the key it was locked with is not available. The people who run this Kindred can restore it; nothing has been lost.',
      409,
    );
  }

  function present(id: string, words: Words, row: { created_at: number; updated_at: number }): JournalEntry {
    return { id, title: words.title, body: words.body, createdAt: Number(row.created_at), updatedAt: Number(row.updated_at) };
  }

  async function read(member: AuthMember, id: string): Promise<JournalEntry> {
    const row = await store.findEntry(db, member.id, id);
    if (!row) throw missing();
    try {
      return present(row.id, openRow(keyring, member.id, row), row);
    } catch (err) {
      if (err instanceof UnreadableEntry) throw unreadable(member.id, row.id, err);
      throw err;
    }
  }

  return {
    /** The member's entries, newest first, a page at a time. */
    async list(member: AuthMember, page: PageRequest): Promise<JournalPage> {
      const rows = await store.listEntries(db, member.id, page);
      return toPage(
        rows,
        page.limit,
        (r) => [Number(r.created_at), r.id],
        (r): JournalSummary => {
          const base = { id: r.id, createdAt: Number(r.created_at), updatedAt: Number(r.updated_at) };
          try {
            const words = openRow(keyring, member.id, r);
            return { ...base, title: words.title, preview: preview(words.body), unreadable: false };
          } catch (err) {
            if (!(err instanceof UnreadableEntry)) throw err;
            log.warn({ entry: r.id, member: member.id, keyId: err.keyId }, 'a journal entry could not be opened with the keys in JOURNAL_KEYS');
            return { ...base, title: '', preview: '', unreadable: true };
          }
        },
      );
    },

    read,

    async create(member: AuthMember, input: JournalEntryBody): Promise<JournalEntry> {
      const words = clean(input);
      const id = ulid();
      const at = now();
      await store.insertEntry(db, { id, member_id: member.id, created_at: at, updated_at: at, ...seal(keyring, member.id, id, JSON.stringify(words)) });
      return present(id, words, { created_at: at, updated_at: at });
    },

    async update(member: AuthMember, id: string, input: JournalEntryBody): Promise<JournalEntry> {
      const words = clean(input);
      const row = await store.findEntry(db, member.id, id);
      if (!row) throw missing();
      const at = now();
      if (!(await store.updateEntry(db, member.id, id, seal(keyring, member.id, id, JSON.stringify(words)), at))) throw missing();
      return present(id, words, { created_at: row.created_at, updated_at: at });
    },

    async remove(member: AuthMember, id: string): Promise<void> {
      if (!(await store.deleteEntry(db, member.id, id))) throw missing();
    },
  };
}

/**
 * Re-seals every entry not yet under the keyring's current key (`npm run cli -- journal-rotate`),
 * in batches. Entries no key opens are left as they are and counted.
 */
export async function rotateJournalKeys(db: Kysely<DB>, keyring: JournalKeyring, batch = 200): Promise<{ resealed: number; unreadable: number }> {
  let after = '';
  let resealed = 0;
  let unreadable = 0;
  for (;;) {
    const rows = await store.notUnderKey(db, keyring.current.id, after, batch);
    for (const row of rows) {
      let plain: string;
      try {
        plain = open(keyring, row.member_id, row.id, row);
      } catch (err) {
        if (!(err instanceof UnreadableEntry)) throw err;
        unreadable += 1;
        continue;
      }
      // An entry edited meanwhile is already under the current key: nothing to do.
      if (await store.reseal(db, row.id, row, seal(keyring, row.member_id, row.id, plain))) resealed += 1;
    }
    if (rows.length < batch) break;
    after = rows[rows.length - 1]!.id;
  }
  return { resealed, unreadable };
}
