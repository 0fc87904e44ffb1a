import type { Token } from './tokenize.js';

// Common English function words, none of which is also a common word in Spanish, French, German,
// Italian or Portuguese ("a", "me", "die", "son" are left out for that reason).
const ENGLISH = new Set([
  'the', 'and', 'i', 'to', 'of', 'was', 'it', 'he', 'she', 'in', 'that', 'for', 'my', 'with', 'on', 'we', 'they', 'but',
  'so', 'at', 'her', 'his', 'is', 'be', 'had', 'have', 'not', 'what', 'were', 'you', 'him', 'them', 'this', 'would',
  'there', 'their', 'our', 'from', 'an', 'when', 'if', 'she', 'could', 'did', 'then', 'which', 'who', 'because', 'about',
  "i'd", "i'm", 'just', 'out', 'up', 'all', 'get', 'got', 'said', 'customer', 'customers', 'been', 'it\'s',
]);

/**
 * Whether a text reads as English: among its first words, enough are common English function
 * words. Short texts are given the benefit of the doubt.
 */
export function looksEnglish(tokens: Token[]): boolean {
  let words = 0;
  let english = 0;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    words++;
    if (ENGLISH.has(t.norm)) english++;
    if (words >= 200) break;
  }
  return words < 8 || english * 100 >= words * 12;
}
