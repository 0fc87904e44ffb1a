import { isUtf8 } from 'node:buffer';
import { closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Assessment, Level } from '../core/types.js';

export interface SessionRecord {
  v: 1;
  type: 'session';
  session: string;
  at: string;
  plan: { how: string; count: number; seconds?: number };
  /** The candidate an adviser filed the session under. */
  candidate?: string;
}

export interface AnswerRecord {
  v: 1;
  type: 'answer';
  session: string;
  at: string;
  /** 1 for the first answer to a question, 2 for the first retry... */
  attempt: number;
  questionId: string | null;
  /** How it was answered: in practice, or scored from a file (coach score --candidate). */
  mode: 'free' | 'guided' | 'editor' | 'batch';
  /** Seconds allowed, and whether they ran out. */
  timed?: { seconds: number; expired: boolean };
  answer: string;
  assessment: Assessment;
  candidate?: string;
}

/** An adviser's own judgement of an answer, kept beside the coach's (never overwriting it). */
export interface AdviserRecord {
  v: 1;
  type: 'adviser';
  session: string;
  at: string;
  /** The answer reviewed: its session, question and attempt. */
  questionId: string | null;
  attempt: number;
  level: Level;
  comment: string;
  candidate?: string;
}

export type HistoryRecord = SessionRecord | AnswerRecord | AdviserRecord;

/**
 * Where history lives: --data, else COACH_DATA_DIR, else $XDG_DATA_HOME/coach, else
 * ~/.local/share/coach.
 */
export function dataDir(flag?: string): string {
  if (flag) return flag;
  const env = process.env['COACH_DATA_DIR'];
  if (env) return env;
  const xdg = process.env['XDG_DATA_HOME'];
  return join(xdg && xdg.startsWith('/') ? xdg : join(homedir(), '.local', 'share'), 'coach');
}

/**
 * How every record starts on disk. appendMany writes `v` and `type` first, and inside a JSON string
 * a quote is always escaped, so this text occurs in the file only where a record starts. The
 * reader uses it to find a whole record glued after a cut one (see read()).
 */
const RECORD_START = '{"v":1,"type":"';

/** One line of the history file that could not be read, and what was kept of it. */
export interface SkippedLine {
  /** 1-based line number in history.jsonl. */
  line: number;
  /** A whole record that followed the unreadable text on the same line and was kept. */
  recovered: boolean;
}

/**
 * Practice history as append-only JSON Lines. Each append is one write of whole lines, flushed to
 * disk (fsync) before the call returns, so a crash or kill can at worst cut the lines being
 * written; a cut line is skipped on reading and never hides the records before or after it.
 *
 * Why records from two processes never interleave: the file is opened with O_APPEND, and on Linux
 * a write(2) to a regular file on a local file system holds the inode's lock for the whole write,
 * with the end-of-file position taken under that lock, so one write lands whole after any other
 * (this does not hold on NFS). appendMany therefore makes one write per call. A write to a local
 * file is cut short only when the process is being killed (the kernel stops copying at a page
 * boundary; the process is gone before it could write more) or the disk is full. Node's writeSync
 * (libuv) already goes on with the rest of a short write; if it still returns short, the rest
 * could not be written then, and the loop below writes the records not yet whole again, whole, on
 * a fresh line, rather than the rest of a cut line, which could land after another process's
 * records; if that fails too, the error is thrown and the cut line is skipped on reading.
 */
export class HistoryStore {
  readonly file: string;

  constructor(readonly dir: string) {
    this.file = join(dir, 'history.jsonl');
  }

  append(record: HistoryRecord): void {
    this.appendMany([record]);
  }

