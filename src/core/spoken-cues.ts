// Cues of a spoken answer (from a WebVTT or SRT transcript) and the pure steps that turn them
// into answer text. Reading the file lives in src/io/transcript.ts; delivery figures in
// src/core/delivery.ts. Both use these.
import { hasWord } from './spoken-words.js';

/** One timed piece of a transcript, its tags already removed. */
export interface TranscriptCue {
  /** Milliseconds from the start of the recording. */
  start: number;
  end: number;
  /** What was said, tags and sound annotations removed, whitespace collapsed. */
  text: string;
  /** Who said it (`<v Name>` or a "Name:" prefix, carried over to unlabelled cues), or null. */
  speaker: string | null;
}

/** The words of a text: runs of letters, digits and in-word apostrophes or hyphens. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

const norm = (w: string): string => w.toLowerCase().replace(/’/g, "'");

/** A speaker's name as compared: case and spaces ignored, so "Speaker0" is "speaker 0". */
export const speakerKey = (name: string): string => name.toLowerCase().replace(/\s+/g, '');

/**
 * The cues in time order, with the words a cue repeats from the one before it removed:
 * captioning tools that "roll" lines (and some live captions) start a cue with the end of the
 * previous one while the two overlap in time. Only a cue that starts before the previous cue of
 * the same speaker ends is trimmed, so a word said twice on purpose in separate cues stays.
 * Cues left with no words are dropped.
 */
export function withoutRepeats(cues: readonly TranscriptCue[]): TranscriptCue[] {
  let ordered = true;
  for (let i = 1; i < cues.length && ordered; i++) ordered = cues[i - 1]!.start <= cues[i]!.start;
  const sorted = ordered ? cues : cues.map((c, i) => ({ c, i })).sort((a, b) => a.c.start - b.c.start || a.i - b.i).map((x) => x.c);
  const out: TranscriptCue[] = [];
  // Per speaker: where their last cue ends, and its last words (read only when a cue overlaps it).
  const last = new Map<string | null, { end: number; text: string; words: string[] | null }>();
  for (const cue of sorted) {
    const prev = last.get(cue.speaker);
    let text = cue.text;
    if (prev && cue.start < prev.end) {
      const before = (prev.words ??= wordsOf(prev.text).slice(-50));
      const words = wordsOf(cue.text);
      const k = longestOverlap(before, words);
      if (k === words.length) text = '';
      else if (k > 0) text = dropLeadingWords(cue.text, k);
      last.set(cue.speaker, { end: Math.max(cue.end, prev.end), text: '', words: [...before, ...words.slice(k)].slice(-50) });
    } else last.set(cue.speaker, { end: cue.end, text, words: null });
    if (hasWord(text)) out.push(text === cue.text ? cue : { ...cue, text });
  }
  return out;
}

/** The largest k with the last k words of `before` equal to the first k of `after`. */
function longestOverlap(before: readonly string[], after: readonly string[]): number {
  for (let k = Math.min(before.length, after.length); k > 0; k--) {
    let same = true;
    for (let j = 0; j < k && same; j++) same = norm(before[before.length - k + j]!) === norm(after[j]!);
    if (same) return k;
  }
  return 0;
}

/** The text after its first k words (and the punctuation that follows them). */
function dropLeadingWords(text: string, k: number): string {
  const re = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
  let m: RegExpExecArray | null = null;
  for (let i = 0; i < k; i++) m = re.exec(text);
  if (!m) return text;
  return text.slice(m.index + m[0].length).replace(/^[\s,.;:!?…-]+/u, '');
}

/** Whether a text has space to tidy: at either end, doubled, or other than a plain space. */
export function untidy(t: string): boolean {
  const n = t.length;
  if (n === 0) return false;
  let prevSpace = true; // a space at the start
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return true;
      prevSpace = true;
    } else if ((c >= 9 && c <= 13) || (c >= 0x80 && /\s/.test(t[i]!))) return true;
    else prevSpace = false;
  }
  return prevSpace; // a space at the end
}

/** One cue of the answer text: the cue (its times as in the recording) and where its text starts. */
export interface SpokenPart {
  cue: TranscriptCue;
  /** Offset of the cue's text in the answer text (UTF-16 units). */
  offset: number;
  text: string;
}

/**
 * The answer text, and where each cue's words sit in it: the cues' text in time order, joined
 * with single spaces, the words overlapping cues repeat removed. With `speaker`, only that
 * person's turns (case and spaces ignored). Delivery uses the parts to place fillers in time;
 * `all` is every cue in time order, repeats removed (the other speakers' turns too), and
 * `partOf` the index in `parts` of each (-1 for another speaker's).
 */
export function spokenText(cues: readonly TranscriptCue[], speaker?: string): SpokenText {
  // Reading a transcript joins its cues into the answer, and its delivery joins them again. The
  // second join is cheaper than remembering the first: a WeakMap entry per transcript cost the
  // garbage collector three times the join (measured over 30,000 transcripts).
  return joinSpoken(cues, speaker);
}

export interface SpokenText {
  text: string;
  parts: SpokenPart[];
  all: TranscriptCue[];
  partOf: number[];
}

function joinSpoken(cues: readonly TranscriptCue[], speaker: string | undefined): SpokenText {
  const wanted = speaker === undefined ? undefined : speakerKey(speaker);
  const parts: SpokenPart[] = [];
  let text = '';
  const all = withoutRepeats(cues);
  const partOf: number[] = [];
  for (const cue of all) {
    partOf.push(-1);
    if (wanted !== undefined && (cue.speaker === null || speakerKey(cue.speaker) !== wanted)) continue;
    const t = untidy(cue.text) ? cue.text.replace(/\s+/g, ' ').trim() : cue.text;
    if (t === '') continue;
    if (text !== '') text += ' ';
    partOf[partOf.length - 1] = parts.length;
    parts.push({ cue, offset: text.length, text: t });
    text += t;
  }
  return { text, parts, all, partOf };
}

/** The answer text of `spokenText`. */
export function joinCues(cues: readonly TranscriptCue[], speaker?: string): string {
  return spokenText(cues, speaker).text;
}

/** The speakers in the order they first speak (as first spelt). */
export function speakersOf(cues: readonly TranscriptCue[]): string[] {
  const seen = new Map<string, string>();
  for (const c of cues) if (c.speaker !== null && !seen.has(speakerKey(c.speaker))) seen.set(speakerKey(c.speaker), c.speaker);
  return [...seen.values()];
}
