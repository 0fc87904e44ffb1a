import type { AnswerCue } from './compile.js';
import { isOwnAction, reportedBackstory, sentenceSpan } from './evidence.js';
import type { Doc } from './text/analyse.js';
import type { Clause } from './text/clauses.js';
import { COORDINATORS, W_MODAL, W_PREP, W_SELF, W_TEAM } from './text/lexicon.js';
import type { Span, StarPartName, StarPartResult } from './types.js';
import type { CueMatch } from './cues/cue-set.js';

const NOT_YET = new Set(['before', 'until', 'till', 'unless']);
const SUBORDINATE = new Set(['before', 'after', 'when', 'until', 'because', 'if', 'since', 'while', 'although', 'though', 'unless', 'which', 'who', 'what', 'whether', 'how', 'why']);

/** Sentences with a match of the given STAR kind in a clause that passes `ok`. */
function sentencesWith(doc: Doc, bySentence: ReadonlyArray<ReadonlyArray<CueMatch<AnswerCue>>>, want: (p: AnswerCue) => boolean, ok: (clause: number, at: number) => boolean): number[] {
  const hits: number[] = [];
  bySentence.forEach((ms, si) => {
    if (ms.some((m) => want(m.cue.payload) && doc.clauseOf[m.first]! >= 0 && ok(doc.clauseOf[m.first]!, m.first))) hits.push(si);
  });
  return hits;
}

/**
 * The candidate's own step, said as theirs: "I called her the next morning", "... and rang her
 * the next day". Not a sentence that only opens like a diary entry ("Bounced calls dropped").
 */
function ownStep(doc: Doc, ci: number, at: number): boolean {
  const c = doc.clauses[ci]!;
  // "Next morning I spoke with the practice manager": a time phrase cut off before the candidate's
  // own clause belongs to that step.
  if (c.subject === 'none' && c.last - c.first <= 4) {
    const next = doc.clauses[ci + 1];
    if (next !== undefined && next.sentence === c.sentence && next.first === c.last && isOwnAction(doc, next)) return true;
  }
  if (!isOwnAction(doc, c)) return false;
  if (COORDINATORS.has(doc.tokens[c.first]!.norm)) return true;
  for (let i = c.first; i < at; i++) if (doc.tokens[i]!.wc & (W_SELF | W_TEAM)) return true;
  return false;
}

function part(doc: Doc, sentences: number[]): StarPartResult {
  const spans: Span[] = sentences.map((s) => sentenceSpan(doc, s));
  return { present: spans.length > 0, spans };
}

/** Notes that label their parts: "S: call centre...", "Task: get her money back". */
const LABELS = {
  situation: new Set(['s', 'situ', 'situation', 'context']),
  task: new Set(['t', 'task', 'goal', 'aim']),
  result: new Set(['r', 'result', 'results', 'outcome']),
};

/** Sentences that open with a part's label and a colon, and hold words after it. */
function labelled(doc: Doc, names: ReadonlySet<string>): number[] {
  const out: number[] = [];
  doc.sentences.forEach((s, si) => {
    const a = doc.tokens[s.first];
    const b = doc.tokens[s.first + 1];
    if (a && b && a.kind === 'word' && names.has(a.norm) && b.norm === ':' && s.last - s.first > 3) out.push(si);
  });
  return out;
}

