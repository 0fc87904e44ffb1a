/** One problem in a rubric or bank file, located for an editor: file:line:column. */
export interface RubricProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export function formatProblem(p: RubricProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}

/** Thrown when rubric files cannot be used; carries every problem found, not just the first. */
export class RubricError extends Error {
  constructor(readonly problems: RubricProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'RubricError';
  }
}
