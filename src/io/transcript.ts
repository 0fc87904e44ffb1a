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
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const firstUsed = lines.findIndex((l) => l.trim() !== '');
  const startsVtt = firstUsed >= 0 && /^WEBVTT(?:[ \t]|$)/.test(lines[firstUsed]!);
  const named: TranscriptFormat = format ?? (/\.vtt$/i.test(fileName) ? 'vtt' : /\.srt$/i.test(fileName) ? 'srt' : startsVtt ? 'vtt' : 'srt');
  // An SRT name on a WebVTT text is read as WebVTT; the reverse cannot be.
  const fmt: TranscriptFormat = startsVtt ? 'vtt' : named;
  if (firstUsed < 0) return fail(1, 1, 'the transcript is empty: expected WebVTT or SRT cues');
  if (fmt === 'vtt' && !startsVtt) {
    if (!lines.some((l) => l.includes('-->'))) return fail(firstUsed + 1, 1, `expected a WebVTT or SRT transcript (a "WEBVTT" line, then cues timed like ${EXAMPLE}); found no cue timings`);
    return fail(firstUsed + 1, 1, 'expected "WEBVTT" on the first line of a WebVTT transcript');
  }
  if (!lines.some((l) => l.includes('-->'))) {
    return fail(firstUsed + 1, 1, `expected a WebVTT or SRT transcript: no cue timings like ${EXAMPLE} found`);
  }

  // The lines handed to the library, each with its line number in the file.
  const kept: string[] = [];
  const lineOf: number[] = [];
  const timings: { line: number; start: number; end: number; endColumn: number }[] = [];
  let skipping = false; // inside a NOTE, STYLE or REGION block
  let blockStart = true;
  let headerOpen = startsVtt; // still in the WEBVTT header block
  for (let i = firstUsed; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      headerOpen = false;
      skipping = false;
      blockStart = true;
      // One blank line between blocks: the library takes a second one for a missing timing.
      if (kept.length > 0 && kept[kept.length - 1] !== '') { kept.push(''); lineOf.push(i + 1); }
      continue;
    }
    if (startsVtt && blockStart && i !== firstUsed && /^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(line)) skipping = true;
    // A cue's block starts with its timing, or with an identifier and then its timing.
    if (blockStart && !skipping && i !== (startsVtt ? firstUsed : -1) && !line.includes('-->') && !(lines[i + 1] ?? '').includes('-->')) {
      const at = (lines[i + 1] ?? '').trim() === '' ? i + 1 : i + 2;
      return fail(at, 1, `expected a cue timing like ${EXAMPLE}${at === i + 2 ? ` after the cue's identifier "${line.trim()}"` : ''}`);
    }
    const identifier = blockStart && !skipping && !line.includes('-->');
    blockStart = false;
    // Cue identifiers (SRT numbers, Teams' "guid/12-0") are not needed, and the library
    // takes only numbers for them.
    if (skipping || (identifier && i !== (startsVtt ? firstUsed : -1))) continue;
    if (line.includes('-->')) {
      // A first cue right under the header, without the blank line WebVTT wants between them.
      if (startsVtt && timings.length === 0 && !blockStart && kept.length > 0 && kept[kept.length - 1] !== '' && headerOpen) {
        kept.push('');
        lineOf.push(i + 1);
      }
      const t = checkTiming(line);
      if ('message' in t) return fail(i + 1, t.column, t.message);
      timings.push({ line: i + 1, start: t.start, end: t.end, endColumn: t.endColumn });
      // Settings ("align:start") and odd spacing dropped: the library wants exactly this shape.
      kept.push(`${t.left} --> ${t.right}`);
      lineOf.push(i + 1);
      continue;
    }
    kept.push(line);
    lineOf.push(i + 1);
  }

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

/** A timing line's start and end in milliseconds, or what is wrong with it and where. */
function checkTiming(line: string): { start: number; end: number; endColumn: number; left: string; right: string } | { column: number; message: string } {
  const arrow = line.indexOf('-->');
  const lead = line.length - line.trimStart().length;
  const left = line.slice(0, arrow).trim();
  const afterArrow = line.slice(arrow + 3);
  const rightLead = afterArrow.length - afterArrow.trimStart().length;
  const right = afterArrow.trim().split(/\s+/)[0] ?? '';
  const start = toMs(left);
  if (start === null) return { column: lead + 1, message: `expected a start time like "00:00:01.000" before "-->", found "${left}"` };
  const end = toMs(right);
  const endColumn = arrow + 4 + rightLead;
  if (end === null) return { column: endColumn, message: `expected an end time like "00:00:04.000" after "-->", found "${right}"` };
  return { start, end, endColumn, left, right };
}

function toMs(s: string): number | null {
  const m = TIME.exec(s);
  if (!m) return null;
  return ((Number(m[1] ?? 0) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4]);
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
