/** An input that could not be scored: where it is and what was expected. */
export interface InputError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export function formatInputError(e: InputError): string {
  return `${e.file}:${e.line}:${e.column}: ${e.message}`;
}
