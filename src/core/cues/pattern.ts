import { stem } from '../text/stem.js';
import { internStem, noteCueWord } from './vocab.js';

/**
 * A cue pattern, compiled from rubric text such as "ask ... what|why|how" or "complaints fell|dropped by #".
 *  - words are matched on their Porter stems, so "asked her why" and "asking what" both match "ask ... why|what";
 *  - `a|b` offers alternatives for one word; `=word` matches that exact form only (no stemming:
 *    "=personally" must not match "people person");
 *  - `...` skips up to four words (never punctuation), `_` is exactly one word;
 *  - `,` `;` `:` match that mark itself, so a cue can reach across one ("decision , not mine");
 *  - `#` is a number (digits, "30%", or a number word such as "twelve" or "half"); `#%` is a percentage.
 */
export type Slot =
  | { type: 'word'; stems: ReadonlySet<string>; ids: ReadonlySet<number>; exact: ReadonlySet<string> }
  | { type: 'gap'; max: number }
  | { type: 'any' }
  | { type: 'mark'; mark: string }
  | { type: 'number' }
  | { type: 'percent' };

export const GAP_MAX = 4;
/**
 * Limits that keep matching bounded whatever a rubric says: a gap tries up to GAP_MAX + 1
 * lengths, so a cue's work per starting word grows as 5^gaps; three gaps (125 paths, against the
 * bundled rubric's two) and twelve slots keep every cue cheap on any answer.
 */
export const MAX_GAPS = 3;
export const MAX_SLOTS = 12;

export class CuePatternError extends Error {
  constructor(readonly cue: string, message: string) {
    super(message);
    this.name = 'CuePatternError';
  }
}

function normaliseWord(w: string): string {
  return w.toLowerCase().replace(/’/g, "'");
}

export function compilePattern(cue: string): Slot[] {
  const parts = cue.trim().split(/\s+/).filter((p) => p.length > 0);
  if (parts.length === 0) throw new CuePatternError(cue, 'empty cue');
  const slots: Slot[] = [];
  for (const p of parts) {
    if (p === '...') slots.push({ type: 'gap', max: GAP_MAX });
    else if (p === '_') slots.push({ type: 'any' });
    else if (p === ',' || p === ';' || p === ':') slots.push({ type: 'mark', mark: p });
    else if (p === '#') slots.push({ type: 'number' });
    else if (p === '#%') slots.push({ type: 'percent' });
    else {
      const alts = p.split('|').filter((a) => a.length > 0);
      if (alts.length === 0) throw new CuePatternError(cue, `empty alternative in "${p}"`);
      for (const a of alts) {
        if (!/^=?[\p{L}\p{M}'’-]+$/u.test(a)) throw new CuePatternError(cue, `"${a}" is not a word (use letters, apostrophes, hyphens, =word for an exact form; or ..., _, #, #%, or a lone , ; or :)`);
      }
      const exact = alts.filter((a) => a.startsWith('=')).map((a) => normaliseWord(a.slice(1)));
      const plain = alts.filter((a) => !a.startsWith('=')).map((a) => normaliseWord(a));
      for (const w of plain) noteCueWord(w);
      const stems = plain.map((a) => stem(a));
      slots.push({ type: 'word', stems: new Set(stems), ids: new Set(stems.map(internStem)), exact: new Set(exact) });
    }
  }
  if (slots.filter((x) => x.type === 'gap').length > MAX_GAPS) throw new CuePatternError(cue, `a cue can have at most ${MAX_GAPS} "..." gaps`);
  if (slots.length > MAX_SLOTS) throw new CuePatternError(cue, `a cue can have at most ${MAX_SLOTS} words, gaps and numbers`);
  const first = slots[0]!;
  const lastSlot = slots[slots.length - 1]!;
  if (first.type === 'gap' || first.type === 'any' || first.type === 'mark') throw new CuePatternError(cue, 'a cue cannot start with "...", "_" or a punctuation mark');
  if (lastSlot.type === 'gap') throw new CuePatternError(cue, 'a cue cannot end with "..."');
  return slots;
}
