import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COACH } from './run-coach.js';
import { HAVE_TMUX } from './tty.js';

// The progress bar of coach score: on standard error, only when it is a terminal, only for runs
// over a second, cleared at the end; nothing with --quiet or when standard error is not a terminal.
// Everything the terminal was sent is logged (tmux pipe-pane), so a bar that was drawn and then
// cleared is still seen.

const dir = mkdtempSync(join(tmpdir(), 'coach-progress-'));
const sock = join(dir, 'tmux.sock');
// Enough short answers to take well over a second on a fast machine with --jobs 1.
const N = 60_000;
const big = join(dir, 'big.jsonl');
writeFileSync(big, `${Array.from({ length: N }, (_, i) => JSON.stringify({ id: `a-${i + 1}`, question: 'Tell me about a time you helped a customer.', answer: `At the shop I asked customer ${i + 1} what they needed and gave them two options. They came back the next week.` })).join('\n')}\n`);

const tmux = (...args: string[]): string => spawnSync('tmux', ['-S', sock, '-f', '/dev/null', ...args], { encoding: 'utf8' }).stdout;

/** Runs coach in a 120-column terminal with stdout to a file; returns what the terminal was sent. */
async function inTerminal(args: string[]): Promise<{ log: string; out: string; code: number }> {
  const name = `p${Math.random().toString(36).slice(2, 8)}`;
  const log = join(dir, `${name}.log`);
  const out = join(dir, `${name}.out`);
  const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  const cmd = `env -u FORCE_COLOR NO_COLOR=1 ${quote(process.execPath)} ${quote(COACH)} ${args.map(quote).join(' ')} > ${quote(out)}; echo EXIT=$?; sleep 60`;
  tmux('new-session', '-d', '-s', name, '-x', '120', '-y', '10', 'sleep 0.3; ' + cmd);
  tmux('pipe-pane', '-o', '-t', name, `cat >> ${quote(log)}`);
  const deadline = Date.now() + 60_000;
  let screen = '';
  while (!/EXIT=\d+/.test(screen)) {
    if (Date.now() > deadline) throw new Error(`coach did not finish. Screen:\n${screen}`);
    await new Promise((r) => setTimeout(r, 200));
    screen = tmux('capture-pane', '-p', '-t', name);
  }
  tmux('kill-session', '-t', name);
  return { log: existsSync(log) ? readFileSync(log, 'utf8') : '', out: readFileSync(out, 'utf8'), code: Number(/EXIT=(\d+)/.exec(screen)![1]) };
}

afterAll(() => {
  spawnSync('tmux', ['-S', sock, 'kill-server']);
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!HAVE_TMUX)('coach score progress bar (in tmux)', () => {
  it('shows count, rate, percentage and time left on a terminal, then clears it', async () => {
    const { log, out, code } = await inTerminal(['score', big, '--format', 'jsonl', '--jobs', '1']);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(N + 1);
    const bars = [...log.matchAll(/scoring [█░]+ (\d+)% \| ([\d,]+) answers \| ([\d,]+)\/s \| (\w+) left/g)];
    expect(bars.length).toBeGreaterThan(0);
    const percents = bars.map((m) => Number(m[1]));
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(Number(bars.at(-1)![2]!.replace(/,/g, ''))).toBeGreaterThan(1000);
    expect(Number(bars.at(-1)![3]!.replace(/,/g, ''))).toBeGreaterThan(100);
    // Cleared: the last thing drawn on the bar's line is an erase, and no bar text follows it.
    const lastBar = log.lastIndexOf('scoring ');
    expect(log.slice(lastBar)).toMatch(/\x1b\[(0?K|2K)/);
  }, 90_000);

  it('shows nothing with --quiet', async () => {
    const { log, code } = await inTerminal(['score', big, '--format', 'jsonl', '--jobs', '1', '--quiet']);
    expect(code).toBe(0);
    expect(log).not.toContain('scoring');
  }, 90_000);
});

describe('coach score progress when standard error is not a terminal', () => {
  it('writes nothing to standard error', () => {
    // Standard output to a file (it is large); standard error is a pipe.
    const out = join(dir, 'pipe.out');
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${COACH}" score "${big}" --format jsonl --jobs 1 > "${out}"`], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: undefined } });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(N + 1);
  }, 90_000);
});
