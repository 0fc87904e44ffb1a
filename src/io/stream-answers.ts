import { closeSync, createReadStream, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative } from 'node:path';
import { IgnoreRules, isProjectFile } from './ignore.js';
import type { Readable } from 'node:stream';
import type { AnswerItem, ItemDefaults } from './answer-item.js';
import { decodeBuffer, decodeChunks, TextProblems } from './decode.js';
import { describeFsError, type InputError } from './errors.js';
import { findJsonError } from './json-scan.js';
import type { ReadProgress } from './read-progress.js';
import { emptyInputError, formatFromName, hasQuestionFrontMatter, problemError, readDocument, recordToItem, sniffFormat, type InputFormat } from './read-answers.js';

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
      if (st.isFile() && formatFromName(name) === 'text' && !scan.anyText && !textHasQuestion(p)) continue;
      if (st.isFile()) out.push({ file: p });
      else out.push({ error: fileError(p, 'not a regular file (a pipe, socket or device): skipped') });
    }
  }
}

/** Text chunks split into lines at "\n" (a "\r" before it is dropped), however long a line is. */
async function* lines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let parts: string[] = [];
  for await (const c of chunks) {
    let start = 0;
    for (let i = c.indexOf('\n'); i !== -1; i = c.indexOf('\n', start)) {
      parts.push(c.slice(start, i));
      const line = parts.length === 1 ? parts[0]! : parts.join('');
      parts = [];
      yield line.endsWith('\r') ? line.slice(0, -1) : line;
      start = i + 1;
    }
    if (start < c.length) parts.push(c.slice(start));
  }
  if (parts.length > 0) {
    const line = parts.join('');
    yield line.endsWith('\r') ? line.slice(0, -1) : line;
  }
}

export async function* jsonlEntries(file: string, chunks: AsyncIterable<string>, defaults: ItemDefaults, problems = new TextProblems()): AsyncGenerator<StreamEntry> {
  let n = 0;
  let index = 0;
  for await (const line of lines(chunks)) {
    n++;
    for (const p of problems.before(n)) yield { error: problemError(file, p, true) };
    if (line.trim() === '') continue;
    const bad = problems.within(n, n);
    if (bad) {
      yield { error: problemError(file, bad, true) };
      index++;
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      const where = findJsonError(line, 'the end of the line');
      yield { error: { file, line: n, column: where ? where.offset + 1 : 1, message: `invalid JSON: ${where ? where.message : (e as Error).message.slice(0, 200)}` } };
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

/** A CSV parser's complaint about a row, in words that say what was expected. */
function csvRowMessage(err: { code?: string; message: string; record?: unknown[] }, columns: number): string {
  if (err.code === 'CSV_RECORD_INCONSISTENT_COLUMNS' || err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
    const got = err.record?.length ?? 0;
    const hint = got > columns ? 'put a field with a comma in double quotes' : 'a field is missing';
    return `bad CSV row: ${got} field${got === 1 ? '' : 's'}, but the header has ${columns} (${hint})`;
  }
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') return 'bad CSV row: a quoted field is never closed (a missing closing quote?)';
  return `bad CSV row: ${err.message}`;
}

export async function* csvEntries(file: string, chunks: AsyncIterable<string>, defaults: ItemDefaults, problems = new TextProblems()): AsyncGenerator<StreamEntry> {
  const { parse } = await import('csv-parse');
  const { Readable: R } = await import('node:stream');
  const pending: InputError[] = [];
  let columns = 4;
  const parser = R.from(chunks).pipe(parse({
    bom: true,
    columns: (header: string[]) => {
      columns = header.length;
      return header.map((h) => h.trim().toLowerCase());
    },
    info: true,
    raw: true,
    skip_empty_lines: true,
    relax_quotes: true,
    skip_records_with_error: true,
  }));
  // After a NUL byte nothing more is read: a row cut there is that problem, not a CSV one.
  const cutBinary = (line: number): boolean => problems.binaryLine !== null && line >= problems.binaryLine;
  parser.on('skip', (err: { code?: string; message: string; lines?: number; record?: unknown[] }) => {
    const line = err.lines ?? 1;
    if (!cutBinary(line)) pending.push({ file, line, column: 1, message: csvRowMessage(err, columns) });
  });
  let index = 0;
  let checkedHeader = false;
  const flush = function* (upTo: number): Generator<StreamEntry> {
    for (const p of problems.before(upTo)) yield { error: problemError(file, p, true) };
    while (pending.length) yield { error: pending.shift()! };
  };
  try {
    for await (const row of parser as AsyncIterable<{ record: Record<string, string>; raw: string; info: { lines: number } }>) {
      const { record, raw, info } = row;
      const line = info.lines - (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
      yield* flush(line);
      if (!checkedHeader) {
        checkedHeader = true;
        if (!Object.prototype.hasOwnProperty.call(record, 'answer')) {
          const found = Object.keys(record).join(',');
          yield { error: { file, line: 1, column: 1, message: `CSV header has no answer column: found ${found || 'nothing'}; expected ${CSV_HEADER}` } };
          return;
        }
      }
      const bad = problems.within(line, info.lines);
      if (bad) {
        yield { error: problemError(file, bad, true) };
        index++;
        continue;
      }
      const malformed = Object.entries(record).find(([, v]) => typeof v === 'string' && v.startsWith('"'));
      if (malformed) {
        yield { error: { file, line, column: 1, message: `bad CSV row: malformed quoting in the ${malformed[0]} column (a quoted field must end with its closing quote)` } };
        index++;
        continue;
      }
      const errors: InputError[] = [];
      const field = (k: string): string | undefined => (Object.prototype.hasOwnProperty.call(record, k) ? record[k] || undefined : undefined);
      const item = recordToItem(file, line, index++, {
        id: field('id'),
        question: field('question'),
        competency: field('competency'),
        candidate: field('candidate'),
        answer: record['answer'],
      }, defaults, errors);
      if (item) yield { item };
      for (const error of errors) yield { error };
    }
  } catch (e) {
    const err = e as { code?: string; message: string; lines?: number };
    if (!cutBinary(err.lines ?? 1)) pending.push({ file, line: err.lines ?? 1, column: 1, message: `cannot read CSV: ${csvRowMessage(err, columns)}` });
  }
  yield* flush(Number.MAX_SAFE_INTEGER);
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
  for (const item of res.items) yield { item };
  for (const error of res.errors) yield { error };
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
      } else {
        let all = '';
        for await (const c of text) all += c;
        const res = await readDocument('-', all, format, defaults, problems);
        for (const item of res.items) yield { item };
        for (const error of res.errors) yield { error };
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
