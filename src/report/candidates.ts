import type { HistoryRecord } from '../io/history.js';
import { usableAnswer } from './from-history.js';

// The candidates a history holds, for `coach candidates` and for finding the one a user names.
// Names are matched without regard to case or repeated spaces: "sam  patel" is "Sam Patel".

/** The form of a name that two spellings of it share. */
export function candidateKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

const tidy = (name: string): string => name.trim().replace(/\s+/g, ' ');

export interface CandidateSummary {
  /** The name as most recently written. */
  name: string;
  answers: number;
  sessions: number;
  /** Answers an adviser judged. */
  reviewed: number;
  /** When the latest answer was given, and its session. */
  lastAt: string;
  lastSession: string;
}

/** Every candidate with answers in the history, most recently active first. */
export function listCandidates(records: HistoryRecord[]): CandidateSummary[] {
  const by = new Map<string, CandidateSummary & { sessionSet: Set<string> }>();
  for (const r of records) {
    if (!usableAnswer(r) || typeof r.candidate !== 'string' || r.candidate.trim() === '') continue;
    const key = candidateKey(r.candidate);
    let c = by.get(key);
    if (!c) by.set(key, (c = { name: tidy(r.candidate), answers: 0, sessions: 0, reviewed: 0, lastAt: r.at, lastSession: r.session, sessionSet: new Set() }));
    c.answers++;
    c.sessionSet.add(r.session);
    if (r.at >= c.lastAt) {
      c.lastAt = r.at;
      c.lastSession = r.session;
      c.name = tidy(r.candidate);
    }
  }
  for (const r of records) {
    if (typeof r !== 'object' || r === null || r.type !== 'adviser' || typeof r.candidate !== 'string') continue;
    const c = by.get(candidateKey(r.candidate));
    if (c) c.reviewed++;
  }
  return [...by.values()]
    .map(({ sessionSet, ...c }) => ({ ...c, sessions: sessionSet.size }))
    .sort((a, b) => (a.lastAt < b.lastAt ? 1 : a.lastAt > b.lastAt ? -1 : a.name.localeCompare(b.name)));
}
