import type { Assessment, Delivery, Level } from '../core/types.js';
import { LEVELS } from '../core/types.js';
import type { InputError } from '../io/errors.js';

/** One scored answer in the results contract: the assessment plus where the answer came from. */
export interface ResultRecord extends Assessment {
  id: string;
  source: { file: string; line: number };
  /** How it was said: measured from a transcript's timings, or estimated for a typed answer. */
  delivery: Delivery;
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
  /** Errors past the first 10,000, counted in summary.failed but not listed (memory stays flat). */
  errorsNotListed?: number;
}

/** A result record in contract order. Built field by field: a spread of the assessment makes a slow, dictionary-mode object. */
export function toResultRecord(id: string, a: Assessment, source: { file: string; line: number }, delivery: Delivery): ResultRecord {
  return {
    id,
    question: a.question,
    questionId: a.questionId,
    competency: a.competency,
    competencyInferred: a.competencyInferred,
    kind: a.kind,
    kindSource: a.kindSource,
    level: a.level,
    score: a.score,
    star: a.star,
    indicators: a.indicators,
    feedback: a.feedback,
    reasons: a.reasons,
    source,
    delivery,
  };
}

/** Counts results as they are scored, so a streamed batch need not keep them. */
export class SummaryCounter {
  private scored = 0;
  private failed = 0;
  private total = 0;
  private below = 0;
  private readonly levels = { low: 0, medium: 0, high: 0 } as Record<Level, number>;

  constructor(private readonly failUnder?: Level) {}

  add(r: { level: Level; score: number }): void {
    this.scored++;
    this.total += r.score;
    this.levels[r.level]++;
    if (this.failUnder && LEVELS.indexOf(r.level) < LEVELS.indexOf(this.failUnder)) this.below++;
  }

  addErrors(n: number): void {
    this.failed += n;
  }

  summary(): ScoreSummary {
    const s: ScoreSummary = {
      inputs: this.scored + this.failed,
      scored: this.scored,
      failed: this.failed,
      levels: { ...this.levels },
      meanScore: this.scored ? Math.round((this.total / this.scored) * 10) / 10 : null,
    };
    if (this.failUnder) s.failUnder = { level: this.failUnder, below: this.below };
    return s;
  }
}

export function buildScoreReport(results: ResultRecord[], errors: InputError[], failUnder?: Level): ScoreReport {
  const counter = new SummaryCounter(failUnder);
  for (const r of results) counter.add(r);
  counter.addErrors(errors.length);
  return { version: 1, results, errors, summary: counter.summary() };
}
