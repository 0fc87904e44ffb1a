import type { Level } from '../core/types.js';
import { LEVELS, STAR_PARTS } from '../core/types.js';
import type { CandidateReport, CandidateRow, CompetencyReport, ReportExample, ReportStep, SessionPoint } from '../report/candidate-report.js';
import { inert } from './inert.js';
import { shortQuote, sourceName } from './citation.js';
import { clock, paceWord, trendLines } from './delivery-text.js';
import type { DeliveryTrend } from '../report/delivery-trend.js';
import { REPORT_CSS } from './report-html-css.js';

// The candidate report as one self-contained HTML5 page: inline CSS, inline SVG, no scripts and no
// network. Pure: report in, string out. Every piece of text that comes from data goes through
// esc(), in element content and in attribute values alike.
//
// Rules the page keeps (tests check them): a level word always sits in its own colour, and a
// mean score is always called a mean and shown with the band it falls in ("mean 76 · high band"),
// never with the level most answers reached; no line is drawn between two candidates' sessions;
// nothing is drawn for what is empty (no empty quote, chart or heading).

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML/SVG element content and quoted attribute values (controls made inert). */
export function esc(s: string | number): string {
  return inert(String(s)).replace(/[&<>"']/g, (c) => ESC[c]!);
}

/** Okabe-Ito: distinguishable with common colour-vision deficiencies. */
const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#56b4e9', '#e69f00', '#000000'];
const STAR_LABEL: Record<(typeof STAR_PARTS)[number], string> = { situation: 'Situation', task: 'Task', action: 'Action', result: 'Result' };
/** Answers quoted as examples are cut here (the rest is the candidate's own file). */
const EXAMPLE_CHARS = 1500;
/** ... and shorter where several candidates' answers are quoted. */
const EXAMPLE_CHARS_MANY = 600;
/** Sessions listed by name under the progress chart (the latest). */
const SESSIONS_LISTED = 12;

const colourOf = (i: number): string => PALETTE[i % PALETTE.length]!;
const pct = (x: number): string => `${Math.round(x * 100)}%`;
const num = (x: number): string => (Math.round(x * 10) / 10).toString();
const count = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const day = (s: string | null): string => (s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : s ?? '');
const lvl = (l: Level): Level => (LEVELS.includes(l) ? l : 'low');
/** A level word in its colour. */
const badge = (l: Level): string => `<span class="lvl lvl-${lvl(l)}">${esc(l)}</span>`;
/** The band a mean score falls in, in its colour: "high band". */
const band = (l: Level): string => `<span class="lvl lvl-${lvl(l)}">${esc(l)} band</span>`;
/** "mean 76 high band": a mean score, always with the band it falls in ("mean" left out where a column says it). */
const mean = (score: number, l: Level, word = true): string => `${word ? 'mean ' : ''}<strong>${esc(num(score))}</strong> ${band(l)}`;
/**
 * The level most answers reached, never confused with the mean: "most answers medium (3 of 5)";
 * when no level has more than half, the count of each ("answers: 1 low, 1 medium, 1 high").
 */
function most(l: Level, levels: Record<Level, number>, n: number): string {
  if (n === 1) return `the one answer ${badge(l)}`;
  const top = levels[l];
  if (top * 2 > n) return `most answers ${badge(l)} <span class="muted">(${top.toLocaleString('en-US')} of ${n.toLocaleString('en-US')})</span>`;
  return `answers: ${LEVELS.filter((x) => levels[x] > 0).map((x) => `${levels[x].toLocaleString('en-US')} ${badge(x)}`).join(', ')}`;
}

/** The name a report is about: a candidate, several, or all answers. */
function subject(r: CandidateReport): string {
  if (r.candidate) return r.candidate;
  const named = r.candidates.filter((c) => c.candidate !== 'No name given');
  if (r.candidates.length === 1 && named.length === 1) return named[0]!.candidate;
  if (several(r)) return `${count(r.candidates.length, 'candidate')}${r.unlistedAnswers > 0 ? ' and more' : ''}`;
  return 'All answers';
}

/** Whether the report covers more than one candidate: then no line joins sessions across them. */
const several = (r: CandidateReport): boolean => r.candidates.length > 1 || r.unlistedAnswers > 0;

// ---- charts -------------------------------------------------------------------------------

/** Mean score per competency as bars on a 0-100 scale with the three bands behind; HTML, so it reflows on a phone. */
function scoreBars(cs: CompetencyReport[]): string {
  const rows = cs.map((c) => `<div class="bar-name">${esc(c.name)}</div>`
    + `<div class="bar-track" role="img" aria-label="${esc(`${c.name}: mean score ${num(c.meanScore)}, in the ${c.meanLevel} band`)}"><span class="bar-fill fill-${lvl(c.meanLevel)}" style="width:${Math.max(1, Math.min(100, c.meanScore))}%"></span></div>`
    + `<div class="bar-value" data-mean="${esc(c.meanScore)}">${mean(c.meanScore, c.meanLevel)}</div>`
    + `<div class="bar-typical">${most(c.typicalLevel, c.levels, c.answers)}</div>`);
  const scale = [0, 40, 70, 100].map((v) => `<span style="left:${v}%">${v}</span>`).join('');
  return `<div class="bars"><div class="bar-name bar-axis-gap" aria-hidden="true"></div><div class="bar-scale" aria-hidden="true">${scale}</div><div class="bar-value bar-axis-gap" aria-hidden="true"></div>${rows.join('')}</div>`;
}

/** STAR coverage: a table, one row per competency, each cell shaded by the share of answers with that part. */
function starTable(cs: CompetencyReport[]): string {
  const head = STAR_PARTS.map((p) => `<th scope="col" class="n">${STAR_LABEL[p]}</th>`).join('');
  const rows = cs.map((c) => `<tr><th scope="row">${esc(c.name)}</th>${STAR_PARTS.map((p) => {
    const v = c.star[p];
    return `<td class="n cover${v >= 0.55 ? ' on' : ''}" style="background:rgba(31,95,168,${(0.06 + 0.84 * v).toFixed(2)})">${pct(v)}</td>`;
  }).join('')}</tr>`).join('');
  return `<div class="scroll"><table class="star-table"><thead><tr><th scope="col">Competency</th>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

function svg(label: string, w: number, h: number, body: string, cls: string): string {
  return `<svg class="${cls}" role="img" aria-label="${esc(label)}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><title>${esc(label)}</title>${body}</svg>`;
}
const txt = (x: number, y: number, s: string, attrs = ''): string => `<text x="${x}" y="${y}"${attrs ? ` ${attrs}` : ''}>${esc(s)}</text>`;

/** Axis labels: "1 Dec" when every session is in one year, else "1 Dec 2026". */
function axisDays(points: SessionPoint[]): Map<string, string> {
  const years = new Set(points.map((p) => p.day.slice(-4)));
  return new Map(points.map((p) => [p.session, years.size > 1 ? p.day : p.day.replace(/ \d{4}$/, '')]));
}

/**
 * One candidate's score per session, one line per competency, oldest first. Drawn twice: wide
 * for a screen or paper, narrow for a phone (CSS shows one), so its text is never shrunk to dots.
 */
function progressChart(cs: CompetencyReport[], timeline: SessionPoint[], wide: boolean): string {
  const W = wide ? 700 : 340, H = wide ? 250 : 230, L = 36, R = W - (wide ? 24 : 14), T = 14, B = H - 44;
  const sessions = timeline.map((p) => p.session);
  const xi = new Map(sessions.map((s, i) => [s, sessions.length === 1 ? (L + R) / 2 : L + ((R - L) * i) / (sessions.length - 1)]));
  const y = (v: number): number => B - ((B - T) * v) / 100;
  const parts: string[] = [];
  for (const [from, to, l] of [[0, 40, 'low'], [40, 70, 'medium'], [70, 100, 'high']] as const) parts.push(`<rect x="${L}" y="${y(to)}" width="${R - L}" height="${y(from) - y(to)}" class="band-${l}"/>`);
  for (const v of [0, 40, 70, 100]) parts.push(`<line x1="${L}" y1="${y(v)}" x2="${R}" y2="${y(v)}" class="grid"/>`, txt(L - 6, y(v) + 4, String(v), 'class="axis" text-anchor="end"'));
  const labels = axisDays(timeline);
  const every = Math.ceil(sessions.length / (wide ? 7 : 3));
  timeline.forEach((p, i) => {
    if (i % every === 0 || i === sessions.length - 1) {
      if (i !== sessions.length - 1 && sessions.length - 1 - i < every) return;
      const anchor = sessions.length > 1 && i === 0 ? 'start' : sessions.length > 1 && i === sessions.length - 1 ? 'end' : 'middle';
      parts.push(txt(xi.get(p.session)! + (anchor === 'start' ? -4 : anchor === 'end' ? 4 : 0), B + 17, labels.get(p.session)!, `class="axis" text-anchor="${anchor}"`));
    }
  });
  parts.push(txt((L + R) / 2, B + 36, `${count(sessions.length, 'session')}, oldest first`, 'class="axis" text-anchor="middle"'));
  cs.forEach((c, i) => {
    const pts = c.progress.filter((p) => xi.has(p.session)).map((p) => ({ ...p, x: xi.get(p.session)!, y: y(p.score) }));
    if (pts.length > 1) parts.push(`<polyline data-competency="${esc(c.competency)}" points="${pts.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')}" fill="none" stroke="${colourOf(i)}" stroke-width="2.5" stroke-linejoin="round"/>`);
    for (const p of pts) parts.push(`<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="4.5" fill="${colourOf(i)}" stroke="#fff" stroke-width="1.5"><title>${esc(`${c.name}, ${p.name}: mean ${p.score} (${p.level} band)`)}</title></circle>`);
  });
  return svg('Mean score per session for each competency', W, H, parts.join(''), wide ? 'chart-wide' : 'chart-narrow');
}

/** A candidate's own mean score per session: a small line of their own (never joined to another candidate's). */
function sparkline(row: CandidateRow): string {
  const pts = row.sessions;
  if (pts.length < 2) return '';
  const W = 120, H = 30, P = 4;
  const x = (i: number): number => P + ((W - 2 * P) * i) / (pts.length - 1);
  const y = (v: number): number => H - P - ((H - 2 * P) * v) / 100;
  const line = pts.map((p, i) => `${x(i).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ');
  const last = pts[pts.length - 1]!;
  return `<svg class="spark" role="img" aria-label="${esc(`${row.candidate}: mean score per session, ${pts.map((p) => p.score).join(', ')}`)}" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`
    + `<line x1="${P}" y1="${y(40)}" x2="${W - P}" y2="${y(40)}" class="grid"/><line x1="${P}" y1="${y(70)}" x2="${W - P}" y2="${y(70)}" class="grid"/>`
    + `<polyline data-candidate="${esc(row.candidate)}" points="${line}" fill="none" stroke="#1f5fa8" stroke-width="2"/>`
    + `<circle cx="${x(pts.length - 1).toFixed(1)}" cy="${y(last.score).toFixed(1)}" r="3" class="fill-${lvl(last.level)}"/></svg>`;
}

// ---- sections -----------------------------------------------------------------------------

/** The latest sessions by name, oldest first, with their answers and mean score (and whose, across candidates). */
function sessionList(timeline: SessionPoint[], withWho: boolean): string {
  const shown = timeline.slice(-SESSIONS_LISTED);
  const earlier = timeline.length - shown.length;
  return `<ol class="sessions"${earlier ? ` start="${earlier + 1}"` : ''}>${shown.map((p) => `<li>${esc(p.name)}${withWho && p.candidate ? ` · <span class="who">${esc(p.candidate)}</span>` : ''} <span class="muted">· ${esc(count(p.answers, 'answer'))} ·</span> ${mean(p.score, p.level)}</li>`).join('')}</ol>`
    + (earlier ? `<p class="muted">${esc(count(earlier, 'earlier session'))} not listed.</p>` : '');
}

function candidatesSection(r: CandidateReport): string {
  // A progress column only when someone has two sessions or more (a batch is one session).
  const progress = r.candidates.some((c) => c.sessions.length > 1);
  const rows = r.candidates.map((c) => {
    const first = c.sessions[0];
    const last = c.sessions[c.sessions.length - 1];
    const trend = c.sessions.length > 1 && first && last
      ? `${sparkline(c)}<span class="trend">mean ${esc(first.score)} → ${esc(last.score)} over ${count(c.sessions.length, 'session')}</span>`
      : `<span class="muted">${count(c.sessions.length, 'session')}</span>`;
    return `<tr><th scope="row" data-label="Candidate">${esc(c.candidate)}</th><td class="n" data-label="Answers">${esc(c.answers.toLocaleString('en-US'))}</td>`
      + `<td data-label="Mean score">${mean(c.meanScore, c.meanLevel, false)}</td><td data-label="Levels">${most(c.typicalLevel, c.levels, c.answers)}</td>`
      + `<td data-label="Work on first">${esc(c.weakest.map((w) => w.name).join(', '))}</td>${progress ? `<td data-label="Progress">${trend}</td>` : ''}</tr>`;
  }).join('');
  const more = r.unlistedAnswers > 0 ? `<p class="muted">${esc(count(r.unlistedAnswers, 'more answer'))} of further candidates are counted in every figure but not listed here.</p>` : '';
  return `<section class="card"><h2 class="in-card">Candidates</h2><p class="muted">Each candidate's mean score and the band it falls in, the level most of their answers reached, and the competencies with their lowest mean${progress ? '; then their mean score per session, a line drawn within one candidate\'s own sessions only' : ''}.</p>`
    + `<table class="rows"><thead><tr><th scope="col">Candidate</th><th scope="col" class="n">Answers</th><th scope="col">Mean score</th><th scope="col">Levels</th><th scope="col">Work on first</th>${progress ? '<th scope="col">Progress</th>' : ''}</tr></thead><tbody>${rows}</tbody></table>${more}</section>`;
}

function stepList(steps: ReportStep[], of: number | null): string {
  return `<ol class="steps">${steps.map((f) => `<li><p>${esc(f.message)} <span class="muted">(towards ${esc(f.target)}${of === null ? `; ${esc(count(f.answers, 'answer'))}` : `; ${esc(f.answers.toLocaleString('en-US'))} of ${esc(count(of, 'answer'))}`})</span></p>`
    + `<p class="src">Source: <cite>${esc(sourceName(f.source))}</cite>${f.source.label ? ` · ${esc(f.source.label)}` : ''}</p>`
    + (f.source.quote.trim() ? `<blockquote class="quote">${esc(shortQuote(f.source.quote))}</blockquote>` : '')
    + '</li>').join('')}</ol>`;
}

function exampleFigure(e: ReportExample, withWho: boolean, cut: number): string {
  const who = withWho && e.candidate ? `<span class="who">${esc(e.candidate)}</span> · ` : '';
  const text = e.answer.length > cut ? `${e.answer.slice(0, cut - 1).trimEnd()}…` : e.answer;
  return `<figure class="example"><figcaption>${who}<span class="q">Q.</span> ${esc(e.question)} <span class="score">score ${esc(e.score)} ${badge(e.level)}</span></figcaption>`
    + (text.trim() ? `<blockquote>${esc(text)}</blockquote>` : '')
    + (e.followUps ?? []).map((f) => `<p class="follow-up"><span class="q">Follow-up.</span> ${esc(f.question)}</p>${f.reply.trim() ? `<blockquote>${esc(f.reply)}</blockquote>` : '<p class="muted">No reply.</p>'}`).join('')
    + '</figure>';
}

function competencySection(c: CompetencyReport, i: number, r: CandidateReport, shared: boolean): string {
  const many = several(r);
  const out: string[] = [];
  out.push(`<section class="card comp" aria-labelledby="c-${i}">`);
  out.push(`<h3 id="c-${i}">${many ? '' : `<span class="swatch" style="background:${colourOf(i)}"></span>`}${esc(c.name)}</h3>`);
  const facts = [mean(c.meanScore, c.meanLevel), most(c.typicalLevel, c.levels, c.answers), esc(count(c.answers, 'answer'))];
  if (!many && c.answers > 1) facts.push(`latest ${esc(c.latest.score)} ${badge(c.latest.level)}`);
  out.push(`<p class="facts">${facts.join(' · ')}</p>`);
  // The strongest answers, then weaker ones not shown already (with few answers the two lists meet).
  const strongest = c.examples.strongest.slice(0, many ? r.examplesKept : 1);
  const top = strongest[0]?.score ?? 0;
  const same = (a: ReportExample, b: ReportExample): boolean => a.answer === b.answer && a.question === b.question && a.candidate === b.candidate;
  const weakest = c.examples.weakest.filter((w) => w.score < top && !strongest.some((x) => same(x, w))).slice(0, many ? r.examplesKept : 1);
  const cut = many ? EXAMPLE_CHARS_MANY : EXAMPLE_CHARS;
  if (strongest.length) out.push(`<h4>Strongest answer${strongest.length === 1 ? '' : 's'}</h4>`, ...strongest.map((e) => exampleFigure(e, many, cut)));
  if (weakest.length) out.push(`<h4>${weakest.length === 1 ? 'An answer' : 'Answers'} to work on</h4>`, ...weakest.map((e) => exampleFigure(e, many, cut)));
  out.push('<h4>STAR coverage</h4>', `<ul class="star">${STAR_PARTS.map((p) => `<li><span>${STAR_LABEL[p]}</span><span class="meter"><span style="width:${Math.round(c.star[p] * 100)}%"></span></span><span>${pct(c.star[p])}</span></li>`).join('')}</ul>`);
  if (c.nextSteps.length) out.push('<h4>Next steps</h4>', stepList(c.nextSteps, c.answers));
  else if (shared) out.push('<h4>Next steps</h4>', '<p class="muted">The next steps for every competency, above, are the ones its answers call for.</p>');
  else out.push('<h4>Next steps</h4>', '<p class="muted">None: these answers already show what the rubric looks for.</p>');
  if (c.adviser.length) {
    out.push('<h4>Adviser comments</h4>');
    out.push(`<ul class="adviser">${c.adviser.map((a) => `<li><p class="meta">${esc(a.when ?? 'Undated')}${many && a.candidate ? ` · ${esc(a.candidate)}` : ''} · adviser ${badge(a.level)} · coach ${badge(a.coachLevel)} <span class="muted">(${a.level === a.coachLevel ? 'agree' : 'differ'})</span></p>`
      + `<p class="muted">On: ${esc(a.question)}</p>${a.comment.trim() ? `<blockquote>${esc(a.comment.trim())}</blockquote>` : ''}</li>`).join('')}</ul>`);
  }
  // Sessions of one candidate only: across several, a session's mean would mix people.
  if (!many && c.progress.length > 1) {
    out.push('<h4>Score per session</h4>');
    out.push(`<table class="rows progress"><thead><tr><th scope="col">Session</th><th scope="col" class="n">Answers</th><th scope="col">Mean score</th></tr></thead><tbody>${c.progress.map((p) => `<tr><td data-label="Session">${esc(p.name)}</td><td class="n" data-label="">${esc(count(p.answers, 'answer'))}</td><td data-label="">${mean(p.score, p.level)}</td></tr>`).join('')}</tbody></table>`);
  }
  out.push('</section>');
  return out.join('\n');
}

/** How the answers were said: pace and fillers over time, and each spoken answer's figures. */
function deliverySection(t: DeliveryTrend): string {
  const lines = trendLines(t.points, t.usual);
  if (lines.length === 0) {
    return `<section class="card"><h3>How the answers were said</h3><p class="muted">No answers were given as transcripts (.vtt, .srt): the speaking time of the ${esc(count(t.estimated, 'typed answer'))} is estimated from their words, and pace and pauses cannot be measured.</p></section>`;
  }
  const q = (s: string): string => (s.length > 70 ? `${s.slice(0, 69)}…` : s);
  const rows = t.points.map((p) => `<tr><td data-label="When">${esc(day(p.at) || p.session || '')}</td><td data-label="Question">${esc(q(p.question))}</td><td class="n" data-label="Spoken">${esc(clock(p.speakingMs))}</td><td class="n" data-label="Words a minute">${esc(Math.round(p.wordsPerMinute))}${paceWord(p.pace) ? ` <span class="muted">(${paceWord(p.pace)})</span>` : ''}</td><td class="n" data-label="Fillers a minute">${esc(p.fillersPerMinute)}${p.fillers === 'above' ? ' <span class="muted">(above usual)</span>' : ''}</td><td class="n" data-label="Pauses over 2 s">${p.longPauses ?? ''}</td></tr>`).join('');
  const more = t.spoken > t.points.length ? `<p class="muted">The first and the latest ${t.points.length - 1} of ${esc(count(t.spoken, 'spoken answer'))}.</p>` : '';
  return `<section class="card"><h3>How the answers were said</h3><p class="muted">Measured from the timings of the answers given as transcripts (.vtt, .srt); the level never depends on them.${t.usual ? ` Usual ranges: ${t.usual.pace.min}-${t.usual.pace.max} words a minute, up to ${t.usual.fillersPerMinute.max} fillers a minute.` : ''}</p>`
    + `<ul class="trend">${lines.map((l) => `<li><strong>${l.label === 'pace' ? 'Pace' : 'Fillers'}</strong>: ${esc(l.text)}</li>`).join('')}</ul>`
    + `<table class="rows delivery"><thead><tr><th scope="col">When</th><th scope="col">Question</th><th scope="col" class="n">Spoken</th><th scope="col" class="n">Words a minute</th><th scope="col" class="n">Fillers a minute</th><th scope="col" class="n">Pauses over 2 s</th></tr></thead><tbody>${rows}</tbody></table>${more}</section>`;
}

export function renderReportHtml(report: CandidateReport): string {
  const who = subject(report);
  const cs = report.competencies;
  const many = several(report);
  const facts = [`Generated ${report.generated}`, count(report.answers, 'answer'), count(report.sessions, 'session')];
  if (report.since) facts.push(`since ${day(report.since)}`);
  const head: string[] = [];
  if (report.timeline.length === 1) head.push(`<p class="meta">Session: ${esc(report.timeline[0]!.name)}</p>`);
  if (report.meanScore !== null && report.meanLevel && report.typicalLevel) {
    head.push(`<p class="overall">Overall: ${mean(report.meanScore, report.meanLevel)} · ${most(report.typicalLevel, report.levels, report.answers)}</p>`);
    head.push(`<div class="summary" aria-label="Answers by level">${LEVELS.slice().reverse().map((l) => `<span class="pill">${badge(l)} ${esc(report.levels[l].toLocaleString('en-US'))}</span>`).join('')}<span class="pill">${esc(count(cs.length, 'competency', 'competencies'))}</span></div>`);
  }
  if (report.notScored !== undefined) {
    head.push(`<p class="note">Summarised from ${esc(count(report.answers, 'answer'))}: the counts, means and shares cover every one; the examples are the ${report.examplesKept} strongest and ${report.examplesKept} weakest answers of each competency.${report.notScored ? ` ${esc(count(report.notScored, 'input'))} could not be scored (listed on standard error).` : ''}</p>`);
  }
  const body: string[] = [];
  if (!cs.length) body.push('<p class="empty">No answers could be scored, so there is nothing to report.</p>');
  else {
    if (many) body.push(candidatesSection(report));
    body.push('<h2>Overview</h2>');
    body.push(`<section class="card"><h3>Score by competency</h3><p class="muted">Each bar is the mean score of a competency's answers (0-100), coloured by the band the mean falls in: low below 40, medium 40-69, high 70 and over. Beneath it, the level most answers reached.</p>${scoreBars(cs)}</section>`);
    body.push(`<section class="card"><h3>STAR coverage</h3><p class="muted">Share of answers in which each part of Situation, Task, Action, Result was found.</p>${starTable(cs)}</section>`);
    // One candidate's progress, when there is progress to show: two sessions or more.
    if (!many && report.timeline.length > 1) {
      body.push(`<section class="card"><h3>Progress over sessions</h3><p class="muted">Mean score of each competency's answers in each session.</p>${progressChart(cs, report.timeline, true)}${progressChart(cs, report.timeline, false)}`
        + `<ul class="legend">${cs.map((c, i) => `<li><span class="swatch" style="background:${colourOf(i)}"></span>${esc(c.name)}</li>`).join('')}</ul>`
        + `<h4>Sessions</h4>${sessionList(report.timeline, false)}</section>`);
    }
    if (many && report.timeline.length > 1) body.push(`<section class="card"><h3>Sessions</h3>${sessionList(report.timeline, true)}</section>`);
    if (report.sharedSteps.length) body.push(`<section class="card"><h3>Next steps for every competency</h3><p class="muted">Given for answers in each of the competencies below; each competency then lists its own.</p>${stepList(report.sharedSteps, null)}</section>`);
    body.push('<h2>Competencies</h2>', ...cs.map((c, i) => competencySection(c, i, report, report.sharedSteps.length > 0)));
    if (report.delivery) body.push('<h2>Spoken answers</h2>', deliverySection(report.delivery));
  }
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`Interview practice report: ${who}`)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
<h1>Interview practice report: ${esc(who)}</h1>
<p class="meta">${facts.map(esc).join(' · ')}</p>
${head.join('\n')}
</header>
${body.join('\n')}
<footer>Scored by coach against the rubric's low / medium / high service levels; each next step cites the document it comes from.</footer>
</main>
</body>
</html>
`;
}
