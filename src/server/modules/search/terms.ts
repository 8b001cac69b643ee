/**
 * The one normalisation both search backends index and query with: lower case, accents
 * removed, split on anything that is not a letter or digit. SQLite and PostgreSQL then see
 * identical tokens, which is what keeps their results the same.
 */
export function normaliseWord(word: string): string {
  // Greek final sigma folds to sigma, so a word typed in capitals matches the same word in the text.
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ς/g, 'σ');
}

export function termsOf(text: string): string[] {
  return (normaliseWord(text).match(/[\p{L}\p{N}]+/gu) ?? []).filter((t) => t.length > 0);
}

/** At most eight distinct query terms of 2+ characters, in the order typed. */
export function queryTerms(query: string): string[] {
  return [...new Set(termsOf(query).filter((t) => t.length >= 2))].slice(0, 8);
}
