import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { dataDir } from '../io/history.js';
import { CliError } from './errors.js';

/** Which setting named the data folder, for the message when it cannot be one. */
function origin(flag: string | undefined): string {
  if (flag) return '--data';
  if (process.env['COACH_DATA_DIR']) return 'COACH_DATA_DIR';
  if (process.env['XDG_DATA_HOME']?.startsWith('/')) return 'XDG_DATA_HOME';
  return 'the default, ~/.local/share/coach';
}

/**
 * The folder the history lives in (dataDir), or a plain error (exit 2) when it, or a folder it
 * would be made in, is a file: "EEXIST", or an empty history, would not say what is wrong.
 */
export function usableDataDir(flag: string | undefined): string {
  const dir = dataDir(flag);
  for (let p = dir; ; p = dirname(p)) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      // Missing (made when first written), or unreadable (said when it is read or written).
      if (dirname(p) === p) return dir;
      continue;
    }
    if (isDir) return dir;
    throw new CliError(`cannot keep the history in ${dir} (from ${origin(flag)}): ${p} is a file, not a folder`);
  }
}
