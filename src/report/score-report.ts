import type { Assessment, Level } from '../core/types.js';
import { LEVELS } from '../core/types.js';
import type { InputError } from '../io/errors.js';

/** One scored answer in the results contract: the assessment plus where the answer came from. */
export interface ResultRecord extends Assessment {
  id: string;
  source: { file: string; line: number };
}

export interface ScoreSummary {
  /** Always scored + failed. */
  inputs: number;
  scored: number;
  failed: number;
  levels: Record<Level, number>;
  meanScore: number | null;
  /** Present when --fail-under was given: how many answers fell below it. */
  failUnder?: { level: Level; below: number };
}

/** The JSON contract of `coach score`, version 1 (documented in the README). */
export interface ScoreReport {
  version: 1;
  results: ResultRecord[];
  errors: InputError[];
  summary: ScoreSummary;
}

export function buildScoreReport(results: ResultRecord[], errors: InputError[], failUnder?: Level): ScoreReport {
  const levels = { low: 0, medium: 0, high: 0 } as Record<Level, number>;
  for (const r of results) levels[r.level]++;
  const summary: ScoreSummary = {
    inputs: results.length + errors.length,
    scored: results.length,
    failed: errors.length,
    levels,
    meanScore: results.length ? Math.round((results.reduce((a, r) => a + r.score, 0) / results.length) * 10) / 10 : null,
  };
  if (failUnder) {
    const min = LEVELS.indexOf(failUnder);
    summary.failUnder = { level: failUnder, below: results.filter((r) => LEVELS.indexOf(r.level) < min).length };
  }
  return { version: 1, results, errors, summary };
}
