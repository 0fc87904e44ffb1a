// Practice's answer mode "from a recording's transcript": the answer is said aloud and recorded
// elsewhere (whisper.cpp, Zoom, Teams, phone dictation); here the user gives the transcript's
// path, or pastes its text. It is scored like a typed answer, and its delivery is measured from
// the cue timings and shown beside the level. Loaded only when this mode is chosen.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import type { CompiledRubric } from '../../core/compile.js';
import { measureDelivery } from '../../core/delivery.js';
import { spokenText } from '../../core/spoken-cues.js';
import type { StyleNotes } from '../../core/style-notes.js';
import type { Assessment, Delivery } from '../../core/types.js';
import type { Timed } from '../../io/answer-item.js';
import { decodeBuffer, TextProblems } from '../../io/decode.js';
import { describeFsError, formatInputError } from '../../io/errors.js';
import { deliveryPhrases } from '../../render/delivery-text.js';
import { inert, inertData } from '../../render/inert.js';
import { wrap, type Style } from '../../render/style.js';
import type { AnswerResult } from './answer-prompt.js';
import type { AnswerPrompts } from '../commands/practice-answer.js';

export interface RecordingResult extends AnswerResult {
  /** The transcript's cues and whose turns the answer is: for its delivery. */
  timed?: Timed;
}

type Prompts = AnswerPrompts;

/** A path as a terminal pastes or drags it: quoted, with escaped spaces, or starting with ~. */
function asPath(text: string): string {
  let p = text.trim();
  if (/^(['"]).*\1$/.test(p)) p = p.slice(1, -1);
  p = p.replace(/\\ /g, ' ');
  return p.startsWith('~/') ? `${homedir()}${p.slice(1)}` : p;
}

/**
 * The transcript given (a path, or the pasted text of the file), read into the answer and its
 * cues; null when the user leaves it empty. A file that cannot be read or is malformed is shown
 * as file:line:column, and the user tries again, skips the question or ends the session.
 */
export async function recordingAnswer(p: Prompts, st: Style): Promise<RecordingResult | 'skip' | 'end'> {
  const { readTranscript, speakers } = await import('../../io/transcript.js');
  for (;;) {
    const got = await p.answer({
      message: 'Your recording\'s transcript: its path (.vtt or .srt), or paste the file\'s text',
      hint: 'From whisper.cpp (-ovtt, -osrt), Zoom, Teams or captions. Two empty lines or Ctrl-D to finish.',
    });
    const given = got.text.trim();
    if (given === '') return { text: '', expired: false, eof: got.eof };
    let name = 'pasted transcript';
    let text = given;
    const problems = new TextProblems();
    if (!given.includes('\n')) {
      const path = asPath(given);
      name = path;
      try {
        if (!existsSync(path) && !/\.(vtt|srt)$/i.test(path)) throw Object.assign(new Error('not a transcript'), { code: 'NOT_TRANSCRIPT' });
        if (statSync(path).isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
        text = decodeBuffer(readFileSync(path), problems);
      } catch (e) {
        const why = (e as NodeJS.ErrnoException).code === 'NOT_TRANSCRIPT' ? 'expected the path of a .vtt or .srt file, or the text of one pasted' : describeFsError(e);
        const next = await again(p, st, `cannot read ${inert(path)}: ${why}`);
        if (next === 'again') continue;
        return next;
      }
    }
    const bad = problems.rest()[0];
    const read = bad ? { ok: false as const, error: { file: name, line: bad.line, column: bad.column, message: bad.message } } : readTranscript(text, name);
    if (!read.ok) {
      const next = await again(p, st, formatInputError(read.error));
      if (next === 'again') continue;
      return next;
    }
    const found = speakers(read.cues);
    // The interviewer's questions are not the answer: with several voices, the user says whose.
    const speaker = found.length > 1
      ? await p.select<string>({ message: 'Whose answer is it?', choices: found.map((s) => ({ name: inert(s), value: s })) })
      : found[0];
    const answer = spokenText(read.cues, speaker).text;
    if (answer === '') {
      const next = await again(p, st, `${inert(name)}: the transcript has no words to score`);
      if (next === 'again') continue;
      return next;
    }
    return { text: answer, expired: false, eof: false, timed: { cues: read.cues, speaker } };
  }
}

async function again(p: Prompts, st: Style, message: string): Promise<'again' | 'skip' | 'end'> {
  process.stdout.write(`${st.bad('error')} ${inert(message)}\n`);
  return p.select<'again' | 'skip' | 'end'>({
    message: 'The transcript could not be read.',
    choices: [
      { name: 'Try again', value: 'again' },
      { name: 'Skip this question', value: 'skip' },
      { name: 'End the session', value: 'end' },
    ],
  });
}

/** The delivery of a recorded answer, measured from its timings against the rubric's usual ranges. */
export function spokenDelivery(timed: Timed, rubric: CompiledRubric): Delivery {
  return measureDelivery(timed.cues, rubric.style.delivery, timed.speaker);
}

/** Style notes without the length estimated from the word count: the recording's real time is shown. */
export function withoutEstimate(notes: StyleNotes): StyleNotes {
  return { ...notes, messages: notes.messages.filter((m) => !/^About [\d.]+ (seconds|minutes) spoken/.test(m)) };
}

/** The delivery figures beside the level: how the recorded answer was said. */
export function renderSpoken(a: Assessment, d: Delivery, st: Style): string {
  const title = 'How you said it (from the recording)';
  const out = [st.dim(`── ${title} ${'─'.repeat(Math.max(0, Math.min(st.width, 80) - title.length - 4))}`)];
  out.push(`${st.level(a.level, a.level.toUpperCase())} ${st.bold(`${a.score}/100`)}  ${st.dim('the level is the words\' alone; the timings below never change it')}`);
  for (const line of inertData(deliveryPhrases(d))) out.push(`  · ${wrap(line, st.width, '    ')}`);
  return `${out.join('\n')}\n`;
}
