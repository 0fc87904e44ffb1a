import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

// Stemming is the hot path of scoring; most answers reuse a small vocabulary.
const memo = new Map<string, string>();
const MEMO_LIMIT = 50_000;

/** Pre-fills the memo with stems computed earlier (the build caches the stems of all cue words). */
export function seedStems(stems: Record<string, string>): void {
  for (const [w, s] of Object.entries(stems)) if (memo.size < MEMO_LIMIT) memo.set(w, s);
}

/** Every memoised stem, for the build cache. */
export function knownStems(): Record<string, string> {
  return Object.fromEntries(memo);
}

/** Porter stem of a lower-case word, memoised. Contractions keep their base ("didn't" -> "didn't"). */
export function stem(word: string): string {
  const hit = memo.get(word);
  if (hit !== undefined) return hit;
  const out = /^[a-z]+$/.test(word) ? PorterStemmer.stem(word) : word;
  if (memo.size < MEMO_LIMIT) memo.set(word, out);
  return out;
}
