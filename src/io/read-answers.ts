import { checkRecord, type AnswerItem, type ItemDefaults } from './answer-item.js';
import type { InputError } from './errors.js';

export type InputFormat = 'yaml' | 'json' | 'jsonl' | 'csv' | 'text';

export interface ReadResult {
  items: AnswerItem[];
  errors: InputError[];
}

const EXT: Record<string, InputFormat> = {
  '.yaml': 'yaml', '.yml': 'yaml', '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv', '.txt': 'text', '.md': 'text', '.markdown': 'text',
};

export function formatFromName(name: string): InputFormat | null {
  const m = /\.[a-z]+$/i.exec(name);
  return m ? EXT[m[0].toLowerCase()] ?? null : null;
}

/** Guesses the format of standard input from its content. */
export function sniffFormat(text: string): InputFormat {
  const t = text.replace(/^\uFEFF/, '').trim();
  if (t.startsWith('[')) return 'json';
  if (t.startsWith('{')) {
    try {
      JSON.parse(t);
      return 'json';
    } catch {
      return 'jsonl';
    }
  }
  if (/^-\s+(id|question|answer|competency)\s*:/m.test(t) || /^answers\s*:/m.test(t)) return 'yaml';
  if (/^"?id"?\s*,\s*"?question"?/i.test(t)) return 'csv';
  return 'text';
}

/** One parsed record as an answer to score, or null with the reason added to `errors`. */
export function recordToItem(file: string, line: number, index: number, raw: unknown, defaults: ItemDefaults, errors: InputError[], column = 1): AnswerItem | null {
  const res = checkRecord(raw);
  if ('error' in res) {
    errors.push({ file, line, column, message: res.error });
    return null;
  }
  const r = res.record;
  const question = r.question ?? defaults.question;
  if (question === undefined) {
    errors.push({ file, line, column, message: 'question is required (in the record, or with --question)' });
    return null;
  }
  return {
    id: r.id ?? `${file}#${index + 1}`,
    question,
    competency: r.competency ?? defaults.competency,
    candidate: r.candidate,
    answer: r.answer,
    file,
    line,
    column,
    expected: r.expected,
  };
}

// yaml and csv-parse are imported only for the formats that need them (start-up cost).
async function readYamlOrJson(file: string, text: string, defaults: ItemDefaults): Promise<ReadResult> {
  const { isMap, isSeq, LineCounter, parseDocument } = await import('yaml');
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false });
  const errors: InputError[] = [];
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const p = lines.linePos(e.pos[0]);
      errors.push({ file, line: p.line, column: p.col, message: `syntax error: ${e.message.split('\n')[0]}` });
    }
    return { items: [], errors };
  }
  let seq: unknown = doc.contents;
  // Accept a bare list, or a mapping with an "answers" (or "results") list.
  if (isMap(seq)) {
    const inner = seq.get('answers', true) ?? seq.get('results', true);
    if (isSeq(inner)) seq = inner;
    else if (seq.has('answer')) {
      const p = lines.linePos(seq.range?.[0] ?? 0);
      const item = recordToItem(file, p.line, 0, seq.toJSON(), defaults, errors, p.col);
      return { items: item ? [item] : [], errors };
    }
  }
  if (!isSeq(seq)) {
    const p = lines.linePos(doc.contents?.range[0] ?? 0);
    return { items: [], errors: [{ file, line: p.line, column: p.col, message: 'expected a list of answers (each with question and answer)' }] };
  }
  const items: AnswerItem[] = [];
  seq.items.forEach((node, i) => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    const p = lines.linePos(range?.[0] ?? 0);
    const js = node && typeof (node as { toJSON?: unknown }).toJSON === 'function' ? (node as { toJSON(): unknown }).toJSON() : node;
    const item = recordToItem(file, p.line, i, js, defaults, errors, p.col);
    if (item) items.push(item);
  });
  return { items, errors };
}

/** JSONL and CSV have one reader, the streaming one; here it reads a text already in memory. */
async function readStreamed(file: string, text: string, format: 'jsonl' | 'csv', defaults: ItemDefaults): Promise<ReadResult> {
  const { csvEntries, jsonlEntries } = await import('./stream-answers.js');
  const chunks = (async function* one(): AsyncGenerator<string> { yield text; })();
  const items: AnswerItem[] = [];
  const errors: InputError[] = [];
  for await (const e of (format === 'csv' ? csvEntries : jsonlEntries)(file, chunks, defaults)) {
    if ('item' in e) items.push(e.item);
    else errors.push(e.error);
  }
  errors.sort((x, y) => x.line - y.line);
  return { items, errors };
}

function readText(file: string, text: string, defaults: ItemDefaults): ReadResult {
  const errors: InputError[] = [];
  const body = text.replace(/^\uFEFF/, '');
  const id = file === '-' ? 'stdin' : file;
  const item = recordToItem(file, 1, 0, { id, answer: body }, defaults, errors);
  return { items: item ? [item] : [], errors };
}

/** Parses one input's text into answers; every bad record becomes an error and the rest still load. */
export async function readAnswers(file: string, text: string, format: InputFormat, defaults: ItemDefaults = {}): Promise<ReadResult> {
  switch (format) {
    case 'yaml':
    case 'json': return readYamlOrJson(file, text, defaults);
    case 'jsonl':
    case 'csv': return readStreamed(file, text, format, defaults);
    case 'text': return readText(file, text, defaults);
  }
}
