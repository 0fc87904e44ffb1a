import type { Token } from './tokenize.js';
import type { SentenceRange } from './sentences.js';
import {
  CONTINUES_BEFORE_SUBJECT, NEGATORS, REPORTING, SELF_SUBJECT, STATIVE, TEAM_SUBJECT, looksPast, looksPastParticiple,
  W_ADV, W_BE, W_BREAK, W_COND, W_DET, W_DO, W_HABIT, W_HAVE, W_IMPERSONAL, W_LEAD, W_MODAL, W_MOOD, W_NEG, W_NOUN,
  W_IMPERATIVE, W_NOMINATIVE, W_OTHER, W_PAST, W_PERSONAL, W_PREP, W_SELF, W_STATIVE, W_SUB, W_TEAM,
} from './lexicon.js';

const SAY_SUPPOSES_AFTER = new Set(['and', 'so', 'but', 'or', 'then', 'well', 'like', "let's", 'lets']);

/** Who does the clause's verb: the candidate, their team ("we"), someone else, or nobody named. */
export type Subject = 'self' | 'team' | 'other' | 'impersonal' | 'none';
/** actual: it happened (past, or a story told in the present); hypothetical: would/will/if; habitual: always/usually. */
export type Mode = 'actual' | 'hypothetical' | 'habitual';

export interface Clause {
  sentence: number;
  /** Token index range [first, last). */
  first: number;
  last: number;
  subject: Subject;
  mode: Mode;
  past: boolean;
  /** Token index of the first negator, or -1. Cues from it up to negatedTo are negated. */
  negatedFrom: number;
  /** End (exclusive) of the negation's scope: the clause end, or for "instead of" / "rather than" / "without", the next subject. */
  negatedTo: number;
  /** Token index of the clause's main verb as far as a word-list parser can tell, or -1. */
  verb: number;
  /** The verb is an action (not be / think / want ...). */
  active: boolean;
  /** Words the speaker says in quotes ("I said, "What is it for?""). */
  quoted: boolean;
  /**
   * A short phrase in quotes that nobody says ("I "actively listened""): scare quotes, which keep
   * the words at arm's length. Cues in it are named, not shown.
   */
  scare: boolean;
  /**
   * Token index from which the clause's action is someone else's, or -1: "I got my supervisor to
   * take over", "telling them to set it up again" (the one asked does what follows "to").
   */
  delegatedFrom: number;
  /**
   * Wished, intended or weighed in the past and not done ("I wish I'd rung", "I was going to
   * ring", "I thought about asking"): hypothetical, yet part of a story, not steps for the future.
   */
  counterfactual: boolean;
}


function hasSubjectBefore(tokens: Token[], from: number, to: number, set: ReadonlySet<string>): boolean {
  for (let j = from; j < to; j++) if (set.has(tokens[j]!.norm)) return true;
  return false;
}

/** Words after which a subject pronoun continues the clause ("asked what she needed", "so that i could"). */
function opensClauseAfter(prev: Token): boolean {
  if (prev.kind === 'punct') return false;
  if (prev.kind === 'num') return true;
  return (prev.wc & (W_SUB | W_BREAK)) === 0 && !CONTINUES_BEFORE_SUBJECT.has(prev.norm);
}

/**
 * Whether the words so far hold a verb: "on my lunch break I walked" is one clause (the phrase
 * before "I" sets the time), "a man wanted the big drill i asked" two.
 */
function hasVerb(tokens: Token[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const t = tokens[j]!;
    if (t.kind !== 'word') continue;
    // "if the kitchen's behind i'd go round": a noun's "'s" is often "is".
    if ((t.wc & (W_PAST | W_BE | W_HAVE | W_DO | W_MODAL | W_STATIVE | W_NEG)) !== 0 || (t.norm.length > 4 && t.norm.endsWith('ing')) || (t.norm.length > 3 && t.norm.endsWith("'s"))) return true;
  }
  return false;
}

