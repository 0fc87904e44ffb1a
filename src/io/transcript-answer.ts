// A transcript (WebVTT or SRT) as an answer to score: read, one speaker's turns chosen, joined
// into the answer text, with the timed cues kept for its delivery figures. Loaded only when a
// transcript is read (it brings in the `subtitle` library).
import { dirname, isAbsolute, join } from 'node:path';
import { spokenText, speakerKey } from '../core/spoken-cues.js';
import { checkAnswerText, type AnswerItem, type ItemDefaults } from './answer-item.js';
import { decodeBuffer, TextProblems } from './decode.js';
import { closest } from './did-you-mean.js';
import { describeFsError, type InputError } from './errors.js';
import { problemError } from './read-answers.js';
import { readSmallFile } from './read-small-file.js';
import { readTranscript, speakers, type TranscriptFormat } from './transcript.js';

type Entry = { item: AnswerItem } | { error: InputError };

const quoted = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

/**
 * Whose turns are the answer, or why that cannot be told: a name that matches none of the
 * transcript's speakers (with the nearest suggested), or several speakers and no name.
 */
function chooseSpeaker(found: readonly string[], wanted: string | undefined): { speaker: string | undefined } | { message: string } {
  if (wanted === undefined) {
    if (found.length <= 1) return { speaker: found[0] };
    return { message: `the transcript has ${found.length} speakers (${quoted(found)}): say whose answer to score with --speaker NAME (or speaker: in the record)` };
  }
  if (found.length === 0) return { message: `no speaker "${wanted}": the transcript names no speakers (no <v Name> tags or "Name:" labels), so leave out --speaker` };
  const match = found.find((s) => speakerKey(s) === speakerKey(wanted));
  if (match !== undefined) return { speaker: match };
  const near = closest(wanted, found);
  return { message: `no speaker "${wanted}" in the transcript${near.length ? `: did you mean ${quoted(near)}?` : ''} (its speakers: ${quoted(found)})` };
}

/**
 * The answer in a transcript's text. `name` is the file as reported in errors; `at` is where a
 * problem that is not in the transcript itself is reported (the record that names a speaker).
 */
export function transcriptAnswer(
  name: string, text: string, format: TranscriptFormat | undefined, base: { id: string; question: string | undefined; competency: string | undefined; candidate?: string | undefined; expected?: unknown; file: string; line: number; column: number },
  speaker: string | undefined, problems: TextProblems,
): Entry {
  const bad = problems.rest()[0];
  if (bad) return { error: problemError(name, bad) };
  const read = readTranscript(text, name, format);
  if (!read.ok) return { error: read.error };
  const who = chooseSpeaker(speakers(read.cues), speaker);
  const fromRecord = base.file !== name;
  if ('message' in who) return { error: { file: base.file, line: base.line, column: base.column, message: fromRecord ? `transcript ${name}: ${who.message}` : who.message } };
  const spoken = spokenText(read.cues, who.speaker);
  const answer = spoken.text;
  const tooLong = answer === '' ? 'the transcript has no words to score (its cues are empty or only sound notes)' : checkAnswerText(answer);
  if (tooLong) return { error: { file: name, line: 1, column: 1, message: tooLong.replace(/^answer: /, 'the answer in the transcript ') } };
  if (base.question === undefined) {
    return { error: { file: base.file, line: base.line, column: base.column, message: 'question: is required: give --question, or score the transcript from a record that points at it (question: ..., transcript: FILE)' } };
  }
  const item: AnswerItem = {
    id: base.id,
    question: base.question,
    competency: base.competency,
    candidate: base.candidate,
    answer,
    file: base.file,
    line: base.line,
    column: base.column,
    expected: base.expected,
    timed: { cues: read.cues, speaker: who.speaker, spoken },
  };
  return { item };
}

/** A .vtt or .srt file (or standard input, "-") given as an input: its question comes from --question. */
export function transcriptFileEntry(file: string, bytes: Buffer | string, format: TranscriptFormat | undefined, defaults: ItemDefaults): Entry {
  const problems = new TextProblems();
  const text = typeof bytes === 'string' ? bytes : decodeBuffer(bytes, problems);
  return transcriptAnswer(file, text, format, { id: file === '-' ? 'stdin' : file, question: defaults.question, competency: defaults.competency, file, line: 1, column: 1 }, defaults.speaker, problems);
}

/**
 * A record that points at a transcript (`transcript: FILE`, relative to the record's file): the
 * record with the transcript's words as its answer. A file that cannot be read is an error at the
 * record; a malformed transcript, at its own line and column.
 */
export function recordTranscriptEntry(item: AnswerItem): Entry {
  const t = item.transcript!;
  const path = isAbsolute(t.path) || item.file === '-' ? t.path : join(dirname(item.file), t.path);
  let bytes: Buffer;
  try {
    bytes = readSmallFile(path);
  } catch (e) {
    return { error: { file: item.file, line: item.line, column: item.column, message: `transcript: cannot read ${path}: ${describeFsError(e)}` } };
  }
  const problems = new TextProblems();
  const text = decodeBuffer(bytes, problems); // at once: `bytes` is a view of a reused buffer
  const base = { id: item.id, question: item.question, competency: item.competency, candidate: item.candidate, expected: item.expected, file: item.file, line: item.line, column: item.column };
  return transcriptAnswer(path, text, /\.vtt$/i.test(path) ? 'vtt' : 'srt', base, t.speaker, problems);
}
