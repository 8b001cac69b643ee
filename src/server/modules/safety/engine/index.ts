/**
 * The risk engine, built once when Kindred starts: the lexicons in ../lexicon are read,
 * checked and compiled here, so a broken lexicon stops the server with a clear message
 * instead of letting risk go unseen.
 */
import { createEngine } from './engine.js';
import { compileCare, compileRisk, readLexiconFiles } from './lexicon.js';
import { createReplyCare } from './reply-care.js';

export type { Detailed, Match, Suppression } from './engine.js';
export type { ReplyCare, CareNudge } from './reply-care.js';

/** Builds an engine from lexicon files (the default folder, or another one in tests). */
export function buildEngine(dir?: string) {
  const files = readLexiconFiles(dir);
  const risk = compileRisk(files.risk);
  const care = compileCare(files.care);
  const engine = createEngine(risk);
  return { ...engine, reviewReplyCare: createReplyCare(care.index, risk, engine.detectLanguage), ruleIds: [...risk.rules.map((e) => e.id), ...care.ids] };
}

export const engine = buildEngine();
