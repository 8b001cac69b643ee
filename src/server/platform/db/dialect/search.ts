import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.js';
import type { DialectName } from './index.js';

/**
 * Full-text search, the one place it differs by dialect: an FTS5 table on SQLite, a
 * tsvector with a GIN index on PostgreSQL. Both index the same normalised terms
 * (modules/search/terms.ts), match every query term as a prefix, and return candidates
 * newest first; ranking happens once, in the search module, so both rank alike.
 */

export async function createSearchSchema(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') {
    await db.schema
      .createTable('search_docs')
      .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('doc_key', 'text', (c) => c.notNull().unique())
      .addColumn('group_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    // Contentless: the text lives in posts and replies; the index keeps only what it needs to match.
    // Terms arrive already folded (modules/search/terms.ts), so the tokenizer folds nothing more
    // than PostgreSQL's `simple` configuration does.
    await sql`create virtual table search_fts using fts5(terms, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
  } else {
    await db.schema
      .createTable('search_docs')
      .addColumn('doc_key', 'text', (c) => c.primaryKey())
      .addColumn('group_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('tsv', sql`tsvector`, (c) => c.notNull())
      .execute();
    await sql`create index search_docs_tsv on search_docs using gin (tsv)`.execute(db);
  }
  await db.schema.createIndex('search_docs_created').on('search_docs').columns(['created_at']).execute();
}

export async function dropSearchSchema(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') await sql`drop table search_fts`.execute(db);
  await db.schema.dropTable('search_docs').execute();
}

/** Adds or replaces one document's terms (`fresh`: the document is new, nothing to replace). */
export async function indexSearchDoc(
  db: Kysely<DB>,
  dialect: DialectName,
  doc: { key: string; groupId: string; createdAt: number; terms: string },
  fresh = false,
): Promise<void> {
  if (!fresh) await removeSearchDoc(db, dialect, doc.key);
  if (dialect === 'sqlite') {
    const row = await sql<{ seq: number }>`insert into search_docs (doc_key, group_id, created_at) values (${doc.key}, ${doc.groupId}, ${doc.createdAt}) returning seq`.execute(db);
    await sql`insert into search_fts (rowid, terms) values (${row.rows[0]!.seq}, ${doc.terms})`.execute(db);
  } else {
    await sql`insert into search_docs (doc_key, group_id, created_at, tsv) values (${doc.key}, ${doc.groupId}, ${doc.createdAt}, to_tsvector('simple', ${doc.terms}))`.execute(db);
  }
}

export async function removeSearchDoc(db: Kysely<DB>, dialect: DialectName, key: string): Promise<void> {
  if (dialect === 'sqlite') {
    const found = await sql<{ seq: number }>`select seq from search_docs where doc_key = ${key}`.execute(db);
    const seq = found.rows[0]?.seq;
    if (seq === undefined) return;
    await sql`delete from search_fts where rowid = ${seq}`.execute(db);
    await sql`delete from search_docs where seq = ${seq}`.execute(db);
  } else {
    await sql`delete from search_docs where doc_key = ${key}`.execute(db);
  }
}

/** Keys of documents in `groupIds` that contain every term (as a prefix), newest first. */
export async function searchCandidates(
  db: Kysely<DB>,
  dialect: DialectName,
  terms: string[],
  groupIds: string[],
  limit: number,
): Promise<string[]> {
  if (terms.length === 0 || groupIds.length === 0) return [];
  // Terms are normalised to letters and digits, so quoting them is all the escaping needed.
  if (dialect === 'sqlite') {
    const match = terms.map((t) => `"${t}"*`).join(' AND ');
    const rows = await sql<{ doc_key: string }>`
      select d.doc_key from search_fts f join search_docs d on d.seq = f.rowid
      where search_fts match ${match} and d.group_id in (${sql.join(groupIds)})
      order by d.created_at desc, d.doc_key desc limit ${limit}`.execute(db);
    return rows.rows.map((r) => r.doc_key);
  }
  const query = terms.map((t) => `${t}:*`).join(' & ');
  const rows = await sql<{ doc_key: string }>`
    select doc_key from search_docs
    where tsv @@ to_tsquery('simple', ${query}) and group_id in (${sql.join(groupIds)})
    order by created_at desc, doc_key desc limit ${limit}`.execute(db);
  return rows.rows.map((r) => r.doc_key);
}
