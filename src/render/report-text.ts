import { LEVELS, STAR_PARTS, type Level } from '../core/types.js';
import type { CandidateReport, CompetencyReport, ReportExample, ReportStep } from '../report/candidate-report.js';
import type { CohortReport } from '../report/cohort.js';
import { sparkline } from './history.js';
import { inert, inertData } from './inert.js';
import { md } from './markdown.js';
import { wrap, type Style } from './style.js';
import { citation } from './citation.js';
import { plural } from './plural.js';
import { clock, paceWord, spark, trendLines } from './delivery-text.js';
import type { DeliveryTrend } from '../report/delivery-trend.js';

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** Sessions listed by name in the text and Markdown reports (the latest). */
const SESSIONS_LISTED = 10;
const n = (x: number): string => x.toLocaleString('en-US');
const several = (r: CandidateReport): boolean => r.candidates.length > 1 || r.unlistedAnswers > 0;

/**
 * The level most answers reached, in words that cannot be taken for the mean: "most answers
 * medium (3 of 5)", "the one answer high", or when no level has more than half, "answers: 1 low, 1 high".
 */
function most(l: Level, levels: Record<Level, number>, total: number, paint: (l: Level, s: string) => string): string {
  if (total === 1) return `the one answer ${paint(l, l)}`;
  if (levels[l] * 2 > total) return `most answers ${paint(l, l)} (${n(levels[l])} of ${n(total)})`;
  return `answers: ${LEVELS.filter((x) => levels[x] > 0).map((x) => `${n(levels[x])} ${paint(x, x)}`).join(', ')}`;
}

/** The subject of a report: the candidate, "2 candidates", or all answers. */
function subject(r: CandidateReport): string {
  if (r.candidate) return r.candidate;
  if (several(r)) return `${plural(r.candidates.length, 'candidate')}${r.unlistedAnswers ? ' and more' : ''}`;
  return r.candidates.length === 1 && r.candidates[0]!.candidate !== 'No name given' ? r.candidates[0]!.candidate : 'all answers';
}

/** The weaker answers worth quoting: below the strongest, and not the strongest itself. */
function toWorkOn(c: CompetencyReport): ReportExample | undefined {
  const best = c.examples.strongest[0];
  return c.examples.weakest.find((w) => best && w.score < best.score && w.answer !== best.answer);
}

