import { isOwn, isOwnAction } from './evidence.js';
import type { Relevance } from './relevance.js';
import type { Doc } from './text/analyse.js';
import { REPORTING, W_BE, W_BREAK, W_DET, W_HAVE, W_IMPERATIVE, W_NOMINATIVE, W_PAST, W_SELF, W_TEAM } from './text/lexicon.js';
import type { IndicatorData, IndicatorFinding, Level, QuestionKind, Shown, StarPartName, StarPartResult } from './types.js';
import { LEVELS, STAR_PARTS } from './types.js';

export interface LevelDecision {
  level: Level;
  score: number;
  reasons: string[];
  /** Ids of the indicators that counted towards the level. */
  counted: Set<string>;
}

/** The score band of each level: a score is always inside its level's band. */
export const BAND: Record<Level, [number, number]> = { low: [0, 39], medium: [40, 69], high: [70, 100] };

/** The level whose band holds a score (for means of scores, which have no level of their own). */
export function levelOfScore(score: number): Level {
  return score >= BAND.high[0] ? 'high' : score >= BAND.medium[0] ? 'medium' : 'low';
}

function drop(level: Level, by: number): Level {
  return LEVELS[Math.max(0, LEVELS.indexOf(level) - by)]!;
}

const AUXILIARIES = new Set(['had', 'has', 'was', 'is', 'would', 'could', 'did', 'does', 'will', "wasn't", "hadn't", "didn't"]);
/** Whether someone else's subject starts at k: "he", "she", "they", or "it" before an auxiliary ("it had happened"). */
function othersSubjectAt(doc: Doc, k: number): boolean {
  const t = doc.tokens[k]!;
  if ((t.wc & W_NOMINATIVE) !== 0 && (t.wc & (W_SELF | W_TEAM)) === 0) return true;
  return (t.norm === 'it' || t.norm === 'this') && AUXILIARIES.has(doc.tokens[k + 1]?.norm ?? '');
}

/**
 * Clauses in which the candidate acts (or, where steps count, would act) beyond what the supporting
 * and warning indicators show: "I apologised, rang the depot and rebooked it" has two; "I'd say
 * sorry" none.
 */
function otherOwnSteps(doc: Doc, findings: IndicatorFinding[], indicators: ReadonlyMap<string, IndicatorData>, stepsCount: boolean): number {
  const covered: Array<[number, number]> = [];
  for (const f of findings) {
    const ind = indicators.get(f.id)!;
    if (ind.supporting || ind.warning) for (const e of f.evidence) covered.push([e.start, e.end]);
  }
  const inCover = (x: number): boolean => covered.some(([a, b]) => x >= a && x < b);
  let n = 0;
  for (const c of doc.clauses) {
    if (!c.active || c.quoted || !isOwn(doc, c) || c.negatedFrom >= 0) continue;
    if (!(isOwnAction(doc, c) || (stepsCount && c.mode === 'hypothetical'))) continue;
    // A clause counts when a verb of its own lies outside the apology or warning it may hold
    // ("i said sorry to her put the order through again" does something besides the apology).
    // Saying ("I'd say, 'I'm so sorry'") and making sure they know are not a fix of their own.
    const does = (k: number): boolean => {
      const t = doc.tokens[k]!;
      return t.kind === 'word' && !REPORTING.has(t.norm) && doc.tokens[k + 1]?.norm !== 'sure' && (t.wc & (W_BE | W_HAVE)) === 0 && !inCover(t.start);
    };
    let verbs = 0;
    for (let k = c.first; k < c.last; k++) {
      // "I told her how sorry I was that it had happened": verbs after another subject are its own.
      if (k > c.first && othersSubjectAt(doc, k)) break;
      if ((doc.tokens[k]!.wc & (W_PAST | W_IMPERATIVE)) !== 0 && does(k)) verbs++;
    }
    if (verbs > 0 || (c.verb >= 0 && does(c.verb))) n++;
  }
  return n;
}

/**
 * A list of the right verbs with no story behind it ("I listened, acknowledged, probed, offered
 * options, followed up"): most of the candidate's actions are bare verbs of a word or two.
 */
