import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSmallFile } from '../../src/io/read-small-file.js';

const dir = mkdtempSync(join(tmpdir(), 'coach-small-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
};
const pattern = (n: number): Buffer => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7 + 3) % 251));

describe('reading small files into a reused buffer', () => {
  it.each([0, 1, 1500, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 300 * 1024 + 17])('returns exactly the bytes of a %i-byte file', (n) => {
    const bytes = pattern(n);
    expect(Buffer.compare(readSmallFile(file(`f${n}`, bytes)), bytes)).toBe(0);
  });
  it('a small file read after a large one is not mixed with its bytes', () => {
    readSmallFile(file('large', pattern(200 * 1024)));
    expect(readSmallFile(file('small', Buffer.from('WEBVTT\n'))).toString()).toBe('WEBVTT\n');
  });
  it('throws as readFileSync does for a missing file and a folder', () => {
    expect(() => readSmallFile(join(dir, 'none.vtt'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(() => readSmallFile(dir)).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });
});
