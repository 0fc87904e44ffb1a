import type { CompetencyProgress, SessionSummary } from '../report/progress.js';
import { inertData } from './inert.js';
import { wrap, type Style } from './style.js';

const BARS = '▁▂▃▄▅▆▇█';

/** Scores 0-100 as a one-line chart, oldest first. */
export function sparkline(scores: number[]): string {
  return scores.map((s) => BARS[Math.min(BARS.length - 1, Math.floor((Math.max(0, Math.min(100, s)) / 100) * BARS.length))]).join('');
}

/**
 * Past sessions: how many questions were answered and in how many attempts (a retry is an
 * attempt, not a question), the levels and mean score of the attempts, and what was practised.
 * A session with no answer shows no score. `questionText` names a question by its text.
 */
export function renderSessions(list: SessionSummary[], st: Style, questionText: ReadonlyMap<string, string> = new Map()): string {
  const sessions = inertData(list);
  if (sessions.length === 0) return `${st.dim('No practice sessions yet: start one with coach practice.')}\n`;
  const texts = inertData(questionText);
  const out = [st.dim(`${'when'.padEnd(16)}  ${'questions'.padStart(9)}  ${'attempts'.padStart(8)}  ${'low'.padStart(3)} ${'med'.padStart(3)} ${'high'.padStart(4)}  ${'mean'.padStart(4)}  what`)];
  for (const s of sessions) {
    const when = s.at.slice(0, 16).replace('T', ' ');
    const m = /^question (\S+)$/.exec(s.how);
    const text = m ? texts.get(m[1]!) : undefined;
    const room = Math.max(20, st.width - 60);
    const cut = text && text.length > room ? text.lastIndexOf(' ', room - 1) : -1;
    const what = (text ? `"${text.length > room ? `${text.slice(0, cut > room / 3 ? cut : room - 1)}…` : text}"` : s.how) + (s.drafts ? st.dim(` (${s.drafts} draft${s.drafts === 1 ? '' : 's'})`) : '');
    if (s.answers === 0) {
      out.push(`${when.padEnd(16)}  ${st.dim(`${'-'.padStart(9)}  ${'-'.padStart(8)}  ${'no answers'.padEnd(18)}`)}  ${what}`);
      continue;
    }
    out.push(`${when.padEnd(16)}  ${String(s.questions).padStart(9)}  ${String(s.attempts).padStart(8)}  ${String(s.levels.low).padStart(3)} ${String(s.levels.medium).padStart(3)} ${String(s.levels.high).padStart(4)}  ${(s.meanScore ?? 0).toFixed(0).padStart(4)}  ${what}`);
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
