import { assess } from './assess.js';
import type { CompiledRubric } from './compile.js';
import { isOwn, isOwnAction } from './evidence.js';
import { BAND } from './level.js';
import { analyse, type Doc } from './text/analyse.js';
import type { Clause } from './text/clauses.js';
import { LEVELS, type AnswerInput, type Assessment, type FollowUpData, type FollowUpSlot, type Gap, type Level } from './types.js';

/** A follow-up question to ask, in the interviewer's words, and the gap it is about. */
export interface FollowUp {
  gap: Gap;
  question: string;
  /** The warning signs or behaviours it is about (warning and behaviour gaps). */
  behaviours: string[];
}

/** What the scorer found that a follow-up can be about. */
interface Facts {
  doc: Doc;
  a: Assessment;
  /** Behaviours (of levels.md) the answer shows, as counted. */
  shown: Set<string>;
  /** High-level behaviours shown. */
  high: number;
  /** A counted indicator fixes the problem: a medium one that is not only supporting, or a high one. */
  fixes: boolean;
  /** Some counted evidence is a concrete step or action. */
  concrete: boolean;
  /** Counted warning signs, in the order they appear, with the clause that says each. */
  warnings: Array<{ behaviour: string; clause: string | null }>;
}

/** Whether the gap is there in the answer. */
const OPEN: Record<Gap, (f: Facts) => boolean> = {
  story: (f) => !f.doc.narrative && (f.a.kind === 'behavioural' || (f.a.kind === 'opinion' && f.a.level === 'low')),
  'own-action': (f) => f.doc.narrative && f.a.kind !== 'situational' && !f.a.star.action.present,
  warning: (f) => f.warnings.length > 0,
  steps: (f) => f.a.kind !== 'behavioural' && !f.doc.narrative && !f.concrete,
  fix: (f) => f.a.level === 'low' && !f.fixes,
  result: (f) => f.doc.narrative && f.a.kind !== 'situational' && f.a.star.action.present && !f.a.star.result.present,
  behaviour: (f) => f.a.level !== 'high',
  situation: (f) => f.doc.narrative && f.a.kind === 'behavioural' && !f.a.star.situation.present,
};

/**
 * The order an interviewer probes in: first what keeps the answer low (no example, nobody but
 * others acting, a warning sign, nothing concrete, nothing put right), then what keeps it from
 * high. A missing result comes before a missing behaviour when the answer already shows a
 * high-level one (the result is then what holds it back); the situation comes last, since a
 * story's shape never lifts its level.
 */
function order(f: Facts): Gap[] {
  const tail: Gap[] = f.high >= 1 ? ['result', 'behaviour'] : ['behaviour', 'result'];
  return ['story', 'own-action', 'warning', 'steps', 'fix', ...tail, 'situation'];
}

const JOINERS = new Set(['and', 'so', 'but', 'then', 'because', 'or', 'which', 'that']);
const MAX_QUOTE = 60;

/**
 * A clause as a short quote: its own words, trimmed, on one line, with no double quotes in it. A
 * clause of a word or two ("not mine") is quoted with the clause before it in its sentence.
 */
