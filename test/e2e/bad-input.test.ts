import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCoach, runCoachJson, STACK_LINE, type CoachResult } from './run-coach.js';

/*
 * fixtures/bad-inputs holds, read in this order (the folder is walked sorted):
 *   broken.yaml   a YAML syntax error on line 5 ("question: Why: because ...", column 13): the file is rejected
 *   good.yaml     two good answers (good-high at line 2, good-low at line 6)
 *   lines.jsonl   good, bad JSON (line 2), good, blank, no answer (line 5), good (line 6)
 *   records.yaml  good (line 1), unknown competency (line 5), no answer (line 9), good (line 12)
 *   rows.csv      header, good, row missing the answer column (line 3), malformed quoting (line 4),
 *                 a good answer spanning lines 5-6, good (line 7)
 */
const DIR = 'bad-inputs';
const GOOD_IDS = ['good-high', 'good-low', 'jl-good-1', 'jl-good-2', 'jl-good-3', 'rec-good', 'rec-good-2', 'csv-good-1', 'csv-good-2', 'csv-good-3'];
const BAD_IDS = ['broken-1', 'broken-2', 'jl-bad-json', 'jl-no-answer', 'rec-unknown-competency', 'rec-no-answer', 'csv-no-answer-col', 'csv-bad-quote'];

interface InputError { file: string; line: number; column: number; message: string }

describe('coach score on a folder with bad inputs --json', () => {
  let run: CoachResult & { json: any };
  let errors: InputError[];
  const errorsIn = (name: string): InputError[] => errors.filter((e) => e.file === `${DIR}/${name}`);

  beforeAll(() => {
    run = runCoachJson(['score', DIR, '--json'], { cwd: FIXTURES });
    errors = run.json.errors;
  });

  it('exits 2, prints JSON on stdout and nothing (no stack) on stderr', () => {
    expect(run.code).toBe(2);
    expect(run.json.version).toBe(1);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stderr).not.toContain('internal error');
  });

  it('locates every error: file, line, column and message', () => {
    expect(errors.length).toBeGreaterThanOrEqual(7);
    for (const e of errors) {
      expect(Object.keys(e).sort()).toEqual(['column', 'file', 'line', 'message']);
      expect(e.file).toMatch(/^bad-inputs\/(broken\.yaml|lines\.jsonl|records\.yaml|rows\.csv)$/);
      expect(Number.isInteger(e.line) && e.line >= 1).toBe(true);
      expect(Number.isInteger(e.column) && e.column >= 1).toBe(true);
      expect(e.message.length).toBeGreaterThan(5);
      expect(e.message).not.toMatch(STACK_LINE);
    }
    expect(errorsIn('good.yaml')).toEqual([]);
  });

  it('reports the YAML syntax error where it is', () => {
    expect(errorsIn('broken.yaml')).toEqual([
      expect.objectContaining({ line: 5, column: 13, message: expect.stringMatching(/syntax error/i) }),
    ]);
  });

  it('reports the bad JSONL lines by line number and still reads the good ones', () => {
    const jl = errorsIn('lines.jsonl');
    expect(jl.map((e) => e.line)).toEqual([2, 5]);
    expect(jl[0]!.message).toMatch(/invalid JSON/);
    expect(jl[0]!.column).toBe(93); // where JSON.parse stopped: after the unterminated object
    expect(jl[1]!.message).toMatch(/answer/);
  });

  it('reports the unknown competency and the missing answer in the YAML records', () => {
    const rec = errorsIn('records.yaml');
    expect(rec).toHaveLength(2);
    const unknown = rec.find((e) => /unknown competency "juggling"/.test(e.message));
    const noAnswer = rec.find((e) => /answer/.test(e.message) && !/juggling/.test(e.message));
    expect(unknown?.line).toBe(5);
    expect(noAnswer?.line).toBe(9);
    expect(noAnswer?.column).toBe(3);
  });

  it('reports the bad CSV rows on their lines (3: missing answer column, 4: malformed quoting)', () => {
    const csv = errorsIn('rows.csv');
    const lines = [...new Set(csv.map((e) => e.line))].sort((a, b) => a - b);
    expect(lines).toEqual([3, 4]);
    expect(csv.find((e) => e.line === 3)!.message).toMatch(/bad CSV row/);
    expect(csv.filter((e) => e.line === 4).some((e) => /quote/i.test(e.message))).toBe(true);
  });

  it('still scores the good records of every file, and only them', () => {
    const ids = run.json.results.map((r: any) => r.id);
    expect([...ids].sort()).toEqual([...GOOD_IDS].sort());
    for (const bad of BAD_IDS) expect(ids).not.toContain(bad);
    const where = Object.fromEntries(run.json.results.map((r: any) => [r.id, `${r.source.file}:${r.source.line}`]));
    expect(where['good-low']).toBe('bad-inputs/good.yaml:6');
    expect(where['jl-good-3']).toBe('bad-inputs/lines.jsonl:6');
    expect(where['rec-good-2']).toBe('bad-inputs/records.yaml:12');
    expect(where['csv-good-3']).toBe('bad-inputs/rows.csv:7');
  });

  it('keeps the summary honest: inputs = scored + failed', () => {
    const s = run.json.summary;
    expect(s.scored).toBe(run.json.results.length);
    expect(s.failed).toBe(errors.length);
    expect(s.inputs).toBe(s.scored + s.failed);
    expect(s.levels.low + s.levels.medium + s.levels.high).toBe(s.scored);
  });
});

