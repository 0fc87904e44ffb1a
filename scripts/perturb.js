#!/usr/bin/env node
// How often a level changes when the same answers are perturbed (CheckList-style invariance over
// the labelled sets): typos in a share of words, or punctuation removed.
//
//   node scripts/perturb.js typo [RATE] [FILES...]     RATE: share of words of 4+ letters (0.1)
//   node scripts/perturb.js nopunct [FILES...]
// FILES default to test/fixtures/labelled/*.yaml. Build first (npm run build). Seeded: the same
// typos every run.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => new URL(`file://${join(ROOT, 'dist', p)}`).href;
const { loadRubric } = await import(dist('rubrics/load.js'));
const { compileRubric } = await import(dist('core/compile.js'));
const { assess } = await import(dist('core/assess.js'));
const rubric = compileRubric(loadRubric([]).data);

const [mode = 'typo', ...rest] = process.argv.slice(2);
const rate = mode === 'typo' && rest[0] !== undefined && !Number.isNaN(Number(rest[0])) ? Number(rest.shift()) : 0.1;
const files = rest.length ? rest : readdirSync(join(ROOT, 'test/fixtures/labelled')).filter((f) => f.endsWith('.yaml')).map((f) => join(ROOT, 'test/fixtures/labelled', f));
if (!['typo', 'nopunct'].includes(mode)) {
  process.stderr.write('usage: node scripts/perturb.js typo [RATE] [FILES...] | nopunct [FILES...]\n');
  process.exit(2);
}

let seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
// A letter dropped, two swapped, or one doubled, inside the word.
const typo = (w) => {
  const i = 1 + Math.floor(rnd() * (w.length - 2));
  const k = rnd();
  if (k < 0.33) return w.slice(0, i) + w.slice(i + 1);
  if (k < 0.66) return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  return w.slice(0, i) + w[i] + w.slice(i);
};
const perturb = (t) => (mode === 'typo' ? t.replace(/[A-Za-z]{4,}/g, (w) => (rnd() < rate ? typo(w) : w)) : t.replace(/[.,;:!?"“”()]/g, ''));

const ORDER = ['low', 'medium', 'high'];
let n = 0;
let changed = 0;
let up = 0;
const examples = [];
for (const f of files) {
  for (const x of YAML.parse(readFileSync(f, 'utf8'))) {
    const q = { question: x.question, competency: x.competency };
    const a = assess({ ...q, answer: x.answer }, rubric).level;
    const b = assess({ ...q, answer: perturb(x.answer) }, rubric).level;
    n++;
    if (a !== b) {
      changed++;
      if (ORDER.indexOf(b) > ORDER.indexOf(a)) up++;
      examples.push(`${x.id} ${a}->${b}`);
    }
  }
}
console.log(`${mode}${mode === 'typo' ? ` ${rate}` : ''}: ${changed} of ${n} levels changed (${((changed / n) * 100).toFixed(1)}%), ${up} up`);
if (examples.length) console.log(`  ${examples.join(', ')}`);
