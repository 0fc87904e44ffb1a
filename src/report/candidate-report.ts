import type { FeedbackItem, Level, StarPartName } from '../core/types.js';
import { LEVELS, STAR_PARTS } from '../core/types.js';
import { levelOfScore } from '../core/level.js';

// The report an adviser hands a candidate: built from practice history (or a scored batch),
// per competency. Pure: records in, report out; the caller supplies the clock.

/** One answer as a report needs it: from a history record or a scored batch. */
export interface ReportAnswer {
  candidate: string | null;
  session: string | null;
  at: string | null;
  questionId: string | null;
  question: string;
  competency: string;
  answer: string;
  level: Level;
  score: number;
  star: Record<StarPartName, boolean>;
  feedback: FeedbackItem[];
  adviser?: { level: Level; comment: string } | undefined;
  /** The interviewer's follow-up questions and the replies (practice): `answer` is then the answer alone. */
  followUps?: Array<{ question: string; reply: string }> | undefined;
}

export interface CompetencyReport {
  competency: string;
  name: string;
  answers: number;
  meanScore: number;
  /** The level most answers reached... */
  typicalLevel: Level;
  latest: { level: Level; score: number };
  /** The strongest answer, quoted, with the follow-ups it was asked (when any). */
  best: { level: Level; score: number; question: string; answer: string; followUps?: Array<{ question: string; reply: string }> };
  /** Share of answers (0-1) in which each STAR part was found. */
  star: Record<StarPartName, number>;
  /** The most useful next steps: the most frequent across this competency's answers. */
  nextSteps: FeedbackItem[];
  /** Score per session, oldest first (mean of that session's answers). */
  progress: Array<{ session: string; at: string; score: number; level: Level }>;
  /** The adviser's own view, where recorded. */
  adviser: Array<{ at: string | null; question: string; level: Level; comment: string; coachLevel: Level }>;
}

export interface CandidateReport {
  version: 1;
  candidate: string | null;
  generatedAt: string;
  since: string | null;
  answers: number;
  sessions: number;
  levels: Record<Level, number>;
  competencies: CompetencyReport[];
}


export function buildCandidateReport(
  answers: ReportAnswer[],
  names: ReadonlyMap<string, string>,
  opts: { candidate: string | null; since: string | null; generatedAt: string },
): CandidateReport {
  const levels = { low: 0, medium: 0, high: 0 } as Record<Level, number>;
  for (const a of answers) levels[a.level]++;
  const byCompetency = new Map<string, ReportAnswer[]>();
  for (const a of answers) {
    const list = byCompetency.get(a.competency);
    if (list) list.push(a);
    else byCompetency.set(a.competency, [a]);
  }
  const competencies: CompetencyReport[] = [];
  for (const [competency, list] of [...byCompetency.entries()].sort((x, y) => x[0].localeCompare(y[0]))) {
    const ordered = [...list].sort((x, y) => (x.at ?? '').localeCompare(y.at ?? ''));
    const best = ordered.reduce((b, a) => (a.score > b.score ? a : b));
    const latest = ordered[ordered.length - 1]!;
    const counts = new Map<Level, number>();
    for (const a of ordered) counts.set(a.level, (counts.get(a.level) ?? 0) + 1);
    const typicalLevel = [...LEVELS].sort((x, y) => (counts.get(y) ?? 0) - (counts.get(x) ?? 0) || LEVELS.indexOf(x) - LEVELS.indexOf(y))[0]!;
    const steps = new Map<string, { item: FeedbackItem; n: number }>();
    for (const a of ordered) {
      for (const f of a.feedback) {
        const s = steps.get(f.indicator);
        if (s) s.n++;
        else steps.set(f.indicator, { item: f, n: 1 });
      }
    }
    const sessions = new Map<string, ReportAnswer[]>();
    for (const a of ordered) {
      const key = a.session ?? a.at ?? 'batch';
      const s = sessions.get(key);
      if (s) s.push(a);
      else sessions.set(key, [a]);
    }
    competencies.push({
      competency,
      name: names.get(competency) ?? competency,
      answers: ordered.length,
      meanScore: Math.round((ordered.reduce((n, a) => n + a.score, 0) / ordered.length) * 10) / 10,
      typicalLevel,
      latest: { level: latest.level, score: latest.score },
      best: { level: best.level, score: best.score, question: best.question, answer: best.answer, ...(best.followUps?.length ? { followUps: best.followUps } : {}) },
      star: Object.fromEntries(STAR_PARTS.map((p) => [p, Math.round((ordered.filter((a) => a.star[p]).length / ordered.length) * 100) / 100])) as Record<StarPartName, number>,
      nextSteps: [...steps.values()].sort((x, y) => y.n - x.n).slice(0, 3).map((s) => s.item),
      progress: [...sessions.entries()].map(([session, s]) => {
        const score = Math.round(s.reduce((n, a) => n + a.score, 0) / s.length);
        return { session, at: s[0]!.at ?? '', score, level: levelOfScore(score) };
      }),
      adviser: ordered.filter((a) => a.adviser).map((a) => ({ at: a.at, question: a.question, level: a.adviser!.level, comment: a.adviser!.comment, coachLevel: a.level })),
    });
  }
  return {
    version: 1,
    candidate: opts.candidate,
    generatedAt: opts.generatedAt,
    since: opts.since,
    answers: answers.length,
    sessions: new Set(answers.map((a) => a.session ?? a.at ?? 'batch')).size,
    levels,
    competencies,
  };
}
