import { describe, expect, it } from 'vitest';
import { MENTIONS_MAX, mentionedHandles } from './mentions.js';

describe('mentionedHandles', () => {
  it('finds handles after @, once each, whatever their case', () => {
    expect(mentionedHandles('Thank you @GentleOtter10 and @quiet_heron-7! @gentleotter10 too.')).toEqual(['GentleOtter10', 'quiet_heron-7']);
  });

  it('ignores e-mail addresses, URL paths, too-short and too-long names', () => {
    expect(mentionedHandles('write to ana@example.org or see https://example.org/@MistyFox12 — @ab, @' + 'x'.repeat(25))).toEqual([]);
  });

  it('reads handles at the start of a line and inside punctuation', () => {
    expect(mentionedHandles('@SunnyWren33\n(@CalmFinch21), "@AmberSeal44".')).toEqual(['SunnyWren33', 'CalmFinch21', 'AmberSeal44']);
  });

  it(`stops at ${MENTIONS_MAX} people`, () => {
    const text = Array.from({ length: 15 }, (_, i) => `@MadeUpName${i}`).join(' ');
    expect(mentionedHandles(text)).toHaveLength(MENTIONS_MAX);
  });
});
