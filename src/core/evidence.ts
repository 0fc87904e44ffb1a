import type { Doc } from './text/analyse.js';
import type { Clause } from './text/clauses.js';
import { COORDINATORS, REPORTING } from './text/lexicon.js';
import type { Shown, Span } from './types.js';

export function spanOf(doc: Doc, firstToken: number, lastToken: number): Span {
  const start = doc.tokens[firstToken]!.start;
  const end = doc.tokens[lastToken - 1]!.end;
  return { start, end, text: doc.text.slice(start, end) };
}

export function sentenceSpan(doc: Doc, sentence: number): Span {
  const s = doc.sentences[sentence]!;
  return { start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) };
}

/** The candidate's own clause: "I", or "we" in an answer where the candidate also acts as "I". */
export function isOwn(doc: Doc, c: Clause): boolean {
  return c.subject === 'self' || (c.subject === 'team' && doc.weIsOwn);
}

/** A clause in which the candidate really did something: their own, active, not negated, not hypothetical. */
export function isOwnAction(doc: Doc, c: Clause): boolean {
  if (!isOwn(doc, c) || !c.active || c.mode !== 'actual') return false;
  if (negates(c, c.verb < 0 ? c.first : c.verb)) return false;
  return doc.narrative || c.past;
}

/** How a cue match at `first` in clause `c` shows in the answer. */
/** Whether the token at `at` falls in the clause's negation ("I didn't ask why"). */
export function negates(c: Clause, at: number): boolean {
  return c.negatedFrom >= 0 && c.negatedFrom <= at && at < c.negatedTo;
}

const OPINION_VERBS = new Set(['think', 'believe', 'feel', 'reckon', 'guess']);

export function shownAt(doc: Doc, c: Clause, first: number, named: boolean): Shown {
  if (c.negatedFrom >= 0 && c.negatedFrom < first && first < c.negatedTo) return 'negated';
  if (named || c.scare) return 'named';
  if (isOwn(doc, c)) {
    if (c.delegatedFrom >= 0 && first >= c.delegatedFrom) return 'others';
    // "I think keeping in touch is really key": what the candidate thinks, not what they did.
    if (c.verb >= 0 && first > c.verb && OPINION_VERBS.has(doc.tokens[c.verb]!.norm)) return 'stated';
    if (c.mode === 'actual' && (doc.narrative || c.past)) return 'action';
    return 'step';
  }
  if (c.subject === 'other') return toldBy(doc, c) ?? 'others';
  return 'stated';
}

// "I asked her, what are you going to the hospital for": a question put in her words is the candidate's too.
const TELLING = new Set(['say', 'said', 'tell', 'told', 'explain', 'explained', 'advise', 'advised', 'warn', 'warned', 'ask', 'asked', 'show', 'showed']);

/**
 * "I tell him honestly this laptop is too much, is heavy, he don't need it": a clause about the
 * listener that goes on what the candidate was saying is their advice, shown as their saying it.
 * Not a clause joined on as a new event ("and she bought it"), nor one with a speaker of its own.
 */
function toldBy(doc: Doc, c: Clause): Shown | null {
  if (COORDINATORS.has(doc.tokens[c.first]!.norm)) return null;
  for (let i = c.first; i < c.last; i++) if (TELLING.has(doc.tokens[i]!.norm) || SPEECH.has(doc.tokens[i]!.norm)) return null;
  const at = doc.clauseOf[c.first]!;
  for (let k = at - 1; k >= 0 && k >= at - 3; k--) {
    const before = doc.clauses[k]!;
    if (before.sentence !== c.sentence || before.subject === 'other') return null;
    if (!isOwn(doc, before)) continue;
    for (let i = before.first; i < before.last; i++) {
      if (!TELLING.has(doc.tokens[i]!.norm)) continue;
      if (negates(before, i)) return null;
      return before.mode === 'actual' && (doc.narrative || before.past) ? 'action' : 'step';
    }
  }
  return null;
}

const CONCESSIVE = new Set(['but', 'yet', 'still', 'anyway']);
const SPEECH = new Set(['say', 'said', 'saying', 'says', 'tell', 'told', 'telling']);

/**
 * A warning sign the candidate sets aside rather than shows: "not my area, but I went over
 * anyway" (a concession followed by their own action), or "you never say 'not my problem'"
 * (speech the candidate rejects).
 */
