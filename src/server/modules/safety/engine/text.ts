/**
 * Turns a text into the tokens the risk engine matches on, keeping each token's place in the
 * ORIGINAL text so a moderator sees exactly which words fired. One pass, one small object per
 * word; the character tables are built once at start-up.
 *
 * What a token's form undoes: case, accents ("suicidarme" = "suicidárme"), apostrophes
 * ("dont" = "don't"), leetspeak inside words ("k1ll", "su!c!de", "$uicide"), and stretched
 * letters ("diiiie": the token also carries "diie" and "die"). Hyphens split words
 * ("self-harm" = "self harm"); each emoji is a token of its own.
 */

export interface Token {
  /** Lower case, accents removed, apostrophes dropped, leetspeak undone. */
  form: string;
  /** The form's number in the lexicons' vocabulary, or -1 when no lexicon has the word. */
  id: number;
  /** Other forms when letters were stretched: runs of three or more cut to two, then to one. */
  alts: string[] | null;
  altIds: number[] | null;
  start: number;
  end: number;
  sentence: number;
  /** Counts sentences and clause words ("but", "pero"): the reach of negation and "used to". */
  clause: number;
  /** Counts sentences and punctuation inside them (",", ":"): a phrase never spans two parts. */
  part: number;
  quoted: boolean;
  number: boolean;
}

const enum C {
  Other = 0,
  Word = 1,
  Apostrophe = 2,
  Leet = 3,
  Sentence = 4,
  Clause = 5,
  Quote = 6,
  Pictograph = 7,
  Surrogate = 8,
}

const CLASS = new Uint8Array(65536);
const FOLD = new Uint16Array(65536);
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

(function buildTables() {
  const letter = /[\p{L}\p{N}]/u;
  const pictograph = /\p{Extended_Pictographic}/u;
  for (let c = 0; c < 0x3000; c++) {
    const ch = String.fromCharCode(c);
    if (letter.test(ch)) {
      CLASS[c] = C.Word;
      const folded = ch.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
      FOLD[c] = folded.length === 1 ? folded.charCodeAt(0) : ch.toLowerCase().charCodeAt(0);
    } else if (pictograph.test(ch)) {
      CLASS[c] = C.Pictograph;
    }
  }
  for (let c = 0xd800; c <= 0xdbff; c++) CLASS[c] = C.Surrogate;
  for (const ch of "'’ʼ`´") CLASS[ch.charCodeAt(0)] = C.Apostrophe;
  for (const ch of '$@!') CLASS[ch.charCodeAt(0)] = C.Leet;
  for (const ch of '.?;…\n\r¿¡') CLASS[ch.charCodeAt(0)] = C.Sentence;
  for (const ch of ',:()[]—–') CLASS[ch.charCodeAt(0)] = C.Clause;
  for (const ch of '"“”«»„') CLASS[ch.charCodeAt(0)] = C.Quote;
})();

/** Folds a word with capitals, accents or apostrophes; leet symbols stay for `unLeet`. */
function fold(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const k = CLASS[c]!;
    if (k === C.Word) out += String.fromCharCode(FOLD[c]!);
    else if (k === C.Leet) out += word[i];
  }
  return out;
}

function isWordAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && CLASS[text.charCodeAt(i)] === C.Word;
}

/** Undo leetspeak in a word that mixes letters with digits or $ @ !, unless it starts with digits ("20mg", "10pm"). */
function unLeet(form: string): string {
  if (form.charCodeAt(0) >= 48 && form.charCodeAt(0) <= 57) return form;
  let out = '';
  for (const ch of form) out += LEET[ch] ?? ch;
  return out;
}

function collapse(form: string, keep: number): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < form.length; i++) {
    run = i > 0 && form[i] === form[i - 1] ? run + 1 : 1;
    if (run <= keep) out += form[i];
  }
  return out;
}

function stretched(form: string): boolean {
  for (let i = 2; i < form.length; i++) if (form[i] === form[i - 1] && form[i] === form[i - 2]) return true;
  return false;
}

function unquote(tokens: Token[], from: number): void {
  for (let k = from; k < tokens.length; k++) tokens[k]!.quoted = false;
}

/**
 * Every word the lexicons use, numbered when they are compiled (at start), so the matcher
 * compares small numbers instead of strings. It only grows, and only while lexicons compile.
 */
export const VOCABULARY = new Map<string, number>();

/** The word's number in the vocabulary, adding it if it is new. */
export function vocabularyId(word: string): number {
  let id = VOCABULARY.get(word);
  if (id === undefined) {
    VOCABULARY.set(word, (id = VOCABULARY.size));
    table = null;
  }
  return id;
}

// Reading a text looks every word up: an open-addressing table of FNV-1a hashes is cheaper
// than a Map of strings for that. Rebuilt after the vocabulary grows (only while compiling).
let table: Int32Array | null = null;
let words: string[] = [];

function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
  return h >>> 0;
}

function buildTable(): Int32Array {
  let size = 1024;
  while (size < VOCABULARY.size * 4) size *= 2;
  const t = new Int32Array(size).fill(-1);
  words = [...VOCABULARY.keys()];
  words.forEach((w, id) => {
    let slot = hashWord(w) & (size - 1);
    while (t[slot] !== -1) slot = (slot + 1) & (size - 1);
    t[slot] = id;
  });
  return t;
}

