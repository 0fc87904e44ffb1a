// Time from launch until `coach practice` shows its first prompt, in a real pseudo-terminal
// (util-linux `script` allocates one), against `node -e 0` run through the same wrapper.
//   node scripts/bench/first-prompt.js [runs]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const runs = Number(process.argv[2] ?? 9);

function timeUntil(command, marker) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: root, env: { ...process.env, NO_COLOR: '1', TERM: 'xterm' } });
    let out = '';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      child.kill('SIGKILL');
      resolve(ms);
    };
    child.stdout.on('data', (d) => {
      out += d.toString();
      if (marker && out.includes(marker)) finish();
    });
    child.on('exit', () => (marker ? (!done && reject(new Error(`exited before "${marker}": ${out.slice(0, 300)}`))) : finish()));
    setTimeout(() => { if (!done) { child.kill('SIGKILL'); reject(new Error(`timeout waiting for "${marker}"`)); } }, 10_000);
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const data = mkdtempSync(join(tmpdir(), 'coach-bench-practice-'));
const practice = `node bin/coach.js practice --question customer-focus-01 --mode free --data ${data}`;
const base = [];
const first = [];
for (let i = 0; i < runs + 2; i++) {
  const b = await timeUntil('node -e 0', null);
  const p = await timeUntil(practice, 'Your answer');
  if (i >= 2) { base.push(b); first.push(p); }
}
rmSync(data, { recursive: true, force: true });
const result = { nodeMs: median(base), firstPromptMs: median(first) };
result.ratio = result.firstPromptMs / result.nodeMs;
console.log(JSON.stringify(result));
