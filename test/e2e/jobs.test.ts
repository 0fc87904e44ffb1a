import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCoach, STACK_LINE } from './run-coach.js';

// --jobs N: past 500 answers, N threads score; whatever N, the output is the same, in input order.

const QUESTIONS = [
  ['Tell me about a time you helped a customer.', 'customer-focus'],
  ['Describe a time you dealt with an angry customer.', undefined],
  ['Tell me about a time you worked with your team to serve a customer.', 'teamwork'],
] as const;

function answer(i: number): string {
  switch (i % 3) {
    case 0: return `A customer, number ${i}, could not find a gift. I asked what she needed and showed her two options; she bought one and came back the next week.`;
    case 1: return `I think customers can be hard. You have to stay calm and follow the policy, I guess. Order ${i}.`;
    default: return `Our team was short on a Saturday. I took the phones for customer ${i}, checked the stock myself and called him back within the hour, so he got his order the same day and wrote to thank us.`;
  }
}

// n answers with a bad line every `badEvery`th line (bad JSON, then a missing answer, in turn).
function jsonl(n: number, badEvery: number): string {
  const lines: string[] = [];
  for (let i = 1; i <= n; i++) {
    const [question, competency] = QUESTIONS[i % QUESTIONS.length]!;
    if (i % badEvery === 0) lines.push(i % (2 * badEvery) === 0 ? `{"id": "bad-${i}", "answer": ` : JSON.stringify({ id: `bad-${i}`, question }));
    else lines.push(JSON.stringify({ id: `a-${String(i).padStart(5, '0')}`, question, competency, answer: answer(i) }));
  }
  return `${lines.join('\n')}\n`;
}

function csv(n: number): string {
  const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  const rows = ['id,question,competency,answer'];
  for (let i = 1; i <= n; i++) {
    const [question, competency] = QUESTIONS[i % QUESTIONS.length]!;
    rows.push([`c-${i}`, q(question), competency ?? '', q(answer(i))].join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

describe('coach score --jobs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coach-jobs-'));
  const big = join(dir, 'big.jsonl');
  const rows = join(dir, 'rows.csv');
  writeFileSync(big, jsonl(2400, 400));
  writeFileSync(rows, csv(1500));

  it('gives the same JSONL with 1, 2 and 3 threads: order kept, bad lines reported, counts add up', () => {
    const runs = [1, 2, 3].map((j) => runCoach(['score', big, '--format', 'jsonl', '--jobs', String(j)]));
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('');
    }
    expect(runs[1]!.stdout).toBe(runs[0]!.stdout);
    expect(runs[2]!.stdout).toBe(runs[0]!.stdout);
    const lines = runs[1]!.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const results = lines.filter((l) => l.type === 'result');
    expect(results).toHaveLength(2394);
    expect(results.map((x) => x.source.line)).toEqual([...results.map((x) => x.source.line)].sort((a, b) => a - b));
    expect(new Set(results.map((x) => x.level))).toEqual(new Set(['low', 'medium', 'high']));
    expect(lines.filter((l) => l.type === 'error').map((e) => e.line)).toEqual([400, 800, 1200, 1600, 2000, 2400]);
    expect(lines.at(-1)).toMatchObject({ type: 'summary', inputs: 2400, scored: 2394, failed: 6 });
  });

  it('gives the same CSV, JSON, Markdown and text (coloured too) with 1 and 2 threads', () => {
    for (const format of ['csv', 'json', 'markdown', 'text']) {
      const [one, two] = [1, 2].map((j) => runCoach(['score', rows, '--format', format, '--jobs', String(j)], format === 'text' ? { env: { FORCE_COLOR: '1' } } : {}));
      expect(one!.code).toBe(0);
      expect(two!.stdout).toBe(one!.stdout);
      if (format === 'csv') expect(two!.stdout.trim().split('\n')).toHaveLength(1501);
      if (format === 'json') expect(JSON.parse(two!.stdout).results).toHaveLength(1500);
      if (format === 'text') expect(two!.stdout).toContain('\x1b[');
    }
  });

  it('files every answer in the history with --candidate, in order', () => {
    const data = join(dir, 'data');
    const r = runCoach(['score', rows, '--format', 'jsonl', '--jobs', '2', '--candidate', 'Sam Patel', '--data', data]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').at(-1)!)).toMatchObject({ type: 'summary', scored: 1500, failed: 0 });
    const answers = readFileSync(join(data, 'history.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((x) => x.type === 'answer');
    expect(answers).toHaveLength(1500);
    expect(answers.map((a) => a.answer)).toEqual(Array.from({ length: 1500 }, (_, i) => answer(i + 1)));
    expect(answers.every((a) => a.candidate === 'Sam Patel' && a.mode === 'batch')).toBe(true);
  });

  it('refuses a --jobs that is not a whole number from 1 to 64', () => {
    for (const bad of ['0', 'two', '1.5', '65']) {
      const r = runCoach(['score', big, '--jobs', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`error: option '-j, --jobs <n>' argument '${bad}' is invalid. expected a whole number from 1 to 64.`);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stdout).toBe('');
    }
  });
});
