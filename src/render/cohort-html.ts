import type { CohortReport } from '../report/cohort.js';
import { esc } from './report-html.js';
import { plural } from './plural.js';

const FILL = { low: '#fbe3e1', medium: '#fcefd6', high: '#dff2e6' } as const;

/** The cohort table as one self-contained, printable HTML page: no scripts, no network. */
export function renderCohortHtml(r: CohortReport, names: ReadonlyMap<string, string>): string {
  const head = r.competencies.map((c) => `<th scope="col">${esc(names.get(c) ?? c)}</th>`).join('');
  const rows = r.candidates.map((c) => {
    const cells = r.competencies.map((k) => {
      const x = c.competencies[k];
      return x ? `<td style="background:${FILL[x.level]}">${esc(x.level)} <span class="n">${esc(Math.round(x.meanScore))}</span></td>` : '<td class="none">–</td>';
    }).join('');
    return `<tr><th scope="row">${esc(c.candidate)}</th><td class="n">${esc(c.answers)}</td><td class="n">${esc(Math.round(c.meanScore))}</td>${cells}<td>${esc(c.weakest.map((w) => names.get(w) ?? w).join(', '))}</td></tr>`;
  }).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Cohort report</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;color:#1a1a1a;margin:2rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f2f2f2}.n{text-align:right;font-variant-numeric:tabular-nums}.none{color:#888;text-align:center}
@media print{body{margin:0}thead{display:table-header-group}tr{break-inside:avoid}}
</style></head><body>
<h1>Cohort report</h1>
<p>${esc(plural(r.candidates.length, 'candidate'))}, ${esc(plural(r.candidates.reduce((n, c) => n + c.answers, 0), 'answer'))}. Mean score per competency; the level its mean falls in. Generated ${esc(r.generatedAt.slice(0, 10))}.</p>
<table><thead><tr><th scope="col">Candidate</th><th scope="col">Answers</th><th scope="col">Mean</th>${head}<th scope="col">Work on first</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}