describe('coach score on a folder with bad inputs (text)', () => {
  let run: CoachResult;
  beforeAll(() => {
    run = runCoach(['score', DIR], { cwd: FIXTURES, env: { NO_COLOR: '1' } });
  });

  it('exits 2, scores the good records on stdout and reports each error on stderr as file:line:column: message', () => {
    expect(run.code).toBe(2);
    for (const id of GOOD_IDS) expect(run.stdout).toMatch(new RegExp(`^${id} {2}(LOW|MEDIUM|HIGH) \\d+/100`, 'm'));
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(7);
    for (const l of lines) expect(l).toMatch(/^(error )?bad-inputs\/[\w.-]+:\d+:\d+: \S.*$/);
    expect(run.stderr).toMatch(/^(error )?bad-inputs\/broken\.yaml:5:13: .*syntax error/im);
    expect(run.stderr).toMatch(/^(error )?bad-inputs\/lines\.jsonl:2:\d+: invalid JSON/m);
    expect(run.stderr).toMatch(/^(error )?bad-inputs\/records\.yaml:5:\d+: unknown competency "juggling"/m);
    expect(run.stderr).toMatch(/^(error )?bad-inputs\/records\.yaml:9:\d+: .*answer/m);
    expect(run.stdout).toMatch(/\d+ inputs: 10 scored, \d+ failed/);
  });

  it('has no stack trace anywhere', () => {
    expect(run.stdout).not.toMatch(STACK_LINE);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});

describe('CSV rows after a stray quote', () => {
  it('are still scored, and a multi-line record is located at its first line', () => {
    const csv = 'id,question,competency,answer\n'
      + 'a,Tell me about a time you helped a customer.,customer-focus,She said "thanks" and left.\n'
      + 'b,Tell me about a time you helped a customer.,customer-focus,"I asked what she needed,\nthen I gave her two options."\n'
      + 'c,Tell me about a time you helped a customer.,customer-focus,I asked what she needed.\n';
    const run = runCoachJson(['score', '-', '--json'], { stdin: csv });
    expect(run.code).toBe(0);
    const where = Object.fromEntries(run.json.results.map((r: any) => [r.id, r.source.line]));
    expect(where).toEqual({ a: 2, b: 3, c: 5 });
    expect(run.json.summary.inputs).toBe(3);
  });
});
