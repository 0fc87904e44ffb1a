import { closeSync, createReadStream, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative } from 'node:path';
import { IgnoreRules, isProjectFile } from './ignore.js';
import type { Readable } from 'node:stream';
import { MAX_ANSWER_CHARS, type AnswerItem, type ItemDefaults } from './answer-item.js';
import { decodeBuffer, decodeChunks, TextProblems } from './decode.js';
import { describeFsError, type InputError } from './errors.js';
import { csvRecords } from './csv-records.js';
import { findJsonError } from './json-scan.js';
import type { ReadProgress } from './read-progress.js';
import { emptyInputError, formatFromName, hasQuestionFrontMatter, problemError, readDocument, recordToItem, sniffFormat, type InputFormat } from './read-answers.js';
import { listSome } from './list-some.js';

/** One input read: an answer to score, or a record or file that could not be read. */
export type StreamEntry = { item: AnswerItem } | { error: InputError };

const fileError = (file: string, message: string): StreamEntry => ({ error: { file, line: 1, column: 1, message } });

/** How a folder is scanned: what to leave out, and whether text files need their own question. */
export interface FolderScan {
  root: string;
  rules: IgnoreRules;
  /** With --question, every .txt/.md file is an answer; without, only those with front matter naming one. */
  anyText: boolean;
}

export function folderScan(root: string, defaults: Pick<ItemDefaults, 'ignore' | 'question'> = {}): FolderScan {
  return { root, rules: IgnoreRules.forFolder(root, defaults.ignore ?? []), anyText: defaults.question !== undefined };
}

/** Whether a text file begins with front matter naming its question (the first 4 KB are read). */
function textHasQuestion(path: string): boolean {
  try {
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(4096);
      const n = readSync(fd, buf, 0, buf.length, 0);
      return hasQuestionFrontMatter(buf.subarray(0, n).toString('utf8'));
    } finally {
      closeSync(fd);
    }
  } catch {
    return true; // unreadable: read it, so the error is reported in its place
  }
}

/** The answer files a folder holds, as streamAnswers reads them (recursively, in name order). */
export function filesIn(dir: string, defaults: Pick<ItemDefaults, 'ignore' | 'question'> = {}): string[] {
  const out: Array<{ file: string } | { error: StreamEntry }> = [];
  walk(dir, out, new Set(), folderScan(dir, defaults));
  return out.flatMap((x) => ('file' in x ? [x.file] : []));
}

/**
 * The answer files under a folder, recursively, in name order, and the entries that cannot be
 * read (a folder without permission, a broken link, a pipe) as errors in their place. A folder
 * reached twice (a symbolic link to a parent, say) is read once. Left out: names starting with
 * ".", node_modules, what --ignore and .coachignore say, project files (README, package.json...),
 * and .txt/.md files that do not name their question (unless --question gives it).
 */
function walk(dir: string, out: Array<{ file: string } | { error: StreamEntry }>, seen: Set<string>, scan: FolderScan): void {
  let names: string[];
  try {
    seen.add(realpathSync(dir));
    names = readdirSync(dir).sort();
  } catch (e) {
    out.push({ error: fileError(dir, `cannot read the folder: ${describeFsError(e)}`) });
    return;
  }
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const p = join(dir, name);
    let st: Stats;
    try {
      st = statSync(p);
    } catch (e) {
      let link = false;
      try {
        link = lstatSync(p).isSymbolicLink();
      } catch {
        // gone since readdir
      }
      const code = (e as NodeJS.ErrnoException).code;
      out.push({ error: fileError(p, `cannot read: ${link && code === 'ENOENT' ? 'a broken symbolic link' : describeFsError(e)}`) });
      continue;
    }
    if (scan.rules.ignores(relative(scan.root, p), st.isDirectory())) continue;
    if (st.isDirectory()) {
      let real: string;
      try {
        real = realpathSync(p);
      } catch (e) {
        out.push({ error: fileError(p, `cannot read the folder: ${describeFsError(e)}`) });
        continue;
      }
      if (!seen.has(real)) walk(p, out, seen, scan);
    } else if (formatFromName(name) && !isProjectFile(name)) {
      const fmt = formatFromName(name);
      if (st.isFile() && fmt === 'text' && !scan.anyText && !textHasQuestion(p)) continue;
      // A transcript carries no question: read from a folder only with --question (a record that
      // points at it reads it otherwise).
      if (st.isFile() && (fmt === 'vtt' || fmt === 'srt') && !scan.anyText) continue;
      if (st.isFile()) out.push({ file: p });
      else out.push({ error: fileError(p, 'not a regular file (a pipe, socket or device): skipped') });
    }
  }
}

