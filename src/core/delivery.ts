// Delivery of a spoken answer — pace, pauses, fillers — measured from a transcript's cue timings,
// or estimated from the word count for a typed answer. Pure: the filler phrases and the usual
// ranges come in as data. Timings never change the level; these figures are notes beside it.
import { speakerKey, withoutRepeats, wordsOf, type TranscriptCue } from './spoken-cues.js';

export interface Range {
  min: number;
  max: number;
}

export interface DeliveryNorms {
  /** Filler words and phrases, lower case ("um", "you know"). */
  fillers: readonly string[];
  /** Words after which "like" is a verb or a comparison, not a filler ("I'd like", "looks like"). */
  likeIsMeantAfter?: readonly string[];
  /** Usual speaking pace, words a minute. */
  pace: Range;
  /** Usual fillers a minute. */
  fillersPerMinute: Range;
  /** Usual number of long pauses a minute. */
  longPausesPerMinute: Range;
  /** A gap between cues longer than this is a long pause (ms). */
  longPauseMs: number;
}

/**
 * Defaults for the wiring to start from. The pace range is the one the issue cites (about
 * 130-160 words a minute); the README must cite a source for each range it shows.
 */
export const DEFAULT_NORMS: DeliveryNorms = {
  fillers: ['um', 'uh', 'er', 'erm', 'you know', 'like', 'i mean', 'sort of', 'kind of', 'basically'],
  likeIsMeantAfter: ['would', "i'd", "we'd", "you'd", "they'd", "he'd", "she'd", 'feel', 'felt', 'look', 'looks', 'looked', 'sound', 'sounds', 'seem', 'seems', 'do', 'does', 'did', "don't", "didn't", "doesn't", 'really', 'just', 'things', 'something', 'anything', 'nothing'],
  pace: { min: 130, max: 160 },
  fillersPerMinute: { min: 0, max: 3 },
  longPausesPerMinute: { min: 0, max: 2 },
  longPauseMs: 2000,
};

export type Compared = 'below' | 'within' | 'above';
export type Pace = 'slow' | 'within' | 'fast';

export interface Delivery {
  /** True for a typed answer: time and pace come from the word count, nothing was timed. */
  estimated: boolean;
  words: number;
  /** First cue's start to last cue's end (estimated: words at the assumed pace). */
  speakingMs: number;
  /** Time covered by the cues (overlapping cues counted once); null when estimated. */
  cueMs: number | null;
  wordsPerMinute: number;
  pace: Pace;
  paceRange: Range;
  /** Words in the slowest and fastest 60-second window; null under a minute or when estimated. */
  slowestMinute: number | null;
  fastestMinute: number | null;
  /** Gaps between cues longer than `longPauseMs`; null when estimated. */
  pauses: { count: number; longestMs: number; perMinute: number; compared: Compared; range: Range; overMs: number } | null;
  fillers: { count: number; perMinute: number; compared: Compared; range: Range; byPhrase: Record<string, number> };
}

const perMinute = (n: number, ms: number): number => (ms > 0 ? (n * 60000) / ms : 0);
const compare = (v: number, r: Range): Compared => (v < r.min ? 'below' : v > r.max ? 'above' : 'within');
const paceOf = (v: number, r: Range): Pace => ({ below: 'slow', within: 'within', above: 'fast' } as const)[compare(v, r)];

interface CompiledFillers {
  /** Phrases by their first word, longest first ("you know" before "you"). */
  byFirst: Map<string, string[][]>;
  meant: Set<string>;
}
// Compiled once per norms object: a batch of thousands of answers shares the same norms.
const compiled = new WeakMap<object, CompiledFillers>();

function compileFillers(norms: Pick<DeliveryNorms, 'fillers' | 'likeIsMeantAfter'>): CompiledFillers {
  const cached = compiled.get(norms);
  if (cached) return cached;
  const byFirst = new Map<string, string[][]>();
  for (const f of new Set(norms.fillers.map((f) => wordsOf(f.toLowerCase()).join(' ')))) {
    if (f === '') continue;
    const p = f.split(' ');
    byFirst.set(p[0]!, [...(byFirst.get(p[0]!) ?? []), p].sort((a, b) => b.length - a.length));
  }
  const c = { byFirst, meant: new Set((norms.likeIsMeantAfter ?? []).map((w) => w.toLowerCase())) };
  compiled.set(norms, c);
  return c;
}

/** Filler phrases said, counted as whole words, longest phrase first ("you know" before "you"). */
export function countFillers(text: string, norms: Pick<DeliveryNorms, 'fillers' | 'likeIsMeantAfter'>): { count: number; byPhrase: Record<string, number> } {
  const c = compileFillers(norms);
  const words = wordsOf(text).map((w) => w.toLowerCase().replace(/’/g, "'"));
  const byPhrase: Record<string, number> = {};
  let count = 0;
  for (let i = 0; i < words.length; ) {
    const hit = c.byFirst.get(words[i]!)?.find((p) => p.every((w, j) => words[i + j] === w));
    if (hit && !(hit.length === 1 && hit[0] === 'like' && i > 0 && c.meant.has(words[i - 1]!))) {
      const key = hit.join(' ');
      byPhrase[key] = (byPhrase[key] ?? 0) + 1;
      count++;
      i += hit.length;
    } else i++;
  }
  return { count, byPhrase };
}

