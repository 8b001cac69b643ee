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
import { foldWord, vocabularyId, type Token } from './text.js';

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
const PREFIX_KEY = 3; // the shortest word start a phrase may use

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

interface TrieNode<T> {
  /** Children by word, keyed by the word's number in the vocabulary (while building). */
  words: Map<number, TrieNode<T>> | null;
  /** The same children once built: sorted word numbers and their nodes, searched without hashing. */
  keys: Int32Array | null;
  kids: TrieNode<T>[] | null;
  /** Word starts, by their first letter's code (no string is made to look them up). */
  prefixes: Map<number, { prefix: string; node: TrieNode<T> }[]> | null;
  numbers: { min: number; node: TrieNode<T> }[] | null;
  gap: TrieNode<T> | null;
  /** Phrases that end here. */
  payloads: T[] | null;
}

const newNode = <T>(): TrieNode<T> => ({ words: null, keys: null, kids: null, prefixes: null, numbers: null, gap: null, payloads: null });

/** The child of `node` for word number `id`, by a linear scan of few children or a binary search of many. */
function childOf<T>(node: TrieNode<T>, id: number): TrieNode<T> | undefined {
  const keys = node.keys!;
  const n = keys.length;
  if (n <= 8) {
    for (let k = 0; k < n; k++) if (keys[k] === id) return node.kids![k];
    return undefined;
  }
  let lo = 0;
  let hi = n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const key = keys[mid]!;
    if (key === id) return node.kids![mid];
    if (key < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Turns every node's child map into sorted arrays (after the last phrase is inserted). */
function freeze<T>(node: TrieNode<T>): void {
  if (node.words) {
    const entries = [...node.words].sort((a, b) => a[0] - b[0]);
    node.keys = Int32Array.from(entries.map((e) => e[0]));
    node.kids = entries.map((e) => e[1]);
    for (const kid of node.kids) freeze(kid);
  }
  for (const list of node.prefixes?.values() ?? []) for (const edge of list) freeze(edge.node);
  for (const edge of node.numbers ?? []) freeze(edge.node);
  if (node.gap) freeze(node.gap);
}

/**
 * Every phrase of every lexicon in one word trie: phrases that share their first words share
 * one path, so a text is read once, token by token, whatever the size of the lexicons.
 */
export class PhraseIndex<T> {
  private readonly root: TrieNode<T> = newNode();
  /** The root's children in an array by word number (made on first use). */
  private rootArray: (TrieNode<T> | undefined)[] | null = null;
  /** Number words' values by vocabulary number (-1: not a number word). */
  private numberById: Float64Array;
  /** First letters of the root's word starts, so other words skip that lookup. */
  private readonly rootPrefixChars = new Uint8Array(65536);

  constructor(
    patterns: Iterable<Pattern<T>>,
    private readonly numberWords: ReadonlyMap<string, number>,
  ) {
    for (const p of patterns) this.insert(this.root, p.elements, 0, p.payload);
    for (const w of numberWords.keys()) vocabularyId(w);
    this.numberById = new Float64Array(Math.max(0, ...[...numberWords.keys()].map(vocabularyId)) + 1).fill(-1);
    for (const [w, value] of numberWords) this.numberById[vocabularyId(w)] = value;
    for (const key of this.root.prefixes?.keys() ?? []) this.rootPrefixChars[key] = 1;
    freeze(this.root);
  }

  private insert(node: TrieNode<T>, elements: Element[], e: number, payload: T): void {
    this.rootArray = null;
    if (node === this.root && elements[e]!.gap > 0) throw new Error('a phrase cannot start with "..."');
    if (e === elements.length) {
      (node.payloads ??= []).includes(payload) || node.payloads.push(payload);
      return;
    }
    const el = elements[e]!;
    if (el.gap > 0) return this.insert((node.gap ??= newNode()), elements, e + 1, payload);
    if (el.number >= 0) {
      node.numbers ??= [];
      let edge = node.numbers.find((n) => n.min === el.number);
      if (!edge) node.numbers.push((edge = { min: el.number, node: newNode() }));
      return this.insert(edge.node, elements, e + 1, payload);
    }
    for (const prefix of el.prefixes ?? []) {
      node.prefixes ??= new Map();
      const key = prefix.charCodeAt(0);
      const edges = node.prefixes.get(key) ?? [];
      node.prefixes.set(key, edges);
      let edge = edges.find((n) => n.prefix === prefix);
      if (!edge) edges.push((edge = { prefix, node: newNode() }));
      this.insert(edge.node, elements, e + 1, payload);
    }
    for (const word of el.words ?? []) {
      node.words ??= new Map();
      const id = vocabularyId(word);
      let child = node.words.get(id);
      if (!child) node.words.set(id, (child = newNode()));
      this.insert(child, elements, e + 1, payload);
    }
  }

  /**
   * Every place a phrase starts between tokens `from` and `to` (all by default), as (phrase,
   * first token, one past the last token). A phrase
   * can be reported more than once from one token (a longer and a shorter reading, or a
   * stretched word's other forms); the engine merges overlapping findings of one rule.
   */
  findAll(tokens: readonly Token[], out: Found<T>[] = [], from = 0, to = tokens.length): Found<T>[] {
    const rootWords = this.rootWords();
    const root = this.root;
    // The root has no gap and ends no phrase. Its children are in an array by word number,
    // so the first word of every phrase costs one array read per token.
    for (let i = from; i < to; i++) {
      const t = tokens[i]!;
      const child = t.id >= 0 ? rootWords[t.id] : undefined;
      if (child) this.walk(child, tokens, i, i + 1, t.part, out);
      if (t.altIds || (root.prefixes && this.rootPrefixChars[t.form.charCodeAt(0)] === 1) || (root.numbers && (t.number || t.id >= 0))) this.stepSpecial(root, child, tokens, i, t.part, out);
    }
    return out;
  }

  private rootWords(): (TrieNode<T> | undefined)[] {
    if (!this.rootArray) {
      const array: (TrieNode<T> | undefined)[] = [];
      for (const [id, node] of this.root.words ?? []) array[id] = node;
      this.rootArray = array;
    }
    return this.rootArray;
  }

  /** The root's edges for a stretched word's other forms, word starts and numbers. */
  private stepSpecial(node: TrieNode<T>, child: TrieNode<T> | undefined, tokens: readonly Token[], i: number, part: number, out: Found<T>[]): void {
    const t = tokens[i]!;
    if (node.keys && t.altIds)
      for (const a of t.altIds) {
        const alt = a >= 0 ? childOf(node, a) : undefined;
        if (alt && alt !== child) this.walk(alt, tokens, i, i + 1, part, out);
      }
    this.stepEdges(node, tokens, i, i, part, out);
  }

  private walk(node: TrieNode<T>, tokens: readonly Token[], from: number, i: number, part: number, out: Found<T>[]): void {
    if (node.payloads && i > from) for (const payload of node.payloads) out.push({ payload, from, to: i });
    if (node.gap) {
      // Up to GAP tokens of anything, inside the same part; the gap never ends a phrase.
      for (let k = 0; k <= GAP && i + k < tokens.length && tokens[i + k]!.part === part; k++) this.step(node.gap, tokens, from, i + k, part, out);
    }
    if (i < tokens.length && tokens[i]!.part === part) this.step(node, tokens, from, i, part, out);
  }

  /** Follows every edge of `node` that token i satisfies. */
  private step(node: TrieNode<T>, tokens: readonly Token[], from: number, i: number, part: number, out: Found<T>[]): void {
    const t = tokens[i]!;
    if (node.keys) {
      const child = t.id >= 0 ? childOf(node, t.id) : undefined;
      if (child) this.walk(child, tokens, from, i + 1, part, out);
      if (t.altIds)
        for (const a of t.altIds) {
          const alt = a >= 0 ? childOf(node, a) : undefined;
          if (alt && alt !== child) this.walk(alt, tokens, from, i + 1, part, out);
        }
    }
    this.stepEdges(node, tokens, from, i, part, out);
  }

  private stepEdges(node: TrieNode<T>, tokens: readonly Token[], from: number, i: number, part: number, out: Found<T>[]): void {
    const t = tokens[i]!;
    if (node.prefixes) {
      const edges = node.prefixes.get(t.form.charCodeAt(0));
      if (edges) for (const edge of edges) if (startsWithAny(t, edge.prefix)) this.walk(edge.node, tokens, from, i + 1, part, out);
    }
    if (node.numbers) {
      const value = t.number ? Number(t.form) : t.id >= 0 && t.id < this.numberById.length ? this.numberById[t.id]! : -1;
      if (value >= 0) for (const edge of node.numbers) if (value >= edge.min) this.walk(edge.node, tokens, from, i + 1, part, out);
    }
  }
}

function startsWithAny(t: Token, prefix: string): boolean {
  if (t.form.startsWith(prefix)) return true;
  if (t.alts) for (const a of t.alts) if (a.startsWith(prefix)) return true;
  return false;
}

