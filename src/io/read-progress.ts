import { fstatSync, statSync } from 'node:fs';
import { filesIn } from './stream-answers.js';
import type { ItemDefaults } from './answer-item.js';

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
export function inputBytes(paths: string[], defaults: Pick<ItemDefaults, 'ignore' | 'question'> = {}): number | null {
  let total = 0;
  try {
    for (const p of paths) {
      const st = p === '-' ? fstatSync(0) : statSync(p);
      if (st.isDirectory()) {
        for (const f of filesIn(p, defaults)) total += statSync(f).size;
      } else if (st.isFile()) total += st.size;
      else return null;
    }
  } catch {
    return null;
  }
  return total;
}
