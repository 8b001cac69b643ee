import type { Config } from '../config/config.js';
import { openDatabase, sqliteFileIn, type Database } from './dialect/index.js';
import { migrateDatabase } from './migrations/index.js';

/** Opens the configured database and brings its schema up to date. */
export async function openMigratedDatabase(config: Config): Promise<Database> {
  const database = openDatabase({ url: config.DATABASE_URL, sqliteFile: sqliteFileIn(config.DATA_DIR) });
  try {
    await migrateDatabase(database);
  } catch (err) {
    await database.db.destroy();
    throw err;
  }
  return database;
}
