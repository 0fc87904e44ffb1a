import type { CompetencyData, QuestionData } from '../core/types.js';
import type { AnswerRecord } from '../io/history.js';

/** A question picked for a weak-area drill, and why. */
export interface FocusPick {
  question: QuestionData;
  why: string;
}

export interface FocusInput {
  competencies: CompetencyData[];
  questions: QuestionData[];
  /** The past answers (usable ones). */
  answers: AnswerRecord[];
  /** For each question, the behaviours (of levels.md) its high model answer shows. */
  trains: ReadonlyMap<string, readonly string[]>;
  /** The name of each behaviour, for the reasons. */
  behaviourNames: ReadonlyMap<string, string>;
  /** Behaviours that count in each competency (non-warning, medium or high). */
  behavioursOf: ReadonlyMap<string, readonly string[]>;
  /** Behaviours each past answer showed (counted), by the answer's index in `answers`. */
  shownIn: ReadonlyArray<ReadonlySet<string>>;
}

/**
 * The questions for a drill on weak areas: competencies never practised first, then those whose
 * recent answers score lowest; within them, questions whose strong answers show the behaviours
 * the history shows least (never shown first), and questions not yet answered. At most two
 * questions from one competency while others are left. Pure: history in, picks out.
 */
export function pickWeakest(input: FocusInput, n: number): FocusPick[] {
  const byCompetency = new Map<string, number[]>();
  input.answers.forEach((a, i) => {
    const list = byCompetency.get(a.assessment.competency) ?? [];
    list.push(i);
    byCompetency.set(a.assessment.competency, list);
  });
  const answered = new Set(input.answers.map((a) => a.questionId).filter((x): x is string => x !== null));
  const recentMean = (c: string): number | null => {
    const list = byCompetency.get(c);
    if (!list?.length) return null;
    const last = list.slice(-3).map((i) => input.answers[i]!.assessment.score);
    return last.reduce((x, y) => x + y, 0) / last.length;
  };
  /** Share of a competency's answers that show the behaviour (0 when never practised). */
  const shownShare = (c: string, b: string): number => {
    const list = byCompetency.get(c) ?? [];
    if (!list.length) return 0;
    return list.filter((i) => input.shownIn[i]!.has(b)).length / list.length;
  };
  const scored = input.questions.map((q) => {
    const mean = recentMean(q.competency);
    const weakness = mean === null ? 100 : 100 - mean;
    const trains = (input.trains.get(q.id) ?? []).filter((b) => (input.behavioursOf.get(q.competency) ?? []).includes(b));
    const gaps = trains.map((b) => ({ b, share: shownShare(q.competency, b) })).sort((x, y) => x.share - y.share);
    const behaviourWeakness = gaps.length ? gaps.reduce((s, g) => s + (1 - g.share), 0) / gaps.length : 0;
    const score = weakness + 30 * behaviourWeakness + (answered.has(q.id) ? 0 : 10);
    const name = input.competencies.find((c) => c.id === q.competency)?.name ?? q.competency;
    const first = gaps[0];
    const about = first ? ` It trains ${(input.behaviourNames.get(first.b) ?? first.b).toLowerCase()}, ${first.share === 0 ? 'not shown in any answer yet' : `shown in ${Math.round(first.share * 100)}% of your answers`}.` : '';
    const why = mean === null ? `${name}: never practised.${about}` : `${name}: your recent answers average ${Math.round(mean)}/100.${about}`;
    return { q, score, why };
  });
  // Stable order: the weakest first, then the bank's order.
  scored.sort((x, y) => y.score - x.score);
  const picks: FocusPick[] = [];
  const per = new Map<string, number>();
  for (const cap of [2, Infinity]) {
    for (const s of scored) {
      if (picks.length >= n) break;
      if (picks.some((p) => p.question.id === s.q.id)) continue;
      if ((per.get(s.q.competency) ?? 0) >= cap) continue;
      per.set(s.q.competency, (per.get(s.q.competency) ?? 0) + 1);
      picks.push({ question: s.q, why: s.why });
    }
  }
  return picks;
}

/** Competencies with no answer in the history, in the rubric's order. */
export function neverPractised(competencies: CompetencyData[], practised: Iterable<string>): CompetencyData[] {
  const seen = new Set(practised);
  return competencies.filter((c) => !seen.has(c.id));
}
