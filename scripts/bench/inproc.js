// In-process measurements, run in a fresh child process by scripts/bench.js:
//   node scripts/bench/inproc.js FILE.jsonl
// Imports the compiled core directly to split the CLI's work into imports, rubric load+compile,
// reading+parsing answers, scoring and rendering. Prints one JSON object on stdout.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node scripts/bench/inproc.js FILE.jsonl\n');
  process.exit(2);
}
const dist = (p) => new URL(`../../dist/${p}`, import.meta.url).href;
const now = () => performance.now();
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const out = { file };

let t = now();
const [{ loadRubric }, { compileRubric }, { assess }] = await Promise.all([
  import(dist('rubrics/load.js')),
  import(dist('core/compile.js')),
  import(dist('core/assess.js')),
]);
out.importCoreMs = now() - t;

// Rubric: the first load+compile is what a CLI run pays; later ones show the warm cost.
t = now();
const { data } = loadRubric([]);
out.rubricLoadColdMs = now() - t;
t = now();
const rubric = compileRubric(data);
out.rubricCompileColdMs = now() - t;
const warm = [];
const warmLoad = [];
const warmCompile = [];
for (let i = 0; i < 10; i++) {
  const a = now();
  const d = loadRubric([]).data;
  const b = now();
  compileRubric(d);
  const c = now();
  warmLoad.push(b - a);
  warmCompile.push(c - b);
  warm.push(c - a);
  if (c - t > 1500 && i >= 2) break; // keep the bench short on slow machines
}
out.rubricWarmRuns = warm.length;
out.rubricLoadWarmMs = median(warmLoad);
out.rubricCompileWarmMs = median(warmCompile);
out.rubricWarmMs = median(warm);

// Reading and parsing: the CLI's reader (validates each record), and bare JSON.parse for scale.
t = now();
const text = readFileSync(file, 'utf8');
const raw = text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
out.readJsonParseMs = now() - t;

let items = raw;
try {
  const { collectAnswers } = await import(dist('io/collect.js'));
  t = now();
  const collected = await collectAnswers([file], {}, () => process.stdin, undefined);
  out.collectMs = now() - t;
  out.collectErrors = collected.errors.length;
  items = collected.items;
} catch (e) {
  out.collectMs = null;
  out.collectNote = `dist/io/collect.js unusable (${e.message}); scoring the JSON.parse records`;
}
out.items = items.length;

// Scoring: pass 1 is cold (as in one CLI run), pass 2 is after the JIT has warmed up.
const score = () => {
  const results = new Array(items.length);
  const a = now();
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    results[i] = assess({ question: it.question, competency: it.competency, answer: it.answer }, rubric);
  }
  return { ms: now() - a, results };
};
const pass1 = score();
out.assessColdMs = pass1.ms;
const levels = { low: 0, medium: 0, high: 0 };
for (const r of pass1.results) levels[r.level] = (levels[r.level] ?? 0) + 1;
out.levels = levels;

// Delivery, result records and what `--format jsonl` writes, through the CLI's own batch path
// (scoreBatch, batches of 20). It assesses again, so the render figure is that pass less a warm
// assess pass (pass 2 below).
try {
  const [{ scoreBatch }, { jsonlView }] = await Promise.all([
    import(dist('cli/score/score-batch.js')),
    import(dist('render/score-formats.js')),
  ]);
  const jobs = items.map((it, i) => ({ id: it.id ?? String(i + 1), question: it.question, competency: it.competency, answer: it.answer, file: it.file ?? file, line: it.line ?? i + 1, timed: it.timed }));
  const shape = { output: 'jsonl', style: { color: false, width: 80 }, assessments: false };
  t = now();
  let bytes = 0;
  for (let i = 0; i < jobs.length; i += 20) for (const piece of scoreBatch(jobs.slice(i, i + 20), rubric, shape, jsonlView).text) bytes += Buffer.byteLength(piece);
  out.scoreRenderMs = now() - t;
  out.renderedBytes = bytes;
} catch (e) {
  out.scoreRenderMs = null;
  out.renderNote = `render modules unusable (${e.message})`;
}
pass1.results = null;
out.assessWarmMs = score().ms;
if (out.scoreRenderMs != null) out.renderJsonlMs = Math.max(0, out.scoreRenderMs - out.assessWarmMs);

out.maxRssKiB = process.resourceUsage().maxRSS;
process.stdout.write(`${JSON.stringify(out)}\n`);
