import type { CompiledRubric } from './compile.js';
import type { FeedbackItem, IndicatorData, IndicatorFinding, Level, QuestionKind, StarPartName, StarPartResult } from './types.js';

const MAX_ITEMS = 3;

const candidateMemo = new WeakMap<CompiledRubric, Map<string, IndicatorData[]>>();

/** A competency's indicators of one level, in rubric order (computed once per rubric). */
function candidates(rubric: CompiledRubric, competency: string, target: Level): IndicatorData[] {
  let memo = candidateMemo.get(rubric);
  if (!memo) candidateMemo.set(rubric, (memo = new Map()));
  const key = `${competency}\u0000${target}`;
  let list = memo.get(key);
  if (!list) {
    list = (rubric.indicatorsByCompetency.get(competency) ?? []).map((i) => rubric.indicators[i]!).filter((ind) => !ind.warning && ind.level === target);
    memo.set(key, list);
  }
  return list;
}

/**
 * The two or three most useful next steps towards the next level: first drop what pulls the answer
 * down, then fill the structure a behavioural answer needs, then the indicators of the next level
 * that the competency values, preferring those the answer named or negated without showing.
 */
export function chooseFeedback(
  rubric: CompiledRubric,
  competency: string,
  kind: QuestionKind,
  level: Level,
  star: Record<StarPartName, StarPartResult>,
  findings: IndicatorFinding[],
  counted: ReadonlySet<string>,
): FeedbackItem[] {
  const items: FeedbackItem[] = [];
  const byId = rubric.indicatorById;
  for (const f of findings) {
    if (items.length >= MAX_ITEMS) break;
    if (f.warning && counted.has(f.id)) {
      const ind = byId.get(f.id)!;
      items.push({ indicator: f.id, name: ind.name, target: level === 'low' ? 'medium' : 'high', message: ind.feedback, source: ind.source });
    }
  }
  if (kind === 'behavioural') {
    for (const p of ['action', 'result', 'situation'] as const) {
      if (items.length >= MAX_ITEMS - 1) break;
      if (!star[p].present && (p !== 'result' || level !== 'low' || star.action.present)) {
        const s = rubric.starParts[p];
        items.push({ indicator: `star.${p}`, name: `STAR ${p}`, target: p === 'result' ? 'high' : 'medium', message: s.feedback, source: s.source });
      }
    }
  }
  if (level === 'high' && items.length > 0) return items.slice(0, MAX_ITEMS);
  const target: Level = level === 'low' ? 'medium' : 'high';
  const found = new Map(findings.map((f) => [f.id, f]));
  const pool = candidates(rubric, competency, target).filter((ind) => !counted.has(ind.id));
  // Prefer what the answer reached for but did not show (named, negated, or done by someone else).
  pool.sort((a, b) => Number(found.has(b.id)) - Number(found.has(a.id)));
  for (const ind of pool) {
    if (items.length >= MAX_ITEMS) break;
    items.push({ indicator: ind.id, name: ind.name, target: ind.level, message: ind.feedback, source: ind.source });
  }
  return items;
}
