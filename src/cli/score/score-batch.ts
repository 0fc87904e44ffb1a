import { assess } from '../../core/assess.js';
import type { CompiledRubric } from '../../core/compile.js';
import { estimateDelivery, measureDelivery } from '../../core/delivery.js';
import type { Assessment, Delivery, Level } from '../../core/types.js';
import type { Timed } from '../../io/answer-item.js';
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
  /** A transcript's cues, for its delivery; absent for typed answers, which stay this light. */
  timed?: Timed;
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
  /**
   * The rendered output, one string per answer (never joined here: a string over V8's regular
   * object size, about 128 KB, is allocated apart and is slow to build and to write); a worker
   * sends it encoded, as bytes handed over without a copy.
   */
  text: string[] | Uint8Array;
  levels: Level[];
  scores: number[];
  records: ResultRecord[] | null;
  assessments: Assessment[] | null;
  /** With the assessments: each answer's delivery (history keeps the measured ones). */
  deliveries: Delivery[] | null;
}

/** Scores a batch in order. Pure but for the view it renders with. */
export function scoreBatch(jobs: readonly ScoreJob[], rubric: CompiledRubric, shape: BatchShape, view: ScoreView | null): ScoredBatch {
  const text: string[] = [];
  const levels: Level[] = [];
  const scores: number[] = [];
  const records: ResultRecord[] | null = view ? null : [];
  const assessments: Assessment[] | null = shape.assessments ? [] : null;
  const deliveries: Delivery[] | null = shape.assessments ? [] : null;
  const norms = rubric.style.delivery;
  for (const job of jobs) {
    const a = assess({ question: job.question, competency: job.competency, answer: job.answer }, rubric);
    // Timings are measured beside the judgement, never in it: the level is the text's alone.
    const d = job.timed ? measureDelivery(job.timed.cues, norms, job.timed.speaker, job.timed.spoken) : estimateDelivery(job.answer, rubric.style.wordsPerMinute, norms);
    const r = toResultRecord(job.id, a, { file: job.file, line: job.line }, d);
    levels.push(a.level);
    scores.push(a.score);
    if (view) text.push(view.result(r));
    else records!.push(r);
    assessments?.push(a);
    deliveries?.push(d);
  }
  return { text, levels, scores, records, assessments, deliveries };
}

/** A batch's output as one block of UTF-8 bytes, each piece encoded in place (no joined string). */
export function encodePieces(pieces: readonly string[]): Uint8Array {
  let size = 0;
  for (const p of pieces) size += Buffer.byteLength(p);
  const out = Buffer.allocUnsafeSlow(size);
  let at = 0;
  for (const p of pieces) at += out.write(p, at);
  return out;
}
