/**
 * The risk engine: lexicon phrases found in one pass, then the rules that keyword lists get
 * wrong — negation, past and recovery, other people, quotation, reported speech, idioms,
 * jokes — and the combinations that raise a level (means beside a wish to die, means with
 * words that use them, a goodbye beside distress or means, an intention with "tonight").
 */
import { RISK_LEVELS, type Assessment, type RiskCategory, type RiskLevel } from './types.js';
import { CUE_KINDS, WHO_ADDRESSED, WHO_OTHER, WHO_SELF, type CompiledRisk, type CueKind, type Entry, type Hit, type LanguageData } from './lexicon.js';
import type { Found } from './patterns.js';
import { tokenize, type Token } from './text.js';

export interface Match {
  rule: string;
  /** The words that fired, exactly as written. */
  phrase: string;
  start: number;
  end: number;
}

export type Suppression = 'idiom' | 'quoted' | 'reported' | 'negated' | 'past' | 'joke' | 'addressed' | 'medical' | 'alone';

export interface Detailed extends Assessment {
  matches: Match[];
  /** Phrases that were found but did not count, and why: what a reviewer reads to improve the lexicon. */
  suppressed: (Match & { reason: Suppression })[];
}

const NEGATION_WINDOW = 3;
const PAST_WINDOW = 8;
const JOKE_WINDOW = 8;
const NOW_WINDOW = 12;
const REPORTED_WINDOW = 3;
/** Words read for cues beyond a finding's sentence: as far as any rule looks (NOW_WINDOW). */
const CONTEXT_MARGIN = 12;

const LEVEL_SCORE: Record<RiskLevel, number> = { none: 0, distress: 0.3, ideation: 0.55, plan: 0.8, imminent: 0.95 };
const HARASSMENT_SCORE = 0.7;
const CONCERN_SCORE = 0.4;

const rank = (l: RiskLevel) => RISK_LEVELS.indexOf(l);

type EntryHit = Found<Hit> & { entry: Entry };
/** Cue findings by kind, in the order of CUE_KINDS (an array: read by number, not by name). */
type CueHits = Found<Hit>[][];
const Cue = Object.fromEntries(CUE_KINDS.map((k, i) => [k, i])) as Record<CueKind, number>;

