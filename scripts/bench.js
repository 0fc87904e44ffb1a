#!/usr/bin/env node
// coach benchmark: start-up, throughput, peak memory and rubric load time. Prints figures with
// their bars; never fails on a bar (exit 1 only if a measured command itself fails).
//
//   npm run bench                  build, then run
//   node scripts/bench.js [--json] [--runs N] [--warmup N] [--count N] [--throughput-runs N]
//                         [--no-pin] [--keep] [--rss-hook]
//
// Node built-ins only. Helpers live in scripts/bench/.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAnswers, parseRecordList } from './bench/answers.js';
import { measureScale, SCALE_BARS } from './bench/scale.js';
import { measureBounds } from './bench/bounds.js';
import { writeTranscripts } from './bench/transcripts.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'coach.js');
const HELPERS = join(ROOT, 'scripts', 'bench');

const BARS = {
  helpRatio: 1.6, // coach --help under 1.6x `node -e 0`
  answersPerSecond: 5000, // CLI scoring throughput, on one core
  transcriptsPerSecond: 5000, // reading and scoring transcripts (issue 14: the judgement issue's floor), on one core
};

// ---------------------------------------------------------------------------- options

function parseArgs(argv) {
  const o = { json: false, runs: 15, warmup: 2, count: 10000, throughputRuns: 2, pin: true, keep: false, rssHook: false, scale: true, scaleCount: 100_000, scaleMemory: 1_000_000, bounds: true, boundsLineMB: 600, boundsBadMB: 50, transcripts: true, transcriptsOnly: false, transcriptsCount: 100_000 };
  const num = (i, name) => {
    const v = Number(argv[i + 1]);
    if (!Number.isInteger(v) || v < 0) usage(`${name} needs a whole number`);
    return v;
  };
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') o.json = true;
    else if (a === '--runs') o.runs = Math.max(1, num(i++, a));
    else if (a === '--warmup') o.warmup = num(i++, a);
    else if (a === '--count') o.count = Math.max(1, num(i++, a));
    else if (a === '--throughput-runs') o.throughputRuns = Math.max(1, num(i++, a));
    else if (a === '--no-pin') o.pin = false;
    else if (a === '--keep') o.keep = true;
    else if (a === '--rss-hook') o.rssHook = true;
    else if (a === '--no-scale') o.scale = false;
    else if (a === '--scale-count') o.scaleCount = Math.max(1, num(i++, a));
    else if (a === '--scale-memory') o.scaleMemory = Math.max(1, num(i++, a));
    else if (a === '--no-bounds') o.bounds = false;
    else if (a === '--bounds-line-mb') o.boundsLineMB = Math.max(1, num(i++, a));
    else if (a === '--bounds-bad-mb') o.boundsBadMB = Math.max(1, num(i++, a));
    else if (a === '--no-transcripts') o.transcripts = false;
    else if (a === '--transcripts-only') o.transcriptsOnly = true;
    else if (a === '--transcripts-count') o.transcriptsCount = Math.max(1, num(i++, a));
    else if (a === '-h' || a === '--help') usage();
    else usage(`unknown option ${a}`);
  }
  return o;
}

function usage(error) {
  const text = `usage: node scripts/bench.js [--json] [--runs N] [--warmup N] [--count N] [--throughput-runs N] [--no-pin] [--keep] [--rss-hook]
                          [--no-scale] [--scale-count N] [--scale-memory N] [--no-bounds] [--bounds-line-mb N] [--bounds-bad-mb N]
                          [--no-transcripts] [--transcripts-only] [--transcripts-count N]
  --json              print the figures as JSON instead of a table
  --runs N            timed start-up runs per command (default 15), after --warmup N (default 2)
  --count N           answers in the throughput file (default 10000)
  --throughput-runs N timed CLI runs over the file (default 2; the median is reported)
  --no-pin            do not pin throughput runs to one CPU with taskset
  --keep              keep the generated answers file
  --rss-hook          measure peak RSS with a node --import hook even if /usr/bin/time exists
  --no-scale          skip section 6 (batch scoring at scale: a few minutes)
  --scale-count N     answers in the --jobs 1 / --jobs 2 throughput file (default 100000)
  --scale-memory N    answers streamed for the large peak-memory run (default 1000000; the small
                      run uses --scale-count)
  --no-bounds         skip section 7 (memory bounds on hostile input: a minute or two)
  --bounds-line-mb N  size of the one long JSONL line (default 600)
  --bounds-bad-mb N   size of the file of short bad JSONL lines (default 50)
  --no-transcripts    skip section 8 (answers as .vtt/.srt transcripts, --jobs 1: two minutes)
  --transcripts-only  run section 8 alone
  --transcripts-count N
                      answers in section 8 (default 100000: the speed floor is defined over
                      100,000 answers; fewer are reported but not held to it, as start-up and
                      warm-up weigh on them)
`;
  (error ? process.stderr : process.stdout).write(error ? `bench: ${error}\n${text}` : text);
  process.exit(error ? 2 : 0);
}

