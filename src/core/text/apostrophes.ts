import { reread, type Token } from './tokenize.js';
import { W_DET } from './lexicon.js';
import { DROPPED_APOSTROPHES, M_APOSTROPHE } from './word-marks.js';

// Speech-to-text and hurried typing drop apostrophes: "dont", "im", "id". Contractions that are
// not also English words (word-marks.ts) are read back as the contraction; "id" only where "I'd"
// fits (not "my id").
/** Words after which "id" is the noun ("photo id", "my id"). */
const ID_NOUN_BEFORE = new Set(['photo', 'student', 'staff', 'user', 'login', 'customer', 'an', 'valid', 'proper', 'their', 'his', 'her']);

/** The tokens with dropped apostrophes restored (the same array when there are none). */
export function restoreApostrophes(tokens: Token[]): Token[] {
  let out: Token[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if ((t.marks & M_APOSTROPHE) === 0) continue;
    let norm = DROPPED_APOSTROPHES.get(t.norm);
    if (t.norm === 'id') {
      const prev = tokens[i - 1];
      const isNoun = prev !== undefined && prev.kind === 'word' && ((prev.wc & W_DET) !== 0 || ID_NOUN_BEFORE.has(prev.norm));
      norm = isNoun || t.end - t.start !== 2 || (tokens[i + 1]?.kind ?? 'punct') !== 'word' ? undefined : "i'd";
    }
    if (!norm) continue;
    out ??= tokens.slice();
    out[i] = reread(t, norm);
  }
  return out ?? tokens;
}
