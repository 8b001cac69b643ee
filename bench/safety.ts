// Risk engine benchmark (safety issue: at least 20,000 assessments per second of
// 500-character texts on one core). Texts of about 500 characters are made by joining the
// made-up texts of the engine's dev set: "everyday" joins only its everyday forum talk (what
// most posts are), "mixed" joins all of it, so about half of each text is risk, idioms and
// traps (the hard case). The baseline in the same run only lower-cases and normalises the
// same texts. Rates count the process's CPU time, so other work on a shared machine does not
// lower them; the wall-clock rate and the load average are printed beside them.
//   npm run bench:safety     (BENCH_SECONDS to change the time per measurement)
// One thread, no network; the result is put at the top of bench/RESULTS.md.
import os from 'node:os';
import path from 'node:path';
import { assessText } from '../src/server/modules/safety/assess.js';
import { readLabelled, type Labelled } from '../src/server/modules/safety/eval/evaluate.js';
import { recordResults } from './common.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const TEXT_CHARS = 500;

function corpus(only?: (row: Labelled) => boolean): string[] {
  const rows = readLabelled(path.resolve(import.meta.dirname, '../src/server/modules/safety/eval/dev.tsv')).filter((r) => !only || only(r));
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

interface Rate {
  label: string;
  /** Assessments per second of CPU time. */
  perSecond: number;
  microseconds: number;
  wallPerSecond: number;
}

function measure(label: string, texts: string[], fn: (text: string) => unknown): Rate {
  let sink = 0;
  // Warm up so the JIT has compiled the hot paths.
  for (let i = 0; i < 5000; i++) sink += fn(texts[i % texts.length]!) ? 1 : 0;
  let done = 0;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(SECONDS * 1e9);
  let now = start;
  while (now < deadline) {
    for (let i = 0; i < 1000; i++) sink += fn(texts[(done + i) % texts.length]!) ? 1 : 0;
    done += 1000;
    now = process.hrtime.bigint();
  }
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const wallSeconds = Number(now - start) / 1e9;
  if (sink < 0) console.log(sink);
  return { label, perSecond: Math.round(done / cpuSeconds), microseconds: (cpuSeconds * 1e6) / done, wallPerSecond: Math.round(done / wallSeconds) };
}

const everyday = corpus((r) => r.level === 'none' && r.categories.length === 0);
const mixed = corpus();
const average = (texts: string[]) => Math.round(texts.reduce((s, t) => s + t.length, 0) / texts.length);
const load = os.loadavg()[0]!.toFixed(1);
const baseline = measure('baseline: lower-case and normalise (NFD) only, mixed texts', mixed, (t) => t.toLowerCase().normalize('NFD').length);
const rows = [
  baseline,
  measure('assess(text), everyday texts', everyday, (t) => assessText(t).level),
  measure('assess(text), mixed texts (half risk and traps)', mixed, (t) => assessText(t).level),
];
const target = 20_000;

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const section =
  `## ${new Date().toISOString().slice(0, 10)} — safety risk engine — ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n\n` +
  `One thread, ${SECONDS} s per measurement after a warm-up; texts of ${average(mixed)} characters joined from the engine's dev set ` +
  `(${everyday.length} everyday, ${mixed.length} mixed; English and Spanish). Rates are per second of CPU time; load average ${load} at the start. ` +
  `Target: ${target.toLocaleString('en')} assessments per second on one core.\n\n` +
  '| scenario | texts/s (CPU) | µs per text | % of baseline | texts/s (wall) | target |\n|---|---|---|---|---|---|\n' +
  rows
    .map((r, k) => `| ${r.label} | ${r.perSecond} | ${r.microseconds.toFixed(1)} | ${Math.round((100 * r.perSecond) / baseline.perSecond)} % | ${r.wallPerSecond} | ${k === 0 ? '' : r.perSecond >= target ? 'met' : 'missed'} |`)
    .join('\n');
if (!process.argv.includes('--dry-run')) recordResults(section);
console.log(section);