/**
 * "I told the supervisor I'd swap", "I told them they could decide": what the speaker says stays in
 * the reporting clause; what they think of someone else does not ("I think she gave him a voucher"
 * is her doing).
 */
function reportsSpeech(tokens: Token[], from: number, to: number, anyone: boolean): boolean {
  for (let j = from; j < to; j++) if (REPORTING.has(tokens[j]!.norm) && (!anyone || TELLING.has(tokens[j]!.norm))) return true;
  return false;
}

/** Verbs of telling: what the speaker tells others ("told them they could decide") is their own act. */
const TELLING = new Set(['said', 'say', 'says', 'told', 'tell', 'tells', 'explained', 'explain', 'promised', 'promise', 'assured', 'reassured', 'warned', 'agreed', 'suggested', 'insisted', 'confirmed']);

// "who", "which", "whoever" open a relative clause: a clause after it with no subject of its own
// ("I'd ring the customers who got stuck, help each one finish") goes on with the main clause's.
const SUBORDINATE_OPENERS = new Set(['while', 'whilst', 'when', 'because', 'although', 'though', 'as', 'since', 'whereas', 'until', 'if', 'unless', 'before', 'after', 'once', 'who', 'which', 'whoever', 'whom']);
/** "when they need it", "and when they need it": a clause that opens with a subordinator. */
function opensSubordinate(tokens: Token[], c: Clause): boolean {
  return SUBORDINATE_OPENERS.has(tokens[c.first]!.norm) || (c.first + 1 < c.last && (tokens[c.first]!.wc & W_BREAK) !== 0 && SUBORDINATE_OPENERS.has(tokens[c.first + 1]!.norm));
}

/** "1st", "2nd": the letters after the digits of an ordinal ("1st: ring them"). */
const ORDINAL_ENDS = new Set(['st', 'nd', 'rd', 'th']);
const QUOTES = new Set(['"', '“', '”']);
const SPEECH_VERBS = new Set(['said', 'say', 'says', 'asked', 'ask', 'asks', 'told', 'tell', 'went', 'replied', 'answered', 'explained', 'offered', 'suggested']);
const BULLETS = new Set(['-', '*', '•', '–', '>', '→']);

const CLAUSE_PUNCT = new Set([',', ';', ':', '(', ')', '—', '–', '"', '“', '”']);

const WISHED_PERFECT = new Set(["i'd", "we'd", 'had', 'could', 'would']);
/** "I wish I'd asked", "I was going to ring", "I thought about asking": wished, intended or weighed, not done. */
const INTENDED = new Set(['planned', 'meant', 'intended', 'hoped', 'planning', 'intending', 'hoping']);

function wishedOrIntended(tokens: Token[], first: number, last: number): boolean {
  for (let i = first; i < last - 1; i++) {
    const n = tokens[i]!.norm;
    // "I was going to ring the other branch", "I planned to give her my number": intended, not done.
    const g = tokens[i + 1]?.norm === 'also' || tokens[i + 1]?.norm === 'just' ? i + 2 : i + 1;
    if ((n === 'was' || n === 'were') && tokens[g]?.norm === 'going' && tokens[g + 1]?.norm === 'to' && g + 2 < last) return true;
    if (INTENDED.has(n) && tokens[i + 1]?.norm === 'to' && i + 2 < last) return true;
    // "I thought about asking for her work letter", "I considered freezing it": weighed, not done.
    if (n === 'thought' || n === 'considered' || n === 'contemplated') {
      const j = n === 'thought' && (tokens[i + 1]!.norm === 'about' || tokens[i + 1]!.norm === 'of') ? i + 2 : i + 1;
      const g = tokens[j]?.norm ?? '';
      if (j < last && g.length > 4 && g.endsWith('ing')) return true;
    }
    const wish = n === 'wish' || n === 'wished' || (n === 'if' && tokens[i + 1]!.norm === 'only');
    if (!wish) continue;
    for (let j = i + 1; j < Math.min(last, i + 4); j++) if (WISHED_PERFECT.has(tokens[j]!.norm)) return true;
  }
  return false;
}

