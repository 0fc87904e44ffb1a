import type { CohortReport } from '../report/cohort.js';
import { csvRecord } from './csv.js';

/** One row per candidate: mean score, then level and mean score per competency, then weakest areas. Cells as csvCell makes them. */
export function renderCohortCsv(r: CohortReport): string {
  const header = ['candidate', 'answers', 'mean_score', ...r.competencies.flatMap((c) => [`${c}_level`, `${c}_score`]), 'weakest'];
  const rows = r.candidates.map((c): Array<string | number> => [
    c.candidate, c.answers, c.meanScore,
    ...r.competencies.flatMap((k): Array<string | number> => (c.competencies[k] ? [c.competencies[k]!.level, c.competencies[k]!.meanScore] : ['', ''])),
    c.weakest.join(';'),
  ]);
  return [header, ...rows].map(csvRecord).join('');
}
