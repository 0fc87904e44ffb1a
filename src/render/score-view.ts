import type { InputError } from '../io/errors.js';
import type { ResultRecord, ScoreReport, ScoreSummary } from '../report/score-report.js';

/** What is known once every answer has been read: what the end of a document shows. */
export interface ScoreEnd {
  /** Results written (they are not kept). */
  results: number;
  /** The errors listed (at most the first ERRORS_LISTED); summary.failed counts them all. */
  errors: InputError[];
  summary: ScoreSummary;
  errorsNotListed?: number;
}

/**
 * A `coach score` output format as a stream: the head, one piece per result, the tail. Nothing
 * is kept between results, so memory stays flat at any scale and the first result is written
 * as soon as it is scored. `result` puts `separator` characters before each result (a comma, a
 * blank line); the writer drops them from the first, so a worker can render results without
 * knowing which comes first.
 */
export interface ScoreView {
  head: string;
  separator: number;
  result(r: ResultRecord): string;
  tail(end: ScoreEnd): string;
}

/** A whole document from a view, for a report already in memory (tests, small callers). */
export function renderWhole(view: ScoreView, report: ScoreReport): string {
  let out = view.head;
  report.results.forEach((r, i) => {
    const piece = view.result(r);
    out += i === 0 ? piece.slice(view.separator) : piece;
  });
  const end: ScoreEnd = { results: report.results.length, errors: report.errors, summary: report.summary };
  if (report.errorsNotListed !== undefined) end.errorsNotListed = report.errorsNotListed;
  return out + view.tail(end);
}
