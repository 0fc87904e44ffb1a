// Delivery of a spoken answer — speaking time, pace, long pauses, fillers — measured from a
// transcript's cue timings, or estimated from the word count for a typed answer. Pure: the usual
// ranges and the filler phrases come in as data (rubrics/structure.yaml, style.delivery). Timings
// never change the level; these figures are notes beside it.
import type { Compared, Delivery, DeliveryNorms, FillerAt, MinuteWindow, Range, TimeRange } from './types.js';
import { spokenText, type SpokenPart, type SpokenText, type TranscriptCue } from './spoken-cues.js';
import { isWord, scanWords, type ScannedWords } from './spoken-words.js';

export type { Delivery, DeliveryNorms } from './types.js';

/**
 * The ranges of rubrics/structure.yaml, for a rubric folder whose structure.yaml has no
 * `delivery` block (README, "Spoken answers", cites where each comes from).
 */
export const DEFAULT_NORMS: DeliveryNorms = {
  pace: { min: 125, max: 150 },
  fillersPerMinute: { min: 0, max: 3 },
  longPauseMs: 2000,
  usualMaxSilenceMs: 1000,
  fillers: ['um', 'umm', 'uh', 'uhm', 'er', 'erm', 'you know', 'like', 'i mean', 'sort of', 'kind of', 'basically'],
};

const round1 = (x: number): number => Math.round(x * 10) / 10;
const perMinute = (n: number, ms: number): number => (ms > 0 ? round1((n * 60000) / ms) : 0);
const compare = (v: number, r: Range): Compared => (v < r.min ? 'below' : v > r.max ? 'above' : 'within');

// ---------------------------------------------------------------------------------- fillers

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** After these, "like" is a filler ("and like wrote"); elsewhere only beside a break ("like, the"). */
const LIKE_AFTER = new Set(['and', 'but', 'so', 'or', 'um', 'umm', 'uh', 'er', 'erm']);
/** "you know" is a question or a clause after these ("do you know", "as you know")... */
const KNOW_BEFORE = new Set(['do', 'did', "don't", "didn't", 'if', 'as', 'would', "you'd", 'let']);
/** ...or before these ("you know what he said", "you know the manager"). */
const KNOW_BEFORE_WORD = new Set(['what', 'how', 'why', 'if', 'whether', 'that', 'about', 'where', 'who', 'when', 'him', 'her', 'them', 'it', 'the', 'a', 'my', 'your', 'our', 'their']);
/** "a kind of", "this sort of", "what kind of": a real kind, not a hedge. */
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'what', 'which', 'any', 'some', 'every', 'each', 'no', 'one', 'same', 'other', 'another', 'my', 'your', 'our', 'their', 'his', 'her', 'its', 'all', 'whatever']);

/** Whether a phrase found at word i (n words long) is a filler there, not part of the sentence. */
function isFiller(phrase: string, text: string, w: ScannedWords, i: number, n: number): boolean {
  const word = (j: number): string => text.slice(w.start[j]!, w.end[j]!).toLowerCase().replace(/’/g, "'");
  const prev = i > 0 ? word(i - 1) : undefined;
  const nextBreak = i + n >= w.count || w.breakBefore[i + n] === 1;
  switch (phrase) {
    case 'like': return w.breakBefore[i] === 1 || nextBreak || (prev !== undefined && LIKE_AFTER.has(prev));
    case 'you know': return !(prev !== undefined && KNOW_BEFORE.has(prev)) && !(!nextBreak && KNOW_BEFORE_WORD.has(word(i + n)));
    case 'i mean': return w.breakBefore[i] === 1;
    case 'kind of':
    case 'sort of': return !(prev !== undefined && DETERMINERS.has(prev));
    default: return true;
  }
}

/** Filler phrases as words, longest first ("you know" before "you"), by the first word's first character. */
type CompiledFillers = Map<number, string[][]>;

const compiled = new WeakMap<readonly string[], CompiledFillers>();
function compileFillers(fillers: readonly string[]): CompiledFillers {
  let c = compiled.get(fillers);
  if (c) return c;
  c = new Map();
  const phrases = [...new Set(fillers.map((x) => (x.toLowerCase().replace(/’/g, "'").match(WORD) ?? []).join(' ')))].filter((f) => f !== '').map((f) => f.split(' '));
  for (const p of phrases.sort((x, y) => y.length - x.length)) {
    const first = p[0]!.charCodeAt(0);
    c.set(first, [...(c.get(first) ?? []), p]);
  }
  compiled.set(fillers, c);
  return c;
}

/**
 * The fillers said, as whole words, each with its span of the text (startMs/endMs left null),
 * and the words (their offsets are valid until the next scan).
 */
