import { compileRubric, type CompiledRubric } from '../core/compile.js';
import type { RubricData } from '../core/types.js';
import { formatProblem, RubricError } from '../rubrics/errors.js';
import { loadRubric } from '../rubrics/load.js';
import { CliError, EXIT } from './errors.js';

/** Loads (and validates) the bundled rubric plus any --rubrics folders, or fails with located problems. */
export function loadRubricOrFail(dirs: string[] = []): RubricData {
  try {
    return loadRubric(dirs).data;
  } catch (e) {
    if (e instanceof RubricError) {
      throw new CliError(`the rubric has problems:\n${e.problems.map(formatProblem).join('\n')}`, EXIT.fatal);
    }
    throw e;
  }
}

export function compiledRubric(dirs: string[] = []): CompiledRubric {
  return compileRubric(loadRubricOrFail(dirs));
}
