import { describe, expect, it } from 'vitest';
import { compilePhrase, PhraseIndex } from './patterns.js';
import { NO_CLAUSE_WORDS, tokenize } from './text.js';

function finds(phrase: string, text: string): string[] {
  const index = new PhraseIndex(compilePhrase(phrase, 'x'), new Map([['forty', 40], ['two', 2]]));
  const tokens = tokenize(text, NO_CLAUSE_WORDS);
  return index.findAll(tokens).map((f) => text.slice(tokens[f.from]!.start, tokens[f.to - 1]!.end));
}

describe('the lexicon phrase language', () => {
  it('matches words whatever their case, accents and apostrophes', () => {
    expect(finds("don't want to live", 'I DONT want to live')).toEqual(['DONT want to live']);
    expect(finds('mátate', 'matate ya')).toEqual(['matate']);
  });

  it('offers one-word choices, word-sequence choices and optional words', () => {
    expect(finds('(going to|gonna) kill|end myself', "i'm gonna end myself")).toEqual(['gonna end myself']);
    expect(finds('(just|) want to die', 'want to die')).toEqual(['want to die']);
    // The index reports every start; the engine keeps the longest of nested findings.
    expect(finds('(just|) want to die', 'just want to die')).toEqual(['just want to die', 'want to die']);
  });

  it('matches word starts, numbers with a minimum, and gaps of up to four words', () => {
    expect(finds('suicid* thoughts', 'suicidal thoughts')).toEqual(['suicidal thoughts']);
    expect(finds('took #5 pills', 'took 40 pills, took 2 pills, took forty pills')).toEqual(['took 40 pills', 'took forty pills']);
    expect(finds('how many ... die', 'how many of these would it take to die')).toEqual([]);
    expect(finds('how many ... die', 'how many would make me die')).toEqual(['how many would make me die']);
  });

  it('never reaches across a comma or a sentence', () => {
    expect(finds('want to die', 'want to, die')).toEqual([]);
    expect(finds('want to die', 'want to. die')).toEqual([]);
  });

  it('refuses phrases it cannot read, saying why', () => {
    expect(() => compilePhrase('(want to', 'x')).toThrow(/without its "\)"/);
    expect(() => compilePhrase('... die', 'x')).toThrow(/between words/);
    expect(() => compilePhrase('su* die', 'x')).toThrow(/at least 3 letters/);
    expect(() => compilePhrase('want|to die', 'x')).not.toThrow();
    expect(() => compilePhrase('want|to be die', 'x')).not.toThrow();
    expect(() => compilePhrase('self-harm|x', 'x')).toThrow(/not a single word/);
  });
});
