// `npm run eval:safety` (add `-- --misses` to list every text assessed differently from its label):
// measures the risk engine on the dev set, the held-out set and the two fresh sets (other
// writers' voices), and exits non-zero when a target of the safety issue is missed on any.
import path from 'node:path';
import { assessText } from '../assess.js';
import { evaluate, formatReport } from './evaluate.js';

const here = import.meta.dirname;
const showMisses = process.argv.includes('--misses');
let failed = false;
for (const name of ['dev.tsv', 'heldout.tsv', 'fresh.tsv', 'fresh2.tsv']) {
  const report = evaluate(path.join(here, name), assessText);
  report.file = name;
  console.log(formatReport(report, { misses: showMisses }));
  console.log('');
  if (report.targets.some((t) => !t.pass)) failed = true;
}
console.log(failed ? 'Some targets were missed.' : 'Every target is met on every set.');
process.exit(failed ? 1 : 0);
