import { STAR_PARTS } from '../core/types.js';
import type { ResultRecord } from '../report/score-report.js';
import { csvRecord } from './csv.js';
import { citation } from './citation.js';
import type { ScoreView } from './score-view.js';

export const CSV_COLUMNS = ['id', 'question', 'competency', 'kind', 'level', 'score', ...STAR_PARTS, 'indicators', 'warnings', 'next_step', 'file', 'line'] as const;

export function csvHeader(): string {
  return csvRecord(CSV_COLUMNS);
}

/** One CSV row per scored answer; failed inputs are reported on standard error. Cells as csvCell makes them. */
export function csvRow(r: ResultRecord): string {
  return csvRecord([
    r.id, r.question, r.competency, r.kind, r.level, r.score,
    ...STAR_PARTS.map((p) => (r.star[p].present ? 'yes' : 'no')),
    r.indicators.filter((f) => f.counted && !f.warning).map((f) => f.id).join(';'),
    r.indicators.filter((f) => f.counted && f.warning).map((f) => f.id).join(';'),
    r.feedback[0] ? `${r.feedback[0].message} (${citation(r.feedback[0].source)})` : '',
    r.source.file, r.source.line,
  ]);
}

/** CSV as a stream: the header, then a row per answer as it is scored. */
export const csvView: ScoreView = { head: csvHeader(), separator: 0, result: csvRow, tail: () => '' };
