import type { CohortReport } from '../report/cohort.js';
import { esc } from './report-html.js';
import { LEVEL_TEXT } from './report-html-css.js';
import { plural } from './plural.js';

const FILL = { low: '#fbe3e1', medium: '#fcefd6', high: '#dff2e6' } as const;
const num = (x: number): string => (Math.round(x * 10) / 10).toString();

/**
 * The cohort table as one self-contained, printable HTML page: no scripts, no network. Columns in
 * plain words; each cell a mean score with the band it falls in, the cell shaded in that band's
 * colour. A table only: no line is drawn between candidates.
 */
export function renderCohortHtml(r: CohortReport, names: ReadonlyMap<string, string>): string {
  const band = (l: 'low' | 'medium' | 'high'): string => `<span class="lvl lvl-${l}">${esc(l)}</span>`;
  const head = r.competencies.map((c) => `<th scope="col">${esc(names.get(c) ?? c)}</th>`).join('');
  const rows = r.candidates.map((c) => {
    const cells = r.competencies.map((k) => {
      const x = c.competencies[k];
      const label = esc(names.get(k) ?? k);
      return x ? `<td class="n" data-label="${label}" style="background:${FILL[x.level]}">${esc(num(x.meanScore))} ${band(x.level)}</td>` : `<td class="none" data-label="${label}">no answers</td>`;
    }).join('');
    return `<tr><th scope="row">${esc(c.candidate)}</th><td class="n" data-label="Answers">${esc(c.answers)}</td><td class="n" data-label="Mean score">${esc(num(c.meanScore))} ${band(c.level)}</td>${cells}<td data-label="Work on first">${esc(c.weakest.map((w) => names.get(w) ?? w).join(', '))}</td></tr>`;
  }).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Cohort report</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;color:#1a1a1a;margin:2rem}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f2f2f2}.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.none{color:#666;text-align:center;font-size:12px}
.lvl{font-size:12px;font-weight:600;border:1px solid currentColor;border-radius:4px;padding:0 5px}
.lvl-low{color:${LEVEL_TEXT.low}}.lvl-medium{color:${LEVEL_TEXT.medium}}.lvl-high{color:${LEVEL_TEXT.high}}
td,th{-webkit-print-color-adjust:exact;print-color-adjust:exact}
@media (max-width:640px){
  body{margin:1rem .6rem}h1{font-size:22px}
  /* On a phone each candidate is a block: their name, then each cell labelled by its column. */
  thead{display:none}
  table,tbody,tr{display:block}
  tr{border:1px solid #ccc;margin:0 0 .6rem;padding:.3rem .5rem}
  th,td{display:block;border:0;padding:.15rem 0;text-align:left}
  th[scope=row]{font-size:16px}
  td.none{display:none}
  td[data-label]{text-align:left}
  td[data-label]::before{content:attr(data-label) ": ";color:#555}
  td[style]{padding:.15rem .3rem}
}
@media print{body{margin:0}thead{display:table-header-group}tr{break-inside:avoid}}
</style></head><body>
<h1>Cohort report</h1>
<p>${esc(plural(r.candidates.length, 'candidate'))}, ${esc(plural(r.candidates.reduce((n, c) => n + c.answers, 0), 'answer'))}. Generated ${esc(r.generatedAt.slice(0, 10))}.</p>
<p>Each cell is the mean score (0-100) of a candidate's answers in that competency, with the band the mean falls in: low below 40, medium 40-69, high 70 and over. "Work on first" names the competencies with the lowest mean.</p>
<div class="scroll"><table><thead><tr><th scope="col">Candidate</th><th scope="col">Answers</th><th scope="col">Mean score</th>${head}<th scope="col">Work on first</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>
</body></html>
`;
}
