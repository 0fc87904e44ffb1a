import { reread, type Token } from './tokenize.js';
import { M_SHORTHAND, SHORTHAND_WORDS } from './word-marks.js';

// Notes typed while preparing use shorthand: "rang cust back w/ update", "took to TL + comms",
// "~30 calls/wk". Each is read as the word it stands for, keeping its place in the answer, so
// cues match across it ("w/" is "with", "+" between words is "and"). Only shorthand that means
// one thing in service notes is read (word-marks.ts); anything else is left as written.
const adjacent = (a: Token | undefined, b: Token | undefined): boolean => a !== undefined && b !== undefined && a.end === b.start;

function word(norm: string, start: number, end: number, capital: boolean): Token {
  return reread({ norm, stem: norm, kind: 'word', start, end, capital, num: false, wc: 0, sid: -1, marks: 0 }, norm);
}

/** The tokens with note shorthand read as words (the same array when there is none). */
export function readShorthand(tokens: Token[]): Token[] {
  let out: Token[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if ((t.marks & M_SHORTHAND) === 0) {
      if (out !== null) out.push(t);
      continue;
    }
    const n = t.norm;
    let next: Token | null = null;
    let skip = 0;
    if (t.kind === 'word') {
      const slash = tokens[i + 1];
      if ((n === 'w' || n === 'b') && slash?.norm === '/' && adjacent(t, slash)) {
        const after = tokens[i + 2];
        if (n === 'b' && after?.norm === 'c' && adjacent(slash, after)) { next = word('because', t.start, after.end, t.capital); skip = 2; }
        else if (n === 'w' && after?.norm === 'o' && adjacent(slash, after)) { next = word('without', t.start, after.end, t.capital); skip = 2; }
        else if (n === 'w') { next = word('with', t.start, slash.end, t.capital); skip = 1; }
      } else {
        const full = SHORTHAND_WORDS.get(n);
        if (full !== undefined) next = reread(t, full);
      }
    } else if (t.kind === 'punct') {
      // "&" anywhere, "+" between two words, are "and"; "~" before a number is "about".
      const prev = tokens[i - 1];
      const after = tokens[i + 1];
      if (n === '&' || (n === '+' && prev?.kind === 'word' && after?.kind === 'word')) next = word('and', t.start, t.end, false);
      else if (n === '~' && after?.num === true && adjacent(t, after)) next = word('about', t.start, t.end, false);
    }
    if (next === null) {
      if (out !== null) out.push(t);
      continue;
    }
    out ??= tokens.slice(0, i);
    out.push(next);
    i += skip;
  }
  return out ?? tokens;
}