function scanFillers(text: string, fillers: readonly string[]): { words: number; at: FillerAt[]; scan: ScannedWords } {
  const c = compileFillers(fillers);
  const w = scanWords(text);
  const out: FillerAt[] = [];
  for (let i = 0; i < w.count;) {
    // Most words start with a letter no filler starts with: one look-up, no string.
    const first = text.charCodeAt(w.start[i]!);
    const candidates = c.get(first >= 65 && first <= 90 ? first + 32 : first);
    let hit: string[] | undefined;
    if (candidates !== undefined) {
      for (const p of candidates) {
        if (i + p.length > w.count) continue;
        let j = 0;
        while (j < p.length && (j === 0 || w.breakBefore[i + j] === 0) && isWord(text, w.start[i + j]!, w.end[i + j]!, p[j]!)) j++;
        if (j === p.length) {
          hit = p;
          break;
        }
      }
    }
    if (hit && isFiller(hit.join(' '), text, w, i, hit.length)) {
      const start = w.start[i]!;
      const end = w.end[i + hit.length - 1]!;
      out.push({ start, end, text: text.slice(start, end), phrase: hit.join(' '), startMs: null, endMs: null });
      i += hit.length;
    } else i++;
  }
  return { words: w.count, at: out, scan: w };
}

/** The fillers said, as whole words, each with its span of the text (startMs/endMs left null). */
export function findFillers(text: string, fillers: readonly string[]): FillerAt[] {
  return scanFillers(text, fillers).at;
}

/** Count of each phrase, in the order first said. */
function byPhrase(at: readonly FillerAt[]): Record<string, number> {
  if (at.length === 0) return {};
  const counts = new Map<string, number>();
  for (const f of at) counts.set(f.phrase, (counts.get(f.phrase) ?? 0) + 1);
  // fromEntries defines own properties: a phrase "__proto__" stays a plain key.
  return Object.fromEntries(counts);
}

// ---------------------------------------------------------------------------------- timing

/** A cue of the answer on the speaker's own timeline: times with others' turns between left out. */
interface Placed {
  part: SpokenPart;
  /** Start and end with the time others spoke before it removed. */
  start: number;
  end: number;
  /** What was removed before it: original time = placed time + shift. */
  shift: number;
  words: number;
}

/**
 * The answer's cues on the speaker's own timeline. Where someone else speaks between two of the
 * speaker's cues, the time from the end of the first to the start of the next is left out, so an
 * interviewer's "go on" is neither a pause nor time the answer took. `all` is every cue in time
 * order; without a speaker, they are all the answer's.
 */
function place(all: readonly TranscriptCue[], partOf: readonly number[], parts: readonly SpokenPart[], wordsOfPart: Int32Array): Placed[] {
  const out: Placed[] = [];
  let removed = 0;
  let lastEnd: number | null = null;
  let interrupted = false;
  for (let a = 0; a < all.length; a++) {
    const c = all[a]!;
    const k = partOf[a]!;
    if (k < 0) {
      if (lastEnd !== null) interrupted = true;
      continue;
    }
    if (interrupted && lastEnd !== null) removed += Math.max(0, c.start - lastEnd);
    interrupted = false;
    lastEnd = Math.max(lastEnd ?? c.end, c.end);
    out.push({ part: parts[k]!, start: c.start - removed, end: c.end - removed, shift: removed, words: wordsOfPart[k]! });
  }
  return out;
}

/** An instant on the speaker's timeline, as a time in the recording. */
function original(placed: readonly Placed[], t: number): number {
  let shift = 0;
  for (const p of placed) {
    if (p.start > t) break;
    shift = p.shift;
  }
  return t + shift;
}

/**
 * The fewest and most words in any 60-second window, the window sliding a second at a time from
 * the first word (the last window ends with the last word). A cue's words are spread evenly over
 * it. Null for answers under a minute.
 */
function minuteExtremes(placed: readonly Placed[], first: number, last: number): [MinuteWindow | null, MinuteWindow | null] {
  if (last - first < 60000) return [null, null];
  let n = 0;
  for (const p of placed) n += p.words;
  const times = new Float64Array(n);
  let k = 0;
  let ordered = true;
  for (const p of placed) {
    for (let i = 0; i < p.words; i++) {
      const t = p.start + ((i + 0.5) * (p.end - p.start)) / p.words;
      if (k > 0 && t < times[k - 1]!) ordered = false;
      times[k++] = t;
    }
  }
  if (!ordered) times.sort(); // numeric: a typed array; only overlapping cues put words out of order
  const starts: number[] = [];
  for (let t = first; t + 60000 <= last; t += 1000) starts.push(t);
  if (starts[starts.length - 1] !== last - 60000) starts.push(last - 60000);
  let lo: { n: number; at: number } | null = null;
  let hi: { n: number; at: number } | null = null;
  // Two pointers: the windows only move forward.
  let a = 0;
  let b = 0;
  for (const s of starts) {
    while (a < times.length && times[a]! < s) a++;
    while (b < times.length && times[b]! < s + 60000) b++;
    const n = b - a;
    if (!lo || n < lo.n) lo = { n, at: s };
    if (!hi || n > hi.n) hi = { n, at: s };
  }
  const window = (w: { n: number; at: number }): MinuteWindow => ({ startMs: original(placed, w.at), endMs: original(placed, w.at + 60000), words: w.n });
  return [window(lo!), window(hi!)];
}

