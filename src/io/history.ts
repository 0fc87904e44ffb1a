import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readSync, writeSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Assessment, Delivery, Level } from '../core/types.js';
import { checkHistoryRecord } from './history-schema.js';

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
  /** How it was answered: in practice (typed, or from a recording's transcript), or scored from a file (coach score --candidate). */
  mode: 'free' | 'guided' | 'editor' | 'transcript' | 'batch';
  /** Seconds allowed, and whether they ran out. */
  timed?: { seconds: number; expired: boolean };
  /** What was scored: the answer, then each reply to a follow-up as a paragraph of its own. */
  answer: string;
  assessment: Assessment;
  /** How a spoken answer was delivered, measured from its transcript (absent for typed answers). */
  delivery?: Delivery;
  candidate?: string;
  /**
   * The interviewer's follow-up questions, in the order asked, each with the reply (empty when
   * skipped) and where the reply starts in `answer` (-1 when skipped).
   */
  followUps?: FollowUpAsked[];
  /** The level and score of the answer alone, before the replies joined it. */
  first?: { level: Level; score: number };
  /** Seconds from the start of the answer to its submission (mock interviews). */
  took?: number;
}

export interface FollowUpAsked {
  gap: string;
  question: string;
  reply: string;
  start: number;
}

/** What was typed of an answer (or a reply) when the session was ended with Ctrl-C: kept, not scored. */
export interface DraftRecord {
  v: 1;
  type: 'draft';
  session: string;
  at: string;
  questionId: string | null;
  /** The question's text (a draft has no assessment to carry it). */
  question: string;
  attempt: number;
  mode: 'free' | 'guided' | 'editor' | 'transcript';
  /** The follow-up question being answered, when it was a reply. */
  followUp?: string;
  text: string;
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
  /** The comment was still being typed when the session was ended with Ctrl-C (the level had been chosen). */
  draft?: boolean;
}

export type HistoryRecord = SessionRecord | AnswerRecord | AdviserRecord | DraftRecord;

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
  /** What was skipped and why, when it is not a cut line: "a record: answer: expected text, found a number". */
  why?: string;
}

/**
 * The longest history line read, in bytes: far past any record coach writes (an answer is at most
 * 20,000 characters; with its assessment's quoted spans a record stays under 1 MB). A longer line
 * is skipped as it streams by, never held.
 */
export const MAX_HISTORY_LINE_BYTES = 16 * 1024 * 1024;

/** A history file that cannot be used at all (a link, a pipe, a device, a folder): a plain error. */
export class HistoryFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HistoryFileError';
  }
}

/** Why a file is not a regular one, in words, or null when it is. */
function notRegular(st: Stats): string | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return 'it is a folder';
  if (st.isFIFO()) return 'it is not a regular file (a named pipe)';
  if (st.isSocket()) return 'it is not a regular file (a socket)';
  return 'it is not a regular file (a device)';
}

/**
 * history.jsonl opened without following a symbolic link (O_NOFOLLOW), and only if it is a regular
 * file: a link could send the writes to any file, and a pipe or /dev/zero would block or never
 * end. O_NONBLOCK keeps the open itself from waiting on a pipe. Null when there is no history.
 */
function openHistory(file: string, mode: 'read' | 'append'): number | null {
  const flags = constants.O_NOFOLLOW | constants.O_NONBLOCK | (mode === 'read' ? constants.O_RDONLY : constants.O_RDWR | constants.O_APPEND | constants.O_CREAT);
  const verb = mode === 'read' ? 'read' : 'write';
  let fd: number;
  try {
    fd = openSync(file, flags, 0o666);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (mode === 'read' && (code === 'ENOENT' || code === 'ENOTDIR')) return null;
    if (code === 'ELOOP') throw new HistoryFileError(`cannot ${verb} ${file}: it is a symbolic link (coach does not follow a link for its history; give the real folder with --data)`);
    if (code === 'EISDIR') throw new HistoryFileError(`cannot ${verb} ${file}: it is a folder`);
    throw e;
  }
  const why = notRegular(fstatSync(fd));
  if (why) {
    closeSync(fd);
    throw new HistoryFileError(`cannot ${verb} ${file}: ${why}`);
  }
  return fd;
}

/**
 * The lines of an open file, read in blocks of 1 MiB, never the whole file (a history can be
 * larger than any buffer): each as its bytes, or as its length alone when it is over the limit.
 * The bytes may be a view of the block: use them before asking for the next line.
 */
