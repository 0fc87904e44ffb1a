import type { Readable } from 'node:stream';
import { CliError } from './errors.js';

/** Standard input to read answers from; refuses to wait on an interactive terminal. */
export function stdinStream(): Readable {
  if (process.stdin.isTTY) throw new CliError('"-" reads answers from standard input, but it is a terminal: pipe a file in, or give a file name');
  return process.stdin;
}
