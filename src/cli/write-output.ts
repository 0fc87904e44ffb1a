import { writeFileSync } from 'node:fs';
import { describeFsError } from '../io/errors.js';
import { CliError } from './errors.js';
import { writeErrorWords } from './write-errors.js';

/** Writes a report or export to the -o file, or says plainly why it cannot (exit 2). */
export function writeOutputFile(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new CliError(`cannot write ${path}: ${writeErrorWords(e) ?? describeFsError(e)}`);
  }
}
