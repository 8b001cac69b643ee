/**
 * The phrase language of the lexicons, and one index that finds every phrase of every
 * lexicon in a text in a single pass over its tokens.
 *
 * A phrase is words separated by spaces, written as a person would write them (case,
 * accents and apostrophes do not matter). Beyond plain words:
 *   want|wanna|wish      one word, any of these
 *   (going to|gonna)     any of these word sequences; an empty choice makes it optional: (really|)
 *   suicid*              any word that starts with "suicid"
 *   #                    a number (3, 20) or a number word of the lexicon ("ten", "diez")
 *   #5                   a number of 5 or more ("took #5 pills": two pills is a dose, forty is not)
 *   ...                  up to four words of anything
 * A phrase never reaches across a sentence end or a comma.
 */
import { foldWord, type Token } from './text.js';

type Atom = { kind: 'word'; value: string } | { kind: 'prefix'; value: string } | { kind: 'number'; min: number } | { kind: 'gap' } | { kind: 'set'; values: string[] };

interface Element {
  words: ReadonlySet<string> | null;
  prefixes: readonly string[] | null;
  /** -1 when the element is not a number; else the smallest number it accepts. */
  number: number;
  gap: number;
}

export interface Pattern<T> {
  elements: Element[];
  payload: T;
  /** The phrase as the lexicon wrote it, for error messages. */
  source: string;
}

export interface Found<T> {
  payload: T;
  /** Token indexes: first, and one past the last. */
  from: number;
  to: number;
}

const GAP = 4;
const PREFIX_KEY = 3;

/** Splits at spaces or `sep` that are not inside parentheses. */
function splitTop(s: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth < 0) throw new Error('a ")" without its "("');
    if (depth === 0 && (sep === ' ' ? /\s/.test(ch) : ch === sep)) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (depth !== 0) throw new Error('a "(" without its ")"');
  parts.push(cur);
  return sep === ' ' ? parts.filter((p) => p.length > 0) : parts.map((p) => p.trim());
}

/** One phrase -> every sequence of atoms it stands for. */
function expand(phrase: string): Atom[][] {
  let sequences: Atom[][] = [[]];
  for (const chunk of splitTop(phrase.trim(), ' ')) {
    let options: Atom[][];
    if (chunk.startsWith('(')) {
      if (!chunk.endsWith(')')) throw new Error(`"${chunk}" should end with ")"`);
      options = splitTop(chunk.slice(1, -1), '|').flatMap((alt) => (alt === '' ? [[]] : expand(alt)));
      // Alternatives of one plain word each are one element, not one pattern each.
      const single = options.filter((o) => o.length === 1 && o[0]!.kind === 'word');
      if (single.length > 1) {
        const rest = options.filter((o) => !(o.length === 1 && o[0]!.kind === 'word'));
        options = [[{ kind: 'set', values: single.map((o) => (o[0] as { value: string }).value) }], ...rest];
      }
    } else if (chunk.includes('|')) {
      const values = chunk.split('|').flatMap((w) => {
        const folded = foldWord(w);
        if (folded.length !== 1) throw new Error(`"${w}" in "${chunk}" is not a single word; use (a b|c) for word sequences`);
        return folded;
      });
      options = [[{ kind: 'set', values }]];
    } else if (chunk === '...') {
      options = [[{ kind: 'gap' }]];
    } else if (/^#\d*$/.test(chunk)) {
      options = [[{ kind: 'number', min: Number(chunk.slice(1) || 0) }]];
    } else if (chunk.endsWith('*')) {
      const folded = foldWord(chunk.slice(0, -1));
      if (folded.length !== 1 || folded[0]!.length < PREFIX_KEY) throw new Error(`"${chunk}": a word start needs at least ${PREFIX_KEY} letters`);
      options = [[{ kind: 'prefix', value: folded[0]! }]];
    } else {
      const folded = foldWord(chunk);
      if (folded.length === 0) throw new Error(`"${chunk}" has no letters`);
      options = [folded.map((value) => ({ kind: 'word' as const, value }))];
    }
    const next: Atom[][] = [];
    for (const seq of sequences) for (const opt of options) next.push([...seq, ...opt]);
    sequences = next;
    if (sequences.length > 4096) throw new Error('too many combinations; split it into several phrases');
  }
  return sequences;
}

