import { stem } from './stem.js';

export type TokenKind = 'word' | 'num' | 'punct';

export interface Token {
  /** Lower-case form, curly apostrophes straightened. */
  norm: string;
  stem: string;
  kind: TokenKind;
  /** Character offsets into the original text: [start, end). */
  start: number;
  end: number;
  /** True when the original starts with a capital letter (proper nouns mid-sentence). */
  capital: boolean;
}

const NUMBER_WORDS = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen',
  'twenty', 'thirty', 'forty', 'fifty', 'hundred', 'thousand', 'half', 'dozen', 'several', 'double', 'twice',
]);

// Words (with inner apostrophes and hyphens), numbers (with %, decimals), or single punctuation marks.
const TOKEN_RE = /([\p{L}\p{M}]+(?:['’][\p{L}]+)*(?:-[\p{L}\p{M}]+)*)|(\d+(?:[.,]\d+)*%?)|([^\s\p{L}\p{M}\d])/gu;

export function isNumberToken(t: Token): boolean {
  return t.kind === 'num' || NUMBER_WORDS.has(t.norm);
}

/** Splits text into tokens with offsets. Never throws; linear in the input. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = from;
  const slice = to === text.length ? text : text.slice(0, to);
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(slice)) !== null) {
    const raw = m[0];
    const start = m.index;
    if (m[1] !== undefined) {
      const norm = raw.toLowerCase().replace(/’/g, "'");
      out.push({ norm, stem: stem(norm), kind: 'word', start, end: start + raw.length, capital: raw[0] !== raw[0]!.toLowerCase() });
    } else if (m[2] !== undefined) {
      out.push({ norm: raw, stem: raw, kind: 'num', start, end: start + raw.length, capital: false });
    } else {
      const norm = raw === '’' ? "'" : raw;
      out.push({ norm, stem: norm, kind: 'punct', start, end: start + raw.length, capital: false });
    }
  }
  return out;
}
