import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COACH, REPO } from './run-coach.js';

/**
 * How to run coach so that file permissions hold when the tests run as root (root reads a file of
 * mode 000), wherever the checkout is, even in a folder only its owner may enter (mktemp -d):
 *
 *  1. as root without the capabilities that bypass permissions (setpriv drops CAP_DAC_OVERRIDE
 *     and CAP_DAC_READ_SEARCH): root still owns the checkout and reaches it; or, if that cannot
 *     be done,
 *  2. as "nobody", from a world-readable copy of what bin/coach.js needs (bin, dist, rubrics,
 *     package.json and the production dependencies), made once in the temporary folder.
 *
 * Null when neither works (the cases that need it are then skipped).
 */
export interface Unprivileged {
  /** The program and the arguments before coach's own. */
  argv: string[];
  uid?: number;
}

const NOBODY = 65534;
let cached: Unprivileged | null | undefined;
let copy: string | null = null;

export function unprivilegedCoach(): Unprivileged | null {
  if (cached !== undefined) return cached;
  const dropped = ['setpriv', '--bounding-set=-dac_override,-dac_read_search', '--inh-caps=-dac_override,-dac_read_search', process.execPath];
  // The probe must be refused a file of mode 000, as an unprivileged user would be.
  const probeDir = mkdtempSync(join(tmpdir(), 'coach-probe-'));
  try {
    const probeFile = join(probeDir, 'locked');
    spawnSync('sh', ['-c', `echo x > '${probeFile}' && chmod 000 '${probeFile}'`]);
    const r = spawnSync(dropped[0]!, [...dropped.slice(1), '-e', `try { require('fs').readFileSync(${JSON.stringify(probeFile)}); process.exit(3) } catch { process.exit(0) }`]);
    if (!r.error && r.status === 0) return (cached = { argv: [...dropped, COACH] });
  } finally {
    rmSync(probeDir, { recursive: true, force: true });
  }
  const probe = spawnSync(process.execPath, ['-e', ''], { uid: NOBODY, gid: NOBODY });
  if (probe.error || probe.status !== 0) return (cached = null);
  copy = mkdtempSync(join(tmpdir(), 'coach-portable-'));
  for (const part of ['bin', 'dist', 'rubrics', 'package.json']) cpSync(join(REPO, part), join(copy, part), { recursive: true, preserveTimestamps: true });
  for (const name of productionPackages()) cpSync(join(REPO, 'node_modules', name), join(copy, 'node_modules', name), { recursive: true, preserveTimestamps: true, dereference: true });
  spawnSync('chmod', ['-R', 'a+rX', copy]);
  chmodSync(copy, 0o755);
  return (cached = { argv: [process.execPath, join(copy, 'bin', 'coach.js')], uid: NOBODY });
}

/** Removes the copy, if one was made. */
export function removePortableCopy(): void {
  if (copy) rmSync(copy, { recursive: true, force: true });
  copy = null;
}

/** The production dependencies and theirs, as installed in node_modules. */
function productionPackages(): string[] {
  const seen = new Set<string>();
  const queue = Object.keys((JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);
  while (queue.length > 0) {
    const name = queue.shift()!;
    const manifest = join(REPO, 'node_modules', name, 'package.json');
    if (seen.has(name) || !existsSync(manifest)) continue;
    seen.add(name);
    queue.push(...Object.keys((JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {}));
  }
  return [...seen];
}
