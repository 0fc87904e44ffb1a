import type { Token } from './tokenize.js';
import { M_ENGLISH } from './word-marks.js';

/**
 * Whether a text reads as English: among its first words, enough are common English function
 * words (word-marks.ts). Short texts are given the benefit of the doubt.
 */
export function looksEnglish(tokens: Token[]): boolean {
  let words = 0;
  let english = 0;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    words++;
    if ((t.marks & M_ENGLISH) !== 0) english++;
    if (words >= 200) break;
  }
  return words < 8 || english * 100 >= words * 12;
}
