import type { CompetencyProgress, SessionSummary } from '../report/progress.js';
import { inertData } from './inert.js';
import type { Style } from './style.js';

const BARS = '▁▂▃▄▅▆▇█';

/** Scores 0-100 as a one-line chart, oldest first. */
export function sparkline(scores: number[]): string {
  return scores.map((s) => BARS[Math.min(BARS.length - 1, Math.floor((Math.max(0, Math.min(100, s)) / 100) * BARS.length))]).join('');
}

export function renderSessions(list: SessionSummary[], st: Style): string {
  const sessions = inertData(list);
  if (sessions.length === 0) return `${st.dim('No practice sessions yet: start one with coach practice.')}\n`;
  const out = [st.dim(`${'when'.padEnd(17)}  ${'answers'.padStart(7)}  ${'low'.padStart(4)} ${'med'.padStart(4)} ${'high'.padStart(4)}  ${'mean'.padStart(5)}  what`)];
  for (const s of sessions) {
    const when = s.at.slice(0, 16).replace('T', ' ');
    out.push(`${when.padEnd(17)}  ${String(s.answers).padStart(7)}  ${String(s.levels.low).padStart(4)} ${String(s.levels.medium).padStart(4)} ${String(s.levels.high).padStart(4)}  ${(s.meanScore ?? 0).toFixed(0).padStart(5)}  ${s.how}`);
  }
  return `${out.join('\n')}\n`;
}

export function renderProgress(list: CompetencyProgress[], st: Style): string {
  const progress = inertData(list);
  if (progress.length === 0) return `${st.dim('No answers yet: start with coach practice.')}\n`;
  const out = [st.dim(`${'competency'.padEnd(16)}  ${'answers'.padStart(7)}  ${'first'.padEnd(10)}  ${'latest'.padEnd(10)}  ${'best'.padEnd(10)}  scores over time`)];
  for (const p of progress) {
    const first = p.points[0]!;
    const cell = (x: { level: 'low' | 'medium' | 'high'; score: number }): string => `${st.level(x.level, x.level.padEnd(6))} ${String(x.score).padStart(3)}`;
    out.push(`${p.competency.padEnd(16)}  ${String(p.points.length).padStart(7)}  ${cell(first)}  ${cell(p.latest)}  ${cell(p.best)}  ${st.accent(sparkline(p.points.slice(-30).map((x) => x.score)))}`);
  }
  return `${out.join('\n')}\n`;
}
