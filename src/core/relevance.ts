import type { AnswerCue, CompiledRubric } from './compile.js';
import type { CueMatch } from './cues/cue-set.js';
import type { Doc } from './text/analyse.js';

const SOMEONE = new Set(['he', 'she', 'him', 'her', 'his', "he'd", "she'd", "he's", "she's", 'hers']);

/** How many phrases tell of service the speaker received ("my washing machine broke", "as a customer"). */
export function customerRolePhrases(bySentence: ReadonlyArray<ReadonlyArray<CueMatch<AnswerCue>>>): number {
  let n = 0;
  for (const ms of bySentence) for (const m of ms ?? []) if (m.cue.payload.kind === 'customer-role') n++;
  return n;
}

/** Whether the answer is about the question asked, as far as its words can show. */
export type Relevance = 'relevant' | 'echoes-question' | 'no-one-served';

/**
 * An answer that mostly repeats the question's own words, or a story in which nobody is served
 * (a football match, a holiday) before its closing sentence, does not answer a service question.
 */
export function readRelevance(doc: Doc, bySentence: ReadonlyArray<ReadonlyArray<CueMatch<AnswerCue>>>, questionStems: ReadonlySet<string>, competency: string, rubric: CompiledRubric): Relevance {
  let content = 0;
  let echoed = 0;
  for (const t of doc.tokens) {
    if (t.kind !== 'word' || t.norm.length <= 3) continue;
    content++;
    if (questionStems.has(t.stem)) echoed++;
  }
  if (content >= 8 && echoed * 100 >= content * 45) return 'echoes-question';
  if (!doc.narrative) return 'relevant';
  const colleagues = rubric.colleagueCompetencies.has(competency);
  const before = doc.sentences.length > 2 ? doc.sentences.length - 1 : doc.sentences.length;
  for (let si = 0; si < before; si++) {
    // Someone in particular: "he", "she" ("a lad came in... he wanted").
    const s = doc.sentences[si]!;
    for (let i = s.first; i < s.last; i++) if (SOMEONE.has(doc.tokens[i]!.norm)) return 'relevant';
    for (const m of bySentence[si] ?? []) {
      const k = m.cue.payload.kind;
      if (k === 'served' || (colleagues && k === 'colleague')) return 'relevant';
    }
  }
  return 'no-one-served';
}
