// The words of an answer, scanned once, character by character: where each word starts and ends,
// and whether punctuation comes before it. Delivery reads every typed answer of a batch of
// thousands, so this does without regular expressions, without a string per word and without
// new arrays per call; a word is what [\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)* matches
// (test/unit/delivery.test.ts holds the two to the same words).

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Punctuation between two words that breaks the sentence ("Um, so", "you know. She"). */
const BREAKS = new Set([',', '.', ';', ':', '!', '?', '…', '—', '–', '(', ')', '"', '“', '”'].map((c) => c.charCodeAt(0)));

export interface ScannedWords {
  count: number;
  start: Int32Array;
  end: Int32Array;
  /** 1 where punctuation (or the start of the text) comes before the word. */
  breakBefore: Uint8Array;
}

// One set of buffers, reused: a scan is read before the next one (scanning is synchronous).
let cap = 1024;
let START = new Int32Array(cap);
let END = new Int32Array(cap);
let BREAK_BEFORE = new Uint8Array(cap);

/** Length in UTF-16 units of the letter or digit at i (2 for one outside the BMP), or 0. */
function wordChar(text: string, i: number, c: number): number {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) return LETTER_OR_DIGIT.test(text.slice(i, i + 2)) ? 2 : 0;
  return LETTER_OR_DIGIT.test(text[i]!) ? 1 : 0;
}

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x202f || c === 0x205f || c === 0xfeff;

/** The words of a text. The result is valid until the next call. */
export function scanWords(text: string): ScannedWords {
  let count = 0;
  let sawBreak = true; // the start of the text
  const n = text.length;
  for (let i = 0; i < n;) {
    let c = text.charCodeAt(i);
    let k = c < 0x80 ? ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0) : wordChar(text, i, c);
    if (k === 0) {
      // A hyphen between spaces is a dash ("the room - she had gone").
      if (c !== 32 && (BREAKS.has(c) || (c === 45 && i > 0 && isSpace(text.charCodeAt(i - 1)) && i + 1 < n && isSpace(text.charCodeAt(i + 1))))) sawBreak = true;
      i++;
      continue;
    }
    const s = i;
    for (;;) {
      i += k;
      if (i >= n) break;
      c = text.charCodeAt(i);
      k = c < 0x80 ? ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0) : wordChar(text, i, c);
      if (k > 0) continue;
      // An apostrophe or hyphen inside a word ("didn't", "follow-up") joins it to what follows.
      if ((c === 39 || c === 0x2019 || c === 45) && i + 1 < n && (k = wordChar(text, i + 1, text.charCodeAt(i + 1))) > 0) {
        i += 1;
        continue;
      }
      break;
    }
    if (count === cap) {
      cap *= 2;
      const s2 = new Int32Array(cap); s2.set(START); START = s2;
      const e2 = new Int32Array(cap); e2.set(END); END = e2;
      const b2 = new Uint8Array(cap); b2.set(BREAK_BEFORE); BREAK_BEFORE = b2;
    }
    START[count] = s;
    END[count] = i;
    BREAK_BEFORE[count] = sawBreak ? 1 : 0;
    count++;
    sawBreak = false;
  }
  return { count, start: START, end: END, breakBefore: BREAK_BEFORE };
}

/** Whether the text from start to end is `word` (lower case, ' for ’), ignoring case. */
export function isWord(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let j = 0; j < word.length; j++) {
    let c = text.charCodeAt(start + j);
    const w = word.charCodeAt(j);
    if (c === w) continue;
    if (c >= 65 && c <= 90) c += 32;
    else if (c === 0x2019) c = 39;
    else if (c >= 0x80) c = text[start + j]!.toLowerCase().charCodeAt(0);
    if (c !== w) return false;
  }
  return true;
}

/** Whether a text has a word at all (a letter or digit), read no further than the first. */
export function hasWord(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (wordChar(text, i, text.charCodeAt(i)) > 0) return true;
  return false;
}
