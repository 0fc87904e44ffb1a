import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COACH, runCoach } from './run-coach.js';

// A JSONL file of n answers with a bad line at every `badEvery`th line.
function corpus(n: number, badEvery: number): string {
  const lines: string[] = [];
  for (let i = 1; i <= n; i++) {
    if (i % badEvery === 0) lines.push(`{"id": "bad-${i}", "answer": `);
    else lines.push(JSON.stringify({ id: `a-${String(i).padStart(5, '0')}`, question: 'Tell me about a time you helped a customer.', answer: `At the shop I asked customer ${i} what they needed and gave them two options. They came back.` }));
  }
  return `${lines.join('\n')}\n`;
}

describe('streamed JSONL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coach-stream-'));
  const file = join(dir, 'big.jsonl');
  writeFileSync(file, corpus(3000, 500));

  it('keeps input order, reports each bad line where it is, and counts add up (file and stdin)', () => {
    for (const args of [['score', file, '--format', 'jsonl'], ['score', '-', '--format', 'jsonl']]) {
      const r = runCoach(args, args.includes('-') ? { stdin: corpus(3000, 500) } : {});
      expect(r.code).toBe(2);
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
      const results = lines.filter((l) => l.type === 'result');
      const errors = lines.filter((l) => l.type === 'error');
      const summary = lines.at(-1);
      expect(results).toHaveLength(2994);
      expect(results.map((x) => x.id)).toEqual([...results.map((x) => x.id)].sort());
      expect(errors.map((e) => e.line)).toEqual([500, 1000, 1500, 2000, 2500, 3000]);
      expect(summary).toMatchObject({ type: 'summary', inputs: 3000, scored: 2994, failed: 6 });
    }
  });

  it('ends quietly when the reader stops early (coach score big.jsonl | head)', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${COACH}" score "${file}" --format jsonl | head -n 2; exit \${PIPESTATUS[0]}`], { encoding: 'utf8' });
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
