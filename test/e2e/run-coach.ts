import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (…/test/e2e -> …). */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built CLI; it imports dist/, which `npm test` builds first. */
export const COACH = join(REPO, 'bin', 'coach.js');
export const FIXTURES = join(REPO, 'test', 'e2e', 'fixtures');
export const EXAMPLES = join(REPO, 'examples');

export interface CoachResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Text piped to standard input (otherwise stdin is empty and not a TTY). */
  stdin?: string;
  /** Working directory; defaults to the repository root. */
  cwd?: string;
  /**
   * Environment overrides on top of a cleaned copy of process.env. A value of undefined removes
   * the variable. NO_COLOR, FORCE_COLOR and COACH_DEBUG are always removed first, so a test sees
   * colour only when it asks for it.
   */
  env?: Record<string, string | undefined>;
}

if (!existsSync(join(REPO, 'dist', 'cli', 'main.js'))) {
  throw new Error('dist/ is not built: run `npx tsc -p .` (npm test does it) before the e2e tests');
}

/** Runs `node bin/coach.js ...args` as a subprocess and returns its exit code and output. */
export function runCoach(args: string[], opts: RunOptions = {}): CoachResult {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !['NO_COLOR', 'FORCE_COLOR', 'COACH_DEBUG'].includes(k)) env[k] = v;
  }
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const res = spawnSync(process.execPath, [COACH, ...args], {
    cwd: opts.cwd ?? REPO,
    env,
    input: opts.stdin ?? '',
    encoding: 'utf8',
    timeout: 20_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.error) throw res.error;
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** Runs coach and parses standard output as JSON (fails the test with the output if it is not). */
export function runCoachJson<T = any>(args: string[], opts: RunOptions = {}): CoachResult & { json: T } {
  const r = runCoach(args, opts);
  let json: T;
  try {
    json = JSON.parse(r.stdout) as T;
  } catch (e) {
    throw new Error(`coach ${args.join(' ')} did not print JSON (exit ${r.code}):\n${r.stdout.slice(0, 2000)}\nstderr:\n${r.stderr.slice(0, 2000)}`);
  }
  return { ...r, json };
}

/** A line that looks like a JavaScript stack frame. */
export const STACK_LINE = /^\s+at\s/m;
// eslint-disable-next-line no-control-regex
export const ANSI = /\x1b\[/;