/** The word's number in the vocabulary, or -1. */
export function lookupId(word: string): number {
  const t = (table ??= buildTable());
  const mask = t.length - 1;
  let slot = hashWord(word) & mask;
  for (;;) {
    const id = t[slot]!;
    if (id === -1) return -1;
    if (words[id] === word) return id;
    slot = (slot + 1) & mask;
  }
}

/** Words that start a new clause ("but", "pero"): flags by vocabulary number, from `clauseWords`. */
export type ClauseWords = Uint8Array;

export const NO_CLAUSE_WORDS: ClauseWords = new Uint8Array(0);

/** Flags for words that start a new clause whatever the language: the reach of negation and "used to". */
export function clauseWords(words: Iterable<string>): ClauseWords {
  const ids = [...words].map(vocabularyId);
  const flags = new Uint8Array(Math.max(0, ...ids) + 1);
  for (const id of ids) flags[id] = 1;
  return flags;
}

/** Splits `text` into tokens. `clauseWords` (already folded) also end a clause. */
export function tokenize(text: string, clauseWords: ClauseWords): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  let part = 0;
  let quoted = false;
  let openedAt = 0;
  let i = 0;
  const n = text.length;
  // Lower-case once (natively); a text whose length that changes ("İ") is read as it is.
  const lower = text.toLowerCase();
  const src = lower.length === n ? lower : text;
  while (i < n) {
    const code = text.charCodeAt(i);
    const cls = CLASS[code]!;
    const leadingLeet = cls === C.Leet && code !== 33 && isWordAt(text, i + 1);
    if (cls === C.Word || leadingLeet) {
      const start = i;
      // Most words are plain letters a-z once the text is lower-cased: they are sliced as they
      // are; only words with accents, apostrophes or leetspeak take the slower folding path.
      let plain = true;
      let letters = false;
      let mixed = false;
      let prev = -1;
      let run = 0;
      let stretch = false;
      for (; i < n; i++) {
        const c = src.charCodeAt(i);
        if (c >= 97 && c <= 122) {
          letters = true;
        } else {
          const k = CLASS[c]!;
          if (k === C.Word) {
            if (c >= 48 && c <= 57) mixed = true;
            else {
              plain = false;
              const f = FOLD[c]!;
              if (f >= 48 && f <= 57) mixed = true;
              else letters = true;
            }
          } else if (k === C.Apostrophe && i > start && isWordAt(text, i + 1)) {
            // "don't" -> "dont": the apostrophe is dropped, the word goes on.
            plain = false;
            continue;
          } else if (k === C.Leet && (i === start || isWordAt(text, i + 1)) && (c !== 33 || i > start)) {
            mixed = true;
            plain = false;
            continue;
          } else break;
        }
        if (c === prev) {
          if (++run === 3) stretch = true;
        } else run = 1;
        prev = c;
      }
      let form = src.slice(start, i);
      if (!plain) form = fold(form);
      if (letters && mixed) form = unLeet(form);
      else if (!letters && mixed && !/^\d+$/.test(form)) form = form.replace(/[$@!]/g, '');
      if (form.length === 0) continue;
      if (stretch) stretch = stretched(form);
      const id = lookupId(form);
      if (stretch) {
        const alts = [collapse(form, 2), collapse(form, 1)];
        tokens.push({ form, id, alts, altIds: [lookupId(alts[0]!), lookupId(alts[1]!)], start, end: i, sentence, clause, part, quoted, number: !letters });
      } else {
        tokens.push({ form, id, alts: null, altIds: null, start, end: i, sentence, clause, part, quoted, number: !letters });
      }
      if (id >= 0 && clauseWords[id] === 1) clause++;
      continue;
    }
    if (cls === C.Surrogate || cls === C.Pictograph) {
      const cp = text.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      const ch = String.fromCodePoint(cp);
      if (cls === C.Pictograph || /\p{Extended_Pictographic}/u.test(ch)) {
        tokens.push({ form: ch, id: lookupId(ch), alts: null, altIds: null, start: i, end: i + width, sentence, clause, part, quoted, number: false });
      }
      i += width;
      continue;
    }
    if (cls === C.Sentence || cls === C.Leet) {
      // "!" outside a word ends a sentence, as "." and "?" do.
      if (code !== 36 && code !== 64) {
        sentence++;
        clause++;
        part++;
      }
    } else if (cls === C.Clause) {
      clause++;
      part++;
    } else if (cls === C.Quote) {
      const opens: boolean = code === 0x201c || code === 0xab || code === 0x201e || (code === 34 && !quoted);
      if (opens && !quoted) openedAt = tokens.length;
      quoted = opens;
    }
    if (code === 10 && quoted) {
      unquote(tokens, openedAt);
      quoted = false;
    }
    i++;
  }
  // A quotation mark that never closes (a typo, 5'11") quotes nothing.
  if (quoted) unquote(tokens, openedAt);
  return tokens;
}

/** The same folding as `tokenize`, for a lexicon word: what the matcher compares with a token's form. */
export function foldWord(word: string): string[] {
  return tokenize(word, NO_CLAUSE_WORDS).map((t) => t.form);
}
