// A delivery in words, for every view that shows one (terminal, Markdown, HTML, practice): pure
// formatting of the figures measured from a transcript, or of the estimate for a typed answer.
import type { Compared, Delivery, Range } from '../core/types.js';

/** Milliseconds as m:ss ("1:05"); a recording's time or a duration. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;
const int = (x: number): string => String(Math.round(x));
const usualPace = (r: Range): string => `usual ${r.min}-${r.max}`;
const usualUpTo = (r: Range): string => (r.min > 0 ? `usual ${r.min}-${r.max}` : `usual up to ${r.max}`);

/** "slow", "fast" for a pace; "" within the usual range. */
export function paceWord(c: Compared | null): string {
  return c === 'below' ? 'slow' : c === 'above' ? 'fast' : '';
}

/** The fillers said, most said first: "um" ×2, "you know". */
function fillerList(byPhrase: Record<string, number>): string {
  return Object.entries(byPhrase)
    .sort((a, b) => b[1] - a[1])
    .map(([p, n]) => `"${p}"${n > 1 ? ` ×${n}` : ''}`)
    .join(', ');
}

/** Where the fillers were said: the start of each cue, at most `max` of them. */
function fillerTimes(d: Delivery, max = 6): string {
  const times = [...new Set(d.fillers.at.flatMap((f) => (f.startMs === null ? [] : [clock(f.startMs)])))];
  if (times.length === 0) return '';
  return ` at ${times.slice(0, max).join(', ')}${times.length > max ? ` and ${times.length - max} more` : ''}`;
}

/**
 * The delivery as short phrases, one a figure: speaking time, pace (and its slowest and fastest
 * minute), long pauses and fillers, each beside the usual range. An estimate says it is one.
 */
export function deliveryPhrases(d: Delivery): string[] {
  const f = d.fillers;
  const fillers = f.count === 0
    ? 'no fillers'
    : `${f.perMinute} filler${f.perMinute === 1 ? '' : 's'} a minute${f.compared === 'above' ? ', more than usual' : ''} (${usualUpTo(f.usual)}): ${fillerList(f.byPhrase)}${fillerTimes(d) ? `; said${fillerTimes(d)}` : ''}`;
  if (d.estimated) {
    const out = [`about ${clock(d.speakingMs)} spoken: an estimate from ${d.words} words at ${d.pace.wordsPerMinute} a minute (a .vtt or .srt transcript gives real timings)`];
    if (f.count > 0) out.push(`${f.count} filler${f.count === 1 ? '' : 's'}: ${fillerList(f.byPhrase)}`);
    return out;
  }
  const p = d.pace;
  const pace = `${int(p.wordsPerMinute)} words a minute${paceWord(p.compared) ? `, ${paceWord(p.compared)}` : ''} (${usualPace(p.usual)})`;
  const out = [`${clock(d.speakingMs)} spoken (${d.words} words)`, pace];
  if (p.slowestMinute && p.fastestMinute) out.push(`slowest minute ${p.slowestMinute.words} words (from ${clock(p.slowestMinute.startMs)}), fastest ${p.fastestMinute.words} (from ${clock(p.fastestMinute.startMs)})`);
  const q = d.pauses;
  if (q) {
    out.push(q.count === 0
      ? `no pauses over ${seconds(q.overMs)}`
      : `${q.count} pause${q.count === 1 ? '' : 's'} over ${seconds(q.overMs)} (longest ${seconds(q.longestMs)}; at ${q.at.slice(0, 6).map((x) => clock(x.startMs)).join(', ')}${q.at.length > 6 ? ' and more' : ''}): in conversation a silence rarely runs past ${seconds(q.usualMaxMs)}`);
  }
  out.push(fillers);
  return out;
}

/** One line: the delivery's phrases joined. */
export function deliveryLine(d: Delivery): string {
  return deliveryPhrases(d).join('; ');
}

const BARS = '▁▂▃▄▅▆▇█';

/** Values as a one-line chart, oldest first, scaled from their lowest to their highest. */
export function spark(values: readonly number[]): string {
  if (values.length === 0) return '';
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return values.map((v) => BARS[hi === lo ? 3 : Math.min(BARS.length - 1, Math.floor(((v - lo) / (hi - lo)) * BARS.length))]).join('');
}

/** The measured points of a list over time: pace and fillers a minute, first to latest. */
export interface TrendLine {
  label: 'pace' | 'fillers';
  /** "171 → 132 words a minute (usual 125-150)". */
  text: string;
  values: number[];
}

/** Pace and fillers over time, from the spoken (measured) answers; empty when there are none. */
export function trendLines(points: ReadonlyArray<{ estimated?: boolean; wordsPerMinute: number; fillersPerMinute: number }>, usual: { pace: Range; fillersPerMinute: Range } | null): TrendLine[] {
  const spoken = points.filter((p) => p.estimated !== true);
  if (spoken.length === 0 || !usual) return [];
  const firstLast = (xs: number[], f: (x: number) => string): string => (xs.length === 1 ? f(xs[0]!) : `${f(xs[0]!)} → ${f(xs[xs.length - 1]!)}`);
  const pace = spoken.map((p) => p.wordsPerMinute);
  const fillers = spoken.map((p) => p.fillersPerMinute);
  return [
    { label: 'pace', text: `${firstLast(pace, int)} words a minute (${usualPace(usual.pace)})`, values: pace },
    { label: 'fillers', text: `${firstLast(fillers, String)} fillers a minute (${usualUpTo(usual.fillersPerMinute)})`, values: fillers },
  ];
}
