import { describe, expect, it } from 'vitest';
import { durationWords } from './duration';
import { highlight } from './highlight';

describe('highlight', () => {
  const text = 'This is goodbye. I am going to end it tonight.';

  it('marks what the engine matched, in order, and keeps every other character', () => {
    const segments = highlight(text, [
      { start: 31, end: 37 },
      { start: 8, end: 15 },
    ]);
    expect(segments.filter((s) => s.marked).map((s) => s.text)).toEqual(['goodbye', 'end it']);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('merges overlapping matches and ignores empty or out-of-range ones', () => {
    const segments = highlight(text, [
      { start: 17, end: 30 },
      { start: 26, end: 37 },
      { start: 5, end: 5 },
      { start: 200, end: 300 },
      { start: 40, end: 999 },
    ]);
    expect(segments.filter((s) => s.marked).map((s) => s.text)).toEqual(['I am going to end it', 'night.']);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('leaves a text with no matches whole', () => {
    expect(highlight(text, [])).toEqual([{ text, marked: false }]);
  });
});

describe('durationWords', () => {
  it('says a wait the way a person would, in the reader’s language', () => {
    expect(durationWords(30, 'en')).toBeNull();
    expect(durationWords(4 * 60 + 10, 'en')).toBe('4 minutes');
    expect(durationWords(80 * 60, 'en')).toBe('1 hour, 20 minutes');
    expect(durationWords(3 * 3600, 'en')).toBe('3 hours');
    expect(durationWords(12.4 * 3600, 'en')).toBe('12 hours');
    expect(durationWords(2 * 86400 + 3600, 'en')).toBe('2 days');
    expect(durationWords(60, 'es')).toBe('1 minuto');
  });
});
