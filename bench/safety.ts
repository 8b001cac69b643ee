// Risk engine benchmark (safety issue: at least 20,000 assessments per second of
// 500-character texts on one core). Texts of about 500 characters are made by joining
// the made-up texts of the engine's dev set, so every level and both languages are in the
// mix; the baseline in the same run only lower-cases and normalises the same texts.
//   npm run bench:safety     (BENCH_SECONDS to change the time per measurement)
// One thread, no network; the result is put at the top of bench/RESULTS.md.
import os from 'node:os';
import path from 'node:path';
import { assessText } from '../src/server/modules/safety/assess.js';
import { readLabelled } from '../src/server/modules/safety/eval/evaluate.js';
import { recordResults } from './common.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const TEXT_CHARS = 500;

function corpus(): string[] {
  const rows = readLabelled(path.resolve(import.meta.dirname, '../src/server/modules/safety/eval/dev.tsv'));
  const texts: string[] = [];
  // Several orders of the same rows, so each text is a different mix.
  for (let stride = 1; stride <= 7; stride += 2) {
    let current = '';
    for (let i = 0; i < rows.length; i++) {
      current += (current ? ' ' : '') + rows[(i * stride) % rows.length]!.text;
      if (current.length >= TEXT_CHARS) {
        texts.push(current.slice(0, TEXT_CHARS));
        current = '';
      }
    }
  }
  return texts;
}

function measure(label: string, texts: string[], fn: (text: string) => unknown): { label: string; perSecond: number; microseconds: number } {
  let sink = 0;
  // Warm up so the JIT has compiled the hot paths.
  for (let i = 0; i < 2000; i++) sink += fn(texts[i % texts.length]!) ? 1 : 0;
  let done = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(SECONDS * 1e9);
  let now = start;
  while (now < deadline) {
    for (let i = 0; i < 1000; i++) sink += fn(texts[(done + i) % texts.length]!) ? 1 : 0;
    done += 1000;
    now = process.hrtime.bigint();
  }
  const seconds = Number(now - start) / 1e9;
  if (sink < 0) console.log(sink);
  return { label, perSecond: Math.round(done / seconds), microseconds: (seconds * 1e6) / done };
}

const texts = corpus();
const average = Math.round(texts.reduce((s, t) => s + t.length, 0) / texts.length);
const baseline = measure('baseline: lower-case and normalise (NFD) only', texts, (t) => t.toLowerCase().normalize('NFD').length);
const engine = measure('assess(text): detect language, match lexicons, apply rules', texts, (t) => assessText(t).level);
const target = 20_000;

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const section =
  `## ${new Date().toISOString().slice(0, 10)} — safety risk engine — ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n\n` +
  `One thread, ${SECONDS} s per measurement after a warm-up; ${texts.length} texts of ${average} characters on average, joined from the engine's dev set (English and Spanish, every level). ` +
  `Target: ${target.toLocaleString('en')} assessments per second.\n\n` +
  '| scenario | texts/s | µs per text | % of baseline |\n|---|---|---|---|\n' +
  [baseline, engine].map((r) => `| ${r.label} | ${r.perSecond} | ${r.microseconds.toFixed(1)} | ${Math.round((100 * r.perSecond) / baseline.perSecond)} % |`).join('\n') +
  `\n\nThe engine ${engine.perSecond >= target ? 'meets' : 'misses'} the target (${engine.perSecond.toLocaleString('en')} assessments per second).`;
if (!process.argv.includes('--dry-run')) recordResults(section);
console.log(section);
