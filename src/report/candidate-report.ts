import type { FeedbackItem, Level, StarPartName } from '../core/types.js';
import { ReportBuilder, type ReportBuilderOptions } from './report-builder.js';

// The report an adviser hands a candidate: built from practice history (or a scored batch),
// per competency. Pure: records in, report out; the caller supplies the clock and time zone.

/** One answer as a report needs it: from a history record or a scored batch. */
export interface ReportAnswer {
  candidate: string | null;
  session: string | null;
  at: string | null;
  questionId: string | null;
  question: string;
  competency: string;
  answer: string;
  /** The interviewer's follow-up questions and the replies (practice): `answer` is then the answer alone. */
  followUps?: Array<{ question: string; reply: string }> | undefined;
  level: Level;
  score: number;
  star: Record<StarPartName, boolean>;
  feedback: FeedbackItem[];
  adviser?: { level: Level; comment: string } | undefined;
}

/** A next step, with the number of answers it was given for. */
export interface ReportStep extends FeedbackItem {
  answers: number;
}

/** One session's answers (of one competency, one candidate, or all): its name and mean score. */
export interface SessionPoint {
  /** The history's id for the session (for scripts; never shown to a reader). */
  session: string;
  /** "Tue 1 Dec 2026, 14:05 · Retail sales assistant set". */
  name: string;
  /** "1 Dec 2026": for a chart's axis. */
  day: string;
  at: string;
  /** The candidate the session's answers are of, or null when they are of several or none. */
  candidate: string | null;
  answers: number;
  /** Mean score of those answers, rounded. */
  score: number;
  /** The band that mean falls in. */
  level: Level;
}

/** An answer quoted as an example. */
export interface ReportExample {
  level: Level;
  score: number;
  question: string;
  answer: string;
  candidate: string | null;
  /** The session's name, when known. */
  session: string | null;
  /** The interviewer's follow-up questions and the replies, when any were asked. */
  followUps?: Array<{ question: string; reply: string }>;
}

export interface CompetencyReport {
  competency: string;
  name: string;
  answers: number;
  /** Mean score of every answer, to one decimal. */
  meanScore: number;
  /** The band the mean score falls in (low below 40, medium 40-69, high 70 and over): the colour of its bar. */
  meanLevel: Level;
  /** The level most answers reached (not the same thing as the band of the mean). */
  typicalLevel: Level;
  /** Answers at each level. */
  levels: Record<Level, number>;
  latest: { level: Level; score: number };
  /** The strongest answer, quoted, with the follow-ups it was asked (when any). */
  best: { level: Level; score: number; question: string; answer: string; followUps?: Array<{ question: string; reply: string }> };
  /** A bounded few of the strongest answers (strongest first) and of the weakest (weakest first): with few answers, the same ones. */
  examples: { strongest: ReportExample[]; weakest: ReportExample[] };
  /** Share of answers (0-1) in which each STAR part was found. */
  star: Record<StarPartName, number>;
  /**
   * The next steps most often given for this competency's own answers, leaving out those given
   * in every competency (the report's sharedSteps), so each competency shows its own.
   */
  nextSteps: ReportStep[];
  /** Score per session, oldest first (mean of that session's answers). */
  progress: SessionPoint[];
  /** The adviser's own view, where recorded. */
  adviser: Array<{ at: string | null; when: string | null; question: string; level: Level; comment: string; coachLevel: Level; candidate: string | null }>;
}

/** One candidate of a report that covers several. */
export interface CandidateRow {
  candidate: string;
  answers: number;
  meanScore: number;
  meanLevel: Level;
  typicalLevel: Level;
  levels: Record<Level, number>;
  /** The (up to two) competencies with the lowest mean score: where to work first. */
  weakest: Array<{ competency: string; name: string; meanScore: number }>;
  /** The candidate's own sessions, oldest first: a progress line of their own. */
  sessions: SessionPoint[];
}

export interface CandidateReport {
  version: 1;
  candidate: string | null;
  generatedAt: string;
  /** generatedAt in words: "Wed 2 Dec 2026, 12:45". */
  generated: string;
  since: string | null;
  answers: number;
  sessions: number;
  levels: Record<Level, number>;
  /** Mean score of every answer, the band it falls in, and the level most answers reached. */
  meanScore: number | null;
  meanLevel: Level | null;
  typicalLevel: Level | null;
  /** Every session, oldest first, by name. */
  timeline: SessionPoint[];
  /** Next steps given in the answers of every competency (two or more): said once, not in each. */
  sharedSteps: ReportStep[];
  competencies: CompetencyReport[];
  /** One row per candidate, by name; more than one means the answers are of several candidates. */
  candidates: CandidateRow[];
  /** Answers of candidates past the first listed (counted everywhere else, not given a row). */
  unlistedAnswers: number;
  /** How many strongest and weakest answers each competency keeps as examples. */
  examplesKept: number;
  /** Inputs that could not be scored (a scored batch). */
  notScored?: number;
}

export interface ReportOptions extends ReportBuilderOptions {
  candidate: string | null;
  since: string | null;
  generatedAt: string;
}

export function buildCandidateReport(answers: Iterable<ReportAnswer>, names: ReadonlyMap<string, string>, opts: ReportOptions): CandidateReport {
  const b = new ReportBuilder(names, opts);
  for (const a of answers) b.add(a);
  return b.build(opts);
}
