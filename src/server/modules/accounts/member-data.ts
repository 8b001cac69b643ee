import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

/**
 * What each module keeps about a member, for "Download my data" and "Delete my account".
 * Every module that stores something a member wrote or chose adds one of these in app.ts,
 * so the export is complete and deletion leaves nothing of theirs behind.
 */
export interface MemberData {
  /** A key in the export file, e.g. "posts". */
  name: string;
  export(db: Kysely<DB>, memberId: string): Promise<unknown>;
  /** Inside the deletion's transaction. */
  erase(trx: Kysely<DB>, memberId: string, now: number): Promise<void>;
}
