/**
 * Loads the lexicons (YAML files a clinician edits, in ../lexicon) and compiles them once.
 * A lexicon that does not parse, or a phrase the matcher cannot read, stops Kindred at start
 * with a message naming the file, the entry and the phrase.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { parse } from 'yaml';
import type { RiskCategory, RiskLevel } from './types.js';
import { compilePhrase, PhraseIndex, type Pattern } from './patterns.js';
import { clauseWords as clauseFlags, foldWord, VOCABULARY, vocabularyId, type ClauseWords } from './text.js';

const Phrases = Type.Array(Type.String({ minLength: 1 }));
const Words = Type.Array(Type.String({ minLength: 1 }));

export const CUE_KINDS = ['negation', 'negation_breakers', 'past', 'recovery', 'recent', 'desire', 'reported_speech', 'thinking', 'laughter', 'now', 'medical', 'use_means', 'returning'] as const;
/** Cues a lexicon may leave out (added after the first lexicons were written). */
const OPTIONAL_CUES: readonly CueKind[] = ['use_means', 'returning'];
export type CueKind = (typeof CUE_KINDS)[number];

const RiskFile = Type.Object(
  {
    language: Type.String({ pattern: '^[a-z]{2}$' }),
    detect: Type.Object({ words: Words, letters: Type.Optional(Type.String()) }, { additionalProperties: false }),
    numbers: Type.Record(Type.String(), Type.Number({ minimum: 0 })),
    clause_words: Words,
    people: Type.Object({ first_person: Words, second_person: Words, third_party: Words }, { additionalProperties: false }),
    cues: Type.Object(Object.fromEntries(CUE_KINDS.map((k) => [k, OPTIONAL_CUES.includes(k) ? Type.Optional(Phrases) : Phrases])) as Record<CueKind, typeof Phrases>, { additionalProperties: false }),
    idioms: Phrases,
    entries: Type.Array(
      Type.Object(
        {
          id: Type.String({ pattern: '^[a-z]{2}\\.[a-z_]+\\.[a-z0-9_]+$' }),
          kind: Type.Optional(Type.Union([Type.Literal('risk'), Type.Literal('concern'), Type.Literal('harassment'), Type.Literal('means'), Type.Literal('goodbye')])),
          level: Type.Optional(Type.Union([Type.Literal('distress'), Type.Literal('ideation'), Type.Literal('plan'), Type.Literal('imminent')])),
          categories: Type.Optional(Type.Array(Type.Union([Type.Literal('suicidal'), Type.Literal('self_harm'), Type.Literal('method_detail'), Type.Literal('farewell')]))),
          flags: Type.Optional(Type.Array(Type.Union([Type.Literal('joke_prone'), Type.Literal('intent'), Type.Literal('act'), Type.Literal('place'), Type.Literal('weak')]))),
          note: Type.Optional(Type.String()),
          phrases: Phrases,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
type RiskFile = Static<typeof RiskFile>;

const CareFile = Type.Object(
  {
    language: Type.String({ pattern: '^[a-z]{2}$' }),
    entries: Type.Array(
      Type.Object(
        {
          id: Type.String({ pattern: '^[a-z]{2}\\.care\\.[a-z0-9_]+$' }),
          nudge: Type.Union([Type.Literal('minimising'), Type.Literal('toxic_positivity'), Type.Literal('private_contact'), Type.Literal('tough_love')]),
          note: Type.Optional(Type.String()),
          phrases: Phrases,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
type CareFile = Static<typeof CareFile>;

export type EntryKind = 'risk' | 'concern' | 'harassment' | 'means' | 'goodbye';

export interface Entry {
  id: string;
  language: string;
  kind: EntryKind;
  level: RiskLevel;
  categories: RiskCategory[];
  jokeProne: boolean;
  intent: boolean;
  /** A deed ("cut myself"): after a wish ("want to cut myself") it is ideation, not behaviour. */
  act: boolean;
  /** Means that are a place ("the bridge"): people say goodbye on their way to places, so a goodbye alone does not raise them. */
  place: boolean;
  /** A goodbye that is an everyday phrase ("sorry for everything", "perdón por todo"): it counts only beside a plan or worse, means, or another goodbye. */
  weak: boolean;
  /** Whether one of the entry's own words says who it is about ("myself", "quiero"). */
  selfMarked: (form: string) => boolean;
}

export type Hit =
  | { type: 'entry'; entry: Entry }
  | { type: 'cue'; cue: CueKind; slot: number; language: string }
  | { type: 'idiom'; language: string };

export interface People {
  first: ReadonlySet<string>;
  second: ReadonlySet<string>;
  third: ReadonlySet<string>;
  /** The three by vocabulary number (0 none, 1 self, 2 addressed, 3 other): one array read per word. */
  who: Int8Array;
}

export const WHO_SELF = 1;
export const WHO_ADDRESSED = 2;
export const WHO_OTHER = 3;

export interface LanguageData {
  language: string;
  detectWords: ReadonlySet<string>;
  /** Characters typical of the language (ñ, ¿), upper and lower case, as UTF-16 codes. */
  detectLetters: ReadonlySet<number>;
  people: People;
}

export interface CompiledRisk {
  /** The rules' phrases: read first; a text with none of them needs no more. */
  entries: PhraseIndex<Hit>;
  /** Cues and idioms: read only when a rule's phrase was found. */
  context: PhraseIndex<Hit>;
  languages: LanguageData[];
  clauseWords: ClauseWords;
  /** By vocabulary number: the index in `languages` of the language whose function word it is, or -1. */
  detectById: Int8Array;
  rules: Entry[];
}

export type CareNudge = CareFile['entries'][number]['nudge'];
export interface CareEntry {
  id: string;
  language: string;
  nudge: CareNudge;
}

/** Where the lexicons live: beside the engine in the source tree (also when running the built files in dist/). */
export function lexiconDir(engineDir = import.meta.dirname): string {
  const beside = path.resolve(engineDir, '../lexicon');
  if (fs.existsSync(beside)) return beside;
  // tsc copies no YAML into dist/: the built engine reads the lexicons from the source tree.
  return beside.replace(`${path.sep}dist${path.sep}server${path.sep}`, `${path.sep}src${path.sep}server${path.sep}`);
}

function readYaml(file: string): unknown {
  try {
    return parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`The lexicon ${path.basename(file)} could not be read: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function check<S extends typeof RiskFile | typeof CareFile>(schema: S, raw: unknown, name: string): Static<S> {
  if (!Value.Check(schema, raw)) {
    const first = [...Value.Errors(schema, raw)][0];
    throw new Error(`The lexicon ${name} is not valid at ${first?.instancePath || '/'}: ${first?.message ?? 'unknown error'}`);
  }
  return raw as Static<S>;
}

function compileAll<T>(phrases: readonly string[], payload: T, where: string): Pattern<T>[] {
  return phrases.flatMap((phrase) => {
    try {
      return compilePhrase(phrase, payload);
    } catch (err) {
      throw new Error(`${where}: the phrase "${phrase}" cannot be read: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
}

const foldSet = (words: readonly string[]) => new Set(words.flatMap((w) => foldWord(w)));

/** Parses and checks the risk lexicon files (one per language), then compiles them into one index. */
export function compileRisk(files: { name: string; raw: unknown }[]): CompiledRisk {
  const patterns: Pattern<Hit>[] = [];
  const contextPatterns: Pattern<Hit>[] = [];
  const languages: LanguageData[] = [];
  const clauseWordList: string[] = [];
  const numberWords = new Map<string, number>();
  const entries: Entry[] = [];
  const ids = new Set<string>();
  for (const { name, raw } of files) {
    const file: RiskFile = check(RiskFile, raw, name);
    const lang = file.language;
    const first = foldSet(file.people.first_person);
    const second = foldSet(file.people.second_person);
    const third = foldSet(file.people.third_party);
    const whoWords: [Set<string>, number][] = [[third, WHO_OTHER], [second, WHO_ADDRESSED], [first, WHO_SELF]];
    for (const [set] of whoWords) for (const w of set) vocabularyId(w);
    const who = new Int8Array(VOCABULARY.size);
    for (const [set, kind] of whoWords) for (const w of set) who[vocabularyId(w)] = kind;
    const people: People = { first, second, third, who };
    languages.push({ language: lang, detectWords: foldSet(file.detect.words), detectLetters: new Set([...(file.detect.letters ?? '')].flatMap((c) => [c.toLowerCase().charCodeAt(0), c.toUpperCase().charCodeAt(0)])), people });
    clauseWordList.push(...foldSet(file.clause_words));
    for (const [w, value] of Object.entries(file.numbers)) for (const f of foldWord(w)) numberWords.set(f, value);
    CUE_KINDS.forEach((cue, slot) => contextPatterns.push(...compileAll<Hit>(file.cues[cue] ?? [], { type: 'cue', cue, slot, language: lang }, `${name}, cues.${cue}`)));
    contextPatterns.push(...compileAll<Hit>(file.idioms, { type: 'idiom', language: lang }, `${name}, idioms`));
    for (const e of file.entries) {
      if (ids.has(e.id)) throw new Error(`${name}: the rule id ${e.id} is used twice`);
      if (!e.id.startsWith(`${lang}.`)) throw new Error(`${name}: the rule id ${e.id} should start with "${lang}."`);
      ids.add(e.id);
      const kind = e.kind ?? 'risk';
      if (kind === 'risk' && !e.level) throw new Error(`${name}: ${e.id} needs a level`);
      const categories: RiskCategory[] =
        kind === 'concern' ? ['concern_for_other'] : kind === 'harassment' ? ['harassment'] : kind === 'goodbye' ? ['farewell'] : (e.categories ?? ['suicidal']);
      const level: RiskLevel = kind === 'risk' ? e.level! : kind === 'means' ? 'plan' : kind === 'goodbye' ? 'imminent' : 'none';
      const entry: Entry = {
        id: e.id,
        language: lang,
        kind,
        level,
        categories,
        jokeProne: e.flags?.includes('joke_prone') ?? false,
        intent: e.flags?.includes('intent') ?? false,
        act: e.flags?.includes('act') ?? false,
        place: e.flags?.includes('place') ?? false,
        weak: e.flags?.includes('weak') ?? false,
        selfMarked: (form) => people.first.has(form),
      };
      entries.push(entry);
      patterns.push(...compileAll<Hit>(e.phrases, { type: 'entry', entry }, `${name}, ${e.id}`));
    }
  }
  // A word that is common in two languages says nothing about which one a text is in.
  const shared = new Set(languages.flatMap((a) => [...a.detectWords].filter((w) => languages.some((b) => b !== a && b.detectWords.has(w)))));
  for (const lang of languages) for (const w of shared) (lang.detectWords as Set<string>).delete(w);
  const entryIndex = new PhraseIndex(patterns, numberWords);
  const contextIndex = new PhraseIndex(contextPatterns, numberWords);
  for (const lang of languages) for (const w of lang.detectWords) vocabularyId(w);
  const detectById = new Int8Array(VOCABULARY.size).fill(-1);
  languages.forEach((lang, k) => lang.detectWords.forEach((w) => (detectById[vocabularyId(w)] = k)));
  return { entries: entryIndex, context: contextIndex, languages, clauseWords: clauseFlags(clauseWordList), detectById, rules: entries };
}

/** Parses and checks the reply-care lexicon files and compiles them into one index. */
export function compileCare(files: { name: string; raw: unknown }[]): { index: PhraseIndex<CareEntry>; ids: string[] } {
  const patterns: Pattern<CareEntry>[] = [];
  const ids: string[] = [];
  for (const { name, raw } of files) {
    const file: CareFile = check(CareFile, raw, name);
    for (const e of file.entries) {
      if (ids.includes(e.id)) throw new Error(`${name}: the rule id ${e.id} is used twice`);
      ids.push(e.id);
      patterns.push(...compileAll(e.phrases, { id: e.id, language: file.language, nudge: e.nudge }, `${name}, ${e.id}`));
    }
  }
  return { index: new PhraseIndex(patterns, new Map()), ids };
}

/** Reads every `<language>.yaml` (risk) and `<language>.reply-care.yaml` in the lexicon folder. */
export function readLexiconFiles(dir = lexiconDir()): { risk: { name: string; raw: unknown }[]; care: { name: string; raw: unknown }[] } {
  const names = fs.readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort();
  const read = (n: string) => ({ name: n, raw: readYaml(path.join(dir, n)) });
  return {
    risk: names.filter((n) => /^[a-z]{2}\.yaml$/.test(n)).map(read),
    care: names.filter((n) => /^[a-z]{2}\.reply-care\.yaml$/.test(n)).map(read),
  };
}
