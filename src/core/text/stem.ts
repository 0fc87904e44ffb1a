import { createRequire } from 'node:module';

// natural's Porter stemmer (CommonJS, deep-imported: the package index is slow and noisy) is
// loaded on the first word that is not already memoised, so start-up paths that only read
// cached stems never pay for it.
const require = createRequire(import.meta.url);
let porter: { stem(word: string): string } | null = null;

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

const WH_CLITIC = /^(what|who|how|where|why|when)'s$/;

/** Porter stem of a lower-case word, memoised. Contractions keep their base ("didn't" -> "didn't"). */
export function stem(word: string): string {
  const hit = memo.get(word);
  if (hit !== undefined) return hit;
  let out = word;
  if (/^[a-z]+$/.test(word)) {
    porter ??= require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };
    out = porter.stem(word);
  } else if (WH_CLITIC.test(word)) {
    // "what's made you decide": the question word, so cues for "what" find it.
    out = word.slice(0, -2);
  }
  if (memo.size < MEMO_LIMIT) memo.set(word, out);
  return out;
}
