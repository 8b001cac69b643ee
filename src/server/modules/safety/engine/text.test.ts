import { describe, expect, it } from 'vitest';
import { clauseWords, foldWord, NO_CLAUSE_WORDS, tokenize } from './text.js';

const forms = (text: string) => tokenize(text, clauseWords(['but'])).map((t) => t.form);

describe('tokenize', () => {
  it('lower-cases, removes accents and apostrophes, and splits hyphenated words', () => {
    expect(forms("Ya no aguanto MÁS, I don't self-harm")).toEqual(['ya', 'no', 'aguanto', 'mas', 'i', 'dont', 'self', 'harm']);
  });

  it('keeps each token at its place in the original text', () => {
    const text = '¿Mátate? “k1ll” 😢 diiie';
    for (const t of tokenize(text, NO_CLAUSE_WORDS)) expect(foldWord(text.slice(t.start, t.end))[0] ?? text.slice(t.start, t.end)).toBe(t.form);
  });

  it('undoes leetspeak inside words but leaves numbers and doses alone', () => {
    expect(forms('k1ll su1c1d3 $uicide k!ll 40 20mg 10pm')).toEqual(['kill', 'suicide', 'suicide', 'kill', '40', '20mg', '10pm']);
  });

  it('ends a sentence at "!" outside a word', () => {
    const [a, b] = tokenize('help! now', NO_CLAUSE_WORDS);
    expect(a!.form).toBe('help');
    expect(a!.sentence).not.toBe(b!.sentence);
  });

  it('gives stretched words their shorter forms', () => {
    const [t] = tokenize('diiiie', NO_CLAUSE_WORDS);
    expect(t!.alts).toEqual(['diie', 'die']);
    expect(tokenize('sooooo', NO_CLAUSE_WORDS)[0]!.alts).toContain('so');
  });

  it('makes each emoji a token of its own', () => {
    expect(forms('ok💊💊 🔪')).toEqual(['ok', '💊', '💊', '🔪']);
  });

  it('marks quoted words, and forgets a quotation mark that never closes', () => {
    const quoted = tokenize('she said "go away" ok', NO_CLAUSE_WORDS);
    expect(quoted.map((t) => t.quoted)).toEqual([false, false, true, true, false]);
    expect(tokenize('I am 5\'11" tall and sad', NO_CLAUSE_WORDS).every((t) => !t.quoted)).toBe(true);
  });

  it('starts a new clause at commas and clause words, and a new part only at punctuation', () => {
    const [a, b, c, d] = tokenize('sad, tired but ok', clauseWords(['but']));
    expect(a!.clause).not.toBe(b!.clause);
    expect(c!.clause).not.toBe(d!.clause);
    expect(c!.part).toBe(d!.part);
  });
});