  /** Several records in one write and one flush: a batch filed by coach score --candidate. */
  appendMany(records: HistoryRecord[]): void {
    if (records.length === 0) return;
    mkdirSync(this.dir, { recursive: true });
    const created = !existsSync(this.file);
    const fd = openSync(this.file, 'a+');
    try {
      // A line that a crash cut short has no newline: start on a fresh line so the first new
      // record stays whole. Another process may cut a line between this check and the write
      // below (it is killed in the middle of its own write); the reader then finds this record
      // glued after the cut text and keeps it. Two writers that both see a cut line both start
      // with a newline: that leaves an empty line, which the reader ignores.
      const size = fstatSync(fd).size;
      const last = Buffer.alloc(1);
      const cut = size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a;
      const lines = records.map((r) => `${JSON.stringify(Object.assign({ v: r.v, type: r.type }, r))}\n`).join('');
      let buf = Buffer.from(`${cut ? '\n' : ''}${lines}`, 'utf8');
      // Each short write that is retried has written at least one record whole, or it is one of
      // a few in a row that did not: the loop ends.
      for (let stalled = 0; ; ) {
        const n = writeSync(fd, buf, 0, buf.length);
        if (n >= buf.length) break;
        const fresh = buf[0] === 0x0a ? 1 : 0;
        if (n <= fresh || buf.lastIndexOf(0x0a, n - 1) < fresh) stalled++;
        else stalled = 0;
        if (n <= 0 || stalled > 3) throw new Error(`could not write to ${this.file}: the disk may be full`);
        // A short write: keep the lines written whole; write the cut record again, whole, on a
        // fresh line (the cut text is skipped on reading).
        const whole = buf.lastIndexOf(0x0a, n - 1) + 1;
        const rest = buf.subarray(whole);
        buf = whole === n ? Buffer.from(rest) : Buffer.concat([Buffer.from('\n'), rest]);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // A new file's name must reach the disk too, or a power cut could lose the whole file.
    if (created) syncDir(this.dir);
  }

  /**
   * Every readable record, and the lines that could not be read (a line cut short by a crash,
   * say). Never throws for what is in the file: a line that is not a whole record is skipped,
   * and a whole record after cut text on the same line is kept.
   */
  read(): { records: HistoryRecord[]; skipped: number[]; skippedLines: SkippedLine[] } {
    if (!existsSync(this.file)) return { records: [], skipped: [], skippedLines: [] };
    const records: HistoryRecord[] = [];
    const skippedLines: SkippedLine[] = [];
    // Line by line from the bytes: a line that is not UTF-8 (or holds NUL bytes, as a crash can
    // leave) is skipped and reported like a cut one, never turned into U+FFFD or fatal to the rest.
    const bytes = readFileSync(this.file);
    for (let start = 0, i = 0; start < bytes.length; i++) {
      let end = bytes.indexOf(0x0a, start);
      if (end < 0) end = bytes.length;
      const raw = bytes.subarray(start, end);
      start = end + 1;
      if (raw.length === 0) continue;
      if (!isUtf8(raw) || raw.includes(0)) {
        skippedLines.push({ line: i + 1, recovered: false });
        continue;
      }
      const line = raw.toString('utf8');
      if (line.trim() === '') continue;
      const r = parseRecord(line);
      if (r) {
        records.push(r);
        continue;
      }
      // Cut text followed by a whole record, written by another process between the cut and
      // the next newline.
      const at = line.lastIndexOf(RECORD_START);
      const glued = at > 0 ? parseRecord(line.slice(at)) : null;
      if (glued) records.push(glued);
      skippedLines.push({ line: i + 1, recovered: glued !== null });
    }
    return { records, skipped: skippedLines.map((s) => s.line), skippedLines };
  }

  /**
   * What to tell the user about the lines read() skipped, one message per line (the first few),
   * for standard error: "FILE:LINE: skipped ...".
   */
  describeSkipped(skipped: SkippedLine[] | number[], max = 5): string[] {
    const list: SkippedLine[] = skipped.map((s) => (typeof s === 'number' ? { line: s, recovered: false } : s));
    const out = list.slice(0, max).map((s) =>
      s.recovered
        ? `${this.file}:${s.line}: skipped the start of a line that could not be read (cut short by a crash?); the record after it was kept`
        : `${this.file}:${s.line}: skipped a line that could not be read (cut short by a crash?)`,
    );
    if (list.length > max) out.push(`${this.file}: skipped ${list.length - max} more unreadable line(s)`);
    return out;
  }
}

/** A line as a history record, or null if it is not one (cut short, or not JSON, or not a record). */
function parseRecord(line: string): HistoryRecord | null {
  let r: unknown;
  try {
    r = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return null;
  const o = r as Record<string, unknown>;
  if (typeof o['session'] !== 'string' || typeof o['at'] !== 'string') return null;
  const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null;
  switch (o['type']) {
    case 'session':
      return isObject(o['plan']) ? (r as HistoryRecord) : null;
    case 'answer': {
      const a = o['assessment'] as Record<string, unknown> | null;
      return isObject(a) && typeof a!['level'] === 'string' && typeof a!['score'] === 'number' ? (r as HistoryRecord) : null;
    }
    case 'adviser':
      return typeof o['level'] === 'string' ? (r as HistoryRecord) : null;
    default:
      return null;
  }
}

/** fsync a folder, so that a file just created in it survives a power cut (best effort). */
function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some systems cannot open or fsync a folder; the file's own data is flushed already.
  }
}