const quote = (s: string, max: number): string => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1).trimEnd()}…` : one;
};

/** The candidate report for a terminal. */
export function renderReportText(report: CandidateReport, st: Style): string {
  const r = inertData(report);
  const many = several(r);
  const band = (l: Level): string => st.level(l, `${l} band`);
  const out: string[] = [];
  out.push(st.bold(`Report: ${subject(r)}`) + st.dim(`  ${plural(r.answers, 'answer')}, ${plural(r.sessions, 'session')}${r.since ? `, since ${r.since}` : ''}`));
  if (r.meanScore !== null && r.meanLevel && r.typicalLevel) {
    out.push(wrap(`Overall: mean score ${r.meanScore} (${band(r.meanLevel)}) · ${most(r.typicalLevel, r.levels, r.answers, st.level)} · ${LEVELS.map((l) => `${n(r.levels[l])} ${st.level(l, l)}`).join(', ')}`, st.width, '  '));
  }
  if (r.timeline.length > 0) {
    const shown = r.timeline.slice(-SESSIONS_LISTED);
    out.push('', st.bold('Sessions') + (shown.length < r.timeline.length ? st.dim(`  (the latest ${shown.length} of ${r.timeline.length})`) : ''));
    shown.forEach((p, i) => out.push(`  ${wrap(`${r.timeline.length - shown.length + i + 1}. ${p.name}${many && p.candidate ? ` (${p.candidate})` : ''} ${st.dim('·')} ${plural(p.answers, 'answer')}, mean ${p.score} (${band(p.level)})`, st.width, '     ')}`));
  }
  if (many) {
    out.push('', st.bold('Candidates'));
    for (const c of r.candidates) {
      const trend = c.sessions.length > 1 ? ` · sessions ${c.sessions.map((p) => p.score).join(' → ')} ${st.accent(sparkline(c.sessions.map((p) => p.score)))}` : '';
      out.push(`  ${wrap(`${st.bold(c.candidate)}: ${plural(c.answers, 'answer')}, mean ${c.meanScore} (${band(c.meanLevel)}), ${most(c.typicalLevel, c.levels, c.answers, st.level)}; work on ${c.weakest.map((w) => w.name).join(', ')}${trend}`, st.width, '    ')}`);
    }
    if (r.unlistedAnswers) out.push(st.dim(`  ${plural(r.unlistedAnswers, 'more answer')} of further candidates, counted above but not listed`));
  }
  const steps = (list: ReportStep[], of: number | null): void => {
    list.forEach((f, i) => out.push(
      `  ${i === 0 ? 'Next' : '    '}  ${i + 1}. ${wrap(`${f.message} ${st.dim(of === null ? `(${plural(f.answers, 'answer')})` : `(${n(f.answers)} of ${plural(of, 'answer')})`)}`, st.width, '          ')}`,
      `          ${st.dim(wrap(citation(f.source, 110), st.width, '          '))}`,
    ));
  };
  if (r.sharedSteps.length) {
    out.push('', st.bold('For every competency'));
    steps(r.sharedSteps, null);
  }
  for (const c of r.competencies) {
    const spark = !many && c.progress.length > 1 ? `  ${st.accent(sparkline(c.progress.map((p) => p.score)))}` : '';
    const latest = !many && c.answers > 1 ? ` · latest ${c.latest.score} ${st.level(c.latest.level, c.latest.level)}` : '';
    out.push('', `${st.bold(c.name)}${spark}`);
    out.push(`  ${wrap(`mean score ${c.meanScore} (${band(c.meanLevel)}) · ${most(c.typicalLevel, c.levels, c.answers, st.level)}${latest}`, st.width, '  ')}`);
    out.push(`  STAR  ${STAR_PARTS.map((p) => `${p} ${pct(c.star[p])}`).join('  ')}`);
    const best = c.examples.strongest[0];
    if (best) out.push(`  ${wrap(`Strongest (${st.level(best.level, best.level)} ${best.score}${many && best.candidate ? `, ${best.candidate}` : ''}): "${quote(best.answer, 220)}"`, st.width, '    ')}`);
    for (const f of best?.followUps ?? []) out.push(`    ${wrap(`Follow-up: ${f.question} ${f.reply ? `"${quote(f.reply, 220)}"` : st.dim('(no reply)')}`, st.width, '      ')}`);
    const weak = toWorkOn(c);
    if (weak) out.push(`  ${wrap(`To work on (${st.level(weak.level, weak.level)} ${weak.score}${many && weak.candidate ? `, ${weak.candidate}` : ''}): "${quote(weak.answer, 220)}"`, st.width, '    ')}`);
    if (c.nextSteps.length) steps(c.nextSteps, c.answers);
    else if (r.sharedSteps.length) out.push(st.dim('  Next  the steps for every competency, above'));
    for (const a of c.adviser) out.push(`  ${wrap(`Adviser${a.when ? `, ${a.when}` : ''}${many && a.candidate ? `, on ${a.candidate}` : ''}: ${st.level(a.level, a.level)} (coach ${st.level(a.coachLevel, a.coachLevel)})${a.comment.trim() ? `: ${a.comment.trim()}` : ''}`, st.width, '    ')}`);
  }
  if (r.delivery) out.push('', ...deliveryText(r.delivery, st));
  return `${out.join('\n')}\n`;
}

/** Pace and fillers over time, and the latest spoken answer's figures. */
function deliveryText(t: DeliveryTrend, st: Style): string[] {
  const lines = trendLines(t.points, t.usual);
  if (lines.length === 0) return [st.dim(`Spoken: no answers given as transcripts (${plural(t.estimated, 'typed answer')}: speaking time estimated from the words).`)];
  const out = [st.bold(`Spoken answers (${t.spoken}, from transcripts)`)];
  for (const l of lines) out.push(`  ${l.label.padEnd(8)} ${l.text}  ${st.accent(spark(l.values))}`);
  const last = t.points[t.points.length - 1]!;
  const pace = paceWord(last.pace);
  out.push(`  latest   ${clock(last.speakingMs)} spoken, ${Math.round(last.wordsPerMinute)} words a minute${pace ? ` (${pace})` : ''}, ${last.fillersPerMinute} fillers a minute, ${plural(last.longPauses ?? 0, 'pause')} over 2 s`);
  return out;
}

/** The spoken answers as a Markdown table, oldest first. */
function deliveryMarkdown(t: DeliveryTrend): string[] {
  const out = ['## How the answers were said', ''];
  const lines = trendLines(t.points, t.usual);
  if (lines.length === 0) return [...out, `No answers were given as transcripts (${plural(t.estimated, 'typed answer')}: speaking time estimated from the words).`];
  for (const l of lines) out.push(`- ${l.label === 'pace' ? 'Pace' : 'Fillers'}: ${md(l.text)}`);
  out.push('', '| when | question | spoken | words a minute | fillers a minute | pauses over 2 s |', '|---|---|---:|---:|---:|---:|');
  for (const p of t.points) {
    out.push(`| ${md(p.at?.slice(0, 10) ?? p.session ?? '')} | ${md(p.question.length > 60 ? `${p.question.slice(0, 59)}…` : p.question)} | ${clock(p.speakingMs)} | ${Math.round(p.wordsPerMinute)}${paceWord(p.pace) ? ` (${paceWord(p.pace)})` : ''} | ${p.fillersPerMinute} | ${p.longPauses ?? ''} |`);
  }
  if (t.spoken > t.points.length) out.push('', `The first and the latest ${t.points.length - 1} of ${t.spoken} spoken answers.`);
  return out;
}

/** The candidate report as Markdown, for handing over or pasting into notes. */
export function renderReportMarkdown(report: CandidateReport): string {
  const r = inertData(report);
  const many = several(r);
  const word = (l: Level): string => l;
  const out: string[] = [`# Interview practice report: ${md(subject(r))}`, ''];
  out.push(`${plural(r.answers, 'answer')} in ${plural(r.sessions, 'session')}${r.since ? ` since ${md(r.since)}` : ''}; ${r.levels.low} low, ${r.levels.medium} medium, ${r.levels.high} high. Generated ${md(r.generated)}.`, '');
  if (r.meanScore !== null && r.meanLevel && r.typicalLevel) out.push(`Overall: mean score ${r.meanScore} (${r.meanLevel} band); ${most(r.typicalLevel, r.levels, r.answers, word)}.`, '');
  if (r.notScored !== undefined) out.push(`Summarised from ${plural(r.answers, 'answer')}: counts, means and shares cover every one; the examples are the strongest and weakest few of each competency.${r.notScored ? ` ${plural(r.notScored, 'input')} could not be scored.` : ''}`, '');
  if (r.timeline.length) {
    const shown = r.timeline.slice(-SESSIONS_LISTED);
    out.push('## Sessions', '');
    if (shown.length < r.timeline.length) out.push(`The latest ${shown.length} of ${r.timeline.length}.`, '');
    out.push(`| session |${many ? ' candidate |' : ''} answers | mean score |`, `|---|${many ? '---|' : ''}---:|---|`);
    for (const p of shown) out.push(`| ${md(p.name)} |${many ? ` ${md(p.candidate ?? 'several')} |` : ''} ${p.answers} | ${p.score} (${p.level} band) |`);
    out.push('');
  }
  if (many) {
    out.push('## Candidates', '', '| candidate | answers | mean score | levels | work on first | mean score per session |', '|---|---:|---|---|---|---|');
    for (const c of r.candidates) out.push(`| ${md(c.candidate)} | ${c.answers} | ${c.meanScore} (${c.meanLevel} band) | ${LEVELS.map((l) => `${c.levels[l]} ${l}`).join(', ')} | ${md(c.weakest.map((w) => w.name).join(', '))} | ${c.sessions.map((p) => p.score).join(' → ')} |`);
    out.push('');
  }
  out.push('## Competencies', '', '| competency | mean score | answers by level | answers | S | T | A | R |', '|---|---|---|---:|---:|---:|---:|---:|');
  for (const c of r.competencies) out.push(`| ${md(c.name)} | ${c.meanScore} (${c.meanLevel} band) | ${LEVELS.map((l) => `${c.levels[l]} ${l}`).join(', ')} | ${c.answers} | ${STAR_PARTS.map((p) => pct(c.star[p])).join(' | ')} |`);
  const stepLines = (list: ReportStep[], of: number | null): void => {
    list.forEach((f, i) => out.push(`${i + 1}. ${md(f.message)} (${of === null ? plural(f.answers, 'answer') : `${f.answers} of ${plural(of, 'answer')}`}; ${md(citation(f.source))})`));
    out.push('');
  };
  if (r.sharedSteps.length) {
    out.push('', '## Next steps for every competency', '');
    stepLines(r.sharedSteps, null);
  }
  for (const c of r.competencies) {
    out.push('', `### ${md(c.name)}`, '', `Mean score ${c.meanScore} (${c.meanLevel} band); ${most(c.typicalLevel, c.levels, c.answers, word)}${!many && c.answers > 1 ? `; latest ${c.latest.level} (${c.latest.score}/100)` : ''}.`, '');
    if (!many && c.progress.length > 1) out.push(`Mean score per session: ${c.progress.map((p) => `${md(p.name)}: ${p.score}`).join('; ')}.`, '');
    const best = c.examples.strongest[0];
    if (best) out.push(`**Strongest answer** (${best.level}, ${best.score}/100${many && best.candidate ? `, ${md(best.candidate)}` : ''}), to "${md(best.question)}":`, '', `> ${md(best.answer)}`, '');
    for (const f of best?.followUps ?? []) out.push(`*Follow-up:* ${md(f.question)}`, '', f.reply ? `> ${md(f.reply)}` : '(no reply)', '');
    const weak = toWorkOn(c);
    if (weak) out.push(`**An answer to work on** (${weak.level}, ${weak.score}/100${many && weak.candidate ? `, ${md(weak.candidate)}` : ''}), to "${md(weak.question)}":`, '', `> ${md(weak.answer)}`, '');
    if (c.nextSteps.length) {
      out.push('**Next steps**', '');
      stepLines(c.nextSteps, c.answers);
    } else if (r.sharedSteps.length) out.push('**Next steps**: those for every competency, above.', '');
    if (c.adviser.length) {
      out.push('**Adviser**', '');
      for (const a of c.adviser) out.push(`- ${a.level} (coach: ${a.coachLevel})${a.when ? `, ${md(a.when)}` : ''}${many && a.candidate ? `, ${md(a.candidate)}` : ''}, on "${md(a.question)}"${a.comment.trim() ? `: ${md(a.comment)}` : ''}`);
    }
  }
  if (r.delivery) out.push('', ...deliveryMarkdown(r.delivery));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/**
 * One block per candidate, in plain words: answers, mean score and its band, where to work first,
 * then each competency's mean score and band by its name.
 */
