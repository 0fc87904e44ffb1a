import type { QuestionData, RubricData } from '../../core/types.js';
import type { HistoryStore } from '../../io/history.js';
import type { MockTurn } from '../../report/debrief.js';
import { wrap, type Style } from '../../render/style.js';
import type { AnswerMode, Prompts, Scorer } from '../commands/practice.js';
import { getAnswer } from '../commands/practice-answer.js';
import type { Drafts } from './drafts.js';
import { scoreAnswer } from './score-answer.js';

/** What each answered turn scored, for the full feedback after the debrief. */
export const scoredTexts = new WeakMap<MockTurn, { text: string; assessment: import('../../core/types.js').Assessment; recorded?: boolean }>();

/** Seconds to read each question before the clock starts. */
export const READ_SECONDS = 5;

export interface MockOptions {
  mode: AnswerMode;
  /** The countdown for each answer, if timed. */
  seconds: number | undefined;
  followUps: number;
  session: { id: string; candidate: string | undefined };
}

/**
 * A mock interview: the questions back to back, each with a few seconds to read it before the
 * clock starts, the interviewer's follow-ups asked as the answers come, and no feedback until
 * the debrief. Every answer is saved as it is given; `turns` grows as the mock goes, so that a
 * mock ended early still has its debrief.
 */
export async function runMock(
  questions: QuestionData[], o: MockOptions, data: RubricData, scorer: () => Promise<Scorer>, p: Prompts, store: HistoryStore, st: Style, drafts: Drafts, turns: MockTurn[],
): Promise<void> {
  const { readCountdown } = await import('./read-countdown.js');
  const render = await import('../../render/practice.js');
  process.stdout.write(`${st.dim(wrap(`A mock interview: ${questions.length} questions back to back, ${READ_SECONDS} seconds to read each before the clock starts, and the interviewer's follow-ups. Your feedback comes at the end.`, st.width, ''))}\n`);
  for (const [i, q] of questions.entries()) {
    process.stdout.write(`\n${render.renderQuestionHead(q, i + 1, questions.length, st)}`);
    await readCountdown({ seconds: READ_SECONDS });
    const started = Date.now();
    drafts.begin({ questionId: q.id, question: q.text, attempt: 1, mode: o.mode });
    const got = await getAnswer(o.mode, q, data, p, st, o.seconds);
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    if (got === 'skip' || got === 'end') {
      drafts.clear();
      turns.push({ n: i + 1, questionId: q.id, question: q.text, competency: q.competency, result: null });
      // Ending the mock early still gives the debrief of what was answered.
      if (got === 'end') return;
      continue;
    }
    const draft = { questionId: q.id, question: q.text, attempt: 1, mode: got.mode };
    const s = await scorer();
    // A recorded answer: its delivery, from the transcript's timings (never in the level).
    const delivery = got.timed ? (await import('../prompts/recording-prompt.js')).spokenDelivery(got.timed, s.rubric) : undefined;
    // Saved (and counted in the debrief) once the follow-ups are answered, or at Ctrl-C during one.
    await scoreAnswer(q, got.text, o.followUps, s, p, st, drafts, draft, (scored) => {
      store.append({
        v: 1, type: 'answer', session: o.session.id, at: new Date().toISOString(), attempt: 1, questionId: q.id, mode: got.mode,
        ...(o.seconds ? { timed: { seconds: o.seconds, expired: got.expired } } : {}),
        answer: scored.text, assessment: scored.assessment, ...(delivery ? { delivery } : {}),
        ...(scored.followUps.length ? { followUps: scored.followUps, first: { level: scored.first.level, score: scored.first.score } } : {}),
        took: seconds,
        ...(o.session.candidate ? { candidate: o.session.candidate } : {}),
      });
      const a = scored.assessment;
      const turn: MockTurn = {
        n: i + 1, questionId: q.id, question: q.text, competency: q.competency,
        result: {
          level: a.level, score: a.score, why: a.reasons[0] ?? '', seconds,
          first: { level: scored.first.level, score: scored.first.score },
          followUps: scored.followUps.map((f) => ({ question: f.question, reply: f.reply })),
          feedback: a.feedback,
        },
      };
      turns.push(turn);
      scoredTexts.set(turn, { text: scored.text, assessment: a, ...(delivery ? { recorded: true } : {}) });
    });
    process.stdout.write(st.dim(i < questions.length - 1 ? 'Thank you. Next question.\n' : 'Thank you: that was the last question.\n'));
  }
}
