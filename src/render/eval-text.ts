import { LEVELS, STAR_PARTS } from '../core/types.js';
import type { EvalReport } from '../eval/metrics.js';
import { inertData } from './inert.js';
import type { Style } from './style.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const f3 = (x: number): string => x.toFixed(3);

/** The eval report for a terminal: agreement, confusion matrix, STAR scores, per competency. */
export function renderEvalText(report: EvalReport, st: Style): string {
  const r = inertData(report);
  const out: string[] = [];
  out.push(st.bold(`Agreement with the labels (${r.n} answers)`));
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
  out.push(st.bold('STAR parts'));
  out.push(`  ${'part'.padEnd(12)}${'precision'.padStart(10)}${'recall'.padStart(10)}${'F1'.padStart(8)}${'support'.padStart(9)}`);
  for (const p of STAR_PARTS) {
    const s = r.star[p];
    out.push(`  ${p.padEnd(12)}${f3(s.precision).padStart(10)}${f3(s.recall).padStart(10)}${f3(s.f1).padStart(8)}${String(s.support).padStart(9)}`);
  }
  out.push('');
  out.push(st.bold('By competency'));
  for (const [c, v] of Object.entries(r.byCompetency).sort()) {
    out.push(`  ${c.padEnd(18)}${String(v.n).padStart(4)} answers   exact ${pct(v.exact).padStart(6)}   within one ${pct(v.withinOne).padStart(6)}`);
  }
  if (r.twoOff.length) {
    out.push('');
    out.push(st.bad(st.bold('Two levels off')));
    for (const t of r.twoOff) out.push(`  ${t.id}: expected ${t.expected}, scored ${t.predicted}`);
  }
  return `${out.join('\n')}\n`;
}
