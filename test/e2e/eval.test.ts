import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCoach, runCoachJson, STACK_LINE, type CoachResult } from './run-coach.js';

const LABELLED = join(FIXTURES, 'eval', 'labelled.yaml');
const MISSING = join(FIXTURES, 'eval', 'missing-label.yaml');
const LEVELS = ['low', 'medium', 'high'] as const;
const STAR = ['situation', 'task', 'action', 'result'] as const;

type Star = Record<(typeof STAR)[number], boolean>;
interface Labelled { id: string; expected: { level: (typeof LEVELS)[number]; star: Star } }

const labels = parseYaml(readFileSync(LABELLED, 'utf8')) as Labelled[];

/** Quadratic weighted kappa, computed here independently of the CLI. */
function qwk(m: number[][]): number {
  const k = m.length;
  const n = m.flat().reduce((a, b) => a + b, 0);
  const rows = m.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = m[0]!.map((_, j) => m.reduce((a, r) => a + r[j]!, 0));
  let obs = 0;
  let exp = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = (i - j) ** 2 / (k - 1) ** 2;
      obs += w * m[i]![j]!;
      exp += (w * rows[i]! * cols[j]!) / n;
    }
  }
  return exp === 0 ? 1 : 1 - obs / exp;
}

describe('coach eval', () => {
  let evalRun: CoachResult & { json: any };
  let scoreRun: CoachResult & { json: any };
  /** What `coach score` says about the same answers, by id. */
  let scored: Map<string, any>;

  beforeAll(() => {
    evalRun = runCoachJson(['eval', LABELLED, '--json']);
    scoreRun = runCoachJson(['score', LABELLED, '--json']);
    scored = new Map(scoreRun.json.results.map((r: any) => [r.id, r]));
  });

  it('the fixture is what the test thinks it is: six labelled answers, two per level', () => {
    expect(labels).toHaveLength(6);
    for (const l of LEVELS) expect(labels.filter((x) => x.expected.level === l)).toHaveLength(2);
    expect(scoreRun.code).toBe(0);
    expect(scored.size).toBe(6);
  });

  it('--json: exits 0 with n, exact, withinOne, qwk and a 3x3 confusion matrix', () => {
    expect(evalRun.code).toBe(0);
    expect(evalRun.stderr).toBe('');
    const j = evalRun.json;
    expect(j.version).toBe(1);
    expect(j.n).toBe(6);
    expect(j.errors).toEqual([]);
    expect(j.summary).toEqual({ inputs: 6, evaluated: 6, failed: 0 });
    expect(j.confusion).toHaveLength(3);
    for (const row of j.confusion) expect(row).toHaveLength(3);
    expect(j.confusion.flat().reduce((a: number, b: number) => a + b, 0)).toBe(6);
    for (const k of ['exact', 'withinOne', 'qwk']) expect(typeof j[k]).toBe('number');
    expect(j.withinOne).toBeGreaterThanOrEqual(j.exact);
  });

  it('agrees with coach score: the confusion matrix and exact agreement come from the scored levels', () => {
    const confusion = LEVELS.map(() => LEVELS.map(() => 0));
    let exact = 0;
    let withinOne = 0;
    for (const l of labels) {
      const predicted = scored.get(l.id).level as (typeof LEVELS)[number];
      const i = LEVELS.indexOf(l.expected.level);
      const j = LEVELS.indexOf(predicted);
      confusion[i]![j]!++;
      if (i === j) exact++;
      if (Math.abs(i - j) <= 1) withinOne++;
    }
    expect(evalRun.json.confusion).toEqual(confusion);
    expect(evalRun.json.exact).toBeCloseTo(exact / 6, 10);
    expect(evalRun.json.withinOne).toBeCloseTo(withinOne / 6, 10);
    expect(evalRun.json.qwk).toBeCloseTo(qwk(confusion), 10);
  });

  it('scores STAR parts against the labels: precision, recall and F1 per part', () => {
    for (const p of STAR) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const l of labels) {
        const want = l.expected.star[p];
        const got = scored.get(l.id).star[p].present as boolean;
        if (got && want) tp++;
        else if (got && !want) fp++;
        else if (!got && want) fn++;
      }
      const s = evalRun.json.star[p];
      expect(Object.keys(s)).toEqual(expect.arrayContaining(['precision', 'recall', 'f1']));
      for (const k of ['precision', 'recall', 'f1']) {
        expect(s[k], `${p}.${k}`).toBeGreaterThanOrEqual(0);
        expect(s[k], `${p}.${k}`).toBeLessThanOrEqual(1);
      }
      if (tp + fp > 0) expect(s.precision, `${p} precision`).toBeCloseTo(tp / (tp + fp), 10);
      if (tp + fn > 0) expect(s.recall, `${p} recall`).toBeCloseTo(tp / (tp + fn), 10);
      if (s.precision + s.recall > 0) expect(s.f1, `${p} f1`).toBeCloseTo((2 * s.precision * s.recall) / (s.precision + s.recall), 10);
      expect(s.support, `${p} support`).toBe(tp + fn);
    }
  });

  it('text output has the agreement, "quadratic kappa" and "Confusion matrix"', () => {
    const r = runCoach(['eval', LABELLED], { env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Agreement with the labels (6 answers)');
    expect(r.stdout).toMatch(/quadratic kappa\s+-?\d\.\d{3}/);
    expect(r.stdout).toContain('Confusion matrix');
    const kappa = Number(/quadratic kappa\s+(-?\d\.\d{3})/.exec(r.stdout)![1]);
    expect(kappa).toBeCloseTo(evalRun.json.qwk, 3);
    // One row per level, the counts as in the JSON report.
    LEVELS.forEach((l, i) => {
      const row = new RegExp(`^\\s+${l}\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*$`, 'm').exec(r.stdout);
      expect(row, l).not.toBeNull();
      expect(row!.slice(1).map(Number)).toEqual(evalRun.json.confusion[i]);
    });
    for (const p of STAR) expect(r.stdout).toMatch(new RegExp(`^\\s+${p}\\s+\\d\\.\\d{3}`, 'm'));
  });

  it('a record missing expected.level is an error (exit 2); the others are still evaluated', () => {
    const r = runCoachJson(['eval', LABELLED, MISSING, '--json'], { cwd: FIXTURES });
    expect(r.code).toBe(2);
    expect(r.json.n).toBe(7); // six from labelled.yaml + lab-ex-06
    expect(r.json.summary).toEqual({ inputs: 9, evaluated: 7, failed: 2 });
    expect(r.json.errors).toHaveLength(2);
    const [noLevel, noExpected] = r.json.errors;
    expect(noLevel).toMatchObject({ file: MISSING, line: 2, message: expect.stringMatching(/expected\.level/) });
    expect(noExpected).toMatchObject({ file: MISSING, line: 9, message: expect.stringMatching(/expected/) });
    for (const e of r.json.errors) expect(e.column).toBeGreaterThanOrEqual(1);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});
