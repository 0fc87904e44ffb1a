import type { Token } from '../text/tokenize.js';
import { isNumberToken } from '../text/tokenize.js';
import { compilePattern, type Slot } from './pattern.js';
import { stem } from '../text/stem.js';

export interface CompiledCue<T> {
  text: string;
  slots: Slot[];
  payload: T;
}

export interface CueMatch<T> {
  cue: CompiledCue<T>;
  /** Token index range [first, last). */
  first: number;
  last: number;
}

/** Cues indexed by the stems of their first word, so matching costs one map lookup per token. */
export class CueSet<T> {
  private readonly byStem = new Map<string, CompiledCue<T>[]>();
  private readonly byNumber: CompiledCue<T>[] = [];
  size = 0;

  add(text: string, payload: T): void {
    const slots = compilePattern(text);
    const cue: CompiledCue<T> = { text, slots, payload };
    const head = slots[0]!;
    if (head.type === 'number' || head.type === 'percent') this.byNumber.push(cue);
    else if (head.type === 'word') {
      // Exact forms are indexed under their stem too; slotAccepts then checks the form.
      for (const s of [...head.stems, ...[...head.exact].map(stem)]) {
        const list = this.byStem.get(s);
        if (!list) this.byStem.set(s, [cue]);
        else if (!list.includes(cue)) list.push(cue);
      }
    }
    this.size++;
  }

  /** Every match starting inside [first, last); matches never run past `last`. */
  matchRange(tokens: readonly Token[], first: number, last: number): CueMatch<T>[] {
    const out: CueMatch<T>[] = [];
    for (let i = first; i < last; i++) {
      const t = tokens[i]!;
      if (t.kind === 'punct') continue;
      const candidates = isNumberToken(t) ? [...(this.byStem.get(t.stem) ?? []), ...this.byNumber] : this.byStem.get(t.stem);
      if (!candidates) continue;
      for (const cue of candidates) {
        if (!slotAccepts(cue.slots[0]!, t)) continue;
        const end = matchFrom(tokens, i + 1, last, cue.slots, 1);
        if (end >= 0) out.push({ cue, first: i, last: end });
      }
    }
    return out;
  }
}

function slotAccepts(slot: Slot, t: Token): boolean {
  switch (slot.type) {
    case 'word': return t.kind === 'word' && (slot.stems.has(t.stem) || slot.exact.has(t.norm));
    case 'number': return isNumberToken(t);
    case 'percent': return t.kind === 'num' && t.norm.endsWith('%');
    case 'any': return t.kind !== 'punct';
    case 'gap': return false;
  }
}

/** Returns the token index just past the match, or -1. Shortest match wins (gaps are lazy). */
function matchFrom(tokens: readonly Token[], i: number, last: number, slots: Slot[], s: number): number {
  if (s === slots.length) return i;
  const slot = slots[s]!;
  if (slot.type === 'gap') {
    for (let skip = 0; skip <= slot.max; skip++) {
      const j = i + skip;
      if (j > last) break;
      if (skip > 0 && tokens[j - 1]!.kind === 'punct') break;
      const end = matchFrom(tokens, j, last, slots, s + 1);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (i >= last || !slotAccepts(slot, tokens[i]!)) return -1;
  return matchFrom(tokens, i + 1, last, slots, s + 1);
}
