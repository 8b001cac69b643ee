import { compileRisk, readLexiconFiles } from './lexicon.js';
import { tokenize } from './text.js';
const c = compileRisk(readLexiconFiles().risk);
const text = process.argv[2]!;
const t = tokenize(text, c.clauseWords);
console.log(t.map((x) => `${x.form}/${x.sentence}.${x.clause}`).join(' '));
for (const f of c.index.findAll(t)) console.log(f.from, f.to, JSON.stringify(f.payload.type === 'entry' ? f.payload.entry.id : f.payload));
