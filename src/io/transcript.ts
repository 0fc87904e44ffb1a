// Reads a spoken answer's transcript (WebVTT or SRT, as whisper.cpp, Zoom, Teams and captioning
// tools write them) into timed cues. The `subtitle` library parses the cue structure; around it
// this file tidies the lines it trips over (extra blank lines, NOTE / STYLE / REGION blocks),
// checks every timing strictly so a broken one is reported at its line and column, and removes
// tags and reads speakers from each cue's text.
import { parseSync, type NodeCue } from 'subtitle';
import { joinCues, speakersOf, type TranscriptCue } from '../core/spoken-cues.js';
import type { InputError } from './errors.js';
import { cueParts } from './transcript-text.js';

export type { TranscriptCue } from '../core/spoken-cues.js';
export type TranscriptFormat = 'vtt' | 'srt';

export type TranscriptResult =
  | { ok: true; format: TranscriptFormat; cues: TranscriptCue[] }
  | { ok: false; error: InputError };

/** "00:01:02.345" or "01:02,345" (SRT uses a comma): hours optional, two-digit minutes and seconds, three-digit milliseconds. */
const TIME = /^(?:(\d+):)?([0-5]\d):([0-5]\d)[.,](\d{3})$/;
const EXAMPLE = '"00:00:01.000 --> 00:00:04.000"';

/**
 * The cues of a WebVTT or SRT transcript, or where it is malformed. The format is `format` if
 * given, else the file name's extension, else what the text starts with ("WEBVTT" or not).
 */
export function readTranscript(text: string, fileName: string, format?: TranscriptFormat): TranscriptResult {
  const fail = (line: number, column: number, message: string): TranscriptResult => ({ ok: false, error: { file: fileName, line, column, message } });
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Most files end lines with \n alone: a plain split is much cheaper than a pattern's.
  const lines = body.includes('\r') ? body.split(/\r\n|\r|\n/) : body.split('\n');
  const firstUsed = lines.findIndex((l) => l.trim() !== '');
  const startsVtt = firstUsed >= 0 && /^WEBVTT(?:[ \t]|$)/.test(lines[firstUsed]!);
  const named: TranscriptFormat = format ?? (/\.vtt$/i.test(fileName) ? 'vtt' : /\.srt$/i.test(fileName) ? 'srt' : startsVtt ? 'vtt' : 'srt');
  // An SRT name on a WebVTT text is read as WebVTT; the reverse cannot be.
  const fmt: TranscriptFormat = startsVtt ? 'vtt' : named;
  if (firstUsed < 0) return fail(1, 1, 'the transcript is empty: expected WebVTT or SRT cues');
  const timed = body.includes('-->');
  if (fmt === 'vtt' && !startsVtt) {
    if (!timed) return fail(firstUsed + 1, 1, `expected a WebVTT or SRT transcript (a "WEBVTT" line, then cues timed like ${EXAMPLE}); found no cue timings`);
    return fail(firstUsed + 1, 1, 'expected "WEBVTT" on the first line of a WebVTT transcript');
  }
  if (!timed) {
    return fail(firstUsed + 1, 1, `expected a WebVTT or SRT transcript: no cue timings like ${EXAMPLE} found`);
  }

  const prepared = linesForLibrary(lines, firstUsed, startsVtt);
  if ('message' in prepared) return fail(prepared.line, prepared.column, prepared.message);
  const { kept, lineOf, timings } = prepared;

  let nodes;
  try {
    nodes = parseSync(kept.join('\n'));
  } catch (e) {
    // "expected timestamp at row N, but received: ..." — N counts the lines handed over, from 1.
    const row = /at row (\d+)/.exec(String((e as Error)?.message ?? ''));
    const line = row ? lineOf[Number(row[1]) - 1] ?? firstUsed + 1 : firstUsed + 1;
    return fail(line, 1, `expected a cue timing like ${EXAMPLE} (an SRT cue starts with its number, then the timing)`);
  }
  const raw = nodes.filter((n): n is NodeCue => n.type === 'cue').map((n) => n.data);
  if (raw.length === 0) return fail(firstUsed + 1, 1, `the transcript has no cues: expected cues timed like ${EXAMPLE}`);
  // Every timing line starts one cue, in order; the check below only guards that assumption.
  if (raw.length !== timings.length) return fail(firstUsed + 1, 1, 'could not match the cues to their timings: is a cue\'s text another cue\'s timing?');

  const cues: TranscriptCue[] = [];
  let speaker: string | null = null;
  for (let k = 0; k < raw.length; k++) {
    const { start, end, text: body } = raw[k]!;
    const timing = timings[k]!;
    if (end < start) {
      return fail(timing.line, timing.endColumn, 'the cue ends before it starts: expected an end time no earlier than the start time');
    }
    const parts = cueParts(body, speaker);
    if (parts.length > 0) speaker = parts[parts.length - 1]!.speaker;
    // A cue in which two people speak is shared out between them by their number of words.
    const total = parts.reduce((n, p) => n + p.words, 0);
    let at = start;
    for (const p of parts) {
      const until = p === parts[parts.length - 1] ? end : at + Math.round(((end - start) * p.words) / Math.max(total, 1));
      cues.push({ start: at, end: until, text: p.text, speaker: p.speaker });
      at = until;
    }
  }
  return { ok: true, format: fmt, cues };
}

interface Timing {
  line: number;
  start: number;
  end: number;
  /** Where the end time starts on its line, for "ends before it starts". */
  endColumn: number;
}

