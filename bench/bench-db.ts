// A throw-away database for a benchmark: SQLite in a temporary folder, or a new
// PostgreSQL database (dropped by cleanup). `env` is what a Kindred process needs to use it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, sqliteFileIn, type Database } from '../src/server/platform/db/dialect/index.js';

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function benchDatabase(
  dialect: 'sqlite' | 'postgres',
  label: string,
): Promise<{ env: Record<string, string>; database: Database; cleanup: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kindred-${label}-`));
    const database = openDatabase({ url: '', sqliteFile: sqliteFileIn(dir) });
    return { env: { DATA_DIR: dir }, database, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `kindred_${label.replace(/\W/g, '_')}_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const database = openDatabase({ url: url.toString(), sqliteFile: '' });
  return {
    env: { DATABASE_URL: url.toString() },
    database,
    cleanup: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
