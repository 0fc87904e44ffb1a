import { assess } from '../../core/assess.js';
import type { CompiledRubric } from '../../core/compile.js';
import type { Assessment, Level } from '../../core/types.js';
import { toResultRecord, type ResultRecord } from '../../report/score-report.js';
import type { ScoreView } from '../../render/score-view.js';
import type { StyleSpec } from '../style.js';
import type { StreamedFormat } from './load-view.js';

/** One answer sent to be scored: the fields the scorer and the output need, nothing else. */
export interface ScoreJob {
  id: string;
  question: string;
  competency: string | undefined;
  answer: string;
  file: string;
  line: number;
}

/**
 * How a scored batch comes back:
 *  - a streamed format: the output already rendered by that format's view, so big batches cross
 *    from a worker as one string (`style` says how text is coloured and wrapped);
 *  - `records`: the result records themselves (html, which aggregates them);
 *  - `assessments` too when they are filed in the history (--candidate).
 */
export interface BatchShape {
  output: StreamedFormat | 'records';
  style: StyleSpec;
  assessments: boolean;
}

export interface ScoredBatch {
  /** The rendered output; a worker sends it encoded, as bytes handed over without a copy. */
  text: string | Uint8Array;
  levels: Level[];
  scores: number[];
  records: ResultRecord[] | null;
  assessments: Assessment[] | null;
}

/** Scores a batch in order. Pure but for the view it renders with. */
export function scoreBatch(jobs: readonly ScoreJob[], rubric: CompiledRubric, shape: BatchShape, view: ScoreView | null): ScoredBatch {
  let text = '';  // a rope: V8 appends in place, and the writer flattens it once
  const levels: Level[] = [];
  const scores: number[] = [];
  const records: ResultRecord[] | null = view ? null : [];
  const assessments: Assessment[] | null = shape.assessments ? [] : null;
  for (const job of jobs) {
    const a = assess({ question: job.question, competency: job.competency, answer: job.answer }, rubric);
    const r = toResultRecord(job.id, a, { file: job.file, line: job.line });
    levels.push(a.level);
    scores.push(a.score);
    if (view) text += view.result(r);
    else records!.push(r);
    assessments?.push(a);
  }
  return { text, levels, scores, records, assessments };
}