function merge(a: number[], b: number[]): number[] {
  if (b.length === 0) return a;
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

/**
 * "... we made a short guide so all receptionists can offer it": what a step is for, "so" and a
 * can / could / would or a present tense, is not what came of it.
 */
function purpose(doc: Doc, c: Clause): boolean {
  const first = doc.tokens[c.first]!.norm;
  if (first !== 'so' && first !== 'that') return false;
  for (let i = c.first + 1; i < c.last && i <= c.first + 5; i++) {
    const t = doc.tokens[i]!;
    if ((t.wc & W_MODAL) !== 0 || t.norm === 'can' || t.norm === "can't" || t.norm === 'cannot') return true;
  }
  // "... to our order form so customers choose the size themselves": a present tense with a
  // subject and verb of its own (not "so yeah") is what a step is for, unless it says it is so now
  // ("so now she comes every week").
  if (c.past || c.mode !== 'actual' || c.subject === 'none' || c.verb < c.first + 2) return false;
  for (let i = c.first + 1; i < c.last; i++) if (NOW.has(doc.tokens[i]!.norm)) return false;
  return true;
}

const NOW = new Set(['now', 'still', 'since', 'always', 'every', 'anymore', 'today', 'nowadays']);

/** The clause opens after "by the time" or "at the time" ("... by the time I left"). */
function byTheTime(doc: Doc, first: number): boolean {
  const t = doc.tokens;
  return t[first - 1]?.norm === 'time' && t[first - 2]?.norm === 'the' && (t[first - 3]?.norm === 'by' || t[first - 3]?.norm === 'at');
}

/**
 * STAR parts exactly as levels.md defines them. Situation, Task and Result belong to a story (a
 * hypothetical "I would..." answer has none); Action is the candidate's own, real action.
 */
export function findStar(doc: Doc, bySentence: ReadonlyArray<ReadonlyArray<CueMatch<AnswerCue>>>): Record<StarPartName, StarPartResult> {
  const real = (ci: number): boolean => doc.clauses[ci]!.mode !== 'hypothetical';
  const inStory = doc.narrative;
  const isPart = (part: 'situation' | 'task' | 'result') => (p: AnswerCue): boolean => p.kind === 'star' && p.part === part;
  const situation = inStory ? merge(sentencesWith(doc, bySentence, isPart('situation'), real), labelled(doc, LABELS.situation)) : [];
  const task = inStory ? merge(sentencesWith(doc, bySentence, isPart('task'), real), labelled(doc, LABELS.task)) : [];
  const action = new Set<number>();
  let lastActionToken = -1;
  if (inStory) {
    for (const c of doc.clauses) {
      if (!isOwnAction(doc, c)) continue;
      action.add(c.sentence);
      lastActionToken = c.first;
    }
  }
  const vague = new Set(sentencesWith(doc, bySentence, (p) => p.kind === 'vague', () => true));
  // A Result follows an Action: time and outcome phrases before the first action set the scene.
  let firstAction = Infinity;
  for (const s of action) if (s < firstAction) firstAction = s;
  // An outcome on the way (the customer's choice) ends the story only if nothing is done after it,
  // in a later sentence or later in its own ("She chose the consultation, and I checked the time").
  const interimAfter = (ci: number): boolean => real(ci) && doc.clauses[ci]!.first > lastActionToken && !purpose(doc, doc.clauses[ci]!);
  const interim = sentencesWith(doc, bySentence, (p) => p.kind === 'interim', interimAfter).filter((s) => !vague.has(s) && s >= firstAction);
  // A time phrase or an outcome verb tells a result only where it is not the candidate's own step.
  const dated = sentencesWith(doc, bySentence, (p) => p.kind === 'not-own-step', (ci, at) => real(ci) && !ownStep(doc, ci, at) && !reportedBackstory(doc, ci, at)).filter((s) => !vague.has(s) && s >= firstAction);
  // Not in a clause of what had to happen first: "to sort it before it went out".
  const notYet = (ci: number): boolean => NOT_YET.has(doc.tokens[doc.clauses[ci]!.first]!.norm);
  const cued = sentencesWith(doc, bySentence, isPart('result'), (ci, at) => real(ci) && !notYet(ci) && !reportedBackstory(doc, ci, at)).filter((s) => !vague.has(s) && s >= firstAction);
  const result = inStory ? merge(merge(merge(cued, dated), interim), labelled(doc, LABELS.result)) : [];
  // A story's closing sentence about what happened to someone else is its result, cue or not
  // ("She had the report ready for Monday's meeting.").
  const lastSentence = doc.sentences.length - 1;
  // The sentence's last main clause: "I suggested a drop-in, and it now gets a dozen people a week";
  // not a subordinate one ("... before the fixed rate ended"), a prepositional tail, or the end of
  // "by the time I left".
  const closing = [...doc.clauses].reverse().find((c) => c.sentence === lastSentence && !SUBORDINATE.has(doc.tokens[c.first]!.norm) && (doc.tokens[c.first]!.wc & W_PREP) === 0 && !byTheTime(doc, c.first));
  if (inStory && closing && !vague.has(lastSentence) && !result.includes(lastSentence) && !purpose(doc, closing)
    && (closing.subject === 'other' || closing.subject === 'team' || closing.subject === 'impersonal') && closing.mode !== 'hypothetical') {
    result.push(lastSentence);
  }
  return {
    situation: part(doc, situation),
    task: part(doc, task),
    action: part(doc, [...action].sort((a, b) => a - b)),
    result: part(doc, result),
  };
}
