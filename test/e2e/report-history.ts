import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { EXAMPLES, runCoachJson } from './run-coach.js';

// A practice history as coach writes it, for report tests: sessions of named candidates on given
// dates, with set plans, answers scored by the built coach, and adviser reviews.

export interface ExampleAnswer { id: string; question: string; competency: string; answer: string }
/** The nine answers of examples/answers.yaml (ex-01..03 low, 04..06 medium, 07..09 high), by id. */
export const EXAMPLE_ANSWERS: ReadonlyMap<string, ExampleAnswer> = new Map(
  (parse(readFileSync(join(EXAMPLES, 'answers.yaml'), 'utf8')) as ExampleAnswer[]).map((a) => [a.id, a]),
);

export interface PlannedSession {
  candidate?: string;
  /** ISO time the session started; answers follow a minute apart. */
  at: string;
  /** The session record's plan, as coach practice writes it: "set retail", "competency teamwork"... */
  how: string;
  /** Example answer ids (see EXAMPLE_ANSWERS). */
  answers: string[];
  /** Adviser reviews of some of those answers, by their position. */
  reviews?: Array<{ index: number; level: 'low' | 'medium' | 'high'; comment: string }>;
}

/** The internal id coach practice gives a session: its time and a random suffix. */
export const internalId = (at: string, n: number): string => `${at.replace(/[:.]/g, '-')}-${(0xc564ec + n).toString(16)}`;

/** Writes DIR/history.jsonl holding these sessions; returns the session ids, in order. */
export function writeHistory(dir: string, sessions: PlannedSession[]): string[] {
  mkdirSync(dir, { recursive: true });
  const all = sessions.flatMap((s) => s.answers.map((id) => EXAMPLE_ANSWERS.get(id)!));
  const scored = runCoachJson(['score', '-', '--stdin-format', 'jsonl', '--format', 'json'], { stdin: all.map((a) => JSON.stringify({ question: a.question, competency: a.competency, answer: a.answer })).join('\n') });
  if (scored.code !== 0) throw new Error(scored.stderr);
  const results = scored.json.results as Array<Record<string, unknown>>;
  const lines: string[] = [];
  const ids: string[] = [];
  let k = 0;
  sessions.forEach((s, n) => {
    const session = internalId(s.at, n);
    ids.push(session);
    const who = s.candidate ? { candidate: s.candidate } : {};
    lines.push(JSON.stringify({ v: 1, type: 'session', session, at: s.at, plan: { how: s.how, count: s.answers.length }, ...who }));
    s.answers.forEach((id, i) => {
      const { id: _id, source: _source, ...assessment } = results[k++]!;
      const at = new Date(Date.parse(s.at) + (i + 1) * 60_000).toISOString();
      lines.push(JSON.stringify({ v: 1, type: 'answer', session, at, attempt: 1, questionId: `example-${i + 1}`, mode: 'free', answer: EXAMPLE_ANSWERS.get(id)!.answer, assessment, ...who }));
      for (const r of s.reviews ?? []) {
        if (r.index === i) lines.push(JSON.stringify({ v: 1, type: 'adviser', session, at, questionId: `example-${i + 1}`, attempt: 1, level: r.level, comment: r.comment, ...who }));
      }
    });
  });
  appendFileSync(join(dir, 'history.jsonl'), `${lines.join('\n')}\n`);
  return ids;
}

/** Sam's three sessions over three weeks, getting better, with one review that has no comment. */
export const SAM: PlannedSession[] = [
  { candidate: 'Sam Patel', at: '2026-11-17T10:30:00.000Z', how: 'set retail', answers: ['ex-01', 'ex-02', 'ex-03', 'ex-06'], reviews: [{ index: 0, level: 'low', comment: '' }] },
  { candidate: 'Sam Patel', at: '2026-11-24T14:05:00.000Z', how: 'competency problem-solving', answers: ['ex-05', 'ex-04', 'ex-03', 'ex-06'], reviews: [{ index: 0, level: 'high', comment: 'Good probing; say what changed for the customer.' }] },
  { candidate: 'Sam Patel', at: '2026-12-01T14:05:00.000Z', how: 'mock interview of 4', answers: ['ex-08', 'ex-04', 'ex-07', 'ex-09'] },
];

/** Ana's two sessions: a different person, never to be joined to Sam by a line. */
export const ANA: PlannedSession[] = [
  { candidate: 'Ana Silva', at: '2026-11-20T09:00:00.000Z', how: 'set banking', answers: ['ex-07', 'ex-09', 'ex-04'] },
  { candidate: 'Ana Silva', at: '2026-11-27T09:00:00.000Z', how: 'random mix', answers: ['ex-01', 'ex-02', 'ex-05'] },
];