/**
 * The lines to hand the library, each with its line number in the file, and every cue's timing,
 * checked. The library stops at what it does not expect: a second blank line, a NOTE / STYLE /
 * REGION block, a cue identifier that is not a number, a cue right under the header, settings
 * after a timing. Those are tidied away here; a broken timing, or a block without one, is an
 * error at its line.
 */
function linesForLibrary(lines: readonly string[], firstUsed: number, startsVtt: boolean): { kept: string[]; lineOf: number[]; timings: Timing[] } | { line: number; column: number; message: string } {
  const kept: string[] = [];
  const lineOf: number[] = [];
  const timings: Timing[] = [];
  const keep = (line: string, i: number): void => {
    kept.push(line);
    lineOf.push(i + 1);
  };
  let header = startsVtt; // in the WEBVTT header block
  let skipping = false; // in a NOTE, STYLE or REGION block
  let blockStart = !startsVtt;
  for (let i = firstUsed; i < lines.length; i++) {
    const line = lines[i]!;
    const timed = line.includes('-->');
    if (line === '' || line.trim() === '') {
      header = skipping = false;
      blockStart = true;
      if (kept[kept.length - 1] !== '') keep('', i);
      continue;
    }
    if (header && !timed) {
      keep(line, i);
      continue;
    }
    if (header) keep('', i); // a first cue with no blank line under the header
    header = false;
    if (blockStart && startsVtt && /^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(line)) skipping = true;
    if (blockStart && !skipping && !timed) {
      // A cue's block starts with its timing, or with an identifier and then its timing.
      const next = lines[i + 1] ?? '';
      if (!next.includes('-->')) {
        const idOnly = next.trim() !== '';
        return { line: idOnly ? i + 2 : i + 1, column: 1, message: `expected a cue timing like ${EXAMPLE}${idOnly ? ` after the cue's identifier "${line.trim()}"` : ''}` };
      }
      blockStart = false;
      continue; // identifiers (SRT numbers, Teams' "guid/12-0") are not needed; the library takes only numbers
    }
    blockStart = false;
    if (skipping) continue;
    if (timed) {
      const t = checkTiming(line);
      if ('message' in t) return { line: i + 1, column: t.column, message: t.message };
      timings.push({ line: i + 1, start: t.start, end: t.end, endColumn: t.endColumn });
      keep(`${t.left} --> ${t.right}`, i); // the shape the library wants, settings dropped
    } else keep(line, i);
  }
  // A last cue with a timing and no text (a file cut short, a paste cut after a timing): the
  // library reads no cue there, so it is left out here too.
  while (kept.length > 0 && kept[kept.length - 1] === '') {
    kept.pop();
    lineOf.pop();
  }
  const last = timings[timings.length - 1];
  if (last && lineOf[lineOf.length - 1] === last.line) {
    kept.pop();
    lineOf.pop();
    timings.pop();
  }
  return { kept, lineOf, timings };
}

/** A timing line's start and end in milliseconds, or what is wrong with it and where. */
function checkTiming(line: string): { start: number; end: number; endColumn: number; left: string; right: string } | { column: number; message: string } {
  const arrow = line.indexOf('-->');
  const lead = line.length - line.trimStart().length;
  const left = line.slice(0, arrow).trim();
  const afterArrow = line.slice(arrow + 3);
  const rightLead = afterArrow.length - afterArrow.trimStart().length;
  const rest = afterArrow.trim();
  const space = rest.search(/\s/);
  const right = space < 0 ? rest : rest.slice(0, space);
  const start = toMs(left);
  if (start === null) return { column: lead + 1, message: `expected a start time like "00:00:01.000" before "-->", found "${left}"` };
  const end = toMs(right);
  const endColumn = arrow + 4 + rightLead;
  if (end === null) return { column: endColumn, message: `expected an end time like "00:00:04.000" after "-->", found "${right}"` };
  return { start, end, endColumn, left, right };
}

function toMs(s: string): number | null {
  const fast = plainTime(s);
  if (fast >= 0) return fast;
  const m = TIME.exec(s);
  if (!m) return null;
  return ((Number(m[1] ?? 0) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4]);
}

/**
 * "hh:mm:ss.mmm" (or with a comma), the shape nearly every timing has, read digit by digit
 * without a match object; -1 for any other shape, which TIME then reads or rejects.
 */
function plainTime(s: string): number {
  if (s.length !== 12) return -1;
  const d = (i: number): number => {
    const c = s.charCodeAt(i) - 48;
    return c >= 0 && c <= 9 ? c : -100000;
  };
  const sep = s.charCodeAt(8);
  if (s.charCodeAt(2) !== 58 || s.charCodeAt(5) !== 58 || (sep !== 46 && sep !== 44)) return -1;
  const h = d(0) * 10 + d(1);
  const m = d(3) * 10 + d(4);
  const sec = d(6) * 10 + d(7);
  const ms = d(9) * 100 + d(10) * 10 + d(11);
  if (h < 0 || m < 0 || m > 59 || sec < 0 || sec > 59 || ms < 0) return -1;
  return ((h * 60 + m) * 60 + sec) * 1000 + ms;
}

/**
 * The answer text of a transcript: the cues' text in order, without the words overlapping cues
 * repeat. With `speaker`, only that person's turns (case-insensitive).
 */
export function answerFromCues(cues: readonly TranscriptCue[], speaker?: string): string {
  return joinCues(cues, speaker);
}

/** The people who speak in a transcript, in order of their first turn. */
export function speakers(cues: readonly TranscriptCue[]): string[] {
  return speakersOf(cues);
}