/**
 * Delivery measured from a transcript's cues. With `speaker`, only that person's turns: the time
 * others speak between their turns is taken out, so an interviewer's "go on" is neither a pause
 * nor time the answer took.
 */
export function measureDelivery(cues: readonly TranscriptCue[], norms: DeliveryNorms = DEFAULT_NORMS, speaker?: string): Delivery {
  const said = speaker === undefined ? withoutRepeats(cues) : turnsOf(withoutRepeats(cues), speaker);
  const text = said.map((c) => c.text).join(' ');
  const words = wordsOf(text).length;
  let first = said.length > 0 ? Infinity : 0;
  let last = said.length > 0 ? -Infinity : 0;
  for (const c of said) {
    first = Math.min(first, c.start);
    last = Math.max(last, c.end);
  }
  const speakingMs = last - first;

  // Time covered, and the gaps, from the cues in start order.
  const byStart = [...said].sort((a, b) => a.start - b.start);
  let cueMs = 0;
  let reach = first;
  let count = 0;
  let longestMs = 0;
  for (const c of byStart) {
    const gap = c.start - reach;
    if (gap > norms.longPauseMs) {
      count++;
      longestMs = Math.max(longestMs, gap);
    }
    cueMs += Math.max(0, c.end - Math.max(c.start, reach));
    reach = Math.max(reach, c.end);
  }

  const wpm = perMinute(words, speakingMs);
  const [slowestMinute, fastestMinute] = minuteExtremes(said, first, last);
  const fillers = countFillers(text, norms);
  const fpm = perMinute(fillers.count, speakingMs);
  const ppm = perMinute(count, speakingMs);
  return {
    estimated: false,
    words,
    speakingMs,
    cueMs,
    wordsPerMinute: wpm,
    pace: paceOf(wpm, norms.pace),
    paceRange: norms.pace,
    slowestMinute,
    fastestMinute,
    pauses: { count, longestMs, perMinute: ppm, compared: compare(ppm, norms.longPausesPerMinute), range: norms.longPausesPerMinute, overMs: norms.longPauseMs },
    fillers: { count: fillers.count, perMinute: fpm, compared: compare(fpm, norms.fillersPerMinute), range: norms.fillersPerMinute, byPhrase: fillers.byPhrase },
  };
}

/**
 * One speaker's cues (case and spaces ignored), on a timeline without the others' turns: each gap
 * between the end of one of their turns and the start of the next is closed up.
 */
export function turnsOf(cues: readonly TranscriptCue[], speaker: string): TranscriptCue[] {
  const wanted = speakerKey(speaker);
  const out: TranscriptCue[] = [];
  let removed = 0;
  let lastEnd: number | null = null;
  let interrupted = false;
  for (const c of [...cues].sort((a, b) => a.start - b.start)) {
    if (c.speaker === null || speakerKey(c.speaker) !== wanted) {
      if (lastEnd !== null) interrupted = true;
      continue;
    }
    if (interrupted && lastEnd !== null) removed += Math.max(0, c.start - lastEnd);
    interrupted = false;
    lastEnd = Math.max(lastEnd ?? c.end, c.end);
    out.push({ ...c, start: c.start - removed, end: c.end - removed });
  }
  return out;
}

/**
 * The fewest and most words in any 60-second window, the window sliding a second at a time
 * from the first word. A cue's words are spread evenly over it (word i of n at the middle of
 * its n-th share). Null for answers under a minute.
 */
function minuteExtremes(cues: readonly TranscriptCue[], first: number, last: number): [number | null, number | null] {
  if (last - first < 60000) return [null, null];
  const times: number[] = [];
  for (const c of cues) {
    const n = wordsOf(c.text).length;
    for (let i = 0; i < n; i++) times.push(c.start + ((i + 0.5) * (c.end - c.start)) / n);
  }
  times.sort((a, b) => a - b);
  let lo = Infinity;
  let hi = -Infinity;
  const starts: number[] = [];
  for (let t = first; t + 60000 <= last; t += 1000) starts.push(t);
  if (starts[starts.length - 1] !== last - 60000) starts.push(last - 60000);
  // Two pointers: the windows only move forward.
  let a = 0;
  let b = 0;
  for (const s of starts) {
    while (a < times.length && times[a]! < s) a++;
    while (b < times.length && times[b]! < s + 60000) b++;
    const n = b - a;
    lo = Math.min(lo, n);
    hi = Math.max(hi, n);
  }
  return [lo, hi];
}

/**
 * Delivery estimated for a typed answer: the words said at `wordsPerMinute`. Fillers are
 * counted from the text; pauses and the slowest and fastest minute cannot be known.
 */
export function estimateDelivery(text: string, wordsPerMinute: number, norms: DeliveryNorms = DEFAULT_NORMS): Delivery {
  const words = wordsOf(text).length;
  const speakingMs = wordsPerMinute > 0 ? Math.round((words * 60000) / wordsPerMinute) : 0;
  const fillers = countFillers(text, norms);
  const fpm = perMinute(fillers.count, speakingMs);
  return {
    estimated: true,
    words,
    speakingMs,
    cueMs: null,
    wordsPerMinute,
    pace: paceOf(wordsPerMinute, norms.pace),
    paceRange: norms.pace,
    slowestMinute: null,
    fastestMinute: null,
    pauses: null,
    fillers: { count: fillers.count, perMinute: fpm, compared: compare(fpm, norms.fillersPerMinute), range: norms.fillersPerMinute, byPhrase: fillers.byPhrase },
  };
}
