// Section 7 of npm run bench: reading is bounded by the limits, not by the input (issue 11).
//  - a JSONL file holding one line of 600 MB between two good ones: the long line is refused at
//    line 2 while it streams by, and both good answers are scored;
//  - 50 MB of short bad JSONL lines (then one good one): every bad line is reported, as it is found.
// Each must end with exactly the right errors and inputs = scored + failed, under 200 MiB peak
// RSS (/usr/bin/time -f %M). The inputs are generated in the bench's temporary folder, never kept.
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

export const BOUNDS_BAR_MIB = 200;
const LINE_LIMIT = 200_000;

const QUESTION = 'Tell me about a time you helped a customer.';
const good = (id) => JSON.stringify({ id, question: QUESTION, competency: 'customer-focus', answer: 'I asked what she needed, found the coat in her size at our other branch and she collected it that evening.' });

function writeLongLine(file, bytes) {
  const fd = openSync(file, 'w');
  const head = '{"id":"huge","question":"q","answer":"';
  writeSync(fd, `${good('before')}\n${head}`);
  const block = Buffer.from('I asked what she needed. '.repeat(40_000));
  let left = bytes - head.length - 2;
  while (left > 0) {
    const n = Math.min(left, block.length);
    writeSync(fd, block, 0, n);
    left -= n;
  }
  writeSync(fd, `"}\n${good('after')}\n`);
  closeSync(fd);
  return bytes;
}

function writeBadLines(file, bytes) {
  const fd = openSync(file, 'w');
  const line = '{"id": oops}\n';
  const block = line.repeat(10_000);
  let lines = 0;
  for (let written = 0; written < bytes; written += block.length) {
    writeSync(fd, block);
    lines += 10_000;
  }
  writeSync(fd, `${good('last')}\n`);
  closeSync(fd);
  return lines;
}

/** Reads coach's JSONL output line by line (it can be large): the errors and the summary. */
async function readOutput(file, onError) {
  let summary = null;
  let results = 0;
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const l of rl) {
    if (l.startsWith('{"type":"result"')) results++;
    else if (l.startsWith('{"type":"error"')) onError(JSON.parse(l));
    else if (l.startsWith('{"type":"summary"')) summary = JSON.parse(l);
  }
  return { summary, results };
}

/** o: { bin, tmp, longLineBytes, badBytes }. Returns the figures; pushes problems to `failures`. */
export async function measureBounds(o, failures) {
  if (!existsSync('/usr/bin/time')) {
    failures.push('bounds: /usr/bin/time is missing: no peak memory figures');
    return null;
  }
  const runs = [];
  const cases = [
    {
      name: `a JSONL line of ${Math.round(o.longLineBytes / 1e6)} MB between two good ones`,
      make: (f) => writeLongLine(f, o.longLineBytes),
      expect: (bytes) => ({ inputs: 3, scored: 2, failed: 1, errors: [`2:1: line is ${bytes.toLocaleString('en-US')} bytes long; the limit is ${LINE_LIMIT.toLocaleString('en-US')} (an answer may have 20,000 characters): not read`] }),
    },
    {
      name: `${Math.round(o.badBytes / 1e6)} MB of short bad JSONL lines, then a good one`,
      make: (f) => writeBadLines(f, o.badBytes),
      expect: (lines) => ({ inputs: lines + 1, scored: 1, failed: lines, everyError: (e, i) => e.line === i + 1 && e.column === 8 && e.message === "invalid JSON: expected a value, found 'oops'" }),
    },
  ];
  for (const [k, c] of cases.entries()) {
    const input = join(o.tmp, `bounds-${k}.jsonl`);
    const made = c.make(input);
    const want = c.expect(made);
    const out = join(o.tmp, `bounds-${k}.out`);
    const rss = join(o.tmp, `bounds-${k}.rss`);
    const t = process.hrtime.bigint();
    const fd = openSync(out, 'w');
    const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', rss, process.execPath, o.bin, 'score', input, '--format', 'jsonl', '--quiet'], { stdio: ['ignore', fd, 'pipe'], maxBuffer: 16 << 20 });
    closeSync(fd);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const errors = [];
    let wrong = 0;
    const { summary, results } = await readOutput(out, (e) => {
      if (want.everyError) {
        if (!want.everyError(e, errors.length)) wrong++;
        errors.push(null);
      } else errors.push(`${e.line}:${e.column}: ${e.message}`);
    });
    const kib = Number(readFileSync(rss, 'utf8').trim().split('\n').pop());
    const problems = [];
    if (r.status !== 2) problems.push(`exit ${r.status} (expected 2)`);
    if (!summary) problems.push('no summary line');
    else {
      if (summary.inputs !== summary.scored + summary.failed) problems.push(`inputs ${summary.inputs} != scored ${summary.scored} + failed ${summary.failed}`);
      for (const key of ['inputs', 'scored', 'failed']) if (summary[key] !== want[key]) problems.push(`${key} ${summary[key]} (expected ${want[key]})`);
    }
    if (results !== want.scored) problems.push(`${results} results (expected ${want.scored})`);
    if (want.errors && JSON.stringify(errors) !== JSON.stringify(want.errors)) problems.push(`errors ${JSON.stringify(errors).slice(0, 300)} (expected ${JSON.stringify(want.errors)})`);
    if (want.everyError && (errors.length !== want.failed || wrong > 0)) problems.push(`${errors.length} error lines, ${wrong} not as expected`);
    if (problems.length) failures.push(`bounds: ${c.name}: ${problems.join('; ')}`);
    rmSync(input, { force: true });
    rmSync(out, { force: true });
    runs.push({ name: c.name, made, // bytes of the long line, or bad lines written
       maxRssKiB: kib, wallMs: ms, errorsRight: problems.length === 0, summary });
  }
  return { runs, barMiB: BOUNDS_BAR_MIB };
}