function toElement(atom: Atom): Element {
  switch (atom.kind) {
    case 'word':
      return { words: new Set([atom.value]), prefixes: null, number: -1, gap: 0 };
    case 'set':
      return { words: new Set(atom.values), prefixes: null, number: -1, gap: 0 };
    case 'prefix':
      return { words: null, prefixes: [atom.value], number: -1, gap: 0 };
    case 'number':
      return { words: null, prefixes: null, number: atom.min, gap: 0 };
    case 'gap':
      return { words: null, prefixes: null, number: -1, gap: GAP };
  }
}

/** Compiles a lexicon phrase; throws a message naming what is wrong with it. */
export function compilePhrase<T>(phrase: string, payload: T): Pattern<T>[] {
  return expand(phrase).map((atoms) => {
    if (atoms.length === 0) throw new Error('the phrase is empty');
    if (atoms[0]!.kind === 'gap' || atoms[atoms.length - 1]!.kind === 'gap') throw new Error('"..." must sit between words');
    return { elements: atoms.map(toElement), payload, source: phrase };
  });
}

/** Every phrase of every lexicon, indexed by what its first word can be. */
export class PhraseIndex<T> {
  private readonly byWord = new Map<string, Pattern<T>[]>();
  private readonly byPrefix = new Map<string, Pattern<T>[]>();
  private readonly byNumber: Pattern<T>[] = [];

  constructor(
    patterns: Iterable<Pattern<T>>,
    private readonly numberWords: ReadonlyMap<string, number>,
  ) {
    for (const p of patterns) {
      const first = p.elements[0]!;
      if (first.number >= 0) this.byNumber.push(p);
      for (const w of first.words ?? []) push(this.byWord, w, p);
      for (const pre of first.prefixes ?? []) push(this.byPrefix, pre.slice(0, PREFIX_KEY), p);
    }
  }

  /** Every place a phrase occurs, each phrase at most once per starting token (its shortest match). */
  findAll(tokens: readonly Token[], out: Found<T>[] = []): Found<T>[] {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      this.tryList(this.byWord.get(t.form), tokens, i, out);
      if (t.form.length >= PREFIX_KEY) this.tryList(this.byPrefix.get(t.form.slice(0, PREFIX_KEY)), tokens, i, out);
      if (t.alts) {
        for (const a of t.alts) {
          this.tryList(this.byWord.get(a), tokens, i, out);
          if (a.length >= PREFIX_KEY) this.tryList(this.byPrefix.get(a.slice(0, PREFIX_KEY)), tokens, i, out);
        }
      }
      if (this.byNumber.length > 0 && this.numberValue(t) >= 0) this.tryList(this.byNumber, tokens, i, out);
    }
    return out;
  }

  private tryList(list: Pattern<T>[] | undefined, tokens: readonly Token[], i: number, out: Found<T>[]): void {
    if (!list) return;
    for (const p of list) {
      const to = this.matchFrom(p.elements, 0, tokens, i, tokens[i]!.part);
      if (to < 0) continue;
      // The same phrase can be reached through a token's other forms; keep one.
      if (out.some((f) => f.payload === p.payload && f.from === i)) continue;
      out.push({ payload: p.payload, from: i, to });
    }
  }

  private matchFrom(elements: Element[], e: number, tokens: readonly Token[], i: number, part: number): number {
    if (e === elements.length) return i;
    const el = elements[e]!;
    if (el.gap > 0) {
      for (let k = 0; k <= el.gap; k++) {
        const at = i + k;
        if (at > tokens.length || (at < tokens.length && tokens[at]!.part !== part)) break;
        const r = this.matchFrom(elements, e + 1, tokens, at, part);
        if (r >= 0) return r;
      }
      return -1;
    }
    const t = tokens[i];
    if (!t || t.part !== part || !this.accepts(el, t)) return -1;
    return this.matchFrom(elements, e + 1, tokens, i + 1, part);
  }

  private numberValue(t: Token): number {
    if (t.number) return Number(t.form);
    return this.numberWords.get(t.form) ?? -1;
  }

  private accepts(el: Element, t: Token): boolean {
    if (el.number >= 0) return this.numberValue(t) >= el.number;
    if (acceptsForm(el, t.form)) return true;
    if (t.alts) for (const a of t.alts) if (acceptsForm(el, a)) return true;
    return false;
  }
}

function acceptsForm(el: Element, form: string): boolean {
  if (el.words?.has(form)) return true;
  if (el.prefixes) for (const p of el.prefixes) if (form.startsWith(p)) return true;
  return false;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
