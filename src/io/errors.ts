import { closest } from './did-you-mean.js';

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

/** "unknown competency "x": expected one of a, b, c", for a flag or a record. */
export function unknownCompetency(id: string, known: ReadonlySet<string>): string {
  const near = closest(id, known);
  if (near.length > 0) return `unknown competency "${id}": did you mean ${near.join(' or ')}? (expected one of ${[...known].join(', ')})`;
  return `unknown competency "${id}": expected one of ${[...known].join(', ')}`;
}

/** The error for a record whose competency the rubric does not know, or null. */
export function competencyError(item: { file: string; line: number; column: number; competency?: string | undefined }, known: ReadonlySet<string>): InputError | null {
  if (item.competency === undefined || known.has(item.competency)) return null;
  return { file: item.file, line: item.line, column: item.column, message: unknownCompetency(item.competency, known) };
}

/**
 * Sorts errors as every command lists them: by file in the order the files were read (paths
 * that could not be read at all first), then by line and column.
 */
export function sortInputErrors(errors: InputError[], files: readonly string[]): void {
  const order = new Map(files.map((f, i) => [f, i]));
  const rank = (file: string): number => order.get(file) ?? -1;
  errors.sort((x, y) => rank(x.file) - rank(y.file) || x.line - y.line || x.column - y.column);
}

const FS_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'too many symbolic links (a loop?)',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  ERR_FS_FILE_TOO_LARGE: 'the file is too large (over 2 GB)',
};

/** A file-system error in words ("permission denied"), without the stack or the syscall. */
export function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err.code === 'string' && FS_ERRORS[err.code]) return FS_ERRORS[err.code]!;
  if (err && typeof err.code === 'string') return err.code;
  return String(err?.message ?? e);
}
