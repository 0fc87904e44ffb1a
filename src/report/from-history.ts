import { LEVELS, STAR_PARTS, type Assessment, type Delivery, type FeedbackItem, type SourceRef, type StarPartName } from '../core/types.js';
import type { AdviserRecord, AnswerRecord, HistoryRecord } from '../io/history.js';
import type { ReportAnswer } from './candidate-report.js';
import { candidateKey } from './candidates.js';

export interface HistoryFilter {
  candidate?: string | undefined;
  /** ISO date or date-time: answers at or after it. */
  since?: string | undefined;
}

const reviewKey = (session: string, questionId: string | null, attempt: number): string => `${session}\u0000${questionId ?? ''}\u0000${attempt}`;

export function toReportAnswer(a: Assessment, answer: string, extra: { candidate: string | null; session: string | null; at: string | null }, delivery?: Delivery): ReportAnswer {
  return {
    ...(delivery ? { delivery } : {}),
    candidate: extra.candidate,
    session: extra.session,
    at: extra.at,
    questionId: a.questionId,
    question: a.question,
    competency: a.competency,
    answer,
    level: a.level,
    score: a.score,
    star: Object.fromEntries(STAR_PARTS.map((p) => [p, a.star[p].present])) as Record<StarPartName, boolean>,
    feedback: a.feedback,
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether a history record is an answer whose assessment reports can use. A history file is
 * user data: a hand-edited or damaged line that parses as JSON may still lack what a report reads,
 * and is left out rather than crash the report. A score outside 0-100 (-50, 1e999) is not one the
 * coach gives: left out too, rather than shown as "-50/100" or a mean of "Infinity".
 */
export function usableAnswer(r: HistoryRecord): r is AnswerRecord {
  if (!isObject(r) || r.type !== 'answer' || typeof r.session !== 'string' || typeof r.at !== 'string') return false;
  const a = (r as { assessment?: unknown }).assessment;
  if (!isObject(a)) return false;
  return (LEVELS as readonly unknown[]).includes(a['level']) && typeof a['score'] === 'number' && a['score'] >= 0 && a['score'] <= 100
    && typeof a['competency'] === 'string' && typeof a['question'] === 'string' && Array.isArray(a['feedback'])
    && isObject(a['star']) && STAR_PARTS.every((p) => isObject((a['star'] as Record<string, unknown>)[p]));
}

/**
 * The answers of a history, filtered by candidate and date, each with the adviser's review of
 * it when one was recorded (the latest, if there are several).
 */
export function answersFromHistory(records: HistoryRecord[], filter: HistoryFilter): ReportAnswer[] {
  const reviews = new Map<string, AdviserRecord>();
  for (const r of records) if (isObject(r) && r.type === 'adviser' && (LEVELS as readonly unknown[]).includes(r.level)) reviews.set(reviewKey(r.session, r.questionId, r.attempt), r);
  const out: ReportAnswer[] = [];
  // Names match without regard to case or spacing ("sam patel" is "Sam Patel").
  const wanted = filter.candidate === undefined ? undefined : candidateKey(filter.candidate);
  for (const r of records) {
    if (!usableAnswer(r)) continue;
    const a = r;
    if (wanted !== undefined && (a.candidate === undefined || candidateKey(a.candidate) !== wanted)) continue;
    if (filter.since !== undefined && a.at < filter.since) continue;
    const ra = toReportAnswer(a.assessment, a.answer, { candidate: a.candidate ?? null, session: a.session, at: a.at }, a.delivery);
    const asked = Array.isArray(a.followUps) ? a.followUps.filter((f) => isObject(f) && typeof f.question === 'string' && typeof f.reply === 'string') : [];
    if (asked.length) {
      // The answer alone, before the first reply joined it; the replies are shown under their questions.
      const starts = asked.map((f) => f.start).filter((x) => typeof x === 'number' && x > 0 && x <= a.answer.length);
      if (starts.length) ra.answer = a.answer.slice(0, Math.min(...starts)).trimEnd();
      ra.followUps = asked.map((f) => ({ question: f.question, reply: f.reply }));
    }
    const review = reviews.get(reviewKey(a.session, a.questionId, a.attempt));
    if (review) ra.adviser = { level: review.level, comment: typeof review.comment === 'string' ? review.comment : '' };
    out.push(ra);
  }
  return out;
}

/**
 * Next steps recorded in an older history cite their source by file name and an older quote;
 * each is given the citation the rubric has now for the same indicator or STAR part (its title,
 * publisher and quote), so a report never shows a bare file name. Unknown ones are kept.
 */
export function withCurrentSources(answers: ReportAnswer[], citations: ReadonlyMap<string, SourceRef>): ReportAnswer[] {
  const cite = (f: FeedbackItem): FeedbackItem => {
    const now = citations.get(f.indicator);
    return now && now !== f.source ? { ...f, source: now } : f;
  };
  return answers.map((a) => ({ ...a, feedback: a.feedback.map(cite) }));
}
