import type { RubricData } from '../../core/types.js';
import { dataDir, HistoryStore } from '../../io/history.js';
import { listCandidates } from '../../report/candidates.js';
import { hasUnsafe } from '../../render/inert.js';
import { loadRubricOrFail } from '../rubric.js';
import { describe, type Item, type LineContext, type ValueKind } from './complete.js';

// The names the shell offers, read when a Tab needs them: the rubric (from the build's cache,
// with any --rubrics on the line) for competencies, questions, sets and bank ids; the history
// (--data on the line, else COACH_DATA_DIR...) for candidates. A Tab never prints an error: what
// cannot be read offers nothing.

/** A value goes onto the command line as it is: one with a control character or a line break is left out. */
const usable = (item: Item): boolean => item.value !== '' && !hasUnsafe(item.value) && !/[\n\t]/.test(item.value);

async function rubric(line: LineContext): Promise<RubricData | null> {
  try {
    return await loadRubricOrFail(line.rubrics);
  } catch {
    // A --rubrics folder with problems: offer the bundled rubric's names.
    return line.rubrics.length > 0 ? rubric({ ...line, rubrics: [] }) : null;
  }
}

function candidates(line: LineContext): Item[] {
  try {
    const { records } = new HistoryStore(dataDir(line.data)).read();
    return listCandidates(records).map((c) => ({ value: c.name, description: `${c.answers} answer${c.answers === 1 ? '' : 's'}, last ${c.lastAt.slice(0, 10)}` }));
  } catch {
    return [];
  }
}

export async function valuesOf(kind: ValueKind, line: LineContext): Promise<Item[]> {
  if (kind === 'candidate') return candidates(line).filter(usable);
  const data = await rubric(line);
  if (!data) return [];
  const competencies = data.competencies.map((c) => ({ value: c.id, description: describe(c.name) }));
  const questions = data.questions.map((q) => ({ value: q.id, description: describe(q.text) }));
  const sets = data.sets.map((s) => ({ value: s.name, description: describe(s.title) }));
  let items: Item[];
  if (kind === 'competency') items = competencies;
  else if (kind === 'question') items = questions;
  else if (kind === 'set') items = sets;
  else {
    // coach bank show: any id it shows.
    const indicators = data.indicators.map((i) => ({ value: i.id, description: describe(i.name) }));
    const sources = (data.sources ?? []).map((s) => ({ value: s.id, description: describe(s.title) }));
    items = [...competencies, ...questions, ...indicators, ...sets, ...sources];
  }
  return items.filter(usable);
}
