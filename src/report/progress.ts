import type { Level, Range } from '../core/types.js';
import type { DeliveryFigures } from './delivery-trend.js';
import type { AnswerRecord, HistoryRecord, SessionRecord } from '../io/history.js';
import { usableAnswer } from './from-history.js';
import { planLabel, sessionName, whenLabel, type SessionNaming } from './session-names.js';

export interface SessionSummary {
  /** The history's id for the session (for scripts; views show `name`). */
  session: string;
  /** "Tue 1 Dec 2026, 14:05 · Retail sales assistant set". */
  name: string;
  /** When, in words: "Tue 1 Dec 2026, 14:05". */
  when: string;
  /** What was practised, in words: "Retail sales assistant set". */
  what: string;
  at: string;
  how: string;
  /** The candidate the session was filed under, if any. */
  candidate?: string;
  /** Answers scored, every attempt counted (a retry is a second one). */
  answers: number;
  /** The same as answers: attempts, counted apart from the questions they answer. */
  attempts: number;
  /** Questions answered at least once. */
  questions: number;
  /** Answers left unfinished by Ctrl-C, kept as drafts (not scored). */
  drafts: number;
  levels: Record<Level, number>;
  meanScore: number | null;
}

export interface CompetencyProgress {
  competency: string;
  /** Every answer, oldest first. */
  points: Array<{ at: string; level: Level; score: number; questionId: string | null }>;
  latest: { level: Level; score: number };
  best: { level: Level; score: number };
}

function answers(records: HistoryRecord[]): AnswerRecord[] {
  return records.filter(usableAnswer);
}

/** Past sessions, newest first, from the history records, each named by when and what (see session-names.ts). */
export function summariseSessions(records: HistoryRecord[], naming: SessionNaming = {}): SessionSummary[] {
  const sessions = new Map<string, SessionSummary>();
  for (const r of records) {
    if (typeof r !== 'object' || r === null || r.type !== 'session' || typeof r.session !== 'string' || typeof r.at !== 'string') continue;
    const s = r as SessionRecord;
    const how = typeof s.plan === 'object' && s.plan !== null && typeof s.plan.how === 'string' ? s.plan.how : 'unknown';
    sessions.set(s.session, { session: s.session, name: '', when: '', what: '', at: s.at, how, ...(typeof s.candidate === 'string' ? { candidate: s.candidate } : {}), answers: 0, attempts: 0, questions: 0, drafts: 0, levels: { low: 0, medium: 0, high: 0 }, meanScore: null });
  }
  const scores = new Map<string, number[]>();
  const asked = new Map<string, Set<string>>();
  for (const a of answers(records)) {
    let s = sessions.get(a.session);
    if (!s) sessions.set(a.session, (s = { session: a.session, name: '', when: '', what: '', at: a.at, how: 'unknown', ...(typeof a.candidate === 'string' ? { candidate: a.candidate } : {}), answers: 0, attempts: 0, questions: 0, drafts: 0, levels: { low: 0, medium: 0, high: 0 }, meanScore: null }));
    s.answers++;
    s.attempts++;
    s.levels[a.assessment.level]++;
    const list = scores.get(a.session) ?? [];
    list.push(a.assessment.score);
    scores.set(a.session, list);
    const qs = asked.get(a.session) ?? new Set<string>();
    qs.add(a.questionId ?? a.assessment.question);
    asked.set(a.session, qs);
  }
  for (const r of records) {
    if (typeof r !== 'object' || r === null || r.type !== 'draft') continue;
    const s = sessions.get(r.session);
    if (s) s.drafts++;
  }
  for (const s of sessions.values()) {
    const list = scores.get(s.session) ?? [];
    s.questions = asked.get(s.session)?.size ?? 0;
    s.meanScore = list.length ? Math.round((list.reduce((x, y) => x + y, 0) / list.length) * 10) / 10 : null;
    s.when = whenLabel(s.at, naming.timeZone);
    s.what = s.how === 'unknown' ? '' : planLabel(s.how, naming);
    s.name = sessionName(s.at, s.how, naming);
  }
  return [...sessions.values()].sort((a, b) => b.at.localeCompare(a.at));
}

/** Level and score over time for each competency practised. */
export function progressByCompetency(records: HistoryRecord[]): CompetencyProgress[] {
  const by = new Map<string, CompetencyProgress>();
  for (const a of answers(records).sort((x, y) => x.at.localeCompare(y.at))) {
    const c = a.assessment.competency;
    const point = { at: a.at, level: a.assessment.level, score: a.assessment.score, questionId: a.questionId };
    const p = by.get(c);
    if (!p) by.set(c, { competency: c, points: [point], latest: point, best: point });
    else {
      p.points.push(point);
      p.latest = point;
      if (point.score > p.best.score) p.best = point;
    }
  }
  return [...by.values()].sort((a, b) => a.competency.localeCompare(b.competency));
}

/** A spoken answer's delivery in the history (answers given as transcripts). */
export interface SpokenPoint extends DeliveryFigures {
  at: string;
  competency: string;
  questionId: string | null;
}

export interface SpokenProgress {
  points: SpokenPoint[];
  /** The usual ranges the latest was compared with. */
  usual: { pace: Range; fillersPerMinute: Range } | null;
}

/** Pace and fillers over time, oldest first, from the answers that kept a measured delivery. */
export function spokenOverTime(records: HistoryRecord[], competency?: string): SpokenProgress {
  const points: SpokenPoint[] = [];
  let usual: SpokenProgress['usual'] = null;
  for (const a of answers(records).sort((x, y) => x.at.localeCompare(y.at))) {
    const d = a.delivery;
    if (!d || d.estimated || (competency !== undefined && a.assessment.competency !== competency)) continue;
    points.push({
      at: a.at, competency: a.assessment.competency, questionId: a.questionId, speakingMs: d.speakingMs,
      wordsPerMinute: d.pace.wordsPerMinute, pace: d.pace.compared, fillersPerMinute: d.fillers.perMinute, fillers: d.fillers.compared,
      longPauses: d.pauses?.count ?? null,
    });
    usual = { pace: d.pace.usual, fillersPerMinute: d.fillers.usual };
  }
  return { points, usual };
}
