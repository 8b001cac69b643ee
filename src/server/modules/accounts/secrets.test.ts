import { describe, expect, it } from 'vitest';
import { HANDLE_MAX, HANDLE_PATTERN } from '../../../shared/rules.js';
import { randomHandle } from './handles.js';
import { hashRecoveryCode, isWeakPassphrase, newRecoveryCode, normaliseRecoveryCode, sameRecoveryCode } from './secrets.js';

describe('recovery codes', () => {
  it('are five groups of four unambiguous characters, different each time', () => {
    const codes = new Set(Array.from({ length: 50 }, () => newRecoveryCode()));
    expect(codes.size).toBe(50);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
  });

  it('match however a person types them', () => {
    const code = 'AB1C-D0EF-GH12-JK34-MN56';
    const hash = hashRecoveryCode(code);
    expect(sameRecoveryCode(hash, 'ab1c d0ef gh12 jk34 mn56')).toBe(true);
    expect(sameRecoveryCode(hash, 'ABlC-DOEF-GH12-JK34-MN56')).toBe(true);
    expect(sameRecoveryCode(hash, 'AB1C-D0EF-GH12-JK34-MN57')).toBe(false);
    expect(normaliseRecoveryCode(' ab-cd ')).toBe('ABCD');
  });
});

describe('passphrase strength', () => {
  it.each(['correct horse battery', 'lantern orchard pebble', 'my cat sleeps on the stairs'])('accepts %j', (p) => {
    expect(isWeakPassphrase(p)).toBe(false);
  });
  it.each(['password12', 'aaaaaaaaaa', 'abcdefghij', 'qwerty1234'])('refuses %j', (p) => {
    expect(isWeakPassphrase(p)).toBe(true);
  });
  it('refuses a passphrase built on the handle', () => {
    expect(isWeakPassphrase('xQuietHeron42x!', 'QuietHeron42')).toBe(true);
  });
});

describe('suggested handles', () => {
  it('always fit the handle rules', () => {
    for (let i = 0; i < 200; i++) {
      const h = randomHandle();
      expect(h).toMatch(new RegExp(HANDLE_PATTERN));
      expect(h.length).toBeLessThanOrEqual(HANDLE_MAX);
    }
  });
});
