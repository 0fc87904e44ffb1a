import type { CompiledRubric } from './compile.js';
import { analyse } from './text/analyse.js';

export interface StyleNotes {
  words: number;
  /** Estimated speaking time at the rubric's pace. */
  seconds: number;
  /** "I" and "we" as subjects: an interviewer wants to hear what the candidate did. */
  iCount: number;
  weCount: number;
  /** Filler and hedging phrases found, with how often. */
  fillers: Array<{ phrase: string; count: number }>;
  /** Plain advice, only where it helps; empty when the answer is said well. */
  messages: string[];
}

/**
 * How an answer is said, not what it shows: length against the 1.5-2 minutes a good spoken
 * answer takes, "we" where the interviewer wants "I", fillers and hedging. Pure, like the scorer.
 */
export function styleNotes(text: string, rubric: CompiledRubric): StyleNotes {
  const doc = analyse(text);
  const words = doc.tokens.filter((t) => t.kind === 'word').length;
  const { wordsPerMinute, targetSeconds } = rubric.style;
  const seconds = Math.round((words / wordsPerMinute) * 60);
  let iCount = 0;
  let weCount = 0;
  for (const c of doc.clauses) {
    if (c.subject === 'self') iCount++;
    else if (c.subject === 'team') weCount++;
  }
  const found = new Map<string, number>();
  for (const s of doc.sentences) {
    for (const m of rubric.fillers.matchRange(doc.tokens, s.first, s.last)) {
      const phrase = text.slice(doc.tokens[m.first]!.start, doc.tokens[m.last - 1]!.end).toLowerCase();
      found.set(phrase, (found.get(phrase) ?? 0) + 1);
    }
  }
  const fillers = [...found.entries()].map(([phrase, count]) => ({ phrase, count })).sort((a, b) => b.count - a.count);
  const messages: string[] = [];
  const [lo, hi] = targetSeconds;
  if (words > 0 && seconds < lo * 0.6) messages.push(`About ${seconds} seconds spoken (${words} words): a good answer takes ${lo}-${hi} seconds, so there is room for the situation, what you did and the result.`);
  else if (seconds > hi * 1.5) messages.push(`About ${Math.round(seconds / 60 * 10) / 10} minutes spoken (${words} words): a good answer takes ${lo}-${hi} seconds; keep the story and cut the background.`);
  if (weCount > iCount && weCount >= 2) messages.push(`You said "we" ${weCount} times and "I" ${iCount}: say what you did yourself.`);
  const fillerTotal = fillers.reduce((n, f) => n + f.count, 0);
  if (fillerTotal >= 3) messages.push(`Fillers and hedges (${fillers.slice(0, 3).map((f) => `"${f.phrase}"`).join(', ')}): say it plainly.`);
  return { words, seconds, iCount, weCount, fillers, messages };
}
