import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeFsError } from '../io/errors.js';
import type { RubricProblem } from './errors.js';

/** The rubric folder shipped with coach. */
export const BUNDLED_RUBRICS = fileURLToPath(new URL('../../rubrics/', import.meta.url));

export const YAML_EXT = /\.ya?ml$/i;

/**
 * The YAML files of a rubric folder: its top level, indicators/, questions/, models/ and sets/.
 * A folder that exists but cannot be listed is a problem (added to `problems`), not a crash.
 */
export function rubricFiles(dir: string, problems?: RubricProblem[]): string[] {
  const out: string[] = [];
  for (const sub of ['', 'indicators', 'questions', 'models', 'sets']) {
    const d = join(dir, sub);
    let names: string[];
    try {
      if (!statSync(d).isDirectory()) continue;
      names = readdirSync(d).sort();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') problems?.push({ file: d, line: 1, column: 1, message: `cannot read the folder: ${describeFsError(e)}` });
      continue;
    }
    for (const f of names) if (YAML_EXT.test(f)) out.push(join(d, f));
  }
  return out;
}
