import { describe, expect, it } from 'vitest';
import { evaluate, quadraticWeightedKappa, type LabelledOutcome } from '../../src/eval/metrics.js';
import type { Level } from '../../src/core/types.js';

const o = (id: string, expected: Level, predicted: Level, s: [boolean, boolean] = [true, true]): LabelledOutcome => ({
  id, competency: id.startsWith('a') ? 'teamwork' : 'integrity', expected, predicted,
  expectedStar: { situation: s[0] }, predictedStar: { situation: s[1], task: false, action: false, result: false },
});

describe('evaluation metrics', () => {
  it('perfect agreement gives kappa 1', () => {
    expect(quadraticWeightedKappa([[2, 0, 0], [0, 3, 0], [0, 0, 1]])).toBeCloseTo(1, 10);
  });
  it('matches a hand-computed quadratic weighted kappa', () => {
    // n=4; observed: (low,low) (low,medium) (medium,medium) (high,low).
    // Weights w = (i-j)^2/4. Observed weighted disagreement = 0.25 + 1 = 1.25.
    // Rows (expected) 2,1,1; columns (predicted) 2,2,0. Expected counts E[i][j] = r_i c_j / 4:
    // sum w*E = 0.25*(2*2/4) + 0.25*(1*2/4) + 1*(1*2/4) + 0.25*(1*2/4) = 0.25 + 0.125 + 0.5 + 0.125 = 1.0
    // kappa = 1 - 1.25 / 1.0 = -0.25
    expect(quadraticWeightedKappa([[1, 1, 0], [0, 1, 0], [1, 0, 0]])).toBeCloseTo(-0.25, 10);
  });
  it('counts exact, within one, two-off, confusion, STAR and per competency', () => {
    const r = evaluate([o('a1', 'low', 'low'), o('a2', 'medium', 'high', [true, false]), o('b1', 'high', 'low', [false, true]), o('b2', 'high', 'high')]);
    expect(r.n).toBe(4);
    expect(r.exact).toBe(0.5);
    expect(r.withinOne).toBe(0.75);
    expect(r.twoOff).toEqual([{ id: 'b1', expected: 'high', predicted: 'low' }]);
    expect(r.confusion).toEqual([[1, 0, 0], [0, 0, 1], [1, 0, 1]]);
    // situation: tp=2 (a1, b2), fn=1 (a2), fp=1 (b1)
    expect(r.star.situation!.precision).toBeCloseTo(2 / 3);
    expect(r.star.situation!.recall).toBeCloseTo(2 / 3);
    expect(r.star.situation!.f1).toBeCloseTo(2 / 3);
    expect(r.star.situation!.labelled).toBe(4);
    expect(r.byCompetency['teamwork']).toEqual({ n: 2, exact: 0.5, withinOne: 1 });
  });
  it('lists every disagreement, in input order, with the coach\'s reason', () => {
    const r = evaluate([
      { ...o('a1', 'low', 'low'), reason: 'agrees' },
      { ...o('a2', 'medium', 'high'), reason: 'two high behaviours' },
      { ...o('b1', 'high', 'low'), reason: 'no action of their own' },
    ]);
    expect(r.disagreements).toEqual([
      { id: 'a2', competency: r.disagreements[0]!.competency, expected: 'medium', predicted: 'high', off: 1, reason: 'two high behaviours' },
      { id: 'b1', competency: r.disagreements[1]!.competency, expected: 'high', predicted: 'low', off: 2, reason: 'no action of their own' },
    ]);
  });
  it('gives no STAR figures for a part no answer labels', () => {
    const r = evaluate([{ ...o('a1', 'low', 'low'), expectedStar: {} }, { ...o('a2', 'high', 'high'), expectedStar: { action: true }, predictedStar: { situation: true, task: false, action: true, result: false } }]);
    expect(r.star.situation).toBeNull();
    expect(r.star.action).toMatchObject({ precision: 1, recall: 1, labelled: 1 });
  });
});