const TIME_NOUNS = new Set(['weekend', 'day', 'morning', 'night', 'week', 'evening', 'afternoon', 'time', 'year', 'month', 'summer', 'winter', 'spring', 'autumn', 'shift', 'term', 'season']);

function subjectOf(tokens: Token[], first: number, last: number): { subject: Subject | 'inherit'; at: number } {
  let i = first;
  while (i < last && (tokens[i]!.kind !== 'word' || (tokens[i]!.wc & W_LEAD) !== 0)) i++;
  if (i >= last) return { subject: 'inherit', at: -1 };
  const w = tokens[i]!.norm;
  // Notes that label whose line it is: "- Me: started a tally sheet by the phone".
  if (w === 'me' && tokens[i + 1]?.norm === ':') return { subject: 'self', at: i };
  // "which I changed" / "who came in": a relative pronoun followed by its own subject.
  if ((w === 'which' || w === 'who' || w === 'what' || w === 'where') && i + 1 < last) {
    const next = subjectOf(tokens, i + 1, Math.min(last, i + 3));
    if (next.subject !== 'inherit') return next;
    return { subject: 'other', at: i };
  }
  // "so that weekend I made a cheat sheet": a time phrase, then the subject.
  // ("that", a leading word, has been skipped.)
  if (TIME_NOUNS.has(w) && i > first && (tokens[i - 1]!.norm === 'that' || tokens[i - 1]!.norm === 'this') && i + 1 < last) {
    const next = subjectOf(tokens, i + 1, last);
    if (next.subject !== 'inherit') return next;
  }
  const classify = (j: number): Subject | null => {
    const wc = tokens[j]!.wc;
    if (wc & W_SELF) return 'self';
    if (wc & W_TEAM) return 'team';
    if (wc & W_IMPERSONAL) return 'impersonal';
    if (wc & (W_OTHER | W_NOUN)) return 'other';
    return null;
  };
  const direct = classify(i);
  if (direct) return { subject: direct, at: i };
  const wcI = tokens[i]!.wc;
  if ((wcI & W_DET) !== 0 && (wcI & W_PREP) === 0) {
    // "my manager saw it" is someone else; "my job was", "any refund had to be" are things.
    // "the next morning I rang her": a time phrase before the real subject.
    for (let j = i + 1; j < last && j < i + 6; j++) {
      const wc = tokens[j]!.wc;
      if (wc & W_SELF) return { subject: 'self', at: j };
      if (wc & W_TEAM) return { subject: 'team', at: j };
      if (wc & W_PERSONAL) return { subject: 'other', at: j };
      if (wc & W_NOUN && j < i + 4) return { subject: 'other', at: j };
      if (looksPast(tokens[j]!.norm)) break;
    }
    return { subject: 'impersonal', at: i };
  }
  if ((wcI & (W_PREP | W_DET)) !== 0) {
    // "At the bar I work weekends", "In the shop a customer asked": the subject follows the opener.
    // A personal pronoun is the surest subject; failing that, the first noun for a person.
    const end = Math.min(last, i + 14);
    for (let j = i + 1; j < end; j++) {
      const wc = tokens[j]!.wc;
      if (wc & W_SELF) return { subject: 'self', at: j };
      if (wc & W_TEAM) return { subject: 'team', at: j };
      if (wc & W_PERSONAL) return { subject: 'other', at: j };
    }
    for (let j = i + 1; j < end; j++) {
      if (tokens[j]!.kind !== 'word') continue;
      const c = classify(j);
      if (c) return { subject: c, at: j };
    }
    // "..., in their words": a phrase that modifies the previous clause shares its subject.
    return { subject: 'inherit', at: -1 };
  }
  // Only bullets or marks before it ("- Phoned the daughter"): the word opens the clause.
  let opens = true;
  for (let k = first; k < i && opens; k++) opens = tokens[k]!.kind === 'punct';
  if (tokens[i]!.capital && !opens) return { subject: 'other', at: i };
  if (tokens[i]!.capital && opens && !looksPast(w)) {
    // A name opening the sentence ("Tom gave ...") is a subject; a capitalised verb ("Took it back") is not.
    const next = tokens[i + 1];
    // "Ask what's gone wrong" is a step, not a name: "what's", "it's" are no verbs of a subject.
    if (next && next.kind === 'word' && (looksPast(next.norm) || (/s$/.test(next.norm) && !next.norm.endsWith("'s") && !WH.has(next.norm)))) return { subject: 'other', at: i };
  }
  // Speech-to-text writes names in lower case: "and gareth rang her every day". A word no list
  // or cue knows, straight before a past-tense verb, is someone's name.
  const t = tokens[i]!;
  const after = tokens[i + 1];
  if (!t.capital && t.wc === 0 && t.sid < 0 && !t.num && w.length >= 3 && !/(?:ly|ing|ed)$/.test(w) && !looksPast(w)
    && after !== undefined && i + 1 < last && after.kind === 'word' && (after.wc & W_PAST) !== 0 && (after.wc & (W_BE | W_HAVE)) === 0) return { subject: 'other', at: i };
  return { subject: 'inherit', at: -1 };
}


