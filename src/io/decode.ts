import { isUtf8 } from 'node:buffer';

/**
 * Bytes to text, for every input coach reads: UTF-8 (with or without a byte-order mark), or
 * UTF-16 LE / BE with a byte-order mark. Nothing is turned into U+FFFD silently: each line with
 * bytes that are not UTF-8 gets a TextProblem at the first of them, and a NUL byte (binary data,
 * or UTF-16 without a byte-order mark) stops the text there.
 */

/** A place where the input is not text. Lines and columns count as the text's do (UTF-16 units). */
export interface TextProblem {
  line: number;
  column: number;
  message: string;
  /** A NUL byte: nothing after it was decoded. */
  binary: boolean;
}

/**
 * The problems found so far, in input order, for a reader to claim as it parses: the problems of
 * a record's lines become that record's error, and the rest are reported where they are.
 */
export class TextProblems {
  private readonly queue: TextProblem[] = [];
  /** The line of the NUL byte that ended the text, if one did. */
  binaryLine: number | null = null;

  add(p: TextProblem): void {
    this.queue.push(p);
    if (p.binary) this.binaryLine = p.line;
  }

  get size(): number {
    return this.queue.length;
  }

  /** Removes and returns the problems on lines before `line`. */
  before(line: number): TextProblem[] {
    let n = 0;
    while (n < this.queue.length && this.queue[n]!.line < line) n++;
    return this.queue.splice(0, n);
  }

  /** Removes the problems on lines `from` to `to` and returns the first (a binary one first). */
  within(from: number, to: number): TextProblem | undefined {
    let n = 0;
    while (n < this.queue.length && this.queue[n]!.line <= to) n++;
    const taken = this.queue.splice(0, n).filter((p) => p.line >= from);
    return taken.find((p) => p.binary) ?? taken[0];
  }

  /** Removes and returns every problem left. */
  rest(): TextProblem[] {
    return this.queue.splice(0);
  }
}

export const INVALID_UTF8 = (byte: number): string => `not UTF-8 text: invalid byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} (save the file as UTF-8)`;
export const NUL_BINARY = 'not a text file: a NUL byte (binary data?)';
export const NUL_UTF16 = 'not a text file: a NUL byte (UTF-16 without a byte-order mark? save the file as UTF-8)';

/** Length of the valid UTF-8 sequence at `i`, or 0 if the byte there does not start one. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const ok1 = c === 0xe0 ? cont(1, 0xa0) : c === 0xed ? cont(1, 0x80, 0x9f) : cont(1);
    return ok1 && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const ok1 = c === 0xf0 ? cont(1, 0x90) : c === 0xf4 ? cont(1, 0x80, 0x8f) : cont(1);
    return ok1 && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** How many bytes of `b` end on a whole UTF-8 sequence (the rest may be completed by the next chunk). */
function wholeLength(b: Uint8Array): number {
  for (let k = 1; k <= 3 && k <= b.length; k++) {
    const c = b[b.length - k]!;
    if ((c & 0xc0) === 0x80) continue; // a continuation byte: look further back
    if (c < 0xc0) return b.length;
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
    return need > k ? b.length - k : b.length;
  }
  return b.length;
}

/** UTF-16 text without a byte-order mark looks like ASCII with a NUL before or after every byte. */
function looksLikeUtf16(b: Uint8Array): boolean {
  const n = Math.min(b.length, 64) & ~1;
  if (n < 4) return false;
  for (const zero of [0, 1]) {
    let ok = true;
    for (let i = 0; i < n && ok; i++) ok = i % 2 === zero ? b[i] === 0 : b[i]! > 0 && b[i]! < 0x80;
    if (ok) return true;
  }
  return false;
}

/** A streaming decoder: push byte chunks in order, then end(); each call returns the text it completes. */
export class Decoder {
  private encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | null = null;
  private head: Buffer = Buffer.alloc(0);
  private carry: Buffer = Buffer.alloc(0);
  private utf16: TextDecoder | null = null;
  private first = true;
  private stopped = false;
  private line = 1;
  private column = 1;
  private lastProblemLine = 0;

  constructor(private readonly problems: TextProblems) {}

  /** A NUL byte ended the text: nothing more will be decoded. */
  get ended(): boolean {
    return this.stopped;
  }