// ---------------------------------------------------------------------------- helpers

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);
const fmtInt = (x) => Math.round(x).toLocaleString('en-US');
const fmtMs = (x) => `${x.toFixed(1)} ms`;
const fmtMiB = (kib) => `${(kib / 1024).toFixed(1)} MiB`;

const failures = [];

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Runs a command, output discarded; returns wall ms (spawn included) and the exit status. */
function timed(cmd, args, { stdoutFd = 'ignore', env } = {}) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', stdoutFd, 'pipe'], env: env ?? process.env, maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  return { ms, status: r.status, signal: r.signal, stderr: r.stderr?.toString() ?? '', error: r.error };
}

function checkOk(label, r) {
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : r.signal ? `signal ${r.signal}` : `exit ${r.status}`;
    failures.push(`${label}: ${why}${r.stderr ? `\n    ${r.stderr.trim().split('\n').slice(0, 5).join('\n    ')}` : ''}`);
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------- 1. start-up

function measureStartup(o) {
  const answerTxt = join(ROOT, 'examples', 'answer.txt');
  const cmds = [
    { key: 'nodeE0', label: 'node -e 0', args: ['-e', '0'] },
    { key: 'help', label: 'coach --help', args: [BIN, '--help'] },
    { key: 'scoreOne', label: 'coach score answer.txt --json', args: [BIN, 'score', answerTxt, '-q', 'Tell me about a time you helped a customer.', '--json'] },
  ];
  const times = Object.fromEntries(cmds.map((c) => [c.key, []]));
  const ok = Object.fromEntries(cmds.map((c) => [c.key, true]));
  // Interleaved rounds, so drift in machine load hits every command alike.
  for (let round = 0; round < o.warmup + o.runs; round++) {
    for (const c of cmds) {
      const r = timed(process.execPath, c.args);
      if (round === 0 && !checkOk(c.label, r)) ok[c.key] = false;
      if (round >= o.warmup) times[c.key].push(r.ms);
    }
  }
  const base = median(times.nodeE0);
  const res = {};
  for (const c of cmds) {
    const m = median(times[c.key]);
    res[c.key] = { command: c.label, medianMs: m, minMs: Math.min(...times[c.key]), maxMs: Math.max(...times[c.key]), ratio: m / base, ok: ok[c.key] };
  }
  return res;
}

// ---------------------------------------------------------------------------- 2+3. throughput, memory

function rssMethod(tmp, forceHook) {
  const time = '/usr/bin/time';
  if (!forceHook && existsSync(time)) {
    const f = join(tmp, 'time-probe');
    const r = spawnSync(time, ['-f', '%M', '-o', f, process.execPath, '-e', '0'], { stdio: 'ignore' });
    if (r.status === 0 && existsSync(f) && /^\d+\s*$/.test(readFileSync(f, 'utf8').trim().split('\n').pop())) {
      return { name: '/usr/bin/time -f %M', wrap: (out, argv) => [time, ['-f', '%M', '-o', out, ...argv]], env: () => process.env };
    }
  }
  const hook = join(HELPERS, 'maxrss-hook.js');
  return {
    name: 'node --import scripts/bench/maxrss-hook.js (process.resourceUsage().maxRSS)',
    wrap: (_out, argv) => [argv[0], argv.slice(1)],
    env: (out) => ({ ...process.env, COACH_BENCH_MAXRSS_FILE: out }),
    nodeArgs: ['--import', new URL(`file://${hook}`).href],
  };
}

function readRss(file) {
  try {
    const last = readFileSync(file, 'utf8').trim().split('\n').pop();
    return /^\d+$/.test(last) ? Number(last) : null;
  } catch {
    return null;
  }
}

function measureCli(o, file, tmp, pin) {
  const method = rssMethod(tmp, o.rssHook);
  const devNull = openSync(os.devNull, 'w');
  const runs = [];
  try {
    for (let i = 0; i < o.throughputRuns; i++) {
      const out = join(tmp, `rss-${i}`);
      const node = [process.execPath, ...(method.nodeArgs ?? []), BIN, 'score', file, '--format', 'jsonl'];
      const argv = pin ? [pin, '-c', '0', ...node] : node;
      const [cmd, args] = method.wrap(out, argv);
      const r = timed(cmd, args, { stdoutFd: devNull, env: method.env(out) });
      if (!checkOk(`coach score FILE --format jsonl (run ${i + 1})`, r)) return null;
      if (r.stderr.trim()) failures.push(`coach score FILE --format jsonl wrote to stderr: ${r.stderr.trim().split('\n')[0]}`);
      runs.push({ ms: r.ms, maxRssKiB: readRss(out) });
    }
  } finally {
    closeSync(devNull);
  }
  const ms = median(runs.map((r) => r.ms));
  const rss = runs.map((r) => r.maxRssKiB).filter((x) => x != null);
  return {
    runs: runs.length,
    wallMs: ms,
    wallMsEach: runs.map((r) => r.ms),
    answersPerSecond: o.count / (ms / 1000),
    maxRssKiB: rss.length ? Math.max(...rss) : null,
    rssMethod: method.name,
  };
}

function measureReport(file, tmp) {
  const data = join(tmp, 'history');
  const filed = spawnSync(process.execPath, [BIN, 'score', file, '--candidate', 'bench', '--data', data, '--format', 'jsonl'], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (filed.status !== 0) {
    failures.push(`score --candidate (filing the history for report) exited ${filed.status}: ${String(filed.stderr).slice(0, 200)}`);
    return null;
  }
  const formats = ['html', 'json'].map((format) => {
    const times = [];
    for (let i = 0; i < 3; i++) {
      const t = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [BIN, 'report', '--candidate', 'bench', '--data', data, '--format', format, '-o', join(tmp, `report.${format}`)], { stdio: 'ignore' });
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
      if (r.status !== 0) failures.push(`report --format ${format} exited ${r.status}`);
    }
    return { format, medianMs: median(times) };
  });
  return { historyBytes: statSync(join(data, 'history.jsonl')).size, formats };
}

function measureInProcess(file, pin) {
  const argv = [process.execPath, join(HELPERS, 'inproc.js'), file];
  const [cmd, ...args] = pin ? [pin, '-c', '0', ...argv] : argv;
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 << 20 });
  if (!checkOk('in-process bench (scripts/bench/inproc.js)', r)) return null;
  try {
    return JSON.parse(r.stdout.trim().split('\n').pop());
  } catch (e) {
    failures.push(`in-process bench printed no JSON: ${e.message}`);
    return null;
  }
}

