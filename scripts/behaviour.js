// Behavioural test report (CheckList-style) for the built scorer:
//   node scripts/behaviour.js [--verbose] [--family NAME] [--check] [--json] [--write-bars]
// Scores every case with dist/ (build first: `npm run behaviour` does), prints failure rates per
// family and per test. Exits 0 (it is a report) unless --check is given and a rate is above its
// bar in test/behaviour/bars.json; --write-bars records the current rates, rounded up a little.
import { readFileSync, writeFileSync } from 'node:fs';
import { barsFrom, overBars, runSuite, summarise } from '../test/behaviour/suite.js';

// Piped into head: stop quietly.
process.stdout.on('error', (e) => process.exit(e.code === 'EPIPE' ? 0 : 1));

const args = process.argv.slice(2);
const flag = (f) => args.includes(f);
const valueOf = (f) => {
  const i = args.indexOf(f);
  return i >= 0 ? args[i + 1] : undefined;
};
const known = new Set(['--verbose', '-v', '--family', '--check', '--json', '--write-bars', '--help', '-h']);
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--family') i++;
  else if (!known.has(args[i])) {
    process.stderr.write(`behaviour: unknown option ${args[i]}\n`);
    process.exit(2);
  }
}
if (flag('--help') || flag('-h')) {
  process.stdout.write('usage: node scripts/behaviour.js [--verbose] [--family NAME] [--check] [--json] [--write-bars]\n');
  process.exit(0);
}

const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;
const barsFile = new URL('../test/behaviour/bars.json', import.meta.url);

const [{ loadRubric }, { compileRubric }, { assess }] = await Promise.all([
  import(dist('rubrics/load.js')),
  import(dist('core/compile.js')),
  import(dist('core/assess.js')),
]);
const rubric = compileRubric(loadRubric([]).data);
const score = (question, answer, competency) => assess({ question, answer, competency }, rubric);

const t0 = performance.now();
const results = runSuite(score);
const summary = summarise(results);
const ms = performance.now() - t0;

if (flag('--json')) {
  process.stdout.write(`${JSON.stringify({ summary, failures: results.filter((r) => r.failure).map(brief) }, null, 2)}\n`);
} else {
  process.stdout.write(table(summary));
  process.stdout.write(gains(results));
  process.stdout.write(`\n${summary.overall.cases} cases scored in ${(ms / 1000).toFixed(1)} s\n`);
}

const only = valueOf('--family');
if (flag('--verbose') || flag('-v') || only) {
  const match = (r) => !only || r.family.toLowerCase() === only.toLowerCase() || r.test === only;
  const failing = results.filter((r) => r.failure && match(r));
  process.stdout.write(`\nFailing cases${only ? ` (${only})` : ''}: ${failing.length}\n`);
  for (const r of failing) {
    const b = r.before ? `${r.before.level}${r.before.score == null ? '' : ` ${r.before.score}`}` : '-';
    process.stdout.write(`  ${r.id.padEnd(42)} ${r.test.padEnd(22)} ${b.padEnd(10)} -> ${r.after.level} ${r.after.score}   ${r.failure}\n`);
    if (flag('--verbose') || flag('-v')) process.stdout.write(`      ${r.answer.replace(/\s+/g, ' ').slice(0, 220)}\n`);
  }
}

if (flag('--write-bars')) {
  writeFileSync(barsFile, `${JSON.stringify(barsFrom(summary), null, 2)}\n`);
  process.stdout.write(`\nbars written to ${barsFile.pathname}\n`);
}

if (flag('--check')) {
  const bars = JSON.parse(readFileSync(barsFile, 'utf8'));
  const over = overBars(summary, bars);
  for (const o of over) {
    process.stdout.write(`over bar: ${o.name} ${pct(o.rate)} > ${o.bar === undefined ? '(no bar)' : pct(o.bar)}\n`);
  }
  process.exit(over.length ? 1 : 0);
}

// The add-* tests pass when the score does not fall; how often it rises is worth seeing too.
function gains(rs) {
  const lines = [];
  for (const test of [...new Set(rs.filter((r) => r.test.startsWith('add-') && r.family === 'DIR').map((r) => r.test))]) {
    if (test === 'add-upsell' || test === 'add-blame' || test === 'add-excuse') continue;
    const xs = rs.filter((r) => r.test === test);
    const up = xs.filter((r) => r.after.score > r.before.score).length;
    const lvl = xs.filter((r) => r.after.level !== r.before.level && r.after.score > r.before.score).length;
    lines.push(`  ${test.padEnd(22)} score up in ${up}/${xs.length}, level up in ${lvl}/${xs.length}`);
  }
  return lines.length ? `\nDirectional additions (informative):\n${lines.join('\n')}\n` : '';
}

function brief(r) {
  return { id: r.id, family: r.family, test: r.test, before: r.before, after: r.after, failure: r.failure, answer: r.answer };
}

function pct(x) {
  return `${(x * 100).toFixed(1)}%`;
}

function table(s) {
  const lines = [];
  const row = (a, b, c, d, e) => lines.push(`${a.padEnd(6)} ${b.padEnd(24)} ${c.padStart(6)} ${d.padStart(9)} ${e.padStart(8)}`);
  row('family', 'test', 'cases', 'failures', 'rate');
  row('------', '----', '-----', '--------', '----');
  for (const f of s.families) {
    for (const r of s.rows.filter((x) => x.family === f.family)) {
      row(f.family, r.test, String(r.cases), String(r.failures), pct(r.rate));
    }
    row(f.family, '(all)', String(f.cases), String(f.failures), pct(f.rate));
    lines.push('');
  }
  row('ALL', '', String(s.overall.cases), String(s.overall.failures), pct(s.overall.rate));
  return `${lines.join('\n')}\n`;
}
