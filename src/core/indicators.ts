import type { AnswerCue, CompiledRubric } from './compile.js';
import type { CueMatch } from './cues/cue-set.js';
import { isOwn, isOwnAction, outcomeAt, reportedBackstory, setAside, shownAt, spanOf, strongest } from './evidence.js';
import type { Doc } from './text/analyse.js';
import type { Clause } from './text/clauses.js';
import type { Evidence, IndicatorFinding, Shown } from './types.js';

/**
 * A warning sign about others in the present ("they never check anything", "people don't read")
 * is the candidate's own judgement, not a narrated event ("she blamed the courier"). In a story,
 * a present-tense clause about one person is narration ("one daughter tell the manager", as
 * non-native writers and storytellers tell the past): only a habit or a negation is a judgement.
 */
function warningVoice(warning: boolean, doc: Doc, c: Clause, shown: Shown): Shown {
  if (!warning || shown !== 'others' || c.past || c.mode === 'hypothetical') return shown;
  return !doc.narrative || c.mode === 'habitual' || c.negatedFrom >= 0 || aboutPeopleInGeneral(doc, c) ? 'stated' : shown;
}

/** Words that make a subject people in general: "some customers just want...", "people never read". */
const GENERAL = new Set(['some', 'most', 'many', 'people', 'customers', 'clients', 'folk', 'folks']);

/** A present-tense clause whose subject is people in general: the speaker's own view of them. */
function aboutPeopleInGeneral(doc: Doc, c: Clause): boolean {
  const end = c.verb > c.first ? c.verb : Math.min(c.last, c.first + 3);
  for (let i = c.first; i < end; i++) if (GENERAL.has(doc.tokens[i]!.norm)) return true;
  return false;
}

/**
 * Every rubric indicator the answer touches, with each piece of evidence and how it shows.
 * `counted` is decided later by the level rules; here it is false.
 */
