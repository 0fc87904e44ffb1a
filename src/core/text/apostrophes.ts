import { reread, type Token } from './tokenize.js';
import { W_DET } from './lexicon.js';

// Speech-to-text and hurried typing drop apostrophes: "dont", "im", "id". Contractions that are
// not also English words are read back as the contraction; "id" only where "I'd" fits (not "my id").
const UNAMBIGUOUS = new Map<string, string>(Object.entries({
  im: "i'm", ive: "i've", dont: "don't", didnt: "didn't", doesnt: "doesn't", wasnt: "wasn't", werent: "weren't",
  couldnt: "couldn't", wouldnt: "wouldn't", shouldnt: "shouldn't", wont: "won't", isnt: "isn't", arent: "aren't",
  havent: "haven't", hasnt: "hasn't", hadnt: "hadn't", thats: "that's", theyre: "they're", youre: "you're",
  theyd: "they'd", youd: "you'd", theyve: "they've", weve: "we've", youve: "you've", hes: "he's", shes: "she's",
  theres: "there's", whats: "what's",
}));
/** Words after which "id" is the noun ("photo id", "my id"). */
const ID_NOUN_BEFORE = new Set(['photo', 'student', 'staff', 'user', 'login', 'customer', 'an', 'valid', 'proper', 'their', 'his', 'her']);

/** The tokens with dropped apostrophes restored (the same array when there are none). */
export function restoreApostrophes(tokens: Token[]): Token[] {
  let out: Token[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    let norm = UNAMBIGUOUS.get(t.norm);
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
