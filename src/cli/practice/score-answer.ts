import type { FollowUp } from '../../core/follow-ups.js';
import type { AnswerInput, Assessment, QuestionData } from '../../core/types.js';
import type { FollowUpAsked } from '../../io/history.js';
import type { Style } from '../../render/style.js';
import type { Prompts, Scorer } from '../commands/practice.js';
import { isCtrlC, type DraftContext, type Drafts } from './drafts.js';

/** A question being practised: from the bank, or the candidate's own (--ask), whose kind they may have chosen. */
export interface PracticeQuestion extends QuestionData {
  /** The candidate chose the kind: it is given to the scorer rather than read from the wording. */
  kindGiven?: boolean;
  /** A question of the candidate's own, not in the bank. */
  own?: boolean;
}

export function inputOf(q: PracticeQuestion, answer: string): AnswerInput {
  return { question: q.text, competency: q.competency, ...(q.kindGiven ? { kind: q.kind } : {}), answer };
}

/** An answer as scored: with the replies to the follow-ups, when any were asked. */
export interface Scored {
  /** What was scored: the answer, then each reply as a paragraph. */
  text: string;
  assessment: Assessment;
  /** The answer alone, before any reply. */
  first: Assessment;
  followUps: FollowUpAsked[];
}

/**
 * Scores an answer and, as an interviewer would, asks up to `count` follow-up questions about the
 * biggest gaps it leaves: each is chosen from the answer as it stands with the replies so far.
 * A reply left empty skips it (and any further one). The replies are scored with the answer.
 * `save` is called once with the result, before it is returned; on Ctrl-C during a reply, with
 * the answer and the replies given so far, so that the answer is never lost (the reply being
 * typed is then the pending draft).
 */
export async function scoreAnswer(
  q: PracticeQuestion, answer: string, count: number, s: Scorer, p: Prompts, st: Style, drafts: Drafts, draft: DraftContext, save: (scored: Scored) => void,
): Promise<Scored> {
  const first = s.assess(inputOf(q, answer), s.rubric);
  const asked: FollowUp[] = [];
  const replies: string[] = [];
  let now = { text: answer, assessment: first, starts: [] as number[] };
  const result = (): Scored => ({
    text: now.text,
    assessment: now.assessment,
    first,
    followUps: asked.map((f, i) => ({ gap: f.gap, question: f.question, reply: replies[i] ?? '', start: now.starts[i] ?? -1 })),
  });
  while (asked.length < count) {
    const f = s.followUps.chooseFollowUp(now.text, now.assessment, s.rubric, asked);
    if (!f) break;
    asked.push(f);
    process.stdout.write(s.followUpViews.renderFollowUpQuestion(f.question, st));
    drafts.begin({ ...draft, followUp: f.question });
    let r;
    try {
      r = await p.answer({ message: 'Your reply', hint: 'Answer the interviewer in a few sentences; leave it empty to skip.' });
    } catch (e) {
      if (isCtrlC(e)) save(result());
      throw e;
    }
    const reply = r.text.replace(/\r\n?/g, '\n').trim();
    replies.push(reply);
    const x = s.followUps.assessExchange(inputOf(q, answer), first, replies, s.rubric);
    now = { text: x.text, assessment: x.assessment, starts: x.starts };
    if (!reply) break;
  }
  const done = result();
  save(done);
  drafts.clear();
  return done;
}
