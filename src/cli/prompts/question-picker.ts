import type { QuestionData } from '../../core/types.js';
import { inert } from '../../render/inert.js';
import { wrapChoices, type MenuChoice } from './menu.js';

/**
 * The questions matching what was typed in the picker: every word typed appears (in any case, in
 * any order) in the question's text, id, competency or kind. Nothing typed: every question.
 */
export function filterQuestions(questions: readonly QuestionData[], term: string | undefined): QuestionData[] {
  const words = (term ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...questions];
  return questions.filter((q) => {
    const hay = `${q.text} ${q.id} ${q.competency} ${q.kind}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** The picker's choices: the question's text (wrapped), its id and competency under the list for the one pointed at. */
export function questionChoices(questions: readonly QuestionData[], columns?: number): Array<MenuChoice<string>> {
  return wrapChoices(
    questions.map((q) => ({ name: inert(q.text), value: q.id, short: inert(q.id), description: inert(`${q.id} · ${q.competency} · ${q.kind}`) })),
    columns,
  );
}

/** Rows for the list: as many as the terminal allows, with room for the prompt's other lines. */
export function pickerPageSize(rows = process.stdout.rows || 24): number {
  return Math.max(4, Math.min(14, rows - 8));
}
