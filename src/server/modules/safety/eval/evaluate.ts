/**
 * Measures the risk engine on a labelled file (eval/*.tsv): per-level precision, recall and
 * F1, the confusion matrix, per-category recall, and the safety issue's targets.
 */
import fs from 'node:fs';
import { RISK_LEVELS, type Assess, type RiskCategory, type RiskLevel } from '../assess.js';

export interface Labelled {
  line: number;
  level: RiskLevel;
  categories: RiskCategory[];
  language: string;
  text: string;
}

export interface Target {
  name: string;
  value: number;
  goal: string;
  pass: boolean;
}

export interface Report {
  file: string;
  size: number;
  byLanguage: Record<string, number>;
  perLevel: { level: RiskLevel; support: number; precision: number; recall: number; f1: number }[];
  /** confusion[expected][assessed] */
  confusion: Record<RiskLevel, Record<RiskLevel, number>>;
  perCategory: { category: RiskCategory; support: number; precision: number; recall: number }[];
  targets: Target[];
  /** Texts whose language the engine detected as labelled. */
  languageAccuracy: number;
  misses: { line: number; expected: string; assessed: string; text: string }[];
}

const CATEGORIES: RiskCategory[] = ['suicidal', 'self_harm', 'method_detail', 'farewell', 'concern_for_other', 'harassment'];
const rank = (l: RiskLevel) => RISK_LEVELS.indexOf(l);

/** Reads a labelled file: level, categories (comma-separated or -), language, text; tab-separated; # starts a comment line. */
export function readLabelled(file: string): Labelled[] {
  const rows: Labelled[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (raw.trim() === '' || raw.startsWith('#')) return;
      const [level, categories, language, text, ...extra] = raw.split('\t');
      if (!text || extra.length > 0 || !RISK_LEVELS.includes(level as RiskLevel)) throw new Error(`${file}:${i + 1}: expected "level<TAB>categories<TAB>language<TAB>text"`);
      const cats = categories === '-' ? [] : categories!.split(',');
      for (const c of cats) if (!CATEGORIES.includes(c as RiskCategory)) throw new Error(`${file}:${i + 1}: unknown category "${c}"`);
      rows.push({ line: i + 1, level: level as RiskLevel, categories: cats as RiskCategory[], language: language!, text });
    });
  return rows;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** Assesses every text (without telling the engine its language: detection is part of the test). */
