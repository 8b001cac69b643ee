import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import type { Database, DialectName } from '../dialect/index.js';
import * as foundation from './2026_11_25_0001_foundation.js';
import { forums } from './2026_11_25_0002_forums.js';
import { safety } from './2026_11_25_0003_safety.js';
import { messaging } from './2026_11_25_0004_messaging.js';
import { mentionsReactions } from './2026_11_25_0005_mentions_reactions.js';
import { listeners } from './2026_11_26_0006_listeners.js';
import { moderation } from './2026_11_26_0007_moderation.js';
import { trust } from './2026_11_26_0008_trust.js';
import { groupStaff } from './2026_11_26_0009_group_staff.js';
import { blocksBothWays } from './2026_11_26_0010_blocks_both_ways.js';
import { facilitators } from './2026_11_26_0011_facilitators.js';
import { meetings } from './2026_11_26_0012_meetings.js';
import { meetingLive } from './2026_11_26_0013_meeting_live.js';
import { meetingNotices } from './2026_11_26_0014_meeting_notices.js';
import { selfChecks } from './2026_11_26_0015_self_checks.js';
import { journal } from './2026_11_26_0016_journal.js';
import { resources } from './2026_11_26_0017_resources.js';

/**
 * Every migration, registered by name in the order it landed. Never edit one that has
 * landed. A migration that needs dialect-specific DDL takes the dialect (only search does).
 */
function migrations(dialect: DialectName): Record<string, Migration> {
  return {
    '2026_11_25_0001_foundation': foundation,
    '2026_11_25_0002_forums': forums(dialect),
    '2026_11_25_0003_safety': safety(dialect),
    '2026_11_25_0004_messaging': messaging,
    '2026_11_25_0005_mentions_reactions': mentionsReactions,
    '2026_11_26_0006_listeners': listeners,
    '2026_11_26_0007_moderation': moderation,
    '2026_11_26_0008_trust': trust,
    '2026_11_26_0009_group_staff': groupStaff,
    '2026_11_26_0010_blocks_both_ways': blocksBothWays,
    '2026_11_26_0011_facilitators': facilitators,
    '2026_11_26_0012_meetings': meetings,
    '2026_11_26_0013_meeting_live': meetingLive,
    '2026_11_26_0014_meeting_notices': meetingNotices,
    '2026_11_26_0015_self_checks': selfChecks,
    '2026_11_26_0016_journal': journal,
    '2026_11_26_0017_resources': resources,
  };
}

export class MigrationError extends Error {}

/** Brings the schema up to date; safe to call on every start. */
export async function migrateToLatest(db: Kysely<any>, dialect: DialectName, schema?: string): Promise<MigrationResultSet> {
  // Kysely looks its bookkeeping tables up across schemas; name ours when it is not the default.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(dialect) },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`Migration ${failed} failed: ${String((result.error as Error).message ?? result.error)}`);
  }
  return result;
}

/** Migrates an opened database, whichever dialect and schema it uses. */
export function migrateDatabase(database: Database): Promise<MigrationResultSet> {
  return migrateToLatest(database.db, database.dialect, database.schema);
}