  push(chunk: Buffer | Uint8Array | string): string {
    if (this.stopped) return '';
    let bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.encoding === null) {
      this.head = this.head.length ? Buffer.concat([this.head, bytes]) : bytes;
      if (this.head.length < 3) return '';
      bytes = this.detect();
    }
    return this.decode(bytes);
  }

  end(): string {
    if (this.stopped) return '';
    let out = '';
    if (this.encoding === null) out = this.decode(this.detect());
    if (this.encoding === 'utf-8') {
      // An incomplete sequence at the very end is invalid.
      const rest = this.carry;
      this.carry = Buffer.alloc(0);
      if (rest.length > 0) out += this.utf8(rest);
    } else if (this.utf16) {
      out += this.utf16Text(this.utf16.decode());
    }
    return out;
  }

  private detect(): Buffer {
    const h = this.head;
    this.head = Buffer.alloc(0);
    if (h[0] === 0xef && h[1] === 0xbb && h[2] === 0xbf) {
      this.encoding = 'utf-8';
      return h.subarray(3);
    }
    if ((h[0] === 0xff && h[1] === 0xfe) || (h[0] === 0xfe && h[1] === 0xff)) {
      this.encoding = h[0] === 0xff ? 'utf-16le' : 'utf-16be';
      this.utf16 = new TextDecoder(this.encoding, { ignoreBOM: true });
      return h.subarray(2);
    }
    this.encoding = 'utf-8';
    return h;
  }

  private decode(bytes: Buffer): string {
    if (this.utf16) return this.utf16Text(this.utf16.decode(bytes, { stream: true }));
    const all = this.carry.length ? Buffer.concat([this.carry, bytes]) : bytes;
    const cut = wholeLength(all);
    this.carry = Buffer.from(all.subarray(cut));
    return this.utf8(all.subarray(0, cut));
  }

  /** Decoded UTF-16 text up to a NUL character, which is binary data as a NUL byte is in UTF-8. */
  private utf16Text(t: string): string {
    const nul = t.indexOf('\u0000');
    if (nul === -1) {
      this.track(t);
      return t;
    }
    const head = t.slice(0, nul);
    this.track(head);
    this.problems.add({ line: this.line, column: this.column, message: NUL_BINARY, binary: true });
    this.stopped = true;
    return head;
  }

  private utf8(b: Buffer): string {
    const first = this.first;
    this.first = false;
    if (b.indexOf(0) === -1 && isUtf8(b)) {
      const t = b.toString('utf8');
      this.track(t);
      return t;
    }
    const out: string[] = [];
    let start = 0;
    const flush = (end: number): void => {
      if (end > start) {
        const t = b.toString('utf8', start, end);
        this.track(t);
        out.push(t);
      }
    };
    for (let i = 0; i < b.length;) {
      if (b[i] === 0) {
        flush(i);
        this.problems.add({ line: this.line, column: this.column, message: first && looksLikeUtf16(b) ? NUL_UTF16 : NUL_BINARY, binary: true });
        this.stopped = true;
        return out.join('');
      }
      const n = sequenceLength(b, i);
      if (n > 0) {
        i += n;
        continue;
      }
      flush(i);
      if (this.line !== this.lastProblemLine) {
        this.lastProblemLine = this.line;
        this.problems.add({ line: this.line, column: this.column, message: INVALID_UTF8(b[i]!), binary: false });
      }
      out.push('\uFFFD');
      this.column++;
      i++;
      start = i;
    }
    flush(b.length);
    return out.join('');
  }

  /** Keeps the line and column of the next character up to date. */
  private track(t: string): void {
    let at = t.indexOf('\n');
    if (at === -1) {
      this.column += t.length;
      return;
    }
    let last = at;
    while (at !== -1) {
      this.line++;
      last = at;
      at = t.indexOf('\n', at + 1);
    }
    this.column = t.length - last;
  }
}

/** A whole input's bytes as text, with its problems. */
export function decodeBuffer(bytes: Buffer | Uint8Array, problems: TextProblems): string {
  // Most inputs are plain UTF-8 with no byte-order mark: one check, one decode.
  const b0 = bytes[0];
  if (b0 !== 0xef && b0 !== 0xff && b0 !== 0xfe && bytes.indexOf(0) === -1 && isUtf8(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const d = new Decoder(problems);
  return d.push(bytes) + d.end();
}

/** Byte chunks (a file or standard input) as text chunks; problems are added as the text is produced. */
export async function* decodeChunks(chunks: AsyncIterable<Buffer | Uint8Array | string>, problems: TextProblems): AsyncGenerator<string> {
  const d = new Decoder(problems);
  for await (const c of chunks) {
    const t = d.push(c);
    if (t) yield t;
    // Nothing after a NUL byte is read: stop reading (standard input from /dev/zero never ends).
    if (d.ended) return;
  }
  const t = d.end();
  if (t) yield t;
}
