import { LEVELS, STAR_PARTS } from '../core/types.js';
import type { EvalReport } from '../eval/metrics.js';
import { inertData } from './inert.js';
import { wrap, type Style } from './style.js';
import { plural } from './plural.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const f3 = (x: number): string => x.toFixed(3);

/** The eval report for a terminal: agreement, confusion matrix, STAR scores, per competency. */
export function renderEvalText(report: EvalReport, st: Style): string {
  const r = inertData(report);
  const out: string[] = [];
  out.push(st.bold(`Agreement with the labels (${plural(r.n, 'answer')})`));
  out.push(`  exact agreement      ${pct(r.exact)}`);
  out.push(`  within one level     ${pct(r.withinOne)}`);
  out.push(`  quadratic kappa      ${f3(r.qwk)}`);
  out.push(`  two levels off       ${r.twoOff.length}`);
  out.push('');
  out.push(st.bold('Confusion matrix (rows: expected, columns: scored)'));
  out.push(`  ${''.padEnd(10)}${LEVELS.map((l) => l.padStart(8)).join('')}`);
  LEVELS.forEach((l, i) => {
    out.push(`  ${l.padEnd(10)}${r.confusion[i]!.map((n, j) => (i === j ? st.good(String(n).padStart(8)) : String(n).padStart(8))).join('')}`);
  });
  out.push('');
  // STAR figures only over answers whose labels say which parts they show.
  const labelled = STAR_PARTS.filter((p) => r.star[p] !== null);
  if (labelled.length === 0) out.push(st.dim('STAR parts: no answer has STAR labels (expected.star), so there are no STAR figures.'));
  else {
    out.push(st.bold('STAR parts') + st.dim('  (over the answers labelled for each part)'));
    out.push(`  ${'part'.padEnd(12)}${'precision'.padStart(10)}${'recall'.padStart(10)}${'F1'.padStart(8)}${'support'.padStart(9)}${'labelled'.padStart(10)}`);
    for (const p of STAR_PARTS) {
      const s = r.star[p];
      if (s === null) out.push(`  ${p.padEnd(12)}${st.dim('no labels'.padStart(10))}`);
      else out.push(`  ${p.padEnd(12)}${f3(s.precision).padStart(10)}${f3(s.recall).padStart(10)}${f3(s.f1).padStart(8)}${String(s.support).padStart(9)}${String(s.labelled).padStart(10)}`);
    }
  }
  out.push('');
  out.push(st.bold('By competency'));
  for (const [c, v] of Object.entries(r.byCompetency).sort()) {
    out.push(`  ${c.padEnd(18)}${String(v.n).padStart(4)} ${v.n === 1 ? 'answer ' : 'answers'}   exact ${pct(v.exact).padStart(6)}   within one ${pct(v.withinOne).padStart(6)}`);
  }
  out.push('');
  if (r.disagreements.length === 0) out.push(st.good('No disagreements: the coach gave every answer its label\'s level.'));
  else {
    out.push(st.bold(`Disagreements (${r.disagreements.length})`) + st.dim('  label → coach: the coach\'s reason'));
    const idW = Math.min(24, Math.max(...r.disagreements.map((d) => d.id.length)));
    for (const d of r.disagreements) {
      const levels = `${d.expected} → ${d.predicted}`;
      const head = `  ${d.id.padEnd(idW)}  ${(d.off >= 2 ? st.bad(levels) : levels)}${' '.repeat(Math.max(1, 17 - levels.length))}`;
      out.push(`${head}${wrap(d.reason || '(no reason given)', st.width, ' '.repeat(2 + idW + 2 + 17))}`);
    }
  }
  return `${out.join('\n')}\n`;
}
