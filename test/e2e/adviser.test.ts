import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryStore, type AnswerRecord } from '../../src/io/history.js';
import { EXAMPLES, runCoach, runCoachJson } from './run-coach.js';

// The adviser checks the coach before trusting it: answers filed under a candidate, the
// adviser's own levels recorded beside the coach's, exported as labels, and measured by eval.
describe('coach export --labelled, then coach eval', () => {
  const data = mkdtempSync(join(tmpdir(), 'coach-adviser-'));
  const labelled = join(data, 'mine.yaml');
  // The coach scores ex-01..03 low, ex-04..06 medium, ex-07..09 high; the adviser disagrees on three.
  const adviser: Record<string, 'low' | 'medium' | 'high'> = {
    'ex-01': 'low', 'ex-02': 'medium', 'ex-03': 'low',
    'ex-04': 'medium', 'ex-05': 'high', 'ex-06': 'medium',
    'ex-07': 'high', 'ex-08': 'medium', 'ex-09': 'high',
  };

  it('files scored answers under the candidate', () => {
    const r = runCoach(['score', join(EXAMPLES, 'answers.yaml'), '--candidate', 'Sam Patel', '--data', data, '--json']);
    expect(r.code).toBe(0);
    const store = new HistoryStore(data);
    const answers = store.read().records.filter((x): x is AnswerRecord => x.type === 'answer');
    expect(answers).toHaveLength(9);
    expect(answers.every((a) => a.candidate === 'Sam Patel' && a.mode === 'batch')).toBe(true);
    // the adviser's view, as `coach practice --adviser` records it: beside the coach's
    const scored = runCoachJson(['score', join(EXAMPLES, 'answers.yaml'), '--json']).json.results as Array<{ id: string; answer?: string; questionId: string }>;
    answers.forEach((a, i) => {
      const id = scored[i]!.id;
      store.append({ v: 1, type: 'adviser', session: a.session, at: a.at, questionId: a.questionId, attempt: a.attempt, level: adviser[id]!, comment: `comment on ${id}`, candidate: 'Sam Patel' });
    });
  });

  it('exports the adviser levels as labels, keeping the comment beside them', () => {
    const r = runCoach(['export', '--labelled', '--data', data, '-o', labelled]);
    expect(r.code).toBe(0);
    const text = readFileSync(labelled, 'utf8');
    expect(text.match(/^- id: /gm)).toHaveLength(9);
    expect(text).toContain('adviser_comment: comment on ex-05');
    expect(text).toMatch(/expected:\n\s+level: high/);
  });

  it('eval measures agreement with the adviser, matching the hand-computed figures', () => {
    const r = runCoachJson(['eval', labelled, '--json']);
    expect(r.code).toBe(0);
    const e = r.json;
    // rows: adviser (expected); columns: coach (scored)
    expect(e.confusion).toEqual([[2, 0, 0], [1, 2, 1], [0, 1, 2]]);
    expect(e.exact).toBeCloseTo(6 / 9, 10);
    expect(e.withinOne).toBe(1);
    // Quadratic weights (i-j)^2/4. Observed weighted disagreement: three cells one apart = 0.75.
    // Chance: rows 2,4,3 and columns 3,3,3 over 9 give 2.75. Kappa = 1 - 0.75 / 2.75.
    expect(e.qwk).toBeCloseTo(1 - 0.75 / 2.75, 10);
    expect(e.twoOff).toEqual([]);
  });

  it('the candidate report carries the adviser comments', () => {
    const r = runCoachJson(['report', '--candidate', 'Sam Patel', '--data', data, '--format', 'json']);
    expect(r.code).toBe(0);
    const comments = r.json.competencies.flatMap((c: any) => c.adviser.map((a: any) => a.comment));
    expect(comments).toHaveLength(9);
    expect(comments).toContain('comment on ex-08');
  });
});
