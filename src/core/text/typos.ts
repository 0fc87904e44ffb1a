import { stem } from './stem.js';
import { cueWords, vocabSize } from '../cues/vocab.js';

// Graduates type fast and speech-to-text mishears: "wether", "mentiond", "colleages", "hosptial".
// A word no cue and no word list knows is read as the cue word one slip away - a letter missing,
// one too many, or two swapped - when exactly one cue word is that close. Only cue words of five
// letters or more, and slips of four or more ("askd"), so short real words are left alone.

const MIN = 5;
const MIN_SLIP = 4;
/** Each cue word with one letter dropped -> that word's stem (null when two words give the same). */
let dropped = new Map<string, string | null>();
let builtFor = -1;

function build(): void {
  dropped = new Map();
  for (const w of cueWords()) {
    if (w.length < MIN || !/^[a-z]+$/.test(w)) continue;
    const s = stem(w);
    for (let i = 0; i < w.length; i++) {
      const d = w.slice(0, i) + w.slice(i + 1);
      const was = dropped.get(d);
      dropped.set(d, was === undefined || was === s ? s : null);
    }
  }
  builtFor = vocabSize();
}

/** The stem of the cue word `word` is a slip of, or null: none, or more than one, is that close. */
export function slipOf(word: string): string | null {
  if (word.length < MIN_SLIP || !/^[a-z]+$/.test(word)) return null;
  if (builtFor !== vocabSize()) build();
  const known = cueWords();
  let found: string | null = null;
  const take = (s: string): boolean => {
    if (found !== null && found !== s) return false;
    found = s;
    return true;
  };
  // A letter missing: "wether" is "whether" less its "h".
  const missing = dropped.get(word);
  if (missing === null) return null;
  if (missing !== undefined && !take(missing)) return null;
  for (let i = 0; i < word.length; i++) {
    // A letter too many: "manageer", and a doubled one in a short word: "sennd".
    const less = word.slice(0, i) + word.slice(i + 1);
    const doubled = i > 0 && word[i] === word[i - 1];
    if ((less.length >= MIN || (doubled && less.length >= MIN_SLIP)) && known.has(less) && !take(stem(less))) return null;
    // Two letters swapped: "hosptial".
    if (i + 1 < word.length && word[i] !== word[i + 1]) {
      const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      if (known.has(swapped) && !take(stem(swapped))) return null;
    }
  }
  return found;
}
