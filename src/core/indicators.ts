import type { CompiledRubric, IndicatorCue } from './compile.js';
import type { CueMatch } from './cues/cue-set.js';
import { outcomeAt, shownAt, spanOf, strongest } from './evidence.js';
import type { Doc } from './text/analyse.js';
import type { Evidence, IndicatorFinding } from './types.js';

/**
 * Every rubric indicator the answer touches, with each piece of evidence and how it shows.
 * `counted` is decided later by the level rules; here it is false.
 */
export function findIndicators(doc: Doc, rubric: CompiledRubric): IndicatorFinding[] {
  const matches: CueMatch<IndicatorCue>[] = [];
  const exceptions: CueMatch<number>[] = [];
  for (const s of doc.sentences) {
    matches.push(...rubric.indicatorCues.matchRange(doc.tokens, s.first, s.last));
    exceptions.push(...rubric.indicatorExceptions.matchRange(doc.tokens, s.first, s.last));
  }
  // A plain cue inside a phrase that only names a concept ("build win-win relationships") names it too.
  const namedRanges = matches.filter((m) => m.cue.payload.named);
  const byIndicator = new Map<number, Evidence[]>();
  const seen = new Set<string>();
  for (const m of matches) {
    const ci = doc.clauseOf[m.first]!;
    if (ci < 0) continue;
    if (exceptions.some((x) => x.cue.payload === m.cue.payload.indicator && x.first <= m.first && m.first < x.last)) continue;
    const key = `${m.cue.payload.indicator}:${m.first}`;
    if (seen.has(key)) continue; // one piece of evidence per indicator per position
    seen.add(key);
    const named = m.cue.payload.named || namedRanges.some((n) => n.first < m.last && m.first < n.last);
    const ind = rubric.indicators[m.cue.payload.indicator]!;
    const clause = doc.clauses[ci]!;
    const shown = ind.evidence === 'outcome' ? outcomeAt(doc, clause, m.first, named) : shownAt(doc, clause, m.first, named);
    const ev: Evidence = { ...spanOf(doc, m.first, m.last), cue: m.cue.text, shown };
    const list = byIndicator.get(m.cue.payload.indicator);
    if (list) list.push(ev);
    else byIndicator.set(m.cue.payload.indicator, [ev]);
  }
  const out: IndicatorFinding[] = [];
  for (const [i, evidence] of [...byIndicator.entries()].sort((a, b) => a[0] - b[0])) {
    const ind = rubric.indicators[i]!;
    evidence.sort((a, b) => a.start - b.start);
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
