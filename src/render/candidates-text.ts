import type { CandidateSummary } from '../report/candidates.js';
import { plural } from './plural.js';
import type { Style } from './style.js';

/** One line per candidate: name, answers, sessions, answers reviewed, and the last session. */
export function renderCandidates(list: CandidateSummary[], st: Style): string {
  if (list.length === 0) return `${st.dim('No candidates yet: file answers under one with --candidate NAME (coach practice or coach score).')}\n`;
  const nameW = Math.max(9, ...list.map((c) => c.name.length));
  const out = [st.dim(`${'candidate'.padEnd(nameW)}  ${'answers'.padStart(7)}  ${'sessions'.padStart(8)}  ${'reviewed'.padStart(8)}  last session`)];
  for (const c of list) {
    out.push(`${st.bold(c.name.padEnd(nameW))}  ${String(c.answers).padStart(7)}  ${String(c.sessions).padStart(8)}  ${String(c.reviewed).padStart(8)}  ${c.lastAt.slice(0, 16).replace('T', ' ')}`);
  }
  out.push(st.dim(plural(list.length, 'candidate')));
  return `${out.join('\n')}\n`;
}
