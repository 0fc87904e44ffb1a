import { stem } from './stem.js';
import { wordClass } from './lexicon.js';
import { stemId, vocabSize } from '../cues/vocab.js';
import { slipOf } from './typos.js';
import { markMarks, wordMarks } from './word-marks.js';

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
  /** A number: digits, or a number word ("twelve", "half"). */
  num: boolean;
  /** Word-class bits (lexicon.ts W_*), 0 for numbers and punctuation. */
  wc: number;
  /** The stem's id in the cue vocabulary (cues/vocab.ts), -1 when no cue uses it. */
  sid: number;
  /** The reading passes that may concern this token, one bit each (word-marks.ts M_*). */
  marks: number;
}

interface WordInfo {
  /** The word's stem, or for a slip of a cue word ("wether"), that word's stem. */
  stem: string;
  /** The word's own stem. */
  own: string;
  num: boolean;
  wc: number;
  sid: number;
  /** Vocabulary size when sid was read: a rubric compiled later may add the stem. */
  vocab: number;
  marks: number;
}
/** At most this many words are remembered (by wordMemo and by the ASCII scanner's table). */
const MAX_MEMO_WORDS = 50_000;
const wordMemo = new Map<string, WordInfo>();

function infoOf(norm: string): WordInfo {
  let info = wordMemo.get(norm);
  if (info === undefined) {
    const s = stem(norm);
    info = { stem: s, own: s, num: isNumberWord(norm), wc: wordClass(norm), sid: -1, vocab: -1, marks: wordMarks(norm) };
    refresh(norm, info);
    if (wordMemo.size < MAX_MEMO_WORDS) wordMemo.set(norm, info);
  } else if (info.vocab !== vocabSize()) refresh(norm, info);
  return info;
}

/** The cue id of a word's stem, read again when a rubric compiled since has added stems. */
function refresh(norm: string, info: WordInfo): void {
  info.stem = info.own;
  info.sid = stemId(info.own);
  if (info.sid < 0 && info.wc === 0 && !info.num) {
    const slip = slipOf(norm);
    if (slip !== null) {
      info.stem = slip;
      info.sid = stemId(slip);
    }
  }
  info.vocab = vocabSize();
}

/**
 * The ASCII scanner's word memo: an open-addressing table keyed by a hash taken while the word is
 * scanned, so a word seen before is found without cutting it out of the text or lower-casing it,
 * and its token shares one string for its form. Holds as many words as wordMemo, at most.
 */
// Two Int32s per slot, the entry (index + 1, 0 for empty) and its word's hash, side by side: a
// probe reads one cache line and compares hashes before it touches a word. The table starts small
// and doubles at half full, so the few thousand words of a typical run stay in the CPU's cache
// (a fixed table of 131,072 slots, 512 KB, made most look-ups a cache miss).
let tableMask = (1 << 12) - 1;
let tableSlots = new Int32Array(2 << 12);
const tableWords: string[] = [];
const tableInfos: WordInfo[] = [];
const tableHashes: number[] = [];

/** The memo entry for text[start, end) lower-cased, with hash h, or -1. */
function tableFind(text: string, start: number, end: number, h: number): number {
  const len = end - start;
  for (let slot = h & tableMask; ; slot = (slot + 1) & tableMask) {
    const e = tableSlots[2 * slot]!;
    if (e === 0) return -1;
    if (tableSlots[2 * slot + 1] !== h) continue;
    const w = tableWords[e - 1]!;
    if (w.length === len) {
      let k = 0;
      for (; k < len; k++) {
        const c = text.charCodeAt(start + k);
        if ((c >= 65 && c <= 90 ? c + 32 : c) !== w.charCodeAt(k)) break;
      }
      if (k === len) return e - 1;
    }
  }
}

function tableInsert(entry: number, h: number): void {
  let slot = h & tableMask;
  while (tableSlots[2 * slot] !== 0) slot = (slot + 1) & tableMask;
  tableSlots[2 * slot] = entry + 1;
  tableSlots[2 * slot + 1] = h;
}

function tableAdd(norm: string, info: WordInfo, h: number): void {
  if (tableWords.length >= MAX_MEMO_WORDS) return;
  if (2 * (tableWords.length + 1) > tableMask + 1) {
    // Half full: double, and place every word again by its hash.
    const size = 2 * (tableMask + 1);
    tableMask = size - 1;
    tableSlots = new Int32Array(2 * size);
    for (let e = 0; e < tableWords.length; e++) tableInsert(e, tableHashes[e]!);
  }
  tableInsert(tableWords.length, h);
  tableWords.push(norm);
  tableInfos.push(info);
  tableHashes.push(h);
}

function freshInfo(norm: string, info: WordInfo): WordInfo {
  if (info.vocab !== vocabSize()) refresh(norm, info);
  return info;
}

const NUMBER_PARTS = new Set(['odd', 'ish']);
/** "twelve", "half", and hyphenated ones: "twenty-five", "thirty-odd". */
function isNumberWord(w: string): boolean {
  if (NUMBER_WORDS.has(w)) return true;
  if (!w.includes('-')) return false;
  const parts = w.split('-');
  return NUMBER_WORDS.has(parts[0]!) && parts.every((p) => NUMBER_WORDS.has(p) || NUMBER_PARTS.has(p));
}

