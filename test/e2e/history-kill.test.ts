import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COACH, REPO, STACK_LINE } from './run-coach.js';
import { rng } from '../behaviour/generators.js';

/**
 * No data loss in history.jsonl, with real processes and real kills.
 *
 * `coach score FILE --candidate NAME --data DIR --format jsonl` files every scored answer in the
 * history, in blocks of 500 that are each written in one write and flushed (fsync) before the
 * next result is printed. Standard output is the sink that says what was completed: once result
 * number 500k has been read from it, the first k blocks are on disk. The test kills such runs with
 * SIGKILL at random moments, some at random times and some aimed at a block being written, and
 * after every kill checks that:
 *  - `coach history --json --data DIR` reads the file (exit 0, no stack trace) and reports each
 *    unreadable line on standard error, and its per-session counts match the file;
 *  - every line of the file is a whole record, or a cut line (not JSON) that is reported;
 *  - the killed run's answers are a prefix of its input, in order, with no gap, and hold every
 *    block the sink had reported;
 *  - every record of the earlier runs in the same DIR is still there;
 *  - the next run after a kill (and a final complete run) appends cleanly after any cut line.
 *
 * Every killed run is followed by another on the same DIR, and every fifth run is left to finish.
 * The figures (kills, entries checked, lost, cut lines) are printed. COACH_KILL_SEED replays a
 * schedule; COACH_KILL_CHAINS=100 makes a longer soak.
 *
 * Then: two (and four, one of them killed) writers on the same DIR at once lose nothing; and a cut
 * last line from an older crash is reported and skipped by every reader of the history.
 */

const BLOCK = 500;
const ANSWERS_PER_RUN = 560; // blocks of 500 and 60
/** History files, each taking KILLS_PER_CHAIN killed runs and one run to its end (COACH_KILL_CHAINS for a longer soak). */
const CHAINS = Number(process.env['COACH_KILL_CHAINS'] ?? 13);
const KILLS_PER_CHAIN = 4; // then one run that is left to finish
/** Line breaks in each answer (cheap to score, two bytes each in JSON), so that a block is a write of several MB. */
const PAD = 3000;
const SEED = Number(process.env['COACH_KILL_SEED'] ?? 20261123);

// A seeded PRNG (rng, mulberry32), so a failing kill schedule can be replayed with COACH_KILL_SEED.
// Short answers: the test is about the history, and scoring time is time not spent writing.
const QUESTION = 'Tell me about a time you helped a customer.';
const BODIES = ['I helped a customer find a charger. She was happy.', 'I refunded a customer myself. He came back.', 'I would listen and ask what she needs.'];

/** Answers, each with its index, so that every history record can be traced to its input. */
function answersFile(dir: string, tag: string, n: number): { file: string; texts: string[] } {
  const texts: string[] = [];
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    // Padded (cheap to score): bigger records make longer writes to kill in.
    const text = `${BODIES[i % BODIES.length]}${'\n'.repeat(PAD)}(ref ${tag}-${i})`;
    texts.push(text);
    lines.push(JSON.stringify({ id: `${tag}-${i}`, question: QUESTION, competency: 'customer-focus', answer: text }));
  }
  const file = join(dir, `${tag}.jsonl`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, texts };
}

interface Parsed {
  records: any[];
  /** 1-based numbers of the lines that are not whole records. */
  cut: number[];
  /** The file ends in a cut line (no newline after it). */
  endsCut: boolean;
}

/** The history file as the test reads it: strictly, every line a whole record or counted as cut. */
function parseHistory(dir: string): Parsed {
  const file = join(dir, 'history.jsonl');
  if (!existsSync(file)) return { records: [], cut: [], endsCut: false };
  const records: any[] = [];
  const cut: number[] = [];
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (line === '') return;
    try {
      records.push(JSON.parse(line));
    } catch {
      // A cut line, possibly followed by a whole record another writer glued to it.
      cut.push(i + 1);
      const at = line.lastIndexOf('{"v":1,"type":"');
      if (at > 0) {
        try {
          records.push(JSON.parse(line.slice(at)));
        } catch {
          /* only cut text */
        }
      }
    }
  });
  return { records, cut, endsCut: text !== '' && !text.endsWith('\n') };
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Results the process printed before it ended (read from its standard output file). */
  results: number;
  stderr: string;
}

