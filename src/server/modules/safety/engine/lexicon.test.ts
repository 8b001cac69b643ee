import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEngine, engine } from './index.js';
import { compileRisk, lexiconDir, readLexiconFiles } from './lexicon.js';

describe('the lexicon files', () => {
  const files = readLexiconFiles();

  it('hold English and Spanish risk and reply-care lexicons that compile', () => {
    expect(files.risk.map((f) => f.name)).toEqual(['en.yaml', 'es.yaml']);
    expect(files.care.map((f) => f.name)).toEqual(['en.reply-care.yaml', 'es.reply-care.yaml']);
    expect(engine.ruleIds.length).toBeGreaterThan(60);
  });

  it('give every rule a unique id that names its language, level or kind, and meaning', () => {
    expect(new Set(engine.ruleIds).size).toBe(engine.ruleIds.length);
    for (const id of engine.ruleIds) expect(id).toMatch(/^(en|es)\.(distress|ideation|plan|imminent|means|concern|harassment|care)\.[a-z0-9_]+$/);
  });

  it('never start a comment in the middle of a phrase (YAML reads " #" as a comment)', () => {
    for (const name of fs.readdirSync(lexiconDir()).filter((n) => n.endsWith('.yaml'))) {
      const lines = fs.readFileSync(path.join(lexiconDir(), name), 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/^\s*-\s+[^"'\s#]/.test(line) && / #/.test(line)) throw new Error(`${name}:${i + 1}: quote this phrase, " #" starts a comment: ${line.trim()}`);
      });
    }
  });

  it('stop Kindred at start with a message naming the file, the rule and the phrase', () => {
    const raw = structuredClone(files.risk[0]!.raw) as { entries: { id: string; phrases: string[] }[] };
    raw.entries[0]!.phrases.push('(unclosed');
    expect(() => compileRisk([{ name: 'en.yaml', raw }])).toThrow(/en\.yaml, en\.distress\.worthless: the phrase "\(unclosed"/);
    expect(() => compileRisk([{ name: 'en.yaml', raw: { language: 'en' } }])).toThrow(/en\.yaml is not valid/);
  });

  it('are found from the built engine in dist/, which holds no YAML', () => {
    const root = path.resolve(lexiconDir(), '../../../../..');
    const built = path.join(root, 'dist', 'server', 'modules', 'safety', 'engine');
    expect(lexiconDir(built)).toBe(lexiconDir());
  });

  it('can be loaded from another folder (how a test or an operator tries an edit)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-lexicon-'));
    try {
      for (const n of fs.readdirSync(lexiconDir())) if (n.endsWith('.yaml')) fs.copyFileSync(path.join(lexiconDir(), n), path.join(dir, n));
      const file = path.join(dir, 'en.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('  - id: en.distress.worthless', '  - id: en.distress.test_phrase\n    level: distress\n    categories: []\n    phrases: [gloomy teapot]\n  - id: en.distress.worthless'));
      expect(buildEngine(dir).assess('such a gloomy teapot day').level).toBe('distress');
      expect(engine.assess('such a gloomy teapot day').level).toBe('none');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