export function setAside(doc: Doc, clause: number): boolean {
  const c = doc.clauses[clause]!;
  // Only the neighbouring clauses: in unpunctuated speech a "sentence" can be the whole answer.
  for (let k = clause + 1; k < doc.clauses.length && k <= clause + 2 && doc.clauses[k]!.sentence === c.sentence; k++) {
    const later = doc.clauses[k]!;
    if (CONCESSIVE.has(doc.tokens[later.first]!.norm) && (isOwnAction(doc, later) || couldAct(doc, later))) return true;
  }
  // "It was easy to blame goods-in; everyone did. Instead I went over and asked...": the next
  // sentence that opens on "instead" with the candidate's own step rejects what came before.
  for (let k = clause + 1; k < doc.clauses.length && doc.clauses[k]!.sentence <= c.sentence + 2; k++) {
    const later = doc.clauses[k]!;
    if (later.sentence === c.sentence || later.first !== doc.sentences[later.sentence]!.first) continue;
    if (doc.tokens[later.first]!.norm === 'instead' && (isOwnAction(doc, later) || couldAct(doc, later))) return true;
  }
  for (let k = clause - 1; k >= 0 && k >= clause - 2 && doc.clauses[k]!.sentence === c.sentence; k--) {
    const earlier = doc.clauses[k]!;
    if (earlier.negatedFrom < 0) continue;
    for (let i = earlier.negatedFrom; i < earlier.last; i++) if (SPEECH.has(doc.tokens[i]!.norm)) return true;
  }
  // "I showed them the SIM-only deal, even though it does nothing for my target": a sign in a
  // clause of concession is what the candidate acted despite, when they act in the same sentence.
  const head = doc.tokens[c.first]!.norm;
  const next = c.first + 1 < c.last ? doc.tokens[c.first + 1]!.norm : '';
  if (CONCEDING.has(head) || (head === 'even' && (next === 'though' || next === 'if'))) {
    for (const other of doc.clauses) {
      if (other.sentence !== c.sentence || other === c) continue;
      if (isOwnAction(doc, other) || (isOwn(doc, other) && other.active && other.mode === 'hypothetical' && other.negatedFrom < 0)) return true;
    }
  }
  return false;
}

const CONCEDING = new Set(['though', 'although', 'despite', 'regardless']);

/** "but I could authorise exceptions": in a story, "could" is what the candidate was able to do. */
function couldAct(doc: Doc, c: Clause): boolean {
  if (!doc.narrative || !isOwn(doc, c) || c.negatedFrom >= 0) return false;
  for (let i = c.first; i < c.last; i++) if (doc.tokens[i]!.norm === 'could') return true;
  return false;
}

const RANK: Record<Shown, number> = { action: 5, step: 4, stated: 3, named: 2, others: 1, negated: 0 };
export function strongest(a: Shown, b: Shown): Shown {
  return RANK[a] >= RANK[b] ? a : b;
}

/** How a result cue shows: 'action' when it happened in the story, whoever did it. */
export function outcomeAt(doc: Doc, c: Clause, first: number, named: boolean): Shown {
  if (c.negatedFrom >= 0 && c.negatedFrom < first && first < c.negatedTo) return 'negated';
  if (named) return 'named';
  if (c.mode === 'hypothetical') return 'step';
  // "I suggested booking him in every five weeks": an outcome proposed, not one that happened;
  // "I believe that's how you create a loyal customer": an opinion, not an outcome.
  if (isOwn(doc, c)) {
    for (let i = c.first; i < first; i++) {
      if (PROPOSING.has(doc.tokens[i]!.norm)) return 'step';
      if (OPINION.has(doc.tokens[i]!.norm)) return 'stated';
    }
  }
  return doc.narrative ? 'action' : 'stated';
}

const OPINION = new Set(['believe', 'think', 'reckon', 'feel', 'hope', 'guess', 'suppose']);
const PROPOSING = new Set(['suggest', 'suggested', 'offer', 'offered', 'recommend', 'recommended', 'advise', 'advised', 'proposed', 'invited']);

const PERFECT_BETWEEN = new Set(['already', 'just', 'never', 'been', 'recently']);

/**
 * "He said she had stopped jumping on the sofa": what someone reports in the past perfect
 * happened before the story's events (its backstory), so it is no result.
 */
export function reportedBackstory(doc: Doc, clause: number, at: number, last = at): boolean {
  const c = doc.clauses[clause]!;
  const isAux = (n: string | undefined): boolean => n === 'had' || n === "hadn't" || n === "she'd" || n === "he'd" || n === "they'd";
  // The auxiliary just before the matched words, or inside them ("her husband had just come home").
  let k = at - 1;
  while (k > c.first && PERFECT_BETWEEN.has(doc.tokens[k]!.norm)) k--;
  if (k < c.first || !isAux(doc.tokens[k]?.norm)) {
    k = -1;
    for (let i = at; i < last - 1 && i < c.last; i++) if (isAux(doc.tokens[i]!.norm)) { k = i; break; }
  }
  if (k < c.first) return false;
  for (let i = c.first; i < k; i++) if (REPORTING.has(doc.tokens[i]!.norm)) return true;
  const before = doc.clauses[clause - 1];
  if (before && before.sentence === c.sentence) for (let i = before.first; i < before.last; i++) if (REPORTING.has(doc.tokens[i]!.norm)) return true;
  return false;
}
