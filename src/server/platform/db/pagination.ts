import { sql, type SelectQueryBuilder } from 'kysely';
import { AppError } from '../http/errors.js';

/**
 * Keyset (cursor) pagination: the one helper every list uses. A cursor names the last row
 * seen by its sort value and id, so pages stay stable while rows are added, and no query
 * ever skips rows with OFFSET.
 */
export type SortValue = string | number;

export interface PageRequest {
  cursor?: string | undefined;
  limit: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(sortValue: SortValue, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id]), 'utf8').toString('base64url');
}

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** Reads a cursor back, refusing anything this server could not have written (a tampered cursor is a 400, never a 500). */
export function decodeCursor(cursor: string, sortType: 'number' | 'string'): [SortValue, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (sortType === 'number' ? Number.isSafeInteger(parsed[0]) : typeof parsed[0] === 'string' && !parsed[0].includes('\u0000')) &&
      typeof parsed[1] === 'string' &&
      ULID.test(parsed[1])
    ) {
      return [parsed[0], parsed[1]];
    }
  } catch {
    // fall through to the kind error below
  }
  throw new AppError('bad_cursor', 'This list link has expired. Please reload the page.', 400);
}

/** Orders by (sort, id) and, given a cursor, starts after it; fetches one extra row to know whether more follow. */
export function keyset<QB extends SelectQueryBuilder<any, any, any>>(
  qb: QB,
  opts: { sort: string; sortType: 'number' | 'string'; id: string; direction: 'asc' | 'desc'; page: PageRequest },
): QB {
  let q = qb;
  if (opts.page.cursor) {
    const [value, id] = decodeCursor(opts.page.cursor, opts.sortType);
    const op = opts.direction === 'desc' ? '<' : '>';
    q = q.where(
      sql<boolean>`(${sql.ref(opts.sort)} ${sql.raw(op)} ${value} or (${sql.ref(opts.sort)} = ${value} and ${sql.ref(opts.id)} ${sql.raw(op)} ${id}))`,
    ) as QB;
  }
  return q
    .orderBy(sql.ref(opts.sort), opts.direction)
    .orderBy(sql.ref(opts.id), opts.direction)
    .limit(opts.page.limit + 1) as QB;
}

/** Cuts the extra row off and turns the last row into the next cursor. */
export function toPage<R, T>(rows: R[], limit: number, keyOf: (row: R) => [SortValue, string], present: (row: R) => T): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return {
    items: kept.map(present),
    nextCursor: more && last ? encodeCursor(...keyOf(last)) : null,
  };
}
