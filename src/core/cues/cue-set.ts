import type { Token } from '../text/tokenize.js';
import { isNumberToken } from '../text/tokenize.js';
import { stem } from '../text/stem.js';
import { internStem } from './vocab.js';
import { compilePattern, type Slot } from './pattern.js';

export interface CompiledCue<T> {
  text: string;
  slots: Slot[];
  payload: T;
  /** The first slot must be checked against the token: it is not a plain stemmed word (the index found it by stem). */
  checkHead: boolean;
  /**
   * The stem ids of the cue's last word slot after its second slot (null when there is none, or
   * it has exact forms): one of them must be in the sentence for the cue to match, a cheap test
   * that spares most cues with gaps the walk through them.
   */
  needs: Int32Array | null;
}

export interface CueMatch<T> {
  cue: CompiledCue<T>;
  /** Token index range [first, last). */
  first: number;
  last: number;
}

/**
 * Cues that share a first word. Most cues continue with a plain word, so they are indexed again
 * by its stem: a token then costs one lookup for its own stem and one for the next word's, and
 * only cues that can still match are tried.
 */
interface Bucket<T> {
  bySecond: Map<number, CompiledCue<T>[]>;
  rest: CompiledCue<T>[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** Cues indexed by the stems of their first two words, so matching stays cheap as rubrics grow. */
export class CueSet<T> {
  /** Buckets by the stem id (cues/vocab.ts) of a cue's first word. */
  // A dense array (never holes: holey arrays fall back to slow elements) indexed by stem id.
  private readonly byStem: Array<Bucket<T> | null> = [];
  private readonly byNumber: CompiledCue<T>[] = [];
  size = 0;

  add(text: string, payload: T): void {
    const slots = compilePattern(text);
    const head = slots[0]!;
    let needs: Int32Array | null = null;
    for (let k = slots.length - 1; k >= 2; k--) {
      const slot = slots[k]!;
      if (slot.type === 'word') {
        if (slot.exact.size === 0) needs = Int32Array.from(slot.ids);
        break;
      }
    }
    const cue: CompiledCue<T> = { text, slots, payload, checkHead: head.type !== 'word' || head.exact.size > 0, needs };
    if (head.type === 'number' || head.type === 'percent') this.byNumber.push(cue);
    else if (head.type === 'word') {
      const second = slots[1];
      // Exact forms are indexed under their stem too; slotAccepts then checks the form.
      for (const id of [...head.ids, ...[...head.exact].map((e) => internStem(stem(e)))]) {
        while (this.byStem.length <= id) this.byStem.push(null);
        let bucket = this.byStem[id]!;
        if (!bucket) this.byStem[id] = bucket = { bySecond: new Map(), rest: [] };
        if (second && second.type === 'word' && second.exact.size === 0) {
          for (const id2 of second.ids) push(bucket.bySecond, id2, cue);
        } else if (!bucket.rest.includes(cue)) bucket.rest.push(cue);
      }
    }
    this.size++;
  }

  /** Stem ids present in the range being matched, one bit each (set and cleared per call). */
  private present = new Uint32Array(64);

  private mark(tokens: readonly Token[], first: number, last: number, on: boolean): void {
    for (let i = first; i < last; i++) {
      const sid = tokens[i]!.sid;
      if (sid < 0) continue;
      const w = sid >>> 5;
      if (w >= this.present.length) {
        if (!on) continue;
        const grown = new Uint32Array(Math.max(w + 1, this.present.length * 2));
        grown.set(this.present);
        this.present = grown;
      }
      if (on) this.present[w]! |= 1 << (sid & 31);
      else this.present[w] = 0;
    }
  }

  /** Every match starting inside [first, last); matches never run past `last`. */
  matchRange(tokens: readonly Token[], first: number, last: number): CueMatch<T>[] {
    const out: CueMatch<T>[] = [];
    this.mark(tokens, first, last, true);
    try {
      this.scan(tokens, first, last, out);
    } finally {
      this.mark(tokens, first, last, false);
    }
    return out;
  }

  private scan(tokens: readonly Token[], first: number, last: number, out: CueMatch<T>[]): void {
    for (let i = first; i < last; i++) {
      const t = tokens[i]!;
      const sid = t.sid;
      if (sid < 0 && !t.num) continue;
      const bucket = sid >= 0 && sid < this.byStem.length ? this.byStem[sid]! : null;
      if (bucket) {
        if (bucket.rest.length > 0) this.tryAll(bucket.rest, tokens, i, last, out, 1);
        const next = tokens[i + 1];
        if (next !== undefined && i + 1 < last && next.kind === 'word' && bucket.bySecond.size > 0) {
          // Found under the next word's stem: the second slot is already matched.
          const cands = next.sid >= 0 ? bucket.bySecond.get(next.sid) : undefined;
          if (cands) this.tryAll(cands, tokens, i, last, out, 2);
        }
      }
      if (t.num && this.byNumber.length > 0) this.tryAll(this.byNumber, tokens, i, last, out, 1);
    }
  }

  private hasAny(ids: Int32Array): boolean {
    const present = this.present;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      const w = id >>> 5;
      if (w < present.length && (present[w]! & (1 << (id & 31))) !== 0) return true;
    }
    return false;
  }

  private tryAll(cues: CompiledCue<T>[], tokens: readonly Token[], i: number, last: number, out: CueMatch<T>[], from: 1 | 2): void {
    const t = tokens[i]!;
    for (let c = 0; c < cues.length; c++) {
      const cue = cues[c]!;
      // The index found the cue by this token's stem, so only exact forms need checking here.
      if (cue.checkHead && !slotAccepts(cue.slots[0]!, t)) continue;
      if (cue.needs !== null && !this.hasAny(cue.needs)) continue;
      const end = matchFrom(tokens, i + from, last, cue.slots, from);
      if (end >= 0) out.push({ cue, first: i, last: end });
    }
  }
}

function slotAccepts(slot: Slot, t: Token): boolean {
  switch (slot.type) {
    case 'word': return t.kind === 'word' && (slot.ids.has(t.sid) || (slot.exact.size > 0 && slot.exact.has(t.norm)));
    case 'number': return isNumberToken(t);
    case 'percent': return t.kind === 'num' && t.norm.endsWith('%');
    case 'any': return t.kind !== 'punct';
    case 'mark': return t.kind === 'punct' && t.norm === slot.mark;
    case 'gap': return false;
  }
}

/** Returns the token index just past the match, or -1. Shortest match wins (gaps are lazy). */
function matchFrom(tokens: readonly Token[], i: number, last: number, slots: Slot[], s: number): number {
  // Plain slots one after another; only a gap needs to try its lengths (by recursion).
  for (; s < slots.length; s++, i++) {
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
  }
  return i;
}
