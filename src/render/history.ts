import type { CompetencyProgress, SessionSummary, SpokenProgress } from '../report/progress.js';
import { clock, paceWord, spark, trendLines } from './delivery-text.js';
import { inertData } from './inert.js';
import { wrap, type Style } from './style.js';
import { plural } from './plural.js';
import { LEVELS } from '../core/types.js';
import { levelOfScore } from '../core/level.js';

const BARS = '▁▂▃▄▅▆▇█';

/** Scores 0-100 as a one-line chart, oldest first. */
export function sparkline(scores: number[]): string {
  return scores.map((s) => BARS[Math.min(BARS.length - 1, Math.floor((Math.max(0, Math.min(100, s)) / 100) * BARS.length))]).join('');
}

/**
 * Past sessions, newest first: each named by when and what was practised, then how many
 * questions were answered in how many attempts (a retry is an attempt, not a question), their
 * mean score and levels, and any drafts kept. A session with no answer shows no score.
 */
export function renderSessions(list: SessionSummary[], st: Style): string {
  const sessions = inertData(list);
  if (sessions.length === 0) return `${st.dim('No practice sessions yet: start one with coach practice.')}\n`;
  const out: string[] = [];
  for (const s of sessions) {
    out.push(wrap(`${st.bold(s.when)}${s.what ? ` · ${s.what}` : ''}${s.candidate ? st.dim(` · ${s.candidate}`) : ''}`, st.width, '  '));
    const drafts = s.drafts ? st.dim(`; ${plural(s.drafts, 'draft')} kept, not scored`) : '';
    if (s.answers === 0) {
      out.push(`  ${st.dim('no answers')}${drafts}`);
      continue;
    }
    const counts = `${plural(s.questions, 'question')} in ${plural(s.attempts, 'attempt')}${s.meanScore === null ? '' : `, mean score ${s.meanScore} (${st.level(levelOfScore(s.meanScore), `${levelOfScore(s.meanScore)} band`)})`}: ${LEVELS.map((l) => `${s.levels[l]} ${st.level(l, l)}`).join(', ')}`;
    out.push(`  ${wrap(`${counts}${drafts}`, st.width, '  ')}`);
  }
  return `${out.join('\n')}\n`;
}

export function renderProgress(list: CompetencyProgress[], st: Style, never: ReadonlyArray<{ id: string; name: string }> = []): string {
  const progress = inertData(list);
  const unpractised = inertData(never);
  // The competencies with no answer yet, so a candidate sees what they have not tried.
  const neverLine = unpractised.length ? `${wrap(`${st.bold('Never practised:')} ${unpractised.map((c) => c.name).join(', ')} ${st.dim('(coach practice --focus weakest starts with these)')}`, st.width, '  ')}\n` : '';
  if (progress.length === 0) return `${st.dim('No answers yet: start with coach practice.')}\n${neverLine}`;
  const out = [st.dim(`${'competency'.padEnd(16)}  ${'answers'.padStart(7)}  ${'first'.padEnd(10)}  ${'latest'.padEnd(10)}  ${'best'.padEnd(10)}  scores over time`)];
  for (const p of progress) {
    const first = p.points[0]!;
    const cell = (x: { level: 'low' | 'medium' | 'high'; score: number }): string => `${st.level(x.level, x.level.padEnd(6))} ${String(x.score).padStart(3)}`;
    out.push(`${p.competency.padEnd(16)}  ${String(p.points.length).padStart(7)}  ${cell(first)}  ${cell(p.latest)}  ${cell(p.best)}  ${st.accent(sparkline(p.points.slice(-30).map((x) => x.score)))}`);
  }
  return `${out.join('\n')}\n${neverLine}`;
}

/** Pace and fillers over time, from answers given as transcripts; nothing when there are none. */
export function renderSpokenProgress(spoken: SpokenProgress, st: Style): string {
  const s = inertData(spoken);
  const lines = trendLines(s.points, s.usual);
  if (lines.length === 0) return '';
  const out = ['', st.bold(`Spoken answers (${s.points.length}, from transcripts)`)];
  for (const l of lines) out.push(`  ${l.label.padEnd(8)} ${l.text}  ${st.accent(spark(l.values.slice(-30)))}`);
  out.push(st.dim(`  ${'when'.padEnd(17)}  ${'competency'.padEnd(16)}  spoken  words/min  fillers/min  pauses`));
  for (const p of s.points.slice(-10)) {
    const pace = `${Math.round(p.wordsPerMinute)}${paceWord(p.pace) ? ` ${paceWord(p.pace)}` : ''}`;
    out.push(`  ${p.at.slice(0, 16).replace('T', ' ').padEnd(17)}  ${p.competency.padEnd(16)}  ${clock(p.speakingMs).padStart(6)}  ${pace.padStart(8)}  ${String(p.fillersPerMinute).padStart(11)}  ${String(p.longPauses ?? '').padStart(6)}`);
  }
  if (s.points.length > 10) out.push(st.dim(`  (the latest 10 of ${s.points.length}; --json lists them all)`));
  return `${out.join('\n')}\n`;
}
