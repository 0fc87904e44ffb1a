import { inert } from '../render/inert.js';
import { EXIT } from './errors.js';

// Kept free of heavier imports: main() loads it for every command.

const WRITE_ERRORS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'the file is too large',
  EROFS: 'read-only file system',
  EPIPE: 'the pipe was closed',
  EIO: 'input/output error',
  EAGAIN: 'the output would block',
  EBADF: 'it is not open for writing',
  ENXIO: 'no such device',
  ERR_STREAM_DESTROYED: 'it was closed',
};

/** A write error in words ("no space left on device"), or null for one that is not a write error. */
export function writeErrorWords(e: unknown): string | null {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return (typeof code === 'string' && WRITE_ERRORS[code]) || null;
}

let guarded = false;

/**
 * A write error on standard output (`> /dev/full`, a terminal gone) is one plain line on
 * standard error and exit 2, on every command; a closed pipe (`coach score … | head`) is a normal
 * end and keeps the exit code so far. Standard error failing has nowhere to be told: exit 2.
 */
export function guardStandardStreams(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    try {
      process.stderr.write(`coach: cannot write to standard output: ${inert(writeErrorWords(e) ?? String(e.code ?? e.message))}\n`);
    } finally {
      process.exit(EXIT.fatal);
    }
  });
  process.stderr.on('error', (e: NodeJS.ErrnoException) => {
    process.exit(e.code === 'EPIPE' ? (process.exitCode ?? EXIT.ok) : EXIT.fatal);
  });
}
