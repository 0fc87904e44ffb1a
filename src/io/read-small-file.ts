// Reads one of many small files (the transcripts a batch's records point at) into a buffer that
// is reused from file to file: no new buffer per file for the garbage collector to sweep, and no
// fstat, the extra system call readFileSync makes. A file larger than the buffer is read whole
// into a buffer of its own, so the shared one never grows.
import { closeSync, openSync, readSync } from 'node:fs';

const SHARED_BYTES = 64 * 1024;
let shared: Buffer | null = null;

/**
 * The bytes of the file at `path`. The result is a view of the shared buffer when the file fits:
 * it is valid only until the next call (decode it at once). Throws as readFileSync does.
 */
export function readSmallFile(path: string): Buffer {
  shared ??= Buffer.allocUnsafe(SHARED_BYTES);
  const fd = openSync(path, 'r');
  try {
    let n = 0;
    while (n < SHARED_BYTES) {
      const got = readSync(fd, shared, n, SHARED_BYTES - n, null);
      if (got === 0) return shared.subarray(0, n);
      n += got;
    }
    // Larger than the shared buffer: the rest in blocks, joined into a buffer of its own.
    const blocks: Buffer[] = [Buffer.from(shared)];
    for (;;) {
      const block = Buffer.allocUnsafe(SHARED_BYTES * 4);
      const got = readSync(fd, block, 0, block.length, null);
      if (got === 0) break;
      blocks.push(got === block.length ? block : block.subarray(0, got));
    }
    return Buffer.concat(blocks);
  } finally {
    closeSync(fd);
  }
}