export function createEngine(compiled: CompiledRisk) {
  const byLanguage = new Map(compiled.languages.map((l) => [l.language, l]));
  const fallback = compiled.languages[0]!;

  /**
   * The language with the most of its own function words ("the", "que"); on a tie, the one
   * whose letters (ñ, ¿, á) the text uses; else the first lexicon's (English).
   */
  function detectLanguage(text: string, tokens: readonly Token[]): string {
    const scores = compiled.languages.map(() => 0);
    const byId = compiled.detectById;
    for (const t of tokens) {
      const k = t.id >= 0 && t.id < byId.length ? byId[t.id]! : -1;
      if (k >= 0) scores[k] = scores[k]! + 1;
    }
    const top = Math.max(...scores);
    if (scores.filter((x) => x === top).length > 1) {
      compiled.languages.forEach((lang, k) => {
        if (scores[k] !== top || lang.detectLetters.size === 0) return;
        for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127 && lang.detectLetters.has(text.charCodeAt(i))) scores[k] += 0.5;
      });
    }
    let best = 0;
    for (let k = 1; k < scores.length; k++) if (scores[k]! > scores[best]!) best = k;
    return compiled.languages[best]!.language;
  }

  /** The assessment with every suppressed phrase and its reason (`explain`: false skips collecting them). */
  function assessDetailed(text: string, options?: { language?: string }, explain = true): Detailed {
    const tokens = tokenize(text, compiled.clauseWords);
    const language = options?.language ? options.language.toLowerCase().slice(0, 2) : detectLanguage(text, tokens);
    const found = compiled.entries.findAll(tokens);
    if (found.length === 0) return { level: 'none', score: 0, categories: [], matches: [], language, suppressed: [] };
    // Cues and idioms matter only near a finding: read the sentences that have one, and a
    // few words around them ("... tonight", "lol").
    let last = -1;
    const entryCount = found.length;
    for (let k = 0; k < entryCount; k++) {
      const f = found[k]!;
      // Already read around an earlier finding, to past the end of this one's sentence.
      if (f.to <= last && tokens[last - 1]!.sentence !== tokens[f.to - 1]!.sentence) continue;
      let b = f.to;
      while (b < tokens.length && tokens[b]!.sentence === tokens[f.to - 1]!.sentence) b++;
      b = Math.min(b + CONTEXT_MARGIN, tokens.length);
      if (b <= last) continue; // already read around an earlier finding
      let a = f.from;
      while (a > last && a > 0 && tokens[a - 1]!.sentence === tokens[f.from]!.sentence) a--;
      a = Math.max(a - CONTEXT_MARGIN, last, 0);
      if (a < b) compiled.context.findAll(tokens, found, a, b);
      last = Math.max(last, b);
    }

    const hits: EntryHit[] = [];
    const idioms: Found<Hit>[] = [];
    const cues: CueHits = CUE_KINDS.map(() => []);
    // Entry findings come in order of their first word, so a rule's overlapping findings
    // ("just took all", "took all my pills") meet its latest one and become one span.
    const latest = new Map<Hit, EntryHit>();
    for (const f of found) {
      if (f.payload.type === 'entry') {
        const same = latest.get(f.payload);
        if (same && same.from < f.to && same.to > f.from) {
          same.from = Math.min(same.from, f.from);
          same.to = Math.max(same.to, f.to);
        } else {
          const hit: EntryHit = { payload: f.payload, from: f.from, to: f.to, entry: f.payload.entry };
          hits.push(hit);
          latest.set(f.payload, hit);
        }
      } else if (f.payload.type === 'idiom') idioms.push(f);
      else cues[f.payload.slot]!.push(f);
    }

    if (hits.length === 0) return { level: 'none', score: 0, categories: [], matches: [], language, suppressed: [] };

    const toMatch = (h: Found<Hit> & { entry: Entry }): Match => {
      const start = tokens[h.from]!.start;
      const end = tokens[h.to - 1]!.end;
      return { rule: h.entry.id, phrase: text.slice(start, end), start, end };
    };
    const suppressed: Detailed['suppressed'] = [];
    const drop = (h: EntryHit, reason: Suppression) => {
      if (!explain) return;
      const m = toMatch(h);
      suppressed.push({ rule: m.rule, phrase: m.phrase, start: m.start, end: m.end, reason });
    };
    const own: { hit: EntryHit; level: RiskLevel }[] = [];
    const concern: EntryHit[] = [];
    const harassment: EntryHit[] = [];
    const means: EntryHit[] = [];
    const goodbyes: EntryHit[] = [];

    const harassing = hits.filter((h) => h.entry.kind === 'harassment');
    // "Chao amigos, ...": the people a goodbye greets are addressed, not the subject of what follows.
    const greeted: EntryHit[] = [];
    for (const h of hits) if (h.entry.kind === 'goodbye') greeted.push(h);
    for (const h of hits) {
      const lang = byLanguage.get(h.entry.language) ?? fallback;
      const reason = suppression(h, tokens, cues, idioms, lang);
      if (reason) {
        drop(h, reason);
        continue;
      }
      const kind = h.entry.kind;
      if (kind === 'harassment') harassment.push(h);
      else if (kind === 'goodbye') goodbyes.push(h);
      else if (kind === 'concern') {
        // Concern needs someone else in the sentence: "I was suicidal" or "talking about suicide" is not it.
        if (aboutWhom(h, tokens, lang, greeted) === 'other' || namesSomeoneElse(h, tokens, lang)) concern.push(h);
        else drop(h, 'addressed');
      } else if (overlapsKind(harassing, h)) {
        // "jump off a bridge" inside "do everyone a favour and jump off a bridge" is said to someone else.
        drop(h, 'addressed');
      } else {
        let who = aboutWhom(h, tokens, lang, greeted);
        // "alguien sabe cuánto...", "does anyone know how many...": asking others about a
        // method's details is the asker's own risk unless the phrase names someone else.
        if (who === 'other' && h.entry.categories.includes('method_detail') && !namesSomeoneElse(h, tokens, lang)) who = 'self';
        if (who === 'other') concern.push(h);
        else if (who === 'addressed') drop(h, 'addressed');
        else if (kind === 'means') {
          // "already took them" is a deed with the means, not medicine talk, even beside "sleepy".
          if (!h.entry.act && near(cues[Cue.medical]!, h, tokens, Infinity)) drop(h, 'medical');
          else means.push(h);
        } else {
          // "want to cut myself" is a wish (ideation), not the deed (plan).
          const wished = h.entry.act && cues[Cue.desire]!.some((c) => c.to <= h.from && h.from - c.to <= 2 && tokens[c.from]!.part === tokens[h.from]!.part);
          own.push({ hit: h, level: wished && h.entry.level === 'plan' ? 'ideation' : h.entry.level });
        }
      }
    }

    let level: RiskLevel = 'none';
    const categories = new Set<RiskCategory>();
    // Plain loops and pushes below: spreading arrays of hits made V8 deoptimize this function on every call.
    const counted: EntryHit[] = [];
    for (const o of own) counted.push(o.hit);
    for (const o of own) {
      if (rank(o.level) > rank(level)) level = o.level;
      for (const c of o.hit.entry.categories) categories.add(c);
    }
    // An intention with a time that is now ("tonight", "right now") is imminent.
    if (own.some((o) => o.hit.entry.intent && near(cues[Cue.now]!, o.hit, tokens, NOW_WINDOW))) level = 'imminent';
    // A goodbye, not the word "goodbye" inside another finding ("goodbye letters").
    // "goodbye everyone, see you Monday": a goodbye with a return to come is an ordinary one.
    const returning = cues[Cue.returning]!.length > 0;
    const farewells = returning ? [] : goodbyes.filter((g) => !own.some((o) => o.hit.from < g.to && o.hit.to > g.from));
    // Means count only beside other signs: "my pills" alone is medicine, "a rope" alone is rope.
    // Beside distress they make ideation, beside ideation a plan; two different signs of
    // preparation ("bought a rope", "I know what I'm going to do") are a plan on their own, and
    // so are means with words that use them ("taking them all", "me las voy a tomar") or with
    // a goodbye. Two findings are two signs only when they are different kinds of sign in
    // different words ("💊💊" is one).
    const signs = Math.min(distinctSpans(means), new Set(means.map((h) => h.entry.id)).size);
    // "I'm not going to take them all": a negated use does not count.
    const negations = cues[Cue.negation]!;
    let using = false;
    if (means.length > 0 && cues[Cue.use_means]!.length > 0) {
      // "me voy a tomar todas las vacaciones": a use inside an idiom is not one.
      const uses = cues[Cue.use_means]!.filter(
        (c) =>
          !negations.some((n) => n.to <= c.from && c.from - n.to <= NEGATION_WINDOW && tokens[n.to - 1]!.clause === tokens[c.from]!.clause) &&
          !idioms.some((i) => i.from < c.to && i.to > c.from),
      );
      using = means.some((h) => near(uses, h, tokens, NOW_WINDOW));
    }
    // "bye all, off to the bridge for the sunset": a place beside a goodbye is not enough.
    // An everyday goodbye ("sorry mum") raises only means already taken ("the bottle is empty now").
    const farewellMeans = farewells.length > 0 && means.some((h) => !h.entry.place && (h.entry.act || farewells.some((g) => !g.entry.weak)));
    if (means.length > 0 && (rank(level) >= rank('distress') || signs >= 2 || using || farewellMeans)) {
      const raised: RiskLevel = rank(level) >= rank('ideation') || signs >= 2 || using || farewellMeans ? 'plan' : 'ideation';
      if (rank(raised) > rank(level)) level = raised;
      // Means with words that use them and a time that is now ("the pills are here, taking
      // them all tonight"): imminent.
      if (rank(level) >= rank('plan') && using && means.some((h) => near(cues[Cue.now]!, h, tokens, NOW_WINDOW))) level = 'imminent';
      categories.add('suicidal');
      for (const h of means) for (const c of h.entry.categories) categories.add(c);
      for (const h of means) counted.push(h);
    } else for (const h of means) drop(h, 'alone');
    // A goodbye counts beside distress or worse, beside means, or beside a second goodbye;
    // "goodbye everyone, see you Monday" alone does not.
    // An everyday goodbye ("sorry for everything", "perdón por todo") counts only beside a
    // plan or worse, means, or a goodbye of its own kind ("you won't have to deal with me anymore").
    const strong = farewells.some((g) => !g.entry.weak);
    if (farewells.length > 0 && ((strong && rank(level) >= rank('distress')) || rank(level) >= rank('plan') || (strong && distinctSpans(farewells) >= 2))) {
      level = 'imminent';
      categories.add('farewell');
      categories.add('suicidal');
      for (const h of farewells) counted.push(h);
    } else for (const h of goodbyes) drop(h, 'alone');
    if (rank(level) < rank('ideation')) {
      categories.delete('suicidal');
      categories.delete('self_harm');
    }
    if (concern.length > 0) categories.add('concern_for_other');
    if (harassment.length > 0) categories.add('harassment');
    for (const h of concern) counted.push(h);
    for (const h of harassment) counted.push(h);

    let score = LEVEL_SCORE[level];
    if (harassment.length > 0) score = Math.max(score, HARASSMENT_SCORE);
    if (concern.length > 0) score = Math.max(score, CONCERN_SCORE);
    if (score > 0) score = Math.min(level === 'imminent' ? 1 : LEVEL_SCORE[level] + 0.2, score + 0.02 * (counted.length - 1));

    const matches: Match[] = [];
    for (const h of counted) matches.push(toMatch(h));
    matches.sort(byPosition);
    return { level, score: Math.round(score * 100) / 100, categories: Array.from(categories), matches, language, suppressed };
  }

  return {
    assessDetailed,
    assess(text: string, options?: { language?: string }): Assessment {
      const a = assessDetailed(text, options, false);
      return { level: a.level, score: a.score, categories: a.categories, matches: a.matches, language: a.language };
    },
    detectLanguage: (text: string) => detectLanguage(text, tokenize(text, compiled.clauseWords)),
  };
}