function recitesActions(doc: Doc): boolean {
  let own = 0;
  let bare = 0;
  let lastBare = -1;
  let run = 0;
  let runSentence = -1;
  let longestRun = 0;
  for (let ci = 0; ci < doc.clauses.length; ci++) {
    const c = doc.clauses[ci]!;
    if (!isOwnAction(doc, c)) continue;
    own++;
    let words = 0;
    for (let k = c.first; k < c.last; k++) if (doc.tokens[k]!.kind === 'word' && (doc.tokens[k]!.wc & (W_SELF | W_TEAM | W_BREAK | W_DET)) === 0) words++;
    if (words <= 4) {
      bare++;
      run = c.sentence === runSentence ? run + 1 : 1;
      runSentence = c.sentence;
      if (run > longestRun) longestRun = run;
      // The closing sentence is the outcome ("... and I received an award"), not the list.
      if (c.sentence < doc.sentences.length - 1 || lastBare < 0) lastBare = ci;
    }
  }
  // A list runs in one breath: four or more bare verbs in one sentence ("I listened,
  // acknowledged, probed, offered options and followed up"); terse stories have one or two each.
  if (bare < 5 || bare * 10 < own * 7 || longestRun < 4) return false;
  // A real story has other people in it while the candidate acts: the customer speaks or acts.
  let others = 0;
  for (let ci = 0; ci < lastBare; ci++) if (doc.clauses[ci]!.subject === 'other') others++;
  return others < 2;
}

const TO_ME = new Set(['me', 'my', 'i', 'myself']);

/**
 * Service behaviours that someone else showed to the candidate ("the assistant asked what I used it
 * for, offered me two options"): the candidate was the customer.
 */
function servedToMe(doc: Doc, findings: IndicatorFinding[]): number {
  let n = 0;
  for (const f of findings) {
    if (f.warning || f.level === 'low') continue;
    const hit = f.evidence.some((e) => {
      if (e.shown !== 'others') return false;
      let t = 0;
      while (t < doc.tokens.length && doc.tokens[t]!.start < e.start) t++;
      const ci = doc.clauseOf[t] ?? -1;
      if (ci < 0) return false;
      // "so he can see my mouth": the purpose of the candidate's own step, not service to them.
      if (doc.tokens[doc.clauses[ci]!.first]!.norm === 'so') return false;
      const end = Math.min(doc.clauses[ci]!.last, t + 5);
      for (let k = t + 1; k < end; k++) if (TO_ME.has(doc.tokens[k]!.norm)) return true;
      return false;
    });
    if (hit) n++;
  }
  return n;
}

/**
 * The level rules of levels.md for each kind of question. Structure never lifts an answer; only
 * indicators shown in the candidate's own actions (or, where the kind allows, concrete steps) do.
 */
