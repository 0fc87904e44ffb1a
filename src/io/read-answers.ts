import { checkRecord, type AnswerItem, type ItemDefaults } from './answer-item.js';
import { TextProblems, type TextProblem } from './decode.js';
import type { InputError } from './errors.js';
import { findJsonError, LineIndex, listItemRanges } from './json-scan.js';

export type InputFormat = 'yaml' | 'json' | 'jsonl' | 'csv' | 'text' | 'vtt' | 'srt';

export interface ReadResult {
  items: AnswerItem[];
  errors: InputError[];
}

const EXT: Record<string, InputFormat> = {
  '.yaml': 'yaml', '.yml': 'yaml', '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv', '.txt': 'text', '.md': 'text', '.markdown': 'text',
  '.vtt': 'vtt', '.srt': 'srt',
};

export function formatFromName(name: string): InputFormat | null {
  const m = /\.[a-z]+$/i.exec(name);
  return m ? EXT[m[0].toLowerCase()] ?? null : null;
}

/** Guesses the format of standard input from its content. */
export function sniffFormat(text: string): InputFormat {
  const t = text.replace(/^\uFEFF/, '').trim();
  if (/^WEBVTT(?:[ \t\r\n]|$)/.test(t)) return 'vtt';
  if (/^\d+[ \t]*\r?\n[ \t]*(?:\d+:)?\d\d:\d\d[,.]\d{3}[ \t]*-->/.test(t)) return 'srt';
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

/** The message for a text problem that is an input's error. */
export function problemError(file: string, p: TextProblem, streamed = false): InputError {
  return { file, line: p.line, column: p.column, message: p.binary && streamed ? `${p.message}; the rest of the file is not read` : p.message };
}

/** An input with nothing in it to score. */
export function emptyInputError(file: string, blank: boolean): InputError {
  const what = file === '-' ? 'standard input' : 'the file';
  return { file, line: 1, column: 1, message: blank ? `no answers: ${what} is empty` : `no answers in ${what}` };
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
    errors.push({ file, line, column, message: 'question: is required (in the record, or with --question)' });
    return null;
  }
  const item: AnswerItem = {
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
  if (r.transcript !== undefined) item.transcript = { path: r.transcript, speaker: r.speaker ?? defaults.speaker };
  return item;
}

/** A record of a document: its value (or why it has none) and the lines it spans. */
interface DocRecord {
  value?: unknown;
  error?: string;
  line: number;
  column: number;
  lastLine: number;
}

/** Records to answers; a record on a line that is not valid text is refused with that problem. */
function toResult(file: string, records: DocRecord[], defaults: ItemDefaults, problems: TextProblems): ReadResult {
  const items: AnswerItem[] = [];
  const errors: InputError[] = [];
  records.forEach((r, i) => {
    for (const p of problems.before(r.line)) errors.push(problemError(file, p));
    const bad = problems.within(r.line, r.lastLine);
    if (bad) errors.push(problemError(file, bad));
    else if (r.error !== undefined) errors.push({ file, line: r.line, column: r.column, message: r.error });
    else {
      const item = recordToItem(file, r.line, i, r.value, defaults, errors, r.column);
      if (item) items.push(item);
    }
  });
  for (const p of problems.rest()) errors.push(problemError(file, p));
  if (records.length === 0 && errors.length === 0) errors.push(emptyInputError(file, false));
  return { items, errors };
}

const ALIAS_LIMIT = 100;
const ALIAS_BOMB = `YAML aliases expand too far (over ${ALIAS_LIMIT} references; an alias bomb?): the record is not read`;

// yaml is imported only for the formats that need it (start-up cost).
async function readYaml(file: string, text: string, defaults: ItemDefaults, problems: TextProblems): Promise<ReadResult> {
  const [{ isMap, isSeq, LineCounter, parseDocument }, { yamlErrorAt }] = await Promise.all([import('yaml'), import('./yaml-errors.js')]);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const errors: InputError[] = doc.errors.map((e) => {
      const p = yamlErrorAt(doc, e, lines);
      return { file, line: p.line, column: p.column, message: `syntax error: ${p.message}` };
    });
    // Bytes that are not text come first: they may be what broke the syntax.
    return { items: [], errors: [...problems.rest().map((p) => problemError(file, p)), ...errors].sort((a, b) => a.line - b.line || a.column - b.column) };
  }
  if (doc.contents === null) return { items: [], errors: [...problems.rest().map((p) => problemError(file, p)), emptyInputError(file, true)] };
  type YNode = { range?: [number, number, number] | null; toJS(d: unknown, o: { maxAliasCount: number }): unknown };
  let nodes: Array<YNode | null> = [];
  let single = false;
  let seq: unknown = doc.contents;
  // Accept a bare list, or a mapping with an "answers" (or "results") list, or one record.
  if (isMap(seq)) {
    const inner = seq.get('answers', true) ?? seq.get('results', true);
    if (isSeq(inner)) seq = inner;
    else if (seq.has('answer')) single = true;
  }
  if (single) nodes = [doc.contents as unknown as YNode];
  else if (isSeq(seq)) nodes = seq.items as unknown as Array<YNode | null>;
  else {
    const p = lines.linePos(doc.contents.range[0]);
    return { items: [], errors: [{ file, line: p.line, column: p.col, message: 'expected a list of answers (each with question and answer)' }] };
  }
  // Values with aliases resolved, under yaml's limit on how far they expand (an alias bomb
  // fails it). The whole document at once; if that fails, record by record, so that only the
  // record that holds the bomb is lost.
  let values: unknown[] | null = null;
  try {
    const js = doc.toJS({ maxAliasCount: ALIAS_LIMIT }) as Record<string, unknown> | unknown[];
    if (single) values = [js];
    else if (Array.isArray(js)) values = js;
    else values = (Array.isArray(js['answers']) ? js['answers'] : js['results']) as unknown[];
  } catch {
    values = null;
  }
  const records: DocRecord[] = nodes.map((node, i) => {
    const range = node?.range;
    const p = lines.linePos(range?.[0] ?? 0);
    const last = lines.linePos(Math.max(range?.[0] ?? 0, (range?.[1] ?? 1) - 1)).line;
    const at = { line: p.line, column: p.col, lastLine: last };
    if (values) return { ...at, value: values[i] };
    if (!node || typeof node.toJS !== 'function') return { ...at, value: null };
    try {
      return { ...at, value: node.toJS(doc, { maxAliasCount: ALIAS_LIMIT }) };
    } catch (e) {
      return { ...at, error: /excessive alias/i.test(String((e as Error).message)) ? ALIAS_BOMB : `cannot read the record: ${(e as Error).message}` };
    }
  });
  return toResult(file, records, defaults, problems);
}

