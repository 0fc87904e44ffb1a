import { MAX_ANALYSED_CHARS } from '../core/text/analyse.js';

/** One answer to score, with where it came from. */
export interface AnswerItem {
  id: string;
  question: string;
  competency?: string | undefined;
  /** Whose answer it is, when the record says (cohort reports group by it). */
  candidate?: string | undefined;
  answer: string;
  file: string;
  line: number;
  column: number;
  /** Present only in labelled files; never passed to the scorer. */
  expected?: unknown;
}

/** Defaults from command-line flags for inputs that do not carry them (plain text files). */
export interface ItemDefaults {
  question?: string | undefined;
  competency?: string | undefined;
  /** Globs of files to leave out of folders (--ignore), besides each folder's .coachignore. */
  ignore?: string[] | undefined;
}

export interface AnswerRecord {
  id?: string;
  question?: string;
  competency?: string;
  candidate?: string;
  answer: string;
  expected?: unknown;
}

/**
 * The longest answer coach scores, in characters (UTF-16 units): the scorer reads no further, so
 * a longer one is refused rather than scored on its start without a word (README, Scoring answers).
 */
export const MAX_ANSWER_CHARS = MAX_ANALYSED_CHARS;

const count = (n: number): string => n.toLocaleString('en-US');

/** What a value is, for "must be text, found ...". */
export function kindOf(v: unknown): string {
  if (v === null) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  switch (typeof v) {
    case 'number': return 'a number';
    case 'boolean': return `${v}`;
    case 'object': return 'an object';
    case 'string': return 'text';
    default: return typeof v;
  }
}

/** "answer: is too long" and the like for an answer's text; null when it can be scored. */
export function checkAnswerText(answer: string): string | null {
  if (answer.trim() === '') return 'answer: is empty';
  if (answer.length > MAX_ANSWER_CHARS) return `answer: is ${count(answer.length)} characters long; the limit is ${count(MAX_ANSWER_CHARS)}`;
  return null;
}

// A record has four fields; checking them by hand keeps a schema library (~75 ms to load) off
// the start-up path of every `coach score`. Rubrics, with their deep schema, use zod.
// Keys are read as own properties only: a "__proto__" key is plain data, never a prototype.
export function checkRecord(raw: unknown): { record: AnswerRecord } | { error: string } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { error: `expected an object with question and answer, found ${kindOf(raw)}` };
  const r = raw as Record<string, unknown>;
  const own = (k: string): unknown => (Object.prototype.hasOwnProperty.call(r, k) ? r[k] : undefined);
  const answer = own('answer');
  if (answer === undefined) {
    const keys = Object.keys(r);
    return { error: `answer: is required${keys.length ? ` (the record has ${keys.map((k) => JSON.stringify(k)).join(', ')})` : ''}` };
  }
  if (answer === null) return { error: 'answer: is empty' };
  if (typeof answer !== 'string') return { error: `answer: must be text, found ${kindOf(answer)}` };
  const bad = checkAnswerText(answer);
  if (bad) return { error: bad };
  const out: AnswerRecord = { answer };
  const id = own('id');
  if (typeof id === 'string' || typeof id === 'number') out.id = String(id);
  else if (id !== undefined && id !== null) return { error: `id: must be text or a number, found ${kindOf(id)}` };
  const q = own('question');
  if (typeof q === 'string') {
    if (q.trim() === '') return { error: 'question: is empty' };
    out.question = q;
  } else if (q !== undefined && q !== null) return { error: `question: must be text, found ${kindOf(q)}` };
  const c = own('competency');
  if (typeof c === 'string' && c !== '') out.competency = c;
  else if (c !== undefined && c !== null && c !== '') return { error: `competency: must be text, found ${kindOf(c)}` };
  const who = own('candidate');
  if (typeof who === 'string' && who.trim() !== '') out.candidate = who.trim();
  else if (who !== undefined && who !== null && who !== '') return { error: `candidate: must be text, found ${kindOf(who)}` };
  const expected = own('expected');
  if (expected !== undefined) out.expected = expected;
  return { record: out };
}
