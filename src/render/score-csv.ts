import { STAR_PARTS } from '../core/types.js';
import type { ResultRecord } from '../report/score-report.js';
import type { Delivery } from '../core/types.js';
import { csvRecord } from './csv.js';
import { citation } from './citation.js';
import type { ScoreView } from './score-view.js';

export const CSV_COLUMNS = [
  'id', 'question', 'competency', 'kind', 'level', 'score', ...STAR_PARTS, 'indicators', 'warnings', 'next_step', 'file', 'line',
  // How it was said (the JSON's delivery): measured from a transcript, or estimated (delivery_estimated yes).
  'delivery_estimated', 'speaking_seconds', 'words_per_minute', 'pace', 'slowest_minute_words', 'fastest_minute_words',
  'long_pauses', 'longest_pause_seconds', 'fillers', 'fillers_per_minute', 'fillers_vs_usual',
] as const;

const secs = (ms: number): number => Math.round(ms / 100) / 10;
const PACE = { below: 'slow', within: 'usual', above: 'fast' } as const;
const VS = { below: 'below', within: 'usual', above: 'above' } as const;

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
    ...deliveryCells(r.delivery),
  ]);
}

/** The delivery columns; figures that a typed answer's estimate cannot know are left empty. */
function deliveryCells(d: Delivery): Array<string | number> {
  const p = d.pace;
  return [
    d.estimated ? 'yes' : 'no', secs(d.speakingMs), p.wordsPerMinute, p.compared === null ? '' : PACE[p.compared],
    p.slowestMinute?.words ?? '', p.fastestMinute?.words ?? '',
    d.pauses?.count ?? '', d.pauses ? secs(d.pauses.longestMs) : '',
    d.fillers.count, d.fillers.perMinute, VS[d.fillers.compared],
  ];
}

/** CSV as a stream: the header, then a row per answer as it is scored. */
export const csvView: ScoreView = { head: csvHeader(), separator: 0, result: csvRow, tail: () => '' };