function* fileLines(fd: number, maxBytes: number): Generator<{ n: number; raw: Buffer | null; length: number }> {
  const block = Buffer.allocUnsafe(1 << 20);
  let parts: Buffer[] = [];
  let length = 0;
  let n = 0;
  const end = (): { n: number; raw: Buffer | null; length: number } => {
    const raw = length > maxBytes ? null : parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    const out = { n: ++n, raw, length };
    parts = [];
    length = 0;
    return out;
  };
  for (;;) {
    const got = readSync(fd, block, 0, block.length, null);
    if (got <= 0) break;
    let start = 0;
    for (let i = block.indexOf(0x0a, 0); i !== -1 && i < got; i = block.indexOf(0x0a, start)) {
      if (parts.length === 0 && length === 0) {
        // A line wholly in this block: a view of it, valid until the next block is read (the
        // caller uses it before asking for the next line), not a copy.
        const raw = block.subarray(start, i);
        yield { n: ++n, raw: raw.length > maxBytes ? null : raw, length: raw.length };
      } else {
        length += i - start;
        if (length <= maxBytes) parts.push(Buffer.from(block.subarray(start, i)));
        yield end();
      }
      start = i + 1;
    }
    if (start < got) {
      length += got - start;
      if (length <= maxBytes) parts.push(Buffer.from(block.subarray(start, got)));
      else parts = [];
    }
  }
  if (length > 0 || parts.length > 0) yield end();
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
    const fd = openHistory(this.file, 'append')!;
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
   * Every record that fits its schema, and the lines that could not be used (a line cut short by a
   * crash, a record that does not fit, a line too long), read line by line from the file, of any
   * size. Never throws for what is in the file; throws HistoryFileError when history.jsonl is a
   * link, a folder or not a regular file.
   */
  read(): { records: HistoryRecord[]; skipped: number[]; skippedLines: SkippedLine[] } {
    const records: HistoryRecord[] = [];
    const skippedLines: SkippedLine[] = [];
    this.eachLine((n, raw, length) => {
      if (raw === null) {
        skippedLines.push({ line: n, recovered: false, why: `a line of ${length.toLocaleString('en-US')} bytes, past the ${MAX_HISTORY_LINE_BYTES / 1024 / 1024} MiB a record may take` });
        return;
      }
      // A line that is not UTF-8 (or holds NUL bytes, as a crash can leave) is skipped and
      // reported like a cut one, never turned into U+FFFD or fatal to the rest.
      if (!isUtf8(raw) || raw.includes(0)) {
        skippedLines.push({ line: n, recovered: false });
        return;
      }
      const line = raw.toString('utf8');
      if (line.trim() === '') return;
      const r = parseRecord(line);
      if ('record' in r) {
        records.push(r.record);
        return;
      }
      // Cut text followed by a whole record, written by another process between the cut and
      // the next newline.
      const at = line.lastIndexOf(RECORD_START);
      const glued = at > 0 ? parseRecord(line.slice(at)) : null;
      if (glued && 'record' in glued) records.push(glued.record);
      skippedLines.push({ line: n, recovered: glued !== null && 'record' in glued, ...(r.why && !(glued && 'record' in glued) ? { why: `a record: ${r.why}` } : {}) });
    });
    return { records, skipped: skippedLines.map((s) => s.line), skippedLines };
  }

  /** Each line of the history as bytes (null when over MAX_HISTORY_LINE_BYTES), streamed. */
  private eachLine(visit: (n: number, raw: Buffer | null, length: number) => void): void {
    const fd = openHistory(this.file, 'read');
    if (fd === null) return;
    try {
      for (const l of fileLines(fd, MAX_HISTORY_LINE_BYTES)) {
        if (l.length > 0 || l.raw === null) visit(l.n, l.raw, l.length);
      }
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Fingerprints of the answers already filed under a candidate (its question and answer text),
   * for coach score --candidate to notice a re-filing. Only lines that name the candidate are
   * parsed.
   */
  answerKeys(candidate: string): Set<string> {
    const keys = new Set<string>();
    const needle = Buffer.from(JSON.stringify(candidate));
    this.eachLine((_n, raw) => {
      if (raw === null || raw.indexOf(needle) === -1) return;
      let r: unknown;
      try {
        r = JSON.parse(raw.toString('utf8'));
      } catch {
        return;
      }
      const o = r as Partial<AnswerRecord> | null;
      if (o && o.type === 'answer' && o.candidate === candidate && typeof o.answer === 'string') keys.add(answerKey(o.questionId ?? null, o.answer));
    });
    return keys;
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
        : s.why
          ? `${this.file}:${s.line}: skipped ${s.why}`
          : `${this.file}:${s.line}: skipped a line that could not be read (cut short by a crash?)`,
    );
    if (list.length > max) out.push(`${this.file}: skipped ${list.length - max} more unreadable line(s)`);
    return out;
  }
}

/** Which answer it is, for noticing one filed twice: a digest of its question id and text. */
export function answerKey(questionId: string | null, answer: string): string {
  return createHash('sha256').update(`${questionId ?? ''}\u0000${answer}`).digest('base64');
}

/** A line as a history record; or not JSON (why is absent: a cut line); or JSON that does not fit, and why. */
function parseRecord(line: string): { record: HistoryRecord } | { why?: string } {
  let r: unknown;
  try {
    r = JSON.parse(line);
  } catch {
    return {};
  }
  const res = checkHistoryRecord(r);
  return 'record' in res ? { record: res.record as HistoryRecord } : { why: res.why };
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
