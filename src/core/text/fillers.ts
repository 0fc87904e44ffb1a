import type { Token } from './tokenize.js';
import { W_BREAK, W_DET, W_NOMINATIVE } from './lexicon.js';
import { ALWAYS_FILLERS, M_FILLER } from './word-marks.js';

// Spoken answers (and speech-to-text) carry fillers that are not part of the sentence: "um", "you
// know", "like", "i mean". Left in, "you" of "you know" reads as the clause's subject and "um" splits
// a cue. They are dropped from the token stream; the remaining tokens keep their offsets.
/** After "you know": words that make it a real question or clause ("you know what he said"). */
const KNOW_CONTINUES = new Set(['what', 'how', 'why', 'if', 'whether', 'that', 'about', 'where', 'who', 'when', 'him', 'her', 'them', 'it']);

function opensUnit(prev: Token | undefined): boolean {
  return prev === undefined || prev.kind === 'punct' || (prev.wc & W_BREAK) !== 0;
}

/** How many tokens from i are a filler (0 when the word is part of the sentence). */
function fillerAt(tokens: Token[], i: number, prev: Token | undefined): number {
  const t = tokens[i]!;
  if ((t.marks & M_FILLER) === 0) return 0;
  const w = t.norm;
  if (ALWAYS_FILLERS.has(w)) return 1;
  const next = tokens[i + 1];
  if (w === 'you' && next?.norm === 'know') {
    const after = tokens[i + 2];
    if (after && after.kind === 'word' && KNOW_CONTINUES.has(after.norm)) return 0;
    return prev && prev.kind === 'word' && ['do', 'did', "don't", 'didnt', "didn't", 'if', 'as'].includes(prev.norm) ? 0 : 2;
  }
  // "and like she was", ", like, the": "like" between a break and the next subject or noun phrase.
  if (w === 'like' && opensUnit(prev) && next && (next.kind === 'punct' || (next.wc & (W_NOMINATIVE | W_DET)) !== 0)) return 1;
  // "i mean she was upset": a discourse marker when it opens a unit and a new subject follows.
  if (w === 'i' && next?.norm === 'mean' && opensUnit(prev)) {
    const after = tokens[i + 2];
    if (after && (after.kind === 'punct' || (after.wc & W_NOMINATIVE) !== 0)) return 2;
  }
  if ((w === 'kind' || w === 'sort') && next?.norm === 'of' && prev?.kind === 'word' && (prev.wc & W_DET) === 0) return 2;
  return 0;
}

/** The tokens without fillers (the same array when there are none). */
export function dropFillers(tokens: Token[]): Token[] {
  let out: Token[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const n = fillerAt(tokens, i, out ? out[out.length - 1] : tokens[i - 1]);
    if (n === 0) {
      if (out) out.push(tokens[i]!);
      continue;
    }
    if (!out) out = tokens.slice(0, i);
    i += n - 1;
  }
  return out ?? tokens;
}
