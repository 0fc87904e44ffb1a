import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript, shared with the bench
import { generateAnswers, parseRecordList } from '../../scripts/bench/answers.js';
import { COACH, EXAMPLES, REPO } from './run-coach.js';

// Beyond one machine (issue 12, item 8): the README's GNU parallel pipeline, `parallel --pipe`
// over JSONL, gives the same records as one coach process over the same input, in the same
// order. Each block is its own coach run, so its line numbers count from the block's start and
// it ends with its own summary line: the README drops those and merges one summary with jq.
// Debian's parallel (and jq) are installed by .ci/run where they can be; else this skips.

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const HAVE_PARALLEL = has('parallel');
const HAVE_JQ = has('jq');
if (!HAVE_PARALLEL) console.warn('test/e2e/parallel.test.ts: GNU parallel is not on PATH, so the parallel pipeline test is skipped.');
if (!HAVE_JQ) console.warn('test/e2e/parallel.test.ts: jq is not on PATH, so the merged summary is not checked.');

/** Lines per block: small, so that a few hundred answers make several blocks (the README says 10000). */
const BLOCK = 100;

// The README's commands, as written there but for the block size: the pipeline, in its two
// steps (to see the blocks' summaries too), and the jq step that merges the summaries.
const README = readFileSync(join(REPO, 'README.md'), 'utf8');
const shBlock = (start: string): string => {
  const block = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.startsWith(start));
  if (!block) throw new Error(`README.md has no sh block starting with ${start}`);
  return block.replace(/\\\n\s*/g, ' ').trim();
};
const PIPELINE = shBlock('parallel --pipe');
const [PARALLEL, DROP_SUMMARIES] = PIPELINE.replace('-N 10000', `-N ${BLOCK}`).split(' | ') as [string, string];
const MERGE = shBlock('jq ');

let dir = '';
let env: Record<string, string> = {};

function sh(script: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('sh', ['-c', script], { cwd: dir, env, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const parse = (text: string): any[] => text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'coach-parallel-'));
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin', 'coach'), `#!/bin/sh\nexec '${process.execPath}' '${COACH}' "$@"\n`);
  chmodSync(join(dir, 'bin', 'coach'), 0o755);
  env = { PATH: `${join(dir, 'bin')}:/usr/local/bin:/usr/bin:/bin`, HOME: dir };
  // 330 varied answers (every example's competency, levels low to high, a third with the
  // competency left to inference), with bad lines among them: broken JSON, an empty answer, an
  // unknown competency, a blank line, one at a block's edge.
  const examples = parseRecordList(readFileSync(join(EXAMPLES, 'answers.yaml'), 'utf8'));
  const lines: string[] = (generateAnswers(examples, 330, 12).records as object[]).map((r) => JSON.stringify(r));
  lines.splice(7, 0, '{"id": "broken", "question": ');
  lines.splice(BLOCK - 1, 0, JSON.stringify({ id: 'empty', question: 'Tell me about a time you helped a customer.', answer: '  ' }));
  lines.splice(130, 0, JSON.stringify({ id: 'unknown-competency', question: 'Tell me about a customer.', competency: 'temwork', answer: 'I helped a customer find a coat.' }));
  lines.splice(200, 0, '');
  writeFileSync(join(dir, 'answers.jsonl'), `${lines.join('\n')}\n`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!HAVE_PARALLEL)('GNU parallel over JSONL (the README pipeline)', () => {
  it('gives the records of one coach process, record for record, in order', () => {
    expect(PARALLEL).toContain(`-N ${BLOCK} `);
    const one = sh('coach score - --stdin-format jsonl --format jsonl --quiet < answers.jsonl');
    expect(one.code, one.stderr).toBe(2); // some inputs failed
    const single = parse(one.stdout);
    const summary = single.pop();
    expect(summary.type).toBe('summary');
    expect(summary.failed).toBe(3);
    expect(summary.inputs).toBe(333);
    expect(new Set(single.filter((r) => r.type === 'result').map((r) => r.level))).toEqual(new Set(['low', 'medium', 'high']));

    // Each block's own output, with its summary line, to number its lines back.
    const blocks = sh(`${PARALLEL} > blocks.jsonl`);
    const withSummaries = parse(readFileSync(join(dir, 'blocks.jsonl'), 'utf8'));
    const sums = withSummaries.filter((r) => r.type === 'summary');
    expect(sums.length).toBe(Math.ceil(334 / BLOCK));
    // parallel's exit code: how many blocks failed (exit 2: some of their inputs failed).
    expect(blocks.code, blocks.stderr).toBe(sums.filter((s) => s.failed > 0).length);
    // Where each block starts in the input: parallel cuts BLOCK lines, but counts a blank line
    // in with the next one, so a block can be a line longer.
    const sizes = sh(`${PARALLEL.replace(/coach score.*(?= <)/, 'wc -l')}`).stdout.trim().split('\n').map(Number);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(334);
    const starts = sizes.map((_, i) => sizes.slice(0, i).reduce((a, b) => a + b, 0));
    let block = 0;
    const renumbered: any[] = [];
    for (const r of withSummaries) {
      if (r.type === 'summary') block++;
      else if (r.type === 'error') renumbered.push({ ...r, line: r.line + starts[block]! });
      else renumbered.push({ ...r, source: { ...r.source, line: r.source.line + starts[block]! } });
    }
    // The same results in the same order, and the same errors in the same order. (A process
    // writes an error after the batch of up to 20 answers it was read in, so an error may sit a
    // few records away from where the single run put it.)
    const results = (rs: any[]): any[] => rs.filter((r) => r.type === 'result');
    const errors = (rs: any[]): any[] => rs.filter((r) => r.type === 'error');
    expect(results(renumbered)).toEqual(results(single));
    expect(errors(renumbered)).toEqual(errors(single));
    expect(errors(single).map((e) => e.line)).toEqual([8, 100, 131]);
    expect(renumbered.length).toBe(single.length);

    // The pipeline itself: every record but the blocks' summaries, in the same order.
    expect(DROP_SUMMARIES).toBe(`grep -v '^{"type":"summary"' > scores.jsonl`);
    const run = sh(DROP_SUMMARIES.replace(' > ', ' < blocks.jsonl > '));
    expect(run.code, run.stderr).toBe(0);
    const piped = parse(readFileSync(join(dir, 'scores.jsonl'), 'utf8'));
    expect(piped.length).toBe(single.length);
    expect(piped.length).toBe(single.length);
    expect(results(piped).map(({ source: _s, ...rest }) => rest)).toEqual(results(single).map(({ source: _s, ...rest }) => rest));
    expect(errors(piped).map(({ line: _l, ...rest }) => rest)).toEqual(errors(single).map(({ line: _l, ...rest }) => rest));

    // The blocks' summaries add up to the single run's.
    const total = (k: string): number => sums.reduce((n, s) => n + s[k], 0);
    expect([total('inputs'), total('scored'), total('failed')]).toEqual([summary.inputs, summary.scored, summary.failed]);

    // And the README's jq step merges them into the single run's summary, exactly.
    if (HAVE_JQ) {
      const merged = sh(MERGE);
      expect(merged.code, merged.stderr).toBe(0);
      expect(JSON.parse(merged.stdout)).toEqual(summary);
      expect(merged.stdout.trim()).toBe(JSON.stringify(summary));
    }
  }, 300_000);
});