const byPosition = (a: Match, b: Match) => a.start - b.start || a.end - b.end;

function sameLanguage(f: Found<Hit>, lang: LanguageData): boolean {
  return f.payload.type !== 'entry' && f.payload.language === lang.language;
}

/** Whether a cue of `list` lies within `window` tokens of the hit (any distance in the same sentence when `window` is Infinity). */
function near(list: Found<Hit>[], h: EntryHit, tokens: readonly Token[], window: number): boolean {
  if (window === Infinity) return list.some((c) => tokens[c.from]!.sentence === tokens[h.from]!.sentence);
  return list.some((c) => c.from < h.to + window && c.to > h.from - window);
}

function suppression(h: EntryHit, tokens: readonly Token[], cues: CueHits, idioms: Found<Hit>[], lang: LanguageData): Suppression | null {
  const first = tokens[h.from]!;
  if (idioms.some((i) => i.from < h.to && i.to > h.from)) return 'idiom';

  let quoted = true;
  for (let k = h.from; k < h.to; k++) if (!tokens[k]!.quoted) quoted = false;
  if (quoted && !cues[Cue.thinking]!.some((c) => c.to <= h.from && tokens[c.from]!.sentence === first.sentence && !tokens[c.from]!.quoted)) return 'quoted';

  if (h.entry.kind !== 'concern' && cues[Cue.reported_speech]!.some((c) => c.to <= h.from && h.from - c.to <= REPORTED_WINDOW && tokens[c.from]!.sentence === first.sentence)) return 'reported';

  const negation = cues[Cue.negation]!.find(
    (c) => sameLanguage(c, lang) && c.to <= h.from && h.from - c.to <= NEGATION_WINDOW && tokens[c.to - 1]!.clause === first.clause,
  );
  if (negation && !cues[Cue.negation_breakers]!.some((b) => b.from >= negation.from && b.to <= h.from)) return 'negated';

  if (h.entry.kind !== 'harassment') {
    const last = tokens[h.to - 1]!;
    // Recovery ("200 days clean", "recovered") holds for the whole sentence.
    if (cues[Cue.recovery]!.some((c) => sameLanguage(c, lang) && tokens[c.from]!.sentence === first.sentence)) return 'past';
    // "used to", "years ago": in the same clause, or shortly before in the same sentence, unless
    // the phrase's own clause says it is happening again ("..., but yesterday I cut again").
    const past =
      cues[Cue.past]!.find((c) => sameLanguage(c, lang) && c.to <= h.from + 1 && (tokens[c.from]!.clause === first.clause || (tokens[c.from]!.sentence === first.sentence && h.from - c.to <= PAST_WINDOW))) ??
      cues[Cue.past]!.find((c) => sameLanguage(c, lang) && c.from >= h.to - 1 && tokens[c.from]!.clause === last.clause);
    // A time word cancels the past only when it comes after the past one and by the phrase's end:
    // "I used to love music, now nothing matters", but not "who used to be suicidal is now a nurse".
    const recent =
      past &&
      cues[Cue.recent]!.some(
        (c) => (tokens[c.from]!.clause === first.clause || tokens[c.from]!.clause === last.clause) && c.from < h.to && (c.from > past.from || past.from >= h.to - 1),
      );
    if (past && !recent) return 'past';
  }

  if (h.entry.jokeProne && cues[Cue.laughter]!.some((c) => c.from < h.to + JOKE_WINDOW && c.to > h.from - JOKE_WINDOW)) return 'joke';
  return null;
}

