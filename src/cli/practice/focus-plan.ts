import type { QuestionData, RubricData } from '../../core/types.js';
import type { HistoryStore } from '../../io/history.js';
import { pickWeakest, type FocusPick } from '../../report/focus.js';
import { usableAnswer } from '../../report/from-history.js';
import type { Scorer } from '../commands/practice.js';

/**
 * A drill on weak areas (coach practice --focus weakest): the history is read, each bank
 * question's high model answer says which behaviours the question trains, and report/focus.ts
 * picks the questions.
 */
export function weakestPlan(store: HistoryStore, data: RubricData, s: Scorer, questions: QuestionData[], n: number): FocusPick[] {
  const answers = store.read().records.filter(usableAnswer);
  const behaviourOf = (id: string): string | undefined => s.rubric.indicatorById.get(id)?.behaviour;
  const shownIn = answers.map((a) => new Set(
    (a.assessment.indicators as Array<{ id?: unknown; counted?: unknown; warning?: unknown }>)
      .filter((f) => f && f.counted === true && f.warning !== true && typeof f.id === 'string')
      .map((f) => behaviourOf(f.id as string))
      .filter((b): b is string => b !== undefined),
  ));
  const trains = new Map<string, string[]>();
  for (const q of questions) {
    const high = s.rubric.modelsByQuestion.get(q.id)?.find((m) => m.level === 'high');
    if (!high) continue;
    const a = s.assess({ question: q.text, competency: q.competency, answer: high.answer }, s.rubric);
    trains.set(q.id, [...new Set(a.indicators.filter((f) => f.counted && !f.warning).map((f) => behaviourOf(f.id)).filter((b): b is string => b !== undefined))]);
  }
  const behaviourNames = new Map<string, string>();
  const behavioursOf = new Map<string, string[]>();
  for (const c of data.competencies) {
    const list = (s.rubric.indicatorsByCompetency.get(c.id) ?? []).map((i) => s.rubric.indicators[i]!).filter((ind) => !ind.warning && ind.level !== 'low');
    behavioursOf.set(c.id, [...new Set(list.map((ind) => ind.behaviour))]);
    for (const ind of list) if (!behaviourNames.has(ind.behaviour)) behaviourNames.set(ind.behaviour, ind.name);
  }
  return pickWeakest({ competencies: data.competencies, questions, answers, trains, behaviourNames, behavioursOf, shownIn }, n);
}
