import readline from 'node:readline';
import { loadConfig } from './platform/config/config.js';
import { openDatabase, sqliteFileIn } from './platform/db/dialect/index.js';
import { migrateDatabase } from './platform/db/migrations/index.js';
import { createAccountsService } from './modules/accounts/accounts.service.js';
import { createGroupsService } from './modules/groups/groups.service.js';
import { createResourcesService } from './modules/resources/resources.service.js';
import { HANDLE_MAX, HANDLE_MIN, HANDLE_PATTERN } from '../shared/rules.js';

const USAGE = `Usage: npm run cli -- <command>

Commands:
  migrate               bring the database schema up to date
  create-admin <handle> make <handle> an admin, creating the account if it does not exist
  seed                  create the default groups and starter articles (only if they were never created)
  journal-rotate        re-seal every journal entry under the first key of JOURNAL_KEYS
                        (run after putting a new key first; then remove the old one)
  assess [--language xx] read one text per line on standard input and print one JSON
                        object per line: level, score, categories, matches, language
                        (the risk engine; does not open the database)
`;

/** `assess`: one text per line in, one assessment per line out, in the same order. */
async function assessLines(args: string[]): Promise<number> {
  const at = args.indexOf('--language');
  const language = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && !language) {
    process.stderr.write(`Please give a language after --language, such as "en" or "es".\n${USAGE}`);
    return 1;
  }
  // Loaded only here: compiling the lexicons is work the database commands do not need.
  const { assessText } = await import('./modules/safety/assess.js');
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const { level, score, categories, matches, language: detected } = assessText(line, language ? { language } : undefined);
    process.stdout.write(JSON.stringify({ level, score, categories, matches, language: detected }) + '\n');
  }
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  return 0;
}

/** `npm run cli -- <command>`: operator tasks against the configured database. */
async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(USAGE);
    return command ? 0 : 1;
  }
  // Needs no configuration or database: it runs anywhere the code is, even without a data folder.
  if (command === 'assess') return assessLines(args);
  const config = loadConfig();
  const database = openDatabase({ url: config.DATABASE_URL, sqliteFile: sqliteFileIn(config.DATA_DIR) });
  const { db } = database;
  try {
    await migrateDatabase(database);
    switch (command) {
      case 'migrate':
        process.stdout.write('The database is up to date.\n');
        return 0;
      case 'seed': {
        const created = await createGroupsService({ db }).seedDefaults();
        process.stdout.write(created ? 'Created the default groups.\n' : 'The default groups were created before; nothing to do.\n');
        const articles = await createResourcesService({ db }).seedDefaults();
        process.stdout.write(articles ? 'Added the starter articles to the resource library.\n' : 'The starter articles were added before; nothing to do.\n');
        return 0;
      }
      case 'journal-rotate': {
        const { loadJournalKeyring } = await import('./modules/journal/journal.crypto.js');
        const { rotateJournalKeys } = await import('./modules/journal/journal.service.js');
        const keyring = loadJournalKeyring(config);
        const { resealed, unreadable } = await rotateJournalKeys(db, keyring);
        process.stdout.write(`Re-sealed ${resealed} journal ${resealed === 1 ? 'entry' : 'entries'} under the key "${keyring.current.id}".\n`);
        if (unreadable > 0) {
          process.stderr.write(
            `${unreadable} ${unreadable === 1 ? 'entry was' : 'entries were'} sealed with a key that is no longer in JOURNAL_KEYS and could not be opened; ` +
              'they were left as they are. Put the old key back (after the new one) and run this again.\n',
          );
          return 1;
        }
        return 0;
      }
      case 'create-admin': {
        const handle = args[0]?.trim() ?? '';
        if (handle.length < HANDLE_MIN || handle.length > HANDLE_MAX || !new RegExp(HANDLE_PATTERN).test(handle)) {
          process.stderr.write(`Please give a handle of ${HANDLE_MIN}–${HANDLE_MAX} letters, digits, _ or -.\n${USAGE}`);
          return 1;
        }
        const result = await createAccountsService({ db, sessionDays: config.SESSION_DAYS }).createOrPromoteAdmin(handle);
        if (result.created) {
          process.stdout.write(
            `Created the admin account "${handle}".\n` +
              `  Passphrase (change it in Settings after logging in): ${result.passphrase}\n` +
              `  Recovery code (keep it safe; it resets the passphrase): ${result.recoveryCode}\n` +
              'These are shown only once.\n',
          );
        } else {
          process.stdout.write(`"${handle}" is now an admin.\n`);
        }
        return 0;
      }
      default:
        process.stderr.write(`Unknown command "${command}".\n${USAGE}`);
        return 1;
    }
  } finally {
    await db.destroy();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
