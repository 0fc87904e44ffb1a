import { readFileSync } from 'node:fs';
import { CliError } from './errors.js';

/** Reads all of standard input; refuses to wait on an interactive terminal. */
export function readStdin(): string {
  if (process.stdin.isTTY) throw new CliError('"-" reads answers from standard input, but it is a terminal: pipe a file in, or give a file name');
  try {
    return readFileSync(0, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EAGAIN') throw new CliError('standard input is not ready to read');
    throw e;
  }
}