/** JSON is read as JSON (not as YAML): strict, with the place and the reason of a syntax error. */
function readJson(file: string, text: string, defaults: ItemDefaults, problems: TextProblems): ReadResult {
  if (text.trim() === '') return { items: [], errors: [...problems.rest().map((p) => problemError(file, p)), emptyInputError(file, true)] };
  const index = new LineIndex(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const where = findJsonError(text);
    const p = where ? index.at(where.offset) : { line: 1, column: 1 };
    const errors = [...problems.rest().map((x) => problemError(file, x)), { file, line: p.line, column: p.column, message: `invalid JSON: ${where ? where.message : (e as Error).message.slice(0, 200)}` }];
    return { items: [], errors: errors.sort((a, b) => a.line - b.line || a.column - b.column) };
  }
  const own = (o: unknown, k: string): unknown => (o && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, k) ? (o as Record<string, unknown>)[k] : undefined);
  let list: unknown[];
  let ranges: Array<{ start: number; end: number }>;
  if (Array.isArray(value)) {
    list = value;
    ranges = listItemRanges(text, null);
  } else if (Array.isArray(own(value, 'answers')) || Array.isArray(own(value, 'results'))) {
    const key = Array.isArray(own(value, 'answers')) ? 'answers' : 'results';
    list = own(value, key) as unknown[];
    ranges = listItemRanges(text, key);
  } else if (own(value, 'answer') !== undefined) {
    list = [value];
    const start = text.length - text.trimStart().length;
    ranges = [{ start, end: text.trimEnd().length }];
  } else {
    const p = index.at(text.length - text.trimStart().length);
    return { items: [], errors: [{ file, line: p.line, column: p.column, message: 'expected a list of answers (each with question and answer)' }] };
  }
  const records: DocRecord[] = list.map((v, i) => {
    const r = ranges[i];
    const p = index.at(r?.start ?? 0);
    return { value: v, line: p.line, column: p.column, lastLine: index.at(Math.max(r?.start ?? 0, (r?.end ?? 1) - 1)).line };
  });
  return toResult(file, records, defaults, problems);
}