function quoteOf(doc: Doc, c: Clause | undefined): string | null {
  if (!c) return null;
  let first = c.first;
  const words = (from: number): number => doc.tokens.slice(from, c.last).filter((t) => t.kind === 'word').length;
  for (let k = doc.clauses.indexOf(c) - 1; k >= 0 && words(first) < 4 && doc.clauses[k]!.sentence === c.sentence; k--) first = doc.clauses[k]!.first;
  while (first < c.last && (doc.tokens[first]!.kind === 'punct' || JOINERS.has(doc.tokens[first]!.norm))) first++;
  let last = c.last;
  while (last > first && doc.tokens[last - 1]!.kind === 'punct') last--;
  if (last - first < 2) return null;
  let text = doc.text.slice(doc.tokens[first]!.start, doc.tokens[last - 1]!.end).replace(/\s+/g, ' ').replace(/["“”]/g, "'").trim();
  if (text.length > MAX_QUOTE) {
    const cut = text.lastIndexOf(' ', MAX_QUOTE - 3);
    text = `${text.slice(0, cut > 20 ? cut : MAX_QUOTE - 3)}...`;
  }
  // Only the candidate's own "I" is capitalised mid-question.
  return /^I\b/.test(text) ? text : text[0]!.toLowerCase() + text.slice(1);
}

function clauseAt(doc: Doc, offset: number): Clause | undefined {
  return doc.clauses.find((c) => doc.tokens[c.first]!.start <= offset && offset < doc.tokens[c.last - 1]!.end);
}

/** The candidate's last action (or, in an answer that is no story, their last "I would" step). */
function lastAction(doc: Doc): Clause | undefined {
  const own = (c: Clause): boolean => isOwnAction(doc, c) || (!doc.narrative && isOwn(doc, c) && c.active && c.mode === 'hypothetical' && c.negatedFrom < 0);
  return [...doc.clauses].reverse().find(own);
}

/**
 * The first thing a colleague did in the story ("my manager refunded her"), else the first thing
 * "we" did with no "I" beside it; not what the customer did, which is the situation.
 */
function othersAction(doc: Doc, rubric: CompiledRubric): Clause | undefined {
  const acts = doc.clauses.filter((c) => c.active && c.mode === 'actual' && !isOwn(doc, c));
  const colleague = (c: Clause): boolean => rubric.answerCues.matchRange(doc.tokens, c.first, c.verb > c.first ? c.verb : c.last)
    .some((m) => m.cue.payload.kind === 'colleague');
  return acts.find((c) => c.subject === 'other' && colleague(c)) ?? acts.find((c) => c.subject === 'team');
}

const DETERMINERS = new Set(['a', 'an', 'the', 'one', 'this', 'that', 'our', 'some', 'two', 'three', 'several']);

/** The person served as the answer names them: "the elderly man", "the customers". */
function personOf(doc: Doc, rubric: CompiledRubric): string | null {
  for (const m of rubric.people.matchRange(doc.tokens, 0, doc.tokens.length)) {
    const noun = doc.tokens[m.last - 1]!;
    // "a regular customer": the noun is the last of the people words in a row.
    let end = m.last;
    while (end < doc.tokens.length && rubric.people.matchRange(doc.tokens, end, end + 1).length > 0) end++;
    const d1 = doc.tokens[m.first - 1];
    const d2 = doc.tokens[m.first - 2];
    let from = -1;
    if (d1 && DETERMINERS.has(d1.norm)) from = m.first;
    else if (d2 && DETERMINERS.has(d2.norm) && d1!.kind === 'word') from = m.first - 1;
    else if (noun.norm.endsWith('s')) from = m.first;
    if (from < 0) continue;
    const words = doc.tokens.slice(from, end).map((t) => t.norm);
    if (words.some((w) => !/^[a-z][a-z'-]*$/.test(w))) continue;
    return `the ${words.join(' ')}`;
  }
  return null;
}

function factsOf(answer: string, a: Assessment, rubric: CompiledRubric): Facts {
  // Scene-setting sentences make a present-tense answer a story, as the scorer reads it.
  const doc = analyse(answer, (_si, tokens, first, last) => rubric.answerCues.matchRange(tokens, first, last)
    .some((m) => m.cue.payload.kind === 'star' && m.cue.payload.part === 'situation'));
  const shown = new Set<string>();
  let high = 0;
  let fixes = false;
  let concrete = false;
  const warnings: Facts['warnings'] = [];
  for (const f of a.indicators) {
    if (!f.counted) continue;
    const ind = rubric.indicatorById.get(f.id);
    if (!ind) continue;
    if (f.warning) {
      const e = f.evidence[0];
      if (!warnings.some((w) => w.behaviour === ind.behaviour)) warnings.push({ behaviour: ind.behaviour, clause: e ? quoteOf(doc, clauseAt(doc, e.start)) : null });
      continue;
    }
    if (!shown.has(ind.behaviour) && ind.level === 'high') high++;
    shown.add(ind.behaviour);
    if (ind.level === 'high' || (ind.level === 'medium' && !ind.supporting)) fixes = true;
    if (f.evidence.some((e) => e.shown === 'action' || e.shown === 'step')) concrete = true;
  }
  return { doc, a, shown, high, fixes, concrete, warnings };
}

/** The follow-ups that suit the answer's kind and competency: those written for its competency first. */
function candidates(rubric: CompiledRubric, gap: Gap, a: Assessment): FollowUpData[] {
  const fits = rubric.followUps.filter((q) => q.gap === gap && (q.kinds.length === 0 || q.kinds.includes(a.kind)) && (q.competencies.length === 0 || q.competencies.includes(a.competency)));
  return [...fits.filter((q) => q.competencies.length > 0), ...fits.filter((q) => q.competencies.length === 0)];
}

/** The first wording whose slots the answer fills, filled. */
function phrase(q: FollowUpData, slots: Partial<Record<FollowUpSlot, string | null>>): string | null {
  for (const text of q.ask) {
    let ok = true;
    const filled = text.replace(/\{([a-z]+)\}/g, (_m, name: string) => {
      const v = slots[name as FollowUpSlot];
      if (!v) ok = false;
      return v ?? '';
    });
    if (ok) return filled;
  }
  return null;
}

const key = (gap: Gap, behaviours: readonly string[]): string => `${gap}:${behaviours.join(',')}`;

/**
 * The follow-up an interviewer would ask next about an answer: the biggest gap the assessment
 * shows, in the words of rubrics/follow-ups.yaml, naming what the candidate wrote where the
 * wording has a slot for it. Null when there is no gap to probe (or no follow-up written for it).
 * `asked` are the follow-ups asked already about this answer: none is asked twice.
 */
export function chooseFollowUp(answer: string, a: Assessment, rubric: CompiledRubric, asked: readonly FollowUp[] = []): FollowUp | null {
  if (rubric.followUps.length === 0) return null;
  const f = factsOf(answer, a, rubric);
  const done = new Set(asked.map((x) => key(x.gap, x.behaviours)));
  const base = { action: quoteOf(f.doc, lastAction(f.doc)), customer: personOf(f.doc, rubric) };
  for (const gap of order(f)) {
    if (!OPEN[gap](f)) continue;
    for (const q of candidates(rubric, gap, a)) {
      let quote: string | null = null;
      let behaviours: string[] = [];
      if (gap === 'warning') {
        const w = f.warnings.find((x) => q.behaviours.includes(x.behaviour));
        if (!w) continue;
        quote = w.clause;
        behaviours = [w.behaviour];
      } else if (gap === 'behaviour') {
        if (q.behaviours.some((b) => f.shown.has(b))) continue;
        behaviours = q.behaviours;
      } else if (gap === 'own-action') quote = quoteOf(f.doc, othersAction(f.doc, rubric));
      if (done.has(key(gap, behaviours))) continue;
      const question = phrase(q, { ...base, quote });
      if (question) return { gap, question, behaviours };
    }
  }
  return null;
}

/** Replies join the answer as paragraphs of their own. */
const BREAK = '\n\n';

export interface Exchange {
  /** The answer and the replies, as scored. */
  text: string;
  /** Where each reply starts in `text` (-1 for a reply left empty). */
  starts: number[];
  assessment: Assessment;
  /** The reply, read on its own, carried the level (see assessExchange). */
  replyLed: boolean;
}

/** The answer with its replies to the follow-ups after it. */
export function joinReplies(answer: string, replies: readonly string[]): { text: string; starts: number[] } {
  let text = answer.trimEnd();
  const starts: number[] = [];
  for (const r of replies) {
    const reply = r.trim();
    if (!reply) {
      starts.push(-1);
      continue;
    }
    text = text ? `${text}${BREAK}` : text;
    starts.push(text.length);
    text += reply;
  }
  return { text, starts };
}

/**
 * An answer and its replies to the interviewer's follow-ups, scored together: the replies join
 * the answer and the whole is assessed. What the first answer said still counts, so a warning
 * sign in it keeps pulling the level down. But the replies are also read on their own, after the
 * scene the first answer set (its situation, less anything that pulls it down): when that reading
 * is two or more levels above the joined one, the whole counts one level below it. A candidate
 * who said "not my job" and then, asked, told how they put it right, is not left at low; nor is
 * the reply worth what it would have been as the first answer.
 */
export function assessExchange(input: AnswerInput, first: Assessment, replies: readonly string[], rubric: CompiledRubric): Exchange {
  const { text, starts } = joinReplies(input.answer, replies);
  const joined = assess({ ...input, answer: text }, rubric);
  const given = replies.map((r) => r.trim()).filter(Boolean);
  if (given.length === 0) return { text, starts, assessment: joined, replyLed: false };
  const pulls = first.indicators.filter((f) => f.counted && f.warning).flatMap((f) => f.evidence);
  const scene = first.star.situation.spans.filter((s) => !pulls.some((e) => e.start < s.end && s.start < e.end)).map((s) => s.text.trim());
  const alone = assess({ ...input, answer: [...scene, ...given].join(BREAK) }, rubric);
  const rank = (l: Level): number => LEVELS.indexOf(l);
  if (rank(alone.level) - 1 <= rank(joined.level)) return { text, starts, assessment: joined, replyLed: false };
  const level = LEVELS[rank(alone.level) - 1]!;
  const [lo, hi] = BAND[alone.level];
  const [nlo, nhi] = BAND[level];
  const score = nlo + Math.round(((alone.score - lo) * (nhi - nlo)) / (hi - lo));
  const reasons = [...joined.reasons, `Your reply to the follow-up shows ${alone.level}-level service on its own; with what the first answer said, the whole answer counts one level below it: ${level}.`];
  return { text, starts, assessment: { ...joined, level, score, reasons }, replyLed: true };
}