function verbAfter(tokens: Token[], from: number, last: number): number {
  for (let i = from; i < last; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    if ((t.wc & (W_ADV | W_LEAD | W_MODAL)) !== 0 || NEGATORS.has(t.norm)) continue;
    if ((t.wc & (W_BE | W_HAVE | W_DO)) !== 0) {
      // An auxiliary leads to the lexical verb ("was working", "had sold", "did ask"); otherwise it
      // is the verb itself ("I was on the tills", "I had a run of people").
      let j = i + 1;
      while (j < last && tokens[j]!.kind === 'word' && ((tokens[j]!.wc & W_ADV) !== 0 || NEGATORS.has(tokens[j]!.norm))) j++;
      const nx = tokens[j];
      if (nx && nx.kind === 'word' && j < last) {
        const w = nx.norm;
        if ((t.wc & W_BE) !== 0 && (w.endsWith('ing') || looksPastParticiple(w))) return j;
        if ((t.wc & W_HAVE) !== 0 && looksPastParticiple(w)) return j;
        if ((t.wc & W_DO) !== 0 && (nx.wc & (W_DET | W_OTHER)) === 0) return j;
      }
      return i;
    }
    return i;
  }
  return -1;
}

/** Verbs that hand an action to someone else: "got / asked / told / wanted X to do it". */
const HANDS_OVER = new Set(['got', 'get', 'gets', 'getting', 'asked', 'ask', 'asks', 'asking', 'told', 'tell', 'tells', 'telling',
  'persuaded', 'convinced', 'encouraged', 'advised', 'reminded', 'instructed', 'needed', 'wanted', 'expected', 'allowed', 'sent', 'begged', 'made']);
const REFLEXIVE = new Set(['myself', 'ourselves']);
const NOT_IN_OBJECT = W_PREP | W_SUB | W_BREAK | W_MODAL | W_BE | W_HAVE | W_DO | W_NEG | W_PAST | W_SELF | W_TEAM;

/** Whom "let" hands a job to ("let the manager sort it out"); not "let her vent", which is listening. */
const LETS = new Set(['let', 'lets', 'letting']);
const STAFF = new Set(['manager', 'managers', 'mgr', 'supervisor', 'supervisors', 'boss', 'colleague', 'colleagues', 'team', 'leader',
  'lead', 'chef', 'owner', 'staff', 'director', 'department', 'office', 'head', 'engineer', 'engineers', 'technician', 'pharmacist']);

