import { LEVELS, STAR_PARTS, type Level, type StarPartName } from '../core/types.js';

export interface LabelledOutcome {
  id: string;
  competency: string;
  expected: Level;
  predicted: Level;
  expectedStar: Partial<Record<StarPartName, boolean>>;
  predictedStar: Record<StarPartName, boolean>;
  /** The coach's reason for its level, in one line. */
  reason?: string;
}

export interface PartScore {
  precision: number;
  recall: number;
  f1: number;
  /** Answers labelled as showing the part. */
  support: number;
  /** Answers whose label says whether the part is there or not. */
  labelled: number;
}

/** An answer the coach and the label put at different levels. */
export interface Disagreement {
  id: string;
  competency: string;
  expected: Level;
  predicted: Level;
  /** Levels apart: 1 or 2. */
  off: number;
  reason: string;
}

export interface EvalReport {
  n: number;
  /** confusion[expected][predicted], in LEVELS order. */
  confusion: number[][];
  exact: number;
  withinOne: number;
  qwk: number;
  /** Per STAR part, over the answers that label it; null when none does (no figure to give). */
  star: Record<StarPartName, PartScore | null>;
  /** Every answer where the coach's level differs from the label, in input order. */
  disagreements: Disagreement[];
  byCompetency: Record<string, { n: number; exact: number; withinOne: number }>;
  twoOff: Array<{ id: string; expected: Level; predicted: Level }>;
}

const idx = (l: Level): number => LEVELS.indexOf(l);

/** Cohen's kappa with quadratic weights, for ordinal labels (1 = perfect agreement, 0 = chance). */
export function quadraticWeightedKappa(confusion: number[][]): number {
  const k = confusion.length;
  const n = confusion.flat().reduce((a, b) => a + b, 0);
  if (n === 0) return 0;
  const rows = confusion.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = confusion[0]!.map((_, j) => confusion.reduce((a, r) => a + r[j]!, 0));
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = ((i - j) * (i - j)) / ((k - 1) * (k - 1));
      observed += w * confusion[i]![j]!;
      expected += w * (rows[i]! * cols[j]!) / n;
    }
  }
  return expected === 0 ? 1 : 1 - observed / expected;
}

function partScore(tp: number, fp: number, fn: number, labelled: number): PartScore | null {
  if (labelled === 0) return null;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support: tp + fn, labelled };
}

export function evaluate(outcomes: LabelledOutcome[]): EvalReport {
  const confusion = LEVELS.map(() => LEVELS.map(() => 0));
  const byCompetency: EvalReport['byCompetency'] = {};
  const twoOff: EvalReport['twoOff'] = [];
  const disagreements: Disagreement[] = [];
  let exact = 0;
  let withinOne = 0;
  const counts = Object.fromEntries(STAR_PARTS.map((p) => [p, { tp: 0, fp: 0, fn: 0, labelled: 0 }])) as Record<StarPartName, { tp: number; fp: number; fn: number; labelled: number }>;
  for (const o of outcomes) {
    const d = Math.abs(idx(o.expected) - idx(o.predicted));
    confusion[idx(o.expected)]![idx(o.predicted)]!++;
    if (d === 0) exact++;
    if (d <= 1) withinOne++;
    if (d >= 2) twoOff.push({ id: o.id, expected: o.expected, predicted: o.predicted });
    if (d > 0) disagreements.push({ id: o.id, competency: o.competency, expected: o.expected, predicted: o.predicted, off: d, reason: o.reason ?? '' });
    const c = (byCompetency[o.competency] ??= { n: 0, exact: 0, withinOne: 0 });
    c.n++;
    if (d === 0) c.exact++;
    if (d <= 1) c.withinOne++;
    for (const p of STAR_PARTS) {
      const want = o.expectedStar[p];
      if (want === undefined) continue;
      counts[p].labelled++;
      const got = o.predictedStar[p];
      if (got && want) counts[p].tp++;
      else if (got && !want) counts[p].fp++;
      else if (!got && want) counts[p].fn++;
    }
  }
  const n = outcomes.length;
  for (const c of Object.values(byCompetency)) {
    c.exact = c.exact / c.n;
    c.withinOne = c.withinOne / c.n;
  }
  return {
    n,
    confusion,
    exact: n ? exact / n : 0,
    withinOne: n ? withinOne / n : 0,
    qwk: quadraticWeightedKappa(confusion),
    star: Object.fromEntries(STAR_PARTS.map((p) => [p, partScore(counts[p].tp, counts[p].fp, counts[p].fn, counts[p].labelled)])) as Record<StarPartName, PartScore | null>,
    disagreements,
    byCompetency,
    twoOff,
  };
}
