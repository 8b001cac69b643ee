import fs from 'node:fs';
import path from 'node:path';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ConfigError } from '../../platform/config/config.js';

/**
 * Journal entries are sealed with AES-256-GCM before they reach the database: a random 96-bit
 * IV per write, the 128-bit tag kept beside the ciphertext, and the id of the key that sealed
 * it. The entry's id and its author's id are bound in as additional data, so a sealed entry
 * copied onto another row or another member does not open. See docs/decisions.md for keys
 * and rotation.
 */

export interface JournalKey {
  id: string;
  key: Buffer;
}

/** The keys this installation holds: the first seals new writes, every one opens. */
export interface JournalKeyring {
  current: JournalKey;
  all: ReadonlyMap<string, Buffer>;
  /** Where the keys came from, for the boot log (never the keys themselves). */
  source: 'setting' | 'data-dir';
}

export interface Sealed {
  key_id: string;
  iv: string;
  auth_tag: string;
  ciphertext: string;
}

/** An entry this installation cannot open: its key is gone, or the row was changed outside Kindred. */
export class UnreadableEntry extends Error {
  constructor(readonly keyId: string) {
    super(`a journal entry sealed with key "${keyId}" could not be opened`);
    this.name = 'UnreadableEntry';
  }
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const LOCAL_KEY_FILE = 'journal-key';
const LOCAL_KEY_ID = 'local';

function decodeKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return null;
  const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === 32 ? key : null;
}

/**
 * Reads JOURNAL_KEYS ("id:base64key,id:base64key"): the first key seals, all of them open.
 * Throws ConfigError naming what is wrong, never the key.
 */
export function parseJournalKeys(setting: string): JournalKey[] {
  const keys: JournalKey[] = [];
  for (const [i, part] of setting.split(',').entries()) {
    const at = part.indexOf(':');
    const id = at > 0 ? part.slice(0, at).trim() : '';
    const key = at > 0 ? decodeKey(part.slice(at + 1)) : null;
    if (!KEY_ID.test(id) || !key) {
      throw new ConfigError(
        `Kindred cannot start: JOURNAL_KEYS entry ${i + 1} is not "id:key" with an id of letters, digits, _ or - and a key of 32 random bytes in base64 (openssl rand -base64 32).`,
      );
    }
    if (keys.some((k) => k.id === id)) throw new ConfigError(`Kindred cannot start: JOURNAL_KEYS names the key "${id}" twice.`);
    keys.push({ id, key });
  }
  return keys;
}

/**
 * The installation's own key in DATA_DIR, made on first use, for installs that have not set
 * JOURNAL_KEYS (development and tests). Written to a temporary file and linked into place, so
 * two processes starting at once agree on one key.
 */
function localKey(dataDir: string): JournalKey {
  const file = path.join(dataDir, LOCAL_KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(temporary, randomBytes(32).toString('base64') + '\n', { mode: 0o600 });
    try {
      fs.linkSync(temporary, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  }
  const key = decodeKey(fs.readFileSync(file, 'utf8'));
  if (!key) throw new ConfigError(`Kindred cannot start: ${file} does not hold a journal key (32 bytes in base64). Restore it from a backup, or set JOURNAL_KEYS.`);
  return { id: LOCAL_KEY_ID, key };
}

/** The keyring from the settings: JOURNAL_KEYS when set, else the installation's key in DATA_DIR. */
export function loadJournalKeyring({ JOURNAL_KEYS, DATA_DIR }: { JOURNAL_KEYS: string; DATA_DIR: string }): JournalKeyring {
  const keys = JOURNAL_KEYS.trim() ? parseJournalKeys(JOURNAL_KEYS) : [localKey(DATA_DIR)];
  return { current: keys[0]!, all: new Map(keys.map((k) => [k.id, k.key])), source: JOURNAL_KEYS.trim() ? 'setting' : 'data-dir' };
}

/** A keyring from keys in hand (tests). */
export function keyringOf(keys: JournalKey[]): JournalKeyring {
  return { current: keys[0]!, all: new Map(keys.map((k) => [k.id, k.key])), source: 'setting' };
}

const aad = (memberId: string, entryId: string) => Buffer.from(`kindred-journal:v1:${memberId}:${entryId}`, 'utf8');

/** Seals `plain` under the keyring's current key, for the entry `entryId` of `memberId`. */
export function seal(keyring: JournalKeyring, memberId: string, entryId: string, plain: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyring.current.key, iv);
  cipher.setAAD(aad(memberId, entryId));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return { key_id: keyring.current.id, iv: iv.toString('base64'), auth_tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
}

/** Opens a sealed entry; throws UnreadableEntry when the key is missing or anything was changed. */
export function open(keyring: JournalKeyring, memberId: string, entryId: string, sealed: Sealed): string {
  const key = keyring.all.get(sealed.key_id);
  if (!key) throw new UnreadableEntry(sealed.key_id);
  try {
    const tag = Buffer.from(sealed.auth_tag, 'base64');
    const iv = Buffer.from(sealed.iv, 'base64');
    if (tag.length !== 16 || iv.length !== 12) throw new Error('bad sizes');
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
    decipher.setAAD(aad(memberId, entryId));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new UnreadableEntry(sealed.key_id);
  }
}
