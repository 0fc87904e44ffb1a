// Cues of a spoken answer (from a WebVTT or SRT transcript) and the pure steps that turn them
// into answer text. Reading the file lives in src/io/transcript.ts; delivery figures in
// src/core/delivery.ts. Both use these.

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
  const sorted = cues.map((c, i) => ({ c, i })).sort((a, b) => a.c.start - b.c.start || a.i - b.i).map((x) => x.c);
  const out: TranscriptCue[] = [];
  const last = new Map<string | null, { end: number; words: string[] }>();
  for (const cue of sorted) {
    const prev = last.get(cue.speaker);
    const words = wordsOf(cue.text);
    let text = cue.text;
    if (prev && cue.start < prev.end) {
      const k = longestOverlap(prev.words, words);
      if (k === words.length) text = '';
      else if (k > 0) text = dropLeadingWords(cue.text, k);
    }
    last.set(cue.speaker, { end: Math.max(cue.end, prev?.end ?? 0), words: prev && cue.start < prev.end ? [...prev.words, ...wordsOf(text)].slice(-50) : words.slice(-50) });
    if (wordsOf(text).length > 0) out.push({ ...cue, text });
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
 * `all` is every cue in time order, repeats removed (the other speakers' turns too).
 */
export function spokenText(cues: readonly TranscriptCue[], speaker?: string): { text: string; parts: SpokenPart[]; all: TranscriptCue[] } {
  const wanted = speaker === undefined ? undefined : speakerKey(speaker);
  const parts: SpokenPart[] = [];
  let text = '';
  const all = withoutRepeats(cues);
  for (const cue of all) {
    if (wanted !== undefined && (cue.speaker === null || speakerKey(cue.speaker) !== wanted)) continue;
    const t = cue.text.replace(/\s+/g, ' ').trim();
    if (t === '') continue;
    if (text !== '') text += ' ';
    parts.push({ cue, offset: text.length, text: t });
    text += t;
  }
  return { text, parts, all };
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
