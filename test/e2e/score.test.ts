import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANSI, EXAMPLES, runCoach, runCoachJson, STACK_LINE, type CoachResult } from './run-coach.js';

const YAML_FILE = join(EXAMPLES, 'answers.yaml');
const CSV_FILE = join(EXAMPLES, 'answers.csv');
const JSONL_FILE = join(EXAMPLES, 'answers.jsonl');
const TXT_FILE = join(EXAMPLES, 'answer.txt');
const TXT_QUESTION = 'Tell me about a time you found out what a customer really needed.';
/** examples/answer.txt names its question in front matter; the same answer without it. */
const TXT_BODY = readFileSync(TXT_FILE, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
const PLAIN_TXT = join(mkdtempSync(join(tmpdir(), 'coach-score-txt-')), 'answer.txt');
writeFileSync(PLAIN_TXT, TXT_BODY);

const SOURCE_FILE = /^\d{3}_[0-9a-f]{16}\.txt$/;
const STAR = ['situation', 'task', 'action', 'result'] as const;
const LEVELS = ['low', 'medium', 'high'] as const;

interface Span { start: number; end: number; text: string }

/** The answers as written in examples/answers.yaml, by id: what the evidence offsets refer to. */
const inputAnswers = new Map<string, { question: string; competency: string; answer: string }>(
  (parseYaml(readFileSync(YAML_FILE, 'utf8')) as Array<{ id: string; question: string; competency: string; answer: string }>).map((a) => [a.id, a]),
);

/** The intended level of each example: ex-01..03 low, ex-04..06 medium, ex-07..09 high. */
function intended(id: string): string {
  const n = Number(/^ex-0(\d)$/.exec(id)![1]);
  return n <= 3 ? 'low' : n <= 6 ? 'medium' : 'high';
}

function expectSpanOf(answer: string, span: Span): void {
  expect(Number.isInteger(span.start) && Number.isInteger(span.end)).toBe(true);
  expect(span.start).toBeGreaterThanOrEqual(0);
  expect(span.end).toBeGreaterThan(span.start);
  expect(span.end).toBeLessThanOrEqual(answer.length);
  expect(span.text).toBe(answer.slice(span.start, span.end));
}

let referenceRun: (CoachResult & { json: any }) | undefined;
/** `coach score examples/answers.yaml --json`, run once: the reference the other formats must agree with. */
function reference(): CoachResult & { json: any } {
  referenceRun ??= runCoachJson(['score', YAML_FILE, '--json']);
  return referenceRun;
}
/** Level per id in the reference run. */
const referenceLevels = (): Record<string, string> => Object.fromEntries(reference().json.results.map((r: any) => [r.id, r.level]));
const levelsOf = (results: any[]): Record<string, string> => Object.fromEntries(results.map((r: any) => [r.id, r.level]));

describe('coach score examples/answers.yaml --json (the JSON contract)', () => {
  let run: CoachResult & { json: any };
  beforeAll(() => {
    run = reference();
  });

  it('exits 0 with nothing on stderr', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('has version 1, nine results and a consistent summary', () => {
    const { json } = run;
    expect(json.version).toBe(1);
    expect(json.results).toHaveLength(9);
    expect(json.errors).toEqual([]);
    expect(json.summary).toMatchObject({ inputs: 9, scored: 9, failed: 0 });
    expect(json.summary.inputs).toBe(json.summary.scored + json.summary.failed);
    const counted = { low: 0, medium: 0, high: 0 } as Record<string, number>;
    for (const r of json.results) counted[r.level] = (counted[r.level] ?? 0) + 1;
    expect(json.summary.levels).toEqual(counted);
    const mean = json.results.reduce((a: number, r: any) => a + r.score, 0) / 9;
    expect(json.summary.meanScore).toBeCloseTo(mean, 0);
    expect(json.results.map((r: any) => r.id)).toEqual([...inputAnswers.keys()]);
  });

  it('scores each example at its intended level: 3 low, 3 medium, 3 high', () => {
    expect(run.json.summary.levels).toEqual({ low: 3, medium: 3, high: 3 });
    for (const r of run.json.results) expect(r.level, `${r.id} (score ${r.score})`).toBe(intended(r.id));
  });

  it('gives each result id, question, competency, level and a 0-100 score', () => {
    for (const r of run.json.results) {
      const input = inputAnswers.get(r.id)!;
      expect(r.question).toBe(input.question);
      expect(r.competency).toBe(input.competency);
      expect(LEVELS).toContain(r.level);
      expect(Number.isInteger(r.score)).toBe(true);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
      expect(r.source.line).toBeGreaterThanOrEqual(1);
      // The documented bands: low 0-39, medium 40-69, high 70-100.
      expect(r.score < 40 ? 'low' : r.score < 70 ? 'medium' : 'high', `${r.id} score ${r.score}`).toBe(r.level);
    }
    // Higher levels score higher on these examples.
    const byLevel = (l: string) => run.json.results.filter((r: any) => r.level === l).map((r: any) => r.score as number);
    expect(Math.max(...byLevel('low'))).toBeLessThan(Math.min(...byLevel('medium')));
    expect(Math.max(...byLevel('medium'))).toBeLessThan(Math.min(...byLevel('high')));
  });

  it('reports the four STAR parts with spans that are slices of the answer', () => {
    for (const r of run.json.results) {
      const answer = inputAnswers.get(r.id)!.answer;
      expect(Object.keys(r.star).sort()).toEqual([...STAR].sort());
      for (const p of STAR) {
        expect(typeof r.star[p].present, `${r.id} ${p}`).toBe('boolean');
        expect(Array.isArray(r.star[p].spans)).toBe(true);
        expect(r.star[p].present, `${r.id} ${p}: present iff it has spans`).toBe(r.star[p].spans.length > 0);
        for (const s of r.star[p].spans) expectSpanOf(answer, s);
      }
    }
    // The high examples are complete stories.
    for (const r of run.json.results.filter((x: any) => x.level === 'high')) {
      for (const p of ['situation', 'action', 'result'] as const) expect(r.star[p].present, `${r.id} ${p}`).toBe(true);
    }
  });

  it('backs every indicator with evidence spans taken verbatim from the answer', () => {
    let spans = 0;
    for (const r of run.json.results) {
      const answer = inputAnswers.get(r.id)!.answer;
      expect(Array.isArray(r.indicators)).toBe(true);
      for (const ind of r.indicators) {
        expect(typeof ind.id).toBe('string');
        expect(LEVELS).toContain(ind.level);
        expect(ind.evidence.length, `${r.id} ${ind.id}`).toBeGreaterThan(0);
        expect(ind.source.file).toMatch(SOURCE_FILE);
        for (const ev of ind.evidence) {
          expectSpanOf(answer, ev);
          spans++;
        }
      }
    }
    expect(spans).toBeGreaterThan(9);
    // High answers show at least one counted high-level indicator.
    for (const r of run.json.results.filter((x: any) => x.level === 'high')) {
      expect(r.indicators.some((i: any) => i.level === 'high' && i.counted), r.id).toBe(true);
    }
  });

  it('gives feedback items that cite a source document', () => {
    for (const r of run.json.results) {
      expect(Array.isArray(r.feedback)).toBe(true);
      for (const f of r.feedback) {
        expect(typeof f.message).toBe('string');
        expect(f.message.length).toBeGreaterThan(10);
        expect(f.source.file).toMatch(SOURCE_FILE);
        expect(typeof f.source.quote).toBe('string');
      }
    }
    // Low answers always get something to work on.
    for (const r of run.json.results.filter((x: any) => x.level === 'low')) expect(r.feedback.length, r.id).toBeGreaterThan(0);
  });

  it('agrees with CSV and JSONL copies of the same answers, per id', () => {
    const view = (json: any) => Object.fromEntries(json.results.map((r: any) => [r.id, { level: r.level, score: r.score }]));
    const yaml = view(run.json);
    for (const file of [CSV_FILE, JSONL_FILE]) {
      const other = runCoachJson(['score', file, '--json']);
      expect(other.code, file).toBe(0);
      expect(other.json.summary.scored).toBe(9);
      expect(view(other.json), file).toEqual(yaml);
    }
  });

  it('--fail-under low exits 0 and reports nothing below it', () => {
    const r = runCoach(['score', YAML_FILE, '--fail-under', 'low'], { env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    const l = run.json.summary.levels;
    expect(r.stdout).toMatch(new RegExp(`\\n9 inputs: 9 scored, 0 failed, ${l.low} low, ${l.medium} medium, ${l.high} high, mean score [\\d.]+, 0 below low\\n$`));
  });

  it('--fail-under high exits 1 (findings) and counts the answers below high', () => {
    const r = runCoachJson(['score', YAML_FILE, '--fail-under', 'high', '--json']);
    expect(r.code).toBe(1);
    const below = run.json.results.filter((x: any) => x.level !== 'high').length;
    expect(below).toBeGreaterThanOrEqual(3); // at least the three low examples
    expect(r.json.summary.failUnder).toEqual({ level: 'high', below });
    expect(r.json.results).toHaveLength(9);
  });
});

describe('coach score output formats', () => {
  it('--format jsonl: one JSON object per line, nine results then a summary', () => {
    const r = runCoach(['score', JSONL_FILE, '--format', 'jsonl']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    const objs = lines.map((l) => JSON.parse(l));
    for (const o of objs) expect(['result', 'summary']).toContain(o.type);
    expect(objs.filter((o) => o.type === 'result')).toHaveLength(9);
    expect(objs.at(-1)).toMatchObject({ type: 'summary', inputs: 9, scored: 9, failed: 0, levels: reference().json.summary.levels });
    expect(objs[0]).toMatchObject({ type: 'result', version: 1, id: 'ex-01', level: 'low' });
    expect(levelsOf(objs.filter((o) => o.type === 'result'))).toEqual(referenceLevels());
  });

  it('--format csv: header starts with id,question,competency and one row per answer', () => {
    const r = runCoach(['score', CSV_FILE, '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^id,question,competency,/);
    const rows = parseCsv(r.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(9);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['level', 'score', 'situation', 'task', 'action', 'result']));
    expect(rows.map((x) => x['id'])).toEqual([...inputAnswers.keys()]);
    expect(Object.fromEntries(rows.map((x) => [x['id'], x['level']]))).toEqual(referenceLevels());
    expect(rows[0]!['question']).toBe(inputAnswers.get('ex-01')!.question);
  });

  it('--format markdown starts with a "# " heading and has a section per answer', () => {
    const r = runCoach(['score', YAML_FILE, '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('# ')).toBe(true);
    expect(r.stdout.match(/^## ex-0\d: (low|medium|high) \(\d+\/100\)$/gm)).toHaveLength(9);
  });
});

describe('coach score with plain-text answers', () => {
  it('scores a plain answer.txt with -q and -c', () => {
    const r = runCoachJson(['score', PLAIN_TXT, '-q', TXT_QUESTION, '-c', 'customer-focus', '--json']);
    expect(r.code).toBe(0);
    expect(r.json.results).toHaveLength(1);
    const res = r.json.results[0];
    expect(res).toMatchObject({ question: TXT_QUESTION, competency: 'customer-focus', level: 'high' });
    for (const ind of res.indicators) for (const ev of ind.evidence) expectSpanOf(TXT_BODY, ev);
  });

  it('examples/answer.txt gives its question and competency in front matter; offsets are into the answer after it', () => {
    const r = runCoachJson(['score', TXT_FILE, '--json']);
    expect(r.code).toBe(0);
    const res = r.json.results[0];
    expect(res).toMatchObject({ question: TXT_QUESTION, competency: 'customer-focus', competencyInferred: false, level: 'high' });
    for (const ind of res.indicators) for (const ev of ind.evidence) expectSpanOf(TXT_BODY, ev);
  });

  it('without -q or front matter fails with exit 2, naming the file and "question"', () => {
    const r = runCoach(['score', PLAIN_TXT], { env: { NO_COLOR: '1' } });
    expect(r.code).toBe(2);
    const line = r.stderr.split('\n').find((l) => l.includes(PLAIN_TXT));
    expect(line, r.stderr).toBeDefined();
    expect(line).toMatch(/answer\.txt:1:1: .*question/);
    expect(r.stdout).toContain('0 scored, 1 failed');
    expect(r.stderr + r.stdout).not.toMatch(STACK_LINE);
  });
});

describe('coach score - (standard input)', () => {
  const expectNine = (r: CoachResult & { json: any }) => {
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.summary).toMatchObject({ inputs: 9, scored: 9, failed: 0, levels: reference().json.summary.levels });
    expect(r.json.results.map((x: any) => x.id)).toEqual([...inputAnswers.keys()]);
    expect(levelsOf(r.json.results)).toEqual(referenceLevels());
    expect(r.json.results.every((x: any) => x.source.file === '-')).toBe(true);
  };

  it('detects YAML on stdin', () => {
    expectNine(runCoachJson(['score', '-', '--json'], { stdin: readFileSync(YAML_FILE, 'utf8') }));
  });

  it('detects JSONL on stdin', () => {
    expectNine(runCoachJson(['score', '-', '--json'], { stdin: readFileSync(JSONL_FILE, 'utf8') }));
  });

  it('detects CSV on stdin (line numbers count the header)', () => {
    const r = runCoachJson(['score', '-', '--json'], { stdin: readFileSync(CSV_FILE, 'utf8') });
    expectNine(r);
    expect(r.json.results[0].source.line).toBe(2);
  });

  it('--stdin-format overrides detection: JSONL read as one plain-text answer', () => {
    const jsonl = readFileSync(JSONL_FILE, 'utf8');
    const r = runCoachJson(['score', '-', '--stdin-format', 'text', '-q', TXT_QUESTION, '--json'], { stdin: jsonl });
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.results).toHaveLength(1);
    expect(r.json.results[0].id).toBe('stdin');
    // The whole input is the answer: evidence offsets index into it.
    for (const ind of r.json.results[0].indicators) for (const ev of ind.evidence) expectSpanOf(jsonl, ev);
  });
});

describe('coach score with a path that does not exist', () => {
  it('exits 2 with a clear message and no stack trace', () => {
    const r = runCoach(['score', 'no-such-answers.yaml'], { env: { NO_COLOR: '1' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no-such-answers\.yaml.*no such file or directory/);
    expect(r.stderr + r.stdout).not.toMatch(STACK_LINE);
    expect(r.stderr).not.toContain('internal error');
  });
});

describe('colour', () => {
  it('NO_COLOR=1: no ANSI escapes on stdout or stderr', () => {
    // answers.yaml plus a failing text file, so both streams have output.
    const r = runCoach(['score', YAML_FILE, PLAIN_TXT], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('ex-01');
    expect(r.stderr).toContain('question');
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stderr).not.toMatch(ANSI);
  });

  it('piped (not a TTY) with neither variable set: no ANSI escapes', () => {
    const r = runCoach(['score', YAML_FILE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ex-01 {2}LOW \d+\/100/);
    expect(r.stdout).not.toMatch(ANSI);
  });

  it('FORCE_COLOR=1 without NO_COLOR colours the text format (but never JSON)', () => {
    const text = runCoach(['score', YAML_FILE], { env: { FORCE_COLOR: '1' } });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(ANSI);
    expect(text.stdout.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/^ex-01 {2}LOW \d+\/100/);
    const json = runCoachJson(['score', YAML_FILE, '--json'], { env: { FORCE_COLOR: '1' } });
    expect(json.code).toBe(0);
    expect(json.stdout).not.toMatch(ANSI);
    expect(json.json.results).toHaveLength(9);
  });
});