const NUMBER_WORDS = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen',
  'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'thousand', 'half', 'dozen', 'several', 'double', 'twice', 'thirteen', 'fourteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
]);

// Words (with inner apostrophes and hyphens), numbers (with %, decimals), or single punctuation marks.
const TOKEN_RE = /([\p{L}\p{M}]+(?:['’][\p{L}]+)*(?:-[\p{L}\p{M}]+)*)|(\d+(?:[.,]\d+)*%?)|([^\s\p{L}\p{M}\d])/gu;
const NON_ASCII = /[^\x00-\x7F]/;

export function isNumberToken(t: Token): boolean {
  return t.num;
}

/** Splits text into tokens with offsets. Never throws; linear in the input. */
export function tokenize(text: string): Token[] {
  return NON_ASCII.test(text) ? tokenizeUnicode(text) : tokenizeAscii(text);
}

function wordToken(raw: string, start: number): Token {
  const lower = raw.toLowerCase();
  const norm = lower.includes('’') ? lower.replace(/’/g, "'") : lower;
  return makeWord(raw, norm, start, raw[0] !== raw[0]!.toLowerCase());
}

function makeWord(raw: string, norm: string, start: number, capital: boolean): Token {
  const info = infoOf(norm);
  return { norm, stem: info.stem, kind: 'word', start, end: start + raw.length, capital, num: info.num, wc: info.wc, sid: info.sid, marks: info.marks };
}

function numberToken(raw: string, start: number): Token {
  return { norm: raw, stem: raw, kind: 'num', start, end: start + raw.length, capital: false, num: true, wc: 0, sid: -1, marks: 0 };
}

function punctToken(raw: string, start: number): Token {
  const norm = raw === '’' ? "'" : raw;
  return { norm, stem: norm, kind: 'punct', start, end: start + raw.length, capital: false, num: false, wc: 0, sid: -1, marks: markMarks(norm) };
}

export function tokenizeUnicode(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    if (m[1] !== undefined) out.push(wordToken(m[0], m.index));
    else if (m[2] !== undefined) out.push(numberToken(m[0], m.index));
    else out.push(punctToken(m[0], m.index));
  }
  return out;
}

const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** The same tokens as the Unicode pattern, for ASCII text, by a character scan (2-3x faster). */
export function tokenizeAscii(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c <= 32) { i++; continue; }
    const start = i;
    if (isLetter(c)) {
      i++;
      let hyphenated = false;
      let upper = c <= 90;
      // FNV-style hash of the lower-cased word, for the memo table.
      let h = Math.imul(2166136261 ^ (upper ? c + 32 : c), 16777619);
      for (;;) {
        while (i < n) {
          const d = text.charCodeAt(i);
          if (d >= 97 && d <= 122) { h = Math.imul(h ^ d, 16777619); i++; }
          else if (d >= 65 && d <= 90) { upper = true; h = Math.imul(h ^ (d + 32), 16777619); i++; }
          else break;
        }
        // An inner apostrophe ("didn't") or hyphen ("one-page") continues the word when a letter
        // follows; as in the Unicode pattern, apostrophes come before any hyphen.
        const d = text.charCodeAt(i);
        if (i + 1 < n && isLetter(text.charCodeAt(i + 1)) && ((d === 39 && !hyphenated) || d === 45)) {
          if (d === 45) hyphenated = true;
          h = Math.imul(h ^ d, 16777619);
          i++;
          continue;
        }
        break;
      }
      h ^= h >>> 15;
      const e = tableFind(text, start, i, h);
      let norm: string;
      let info: WordInfo;
      if (e >= 0) {
        norm = tableWords[e]!;
        info = freshInfo(norm, tableInfos[e]!);
      } else {
        const raw = text.slice(start, i);
        // No curly apostrophes in ASCII text.
        norm = upper ? raw.toLowerCase() : raw;
        info = infoOf(norm);
        tableAdd(norm, info, h);
      }
      out.push({ norm, stem: info.stem, kind: 'word', start, end: i, capital: c <= 90, num: info.num, wc: info.wc, sid: info.sid, marks: info.marks });
    } else if (isDigit(c)) {
      i++;
      for (;;) {
        while (i < n && isDigit(text.charCodeAt(i))) i++;
        const d = text.charCodeAt(i);
        if ((d === 46 || d === 44) && i + 1 < n && isDigit(text.charCodeAt(i + 1))) { i++; continue; }
        break;
      }
      if (text.charCodeAt(i) === 37) i++;
      out.push(numberToken(text.slice(start, i), start));
    } else {
      i++;
      out.push(punctToken(text[start]!, start));
    }
  }
  return out;
}

/** The same token read as another word form (same offsets): "dont" read as "don't". */
export function reread(t: Token, norm: string): Token {
  const info = infoOf(norm);
  return { norm, stem: info.stem, kind: 'word', start: t.start, end: t.end, capital: t.capital, num: info.num, wc: info.wc, sid: info.sid, marks: info.marks };
}