export function renderCohortText(report: CohortReport, st: Style, names: ReadonlyMap<string, string> = new Map()): string {
  const r = inertData(report);
  if (r.candidates.length === 0) return `${st.dim('No answers.')}\n`;
  const name = (c: string): string => inert(names.get(c) ?? c);
  // One decimal, as the model keeps it: rounding 69.6 to 70 would put a number beside the wrong band.
  const num = (x: number): string => (Math.round(x * 10) / 10).toString();
  const out = [st.dim(wrap('Mean score (0-100) of each candidate\'s answers, and the band it falls in: low below 40, medium 40-69, high 70 and over.', st.width, ''))];
  for (const c of r.candidates) {
    out.push('', wrap(`${st.bold(c.candidate)}: ${plural(c.answers, 'answer')}, mean score ${num(c.meanScore)} (${st.level(c.level, `${c.level} band`)}); work on first: ${c.weakest.map(name).join(', ')}`, st.width, '  '));
    const cells = r.competencies.filter((k) => c.competencies[k]).map((k) => {
      const x = c.competencies[k]!;
      return `${name(k)} ${num(x.meanScore)} ${st.level(x.level, x.level)}`;
    });
    out.push(`  ${wrap(cells.join(' · '), st.width, '  ')}`);
  }
  return `${out.join('\n')}\n`;
}
