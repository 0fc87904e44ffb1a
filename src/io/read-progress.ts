import { fstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Something being read whose position is known: a file read stream. */
export interface ByteSource {
  readonly bytesRead: number;
}

/**
 * How far the reading of the inputs has got, in bytes, for a progress bar with time left.
 * `total` is null when it cannot be known (a pipe on standard input).
 */
export class ReadProgress {
  private done = 0;
  private current: ByteSource | null = null;

  constructor(readonly total: number | null) {}

  /** A file is being read through `source`. */
  reading(source: ByteSource): void {
    this.current = source;
  }

  /** A file of `size` bytes has been read. */
  finished(size: number): void {
    this.done += size;
    this.current = null;
  }

  get bytes(): number {
    return this.done + (this.current?.bytesRead ?? 0);
  }
}

/** The bytes the inputs hold, or null when one of them is a pipe (or cannot be read: it fails later). */
export function inputBytes(paths: string[], isInput: (name: string) => boolean): number | null {
  let total = 0;
  const add = (p: string): void => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (!name.startsWith('.') && name !== 'node_modules') {
        const q = join(p, name);
        if (statSync(q).isDirectory() || isInput(name)) add(q);
      }
    } else total += st.size;
  };
  try {
    for (const p of paths) {
      if (p === '-') {
        const st = fstatSync(0);
        if (!st.isFile()) return null;
        total += st.size;
      } else add(p);
    }
  } catch {
    return null;
  }
  return total;
}
