import type { Level } from '../core/types.js';
import type { ReportAnswer } from './candidate-report.js';
import { levelOfScore } from '../core/level.js';

export interface CohortRow {
  candidate: string;
  answers: number;
  meanScore: number;
  /** The band the mean score falls in. */
  level: Level;
  /** Per competency answered: mean score and the level it falls in. */
  competencies: Record<string, { answers: number; meanScore: number; level: Level }>;
  /** The (up to two) competencies with the lowest mean score: where to work first. */
  weakest: string[];
}

export interface CohortReport {
  version: 1;
  generatedAt: string;
  candidates: CohortRow[];
  /** Every competency any candidate answered, in order. */
  competencies: string[];
}

const mean = (xs: number[]): number => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;

/** One summary row per candidate across a workshop's answers. */
export function buildCohortReport(answers: ReportAnswer[], generatedAt: string): CohortReport {
  const byCandidate = new Map<string, ReportAnswer[]>();
  for (const a of answers) {
    const key = a.candidate ?? '(no name)';
    const list = byCandidate.get(key);
    if (list) list.push(a);
    else byCandidate.set(key, [a]);
  }
  const competencies = [...new Set(answers.map((a) => a.competency))].sort();
  const candidates: CohortRow[] = [...byCandidate.entries()].sort((x, y) => x[0].localeCompare(y[0])).map(([candidate, list]) => {
    const per: CohortRow['competencies'] = {};
    for (const c of competencies) {
      const scores = list.filter((a) => a.competency === c).map((a) => a.score);
      if (scores.length) per[c] = { answers: scores.length, meanScore: mean(scores), level: levelOfScore(mean(scores)) };
    }
    const weakest = Object.entries(per).sort((x, y) => x[1].meanScore - y[1].meanScore).slice(0, 2).map(([c]) => c);
    const m = mean(list.map((a) => a.score));
    return { candidate, answers: list.length, meanScore: m, level: levelOfScore(m), competencies: per, weakest };
  });
  return { version: 1, generatedAt, candidates, competencies };
}
