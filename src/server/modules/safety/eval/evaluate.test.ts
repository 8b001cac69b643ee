import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessText } from '../assess.js';
import { evaluate, readLabelled } from './evaluate.js';

// The safety issue's targets, on the dev set, the held-out set and the two fresh sets (other
// writers' voices; neither of the last two is copied into the lexicons): CI
// fails when a change to the engine or its lexicons makes Kindred miss risk it used to see.
describe.each(['dev.tsv', 'heldout.tsv', 'fresh.tsv', 'fresh2.tsv'])('the risk engine on %s', (name) => {
  const report = evaluate(path.join(import.meta.dirname, name), assessText);

  it('meets every target of the safety issue', () => {
    for (const t of report.targets) expect(t.pass, `${t.name}: ${t.value.toFixed(3)} (${t.goal})`).toBe(true);
  });
});

describe('the labelled sets', () => {
  const dev = readLabelled(path.join(import.meta.dirname, 'dev.tsv'));
  const heldout = readLabelled(path.join(import.meta.dirname, 'heldout.tsv'));
  const fresh = readLabelled(path.join(import.meta.dirname, 'fresh.tsv'));
  const fresh2 = readLabelled(path.join(import.meta.dirname, 'fresh2.tsv'));

  it('are big enough, in both languages, with every level and category', () => {
    expect(dev.length).toBeGreaterThanOrEqual(500);
    expect(heldout.length).toBeGreaterThanOrEqual(120);
    expect(fresh.length).toBeGreaterThanOrEqual(150);
    expect(fresh2.length).toBeGreaterThanOrEqual(120);
    for (const set of [dev, heldout, fresh, fresh2]) {
      expect(new Set(set.map((r) => r.language))).toEqual(new Set(['en', 'es']));
      expect(new Set(set.map((r) => r.level))).toEqual(new Set(['none', 'distress', 'ideation', 'plan', 'imminent']));
      expect(new Set(set.flatMap((r) => r.categories))).toEqual(new Set(['suicidal', 'self_harm', 'method_detail', 'farewell', 'concern_for_other', 'harassment']));
    }
    // Everyday forum talk is the largest class.
    const everyday = dev.filter((r) => r.level === 'none' && r.categories.length === 0).length;
    for (const level of ['distress', 'ideation', 'plan', 'imminent']) expect(everyday).toBeGreaterThan(dev.filter((r) => r.level === level).length);
  });

  it('share no text, so the held-out score measures texts the engine was not tuned on', () => {
    const seen = new Set(dev.map((r) => r.text.toLowerCase()));
    expect(heldout.filter((r) => seen.has(r.text.toLowerCase()))).toEqual([]);
    expect(fresh.filter((r) => seen.has(r.text.toLowerCase()))).toEqual([]);
    expect(fresh2.filter((r) => seen.has(r.text.toLowerCase()))).toEqual([]);
  });
});