/**
 * The longest line (JSONL) or record (CSV) read, in bytes of UTF-8: ten times the answer limit,
 * room for a 20,000-character answer written wholly as \u escapes (6 bytes each) beside its
 * question and id. A longer one is refused as it streams by, never held: memory stays flat for
 * any line length (README, Scoring answers).
 */
export const MAX_LINE_BYTES = 10 * MAX_ANSWER_CHARS;

/** A line over MAX_LINE_BYTES: only its size is kept. */
interface LongLine {
  tooLong: number;
}

const count = (n: number): string => n.toLocaleString('en-US');

export function tooLongMessage(what: 'line' | 'row', bytes: number): string {
  return `${what} is ${count(bytes)} bytes long; the limit is ${count(MAX_LINE_BYTES)} (an answer may have ${count(MAX_ANSWER_CHARS)} characters): not read`;
}

/**
 * Text chunks split into lines at "\n" (a "\r" before it is dropped). A line is held only up to
 * MAX_LINE_BYTES; a longer one is dropped as it streams by and comes back as its size alone.
 */
async function* lines(chunks: AsyncIterable<string>): AsyncGenerator<string | LongLine> {
  let parts: string[] = [];
  let chars = 0;
  // UTF-8 bytes are counted only once a line could be over the limit (a character is 1-3 bytes).
  let bytes = -1;
  let over = false;
  const add = (piece: string): void => {
    if (over) {
      bytes += Buffer.byteLength(piece);
      return;
    }
    parts.push(piece);
    chars += piece.length;
    if (bytes >= 0) bytes += Buffer.byteLength(piece);
    else if (chars * 3 > MAX_LINE_BYTES) bytes = parts.reduce((n, p) => n + Buffer.byteLength(p), 0);
    if (bytes > MAX_LINE_BYTES) {
      over = true;
      parts = [];
    }
  };
  const end = (): string | LongLine => {
    let out: string | LongLine;
    if (over) out = { tooLong: bytes };
    else {
      const line = parts.length === 1 ? parts[0]! : parts.join('');
      out = line.endsWith('\r') ? line.slice(0, -1) : line;
    }
    parts = [];
    chars = 0;
    bytes = -1;
    over = false;
    return out;
  };
  let pending = false;
  for await (const c of chunks) {
    let start = 0;
    for (let i = c.indexOf('\n'); i !== -1; i = c.indexOf('\n', start)) {
      if (i > start) add(c.slice(start, i));
      pending = false;
      yield end();
      start = i + 1;
    }
    if (start < c.length) {
      add(c.slice(start));
      pending = true;
    }
  }
  if (pending) yield end();
}

export async function* jsonlEntries(file: string, chunks: AsyncIterable<string>, defaults: ItemDefaults, problems = new TextProblems()): AsyncGenerator<StreamEntry> {
  let n = 0;
  let index = 0;
  let afterBad = false;
  for await (const line of lines(chunks)) {
    n++;
    for (const p of problems.before(n)) yield { error: problemError(file, p, true) };
    if (typeof line !== 'string') {
      const bad = problems.within(n, n);
      yield { error: bad ? problemError(file, bad, true) : { file, line: n, column: 1, message: tooLongMessage('line', line.tooLong) } };
      index++;
      continue;
    }
    if (line.trim() === '') continue;
    const bad = problems.within(n, n);
    if (bad) {
      yield { error: problemError(file, bad, true) };
      index++;
      continue;
    }
    // JSON.parse takes some 15 us to throw on a bad line (it builds its message): after a bad
    // line, the next are checked by the scanner first, so a flood of bad lines stays cheap.
    let value: unknown;
    let where = afterBad ? findJsonError(line, 'the end of the line') : null;
    let parseError = '';
    if (!where) {
      try {
        value = JSON.parse(line);
        afterBad = false;
      } catch (e) {
        where = findJsonError(line, 'the end of the line');
        parseError = (e as Error).message.slice(0, 200);
      }
    }
    if (where || parseError) {
      afterBad = true;
      yield { error: { file, line: n, column: where ? where.offset + 1 : 1, message: `invalid JSON: ${where ? where.message : parseError}` } };
      index++;
      continue;
    }
    const errors: InputError[] = [];
    const item = recordToItem(file, n, index++, value, defaults, errors);
    if (item) yield { item };
    for (const error of errors) yield { error };
  }
  for (const p of problems.rest()) yield { error: problemError(file, p, true) };
}

const CSV_HEADER = 'id,question,competency,answer';

/** "6 fields, but the header has 4", with a hint at the likely cause. */
function csvCountMessage(got: number, columns: number): string {
  const hint = got > columns ? 'put a field with a comma in double quotes' : 'a field is missing';
  return `bad CSV row: ${got} field${got === 1 ? '' : 's'}, but the header has ${columns} (${hint})`;
}

