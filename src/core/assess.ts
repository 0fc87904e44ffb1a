import type { AnswerCue, CompiledRubric } from './compile.js';
import { chooseFeedback } from './feedback.js';
import { findIndicators } from './indicators.js';
import { decideLevel } from './level.js';
import { readQuestion } from './question.js';
import { customerRolePhrases, readRelevance } from './relevance.js';
import { findStar } from './star.js';
import { analyse } from './text/analyse.js';
import { looksEnglish } from './text/english.js';
import type { QuestionInfo } from './question.js';
import type { CueMatch } from './cues/cue-set.js';
import type { AnswerInput, Assessment } from './types.js';

/**
 * Scores one answer. Pure and deterministic: the same text and rubric always give the same
 * assessment; no I/O, no clock. Never throws on any string.
 */
export function assess(input: AnswerInput, rubric: CompiledRubric): Assessment {
  const q = readQuestion(rubric, typeof input.question === 'string' ? input.question : '', input.competency, input.kind);
  // Scene-setting sentences are found once: they decide whether a present-tense answer is a story, and are its Situation.
  // Every answer cue is matched in one pass per sentence; scene-setting sentences (STAR
  // situation cues) also decide whether a present-tense answer is a story.
  const bySentence: CueMatch<AnswerCue>[][] = [];
  const all: CueMatch<AnswerCue>[] = [];
  const doc = analyse(typeof input.answer === 'string' ? input.answer : '', (si, tokens, first, last) => {
    const ms = rubric.answerCues.matchRange(tokens, first, last);
    bySentence[si] = ms;
    for (const m of ms) all.push(m);
    return ms.some((m) => m.cue.payload.kind === 'star' && m.cue.payload.part === 'situation');
  });
  if (!looksEnglish(doc.tokens)) return notEnglish(input, q);
  const star = findStar(doc, bySentence);
  const findings = findIndicators(doc, rubric, all);
  const relevance = readRelevance(doc, bySentence, q.stems, q.competency, rubric);
  const decision = decideLevel(doc, q.kind, star, findings, rubric.indicatorById, relevance, customerRolePhrases(bySentence));
  for (const f of findings) f.counted = decision.counted.has(f.id);
  const feedback = chooseFeedback(rubric, q.competency, q.kind, decision.level, star, findings, decision.counted, doc);
  return assessment(input, q, { level: decision.level, score: decision.score, star, indicators: findings, feedback, reasons: decision.reasons });
}

const NO_PART = (): Assessment['star']['action'] => ({ present: false, spans: [] });

/** An answer in another language is not judged: a low level with no evidence, and a reason that says why. */
function notEnglish(input: AnswerInput, q: QuestionInfo): Assessment {
  return assessment(input, q, {
    level: 'low',
    score: 0,
    star: { situation: NO_PART(), task: NO_PART(), action: NO_PART(), result: NO_PART() },
    indicators: [],
    feedback: [],
    reasons: ['Not judged: this answer does not read as English, and coach reads English only. Write it in English to have it scored.'],
  });
}

type Judgement = Pick<Assessment, 'level' | 'score' | 'star' | 'indicators' | 'feedback' | 'reasons'>;

/** The assessment in the contract's field order: what was asked, then the judgement. */
function assessment(input: AnswerInput, q: QuestionInfo, j: Judgement): Assessment {
  return {
    question: input.question,
    questionId: q.bank?.id ?? null,
    competency: q.competency,
    competencyInferred: q.competencyInferred,
    kind: q.kind,
    kindSource: q.kindSource,
    level: j.level,
    score: j.score,
    star: j.star,
    indicators: j.indicators,
    feedback: j.feedback,
    reasons: j.reasons,
  };
}
