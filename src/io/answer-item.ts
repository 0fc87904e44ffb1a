import { MAX_ANALYSED_CHARS } from '../core/text/analyse.js';
import type { SpokenText, TranscriptCue } from '../core/spoken-cues.js';

/** A spoken answer's timed cues, for its delivery figures (never for its level). */
export interface Timed {
  cues: TranscriptCue[];
  /** Whose turns are the answer (--speaker, or the record's speaker). */
  speaker?: string | undefined;
  /**
   * The cues as joined into the answer when the transcript was read, so its delivery need not
   * join them again. Optional: a batch sent to a worker goes without it (smaller to copy).
   */
  spoken?: SpokenText;
}

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
  /** A transcript's answer: its cues. Absent for typed answers. */
  timed?: Timed | undefined;
  /** A record that points at a transcript (`transcript: FILE`), not yet read: stream-answers reads it. */
  transcript?: { path: string; speaker: string | undefined } | undefined;
}

/** Defaults from command-line flags for inputs that do not carry them (plain text files). */
export interface ItemDefaults {
  question?: string | undefined;
  competency?: string | undefined;
  /** Globs of files to leave out of folders (--ignore), besides each folder's .coachignore. */
  ignore?: string[] | undefined;
  /** A transcript's answer is this person's turns (--speaker). */
  speaker?: string | undefined;
}

export interface AnswerRecord {
  id?: string;
  question?: string;
  competency?: string;
  candidate?: string;
  answer: string;
  expected?: unknown;
  /** `transcript: FILE` instead of an answer: a .vtt or .srt file, relative to the record's file. */
  transcript?: string;
  /** With a transcript: whose turns are the answer. */
  speaker?: string;
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
  const transcript = own('transcript');
  let out: AnswerRecord;
  if (transcript !== undefined && transcript !== null) {
    // A spoken answer: its words are read from the transcript file (stream-answers.ts).
    if (answer !== undefined && answer !== null) return { error: 'answer and transcript: give one or the other (a transcript is the answer)' };
    if (typeof transcript !== 'string') return { error: `transcript: must be a file name, found ${kindOf(transcript)}` };
    if (!/\.(vtt|srt)$/i.test(transcript.trim())) return { error: `transcript: expected a .vtt or .srt file, found ${JSON.stringify(transcript.slice(0, 80))}` };
    out = { answer: '', transcript: transcript.trim() };
    const speaker = own('speaker');
    if (typeof speaker === 'string' && speaker.trim() !== '') out.speaker = speaker.trim();
    else if (speaker !== undefined && speaker !== null && speaker !== '') return { error: `speaker: must be text, found ${kindOf(speaker)}` };
  } else {
    if (answer === undefined) {
      const keys = Object.keys(r);
      return { error: `answer: is required${keys.length ? ` (the record has ${keys.map((k) => JSON.stringify(k)).join(', ')})` : ''}` };
    }
    if (answer === null) return { error: 'answer: is empty' };
    if (typeof answer !== 'string') return { error: `answer: must be text, found ${kindOf(answer)}` };
    const bad = checkAnswerText(answer);
    if (bad) return { error: bad };
    out = { answer };
  }
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