/** Where "let the manager VERB" hands the rest of the clause to that member of staff, or -1. */
function lettingStaff(tokens: Token[], i: number, last: number): number {
  let j = i + 1;
  while (j < last && j <= i + 2 && tokens[j]!.kind === 'word' && (tokens[j]!.wc & W_DET) !== 0) j++;
  if (j === i + 1 || j >= last || !STAFF.has(tokens[j]!.norm)) return -1;
  if (j + 1 < last && STAFF.has(tokens[j + 1]!.norm)) j++; // "team leader"
  const v = tokens[j + 1];
  return v !== undefined && j + 1 < last && v.kind === 'word' && (v.wc & NOT_IN_OBJECT) === 0 ? j + 1 : -1;
}

/** Where "VERB someone to ..." hands the rest of the clause to that someone, or -1. */
function delegation(tokens: Token[], first: number, last: number): number {
  for (let i = first; i + 3 < last; i++) {
    if (LETS.has(tokens[i]!.norm)) {
      const at = lettingStaff(tokens, i, last);
      if (at >= 0) return at;
      continue;
    }
    if (!HANDS_OVER.has(tokens[i]!.norm)) continue;
    let j = i + 1;
    while (j < last && j <= i + 4 && tokens[j]!.kind === 'word' && tokens[j]!.norm !== 'to' && (tokens[j]!.wc & NOT_IN_OBJECT) === 0 && !REFLEXIVE.has(tokens[j]!.norm)) j++;
    if (j === i + 1 || j + 1 >= last || tokens[j]!.norm !== 'to') continue;
    // "got the parcel to her", "sent it to the office": "to" then a person or a place is not an action.
    const v = tokens[j + 1]!;
    if (v.kind !== 'word' || (v.wc & (W_DET | W_PERSONAL | W_NOUN | W_OTHER | W_SELF | W_TEAM)) !== 0 || v.norm === 'them' || v.norm === 'him' || v.capital) continue;
    return j + 1;
  }
  return -1;
}

/**
 * Where a plain negation ends in a run-on clause: "colleagues didn't have to guess it went into
 * the guide mr lindqvist wrote in" - a later past-tense verb after a noun or pronoun is a new
 * clause the negation does not reach (speech-to-text leaves no comma to say so).
 */
function negationEnd(tokens: Token[], from: number, last: number): number {
  let nv = from + 1;
  while (nv < last && tokens[nv]!.kind === 'word' && ((tokens[nv]!.wc & (W_ADV | W_NEG | W_DO | W_MODAL | W_BE | W_HAVE | W_LEAD)) !== 0 || NEGATORS.has(tokens[nv]!.norm))) nv++;
  for (let k = nv + 2; k < last; k++) {
    const t = tokens[k]!;
    const prev = tokens[k - 1]!;
    if (t.kind !== 'word' || prev.kind !== 'word' || (t.wc & W_PAST) === 0 || (t.wc & W_STATIVE) !== 0) continue;
    const pw = prev.wc;
    if ((pw & (W_NOUN | W_OTHER | W_IMPERSONAL | W_NOMINATIVE)) !== 0 || (pw === 0 && prev.norm !== 'to')) return k - 1;
  }
  return last;
}

/**
 * "they were starving and cold i got chatting": words after "and" that end the clause before (no
 * verb, no preposition or subordinator to open a phrase of their own), then a new subject.
 */
const WH = new Set(['how', 'what', 'which', 'who', 'whom', 'whose', 'where', 'why', 'when', 'that', 'whatever']);
function trailsBreak(tokens: Token[], start: number, to: number): boolean {
  if ((tokens[start]!.wc & W_BREAK) === 0 || to - start > 3) return false;
  for (let j = start + 1; j < to; j++) if (tokens[j]!.kind !== 'word' || (tokens[j]!.wc & (W_SUB | W_PREP | W_DET)) !== 0 || WH.has(tokens[j]!.norm)) return false;
  return true;
}

