import { assess } from '../../src/core/assess.js';
import { compileRubric, type CompiledRubric } from '../../src/core/compile.js';
import type { Assessment } from '../../src/core/types.js';
import { loadRubric } from '../../src/rubrics/load.js';

let compiled: CompiledRubric | null = null;

/** The bundled rubric, loaded, validated and compiled once per test file. */
export function rubric(): CompiledRubric {
  compiled ??= compileRubric(loadRubric([]).data);
  return compiled;
}

export function score(question: string, answer: string, competency?: string): Assessment {
  return assess({ question, answer, competency }, rubric());
}
