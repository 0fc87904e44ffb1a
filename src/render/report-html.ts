import type { Level } from '../core/types.js';
import { LEVELS, STAR_PARTS } from '../core/types.js';
import type { CandidateReport, CompetencyReport } from '../report/candidate-report.js';
import { levelOfScore } from '../core/level.js';
import { inert } from './inert.js';
import { shortQuote, sourceName } from './citation.js';

// The candidate report as one self-contained HTML5 page: inline CSS, inline SVG charts, no
// scripts and no network. Pure: report in, string out. Every piece of text that comes from data
// goes through esc(), in element content and in attribute values alike.

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML/SVG element content and quoted attribute values (controls made inert). */
export function esc(s: string | number): string {
  return inert(String(s)).replace(/[&<>"']/g, (c) => ESC[c]!);
}

const LEVEL_COLOUR: Record<Level, string> = { low: '#b3261e', medium: '#a15c00', high: '#1b7340' };
const LEVEL_FILL: Record<Level, string> = { low: '#d9534f', medium: '#e0a030', high: '#2e9e5b' };
/** Okabe-Ito: distinguishable with common colour-vision deficiencies. */
const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#56b4e9', '#e69f00', '#000000'];
const STAR_LABEL: Record<(typeof STAR_PARTS)[number], string> = { situation: 'Situation', task: 'Task', action: 'Action', result: 'Result' };

const colourOf = (i: number): string => PALETTE[i % PALETTE.length]!;
const pct = (x: number): string => `${Math.round(x * 100)}%`;
const num = (x: number): string => (Math.round(x * 10) / 10).toString();
/** Shortens before escaping, so an entity is never cut in half. */
const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const day = (s: string | null): string => (s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : s ?? '');
const badge = (l: Level): string => `<span class="lvl lvl-${LEVELS.includes(l) ? l : 'low'}">${esc(l)}</span>`;

function svg(label: string, w: number, h: number, body: string): string {
  return `<svg role="img" aria-label="${esc(label)}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><title>${esc(label)}</title>${body}</svg>`;
}

const txt = (x: number, y: number, s: string, attrs = ''): string => `<text x="${x}" y="${y}"${attrs ? ` ${attrs}` : ''}>${esc(s)}</text>`;

/** Score bands behind a horizontal 0-100 axis from x0 to x1. */
function bands(x0: number, x1: number, y0: number, y1: number, vertical = false): string {
  const at = (v: number): number => x0 + ((x1 - x0) * v) / 100;
  const out: string[] = [];
  for (const [from, to, l] of [[0, 40, 'low'], [40, 70, 'medium'], [70, 100, 'high']] as const) {
    out.push(vertical
      ? `<rect x="${y0}" y="${at(100 - to)}" width="${y1 - y0}" height="${at(to) - at(from)}" fill="${LEVEL_FILL[l]}" opacity="0.08"/>`
      : `<rect x="${at(from)}" y="${y0}" width="${at(to) - at(from)}" height="${y1 - y0}" fill="${LEVEL_FILL[l]}" opacity="0.08"/>`);
  }
  return out.join('');
}

/** (a) Mean score per competency, bar coloured by its band, labelled with the typical level. */
function scoreChart(cs: CompetencyReport[]): string {
  const W = 700, L = 210, R = 570, top = 26, row = 30, H = top + Math.max(1, cs.length) * row + 10;
  const x = (v: number): number => L + ((R - L) * v) / 100;
  const parts = [bands(L, R, top - 4, H - 8)];
  for (const v of [0, 40, 70, 100]) parts.push(`<line x1="${x(v)}" y1="${top - 4}" x2="${x(v)}" y2="${H - 8}" class="grid"/>`, txt(x(v), top - 10, String(v), 'class="axis" text-anchor="middle"'));
  if (!cs.length) parts.push(txt(W / 2, top + 20, 'No answers to chart', 'class="muted" text-anchor="middle"'));
  cs.forEach((c, i) => {
    const y = top + i * row;
    parts.push(
      `<g><title>${esc(`${c.name}: mean score ${num(c.meanScore)}, typically ${c.typicalLevel}`)}</title>`,
      txt(L - 10, y + 19, clip(c.name, 27), 'class="label" text-anchor="end"'),
      `<rect x="${L}" y="${y + 6}" width="${Math.max(2, x(c.meanScore) - L)}" height="18" rx="3" fill="${LEVEL_FILL[levelOfScore(c.meanScore)]}"/>`,
      txt(x(c.meanScore) + 6, y + 19, `${num(c.meanScore)} · typically ${c.typicalLevel}`, 'class="value"'),
      '</g>',
    );
  });
  return svg('Mean score and typical level per competency', W, H, parts.join(''));
}

/** (b) STAR coverage: a grid, one row per competency, shaded by the share of answers with each part. */
function starChart(cs: CompetencyReport[]): string {
  const L = 210, cw = 100, top = 28, row = 32, W = L + STAR_PARTS.length * cw + 20, H = top + Math.max(1, cs.length) * row + 8;
  const parts = STAR_PARTS.map((p, j) => txt(L + j * cw + cw / 2, top - 10, STAR_LABEL[p], 'class="axis" text-anchor="middle"'));
  if (!cs.length) parts.push(txt(W / 2, top + 20, 'No answers to chart', 'class="muted" text-anchor="middle"'));
  cs.forEach((c, i) => {
    const y = top + i * row;
    parts.push(txt(L - 10, y + 20, clip(c.name, 27), 'class="label" text-anchor="end"'));
    STAR_PARTS.forEach((p, j) => {
      const v = c.star[p];
      parts.push(
        `<g><title>${esc(`${c.name}: ${STAR_LABEL[p]} in ${pct(v)} of answers`)}</title>`,
        `<rect x="${L + j * cw + 3}" y="${y + 2}" width="${cw - 6}" height="${row - 6}" rx="4" fill="#1f5fa8" fill-opacity="${(0.08 + 0.82 * v).toFixed(2)}" stroke="#1f5fa8" stroke-opacity="0.35"/>`,
        txt(L + j * cw + cw / 2, y + 20, pct(v), `text-anchor="middle" class="${v >= 0.55 ? 'on' : 'value'}"`),
        '</g>',
      );
    });
  });
  return svg('STAR coverage per competency: share of answers with situation, task, action and result', W, H, parts.join(''));
}

/** (c) Score per session, one line per competency; a lone session is a dot, none is a note. */
function progressChart(cs: CompetencyReport[]): string {
  const W = 700, H = 270, L = 44, R = 650, T = 16, B = 220;
  const seen = new Map<string, string>();
  for (const c of cs) for (const p of c.progress) if (!seen.has(p.session)) seen.set(p.session, p.at);
  const sessions = [...seen.entries()].sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0])).map(([s]) => s);
  const xi = new Map(sessions.map((s, i) => [s, sessions.length === 1 ? (L + R) / 2 : L + ((R - L) * i) / (sessions.length - 1)]));
  const y = (v: number): number => B - ((B - T) * v) / 100;
  const parts = [bands(T, B, L, R, true)];
  for (const v of [0, 40, 70, 100]) parts.push(`<line x1="${L}" y1="${y(v)}" x2="${R}" y2="${y(v)}" class="grid"/>`, txt(L - 8, y(v) + 4, String(v), 'class="axis" text-anchor="end"'));
  if (!sessions.length) parts.push(txt((L + R) / 2, (T + B) / 2, 'No sessions recorded yet', 'class="muted" text-anchor="middle"'));
  const every = Math.ceil(sessions.length / 8);
  sessions.forEach((s, i) => {
    if (i % every === 0) parts.push(txt(xi.get(s)!, B + 18, clip(day(seen.get(s) ?? '') || s, 12), 'class="axis" text-anchor="middle"'));
  });
  if (sessions.length) parts.push(txt((L + R) / 2, B + 42, `Sessions, oldest first (${sessions.length})`, 'class="axis" text-anchor="middle"'));
  cs.forEach((c, i) => {
    const pts = c.progress.map((p) => ({ ...p, x: xi.get(p.session)!, y: y(p.score) }));
    if (pts.length > 1) parts.push(`<polyline points="${pts.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')}" fill="none" stroke="${colourOf(i)}" stroke-width="2.5" stroke-linejoin="round"/>`);
    for (const p of pts) {
      parts.push(`<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="4.5" fill="${colourOf(i)}" stroke="#fff" stroke-width="1.5"><title>${esc(`${c.name}, ${day(p.at) || p.session}: ${p.score} (${p.level})`)}</title></circle>`);
    }
  });
  return svg('Score per session for each competency', W, H, parts.join(''));
}