/** Cuts each sentence into clauses and reads subject, mode, tense and negation for each. */
export function analyseClauses(tokens: Token[], sentences: SentenceRange[]): Clause[] {
  const out: Clause[] = [];
  let lastOfPrevious: Clause | null = null;
  sentences.forEach((s, si) => {
    const cuts: number[] = [s.first];
    for (let i = s.first + 1; i < s.last; i++) {
      const t = tokens[i]!;
      const start = cuts[cuts.length - 1]!;
      if (t.kind === 'punct' && CLAUSE_PUNCT.has(t.norm)) cuts.push(i + 1);
      // "when he is finish I ask him": a subordinate clause run into the main one without a comma.
      else if (t.wc & W_SELF && i > start + 1 && (tokens[start]!.wc & W_SUB) !== 0 && !hasSubjectBefore(tokens, start + 1, i, SELF_SUBJECT)) cuts.push(i);
      // A subject pronoun ("i", "she", "we") opens a new clause even without a comma, as in
      // speech-to-text or hurried typing: "a man wanted the big drill i asked what for".
      else if (t.wc & W_NOMINATIVE && i > start + 1 && opensClauseAfter(tokens[i - 1]!) && !reportsSpeech(tokens, Math.max(start, i - 3), i, (t.wc & (W_SELF | W_TEAM)) === 0) && (hasVerb(tokens, start, i) || trailsBreak(tokens, start, i))) cuts.push(i);
      // "and then", "but when": a run of break words opens one clause, not several.
      // "two or three choices": an "or" between numbers joins them.
      // "I was also going to suggest": "also" after an auxiliary stays in its clause.
      else if (t.wc & W_BREAK && cuts[cuts.length - 1] !== i && !(tokens[i - 1]!.wc & W_BREAK) && !(t.norm === 'or' && tokens[i - 1]!.num && tokens[i + 1]?.num === true) && !(t.norm === 'also' && tokens[i - 1]!.wc & (W_BE | W_HAVE | W_MODAL))) cuts.push(i);
    }
    cuts.push(s.last);
    let prev: Clause | null = null;
    let lastMain: Clause | null = null;
    let quoteSpeaker: Clause | null = null;
    let quotesBefore = 0;
    let quotesCounted = s.first;
    for (let c = 0; c + 1 < cuts.length; c++) {
      const first = cuts[c]!;
      const last = cuts[c + 1]!;
      if (last <= first) continue;
      let hasWord = false;
      for (let i = first; i < last && !hasWord; i++) hasWord = tokens[i]!.kind === 'word';
      if (!hasWord) continue;
      const found = subjectOf(tokens, first, last);
      const inherited = found.subject === 'inherit';
      // A sentence that starts with a verb ("Ran the toaster, cleared tables.") continues the
      // previous sentence's subject, as terse stories do.
      // After a subordinate clause ("..., while she was stood there, and got it refunded") the
      // subject carries over from the main clause before it.
      const carried = (prev && lastMain && opensSubordinate(tokens, prev) ? lastMain : prev)
        ?? (c === 0 && looksPast(tokens[first]!.norm) ? lastOfPrevious : null);
      let subject: Subject = found.subject === 'inherit' ? (carried?.subject ?? 'none') : found.subject;
      // "I sent a voice note she could listen to, plus a photo": what "plus" adds is still the
      // doing of the sentence's last own clause, past any clause about someone else between.
      if (tokens[first]!.norm === 'plus') {
        for (let k = out.length - 1; k >= 0 && out[k]!.sentence === si; k--) if (out[k]!.subject === 'self' || out[k]!.subject === 'team') { subject = out[k]!.subject; break; }
      }
      // "Rang each of them myself. Said sorry.": a sentence that opens on a past-tense verb, with no
      // subject, is the speaker's own (diary style), whatever the previous sentence was about.
      // Notes do the same in lower case after a bullet ("- rang her back").
      let fw = first;
      while (fw < last && tokens[fw]!.kind !== 'word') fw++;
      // "Then ask what it was for": the step's verb after a leading "then", "first", "also".
      let iw = fw;
      while (iw < last && (tokens[iw]!.kind !== 'word' || (tokens[iw]!.wc & W_LEAD) !== 0 || ORDINAL_ENDS.has(tokens[iw]!.norm))) iw++;
      const bulleted = fw > first && BULLETS.has(tokens[first]!.norm);
      if (inherited && (bulleted || !prev || prev.subject === 'none') && fw < last && looksPast(tokens[fw]!.norm) && (tokens[fw]!.capital || bulleted)) subject = 'self';
      // "Apologise, then ask what went wrong" / "- ring her back": an imperative step with no
      // subject is the speaker's own (the mood is set below, as for any clause).
      else if (inherited && subject === 'none' && iw < last && (tokens[iw]!.wc & W_IMPERATIVE) !== 0) subject = 'self';
      const verb = verbAfter(tokens, found.at >= 0 ? found.at + 1 : first, last);
      // Only modals before the main verb set the clause's mood: "I asked what they'd want" happened.
      const moodEnd = verb >= 0 ? verb : last;
      let mode: Mode = 'actual';
      let past = false;
      let negatedFrom = -1;
      let negatedTo = last;
      for (let i = first; i < last; i++) {
        const t = tokens[i]!;
        if (t.kind !== 'word') continue;
        const n = t.norm;
        const wc = t.wc;
        if ((wc & W_MOOD) === 0 && n !== 'going') continue;
        if (wc & W_NEG) {
          if (n === 'instead' || n === 'rather' || n === 'without') {
            // "instead of X" / "rather than X" / "without X" negate X only, up to the next subject:
            // "instead of reading it out I drew a timeline" still shows the timeline.
            const nx = tokens[i + 1]?.norm;
            if (negatedFrom < 0 && ((n === 'instead' && nx === 'of') || (n === 'rather' && nx === 'than') || n === 'without')) {
              negatedFrom = i;
              let j = i + 1;
              while (j < last && !SELF_SUBJECT.has(tokens[j]!.norm) && !TEAM_SUBJECT.has(tokens[j]!.norm) && !['he', 'she', 'they'].includes(tokens[j]!.norm)) j++;
              negatedTo = j;
            }
          } else if (negatedFrom < 0) {
            negatedFrom = i;
            negatedTo = negationEnd(tokens, i, last);
          }
        }
        if (i <= moodEnd && wc & W_MODAL) {
          const nx = tokens[i + 1];
          const perfect = (n === "i'd" || n === "we'd" || n === "he'd" || n === "she'd" || n === "they'd") && nx && (looksPastParticiple(nx.norm) || (nx.norm === 'never' || nx.norm === 'already' || nx.norm === 'just') && tokens[i + 2] && looksPastParticiple(tokens[i + 2]!.norm));
          if (perfect) past = true;
          else mode = 'hypothetical';
        } else if (i <= moodEnd && n === 'going' && tokens[i + 1]?.norm === 'to' && i > first && ['am', "i'm", 'are', "we're"].includes(tokens[i - 1]!.norm)) mode = 'hypothetical';
        // "Say a customer comes in..." supposes; "he say thank you" (a non-native storyteller's past) does not.
        else if (wc & W_COND && i <= first + 1 && (n !== 'say' || i === first || SAY_SUPPOSES_AFTER.has(tokens[i - 1]!.norm))) mode = 'hypothetical';
        else if (wc & W_HABIT && mode === 'actual') mode = 'habitual';
        else if (i <= moodEnd + 1 && wc & W_PAST) past = true;
      }
      // "I wish I'd rung the depot myself": what is wished was not done.
      let counterfactual = false;
      if (mode === 'actual' && wishedOrIntended(tokens, first, last)) {
        mode = 'hypothetical';
        past = false;
        counterfactual = true;
      }
      // The mood comes with the subject, from the clause it is carried from: after "to ask when she
      // would be home," the next step is the asker's, told as it happened.
      // Within the sentence only: a note's next line ("Rang each of them myself") is told as it happened.
      const moodFrom = prev ? carried : null;
      if (inherited && moodFrom && moodFrom.mode !== 'actual' && mode === 'actual') {
        mode = moodFrom.mode;
        counterfactual = moodFrom.counterfactual;
      }
      // "I didn't go over it or look into how it happened": the negation covers both.
      const continuesNegation = tokens[first]!.norm === 'or' || tokens[first]!.norm === 'nor'
        || (tokens[first]!.norm === 'and' && prev !== null && prev.negatedTo === prev.last && ['instead', 'rather', 'without'].includes(tokens[prev.negatedFrom]?.norm ?? '')
          // "I apologised without making excuses and refunded the groom": a past verb goes on the main clause.
          && !looksPast(tokens[first + 1]?.norm ?? '')
          // "..., without her having to chase it, and book a call": after a comma, a new step.
          && tokens[prev.last - 1]!.norm !== ',');
      if (inherited && prev && prev.negatedFrom >= 0 && negatedFrom < 0 && continuesNegation) {
        negatedFrom = first;
        negatedTo = last;
      }
      // Direct speech ("I said, "What were you hoping it would do?""): what is said in quotes is
      // the speaker's own doing - the question asked, the option offered.
      // Quote marks before the clause, counted on from the clause before (cuts only move forward).
      for (; quotesCounted < first; quotesCounted++) {
        const q = tokens[quotesCounted]!;
        if (q.kind === 'punct' && QUOTES.has(q.norm)) quotesBefore++;
      }
      const quotes = quotesBefore;
      if (quotes % 2 === 1) {
        if (quoteSpeaker === null && first > s.first && QUOTES.has(tokens[first - 1]!.norm) && prev && (prev.subject === 'self' || prev.subject === 'team')) {
          for (let i = prev.first; i < prev.last; i++) if (SPEECH_VERBS.has(tokens[i]!.norm)) quoteSpeaker = prev;
        }
        if (quoteSpeaker) {
          subject = quoteSpeaker.subject;
          mode = quoteSpeaker.mode;
          past = quoteSpeaker.past;
        }
      } else quoteSpeaker = null;
      let scare = false;
      if (quotes % 2 === 1 && quoteSpeaker === null && QUOTES.has(tokens[last - 1]!.norm)) {
        let words = 0;
        for (let i = first; i < last; i++) if (tokens[i]!.kind === 'word') words++;
        // Not after "said" or a colon: a quoted phrase nobody says.
        const before = tokens[first - 2];
        scare = words <= 4 && !(before && (before.norm === ':' || SPEECH_VERBS.has(before.norm) || REPORTING.has(before.norm)));
      }
      const vt = verb >= 0 ? tokens[verb]! : null;
      const active = quoteSpeaker !== null || (vt !== null && (vt.wc & (W_STATIVE | W_DET)) === 0 && !STATIVE.has(vt.stem));
      let delegatedFrom = delegation(tokens, first, last);
      // "got my supervisor to take over and sort it out": the coordinated action is the supervisor's too.
      if (delegatedFrom < 0 && inherited && prev && prev.delegatedFrom >= 0 && (tokens[first]!.norm === 'and' || tokens[first]!.norm === 'or')) delegatedFrom = first;
      const clause: Clause = { sentence: si, first, last, subject, mode, past, negatedFrom, negatedTo, verb, active, quoted: quoteSpeaker !== null, scare, delegatedFrom, counterfactual };
      out.push(clause);
      prev = clause;
      if (!opensSubordinate(tokens, clause)) lastMain = clause;
    }
    if (prev) lastOfPrevious = prev;
  });
  return out;
}