export function decideLevel(
  doc: Doc,
  kind: QuestionKind,
  star: Record<StarPartName, StarPartResult>,
  findings: IndicatorFinding[],
  indicators: ReadonlyMap<string, IndicatorData>,
  relevance: Relevance = 'relevant',
  customerRole = 0,
): LevelDecision {
  const reasons: string[] = [];
  const story = doc.narrative;
  const ownAction = star.action.present;
  // In a behavioural story only what the candidate did counts; elsewhere concrete "I would" steps count too.
  const stepsCount = kind !== 'behavioural' || !story;
  const counted = new Set<string>();
  for (const f of findings) {
    const ind = indicators.get(f.id)!;
    const shownAs = (s: Shown): boolean => f.evidence.some((e) => e.shown === s);
    const ok = ind.evidence === 'stated'
      ? shownAs('action') || shownAs('step') || shownAs('stated')
      : ind.evidence === 'outcome'
        ? shownAs('action')
        : shownAs('action') || (stepsCount && shownAs('step'));
    if (ok) counted.add(f.id);
  }
  // "I told my manager" is a low sign only as the whole solution; beside real ownership it is not
  // (an apology or listening before handing it over is no ownership).
  const positive = findings.some((f) => counted.has(f.id) && !f.warning && f.level !== 'low' && !indicators.get(f.id)!.supporting);
  for (const f of findings) if (positive && indicators.get(f.id)!.alone) counted.delete(f.id);
  // "I missed my target that month" for the customer: the target was the pressure, not the aim.
  // Asked what they would do, a step is what they do (not in a behavioural answer with no story).
  const shownDone = (id: string): boolean => counted.has(id) && findings.some((g) => g.id === id && g.evidence.some((e) => e.shown === 'action' || (kind !== 'behavioural' && e.shown === 'step')));
  for (const f of findings) if (counted.has(f.id) && indicators.get(f.id)!.unless.some(shownDone)) counted.delete(f.id);
  const countedOf = (pred: (f: IndicatorFinding) => boolean): IndicatorFinding[] => findings.filter((f) => counted.has(f.id) && pred(f));
  // Several indicators can show one behaviour of levels.md; each behaviour counts once.
  const oncePerBehaviour = (list: IndicatorFinding[]): IndicatorFinding[] => {
    const seen = new Set<string>();
    return list.filter((f) => {
      const b = indicators.get(f.id)!.behaviour;
      if (seen.has(b)) return false;
      seen.add(b);
      return true;
    });
  };
  const high = oncePerBehaviour(countedOf((f) => f.level === 'high' && !f.warning));
  const medium = countedOf((f) => f.level === 'medium' && !f.warning);
  const warnings = countedOf((f) => f.warning);
  const namedOnly = findings.filter((f) => !counted.has(f.id) && f.shown === 'named' && !f.warning);

  let level: Level;
  const served = story ? servedToMe(doc, findings) + customerRole : 0;
  if (story && !star.situation.present && recitesActions(doc)) {
    level = 'low';
    reasons.push('A list of the right actions with no story behind it: say where and when it was, who the customer was, and what you did.');
  } else if (story && served >= 2 && served > high.length + medium.length) {
    level = 'low';
    reasons.push('In this story you were the customer: it shows someone else\'s service to you, not yours.');
  } else if (kind === 'behavioural' && story && !ownAction) {
    level = 'low';
    reasons.push('The story has no action of your own: what others did does not show your service.');
  } else if (kind === 'behavioural' && !story) {
    level = high.length + medium.length >= 2 ? 'medium' : 'low';
    reasons.push(level === 'medium'
      ? 'No real example: concrete steps, but a behavioural question needs a story from experience (at most medium).'
      : 'No real example and no concrete steps: a behavioural question needs a story from experience.');
  } else {
    // An apology, listening or a clear explanation supports a level but is not, alone, owning and
    // fixing the problem (levels.md: medium is owning and correcting it).
    // A result that shows the relationship (a thank-you, a customer back) is the candidate's only
    // beside something they did to put it right: after a colleague's fix it shows the colleague's.
    const fixes = high.filter((f) => indicators.get(f.id)!.evidence !== 'outcome').length
      + medium.filter((f) => !indicators.get(f.id)!.supporting).length
      + (medium.length > 0 && otherOwnSteps(doc, findings, indicators, stepsCount) >= 1 ? 1 : 0);
    level = fixes === 0 ? 'low' : high.length >= 2 ? 'high' : 'medium';
    if (level === 'high') reasons.push(`Shows ${high.length} high-level behaviours: ${high.map((f) => f.name.toLowerCase()).join('; ')}.`);
    else if (level === 'medium') reasons.push(high.length === 1
      ? `Owns the problem and shows one high-level behaviour (${high[0]!.name.toLowerCase()}); high needs two.`
      : 'Owns and fixes the problem for this customer; no high-level behaviour shown yet.');
    else if (medium.length > 0) reasons.push(`${medium.map((f) => f.name).join('; ')}, but nothing shows you putting the problem right yourself.`);
    else reasons.push(story || kind === 'behavioural'
      ? 'The response is transactional: nothing shows ownership of the customer\'s problem.'
      : 'Generic claims or named concepts, without concrete steps.');
    if (kind === 'behavioural' && !star.result.present && level === 'high') {
      level = 'medium';
      reasons.push('No result you can check, so at most medium: say what happened, best with a number.');
    }
  }
  // levels.md: "a list of the right words with no story behind it is still low", and generic
  // claims ("I'd stay calm and professional") are low: named concepts and stock phrases,
  // outnumbering the concrete steps, pull an answer with no story down.
  const stock = findings.filter((f) => indicators.get(f.id)!.generic).reduce((n, f) => n + f.evidence.length, 0);
  const recites = !story && level !== 'low' && namedOnly.length + stock >= 3 && namedOnly.length + stock > high.length + medium.length;
  const namedTerms = findings.reduce((n, f) => n + f.evidence.filter((e) => e.shown === 'named').length, 0) + stock;
  if (recites) {
    // Textbook terms in numbers ("listen actively, empathise, probe... a trusted adviser, win-win")
    // around bare steps are the right words listed: low, as in a story.
    level = namedTerms >= 7 ? 'low' : drop(level, 1);
    reasons.push(namedOnly.length >= stock
      ? `Recites the concepts rather than showing them: ${namedOnly.map((f) => f.name.toLowerCase()).join('; ')}.`
      : 'Generic claims ("calm and professional", "whatever it takes") rather than concrete steps.');
  }
  // The same in a story: textbook terms and stock phrases in numbers ("I actively listened,
  // empathised, asked probing questions to establish their underlying needs... a real win-win")
  // are recited, not shown.
  if (story && level !== 'low' && namedTerms >= 5) {
    level = namedTerms >= 7 ? 'low' : drop(level, 1);
    reasons.push('Recites textbook terms rather than telling what happened: say what you did and said, in your own words.');
  }
  if (relevance !== 'relevant' && level !== 'low') {
    level = 'low';
    reasons.push(relevance === 'echoes-question'
      ? 'Mostly repeats the question\'s own words: answer it with what you did, or would do, for the customer.'
      : 'This story never shows a customer or anyone you served: tell one that answers the question asked.');
  }
  if (warnings.length > 0) {
    const before = level;
    level = drop(level, warnings.length);
    if (level !== before) reasons.push(`Warning signs pull it down: ${warnings.map((f) => f.name.toLowerCase()).join('; ')}.`);
  }
  if (namedOnly.length >= 2 && level !== 'high' && !recites) reasons.push(`Names concepts without showing them: ${namedOnly.map((f) => f.name.toLowerCase()).join('; ')}.`);

  const [lo, hi] = BAND[level];
  const parts = STAR_PARTS.filter((p) => star[p].present).length;
  // Finer grades inside a band, so that a revised answer moves: how many things the candidate did
  // (capped, so length alone cannot carry it), how much of that is evidence of the rubric, a
  // checkable result, and what pulls down (warnings, recited terms).
  let deeds = 0;
  for (const c of doc.clauses) if (isOwnAction(doc, c) || (stepsCount && c.mode === 'hypothetical' && c.active && isOwn(doc, c) && c.negatedFrom < 0)) deeds++;
  const shown = Math.min(8, findings.reduce((n, f) => n + (counted.has(f.id) && !f.warning ? f.evidence.filter((e) => e.shown === 'action' || e.shown === 'step').length : 0), 0));
  const detail = Math.min(6, deeds) + shown;
  const checkable = star.result.present && findings.some((f) => f.evidence.some((e) => /\d|%/.test(e.text))) ? 2 : 0;
  const strength = level === 'high'
    ? (high.length - 2) * 6 + medium.length * 2 + parts * 2 + detail + checkable - warnings.length * 5
    : level === 'medium'
      ? high.length * 7 + medium.length * 3 + parts * 2 + detail + checkable - warnings.length * 5 - Math.min(4, namedTerms)
      : (high.length + medium.length) * 4 + parts * 2 + (story ? 4 : 0) + Math.round(detail / 2) - warnings.length * 8 - Math.min(6, namedTerms) + 6;
  // Scaled into the band, so strong answers keep their order instead of sitting at its top.
  const scale = level === 'low' ? 1 : 0.75;
  const score = Math.max(lo, Math.min(hi, lo + Math.round(strength * scale)));
  return { level, score, reasons, counted };
}