export function evaluate(file: string, assess: Assess): Report {
  const rows = readLabelled(file);
  const confusion = Object.fromEntries(RISK_LEVELS.map((e) => [e, Object.fromEntries(RISK_LEVELS.map((a) => [a, 0]))])) as Report['confusion'];
  const cat = Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  let planSupport = 0, planCaught = 0, ideationSupport = 0, ideationCaught = 0, calmSupport = 0, calmAlarmed = 0;
  const byLanguage: Record<string, number> = {};
  let languageRight = 0;
  const misses: Report['misses'] = [];
  for (const row of rows) {
    const a = assess(row.text);
    byLanguage[row.language] = (byLanguage[row.language] ?? 0) + 1;
    if (a.language === row.language) languageRight++;
    confusion[row.level][a.level]++;
    if (rank(row.level) >= rank('plan')) {
      planSupport++;
      if (rank(a.level) >= rank('plan')) planCaught++;
    }
    if (rank(row.level) >= rank('ideation')) {
      ideationSupport++;
      if (rank(a.level) >= rank('ideation')) ideationCaught++;
    } else {
      calmSupport++;
      if (rank(a.level) >= rank('ideation')) calmAlarmed++;
    }
    for (const c of CATEGORIES) {
      const want = row.categories.includes(c);
      const got = a.categories.includes(c);
      if (want && got) cat[c]!.tp++;
      else if (got) cat[c]!.fp++;
      else if (want) cat[c]!.fn++;
    }
    const wantCats = [...row.categories].sort().join(',');
    const gotCats = [...a.categories].filter((c) => c !== 'suicidal' || row.categories.includes('suicidal')).sort().join(',');
    if (a.level !== row.level || wantCats !== gotCats) {
      misses.push({ line: row.line, expected: `${row.level} ${wantCats || '-'}`, assessed: `${a.level} ${[...a.categories].sort().join(',') || '-'} [${a.matches.map((m) => m.rule).join(' ')}]`, text: row.text });
    }
  }
  const perLevel = RISK_LEVELS.map((level) => {
    const tp = confusion[level][level];
    const support = RISK_LEVELS.reduce((s, a) => s + confusion[level][a], 0);
    const assessed = RISK_LEVELS.reduce((s, e) => s + confusion[e][level], 0);
    const precision = ratio(tp, assessed);
    const recall = ratio(tp, support);
    return { level, support, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
  });
  const perCategory = CATEGORIES.map((c) => ({ category: c, support: cat[c]!.tp + cat[c]!.fn, precision: ratio(cat[c]!.tp, cat[c]!.tp + cat[c]!.fp), recall: ratio(cat[c]!.tp, cat[c]!.tp + cat[c]!.fn) }));
  const harassment = perCategory.find((c) => c.category === 'harassment')!;
  const planRecall = ratio(planCaught, planSupport);
  const ideationRecall = ratio(ideationCaught, ideationSupport);
  const falseAlarms = calmSupport === 0 ? 0 : calmAlarmed / calmSupport;
  const targets: Target[] = [
    { name: 'plan+imminent recall (assessed plan or higher)', value: planRecall, goal: '≥ 0.95', pass: planRecall >= 0.95 },
    { name: 'ideation-or-higher recall', value: ideationRecall, goal: '≥ 0.92', pass: ideationRecall >= 0.92 },
    { name: 'none/distress assessed ideation or higher', value: falseAlarms, goal: '≤ 0.03', pass: falseAlarms <= 0.03 },
    { name: 'harassment recall', value: harassment.recall, goal: '≥ 0.90', pass: harassment.recall >= 0.9 },
  ];
  return { file, size: rows.length, byLanguage, perLevel, confusion, perCategory, targets, languageAccuracy: ratio(languageRight, rows.length), misses };
}

const f2 = (n: number) => n.toFixed(3);

/** The report as text for a terminal. */
export function formatReport(r: Report, { misses = false } = {}): string {
  const out: string[] = [];
  out.push(`${r.file}: ${r.size} texts (${Object.entries(r.byLanguage).map(([l, n]) => `${l} ${n}`).join(', ')})`, '');
  out.push('level      support  precision  recall  F1');
  for (const l of r.perLevel) out.push(`${l.level.padEnd(10)} ${String(l.support).padStart(7)}  ${f2(l.precision).padStart(9)}  ${f2(l.recall).padStart(6)}  ${f2(l.f1)}`);
  out.push('', 'confusion (rows: labelled, columns: assessed)');
  out.push(`${''.padEnd(10)} ${RISK_LEVELS.map((l) => l.padStart(9)).join('')}`);
  for (const e of RISK_LEVELS) out.push(`${e.padEnd(10)} ${RISK_LEVELS.map((a) => String(r.confusion[e][a]).padStart(9)).join('')}`);
  out.push('', 'category            support  precision  recall');
  for (const c of r.perCategory) out.push(`${c.category.padEnd(19)} ${String(c.support).padStart(7)}  ${f2(c.precision).padStart(9)}  ${f2(c.recall).padStart(6)}`);
  out.push('', `language detected as labelled: ${f2(r.languageAccuracy)}`);
  out.push('', 'targets (safety issue)');
  for (const t of r.targets) out.push(`  ${t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${f2(t.value)} (${t.goal})`);
  if (misses && r.misses.length > 0) {
    out.push('', `${r.misses.length} texts assessed differently from their label:`);
    for (const m of r.misses) out.push(`  line ${m.line}: want ${m.expected} | got ${m.assessed}\n    ${m.text}`);
  }
  return out.join('\n');
}
