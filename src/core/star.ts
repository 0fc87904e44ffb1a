import type { CompiledRubric } from './compile.js';
import { isOwnAction, sentenceSpan } from './evidence.js';
import type { Doc } from './text/analyse.js';
import type { Span, StarPartName, StarPartResult } from './types.js';
import type { CueSet } from './cues/cue-set.js';

function sentencesMatching(doc: Doc, set: CueSet<true>, ok: (clause: number) => boolean): number[] {
  const hits = new Set<number>();
  doc.sentences.forEach((s, si) => {
    for (const m of set.matchRange(doc.tokens, s.first, s.last)) {
      const ci = doc.clauseOf[m.first]!;
      if (ci >= 0 && ok(ci)) hits.add(si);
    }
  });
  return [...hits].sort((a, b) => a - b);
}

function part(doc: Doc, sentences: number[]): StarPartResult {
  const spans: Span[] = sentences.map((s) => sentenceSpan(doc, s));
  return { present: spans.length > 0, spans };
}

/**
 * STAR parts exactly as levels.md defines them. Situation, Task and Result belong to a story (a
 * hypothetical "I would..." answer has none); Action is the candidate's own, real action.
 */
export function findStar(doc: Doc, rubric: CompiledRubric): Record<StarPartName, StarPartResult> {
  const real = (ci: number): boolean => doc.clauses[ci]!.mode !== 'hypothetical';
  const inStory = doc.narrative;
  const situation = inStory ? sentencesMatching(doc, rubric.star.situation, real) : [];
  const task = inStory ? sentencesMatching(doc, rubric.star.task, real) : [];
  const action = new Set<number>();
  if (inStory) for (const c of doc.clauses) if (isOwnAction(doc, c)) action.add(c.sentence);
  const vague = new Set(sentencesMatching(doc, rubric.vagueResult, () => true));
  const result = inStory ? sentencesMatching(doc, rubric.star.result, real).filter((s) => !vague.has(s)) : [];
  // A story's closing sentence about what happened to someone else is its result, cue or not
  // ("She had the report ready for Monday's meeting.").
  const lastSentence = doc.sentences.length - 1;
  const closing = doc.clauses.find((c) => c.sentence === lastSentence);
  if (inStory && closing && !vague.has(lastSentence) && !result.includes(lastSentence)
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
