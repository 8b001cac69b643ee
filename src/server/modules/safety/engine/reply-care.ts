/**
 * Reply care: finds phrases in a reply that minimise ("it gets better"), push positivity
 * ("just think positive"), pull someone into private contact ("DM me") or use tough love.
 * It never blocks anything; posts and chat show the writer a gentle nudge.
 */
import type { CareEntry, CareNudge, CompiledRisk } from './lexicon.js';
import type { PhraseIndex } from './patterns.js';
import { tokenize } from './text.js';

export type { CareNudge };

export interface ReplyCare {
  nudges: CareNudge[];
  matches: { rule: string; nudge: CareNudge; phrase: string; start: number; end: number }[];
  language: string;
}

const NEGATION_WINDOW = 3;

export function createReplyCare(care: PhraseIndex<CareEntry>, risk: CompiledRisk, detectLanguage: (text: string) => string) {
  /** The nudges a reply deserves, with the phrases behind them. */
  return function reviewReplyCare(text: string, language?: string): ReplyCare {
    const tokens = tokenize(text, risk.clauseWords);
    const found = care.findAll(tokens);
    const lang = language ? language.toLowerCase().slice(0, 2) : detectLanguage(text);
    if (found.length === 0) return { nudges: [], matches: [], language: lang };
    // Negation and quotation come from the risk lexicons: "I won't say it gets better", or
    // quoting what someone else once said, are not the writer pushing it.
    const negations = risk.context.findAll(tokens).filter((f) => f.payload.type === 'cue' && f.payload.cue === 'negation');
    const matches: ReplyCare['matches'] = [];
    for (const f of found) {
      const first = tokens[f.from]!;
      if (first.quoted) continue;
      if (negations.some((n) => n.to <= f.from && f.from - n.to <= NEGATION_WINDOW && tokens[n.to - 1]!.clause === first.clause)) continue;
      const start = first.start;
      const end = tokens[f.to - 1]!.end;
      matches.push({ rule: f.payload.id, nudge: f.payload.nudge, phrase: text.slice(start, end), start, end });
    }
    const nudges = [...new Set(matches.map((m) => m.nudge))];
    return { nudges, matches, language: lang };
  };
}