export async function* csvEntries(file: string, chunks: AsyncIterable<string>, defaults: ItemDefaults, problems = new TextProblems()): AsyncGenerator<StreamEntry> {
  let header: string[] | null = null;
  let index = 0;
  for await (const rec of csvRecords(chunks, MAX_LINE_BYTES)) {
    for (const p of problems.before(rec.line)) yield { error: problemError(file, p, true) };
    // Bytes that are not text come first: they may be what broke the row (a NUL cuts it short).
    const bad = problems.within(rec.line, rec.lastLine);
    if (!header) {
      if (bad) {
        yield { error: problemError(file, bad, true) };
        return;
      }
      if (rec.tooLong !== undefined || rec.unclosed) {
        yield { error: { file, line: rec.unclosed?.line ?? rec.line, column: rec.unclosed?.column ?? 1, message: rec.unclosed ? 'bad CSV header: a quoted field is never closed (a missing closing quote?)' : tooLongMessage('line', rec.tooLong!).replace(/^line/, 'CSV header') } };
        return;
      }
      header = rec.fields.map((h) => h.trim().toLowerCase());
      if (!header.includes('answer') && !header.includes('transcript')) {
        const found = listSome(header);
        yield { error: { file, line: 1, column: 1, message: `CSV header has no answer column: found ${found || 'nothing'}; expected ${CSV_HEADER}` } };
        return;
      }
      continue;
    }
    const line = rec.line;
    const fail = (error: InputError): StreamEntry => {
      index++;
      return { error };
    };
    if (bad) yield fail(problemError(file, bad, true));
    else if (rec.unclosed) yield fail({ file, line: rec.unclosed.line, column: rec.unclosed.column, message: 'bad CSV row: a quoted field is never closed (a missing closing quote?); the rest of the file is read as that field' });
    else if (rec.tooLong !== undefined) yield fail({ file, line, column: 1, message: tooLongMessage('row', rec.tooLong) });
    else if (rec.badQuote !== undefined) yield fail({ file, line, column: 1, message: `bad CSV row: malformed quoting in the ${header[rec.badQuote] ?? `${rec.badQuote + 1}th`} column (a quoted field must end with its closing quote)` });
    else if (rec.fields.length !== header.length) yield fail({ file, line, column: 1, message: csvCountMessage(rec.fields.length, header.length) });
    else {
      const record = new Map<string, string>();
      header.forEach((h, i) => record.set(h, rec.fields[i]!));
      const field = (k: string): string | undefined => record.get(k) || undefined;
      const errors: InputError[] = [];
      const item = recordToItem(file, line, index++, {
        id: field('id'),
        question: field('question'),
        competency: field('competency'),
        candidate: field('candidate'),
        // An empty answer cell beside a transcript is no answer.
        answer: field('transcript') !== undefined && !record.get('answer') ? undefined : record.get('answer'),
        transcript: field('transcript'),
        speaker: field('speaker'),
      }, defaults, errors);
      if (item) yield { item };
      for (const error of errors) yield { error };
    }
  }
  for (const p of problems.rest()) yield { error: problemError(file, p, true) };
}

/** A streamed input's entries, and an error if it held no answer at all (an empty file, say). */
async function* nonEmpty(file: string, text: AsyncIterable<string>, read: (text: AsyncIterable<string>) => AsyncGenerator<StreamEntry>): AsyncGenerator<StreamEntry> {
  let blank = true;
  const watched = (async function* watch(): AsyncGenerator<string> {
    for await (const t of text) {
      if (blank && t.trim() !== '') blank = false;
      yield t;
    }
  })();
  let n = 0;
  for await (const e of read(watched)) {
    n++;
    yield e;
  }
  if (n === 0) yield { error: emptyInputError(file, blank) };
}

async function* documentEntries(file: string, bytes: Buffer, format: 'yaml' | 'json' | 'text', defaults: ItemDefaults): AsyncGenerator<StreamEntry> {
  const problems = new TextProblems();
  const text = decodeBuffer(bytes, problems);
  const res = await readDocument(file, text, format, defaults, problems);
  yield* inLineOrder(res);
}

/** A document's answers and errors, in the order of their lines (errors are written as they come). */
function* inLineOrder(res: { items: AnswerItem[]; errors: InputError[] }): Generator<StreamEntry> {
  const all: Array<{ at: { line: number; column: number }; entry: StreamEntry }> = [
    ...res.items.map((item) => ({ at: item, entry: { item } })),
    ...res.errors.map((error) => ({ at: error, entry: { error } })),
  ];
  all.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
  for (const x of all) yield x.entry;
}

function streamed(file: string, format: 'jsonl' | 'csv', bytes: AsyncIterable<Buffer | string>, defaults: ItemDefaults): AsyncGenerator<StreamEntry> {
  const problems = new TextProblems();
  const read = (text: AsyncIterable<string>): AsyncGenerator<StreamEntry> => (format === 'jsonl' ? jsonlEntries : csvEntries)(file, text, defaults, problems);
  return nonEmpty(file, decodeChunks(bytes, problems), read);
}

