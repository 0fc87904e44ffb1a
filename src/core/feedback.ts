import type { CompiledRubric } from './compile.js';
import type { Doc } from './text/analyse.js';
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
  doc: Doc | null = null,
): FeedbackItem[] {
  const items: FeedbackItem[] = [];
  const byId = rubric.indicatorById;
  for (const f of findings) {
    if (items.length >= MAX_ITEMS) break;
    if (f.warning && counted.has(f.id)) {
      const ind = byId.get(f.id)!;
      items.push({ indicator: f.id, name: ind.name, target: level === 'low' ? 'medium' : 'high', message: pointAt(doc, f) + ind.feedback, source: ind.source });
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
  // Never ask for a behaviour the answer already shows, through this indicator or another of it.
  const shownBehaviours = new Set([...counted].map((id) => byId.get(id)?.behaviour));
  const pool = candidates(rubric, competency, target).filter((ind) => !counted.has(ind.id) && !shownBehaviours.has(ind.behaviour));
  // First what the answer reached for but did not show (named, negated, or done by someone else),
  // quoting it; then the rest, in an order that varies with the answer, so that answers missing
  // the same things do not all get the same three steps.
  const reached = pool.filter((ind) => found.has(ind.id));
  // Towards medium, fixing the problem comes before the supporting behaviours (an apology, listening).
  const h = pool.length > 0 ? wordsHash(doc?.text ?? '') : 0;
  const turned = (list: IndicatorData[]): IndicatorData[] => {
    const turn = list.length > 0 ? h % list.length : 0;
    return [...list.slice(turn), ...list.slice(0, turn)];
  };
  const rest = pool.filter((ind) => !found.has(ind.id));
  const ordered = [...reached, ...turned(rest.filter((ind) => !ind.supporting)), ...turned(rest.filter((ind) => ind.supporting))];
  for (const ind of ordered) {
    if (items.length >= MAX_ITEMS) break;
    const f = found.get(ind.id);
    items.push({ indicator: ind.id, name: ind.name, target: ind.level, message: (f ? pointAt(doc, f) : '') + ind.feedback, source: ind.source });
  }
  return items;
}

/** The candidate's own words that a next step answers: the clause the evidence sits in. */
function pointAt(doc: Doc | null, f: IndicatorFinding): string {
  const e = f.evidence.find((x) => x.shown === 'stated' || x.shown === 'action' || x.shown === 'step') ?? f.evidence[0];
  if (!e || !doc) return '';
  let text = e.text;
  const ci = doc.clauses.findIndex((c) => doc.tokens[c.first]!.start <= e.start && e.start < doc.tokens[c.last - 1]!.end);
  if (ci >= 0) {
    const c = doc.clauses[ci]!;
    text = doc.text.slice(doc.tokens[c.first]!.start, doc.tokens[c.last - 1]!.end).replace(/^[\s,;:.\-"'“”]+|[\s,;:.\-"'“”]+$/g, '');
  }
  text = text.replace(/\s+/g, ' ');
  const quote = text.length > 70 ? `${text.slice(0, 67)}...` : text;
  switch (f.warning ? 'warning' : e.shown) {
    case 'warning': return `You wrote "${quote}". `;
    case 'named': return `You wrote "${quote}", which names it without showing it. `;
    case 'negated': return `You wrote "${quote}". `;
    default: return '';
  }
}

/**
 * A small deterministic hash (FNV-1a) of a text's letters and digits, lower-cased: the same words
 * however they are spaced, wrapped or punctuated (a typed answer and its transcript, a pasted
 * answer with its line breaks) give the same next steps in the same order.
 */
function wordsHash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 128) {
      if (c >= 65 && c <= 90) c += 32;
      else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) continue;
    } else if (c === 0x2019 || c === 0x2018 || c === 0x201c || c === 0x201d || c === 0x2014 || c === 0x2013 || c === 0xa0) continue;
    h = Math.imul(h ^ c, 16777619);
  }
  return h >>> 0;
}
