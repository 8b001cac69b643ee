import type { Kysely } from 'kysely';
import type { DB, JournalEntriesTable } from '../../platform/db/schema.js';
import { keyset, type PageRequest } from '../../platform/db/pagination.js';
import type { Sealed } from './journal.crypto.js';

/** The queries over journal_entries. Every one that reads or changes an entry names its member. */

export type JournalRow = Pick<JournalEntriesTable, 'id' | 'key_id' | 'iv' | 'auth_tag' | 'ciphertext' | 'created_at' | 'updated_at'>;
const columns = ['id', 'key_id', 'iv', 'auth_tag', 'ciphertext', 'created_at', 'updated_at'] as const;

export async function insertEntry(db: Kysely<DB>, row: { id: string; member_id: string; created_at: number; updated_at: number } & Sealed): Promise<void> {
  await db.insertInto('journal_entries').values(row).execute();
}

export function findEntry(db: Kysely<DB>, memberId: string, id: string): Promise<JournalRow | undefined> {
  return db.selectFrom('journal_entries').select(columns).where('member_id', '=', memberId).where('id', '=', id).executeTakeFirst();
}

/** The member's entries, newest first, one page (plus one row, to know whether more follow). */
export function listEntries(db: Kysely<DB>, memberId: string, page: PageRequest): Promise<JournalRow[]> {
  return keyset(db.selectFrom('journal_entries').select(columns).where('member_id', '=', memberId), {
    sort: 'created_at',
    sortType: 'number',
    id: 'id',
    direction: 'desc',
    page,
  }).execute();
}

/** Every entry of the member, oldest first (the export). */
export function allEntries(db: Kysely<DB>, memberId: string): Promise<JournalRow[]> {
  return db.selectFrom('journal_entries').select(columns).where('member_id', '=', memberId).orderBy('created_at').orderBy('id').execute();
}

/** Replaces the sealed words; false when the entry is not the member's (or is gone). */
export async function updateEntry(db: Kysely<DB>, memberId: string, id: string, sealed: Sealed, now: number): Promise<boolean> {
  const r = await db.updateTable('journal_entries').set({ ...sealed, updated_at: now }).where('member_id', '=', memberId).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteEntry(db: Kysely<DB>, memberId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('journal_entries').where('member_id', '=', memberId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function deleteAllOf(db: Kysely<DB>, memberId: string): Promise<void> {
  await db.deleteFrom('journal_entries').where('member_id', '=', memberId).execute();
}

/** A batch of entries sealed with some key other than `keyId`, after the id `after` (rotation). */
export function notUnderKey(db: Kysely<DB>, keyId: string, after: string, limit: number) {
  return db
    .selectFrom('journal_entries')
    .select([...columns, 'member_id'])
    .where('key_id', '<>', keyId)
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Re-seals one entry, only if nobody changed it since it was read (same key and IV). */
export async function reseal(db: Kysely<DB>, id: string, was: Sealed, sealed: Sealed): Promise<boolean> {
  const r = await db.updateTable('journal_entries').set(sealed).where('id', '=', id).where('key_id', '=', was.key_id).where('iv', '=', was.iv).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
