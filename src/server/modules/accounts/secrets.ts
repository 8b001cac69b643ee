import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. (2 is Algorithm.Argon2id, a const enum.)
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassphrase(passphrase: string): Promise<string> {
  return hash(passphrase, ARGON2);
}

export async function verifyPassphrase(storedHash: string, passphrase: string): Promise<boolean> {
  try {
    return await verify(storedHash, passphrase);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
/** Spends the same time as a real check, so a log-in for an unknown handle cannot be told apart by timing. */
export async function verifyAgainstNothing(passphrase: string): Promise<void> {
  dummyHash ??= hashPassphrase(randomBytes(16).toString('hex'));
  await verifyPassphrase(await dummyHash, passphrase);
}

zxcvbnOptions.setOptions({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

/**
 * Whether a passphrase is too easy to guess: one of the most common passwords, a keyboard
 * walk, a repeat, or built on the handle. Score 0–1 in zxcvbn's terms.
 */
export function isWeakPassphrase(passphrase: string, handle?: string): boolean {
  // The handle is public: a passphrase built around it is guessable however long it is.
  if (handle && passphrase.toLowerCase().includes(handle.toLowerCase())) return true;
  // zxcvbn's cost grows with length and it runs on the event loop; 64 characters tell enough.
  const result = zxcvbn(passphrase.slice(0, 64), handle ? [handle] : []);
  return result.score < 2;
}

// Crockford's base32: no I, L, O or U, so a code copied by hand cannot be misread.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time recovery code of 100 random bits, shown as five groups of four. */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 20 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return [0, 4, 8, 12, 16].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** Normalises what a person typed: case, spaces, dashes, and the letters people confuse with digits. */
export function normaliseRecoveryCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

// A recovery code carries 100 random bits, so a fast hash is enough; argon2 is for guessable secrets.
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
}

export function sameRecoveryCode(storedHash: string, code: string): boolean {
  const a = Buffer.from(storedHash, 'hex');
  const b = Buffer.from(hashRecoveryCode(code), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A new session: the cookie gets the token, the database only its hash. */
export function newSessionToken(): { token: string; id: string; csrfToken: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, id: sessionIdOf(token), csrfToken: randomBytes(32).toString('base64url') };
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
