import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COACH, REPO } from './run-coach.js';

// Every format but html writes each result as it is scored. A whole-document renderer would
// print nothing until standard input ends, so these tests hold standard input open and wait for
// the first result: they pass only if it is printed while more input may still come.

const answer = (i: number): string => JSON.stringify({
  id: `s-${String(i).padStart(4, '0')}`,
  question: 'Tell me about a time you helped a customer.',
  answer: `At the shop customer ${i} was upset about a late order. I asked what they needed, tracked the parcel, rang the courier and had it delivered that evening. They thanked me and came back the next week.`,
});
const lines = (from: number, to: number): string => Array.from({ length: to - from + 1 }, (_, k) => `${answer(from + k)}\n`).join('');

/** Writes the first 200 answers, waits for `firstSeen` on stdout, then the next 50 and ends input. */
function streamed(format: string, firstSeen: (out: string) => boolean): Promise<{ before: string; after: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [COACH, 'score', '-', '--stdin-format', 'jsonl', '--format', format, '--jobs', '1'], { cwd: REPO, env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let before: string | null = null;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      out += d;
      if (before === null && firstSeen(out)) {
        before = out;
        child.stdin.end(lines(201, 250));
      }
    });
    child.on('error', reject);
    child.on('close', (code) => (before === null ? reject(new Error(`no result before input ended (exit ${code})`)) : resolve({ before: before!, after: out, code })));
    child.stdin.write(lines(1, 200));
  });
}

describe('every format streams (results written while input is still open)', () => {
  it('json: the results array is opened and the first result written before input ends; the end is the summary', async () => {
    const r = await streamed('json', (o) => o.includes('"id": "s-0001"'));
    expect(r.before.startsWith('{\n  "version": 1,\n  "results": [\n    {')).toBe(true);
    expect(r.before).not.toContain('"summary"');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.after);
    expect(doc.results).toHaveLength(250);
    expect(doc.summary).toMatchObject({ inputs: 250, scored: 250, failed: 0 });
    // Byte for byte the document JSON.stringify makes of the same object.
    expect(r.after).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  });

  it('text: answer blocks come before input ends; the summary line only at the end', async () => {
    const r = await streamed('text', (o) => o.includes('s-0001'));
    expect(r.before).not.toMatch(/\d+ inputs:/);
    expect(r.code).toBe(0);
    expect(r.after.trimEnd().split('\n').at(-1)).toMatch(/^250 inputs: 250 scored, 0 failed/);
    expect(r.after.match(/^s-\d{4} /gm)).toHaveLength(250);
  });

  it('markdown: sections come before input ends; the summary section at the end', async () => {
    const r = await streamed('markdown', (o) => o.includes('## s-0001'));
    expect(r.before.startsWith('# Interview answers: assessment\n')).toBe(true);
    expect(r.before).not.toContain('## Summary');
    expect(r.code).toBe(0);
    expect(r.after.match(/^## s-\d{4}: /gm)).toHaveLength(250);
    expect(r.after).toContain('## Summary\n\n250 inputs: 250 scored, 0 failed.');
  });
});

describe('the first lines of a large batch come at once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coach-stream-formats-'));
  const file = join(dir, 'big.jsonl');
  writeFileSync(file, lines(1, 5000));
  for (const format of ['text', 'json', 'markdown', 'jsonl', 'csv']) {
    it(`${format}: "coach score big.jsonl | head -3" prints three lines and ends quietly`, () => {
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${COACH}" score "${file}" --format ${format} | head -n 3; exit \${PIPESTATUS[0]}`], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(r.stdout.split('\n')).toHaveLength(4);
      expect(r.stdout.length).toBeGreaterThan(10);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    });
  }
});

describe('a slow producer sees each result without waiting for a batch to fill', () => {
  // Three answers, each written only after the result of the one before has been printed: with
  // results held until 20 answers had been read (or input ended), the second would never be sent
  // and the test would fail on its time limit.
  for (const format of ['jsonl', 'csv', 'text']) {
    it(`${format}: answer 1, its result; answer 2, its result; answer 3, its result; then the end`, async () => {
      const child = spawn(process.execPath, [COACH, 'score', '-', '--stdin-format', 'jsonl', '--format', format, '--jobs', '1'], { cwd: REPO, env: { ...process.env, NO_COLOR: '1' } });
      let out = '';
      let sent = 1;
      child.stdout.setEncoding('utf8');
      const done = new Promise<number | null>((resolve, reject) => {
        child.on('error', reject);
        child.on('close', resolve);
      });
      child.stdout.on('data', (d: string) => {
        out += d;
        // The next answer goes only once this one's result is out.
        if (sent <= 3 && out.includes(`s-000${sent}`)) {
          sent++;
          if (sent <= 3) child.stdin.write(lines(sent, sent));
          else child.stdin.end();
        }
      });
      child.stdin.write(lines(1, 1));
      expect(await done).toBe(0);
      expect(sent).toBe(4);
      for (const id of ['s-0001', 's-0002', 's-0003']) expect(out).toContain(id);
    }, 30_000);
  }
});
