import type { CohortReport } from '../report/cohort.js';
import { csvRecord } from './csv.js';

/**
 * One row per candidate, with columns in plain words: answers, mean score and the band it falls
 * in, then each competency's mean score and band (by the competency's name), then where to work
 * first. Cells as csvCell makes them.
 */
export function renderCohortCsv(r: CohortReport, names: ReadonlyMap<string, string> = new Map()): string {
  const name = (c: string): string => names.get(c) ?? c;
  const header = ['Candidate', 'Answers', 'Mean score', 'Band of mean score', ...r.competencies.flatMap((c) => [`${name(c)}: mean score`, `${name(c)}: band`]), 'Work on first'];
  const rows = r.candidates.map((c): Array<string | number> => [
    c.candidate, c.answers, c.meanScore, c.level,
    ...r.competencies.flatMap((k): Array<string | number> => (c.competencies[k] ? [c.competencies[k]!.meanScore, c.competencies[k]!.level] : ['', ''])),
    c.weakest.map(name).join('; '),
  ]);
  return [header, ...rows].map(csvRecord).join('');
}
