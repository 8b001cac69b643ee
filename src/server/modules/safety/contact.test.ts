import { describe, expect, it } from 'vitest';
import { invitesOffPlatformContact } from './contact.js';

describe('off-platform contact in a message', () => {
  it.each([
    ['dm me if you want to talk', null],
    ['text me on 07700 900123 anytime', 'GB'],
    ['ring (201) 555-0123 tonight', 'US'],
    ['my number is +44 7700 900456', null],
    ['add me on snap: quietfern22', null],
    ['my insta is @made_up_fern', null],
    ['write to fern.example@example.org', null],
    ['we could talk somewhere off here', null],
    ['escríbeme al privado', null],
    ['mi número es 612 345 678', 'ES'],
  ])('notices %j', (text, country) => {
    expect(invitesOffPlatformContact(text, country)).toBe(true);
  });

  it.each([
    ['thank you @quietfern, that helped', null],
    ['I slept 8 hours last night, first time in 2 weeks', 'GB'],
    ['the crisis line in my country is on the Get help page', null],
    ['I called my sister today and it went ok', null],
    ['it is 2025 and I am still here', 'US'],
    ['see https://example.org/grounding for the 5-4-3-2-1 exercise', null],
  ])('leaves %j alone', (text, country) => {
    expect(invitesOffPlatformContact(text, country)).toBe(false);
  });
});
