import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, FIXTURES, runCoach, runCoachJson, STACK_LINE } from './run-coach.js';

// The adviser's loop (issue 12): coach eval lists every disagreement and gives STAR figures only
// where STAR labels exist; coach candidates lists who is in the history; names match in any case.

const DISAGREE = join(FIXTURES, 'eval', 'disagree.yaml');

describe('coach eval on an adviser\'s labels', () => {
  // Worked out by hand: the coach scores ex-01 low, ex-02 low, ex-04 medium, ex-05 medium and
  // ex-07 high (their intended levels, held by the examples' own tests). The labels say high,
  // low, low, medium, high, so exactly dis-ex-01 (high, scored low: two apart) and dis-ex-04
  // (low, scored medium: one apart) disagree. Exact agreement 3/5, within one 4/5.
  const expected = [
    { id: 'dis-ex-01', expected: 'high', predicted: 'low', off: 2 },
    { id: 'dis-ex-04', expected: 'low', predicted: 'medium', off: 1 },
  ];

  it('--json lists exactly the disagreeing answers, each with the coach\'s reason', () => {
    const r = runCoachJson(['eval', DISAGREE, '--json']);
    expect(r.code).toBe(0);
    expect(r.json.disagreements.map((d: any) => ({ id: d.id, expected: d.expected, predicted: d.predicted, off: d.off }))).toEqual(expected);
    for (const d of r.json.disagreements) expect(d.reason.length).toBeGreaterThan(10);
    expect(r.json.exact).toBeCloseTo(3 / 5, 10);
    expect(r.json.withinOne).toBeCloseTo(4 / 5, 10);
    expect(r.json.twoOff.map((t: any) => t.id)).toEqual(['dis-ex-01']);
  });

  it('with no STAR labels, gives no STAR figures (null in JSON, a plain note in text)', () => {
    const j = runCoachJson(['eval', DISAGREE, '--json']).json;
    expect(j.star).toEqual({ situation: null, task: null, action: null, result: null });
    const t = runCoach(['eval', DISAGREE], { env: { NO_COLOR: '1' } });
    expect(t.stdout).toContain('no answer has STAR labels');
    expect(t.stdout).not.toMatch(/precision|recall/);
  });

  it('the text view lists each disagreement on its own line: id, label → coach, reason', () => {
    const t = runCoach(['eval', DISAGREE], { env: { NO_COLOR: '1' } });
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('Disagreements (2)');
    const rows = t.stdout.split('\n').filter((l) => /^ {2}dis-ex-\d\d\s/.test(l));
    expect(rows.map((l) => l.trim().split(/\s+/).slice(0, 4).join(' '))).toEqual(['dis-ex-01 high → low', 'dis-ex-04 low → medium']);
    expect(t.stdout).toMatch(/5 inputs: 5 evaluated, 0 failed/);
  });

  it('STAR figures count only the answers that label each part', () => {
    // examples/labelled.yaml labels STAR on four answers of six.
    const j = runCoachJson(['eval', join(EXAMPLES, 'labelled.yaml'), '--json']).json;
    for (const p of ['situation', 'task', 'action', 'result']) expect(j.star[p].labelled).toBe(4);
  });

  it('says "1 input", not "1 inputs"', () => {
    const t = runCoach(['eval', '-'], { stdin: readFileSync(DISAGREE, 'utf8').split('\n- id: dis-ex-02')[0]!, env: { NO_COLOR: '1' } });
    expect(t.stdout).toMatch(/^1 input: 1 evaluated, 0 failed$/m);
    expect(t.stdout).toContain('(1 answer)');
  });
});

describe('candidates', () => {
  let data: string;
  beforeAll(() => {
    data = mkdtempSync(join(tmpdir(), 'coach-candidates-'));
    expect(runCoach(['score', join(EXAMPLES, 'answers.yaml'), '--candidate', 'Sam Patel', '--data', data]).code).toBe(0);
    expect(runCoach(['score', join(EXAMPLES, 'answers.jsonl'), '--candidate', 'Alex Chen', '--data', data]).code).toBe(0);
    expect(runCoach(['score', join(EXAMPLES, 'answer.txt'), '--candidate', 'alex  chen', '--data', data]).code).toBe(0);
    const first = JSON.parse(readFileSync(join(data, 'history.jsonl'), 'utf8').split('\n').find((l) => l.includes('"type":"answer"'))!);
    appendFileSync(join(data, 'history.jsonl'), `${JSON.stringify({ v: 1, type: 'adviser', session: first.session, at: first.at, questionId: first.questionId, attempt: first.attempt, level: 'medium', comment: '', candidate: 'Sam Patel' })}\n`);
  });
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  it('coach candidates lists each candidate once (names in any case), with answers, sessions and the last session', () => {
    const j = runCoachJson(['candidates', '--json', '--data', data]).json;
    const by = Object.fromEntries(j.candidates.map((c: any) => [c.name, c]));
    expect(Object.keys(by).sort()).toEqual(['Sam Patel', 'alex chen']); // the latest spelling
    expect(by['Sam Patel']).toMatchObject({ answers: 9, sessions: 1, reviewed: 1 });
    expect(by['alex chen']).toMatchObject({ answers: 10, sessions: 2, reviewed: 0 });
    expect(j.candidates[0].name).toBe('alex chen'); // most recent first
    const t = runCoach(['candidates', '--data', data], { env: { NO_COLOR: '1' } });
    expect(t.stdout).toMatch(/^Sam Patel\s+9\s+1\s+1\s+\d{4}-\d\d-\d\d \d\d:\d\d$/m);
    expect(t.stdout).toContain('2 candidates');
  });

  it('--candidate matches without regard to case, and the report uses the history\'s spelling', () => {
    const r = runCoach(['report', '--candidate', 'sam patel', '--data', data], { env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Report: Sam Patel {2}9 answers, 1 session$/m);
    const e = runCoach(['export', '--labelled', '--candidate', 'SAM PATEL', '--data', data]);
    expect(e.code).toBe(0);
    expect(e.stdout).toContain('level: medium');
  });

  it('a name that matches nobody exits 2 with a suggestion, and no stack', () => {
    const r = runCoach(['report', '--candidate', 'sam patl', '--data', data]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/candidate "sam patl" not found .*did you mean "Sam Patel"\?/);
    expect(r.stderr).not.toMatch(STACK_LINE);
    const far = runCoach(['export', '--labelled', '--candidate', 'Zebedee', '--data', data]);
    expect(far.code).toBe(2);
    expect(far.stderr).toMatch(/candidate "Zebedee" not found .*candidates: "alex chen", "Sam Patel"/);
  });

  it('an empty history has no candidates', () => {
    const empty = mkdtempSync(join(tmpdir(), 'coach-candidates-empty-'));
    const r = runCoach(['candidates', '--data', empty], { env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No candidates yet');
    rmSync(empty, { recursive: true, force: true });
  });
});
