import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { AnswerItem, ItemDefaults } from './answer-item.js';
import type { InputError } from './errors.js';
import type { ReadProgress } from './read-progress.js';
import { formatFromName, readAnswers, recordToItem, sniffFormat, type InputFormat } from './read-answers.js';

/** One input read: an answer to score, or a record or file that could not be read. */
export type StreamEntry = { item: AnswerItem } | { error: InputError };

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (formatFromName(name)) out.push(p);
  }
}

/** The first chunk of a stream, and the stream to read the rest from (nothing is lost). */
async function peek(stream: Readable): Promise<{ head: string; rest: AsyncIterable<string> }> {
  stream.setEncoding('utf8');
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<string>;
  const first = await it.next();
  const head = first.done ? '' : first.value;
  async function* rest(): AsyncGenerator<string> {
    if (head) yield head;
    for (;;) {
      const n = await it.next();
      if (n.done) return;
      yield n.value;
    }
  }
  return { head, rest: rest() };
}

async function* lines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  // readline over the chunks: CRLF and LF alike, no line held longer than it takes to read it.
  const { Readable: R } = await import('node:stream');
  const rl = createInterface({ input: R.from(chunks), crlfDelay: Infinity });
  for await (const line of rl) yield line;
}

export async function* jsonlEntries(file: string, chunks: AsyncIterable<string>, defaults: ItemDefaults): AsyncGenerator<StreamEntry> {
  let n = 0;
  let index = 0;
  for await (const raw of lines(chunks)) {
    n++;
    const line = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      const m = /position (\d+)/.exec(String((e as Error).message));
      yield { error: { file, line: n, column: m ? Number(m[1]) + 1 : 1, message: `invalid JSON: ${(e as Error).message}` } };
      index++;
      continue;
    }
    const errors: InputError[] = [];
    const item = recordToItem(file, n, index++, value, defaults, errors);
    if (item) yield { item };
    for (const error of errors) yield { error };
  }
}

export async function* csvEntries(file: string, chunks: AsyncIterable<string>, defaults: ItemDefaults): AsyncGenerator<StreamEntry> {
  const { parse } = await import('csv-parse');
  const { Readable: R } = await import('node:stream');
  const pending: InputError[] = [];
  const parser = R.from(chunks).pipe(parse({
    bom: true,
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    info: true,
    raw: true,
    skip_empty_lines: true,
    relax_quotes: true,
    skip_records_with_error: true,
  }));
  parser.on('skip', (err: { message: string; lines?: number }) => pending.push({ file, line: err.lines ?? 1, column: 1, message: `bad CSV row: ${err.message}` }));
  let index = 0;
  let checkedHeader = false;
  try {
    for await (const row of parser as AsyncIterable<{ record: Record<string, string>; raw: string; info: { lines: number } }>) {
      while (pending.length) yield { error: pending.shift()! };
      const { record, raw, info } = row;
      if (!checkedHeader) {
        checkedHeader = true;
        if (!('answer' in record)) {
          yield { error: { file, line: 1, column: 1, message: 'CSV header must have the columns id,question,competency,answer' } };
          return;
        }
      }
      const line = info.lines - (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
      const malformed = Object.entries(record).find(([, v]) => typeof v === 'string' && v.startsWith('"'));
      if (malformed) {
        yield { error: { file, line, column: 1, message: `bad CSV row: malformed quoting in the ${malformed[0]} column (a quoted field must end with its closing quote)` } };
        index++;
        continue;
      }
      const errors: InputError[] = [];
      const item = recordToItem(file, line, index++, {
        id: record['id'] || undefined,
        question: record['question'] || undefined,
        competency: record['competency'] || undefined,
        candidate: record['candidate'] || undefined,
        answer: record['answer'],
      }, defaults, errors);
      if (item) yield { item };
      for (const error of errors) yield { error };
    }
  } catch (e) {
    const err = e as { message: string; lines?: number };
    yield { error: { file, line: err.lines ?? 1, column: 1, message: `cannot read CSV: ${err.message}` } };
  }
  while (pending.length) yield { error: pending.shift()! };
}

async function* documentEntries(file: string, text: string, format: InputFormat, defaults: ItemDefaults): AsyncGenerator<StreamEntry> {
  const res = await readAnswers(file, text, format, defaults);
  for (const item of res.items) yield { item };
  for (const error of res.errors) yield { error };
}

/**
 * Every answer of the given paths, in order, as a stream: JSONL and CSV (files and standard input)
 * record by record, so memory stays flat however large they are; YAML, JSON and text documents
 * whole. `files` receives each input as it is opened, for ordering errors.
 */
export async function* streamAnswers(paths: string[], defaults: ItemDefaults, stdin: () => Readable, stdinFormat: InputFormat | undefined, files: string[], progress?: ReadProgress): AsyncGenerator<StreamEntry> {
  for (const p of paths) {
    if (p === '-') {
      files.push('-');
      const input = stdin();
      if (progress && 'bytesRead' in input) progress.reading(input as unknown as { bytesRead: number });
      const { head, rest } = await peek(input);
      const format = stdinFormat ?? sniffFormat(head);
      if (format === 'jsonl') yield* jsonlEntries('-', rest, defaults);
      else if (format === 'csv') yield* csvEntries('-', rest, defaults);
      else {
        let text = '';
        for await (const c of rest) text += c;
        yield* documentEntries('-', text, format, defaults);
      }
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      files.push(p);
      yield { error: { file: p, line: 1, column: 1, message: `cannot read: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : String((e as Error).message)}` } };
      continue;
    }
    const list: string[] = [];
    if (st.isDirectory()) walk(p, list);
    else list.push(p);
    for (const f of list) {
      files.push(f);
      const format = formatFromName(f) ?? 'text';
      try {
        if (format === 'jsonl' || format === 'csv') {
          const stream = createReadStream(f, { encoding: 'utf8' });
          progress?.reading(stream);
          yield* format === 'jsonl' ? jsonlEntries(f, stream, defaults) : csvEntries(f, stream, defaults);
          progress?.finished(stream.bytesRead);
        } else {
          const text = readFileSync(f, 'utf8');
          yield* documentEntries(f, text, format, defaults);
          progress?.finished(Buffer.byteLength(text));
        }
      } catch (e) {
        yield { error: { file: f, line: 1, column: 1, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String((e as Error).message)}` } };
      }
    }
  }
}
