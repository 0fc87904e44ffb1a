import type { Token } from './tokenize.js';

export interface SentenceRange {
  /** Token index range [first, last). */
  first: number;
  last: number;
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'e.g', 'i.e', 'etc', 'vs', 'no']);
const TERMINATORS = new Set(['.', '!', '?', '…']);
/** Closed-class words that open sentences; names and "I" are capitalised anywhere. */
const OPENERS = new Set(['it', 'the', 'he', 'she', 'they', 'we', 'my', 'our', 'their', 'his', 'her', 'then', 'so', 'but', 'and',
  'when', 'after', 'before', 'within', 'honestly', 'that', 'this', 'there', 'in', 'on', 'at', 'a', 'as', 'once', 'because',
  'if', 'while', 'later', 'next', 'luckily', 'unfortunately', 'eventually', 'finally', 'afterwards', 'overall', 'since',
  'from', 'also', 'now', 'what', 'why', 'how', "it's", "he'd", "she'd", "they'd", "we'd", 'he', 'looking', 'sometimes']);

/**
 * Cuts a token stream into sentences: at . ! ? (not after a known abbreviation or inside a number),
 * and at blank lines or list bullets, which writers use as sentence breaks without punctuation.
 */
export function splitSentences(text: string, tokens: Token[]): SentenceRange[] {
  const out: SentenceRange[] = [];
  let first = 0;
  const close = (last: number): void => {
    if (last > first) out.push({ first, last, start: tokens[first]!.start, end: tokens[last - 1]!.end });
    first = last;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i > first) {
      const prev = tokens[i - 1]!;
      let newline = false;
      for (let k = prev.end; k < t.start && !newline; k++) newline = text.charCodeAt(k) === 10;
      if (newline) {
        const gap = text.slice(prev.end, t.start);
        if (/\n[ \t]*\r?\n/.test(gap) || /^[-*•]$/.test(t.norm)) close(i);
      }
    }
    // Punctuation left out but capitals kept ("best nights for takings It really showed me"): a
    // capitalised word that opens sentences, straight after a lower-case one, starts a new one.
    if (t.kind === 'word' && t.capital && i > first + 1 && OPENERS.has(t.norm)) {
      const prev = tokens[i - 1]!;
      if ((prev.kind === 'word' && !prev.capital) || prev.kind === 'num') close(i);
    }
    if (t.kind === 'punct' && TERMINATORS.has(t.norm)) {
      const prev = tokens[i - 1];
      if (t.norm === '.' && prev && ABBREVIATIONS.has(prev.norm) && i - 1 >= first) continue;
      // Swallow runs like "?!" or '."' into the same sentence.
      let j = i + 1;
      while (j < tokens.length && tokens[j]!.kind === 'punct' && /^[.!?…"'”)\]]$/.test(tokens[j]!.norm) && tokens[j]!.start === tokens[j - 1]!.end) j++;
      close(j);
      i = j - 1;
    }
  }
  close(tokens.length);
  return out;
}
