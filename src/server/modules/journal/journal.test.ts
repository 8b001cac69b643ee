import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../platform/config/config.js';
import { describeEachDialect, makeAdmin, grantRole, Visitor, type TestApp } from '../../test/harness.js';
import { keyringOf, loadJournalKeyring, open, parseJournalKeys, seal, UnreadableEntry } from './journal.crypto.js';
import { createJournalService, rotateJournalKeys } from './journal.service.js';

const OLD = { id: 'old-2026', key: randomBytes(32) };
const NEW = { id: 'new-2027', key: randomBytes(32) };
const setting = (...keys: { id: string; key: Buffer }[]) => keys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(',');

/** Made-up words, distinctive enough to look for in the raw rows. */
const WORDS = { title: 'Made-up lighthouse evening', body: 'A made-up note about walking past the marigold allotments and feeling a little lighter.' };
const PLAIN_PIECES = ['lighthouse', 'marigold', 'allotments', 'lighter'];

async function signedUp(t: TestApp, handle: string): Promise<Visitor> {
  const v = new Visitor(t.app);
  await v.signUp(handle);
  return v;
}

async function write(v: Visitor, words: { title: string; body: string } = WORDS): Promise<{ id: string; title: string; body: string; createdAt: number; updatedAt: number }> {
  const res = await v.post('/api/v1/me/journal', words);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().entry;
}

const noop = { warn: () => {} };

