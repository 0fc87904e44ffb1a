// Section 6 of npm run bench: batch scoring at scale.
//  - throughput over a 100,000-answer JSONL file with --jobs 1 (pinned to one CPU: the per-core
//    figure) and --jobs 2;
//  - peak memory (max RSS) scoring 100,000 and 1,000,000 answers streamed from a generator on
//    standard input, so neither needs a file of its size; flat means within 20% of each other;
//    then 1,000,000 in each other streamed format (text, json, markdown, csv);
//  - how soon `coach score FILE | head -3` returns, in each format.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { answerLines } from './answers.js';

export const SCALE_BARS = { perCore: 10_000, rssMiB: 200, flat: 0.2, firstLinesMs: 1000 };

async function writeFile(file, examples, count) {
  const out = createWriteStream(file);
  let chunk = '';
  for (const line of answerLines(examples, count)) {
    chunk += line;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

function sh(script) {
  const t = process.hrtime.bigint();
  const r = spawnSync('bash', ['-c', `set -o pipefail; ${script}`], { encoding: 'utf8', maxBuffer: 16 << 20 });
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, status: r.status, stderr: r.stderr };
}

const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * o: { root, bin, examples, tmp, pin (taskset path or null), count (throughput answers),
 * memoryCounts ([small, large]), runs }. Failures are pushed to `failures`.
 */
export async function measureScale(o, failures) {
  const node = q(process.execPath);
  const coach = `${node} ${q(o.bin)}`;
  const file = join(o.tmp, `scale-${o.count}.jsonl`);
  await writeFile(file, o.examples, o.count);

  const throughput = [];
  for (const jobs of [1, 2]) {
    const pin = jobs === 1 && o.pin ? `${q(o.pin)} -c 0 ` : '';
    const times = [];
    for (let i = 0; i < o.runs; i++) {
      const r = sh(`${pin}${coach} score ${q(file)} --format jsonl --quiet --jobs ${jobs} > /dev/null`);
      if (r.status !== 0) { failures.push(`scale: --jobs ${jobs} exited ${r.status}: ${r.stderr.slice(0, 200)}`); break; }
      times.push(r.ms);
    }
    if (times.length === 0) continue;
    const ms = median(times);
    throughput.push({ jobs, pinned: Boolean(pin), wallMs: ms, wallMsEach: times, answersPerSecond: o.count / (ms / 1000), perCore: o.count / (ms / 1000) / jobs });
  }

  // Peak memory: JSONL at both sizes (is it flat?), then every other streamed format at the large size.
  const memory = [];
  const runs = [...o.memoryCounts.map((count) => ({ count, format: 'jsonl' })), ...['text', 'json', 'markdown', 'csv'].map((format) => ({ count: o.memoryCounts.at(-1), format }))];
  for (const { count, format } of runs) {
    const rssFile = join(o.tmp, `scale-rss-${format}-${count}`);
    const time = existsSync('/usr/bin/time') ? `/usr/bin/time -f %M -o ${q(rssFile)} ` : null;
    if (!time) { failures.push('scale: /usr/bin/time is missing: no peak memory figures'); break; }
    const r = sh(`${node} ${q(join(o.root, 'scripts', 'bench', 'gen-stream.js'))} ${count} | ${time}${coach} score - --format ${format} --quiet | tail -c 2000 > ${q(rssFile)}.tail`);
    if (r.status !== 0) { failures.push(`scale: ${count} answers on stdin (${format}) exited ${r.status}: ${r.stderr.slice(0, 200)}`); continue; }
    // The end of each document says how many were scored.
    const tail = readFileSync(`${rssFile}.tail`, 'utf8');
    const scored = format === 'jsonl' ? JSON.parse(tail.trim().split('\n').pop()).scored
      : format === 'csv' ? null : Number((format === 'json' ? /"scored": (\d+)/ : /(\d+) scored/).exec(tail)?.[1] ?? NaN);
    if (scored !== null && scored !== count) failures.push(`scale: ${count} answers in (${format}), ${scored} scored`);
    const kib = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    memory.push({ count, format, jobs: 'default', maxRssKiB: kib, wallMs: r.ms, scored });
  }
  const jsonl = memory.filter((m) => m.format === 'jsonl');
  const growth = jsonl.length === 2 ? jsonl[1].maxRssKiB / jsonl[0].maxRssKiB - 1 : null;

  // The first lines of a large batch: `coach score FILE | head -3`, in each format.
  const firstLines = [];
  for (const format of ['text', 'json', 'markdown', 'jsonl', 'csv']) {
    const times = [];
    for (let i = 0; i < 3; i++) {
      const r = sh(`${coach} score ${q(file)} --format ${format} | head -n 3 > /dev/null`);
      if (r.status !== 0) { failures.push(`scale: score | head -3 (${format}) exited ${r.status}: ${r.stderr.slice(0, 200)}`); break; }
      times.push(r.ms);
    }
    if (times.length) firstLines.push({ format, wallMs: median(times) });
  }
  return { count: o.count, throughput, memory, growth, firstLines };
}