/** How a run is ended: not at all, after a delay, or as soon as history.jsonl reaches a size. */
type KillPlan = { how: 'none' } | { how: 'delay'; ms: number } | { how: 'size'; file: string; atLeast: number; thenSpinMs: number };

/** Busy-waits (the event loop is held, so the kill is not delayed by it). */
function spin(ms: number): void {
  const end = process.hrtime.bigint() + BigInt(Math.round(ms * 1e6));
  while (process.hrtime.bigint() < end) {
    /* wait */
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * Runs `coach ...args` with standard output going to a file (the sink: a result line there was
 * printed before the kill, and result 500k is printed only after block k was written and flushed),
 * and ends it as the plan says. A size plan watches history.jsonl in a tight loop and kills the
 * process the moment the file reaches the size, which is in the middle of a block's write (the
 * kernel grows the file page by page while it copies) or just after it.
 */
async function scoreRun(args: string[], sink: string, plan: KillPlan): Promise<Run> {
  const out = openSync(sink, 'w');
  const child = spawn(process.execPath, [COACH, ...args], { cwd: REPO, stdio: ['ignore', out, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  closeSync(out);
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (c: string) => (stderr += c));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  let timer: NodeJS.Timeout | null = null;
  if (plan.how === 'delay') timer = setTimeout(kill, plan.ms);
  if (plan.how === 'size') {
    // Give up after 2 s (the run finished without reaching the size).
    const deadline = Date.now() + 2000;
    // Polled every 0.2 ms, sleeping in between (a block's write takes a few ms).
    const nap = new Int32Array(new SharedArrayBuffer(4));
    while (sizeOf(plan.file) < plan.atLeast && Date.now() < deadline) Atomics.wait(nap, 0, 0, 0.2);
    if (Date.now() < deadline) {
      spin(plan.thenSpinMs);
      kill();
    }
  }
  const { code, signal } = await closed;
  if (timer) clearTimeout(timer);
  const results = readFileSync(sink, 'utf8').split('\n').filter((l, i, all) => i < all.length - 1 && l.startsWith('{"type":"result"')).length;
  return { code, signal, results, stderr };
}

const dirs: string[] = [];
function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Runs `coach ...args` without blocking, so it can overlap the next scripted run. */
function coachAsync(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [COACH, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * coach history --json over a copy of DIR's history as it is now (the next run may already be
 * appending to the real one): it must read the file, whatever state a kill left it in.
 */
async function checkReadable(dir: string, parsed: Parsed): Promise<void> {
  const snap = mkdtempSync(join(tmpdir(), 'coach-kill-snap-'));
  try {
    copyFileSync(join(dir, 'history.jsonl'), join(snap, 'history.jsonl'));
  } catch {
    // No history yet (killed before its first write).
  }
  try {
    const h = await coachAsync(['history', '--json', '--data', snap]);
    expect(h.code, h.stderr).toBe(0);
    expect(h.stderr).not.toMatch(STACK_LINE);
    expect(h.stderr).not.toMatch(/internal error|unhandled/i);
    // Each cut line is reported, as FILE:LINE (the first five, then how many more).
    const reported = h.stderr.split('\n').filter((l) => l !== '');
    for (const l of reported) expect(l).toMatch(/^coach: \S*history\.jsonl(:\d+: skipped .*cut short by a crash\?.*|: skipped \d+ more unreadable line\(s\))$/);
    for (const n of parsed.cut.slice(0, 5)) expect(h.stderr).toContain(`history.jsonl:${n}: skipped`);
    if (parsed.cut.length === 0) expect(h.stderr).toBe('');
    // Its sessions agree with the file, answer for answer.
    const perSession = new Map<string, number>();
    for (const r of parsed.records) if (r.type === 'answer') perSession.set(r.session, (perSession.get(r.session) ?? 0) + 1);
    const json = JSON.parse(h.stdout) as { sessions: Array<{ session: string; answers: number }> };
    const fromCli = new Map<string, number>(json.sessions.map((x) => [x.session, x.answers]));
    for (const [session, n] of perSession) expect(fromCli.get(session), session).toBe(n);
  } finally {
    rmSync(snap, { recursive: true, force: true });
  }
}

/** The answers filed under `candidate`, in file order. */
function answersOf(parsed: Parsed, candidate: string): string[] {
  return parsed.records.filter((r) => r.type === 'answer' && r.candidate === candidate).map((r) => r.answer);
}

describe('history survives SIGKILL at random points, and concurrent writers', () => {
  it(`${CHAINS * KILLS_PER_CHAIN} kills of coach score --candidate while it files answers: nothing completed is lost`, async () => {
    const random = rng(SEED);
    const work = tempDir('coach-kill-in-');
    const file = (tag: string): string => join(work, `${tag}.out`);

    // One run to its end, to learn how many bytes of history a run writes.
    const calib = tempDir('coach-kill-data-');
    // One input for every run: the candidate name tells the runs apart in the history.
    const c = answersFile(work, 'kill', ANSWERS_PER_RUN);
    const { file: input, texts } = c;
    const cr = await scoreRun(['score', c.file, '--candidate', 'r0', '--data', calib, '--format', 'jsonl', '--quiet'], file('r0'), { how: 'none' });
    expect(cr.code, cr.stderr).toBe(0);
    const bytesPerRun = sizeOf(join(calib, 'history.jsonl'));
    expect(answersOf(parseHistory(calib), 'r0')).toEqual(c.texts);

    let checking: Promise<void> = Promise.resolve();
    const f = { kills: 0, bySize: 0, finishedFirst: 0, entries: 0, lost: 0, cutLines: 0, midBlock: 0, appendsAfterCut: 0, runs: 0, reads: 0 };
    for (let chain = 0; chain < CHAINS; chain++) {
      const dir = tempDir('coach-kill-data-');
      const history = join(dir, 'history.jsonl');
      /** Every answer each earlier run left in this DIR: none may disappear later. */
      const kept = new Map<string, string[]>();
      let before = parseHistory(dir);
      for (let k = 0; k <= KILLS_PER_CHAIN; k++) {
        const tag = `r${++f.runs}`;
        const last = k === KILLS_PER_CHAIN;
        let plan: KillPlan = { how: 'none' };
        if (!last && random() < 0.6) {
          // At a random point of the bytes this run will write, then 0-3 ms later.
          plan = { how: 'size', file: history, atLeast: sizeOf(history) + 200 + Math.floor(random() * 0.98 * bytesPerRun), thenSpinMs: random() < 0.5 ? 0 : random() * 3 };
          f.bySize++;
        } else if (!last) {
          plan = { how: 'delay', ms: 50 + Math.floor(random() * 350) };
        }
        const r = await scoreRun(['score', input, '--candidate', tag, '--data', dir, '--format', 'jsonl', '--quiet'], file(tag), plan);
        if (!last && r.signal === 'SIGKILL') f.kills++;
        else if (!last) f.finishedFirst++;
        if (r.signal !== 'SIGKILL') {
          expect(r.code, r.stderr).toBe(0);
          expect(r.results).toBe(ANSWERS_PER_RUN);
        }

        const after = parseHistory(dir);
        // Checked while the next run goes (one check at a time).
        await checking;
        checking = checkReadable(dir, after);
        f.reads++;
        f.cutLines += after.cut.length - before.cut.length;
        // Earlier runs: every answer still there, in order.
        for (const [cand, list] of kept) {
          const now = answersOf(after, cand);
          f.entries += list.length;
          if (now.join('\n') !== list.join('\n')) f.lost += Math.max(1, list.length - now.length);
          expect(now, `answers of the earlier run ${cand}`).toEqual(list);
        }
        // This run: a prefix of its input, in order, with every block the sink reported as done.
        const mine = answersOf(after, tag);
        const flushed = Math.min(ANSWERS_PER_RUN, Math.floor(r.results / BLOCK) * BLOCK);
        f.entries += mine.length;
        if (mine.length < flushed) f.lost += flushed - mine.length;
        expect(mine.length, `${tag}: answers in history vs the ${flushed} reported flushed`).toBeGreaterThanOrEqual(flushed);
        expect(mine, `${tag}: a prefix of the input, in order`).toEqual(texts.slice(0, mine.length));
        if (mine.length % BLOCK !== 0 && mine.length !== ANSWERS_PER_RUN) f.midBlock++;
        // Its session record is written before any answer.
        if (mine.length > 0 || r.results > 0) expect(after.records.filter((x) => x.type === 'session' && x.candidate === tag)).toHaveLength(1);
        if (last) expect(mine).toHaveLength(ANSWERS_PER_RUN);
        // A run that found the last line cut (no newline at its end) started on a fresh line: all
        // its records are whole (checked above), and no earlier line became unreadable.
        if (before.endsCut && mine.length > 0) {
          f.appendsAfterCut++;
          expect(after.cut.slice(0, before.cut.length)).toEqual(before.cut);
        }
        kept.set(tag, mine);
        before = after;
      }
      await checking;
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(
      `kill test: ${f.kills} kills with SIGKILL (${f.bySize} timed by the history file's size, the rest by a random delay; ` +
        `${f.finishedFirst} runs finished before their kill), ${f.runs} runs over ${CHAINS} history files (seed ${SEED}): ` +
        `${f.entries.toLocaleString('en-GB')} history entries checked, ${f.lost} lost; ${f.midBlock} kills cut a block's write, ` +
        `leaving ${f.cutLines} cut lines, each skipped and reported by coach history (${f.reads} reads, exit 0); ` +
        `${f.appendsAfterCut} runs appended cleanly after a last line with no newline`,
    );
    expect(f.lost).toBe(0);
    expect(f.kills).toBeGreaterThanOrEqual(Math.floor(CHAINS * KILLS_PER_CHAIN * 0.8));
    // The limit only stops a hang: 65 process runs take 150 s and more on a shared, loaded machine.
  }, 400_000);

  for (const [writers, each, killOne] of [
    [2, 2000, false],
    [4, 700, true],
  ] as const) {
    const title = `${writers} coach score --candidate processes filing ${each} answers each into one history at once${killOne ? ', one of them killed part-way,' : ''} lose nothing`;
    it(title, async () => {
      const work = tempDir('coach-concurrent-');
      const dir = join(work, 'data');
      const history = join(dir, 'history.jsonl');
      const input = answersFile(work, `together${writers}`, each);
      const names = Array.from({ length: writers }, (_, i) => `writer-${String.fromCharCode(65 + i)}`);
      const victim = killOne ? names[writers - 1]! : null;
      const runs = await Promise.all(
        names.map(async (name) => {
          // The victim is killed once the file passes 40% of what all the writers will write.
          const plan: KillPlan = name === victim ? { how: 'size', file: history, atLeast: Math.floor(writers * each * 0.4 * 6300), thenSpinMs: 0 } : { how: 'none' };
          return scoreRun(['score', input.file, '--candidate', name, '--data', dir, '--format', 'jsonl', '--quiet'], join(work, `${name}.out`), plan);
        }),
      );
      runs.forEach((r, i) => {
        if (names[i] === victim) return;
        expect(r.code, r.stderr).toBe(0);
        expect(r.results).toBe(each);
      });
      const parsed = parseHistory(dir);
      let killed = 0;
      let victimKept = 0;
      if (victim) {
        const r = runs[writers - 1]!;
        killed = r.signal === 'SIGKILL' ? 1 : 0;
        const mine = answersOf(parsed, victim);
        victimKept = mine.length;
        expect(mine.length).toBeGreaterThanOrEqual(Math.floor(r.results / BLOCK) * BLOCK);
        expect(mine).toEqual(input.texts.slice(0, mine.length));
        // At most the one line its kill cut, which every later writer started after.
        expect(parsed.cut.length).toBeLessThanOrEqual(1);
      } else {
        // Every line whole: no record was cut or interleaved with another.
        expect(parsed.cut).toEqual([]);
        expect(parsed.endsCut).toBe(false);
      }
      const survivors = names.filter((n) => n !== victim);
      for (const name of survivors) {
        expect(answersOf(parsed, name), name).toEqual(input.texts);
        expect(parsed.records.filter((x) => x.type === 'session' && x.candidate === name)).toHaveLength(1);
      }
      const answers = parsed.records.filter((x) => x.type === 'answer');
      expect(answers).toHaveLength(survivors.length * each + victimKept);
      // How often the file goes from one writer's block to another's: the writes did overlap.
      let switches = 0;
      for (let i = 1; i < answers.length; i++) if (answers[i].candidate !== answers[i - 1].candidate) switches++;
      const h = await coachAsync(['history', '--json', '--data', dir]);
      expect(h.code, h.stderr).toBe(0);
      expect(h.stderr.split('\n').filter((l) => l !== '')).toHaveLength(parsed.cut.length);
      const sessions = (JSON.parse(h.stdout) as { sessions: Array<{ answers: number }> }).sessions;
      expect(sessions.reduce((n, x) => n + x.answers, 0)).toBe(answers.length);
      console.log(
        `concurrent writers: ${writers} processes x ${each.toLocaleString('en-GB')} answers into one history.jsonl` +
          (victim ? `, ${killed} killed while the others wrote (${victimKept} of its answers kept, a whole prefix; ${parsed.cut.length} cut line)` : '') +
          `: ${(survivors.length * each).toLocaleString('en-GB')} of ${(survivors.length * each).toLocaleString('en-GB')} answers of the ${survivors.length} finished writers present, ` +
          `order checked per writer, 0 lost, ${victim ? parsed.cut.length : 0} unreadable lines; the file switches writer ${switches} times`,
      );
      expect(switches).toBeGreaterThanOrEqual(survivors.length - 1);
    }, 60_000);
  }

  it('a cut last line from an older crash: history, progress, report and export report it as FILE:LINE and carry on; the next run starts on a fresh line', async () => {
    const work = tempDir('coach-cut-');
    const dir = join(work, 'data');
    const history = join(dir, 'history.jsonl');
    const input = answersFile(work, 'cut', 3);
    const first = await scoreRun(['score', input.file, '--candidate', 'Sam', '--data', dir, '--format', 'jsonl', '--quiet'], join(work, 'a.out'), { how: 'none' });
    expect(first.code, first.stderr).toBe(0);
    // A crash cut the last record short: 4 lines (session and 3 answers), the 4th cut.
    const text = readFileSync(history, 'utf8');
    writeFileSync(history, text.slice(0, text.length - 500));
    const message = /^coach: \S*history\.jsonl:4: skipped a line that could not be read \(cut short by a crash\?\)$/m;
    for (const args of [['history'], ['history', '--json'], ['progress'], ['progress', '--json'], ['report', '--candidate', 'Sam', '--format', 'json'], ['export', '--labelled']]) {
      const r = await coachAsync([...args, '--data', dir]);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stderr).not.toMatch(/internal error/);
      // export finds no adviser's levels (exit 1); the others succeed.
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(args[0] === 'export' ? 1 : 0);
    }
    const second = await scoreRun(['score', input.file, '--candidate', 'Alex', '--data', dir, '--format', 'jsonl', '--quiet'], join(work, 'b.out'), { how: 'none' });
    expect(second.code, second.stderr).toBe(0);
    const parsed = parseHistory(dir);
    expect(parsed.cut).toEqual([4]);
    expect(answersOf(parsed, 'Sam')).toEqual(input.texts.slice(0, 2));
    expect(answersOf(parsed, 'Alex')).toEqual(input.texts);
    const h = await coachAsync(['history', '--json', '--data', dir]);
    expect(h.code).toBe(0);
    expect(JSON.parse(h.stdout).sessions.map((x: { answers: number }) => x.answers).sort()).toEqual([2, 3]);
  });
});
