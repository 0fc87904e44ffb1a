// Section 6 of npm run bench: batch scoring at scale.
//  - throughput over a 100,000-answer JSONL file with --jobs 1 (pinned to one CPU: the per-core
//    figure) and --jobs 2;
//  - peak memory (max RSS) scoring 100,000 and 1,000,000 answers streamed from a generator on
//    standard input, so neither needs a file of its size; flat means within 20% of each other.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { answerLines } from './answers.js';

export const SCALE_BARS = { perCore: 10_000, rssMiB: 200, flat: 0.2 };

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

  const memory = [];
  for (const count of o.memoryCounts) {
    const rssFile = join(o.tmp, `scale-rss-${count}`);
    const time = existsSync('/usr/bin/time') ? `/usr/bin/time -f %M -o ${q(rssFile)} ` : null;
    if (!time) { failures.push('scale: /usr/bin/time is missing: no peak memory figures'); break; }
    const r = sh(`${node} ${q(join(o.root, 'scripts', 'bench', 'gen-stream.js'))} ${count} | ${time}${coach} score - --format jsonl --quiet | tail -n 1 > ${q(rssFile)}.summary`);
    if (r.status !== 0) { failures.push(`scale: ${count} answers on stdin exited ${r.status}: ${r.stderr.slice(0, 200)}`); continue; }
    const summary = JSON.parse(readFileSync(`${rssFile}.summary`, 'utf8'));
    if (summary.scored !== count) failures.push(`scale: ${count} answers in, ${summary.scored} scored`);
    const kib = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    memory.push({ count, jobs: 'default', maxRssKiB: kib, wallMs: r.ms, scored: summary.scored });
  }
  const [small, large] = memory;
  const growth = small && large ? large.maxRssKiB / small.maxRssKiB - 1 : null;
  return { count: o.count, throughput, memory, growth };
}
