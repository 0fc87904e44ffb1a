import { analyseClauses, type Clause } from './clauses.js';
import { splitSentences, type SentenceRange } from './sentences.js';
import { restoreApostrophes } from './apostrophes.js';
import { readShorthand } from './shorthand.js';
import { joinAppositives } from './appositives.js';
import { dropFillers } from './fillers.js';
import { tokenize, type Token } from './tokenize.js';
import { COORDINATORS, W_NOUN, W_OTHER, W_PERSONAL, W_SELF, W_TEAM } from './lexicon.js';

export interface Doc {
  text: string;
  tokens: Token[];
  sentences: SentenceRange[];
  clauses: Clause[];
  /** Clause index of every token (-1 for tokens outside any clause). */
  clauseOf: number[];
  /** The answer tells a story of its own: past events in which the candidate acts. */
  narrative: boolean;
  /**
   * "We" counts as the candidate's own doing only beside actions of their own as "I": a story told
   * entirely in "we" does not show what the candidate did.
   */
  weIsOwn: boolean;
}

/** Upper bound on analysed text: beyond this an answer is no longer an interview answer, and time must stay bounded. */
export const MAX_ANALYSED_CHARS = 20_000;

/**
 * Tokens, sentences and clauses of a text. `isScene` says whether a sentence sets a scene (a
 * place, a time, a customer arriving): with one, present-tense own actions make a story too.
 */
export function analyse(raw: string, isScene?: (sentence: number, tokens: Token[], first: number, last: number) => boolean): Doc {
  // Offsets stay valid: only characters past the bound are dropped, never any before them.
  const text = raw.length > MAX_ANALYSED_CHARS ? raw.slice(0, MAX_ANALYSED_CHARS) : raw;
  const tokens = dropFillers(restoreApostrophes(joinAppositives(readShorthand(tokenize(text)))));
  const sentences = splitSentences(text, tokens);
  const clauses = analyseClauses(tokens, sentences);
  // A plain array: allocating a small typed array costs more than the whole loop.
  const clauseOf = new Array<number>(tokens.length).fill(-1);
  clauses.forEach((c, ci) => {
    for (let i = c.first; i < c.last; i++) clauseOf[i] = ci;
  });
  let ownPast = 0;
  let anyPast = 0;
  let ownActual = 0;
  let hypothetical = 0;
  let weIsOwn = false;
  for (const c of clauses) if (c.subject === 'self' && c.active) weIsOwn = true;
  for (const c of clauses) {
    const own = c.subject === 'self' || (c.subject === 'team' && weIsOwn);
    // What was only wished or intended belongs to a story told in the past.
    if (c.mode === 'hypothetical' && !c.counterfactual) hypothetical++;
    if (c.mode !== 'actual') continue;
    if (c.past) anyPast++;
    if (own && c.active) {
      ownActual++;
      if (c.past) ownPast++;
    }
  }
  // Non-native speakers often tell stories in the present ("I ask him what it is for, he say...");
  // a story still shows in past-tense scene-setting around those present-tense actions.
  // Every sentence is offered to isScene (callers collect per-sentence matches through it).
  let scene = false;
  if (isScene) sentences.forEach((s, i) => { if (isScene(i, tokens, s.first, s.last)) scene = true; });
  // A story is told in past events (whoever acts in them: a story with no action of the
  // candidate's own is still a story, and a weak one), or in the present after a scene is set.
  // An answer mostly in "I'd..." steps around a made-up scene ("Say someone came in...") is not one.
  const narrative = ((ownPast >= 1 && anyPast >= 2) || anyPast >= 3 || (scene && ownActual >= 2)) && anyPast + ownActual > hypothetical;
  // "You'd want to find out first why they feel they have to ask": outside a story, the generic
  // "you" of a plan is the speaker's own.
  // The steps strung on after it ("... you'd sit down with each of them and ask ...") are too.
  if (!narrative) {
    let carried = -1; // the sentence whose plan is being told in "you"
    for (const c of clauses) {
      if (c.subject !== 'other') carried = -1;
      else if (genericYou(tokens, c)) { c.subject = 'self'; carried = c.sentence; }
      else if (carried === c.sentence && COORDINATORS.has(tokens[c.first]!.norm) && !namesSomeone(tokens, c)) c.subject = 'self';
      else carried = -1;
    }
  }
  return { text, tokens, sentences, clauses, clauseOf, narrative, weIsOwn };
}

/** A person named before the clause's verb: its own subject, not one carried over. */
function namesSomeone(tokens: Token[], c: Clause): boolean {
  const end = c.verb >= 0 ? c.verb : c.last;
  for (let i = c.first; i < end; i++) if ((tokens[i]!.wc & (W_OTHER | W_PERSONAL | W_NOUN | W_SELF | W_TEAM)) !== 0) return true;
  return false;
}

// Not "you must be honest", "you should always...": maxims, not a plan.
const YOU_THEN = new Set(['would', 'will', 'could', 'can', 'need', 'have', 'want']);

/** The clause's subject is "you'd", "you'll" or "you" with a modal: the generic "you" of a plan. */
function genericYou(tokens: Token[], c: Clause): boolean {
  const end = Math.min(c.verb >= 0 ? c.verb + 1 : c.last, c.first + 8); // past an opener: "so in the first week you'd"
  for (let i = c.first; i < end; i++) {
    const n = tokens[i]!.norm;
    if (n === "you'd" || n === "you'll") return true;
    if (n === 'you') return YOU_THEN.has(tokens[i + 1]?.norm ?? '');
  }
  return false;
}
