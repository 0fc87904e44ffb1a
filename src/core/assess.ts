import type { CompiledRubric } from './compile.js';
import { chooseFeedback } from './feedback.js';
import { findIndicators } from './indicators.js';
import { decideLevel } from './level.js';
import { readQuestion } from './question.js';
import { findStar } from './star.js';
import { analyse } from './text/analyse.js';
import type { AnswerInput, Assessment, IndicatorData } from './types.js';

const indicatorMaps = new WeakMap<CompiledRubric, ReadonlyMap<string, IndicatorData>>();

/**
 * Scores one answer. Pure and deterministic: the same text and rubric always give the same
 * assessment; no I/O, no clock. Never throws on any string.
 */
export function assess(input: AnswerInput, rubric: CompiledRubric): Assessment {
  let byId = indicatorMaps.get(rubric);
  if (!byId) {
    byId = new Map(rubric.indicators.map((i) => [i.id, i]));
    indicatorMaps.set(rubric, byId);
  }
  const q = readQuestion(rubric, input.question ?? '', input.competency);
  const doc = analyse(input.answer ?? '', (tokens, first, last) => rubric.star.situation.matchRange(tokens, first, last).length > 0);
  const star = findStar(doc, rubric);
  const findings = findIndicators(doc, rubric);
  const decision = decideLevel(doc, q.kind, star, findings, byId);
  for (const f of findings) f.counted = decision.counted.has(f.id);
  const feedback = chooseFeedback(rubric, q.competency, q.kind, decision.level, star, findings, decision.counted);
  return {
    question: input.question,
    questionId: q.bank?.id ?? null,
    competency: q.competency,
    competencyInferred: q.competencyInferred,
    kind: q.kind,
    kindSource: q.kindSource,
    level: decision.level,
    score: decision.score,
    star,
    indicators: findings,
    feedback,
    reasons: decision.reasons,
  };
}