describe('journal sealing', () => {
  it('opens what it sealed, and only for the same member and entry', () => {
    const keyring = keyringOf([NEW]);
    const sealed = seal(keyring, 'member-a', 'entry-1', 'made-up words');
    expect(sealed.key_id).toBe(NEW.id);
    expect(Buffer.from(sealed.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(sealed.auth_tag, 'base64')).toHaveLength(16);
    expect(open(keyring, 'member-a', 'entry-1', sealed)).toBe('made-up words');
    // Copied onto another member's row, or another entry: it does not open.
    expect(() => open(keyring, 'member-b', 'entry-1', sealed)).toThrow(UnreadableEntry);
    expect(() => open(keyring, 'member-a', 'entry-2', sealed)).toThrow(UnreadableEntry);
  });

  it('uses a fresh IV every time, so the same words never seal the same way', () => {
    const keyring = keyringOf([NEW]);
    const a = seal(keyring, 'm', 'e', 'same made-up words');
    const b = seal(keyring, 'm', 'e', 'same made-up words');
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('fails safely on a wrong key, a missing key, a changed tag or changed words', () => {
    const sealed = seal(keyringOf([OLD]), 'm', 'e', 'made-up words');
    // The same id with a different key (a key replaced rather than rotated).
    expect(() => open(keyringOf([{ id: OLD.id, key: randomBytes(32) }]), 'm', 'e', sealed)).toThrow(UnreadableEntry);
    expect(() => open(keyringOf([NEW]), 'm', 'e', sealed)).toThrow(UnreadableEntry);
    const tag = Buffer.from(sealed.auth_tag, 'base64');
    tag[0]! ^= 1;
    expect(() => open(keyringOf([OLD]), 'm', 'e', { ...sealed, auth_tag: tag.toString('base64') })).toThrow(UnreadableEntry);
    const body = Buffer.from(sealed.ciphertext, 'base64');
    body[0]! ^= 1;
    expect(() => open(keyringOf([OLD]), 'm', 'e', { ...sealed, ciphertext: body.toString('base64') })).toThrow(UnreadableEntry);
    expect(() => open(keyringOf([OLD]), 'm', 'e', { ...sealed, auth_tag: '' })).toThrow(UnreadableEntry);
  });

  it('reads JOURNAL_KEYS, first key first, and refuses a malformed one without showing it', () => {
    const keys = parseJournalKeys(` ${setting(NEW, OLD)} `);
    expect(keys.map((k) => k.id)).toEqual([NEW.id, OLD.id]);
    expect(keys[0]!.key.equals(NEW.key)).toBe(true);
    expect(() => parseJournalKeys('only-an-id')).toThrow(ConfigError);
    expect(() => parseJournalKeys(`short:${randomBytes(16).toString('base64')}`)).toThrow(/32 random bytes/);
    expect(() => parseJournalKeys(setting(NEW, NEW))).toThrow(/twice/);
    const secret = randomBytes(31).toString('base64');
    try {
      parseJournalKeys(`k:${secret}`);
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).not.toContain(secret);
    }
  });

  it('makes one key in DATA_DIR when JOURNAL_KEYS is empty, and keeps it', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-journal-'));
    try {
      const first = loadJournalKeyring({ JOURNAL_KEYS: '', DATA_DIR: path.join(dataDir, 'nested') });
      const again = loadJournalKeyring({ JOURNAL_KEYS: '', DATA_DIR: path.join(dataDir, 'nested') });
      expect(first.source).toBe('data-dir');
      expect(first.current.id).toBe('local');
      expect(again.current.key.equals(first.current.key)).toBe(true);
      expect(fs.statSync(path.join(dataDir, 'nested', 'journal-key')).mode & 0o077).toBe(0);
      // The operator can carry it over into JOURNAL_KEYS as "local:…".
      const carried = loadJournalKeyring({ JOURNAL_KEYS: `local:${fs.readFileSync(path.join(dataDir, 'nested', 'journal-key'), 'utf8').trim()}`, DATA_DIR: dataDir });
      expect(carried.current.key.equals(first.current.key)).toBe(true);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describeEachDialect(
  'the private journal',
  (t) => {
    it('writes, lists newest first, reads, edits and deletes an entry', async () => {
      const ana = await signedUp(t(), 'QuietWren16');
      const first = await write(ana, { title: '', body: 'A made-up first entry.' });
      const second = await write(ana);
      expect(second).toMatchObject({ title: WORDS.title, body: WORDS.body });

      const list = (await ana.get('/api/v1/me/journal')).json();
      expect(list.items.map((e: { id: string }) => e.id)).toEqual([second.id, first.id]);
      expect(list.items[0]).toMatchObject({ title: WORDS.title, preview: WORDS.body, unreadable: false });
      expect(list.items[1]).toMatchObject({ title: '', preview: 'A made-up first entry.' });

      expect((await ana.get(`/api/v1/me/journal/${second.id}`)).json().entry).toEqual(second);

      const edited = await ana.put(`/api/v1/me/journal/${second.id}`, { title: '  A made-up new title ', body: 'Made-up words, rewritten.' });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json().entry).toMatchObject({ id: second.id, title: 'A made-up new title', body: 'Made-up words, rewritten.', createdAt: second.createdAt });
      expect((await ana.get(`/api/v1/me/journal/${second.id}`)).json().entry.body).toBe('Made-up words, rewritten.');

      expect((await ana.delete(`/api/v1/me/journal/${second.id}`)).statusCode).toBe(204);
      expect((await ana.get(`/api/v1/me/journal/${second.id}`)).statusCode).toBe(404);
      expect((await ana.delete(`/api/v1/me/journal/${second.id}`)).statusCode).toBe(404);
      expect((await ana.get('/api/v1/me/journal')).json().items.map((e: { id: string }) => e.id)).toEqual([first.id]);
    });

    it('pages the list with a cursor, and answers a tampered cursor kindly', async () => {
      const ana = await signedUp(t(), 'QuietWren17');
      const ids: string[] = [];
      for (let i = 0; i < 5; i += 1) ids.push((await write(ana, { title: `Made-up ${i}`, body: `Made-up entry ${i}.` })).id);
      const one = (await ana.get('/api/v1/me/journal?limit=2')).json();
      const two = (await ana.get(`/api/v1/me/journal?limit=2&cursor=${one.nextCursor}`)).json();
      const three = (await ana.get(`/api/v1/me/journal?limit=2&cursor=${two.nextCursor}`)).json();
      expect([...one.items, ...two.items, ...three.items].map((e: { id: string }) => e.id)).toEqual([...ids].reverse());
      expect(three.nextCursor).toBeNull();
      const bad = await ana.get('/api/v1/me/journal?cursor=not-a-cursor');
      expect(bad.statusCode).toBe(400);
    });

    it('stores ciphertext, never the words', async () => {
      const ana = await signedUp(t(), 'QuietWren18');
      const entry = await write(ana);
      const row = await t().database.db.selectFrom('journal_entries').selectAll().where('id', '=', entry.id).executeTakeFirstOrThrow();
      expect(row.key_id).toBe(NEW.id);
      const raw = JSON.stringify(row).toLowerCase();
      for (const piece of PLAIN_PIECES) expect(raw).not.toContain(piece);
      // Nor in base64 of the words, as a lazy "encryption" would leave them.
      expect(row.ciphertext).not.toContain(Buffer.from(WORDS.body).toString('base64').slice(0, 16));
    });

    it('refuses empty or over-long entries kindly, naming the field', async () => {
      const ana = await signedUp(t(), 'QuietWren19');
      const empty = await ana.post('/api/v1/me/journal', { title: 'A made-up title', body: '   \n ' });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.fields).toHaveProperty('body');
      const long = await ana.post('/api/v1/me/journal', { title: 'x'.repeat(121), body: 'Made-up words.' });
      expect(long.statusCode).toBe(400);
      expect(long.json().error.fields).toHaveProperty('title');
      const missing = await ana.post('/api/v1/me/journal', { body: 'Made-up words.' });
      expect(missing.statusCode).toBe(400);
      expect((await ana.get('/api/v1/me/journal/%20')).statusCode).toBe(400);
      expect(await t().database.db.selectFrom('journal_entries').select('id').execute()).toEqual([]);
    });

    it('never shows an entry to anyone else, admins and moderators included', async () => {
      const ana = await signedUp(t(), 'QuietWren20');
      const entry = await write(ana);
      const admin = await signedUp(t(), 'KeeperAdmin20');
      await makeAdmin(t(), 'KeeperAdmin20');
      const moderator = await signedUp(t(), 'KeeperMod20');
      await grantRole(t(), 'KeeperMod20', 'moderator');
      const member = await signedUp(t(), 'OtherWren20');
      for (const other of [admin, moderator, member]) {
        await other.logIn(other === admin ? 'KeeperAdmin20' : other === moderator ? 'KeeperMod20' : 'OtherWren20');
        expect((await other.get(`/api/v1/me/journal/${entry.id}`)).statusCode).toBe(404);
        expect((await other.put(`/api/v1/me/journal/${entry.id}`, { title: '', body: 'Made-up overwrite.' })).statusCode).toBe(404);
        expect((await other.delete(`/api/v1/me/journal/${entry.id}`)).statusCode).toBe(404);
        const list = await other.get('/api/v1/me/journal');
        expect(list.json().items).toEqual([]);
        for (const piece of PLAIN_PIECES) expect(list.body).not.toContain(piece);
      }
      expect((await new Visitor(t().app).get('/api/v1/me/journal')).statusCode).toBe(401);
      expect((await ana.get(`/api/v1/me/journal/${entry.id}`)).json().entry.body).toBe(WORDS.body);
    });

    it('answers an entry no key opens with a kind 409, and keeps listing the rest', async () => {
      const ana = await signedUp(t(), 'QuietWren21');
      const good = await write(ana, { title: 'Made-up fine', body: 'Made-up words that open.' });
      const bad = await write(ana);
      const row = await t().database.db.selectFrom('journal_entries').select('auth_tag').where('id', '=', bad.id).executeTakeFirstOrThrow();
      const tag = Buffer.from(row.auth_tag, 'base64');
      tag[3]! ^= 0xff;
      await t().database.db.updateTable('journal_entries').set({ auth_tag: tag.toString('base64') }).where('id', '=', bad.id).execute();

      const read = await ana.get(`/api/v1/me/journal/${bad.id}`);
      expect(read.statusCode).toBe(409);
      expect(read.json().error.code).toBe('journal_unreadable');
      const list = (await ana.get('/api/v1/me/journal')).json();
      expect(list.items).toEqual([
        expect.objectContaining({ id: bad.id, unreadable: true, title: '', preview: '' }),
        expect.objectContaining({ id: good.id, unreadable: false, title: 'Made-up fine' }),
      ]);
      // Writing it anew replaces what could not be opened.
      expect((await ana.put(`/api/v1/me/journal/${bad.id}`, { title: '', body: 'Made-up words, written again.' })).statusCode).toBe(200);
      expect((await ana.get(`/api/v1/me/journal/${bad.id}`)).json().entry.body).toBe('Made-up words, written again.');
      expect(t().logs.filter((l) => /"level":(50|60)/.test(l))).toEqual([]);
      expect(t().logs.join('\n')).not.toContain('marigold');
    });

    it('re-seals older entries under the newest key, so the old key can go', async () => {
      const ana = await signedUp(t(), 'QuietWren22');
      const anaId = (await t().database.db.selectFrom('members').select('id').where('handle', '=', 'QuietWren22').executeTakeFirstOrThrow()).id;
      const { db } = t().database;
      // Entries written while OLD was the installation's key.
      const before = createJournalService({ db, keyring: keyringOf([OLD]), log: noop });
      const member = { id: anaId } as Parameters<typeof before.create>[0];
      const written = [];
      for (let i = 0; i < 3; i += 1) written.push(await before.create(member, { title: `Made-up ${i}`, body: `Made-up older words ${i}.` }));
      const current = await write(ana);

      // Step one: NEW first, OLD still there: everything opens.
      const both = keyringOf([NEW, OLD]);
      expect((await ana.get(`/api/v1/me/journal/${written[0]!.id}`)).statusCode).toBe(409);
      const during = createJournalService({ db, keyring: both, log: noop });
      expect((await during.read(member, written[0]!.id)).body).toBe('Made-up older words 0.');

      // Step two: rotate, in small batches.
      expect(await rotateJournalKeys(db, both, 2)).toEqual({ resealed: 3, unreadable: 0 });
      const keys = await db.selectFrom('journal_entries').select('key_id').where('member_id', '=', anaId).execute();
      expect(keys.every((k) => k.key_id === NEW.id)).toBe(true);
      expect(await rotateJournalKeys(db, both)).toEqual({ resealed: 0, unreadable: 0 });

      // Step three: OLD removed; every entry still opens, through the app too.
      const after = createJournalService({ db, keyring: keyringOf([NEW]), log: noop });
      for (const [i, e] of written.entries()) expect((await after.read(member, e.id)).body).toBe(`Made-up older words ${i}.`);
      expect((await ana.get(`/api/v1/me/journal/${written[2]!.id}`)).json().entry.body).toBe('Made-up older words 2.');
      expect((await ana.get(`/api/v1/me/journal/${current.id}`)).json().entry.body).toBe(WORDS.body);

      // Rotating without the key an entry needs leaves it alone and says so.
      await createJournalService({ db, keyring: keyringOf([OLD]), log: noop }).create(member, { title: '', body: 'Made-up stray words.' });
      expect(await rotateJournalKeys(db, keyringOf([NEW]))).toEqual({ resealed: 0, unreadable: 1 });
    });

    it("is in the member's export, opened, and goes with the account", async () => {
      const ana = await signedUp(t(), 'QuietWren23');
      const bo = await signedUp(t(), 'OtherWren23');
      await write(ana);
      await write(bo, { title: 'Made-up other', body: 'Made-up words of someone else: juniper.' });
      const data = (await ana.get('/api/v1/me/export')).json();
      expect(data.journal).toEqual([expect.objectContaining({ title: WORDS.title, body: WORDS.body })]);
      expect(JSON.stringify(data)).not.toContain('juniper');

      expect((await ana.request('DELETE', '/api/v1/me', { passphrase: 'lantern orchard pebble' })).statusCode).toBe(204);
      const left = await t().database.db.selectFrom('journal_entries').innerJoin('members', 'members.id', 'journal_entries.member_id').select('members.handle').execute();
      expect(left).toEqual([{ handle: 'OtherWren23' }]);
    });
  },
  { config: { JOURNAL_KEYS: setting(NEW) } },
);
