import type { CompiledRubric } from '../core/compile.js';
import type { RubricData } from '../core/types.js';
import { readBundledCache } from '../rubrics/bundled-cache.js';
import { CliError, EXIT } from './errors.js';

/**
 * The bundled rubric plus any --rubrics folders, validated, or a CliError listing every problem
 * as file:line:column. The bundled rubric alone comes from the build's cache when it is fresh;
 * the YAML loader (yaml, zod) is imported only when YAML must be read.
 */
export async function loadRubricOrFail(dirs: string[] = []): Promise<RubricData> {
  if (dirs.length === 0) {
    const cached = readBundledCache();
    if (cached) return cached;
  }
  const { loadRubric } = await import('../rubrics/load.js');
  const { formatProblem, RubricError } = await import('../rubrics/errors.js');
  try {
    return loadRubric(dirs).data;
  } catch (e) {
    if (e instanceof RubricError) {
      throw new CliError(`the rubric has problems:\n${e.problems.map(formatProblem).join('\n')}`, EXIT.fatal);
    }
    throw e;
  }
}

export async function compiledRubric(dirs: string[] = []): Promise<CompiledRubric> {
  const data = await loadRubricOrFail(dirs);
  // The compiler (and the stemmer it loads) is imported only when cues are needed.
  const { compileRubric } = await import('../core/compile.js');
  return compileRubric(data);
}
