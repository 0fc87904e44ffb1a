import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO, runCoach, runCoachJson, STACK_LINE, type CoachResult } from './run-coach.js';

const COMPETENCIES = ['customer-focus', 'problem-solving', 'adding-value', 'relationships', 'communication', 'teamwork', 'integrity', 'service-culture'];
const USER_BANK = join(FIXTURES, 'user-bank');

describe('coach bank list', () => {
  let all: CoachResult & { json: any };
  beforeAll(() => {
    all = runCoachJson(['bank', 'list', '--json']);
  });

  it('--json lists at least 48 questions, at least 6 for each of the 8 competencies', () => {
    expect(all.code).toBe(0);
    expect(all.json.version).toBe(1);
    const qs = all.json.questions as Array<{ id: string; competency: string; kind: string; text: string; guidance: string }>;
    expect(qs.length).toBeGreaterThanOrEqual(48);
    for (const c of COMPETENCIES) expect(qs.filter((q) => q.competency === c).length, c).toBeGreaterThanOrEqual(6);
    expect(new Set(qs.map((q) => q.competency))).toEqual(new Set(COMPETENCIES));
    expect(new Set(qs.map((q) => q.id)).size).toBe(qs.length);
    for (const q of qs) {
      expect(['behavioural', 'situational', 'opinion']).toContain(q.kind);
      expect(q.text.length).toBeGreaterThan(10);
      expect(q.guidance.length).toBeGreaterThan(10);
    }
  });

  it('text: one entry per question and a count that matches --json', () => {
    const r = runCoach(['bank', 'list'], { env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    const n = all.json.questions.length;
    expect(r.stdout).toMatch(new RegExp(`\\n${n} questions\\n$`));
    // Each question starts a line with its id (wrapped continuation lines are indented).
    const idLines = r.stdout.split('\n').filter((l) => /^[a-z]+(-[a-z]+)*-\d{2}\s/.test(l));
    expect(idLines).toHaveLength(n);
    expect(idLines[0]).toMatch(/^\S+\s+(behavioural|situational|opinion)\s+\S/);
  });

  it('--competency teamwork --json lists only teamwork questions', () => {
    const r = runCoachJson(['bank', 'list', '--competency', 'teamwork', '--json']);
    expect(r.code).toBe(0);
    const qs = r.json.questions as Array<{ competency: string }>;
    expect(qs.length).toBeGreaterThanOrEqual(6);
    expect(qs.every((q) => q.competency === 'teamwork')).toBe(true);
    expect(qs.length).toBe(all.json.questions.filter((q: any) => q.competency === 'teamwork').length);
  });

  it('--rubrics DIR with questions/my.yaml adds the user questions', () => {
    const r = runCoachJson(['bank', 'list', '--rubrics', USER_BANK, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const ids = r.json.questions.map((q: any) => q.id);
    expect(ids.length).toBe(all.json.questions.length + 2);
    expect(ids).toEqual(expect.arrayContaining(['my-retail-01', 'my-retail-02']));
    expect(r.json.questions.find((q: any) => q.id === 'my-retail-02')).toMatchObject({ competency: 'integrity', kind: 'situational' });
  });
});

describe('coach bank show', () => {
  it('shows a question with its guidance', () => {
    const r = runCoach(['bank', 'show', 'customer-focus-01'], { env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    const q = runCoachJson(['bank', 'list', '--competency', 'customer-focus', '--json']).json.questions.find((x: any) => x.id === 'customer-focus-01');
    expect(r.stdout).toMatch(/^customer-focus-01 {2}customer-focus · behavioural\n/);
    const flat = r.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain(q.text);
    expect(flat).toContain(q.guidance);
  });

  it('an unknown id exits 2 with a one-line message and no stack', () => {
    const r = runCoach(['bank', 'show', 'nope'], { env: { NO_COLOR: '1' } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^coach: .*"nope"/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});

describe('coach bank validate', () => {
  it('the bundled rubric: exit 0 and, with stdout piped, nothing on stdout', () => {
    const r = runCoach(['bank', 'validate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
  });

  it('a user questions folder that extends the bundled rubric is valid', () => {
    const r = runCoachJson(['bank', 'validate', USER_BANK, '--json']);
    expect(r.code).toBe(0);
    expect(r.json.problems).toEqual([]);
    expect(r.json.files).toBeGreaterThanOrEqual(1);
  });
});

describe('a broken copy of the rubric', () => {
  let dir: string;
  /** Where each planted problem is expected: file (relative to dir), line, column. */
  const at: Record<string, { file: string; line: number; column: number }> = {};
  let validate: CoachResult;

  function append(rel: string, text: string): number {
    const path = join(dir, rel);
    let before = readFileSync(path, 'utf8');
    if (!before.endsWith('\n')) {
      appendFileSync(path, '\n');
      before += '\n';
    }
    appendFileSync(path, text);
    return before.split('\n').length; // the first appended line
  }

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'coach-e2e-rubric-'));
    cpSync(join(REPO, 'rubrics'), dir, { recursive: true });

    const source = (readFileSync(join(REPO, 'rubrics', 'sources.yaml'), 'utf8').match(/file:\s*(\S+\.txt)/) ?? [])[1]!;
    const indicator = (id: string, level: string, competencies: string, cues: string): string => [
      `- id: ${id}`,
      `  level: ${level}`,
      `  name: Planted by the e2e tests`,
      `  competencies: ${competencies}`,
      `  evidence: action`,
      `  cues: ${cues}`,
      `  source:`,
      `    file: ${source}`,
      `    quote: A quote.`,
      `  feedback: Some feedback.`,
      '',
    ].join('\n');

    // Three broken indicators at the end of indicators/high.yaml.
    const first = append('indicators/high.yaml',
      indicator('e2e-unknown-competency', 'high', '[customer-focus, no-such-competency]', '[zebra crossing]')
      + indicator('e2e-empty-cues', 'high', '[all]', '[]')
      + indicator('e2e-bad-level', 'extreme', '[all]', '[zebra crossing]'));
    at['unknown competency'] = { file: 'indicators/high.yaml', line: first + 3, column: '  competencies: [customer-focus, '.length + 1 };
    at['empty cues'] = { file: 'indicators/high.yaml', line: first + 10 + 5, column: '  cues: '.length + 1 };
    at['bad level'] = { file: 'indicators/high.yaml', line: first + 20 + 1, column: '  level: '.length + 1 };

    // A second question with an existing id.
    const dup = append('questions/teamwork.yaml', [
      '- id: teamwork-01',
      '  competency: teamwork',
      '  kind: behavioural',
      '  text: Tell me about a time you and a colleague disagreed about how to help a customer.',
      '  guidance: A high answer shows you listening to the colleague and agreeing what was best for the customer.',
      '',
    ].join('\n'));
    at['duplicate id'] = { file: 'questions/teamwork.yaml', line: dup, column: 3 };

    // A YAML syntax error in another file (line 4: a plain scalar with ": " in it).
    writeFileSync(join(dir, 'questions', 'zz-broken.yaml'), [
      '- id: zz-broken-01',
      '  competency: teamwork',
      '  kind: behavioural',
      '  text: Tell me: about a time',
      '  guidance: Anything.',
      '',
    ].join('\n'));
    at['syntax error'] = { file: 'questions/zz-broken.yaml', line: 4, column: '  text: '.length + 1 };

    validate = runCoach(['bank', 'validate', dir], { env: { NO_COLOR: '1' } });
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const where = (key: string): string => `${join(dir, at[key]!.file)}:${at[key]!.line}:${at[key]!.column}: `;
  const problemLines = (out: string): string[] => out.split('\n').filter((l) => l.startsWith(dir));

  it('bank validate DIR exits 1 and prints each problem as path:line:col: message', () => {
    expect(validate.code).toBe(1);
    const lines = problemLines(validate.stdout);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const l of validate.stdout.trimEnd().split('\n')) expect(l).toMatch(/^\/\S+\.yaml:\d+:\d+: \S.*$/);
    expect(validate.stderr).toMatch(/\d+ problems? in \d+ files/);
    expect(validate.stdout + validate.stderr).not.toMatch(STACK_LINE);
  });

  it('locates the duplicate question id and the YAML syntax error exactly', () => {
    const out = validate.stdout;
    expect(out).toContain(`${where('duplicate id')}duplicate question id "teamwork-01"`);
    expect(out).toMatch(new RegExp(`${where('syntax error').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}.*syntax error`, 'i'));
  });

  it('reports the unknown competency, the empty cue list and the bad level, each on its own line', () => {
    const out = validate.stdout;
    expect(out).toContain(`${where('unknown competency')}unknown competency "no-such-competency"`);
    const cues = problemLines(out).find((l) => l.startsWith(where('empty cues')));
    expect(cues, out).toMatch(/cue/);
    const level = problemLines(out).find((l) => l.startsWith(where('bad level')));
    expect(level, out).toMatch(/level/);
  });

  it('score --rubrics BROKEN_DIR exits 2 with the same problems, and scores nothing', () => {
    const r = runCoach(['score', join(REPO, 'examples', 'answers.yaml'), '--rubrics', dir, '--json'], { env: { NO_COLOR: '1' } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    for (const key of Object.keys(at)) expect(r.stderr, key).toContain(where(key));
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});