// ---------------------------------------------------------------------------- 8. transcripts

/**
 * The --count answers as transcript files (whisper.cpp WebVTT, SRT, Zoom WebVTT with two speakers)
 * and a JSONL of records that point at them: coach score reads, parses and scores each, on one
 * thread (--jobs 1), pinned to one CPU. The same answers typed are run in turn with them, so the
 * two figures come from the same minutes of a shared machine, and `node -e 0` beside them says
 * how loaded it was. The median of --throughput-runs runs, and the fastest.
 */
function measureTranscripts(o, records, tmp, pin) {
  const file = writeTranscripts(records, tmp);
  const typedFile = join(tmp, 'typed-for-transcripts.jsonl');
  writeFileSync(typedFile, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  const devNull = openSync(os.devNull, 'w');
  const times = [];
  const typedTimes = [];
  const nodeTimes = [];
  const run = (input, label) => {
    const node = [process.execPath, BIN, 'score', input, '--format', 'jsonl', '--jobs', '1'];
    const [cmd, ...args] = pin ? [pin, '-c', '0', ...node] : node;
    const r = timed(cmd, args, { stdoutFd: devNull });
    if (!checkOk(`coach score ${label} --format jsonl --jobs 1`, r)) return null;
    if (r.stderr.trim()) failures.push(`coach score ${label} wrote to stderr: ${r.stderr.trim().split('\n')[0]}`);
    return r.ms;
  };
  try {
    for (let i = 0; i < o.throughputRuns; i++) {
      const bare = timed(process.execPath, ['-e', '0']);
      nodeTimes.push(bare.ms);
      const t = run(file, `TRANSCRIPTS (run ${i + 1})`);
      const typed = run(typedFile, `TYPED (run ${i + 1})`);
      if (t === null || typed === null) return null;
      times.push(t);
      typedTimes.push(typed);
    }
  } finally {
    closeSync(devNull);
  }
  const ms = median(times);
  const typedMs = median(typedTimes);
  return {
    count: records.length, wallMs: ms, wallMsEach: times, answersPerSecond: records.length / (ms / 1000),
    fastestPerSecond: records.length / (Math.min(...times) / 1000),
    typedWallMs: typedMs, typedWallMsEach: typedTimes, typedPerSecond: records.length / (typedMs / 1000),
    typedFastestPerSecond: records.length / (Math.min(...typedTimes) / 1000),
    costRatio: ms / typedMs, nodeE0Ms: median(nodeTimes),
  };
}

// ---------------------------------------------------------------------------- report

function table(sections) {
  const rows = sections.flatMap((s) => s.rows);
  const w = [0, 0, 0, 0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const lines = [];
  for (const s of sections) {
    lines.push('', s.title);
    for (const r of s.rows) {
      const [label, value, ratio, bar, met] = r;
      lines.push(`  ${label.padEnd(w[0])}  ${value.padStart(w[1])}  ${(ratio ?? '').padStart(w[2])}  ${(bar ?? '').padEnd(w[3])}  ${met ?? ''}`.trimEnd());
    }
    for (const n of s.notes ?? []) lines.push(`  ${n}`);
  }
  return lines.join('\n');
}

const metText = (met) => (met == null ? '' : met ? 'MET' : 'NOT MET');
// The speed floor is defined over 100,000 answers: a shorter run is mostly start-up and warm-up.
const FLOOR_COUNT = 100_000;
const transcriptsMet = (t) => (t.count >= FLOOR_COUNT ? t.answersPerSecond >= BARS.transcriptsPerSecond : null);

async function main() {
  const o = parseArgs(process.argv);
  for (const need of ['dist/cli/main.js', 'dist/core/assess.js']) {
    if (!existsSync(join(ROOT, need))) usage(`${need} is missing: build first (npx tsc -p . or npm run bench)`);
  }
  const started = process.hrtime.bigint();
  const pin = o.pin && os.platform() === 'linux' ? which('taskset') : null;
  const cpus = os.cpus();
  const env = {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cpus: cpus.length,
    pinnedToOneCpu: Boolean(pin),
  };

  if (o.transcriptsOnly) return transcriptsOnly(o, env, started, pin);

  // 1. Start-up, measured first while the machine is quiet.
  const startup = measureStartup(o);
  // 1b. Practice: time to its first prompt in a pseudo-terminal (script), against node -e 0 there.
  const firstPrompt = which('script') ? JSON.parse(execFileSync(process.execPath, [join(HELPERS, 'first-prompt.js'), String(o.runs)], { encoding: 'utf8' })) : null;

  // 2. Generate the answers file.
  const tmp = mkdtempSync(join(os.tmpdir(), 'coach-bench-'));
  const file = join(tmp, `answers-${o.count}.jsonl`);
  const examplesPath = join(ROOT, 'examples', 'answers.yaml');
  const examples = parseRecordList(readFileSync(examplesPath, 'utf8'));
  const gen = generateAnswers(examples, o.count);
  writeFileSync(file, `${gen.records.map((r) => JSON.stringify(r)).join('\n')}\n`);

  let cli;
  let inproc;
  let report;
  let scale = null;
  let bounds = null;
  let transcripts = null;
  try {
    // 2+3. CLI throughput and peak memory (same runs).
    cli = measureCli(o, file, tmp, pin);
    // 5. coach report over a history of o.count answers (filed by score --candidate; not timed).
    report = measureReport(file, tmp);
    // 2+4. In-process split, and rubric load+compile.
    inproc = measureInProcess(file, pin);
    // 6. Batch scoring at scale: --jobs 1 and 2 over 100,000 answers, memory at 100,000 and 1,000,000.
    // 7. Memory bounds on hostile input: a 600 MB line, 50 MB of bad lines.
    if (o.bounds) bounds = await measureBounds({ bin: BIN, tmp, longLineBytes: o.boundsLineMB * 1e6, badBytes: o.boundsBadMB * 1e6 }, failures);
    // 8. The same answers as transcripts.
    if (o.transcripts) transcripts = measureTranscripts(o, o.transcriptsCount === o.count ? gen.records : generateAnswers(examples, o.transcriptsCount).records, tmp, pin);
    if (o.scale) scale = await measureScale({ root: ROOT, bin: BIN, examples, tmp, pin, count: o.scaleCount, memoryCounts: [o.scaleCount, o.scaleMemory], runs: o.throughputRuns }, failures);
  } finally {
    if (!o.keep) rmSync(tmp, { recursive: true, force: true });
  }
  const totalS = Number(process.hrtime.bigint() - started) / 1e9;

  const helpMet = startup.help.ok ? startup.help.ratio < BARS.helpRatio : false;
  const promptMet = firstPrompt ? firstPrompt.ratio < BARS.helpRatio : null;
  const tputMet = cli ? cli.answersPerSecond >= BARS.answersPerSecond : false;
  const perSec = (ms) => (ms ? o.count / (ms / 1000) : null);

  const figures = {
    env,
    startup: {
      runs: o.runs,
      warmup: o.warmup,
      nodeE0: startup.nodeE0,
      help: { ...startup.help, bar: `ratio < ${BARS.helpRatio}`, met: helpMet },
      scoreOne: startup.scoreOne,
      report: report ?? null,
      practiceFirstPrompt: firstPrompt ? { ...firstPrompt, bar: `ratio < ${BARS.helpRatio}`, met: promptMet } : null,
    },
    input: { file: o.keep ? file : null, from: relative(ROOT, examplesPath), ...gen.stats },
    throughput: cli && {
      command: 'coach score FILE --format jsonl > /dev/null',
      ...cli,
      bar: `>= ${BARS.answersPerSecond} answers/s on one core`,
      met: tputMet,
    },
    peakMemory: cli && { maxRssKiB: cli.maxRssKiB, method: cli.rssMethod },
    inProcess: inproc && {
      ...inproc,
      file: undefined,
      collectPerSecond: perSec(inproc.collectMs),
      assessColdPerSecond: perSec(inproc.assessColdMs),
      assessWarmPerSecond: perSec(inproc.assessWarmMs),
      pipelineMs: inproc.importCoreMs + inproc.rubricLoadColdMs + inproc.rubricCompileColdMs + (inproc.collectMs ?? inproc.readJsonParseMs) + inproc.assessColdMs + (inproc.renderJsonlMs ?? 0),
    },
    rubric: inproc && {
      loadCompileColdMs: inproc.rubricLoadColdMs + inproc.rubricCompileColdMs,
      loadColdMs: inproc.rubricLoadColdMs,
      compileColdMs: inproc.rubricCompileColdMs,
      loadCompileWarmMs: inproc.rubricWarmMs,
      warmRuns: inproc.rubricWarmRuns,
    },
    bounds,
    transcripts: transcripts && { ...transcripts, bar: `>= ${BARS.transcriptsPerSecond} answers/s on one core over ${FLOOR_COUNT} answers`, met: transcriptsMet(transcripts) },
    scale: scale && { ...scale, bars: { perCoreAnswersPerSecond: SCALE_BARS.perCore, maxRssMiB: SCALE_BARS.rssMiB, flatWithin: SCALE_BARS.flat, firstLinesMs: SCALE_BARS.firstLinesMs } },
    failures,
    totalSeconds: totalS,
  };

  if (o.json) {
    process.stdout.write(`${JSON.stringify(figures, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? round(v, 2) : v), 2)}\n`);
  } else {
    const s = startup;
    const pinNote = pin ? 'pinned to CPU 0 with taskset' : 'not pinned to one CPU';
    const sections = [
      {
        title: `1. Start-up (median of ${o.runs} runs after ${o.warmup} warm-ups, interleaved)`,
        rows: [
          ['', 'median', 'ratio', 'bar', ''],
          [s.nodeE0.command, fmtMs(s.nodeE0.medianMs), '1.00x', '(baseline)'],
          [s.help.command, fmtMs(s.help.medianMs), `${s.help.ratio.toFixed(2)}x`, `< ${BARS.helpRatio.toFixed(2)}x node -e 0`, metText(helpMet)],
          [s.scoreOne.command, fmtMs(s.scoreOne.medianMs), `${s.scoreOne.ratio.toFixed(2)}x`, '(no bar)'],
          ...(firstPrompt ? [
            ['coach practice: first prompt (pty)', fmtMs(firstPrompt.firstPromptMs), `${firstPrompt.ratio.toFixed(2)}x`, `< ${BARS.helpRatio.toFixed(2)}x node -e 0 in a pty (${fmtMs(firstPrompt.nodeMs)})`, metText(promptMet)],
          ] : [['coach practice: first prompt', 'n/a', '', '(needs util-linux script)']]),
        ],
      },
    ];
    if (cli) {
      sections.push({
        title: `2. Throughput: ${fmtInt(o.count)} answers (${gen.stats.distinct} distinct, ${gen.stats.words.min}-${gen.stats.words.max} words, median ${gen.stats.words.median}), ${pinNote}`,
        rows: [
          ['coach score FILE --format jsonl', `${fmtInt(cli.answersPerSecond)} /s`, '', `>= ${fmtInt(BARS.answersPerSecond)} /s, one core`, metText(tputMet)],
          ['  wall time (median)', fmtMs(cli.wallMs), '', `(${cli.runs} run${cli.runs === 1 ? '' : 's'}: ${cli.wallMsEach.map((x) => x.toFixed(0)).join(', ')} ms)`],
        ],
      });
    }
    if (inproc) {
      const i = figures.inProcess;
      const rows = [
        ['  import core modules', fmtMs(i.importCoreMs), '', '(no bar)'],
        ['  rubric load+compile (cold)', fmtMs(figures.rubric.loadCompileColdMs), '', '(no bar)'],
        [`  read+parse+validate (collectAnswers)`, i.collectMs != null ? fmtMs(i.collectMs) : 'n/a', i.collectMs != null ? `${fmtInt(i.collectPerSecond)} /s` : '', '(no bar)'],
        ['  assess, pass 1 (cold)', fmtMs(i.assessColdMs), `${fmtInt(i.assessColdPerSecond)} /s`, '(no bar)'],
        ['  assess, pass 2 (warm)', fmtMs(i.assessWarmMs), `${fmtInt(i.assessWarmPerSecond)} /s`, '(no bar)'],
        ['  delivery + record + jsonl (warm)', i.renderJsonlMs != null ? fmtMs(i.renderJsonlMs) : 'n/a', i.renderedBytes ? fmtMiB(i.renderedBytes / 1024) : '', '(no bar)'],
        ['  pipeline total (cold)', fmtMs(i.pipelineMs), `${fmtInt(perSec(i.pipelineMs))} /s`, cli ? `(CLI wall ${fmtMs(cli.wallMs)})` : ''],
      ];
      sections.push({
        title: `   In-process split (fresh child, ${pinNote}; bare JSON.parse of the file: ${fmtMs(i.readJsonParseMs)})`,
        rows,
        notes: [`  levels: low ${i.levels.low}, medium ${i.levels.medium}, high ${i.levels.high}; in-process peak RSS ${fmtMiB(i.maxRssKiB)}`, ...[i.collectNote, i.renderNote].filter(Boolean)],
      });
    }
    if (cli) {
      sections.push({
        title: '3. Peak memory',
        rows: [[`max RSS, coach score ${fmtInt(o.count)} answers`, cli.maxRssKiB != null ? fmtMiB(cli.maxRssKiB) : 'n/a', '', '(no bar)']],
        notes: [`  via ${cli.rssMethod}, max over ${cli.runs} run${cli.runs === 1 ? '' : 's'}`],
      });
    }
    if (report) {
      sections.push({
        title: `5. coach report over a history of ${fmtInt(o.count)} answers (${(report.historyBytes / 1e6).toFixed(0)} MB)`,
        rows: report.formats.map((f) => [`coach report --format ${f.format}`, fmtMs(f.medianMs), '', '< 2000 ms', metText(f.medianMs < 2000)]),
      });
    }
    if (inproc) {
      const r = figures.rubric;
      sections.push({
        title: '4. Rubric load+compile, in-process (bundled rubric)',
        rows: [
          ['first call (cold)', fmtMs(r.loadCompileColdMs), '', '(no bar)'],
          ['  load / compile', `${r.loadColdMs.toFixed(1)} / ${r.compileColdMs.toFixed(1)} ms`],
          [`warm (median of ${r.warmRuns})`, fmtMs(r.loadCompileWarmMs), '', '(no bar)'],
        ],
      });
    }
    if (scale) {
      const rows = [['', 'answers/s', 'per core', 'bar', '']];
      for (const t of scale.throughput) {
        rows.push([`coach score FILE --format jsonl --jobs ${t.jobs}${t.pinned ? ' (one CPU)' : ''}`, `${fmtInt(t.answersPerSecond)} /s`, `${fmtInt(t.perCore)} /s`, `>= ${fmtInt(SCALE_BARS.perCore)} /s per core`, metText(t.perCore >= SCALE_BARS.perCore)]);
        rows.push(['  wall time (median)', fmtMs(t.wallMs), '', `(${t.wallMsEach.map((x) => x.toFixed(0)).join(', ')} ms)`]);
      }
      rows.push(['', 'max RSS', '', '', '']);
      for (const m of scale.memory) {
        rows.push([`${fmtInt(m.count)} answers on stdin, --format ${m.format}`, fmtMiB(m.maxRssKiB), `${fmtInt(m.count / (m.wallMs / 1000))} /s`, `< ${SCALE_BARS.rssMiB} MiB`, metText(m.maxRssKiB / 1024 < SCALE_BARS.rssMiB)]);
      }
      if (scale.growth != null) rows.push([`  jsonl growth from ${fmtInt(scale.memory[0].count)} to ${fmtInt(scale.memory[1].count)}`, `${(scale.growth * 100).toFixed(1)}%`, '', `within ${SCALE_BARS.flat * 100}%`, metText(Math.abs(scale.growth) <= SCALE_BARS.flat)]);
      rows.push(['', 'wall', '', '', '']);
      for (const f of scale.firstLines) rows.push([`coach score FILE --format ${f.format} | head -3`, fmtMs(f.wallMs), '', `< ${SCALE_BARS.firstLinesMs} ms`, metText(f.wallMs < SCALE_BARS.firstLinesMs)]);
      sections.push({
        title: `6. Batch scoring at scale (${env.cpus} CPUs; throughput over a ${fmtInt(scale.count)}-answer file, median of ${o.throughputRuns})`,
        rows,
        notes: ['  peak memory: /usr/bin/time -f %M, answers generated on the fly and piped in (scripts/bench/gen-stream.js)'],
      });
    }
    if (bounds) {
      sections.push({
        title: '7. Memory bounds on hostile input (coach score FILE --format jsonl; inputs generated, not kept)',
        rows: [['', 'max RSS', 'wall', 'bar', ''], ...bounds.runs.map((b) => [b.name, fmtMiB(b.maxRssKiB), fmtMs(b.wallMs), `< ${bounds.barMiB} MiB, right errors`, metText(b.maxRssKiB / 1024 < bounds.barMiB && b.errorsRight)])],
        notes: ['  right errors: exit 2, each error at its own line exactly, inputs = scored + failed; peak memory by /usr/bin/time -f %M'],
      });
    }
    if (transcripts) sections.push(transcriptSection(transcripts, pin));
    const header = `coach bench — node ${env.node}, ${env.platform}, ${env.cpus} x ${env.cpu}`;
    process.stdout.write(`${header}\n${table(sections)}\n\n`);
    if (failures.length) process.stdout.write(`FAILURES:\n  ${failures.join('\n  ')}\n\n`);
    process.stdout.write(`bench took ${totalS.toFixed(1)} s${o.keep ? `; answers kept in ${file}` : ''}\n`);
  }
  if (failures.length) process.exitCode = 1;
}

function transcriptSection(t, pin) {
  return {
    title: `8. Transcripts: ${fmtInt(t.count)} answers as .vtt / .srt files (whisper.cpp, SRT, Zoom with two speakers), records pointing at them, --jobs 1, ${pin ? 'pinned to CPU 0 with taskset' : 'not pinned to one CPU'}; the same answers typed, run in turn with them`,
    rows: [
      ['coach score TRANSCRIPTS.jsonl --format jsonl --jobs 1', `${fmtInt(t.answersPerSecond)} /s`, '', `>= ${fmtInt(BARS.transcriptsPerSecond)} /s, one core, over ${fmtInt(FLOOR_COUNT)}`, t.count >= FLOOR_COUNT ? metText(transcriptsMet(t)) : `not held to it (${fmtInt(t.count)} answers)`],
      ['  wall time (median; fastest run)', fmtMs(t.wallMs), `${fmtInt(t.fastestPerSecond)} /s`, `(${t.wallMsEach.map((x) => x.toFixed(0)).join(', ')} ms)`],
      ['the same answers typed (TYPED.jsonl)', `${fmtInt(t.typedPerSecond)} /s`, `${fmtInt(t.typedFastestPerSecond)} /s`, `(${t.typedWallMsEach.map((x) => x.toFixed(0)).join(', ')} ms)`],
      ['  a transcript costs', `${t.costRatio.toFixed(2)}x`, '', 'a typed answer (median against median)'],
      ['  node -e 0 in the same minutes (median)', fmtMs(t.nodeE0Ms), '', '(how loaded the machine was)'],
    ],
  };
}

/** --transcripts-only: section 8 alone (its input built from --transcripts-count generated answers). */
function transcriptsOnly(o, env, started, pin) {
  const tmp = mkdtempSync(join(os.tmpdir(), 'coach-bench-'));
  let t;
  try {
    const examples = parseRecordList(readFileSync(join(ROOT, 'examples', 'answers.yaml'), 'utf8'));
    t = measureTranscripts(o, generateAnswers(examples, o.transcriptsCount).records, tmp, pin);
  } finally {
    if (!o.keep) rmSync(tmp, { recursive: true, force: true });
  }
  const totalS = Number(process.hrtime.bigint() - started) / 1e9;
  if (o.json) process.stdout.write(`${JSON.stringify({ env, transcripts: t, failures, totalSeconds: totalS }, null, 2)}\n`);
  else {
    process.stdout.write(`coach bench — node ${env.node}, ${env.platform}, ${env.cpus} x ${env.cpu}\n${t ? table([transcriptSection(t, pin)]) : ''}\n\n`);
    if (failures.length) process.stdout.write(`FAILURES:\n  ${failures.join('\n  ')}\n\n`);
    process.stdout.write(`bench took ${totalS.toFixed(1)} s\n`);
  }
  if (failures.length) process.exitCode = 1;
}

await main();
