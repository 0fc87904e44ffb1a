import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The rubric folder shipped with coach. */
export const BUNDLED_RUBRICS = fileURLToPath(new URL('../../rubrics/', import.meta.url));

export const YAML_EXT = /\.ya?ml$/i;

/** The YAML files of a rubric folder: its top level, indicators/, questions/, models/ and sets/. */
export function rubricFiles(dir: string): string[] {
  const out: string[] = [];
  for (const sub of ['', 'indicators', 'questions', 'models', 'sets']) {
    const d = join(dir, sub);
    if (!existsSync(d) || !statSync(d).isDirectory()) continue;
    for (const f of readdirSync(d).sort()) if (YAML_EXT.test(f)) out.push(join(d, f));
  }
  return out;
}
