import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COACH, REPO, STACK_LINE } from './run-coach.js';
import { rng } from '../behaviour/generators.js';

/**
 * Graceful ends of `coach score --candidate` (Ctrl-C, SIGTERM, SIGHUP) and re-filing.
 *
 * A run that gets SIGINT, SIGTERM or SIGHUP while it scores and files a few thousand answers
 * files every answer it printed as scored before it exits (exit 130, 143, 129). The test sends
 * the signals at random moments (seeded: COACH_SIGNAL_SEED replays a schedule) and checks after
 * each that the answers filed are exactly a prefix of the input, in order, holding every result
 * printed; then that a run again over the same input under the same candidate files only the
 * answers not filed yet (the rest are noticed and not filed twice), unless --force.
 * (history-kill.test.ts does the same for SIGKILL, which cannot be caught.)
 */

const ANSWERS = 3000;
const RUNS = 14;
const SEED = Number(process.env['COACH_SIGNAL_SEED'] ?? 20261202);
const SIGNALS: Array<{ signal: NodeJS.Signals; code: number }> = [
  { signal: 'SIGINT', code: 130 },
  { signal: 'SIGTERM', code: 143 },
  { signal: 'SIGHUP', code: 129 },
];

const QUESTION = 'Tell me about a time you helped a customer.';
const BODIES = ['I helped a customer find a charger. She was happy.', 'I refunded a customer myself. He came back.', 'I would listen and ask what she needs.'];

const dirs: string[] = [];
function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function answersFile(dir: string, n: number): { file: string; texts: string[] } {
  const texts = Array.from({ length: n }, (_, i) => `${BODIES[i % BODIES.length]} (ref ${i})`);
  const file = join(dir, 'answers.jsonl');
  writeFileSync(file, texts.map((t, i) => JSON.stringify({ id: `a-${i}`, question: QUESTION, competency: 'customer-focus', answer: t })).join('\n') + '\n');
  return { file, texts };
}

/** The answers filed under `candidate`, in file order (every line must be a whole record). */
function filed(dir: string, candidate: string): string[] {
  const file = join(dir, 'history.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l)).filter((r) => r.type === 'answer' && r.candidate === candidate).map((r) => r.answer);
}

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Results printed (whole lines on standard output). */
  printed: number;
  stderr: string;
}

/**
 * Runs coach with standard output to a file; sends `signal` once `bytes` of output have been
 * printed (none if send is null). Timing the signal by the output, not by the clock, keeps every
 * moment inside the scoring however fast or slow the machine is.
 */
async function runScore(args: string[], sink: string, send: { signal: NodeJS.Signals; bytes: number } | null): Promise<Ended> {
  const out = openSync(sink, 'w');
  const child = spawn(process.execPath, [COACH, ...args], { cwd: REPO, stdio: ['ignore', out, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  closeSync(out);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const poll = send ? setInterval(() => {
    if (statSync(sink).size < send.bytes) return;
    clearInterval(poll!);
    child.kill(send.signal);
  }, 2) : null;
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c, s) => resolve({ code: c, signal: s }));
  });
  if (poll) clearInterval(poll);
  const printed = readFileSync(sink, 'utf8').split('\n').filter((l, i, all) => i < all.length - 1 && l.startsWith('{"type":"result"')).length;
  return { code, signal, printed, stderr };
}

