import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import * as foundation from './2026_11_25_0001_foundation.js';

/** Every migration, registered by name in the order it landed. Never edit one that has landed. */
const migrations: Record<string, Migration> = {
  '2026_11_25_0001_foundation': foundation,
};

export class MigrationError extends Error {}

/** Brings the schema up to date; safe to call on every start. */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<MigrationResultSet> {
  // Kysely looks its bookkeeping tables up across schemas; name ours when it is not the default.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`Migration ${failed} failed: ${String((result.error as Error).message ?? result.error)}`);
  }
  return result;
}