/**
 * Delivery measured from a transcript's cues: the answer is the cues' text (one speaker's turns
 * with `speaker`), as `spokenText` joins it, so filler spans index the answer that was scored.
 * `joined` is that join when the caller already has it (spokenText(cues, speaker), unchanged).
 */
export function measureDelivery(cues: readonly TranscriptCue[], norms: DeliveryNorms = DEFAULT_NORMS, speaker?: string, joined?: SpokenText): Delivery {
  const { text, parts, all, partOf } = joined ?? spokenText(cues, speaker);
  // One pass over the answer: its fillers, and each cue's words (parts are in offset order).
  const found = scanFillers(text, norms.fillers);
  const at = found.at;
  const wordsOfPart = new Int32Array(parts.length);
  for (let k = 0, i = 0; k < parts.length; k++) {
    const endOfPart = parts[k]!.offset + parts[k]!.text.length;
    let n = 0;
    while (i < found.scan.count && found.scan.start[i]! < endOfPart) {
      n++;
      i++;
    }
    wordsOfPart[k] = n;
  }
  const placed = place(all, partOf, parts, wordsOfPart);
  let first = placed.length > 0 ? Infinity : 0;
  let last = placed.length > 0 ? -Infinity : 0;
  let words = 0;
  for (const p of placed) {
    first = Math.min(first, p.start);
    last = Math.max(last, p.end);
    words += p.words;
  }
  const speakingMs = last - first;

  // Long pauses: silences between the speaker's cues (overlapping cues cover each other).
  const pauses: TimeRange[] = [];
  let longestMs = 0;
  let reach = first;
  let reachOriginal = placed[0]?.part.cue.start ?? 0;
  for (const p of placed) {
    const gap = p.start - reach;
    if (gap > norms.longPauseMs) {
      pauses.push({ startMs: reachOriginal, endMs: p.part.cue.start });
      longestMs = Math.max(longestMs, gap);
    }
    if (p.end > reach) {
      reach = p.end;
      reachOriginal = p.part.cue.end;
    }
  }

  // Each filler is placed in the cue it was said in (by its offset in the answer text).
  const byOffset = parts; // in offset order
  let k = 0;
  for (const f of at) {
    while (k + 1 < byOffset.length && byOffset[k + 1]!.offset <= f.start) k++;
    const cue = byOffset[k]?.cue;
    if (cue) {
      f.startMs = cue.start;
      f.endMs = cue.end;
    }
  }

  const wordsPerMinute = perMinute(words, speakingMs);
  const [slowestMinute, fastestMinute] = minuteExtremes(placed, first, last);
  const fpm = perMinute(at.length, speakingMs);
  return {
    estimated: false,
    words,
    speakingMs,
    pace: { wordsPerMinute, compared: compare(wordsPerMinute, norms.pace), usual: norms.pace, slowestMinute, fastestMinute },
    pauses: {
      overMs: norms.longPauseMs,
      count: pauses.length,
      longestMs,
      perMinute: perMinute(pauses.length, speakingMs),
      compared: longestMs > norms.usualMaxSilenceMs ? 'above' : 'within',
      usualMaxMs: norms.usualMaxSilenceMs,
      at: pauses,
    },
    fillers: { count: at.length, perMinute: fpm, compared: compare(fpm, norms.fillersPerMinute), usual: norms.fillersPerMinute, byPhrase: byPhrase(at), at },
  };
}

/**
 * Delivery estimated for a typed answer: its words said at `wordsPerMinute`. Fillers are found in
 * the text; the pace is assumed (so not compared), and pauses and the slowest and fastest minute
 * cannot be known.
 */
export function estimateDelivery(text: string, wordsPerMinute: number, norms: DeliveryNorms = DEFAULT_NORMS): Delivery {
  const { words, at } = scanFillers(text, norms.fillers);
  const speakingMs = wordsPerMinute > 0 ? Math.round((words * 60000) / wordsPerMinute) : 0;
  const fpm = perMinute(at.length, speakingMs);
  return {
    estimated: true,
    words,
    speakingMs,
    pace: { wordsPerMinute, compared: null, usual: norms.pace, slowestMinute: null, fastestMinute: null },
    pauses: null,
    fillers: { count: at.length, perMinute: fpm, compared: compare(fpm, norms.fillersPerMinute), usual: norms.fillersPerMinute, byPhrase: byPhrase(at), at },
  };
}