// A .txt or .md answer may carry its question in front matter, as static-site generators do:
//   ---
//   question: Tell me about a time you helped a customer.
//   competency: customer-focus      (optional, as are id and candidate)
//   ---
//   Last year I worked...
const FRONT_MATTER = /^(---[ \t]*\r?\n)([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const FRONT_MATTER_KEYS = ['id', 'question', 'competency', 'candidate', 'expected'];

/** Whether a text file starts with front matter that names its question (folders read only those). */
export function hasQuestionFrontMatter(head: string): boolean {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)(?:\r?\n---[ \t]*(?:\r?\n|$))/.exec(head);
  return m !== null && /^question[ \t]*:/m.test(m[1]!);
}

async function readText(file: string, text: string, defaults: ItemDefaults, problems: TextProblems): Promise<ReadResult> {
  const errors: InputError[] = [];
  const first = problems.rest()[0];
  if (first) return { items: [], errors: [problemError(file, first)] };
  const id = file === '-' ? 'stdin' : file;
  if (text.trim() === '') return { items: [], errors: [emptyInputError(file, true)] };
  const fm = FRONT_MATTER.exec(text);
  if (!fm) {
    const item = recordToItem(file, 1, 0, { id, answer: text }, defaults, errors);
    if (!item && defaults.question === undefined && errors[0]?.message.startsWith('question:')) {
      errors[0].message = 'question: is required: start the file with front matter (a line "---", "question: ...", a line "---"), or give --question';
    }
    return { items: item ? [item] : [], errors };
  }
  const { parse } = await import('yaml');
  let meta: unknown;
  try {
    meta = parse(fm[2]!, { logLevel: 'silent' });
  } catch (e) {
    const pos = (e as { linePos?: Array<{ line: number; col: number }> }).linePos?.[0];
    return { items: [], errors: [{ file, line: (pos?.line ?? 1) + 1, column: pos?.col ?? 1, message: `front matter: syntax error: ${(e as Error).message.split('\n')[0]}` }] };
  }
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) return { items: [], errors: [{ file, line: 2, column: 1, message: 'front matter: expected "key: value" lines (question, competency, id, candidate)' }] };
  const keys = Object.keys(meta);
  const unknown = keys.find((k) => !FRONT_MATTER_KEYS.includes(k));
  if (unknown !== undefined) {
    const line = 2 + fm[2]!.split(/\r?\n/).findIndex((l) => l.startsWith(unknown));
    return { items: [], errors: [{ file, line, column: 1, message: `front matter: unknown key ${JSON.stringify(unknown)} (expected ${FRONT_MATTER_KEYS.slice(0, 4).join(', ')}; the answer follows the closing ---)` }] };
  }
  const bodyLine = fm[0].split('\n').length + (fm[0].endsWith('\n') ? 0 : 1);
  const item = recordToItem(file, bodyLine, 0, { id, ...meta, answer: text.slice(fm[0].length) }, defaults, errors);
  return { items: item ? [item] : [], errors };
}

/**
 * Parses one whole document (YAML, JSON or a plain-text answer) into answers; every bad record
 * becomes an error and the rest still load. `problems` are the places where its bytes were not
 * text (see decode.ts): a binary file is refused whole, a record with bytes that are not UTF-8 is
 * refused, and the other records are read.
 */
export async function readDocument(file: string, text: string, format: 'yaml' | 'json' | 'text', defaults: ItemDefaults = {}, problems = new TextProblems()): Promise<ReadResult> {
  if (problems.binaryLine !== null) {
    const binary = problems.rest().find((p) => p.binary)!;
    return { items: [], errors: [problemError(file, binary)] };
  }
  switch (format) {
    case 'yaml': return readYaml(file, text, defaults, problems);
    case 'json': return readJson(file, text, defaults, problems);
    case 'text': return readText(file, text, defaults, problems);
  }
}
