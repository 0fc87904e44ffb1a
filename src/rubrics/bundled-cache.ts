import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RubricData } from '../core/types.js';
import { BUNDLED_RUBRICS, rubricFiles } from './paths.js';

/**
 * The bundled rubric, validated and serialised at build time (npm run build), so that a run
 * does not parse and validate YAML it has validated before: ~2 ms instead of ~200 ms. It is
 * used only while it is newer than every bundled YAML file; an edited rubric is read afresh.
 */
export const BUNDLED_CACHE = fileURLToPath(new URL('../bundled-rubric.json', import.meta.url));

export function readBundledCache(): RubricData | null {
  try {
    const cacheTime = statSync(BUNDLED_CACHE).mtimeMs;
    for (const f of rubricFiles(BUNDLED_RUBRICS)) if (statSync(f).mtimeMs > cacheTime) return null;
    return JSON.parse(readFileSync(BUNDLED_CACHE, 'utf8')) as RubricData;
  } catch {
    return null;
  }
}

export function writeBundledCache(data: RubricData): void {
  writeFileSync(BUNDLED_CACHE, JSON.stringify(data));
}