function competencySection(c: CompetencyReport, i: number): string {
  const out: string[] = [];
  out.push(`<section class="card comp" aria-labelledby="c-${i}">`);
  out.push(`<h3 id="c-${i}"><span class="swatch" style="background:${colourOf(i)}"></span>${esc(c.name)}</h3>`);
  out.push(`<p class="facts">Typical level ${badge(c.typicalLevel)} · mean score <strong>${esc(num(c.meanScore))}</strong>/100 over ${c.answers} answer${c.answers === 1 ? '' : 's'} · latest ${esc(c.latest.score)} ${badge(c.latest.level)}</p>`);
  out.push('<h4>Strongest answer</h4>', `<figure class="best"><figcaption><span class="q">Q.</span> ${esc(c.best.question)} <span class="score">${esc(c.best.score)} ${badge(c.best.level)}</span></figcaption><blockquote>${esc(c.best.answer)}</blockquote>${(c.best.followUps ?? []).map((f) => `<p class="follow-up"><span class="q">Follow-up.</span> ${esc(f.question)}</p>${f.reply ? `<blockquote>${esc(f.reply)}</blockquote>` : '<p class="muted">No reply.</p>'}`).join('')}</figure>`);
  out.push('<h4>STAR coverage</h4>', `<ul class="star">${STAR_PARTS.map((p) => `<li><span>${STAR_LABEL[p]}</span><span class="meter"><span style="width:${Math.round(c.star[p] * 100)}%"></span></span><span>${pct(c.star[p])}</span></li>`).join('')}</ul>`);
  out.push('<h4>Next steps</h4>');
  out.push(c.nextSteps.length
    ? `<ol class="steps">${c.nextSteps.map((f) => `<li><p>${esc(f.message)} <span class="muted">(towards ${esc(f.target)})</span></p><p class="src">Source: <cite>${esc(sourceName(f.source))}</cite>${f.source.label ? ` · ${esc(f.source.label)}` : ''}</p><blockquote class="quote">${esc(shortQuote(f.source.quote))}</blockquote></li>`).join('')}</ol>`
    : '<p class="muted">No next steps: the answers already show what the rubric looks for.</p>');
  out.push('<h4>Adviser comments</h4>');
  out.push(c.adviser.length
    ? `<ul class="adviser">${c.adviser.map((a) => `<li><p class="meta">${esc(day(a.at) || 'Undated')} · adviser ${badge(a.level)} · coach ${badge(a.coachLevel)}${a.level === a.coachLevel ? ' <span class="muted">(agree)</span>' : ' <span class="muted">(differ)</span>'}</p><p class="muted">On: ${esc(a.question)}</p><blockquote>${esc(a.comment)}</blockquote></li>`).join('')}</ul>`
    : '<p class="muted">No adviser comments recorded.</p>');
  out.push('<h4>Progress over sessions</h4>');
  out.push(c.progress.length
    ? `<table class="progress"><thead><tr><th scope="col">Session</th><th scope="col">Date</th><th scope="col" class="n">Score</th><th scope="col">Level</th></tr></thead><tbody>${c.progress.map((p) => `<tr><td>${esc(p.session)}</td><td>${esc(day(p.at))}</td><td class="n">${esc(p.score)}</td><td>${badge(p.level)}</td></tr>`).join('')}</tbody></table>`
    : '<p class="muted">No sessions recorded.</p>');
  out.push('</section>');
  return out.join('\n');
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f4f5f7;color:#1d2330;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:920px;margin:0 auto;padding:28px 20px 48px}
header{border-bottom:3px solid #1f5fa8;margin-bottom:20px;padding-bottom:12px}
h1{font-size:26px;margin:0 0 4px}
h2{font-size:19px;margin:28px 0 12px;color:#1f3b63}
h3{font-size:17px;margin:0 0 6px;display:flex;align-items:center;gap:8px}
h4{font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:#5a6475;margin:18px 0 6px}
.meta,.facts{color:#4a5466;margin:0}
.card{background:#fff;border:1px solid #dde1e8;border-radius:8px;padding:18px 20px;margin:0 0 16px;box-shadow:0 1px 2px rgba(0,0,0,.04)}
.summary{display:flex;gap:10px;flex-wrap:wrap;margin:12px 0 0}
.pill{border:1px solid #dde1e8;border-radius:999px;padding:3px 12px;background:#fff}
.lvl{display:inline-block;font-size:12px;font-weight:600;border-radius:4px;padding:1px 7px;border:1px solid currentColor;vertical-align:middle}
.lvl-low{color:${LEVEL_COLOUR.low}}.lvl-medium{color:${LEVEL_COLOUR.medium}}.lvl-high{color:${LEVEL_COLOUR.high}}
.muted{color:#6b7485}
svg{max-width:100%;height:auto;display:block;margin:4px 0}
svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:#1d2330}
svg .axis{fill:#5a6475;font-size:11px} svg .muted{fill:#6b7485} svg .value{fill:#1d2330} svg .on{fill:#fff;font-weight:600}
svg .grid{stroke:#c9ced8;stroke-width:1;stroke-dasharray:3 3}
.legend{display:flex;flex-wrap:wrap;gap:6px 16px;list-style:none;padding:0;margin:6px 0 0;font-size:13px}
.swatch{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:5px;vertical-align:-1px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
h3 .swatch{margin-right:0}
figure{margin:0}
figcaption{font-weight:600}
.q{color:#1f5fa8}.score{font-weight:400;color:#4a5466;white-space:nowrap}
blockquote{margin:6px 0 0;padding:8px 12px;border-left:3px solid #1f5fa8;background:#f6f8fb;white-space:pre-wrap;overflow-wrap:anywhere}
blockquote.quote{border-left-color:#9aa3b2;font-style:italic;font-size:14px}
.star{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:4px 24px}
.star li{display:grid;grid-template-columns:80px 1fr 44px;align-items:center;gap:8px;font-size:14px}
.meter{height:8px;background:#e6e9ef;border-radius:4px;overflow:hidden}.meter span{display:block;height:100%;background:#1f5fa8}
.steps,.adviser{margin:0;padding-left:22px}.steps li,.adviser li{margin:0 0 10px}.steps p,.adviser p{margin:0}
.adviser{list-style:none;padding:0}
.src{font-size:13px;color:#4a5466}code{font-size:12.5px;background:#eef1f5;padding:1px 5px;border-radius:3px}
table{border-collapse:collapse;font-size:14px;min-width:50%}th,td{text-align:left;padding:4px 12px 4px 0;border-bottom:1px solid #e6e9ef}.n{text-align:right}
footer{color:#6b7485;font-size:12px;margin-top:24px}
@media print{
  @page{margin:14mm}
  body{background:#fff;color:#000;font-size:11pt}
  main{max-width:none;padding:0}
  .card{box-shadow:none;border:1px solid #999;break-inside:avoid;page-break-inside:avoid}
  .comp{break-inside:avoid;page-break-inside:avoid}
  h2,h3,h4{color:#000;break-after:avoid}
  .meta,.facts,.muted,.src,h4,.score,.q,.lvl{color:#000}
  blockquote,code,.pill{background:#fff;color:#000}
  svg text,svg .axis,svg .value{fill:#000}
  .meter span{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;

export function renderReportHtml(report: CandidateReport): string {
  const who = report.candidate ?? 'All answers';
  const cs = report.competencies;
  const facts = [`Generated ${day(report.generatedAt)}`, `${report.answers} answer${report.answers === 1 ? '' : 's'}`, `${report.sessions} session${report.sessions === 1 ? '' : 's'}`];
  if (report.since) facts.push(`since ${day(report.since)}`);
  const overall = report.answers ? ` · overall ${badge(levelOfScore(cs.reduce((n, c) => n + c.meanScore * c.answers, 0) / report.answers))}` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`Interview practice report: ${who}`)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header>
<h1>Interview practice report: ${esc(who)}</h1>
<p class="meta">${facts.map(esc).join(' · ')}</p>
<div class="summary" aria-label="Answers by level">${LEVELS.slice().reverse().map((l) => `<span class="pill">${badge(l)} ${report.levels[l] ?? 0}</span>`).join('')}<span class="pill">${cs.length} competenc${cs.length === 1 ? 'y' : 'ies'}${overall}</span></div>
</header>
<h2>Overview</h2>
<section class="card"><h3>Score by competency</h3><p class="muted">Mean score of all answers (0-100); bands: low below 40, medium 40-69, high 70 and over.</p>${scoreChart(cs)}</section>
<section class="card"><h3>STAR coverage</h3><p class="muted">Share of answers in which each part of Situation, Task, Action, Result was found.</p>${starChart(cs)}</section>
<section class="card"><h3>Progress over sessions</h3>${progressChart(cs)}<ul class="legend">${cs.map((c, i) => `<li><span class="swatch" style="background:${colourOf(i)}"></span>${esc(c.name)}</li>`).join('')}</ul></section>
<h2>Competencies</h2>
${cs.length ? cs.map(competencySection).join('\n') : '<p class="muted">No answers in this report.</p>'}
<footer>Scored by coach against the rubric's low / medium / high service levels; each next step cites the document it comes from.</footer>
</main>
</body>
</html>
`;
}
