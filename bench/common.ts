// Shared by the benchmarks. A throw-away database for a benchmark: SQLite in a temporary folder, or a new
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

/** One measured scenario. */
export interface Row {
  dialect: string;
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Puts a run's section at the top of bench/RESULTS.md, under the title (newest first). */
export function recordResults(section: string): void {
  const file = path.resolve(import.meta.dirname, 'RESULTS.md');
  const existing = fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8')
    : '# Benchmark results\n\nNewest first. Compare runs by their ratio to the baseline row of the same run.\n';
  const [title, ...rest] = existing.split('\n## ');
  fs.writeFileSync(file, [title!.trimEnd(), '', section, ...rest.map((r) => '## ' + r.trimEnd())].join('\n\n').trimEnd() + '\n');
}