describe('coach score --candidate under SIGINT, SIGTERM and SIGHUP', () => {
  it(`${RUNS} runs of ${ANSWERS} answers signalled at random moments: every answer printed as scored is filed, none twice`, async () => {
    const random = rng(SEED);
    const work = tempDir('coach-signal-');
    const { file, texts } = answersFile(work, ANSWERS);
    const f = { signalled: 0, finishedFirst: 0, beforeStart: 0, printed: 0, filed: 0, reruns: 0 };
    // The size of a whole run's output, to pick each signal's moment inside it.
    const whole = await runScore(['score', file, '--format', 'jsonl', '--quiet'], join(work, 'whole.out'), null);
    expect(whole.code).toBe(0);
    const size = statSync(join(work, 'whole.out')).size;
    for (let run = 0; run < RUNS; run++) {
      const dir = join(work, `data-${run}`);
      const tag = `cand-${run}`;
      const { signal, code } = SIGNALS[run % SIGNALS.length]!;
      // Anywhere from the first result printed to near the end of the output.
      const bytes = 1 + Math.floor(random() * 0.95 * size);
      const r = await runScore(['score', file, '--candidate', tag, '--data', dir, '--format', 'jsonl', '--quiet'], join(work, `${tag}.out`), { signal, bytes });
      const mine = filed(dir, tag);
      const why = `${tag}: ${signal} after ${bytes} bytes (exit ${r.code}, signal ${r.signal}); ${r.printed} printed, ${mine.length} filed\n${r.stderr}`;
      expect(r.stderr, why).not.toMatch(STACK_LINE);
      if (r.signal !== null) {
        // Signalled outside coach's handlers (set after start-up, removed as it ends): whatever
        // was printed is filed all the same.
        f.beforeStart++;
        expect(mine.length, why).toBeGreaterThanOrEqual(r.printed);
        expect(mine, why).toEqual(texts.slice(0, mine.length));
      } else if (r.code === 0) {
        f.finishedFirst++;
        expect(mine, why).toEqual(texts);
      } else {
        f.signalled++;
        expect(r.code, why).toBe(code);
        expect(r.stderr, why).toMatch(new RegExp(`^coach: stopped by ${signal}: [\\d,]+ answers? scored so far filed under "${tag}"\\n$`));
        // Every answer printed as scored is filed: a prefix of the input, in order.
        expect(mine.length, why).toBeGreaterThanOrEqual(r.printed);
        expect(mine, why).toEqual(texts.slice(0, mine.length));
      }
      f.printed += r.printed;
      f.filed += mine.length;
      // Run again to the end: the answers filed before are noticed and not filed twice.
      if (run % 3 === 0) {
        const again = await runScore(['score', file, '--candidate', tag, '--data', dir, '--format', 'jsonl', '--quiet'], join(work, `${tag}-again.out`), null);
        expect(again.code, again.stderr).toBe(0);
        expect(again.printed).toBe(ANSWERS);
        expect(filed(dir, tag)).toEqual(texts);
        if (mine.length > 0) expect(again.stderr).toBe(`coach: ${mine.length.toLocaleString('en-US')} answer${mine.length === 1 ? ' was' : 's were'} already filed under "${tag}" by an earlier run: scored, but not filed again (--force files them again)\n`);
        else expect(again.stderr).toBe('');
        f.reruns++;
      }
    }
    console.log(`signal test: ${RUNS} runs (seed ${SEED}): ${f.signalled} stopped by a signal, ${f.finishedFirst} finished first, ${f.beforeStart} signalled outside the handlers; ${f.printed} results printed, ${f.filed} answers filed, 0 printed but not filed; ${f.reruns} re-runs filed only what was missing`);
    expect(f.signalled).toBeGreaterThanOrEqual(Math.floor(RUNS / 2));
  }, 180_000);

  it('--force files the same answers again; without it a second run files nothing new and says so', async () => {
    const work = tempDir('coach-refile-');
    const { file, texts } = answersFile(work, 5);
    const dir = join(work, 'data');
    const args = ['score', file, '--candidate', 'Sam', '--data', dir, '--format', 'jsonl', '--quiet'];
    expect((await runScore(args, join(work, '1.out'), null)).code).toBe(0);
    const second = await runScore(args, join(work, '2.out'), null);
    expect(second.code).toBe(0);
    expect(second.printed).toBe(5);
    expect(second.stderr).toBe('coach: 5 answers were already filed under "Sam" by an earlier run: scored, but not filed again (--force files them again)\n');
    expect(filed(dir, 'Sam')).toEqual(texts);
    // Another candidate's answers are their own.
    expect((await runScore([...args.slice(0, 3), 'Alex', ...args.slice(4)], join(work, '3.out'), null)).stderr).toBe('');
    const forced = await runScore([...args, '--force'], join(work, '4.out'), null);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toBe('');
    expect(filed(dir, 'Sam')).toEqual([...texts, ...texts]);
  });
});
