import { STAR_PARTS } from '../core/types.js';
import type { CandidateReport } from '../report/candidate-report.js';
import type { CohortReport } from '../report/cohort.js';
import { sparkline } from './history.js';
import { inertData } from './inert.js';
import { md } from './markdown.js';
import { wrap, type Style } from './style.js';
import { citation } from './citation.js';
import { plural } from './plural.js';

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** The candidate report for a terminal. */
export function renderReportText(report: CandidateReport, st: Style): string {
  const r = inertData(report);
  const out: string[] = [];
  out.push(st.bold(`Report: ${r.candidate ?? 'all answers'}`) + st.dim(`  ${plural(r.answers, 'answer')}, ${plural(r.sessions, 'session')}${r.since ? `, since ${r.since}` : ''}`));
  out.push(`Levels: ${st.level('low', String(r.levels.low))} low, ${st.level('medium', String(r.levels.medium))} medium, ${st.level('high', String(r.levels.high))} high`);
  for (const c of r.competencies) {
    out.push('', `${st.bold(c.name)}  ${st.level(c.latest.level, c.latest.level.toUpperCase())} ${c.latest.score}/100 latest  ${st.dim(`mean ${c.meanScore}, ${plural(c.answers, 'answer')}`)}  ${st.accent(sparkline(c.progress.map((p) => p.score)))}`);
    out.push(`  STAR  ${STAR_PARTS.map((p) => `${p} ${pct(c.star[p])}`).join('  ')}`);
    out.push(`  Strongest (${c.best.level} ${c.best.score}): ${wrap(`"${c.best.answer.replace(/\s+/g, ' ').slice(0, 220)}${c.best.answer.length > 220 ? '…' : ''}"`, st.width, '    ')}`);
    for (const f of c.best.followUps ?? []) out.push(`    ${wrap(`Follow-up: ${f.question} ${f.reply ? `"${f.reply.replace(/\s+/g, ' ').slice(0, 220)}${f.reply.length > 220 ? '…' : ''}"` : st.dim('(no reply)')}`, st.width, '      ')}`);
    c.nextSteps.forEach((f, i) => out.push(`  ${i === 0 ? 'Next' : '    '}  ${i + 1}. ${wrap(f.message, st.width, '          ')}`, `          ${st.dim(wrap(citation(f.source, 110), st.width, '          '))}`));
    for (const a of c.adviser) out.push(`  Adviser: ${a.level} (coach ${a.coachLevel})${a.comment ? `: ${wrap(a.comment, st.width, '    ')}` : ''}`);
  }
  return `${out.join('\n')}\n`;
}

/** The candidate report as Markdown, for handing over or pasting into notes. */
export function renderReportMarkdown(report: CandidateReport): string {
  const r = inertData(report);
  const out: string[] = [`# Interview practice report: ${md(r.candidate ?? 'all answers')}`, ''];
  out.push(`${plural(r.answers, 'answer')} in ${plural(r.sessions, 'session')}${r.since ? ` since ${md(r.since)}` : ''}; ${r.levels.low} low, ${r.levels.medium} medium, ${r.levels.high} high. Generated ${md(r.generatedAt)}.`, '');
  out.push('| competency | latest | mean | answers | S | T | A | R |', '|---|---|---:|---:|---:|---:|---:|---:|');
  for (const c of r.competencies) out.push(`| ${md(c.name)} | ${c.latest.level} ${c.latest.score} | ${c.meanScore} | ${c.answers} | ${STAR_PARTS.map((p) => pct(c.star[p])).join(' | ')} |`);
  for (const c of r.competencies) {
    out.push('', `## ${md(c.name)}`, '', `Latest ${c.latest.level} (${c.latest.score}/100); progress over sessions: ${c.progress.map((p) => p.score).join(' → ')}.`, '');
    out.push(`**Strongest answer** (${c.best.level}, ${c.best.score}/100), to "${md(c.best.question)}":`, '', `> ${md(c.best.answer)}`, '');
    for (const f of c.best.followUps ?? []) out.push(`*Follow-up:* ${md(f.question)}`, '', f.reply ? `> ${md(f.reply)}` : '(no reply)', '');
    if (c.nextSteps.length) {
      out.push('**Next steps**', '');
      c.nextSteps.forEach((f, i) => out.push(`${i + 1}. ${md(f.message)} (${md(citation(f.source))})`));
      out.push('');
    }
    if (c.adviser.length) {
      out.push('**Adviser**', '');
      for (const a of c.adviser) out.push(`- ${a.level} (coach: ${a.coachLevel}) on "${md(a.question)}"${a.comment ? `: ${md(a.comment)}` : ''}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** One row per candidate: levels per competency and where to work first. */
export function renderCohortText(report: CohortReport, st: Style): string {
  const r = inertData(report);
  if (r.candidates.length === 0) return `${st.dim('No answers.')}\n`;
  const nameW = Math.max(9, ...r.candidates.map((c) => c.candidate.length));
  const short = (c: string): string => c.split('-').map((w) => w.slice(0, 4)).join('-').slice(0, 9);
  const out = [st.dim(`${'candidate'.padEnd(nameW)}  mean  ${r.competencies.map((c) => short(c).padEnd(9)).join(' ')}  weakest`)];
  for (const c of r.candidates) {
    const cells = r.competencies.map((k) => {
      const x = c.competencies[k];
      return x ? st.level(x.level, `${x.level[0]!.toUpperCase()} ${String(Math.round(x.meanScore)).padStart(3)}`.padEnd(9)) : st.dim('-'.padEnd(9));
    });
    out.push(`${c.candidate.padEnd(nameW)}  ${String(Math.round(c.meanScore)).padStart(4)}  ${cells.join(' ')}  ${c.weakest.join(', ')}`);
  }
  return `${out.join('\n')}\n`;
}