function overlapsKind(others: readonly EntryHit[], h: EntryHit): boolean {
  return others.some((o) => o.from < h.to && o.to > h.from);
}

/** How many findings there are once overlapping ones ("the rope", "looking at the rope") count as one. */
function distinctSpans(list: readonly EntryHit[]): number {
  const sorted = [...list].sort((a, b) => a.from - b.from);
  let count = 0;
  let end = -1;
  for (const h of sorted) {
    if (h.from >= end) count++;
    end = Math.max(end, h.to);
  }
  return count;
}

/** Whether the phrase itself names someone else ("himself", "her life", "quiere"). */
function namesSomeoneElse(h: EntryHit, tokens: readonly Token[], lang: LanguageData): boolean {
  for (let k = h.from; k < h.to; k++) if (lang.people.third.has(tokens[k]!.form)) return true;
  return false;
}

/**
 * Whom a phrase is about: the writer ('self': a word of the phrase or the nearest person word
 * before it in the sentence is "I", "me", "quiero"...), another person ('other'), the reader it
 * addresses ('addressed'), or nobody named ('unknown': the writer, as in "want to die").
 */
function aboutWhom(h: EntryHit, tokens: readonly Token[], lang: LanguageData, greeted: readonly EntryHit[] = []): 'self' | 'other' | 'addressed' | 'unknown' {
  for (let k = h.from; k < h.to; k++) if (h.entry.selfMarked(tokens[k]!.form)) return 'self';
  const sentence = tokens[h.from]!.sentence;
  const who = lang.people.who;
  for (let k = h.from - 1; k >= 0 && tokens[k]!.sentence === sentence; k--) {
    if (greeted.length > 0 && greeted.some((g) => g !== h && g.from <= k && k < g.to)) return 'unknown';
    const id = tokens[k]!.id;
    const kind = id >= 0 && id < who.length ? who[id] : 0;
    if (kind === WHO_SELF) return 'self';
    if (kind === WHO_OTHER) return 'other';
    if (kind === WHO_ADDRESSED) return 'addressed';
  }
  return 'unknown';
}