export function findIndicators(doc: Doc, rubric: CompiledRubric, matches: ReadonlyArray<CueMatch<AnswerCue>>): IndicatorFinding[] {
  type IndicatorMatch = CueMatch<AnswerCue> & { cue: { payload: { kind: 'indicator'; indicator: number; named: boolean } } };
  const found: IndicatorMatch[] = [];
  const exceptions = new Map<number, CueMatch<AnswerCue>[]>();
  const namedRanges: CueMatch<AnswerCue>[] = [];
  for (const m of matches) {
    const p = m.cue.payload;
    if (p.kind === 'indicator') {
      found.push(m as IndicatorMatch);
      if (p.named) namedRanges.push(m);
    } else if (p.kind === 'except') {
      const list = exceptions.get(p.indicator);
      if (list) list.push(m);
      else exceptions.set(p.indicator, [m]);
    }
  }
  // A result comes after what the candidate did: "a customer came back furious" opening a story is
  // the situation, not loyalty.
  let firstAction = Infinity;
  // "I worked on the helpline of a boiler maker" sets the scene; it is not a step.
  for (const c of doc.clauses) if (isOwnAction(doc, c) && !JOB_VERBS.has(doc.tokens[c.verb]?.norm ?? '')) { firstAction = c.first; break; }
  const byIndicator = new Map<number, Evidence[]>();
  const seen = new Set<number>();
  for (const m of found) {
    const { indicator, named: isNamed } = m.cue.payload;
    const ci = doc.clauseOf[m.first]!;
    if (ci < 0) continue;
    const key = indicator * 1_000_000 + m.first;
    if (seen.has(key)) continue; // one piece of evidence per indicator per position
    const except = exceptions.get(indicator);
    if (except && except.some((x) => x.first <= m.first && m.first < x.last)) continue;
    seen.add(key);
    // A plain cue inside a phrase that only names a concept ("build win-win relationships") names it too.
    const named = isNamed || (namedRanges.length > 0 && namedRanges.some((n) => n.first < m.last && m.first < n.last));
    const ind = rubric.indicators[indicator]!;
    const clause = doc.clauses[ci]!;
    let shown = ind.evidence === 'outcome'
      ? (m.first < firstAction || reportedBackstory(doc, ci, m.first, m.last) ? (named ? 'named' : 'stated') : outcomeAt(doc, clause, m.first, named))
      : ind.warning && setAside(doc, ci) ? 'negated' : warningVoice(ind.warning, doc, clause, shownAt(doc, clause, m.first, named));
    // "Our rule is thirty days' notice, and the system wouldn't let me backdate it. I let her
    // explain...": the rule as the scene of a story is what the candidate faced, not their answer.
    if (ind.scene && shown === 'stated' && doc.narrative && firstAction !== Infinity && m.first < firstAction && !isOwn(doc, clause)) shown = 'others';
    // "The policy say I must charge full night. I think this is not fair ... I speak with the
    // supervisor": a rule the candidate judged unfair, then acted on, is what they worked round.
    if (ind.scene && doc.narrative && (shown === 'stated' || shown === 'step') && judgedUnfair(doc, ci)) shown = 'others';
    // Explicit fields, not a spread: spread objects are several times slower to build and to serialise.
    const span = spanOf(doc, m.first, m.last);
    const ev: Evidence = { start: span.start, end: span.end, text: span.text, cue: m.cue.text, shown };
    const list = byIndicator.get(indicator);
    if (list) list.push(ev);
    else byIndicator.set(indicator, [ev]);
  }
  // "Oh sure, I had all day to find out what he really needed": in a sentence that mocks, the
  // good practice it names is not shown.
  const mocked = new Set<number>();
  for (const [i, evidence] of byIndicator) {
    if (!rubric.indicators[i]!.mocks) continue;
    for (const e of evidence) mocked.add(sentenceAt(doc, e.start));
  }
  if (mocked.size > 0) {
    for (const [i, evidence] of byIndicator) {
      if (rubric.indicators[i]!.warning) continue;
      for (const e of evidence) if (mocked.has(sentenceAt(doc, e.start))) e.shown = 'negated';
    }
  }
  const out: IndicatorFinding[] = [];
  for (const [i, evidence] of [...byIndicator.entries()].sort((a, b) => a[0] - b[0])) {
    const ind = rubric.indicators[i]!;
    evidence.sort((a, b) => a.start - b.start || b.end - a.end);
    out.push({
      id: ind.id,
      name: ind.name,
      level: ind.level,
      warning: ind.warning,
      shown: evidence.map((e) => e.shown).reduce(strongest),
      counted: false,
      evidence,
      source: ind.source,
    });
  }
  return out;
}

const JOB_VERBS = new Set(['work', 'worked', 'working']);
const UNFAIR_NEGATORS = new Set(['not', "wasn't", "isn't", "didn't", "doesn't", "wouldn't", 'never', 'hardly']);

/** A negator in the three words before token `i` (not before `from`). */
function negatedWithin(doc: Doc, from: number, i: number): boolean {
  for (let j = Math.max(from, i - 3); j < i; j++) if (UNFAIR_NEGATORS.has(doc.tokens[j]!.norm)) return true;
  return false;
}

/** The rule in clause `ci` is called unfair or unfit after it is told, and the candidate acts after that. */
function judgedUnfair(doc: Doc, ci: number): boolean {
  let judgedAt = -1;
  for (let k = ci; k < doc.clauses.length && judgedAt < 0; k++) {
    const c = doc.clauses[k]!;
    for (let i = c.first; i < c.last; i++) {
      const n = doc.tokens[i]!.norm;
      if (n === 'unfair' || ((n === 'fair' || n === 'fit' || n === 'fits' || n === 'suit' || (n === 'made' && doc.tokens[i + 1]?.norm === 'for')) && negatedWithin(doc, c.first, i))) {
        judgedAt = k;
        break;
      }
    }
  }
  if (judgedAt < 0) return false;
  for (let k = judgedAt + 1; k < doc.clauses.length; k++) if (isOwnAction(doc, doc.clauses[k]!)) return true;
  return false;
}

function sentenceAt(doc: Doc, offset: number): number {
  for (let i = 0; i < doc.sentences.length; i++) if (offset < doc.sentences[i]!.end) return i;
  return doc.sentences.length - 1;
}