/**
 * Every answer of the given paths, in order, as a stream: JSONL and CSV (files and standard input)
 * record by record, so memory stays flat however large they are; YAML, JSON and text documents
 * whole. Bytes are decoded as UTF-8 or UTF-16 (with a byte-order mark); see decode.ts. `files`
 * receives each input as it is opened, for ordering errors.
 */
export async function* streamAnswers(paths: string[], defaults: ItemDefaults, stdin: () => Readable, stdinFormat: InputFormat | undefined, files: string[], progress?: ReadProgress): AsyncGenerator<StreamEntry> {
  // Records that point at a transcript (transcript: FILE) have it read here, as they come.
  let transcripts: typeof import('./transcript-answer.js') | null = null;
  for await (const e of streamInputs(paths, defaults, stdin, stdinFormat, files, progress)) {
    if ('item' in e && e.item.transcript !== undefined) {
      transcripts ??= await import('./transcript-answer.js');
      const entry = transcripts.recordTranscriptEntry(e.item);
      // An error in the transcript itself is listed after its record's file.
      if ('error' in entry && !files.includes(entry.error.file)) files.push(entry.error.file);
      yield entry;
    } else yield e;
  }
}

/** A transcript file's (or standard input's) answer; the reader is loaded on the first one. */
async function transcriptFile(file: string, bytes: Buffer | string, format: 'vtt' | 'srt' | undefined, defaults: ItemDefaults): Promise<StreamEntry> {
  return (await import('./transcript-answer.js')).transcriptFileEntry(file, bytes, format, defaults);
}

async function* streamInputs(paths: string[], defaults: ItemDefaults, stdin: () => Readable, stdinFormat: InputFormat | undefined, files: string[], progress?: ReadProgress): AsyncGenerator<StreamEntry> {
  for (const p of paths) {
    if (p === '-') {
      files.push('-');
      const input = stdin();
      if (progress && 'bytesRead' in input) progress.reading(input as unknown as { bytesRead: number });
      const problems = new TextProblems();
      const it = decodeChunks(input as AsyncIterable<Buffer | string>, problems)[Symbol.asyncIterator]();
      const first = await it.next();
      const head = first.done ? '' : first.value;
      const format = stdinFormat ?? sniffFormat(head);
      const text = (async function* rest(): AsyncGenerator<string> {
        if (head) yield head;
        for (;;) {
          const n = await it.next();
          if (n.done) return;
          yield n.value;
        }
      })();
      if (format === 'jsonl' || format === 'csv') {
        yield* nonEmpty('-', text, (t) => (format === 'jsonl' ? jsonlEntries : csvEntries)('-', t, defaults, problems));
      } else if (format === 'vtt' || format === 'srt') {
        let all = '';
        for await (const c of text) all += c;
        const bad = problems.rest()[0];
        yield bad ? { error: problemError('-', bad) } : await transcriptFile('-', all, format, defaults);
      } else {
        let all = '';
        for await (const c of text) all += c;
        const res = await readDocument('-', all, format, defaults, problems);
        yield* inLineOrder(res);
      }
      continue;
    }
    let st: Stats;
    try {
      st = statSync(p);
    } catch (e) {
      files.push(p);
      yield fileError(p, `cannot read: ${describeFsError(e)}`);
      continue;
    }
    const list: Array<{ file: string } | { error: StreamEntry }> = [];
    if (st.isDirectory()) walk(p, list, new Set(), folderScan(p, defaults));
    else if (st.isFile() || st.isFIFO()) list.push({ file: p }); // a pipe given by name: coach score <(...)
    else list.push({ error: fileError(p, 'not a regular file (a socket or device): skipped') });
    for (const entry of list) {
      if ('error' in entry) {
        files.push((entry.error as { error: InputError }).error.file);
        yield entry.error;
        continue;
      }
      const f = entry.file;
      files.push(f);
      const format = formatFromName(f) ?? 'text';
      try {
        if (format === 'jsonl' || format === 'csv') {
          const stream = createReadStream(f);
          progress?.reading(stream);
          yield* streamed(f, format, stream as AsyncIterable<Buffer>, defaults);
          progress?.finished(stream.bytesRead);
        } else if (format === 'vtt' || format === 'srt') {
          const bytes = readFileSync(f);
          yield await transcriptFile(f, bytes, undefined, defaults);
          progress?.finished(bytes.length);
        } else {
          const bytes = readFileSync(f);
          yield* documentEntries(f, bytes, format, defaults);
          progress?.finished(bytes.length);
        }
      } catch (e) {
        yield fileError(f, `cannot read: ${describeFsError(e)}`);
      }
    }
  }
}
