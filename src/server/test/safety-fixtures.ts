import type { Assess, Assessment } from '../modules/safety/assess.js';
import type { ReplyCareCheck } from '../modules/safety/safety.service.js';

/**
 * A stand-in for the risk engine that reacts to made-up marker words, so the tests of what
 * Kindred does with each kind of assessment do not depend on the engine's lexicons (the
 * engine has its own tests and evaluation).
 */
const MARKERS: [string, Omit<Assessment, 'matches' | 'language'>][] = [
  ['MARKER-IMMINENT', { level: 'imminent', score: 0.98, categories: ['suicidal', 'farewell'] }],
  ['MARKER-METHOD', { level: 'plan', score: 0.9, categories: ['suicidal', 'method_detail'] }],
  ['MARKER-PLAN', { level: 'plan', score: 0.85, categories: ['suicidal'] }],
  ['MARKER-SELFHARM', { level: 'plan', score: 0.8, categories: ['self_harm'] }],
  ['MARKER-IDEATION', { level: 'ideation', score: 0.6, categories: ['suicidal'] }],
  ['MARKER-HARASS', { level: 'none', score: 0.8, categories: ['harassment'] }],
  ['MARKER-FRIEND', { level: 'none', score: 0.4, categories: ['concern_for_other'] }],
  ['MARKER-DISTRESS', { level: 'distress', score: 0.3, categories: [] }],
];

export const standInAssess: Assess = (text) => {
  for (const [marker, found] of MARKERS) {
    const start = text.indexOf(marker);
    if (start >= 0) return { ...found, matches: [{ rule: `test.${marker.toLowerCase()}`, start, end: start + marker.length }], language: 'en' };
  }
  return { level: 'none', score: 0, categories: [], matches: [], language: 'en' };
};

export const standInReplyCare: ReplyCareCheck = (text) => ({
  nudges: [...(text.includes('MARKER-MINIMISE') ? (['minimising'] as const) : []), ...(text.includes('MARKER-DM') ? (['private_contact'] as const) : [])],
});
