import { levelOfScore } from '../core/level.js';
import { LEVELS, type FeedbackItem, type Level } from '../core/types.js';

/** One question of a mock interview, as it went. */
export interface MockTurn {
  n: number;
  questionId: string | null;
  question: string;
  competency: string;
  /** null when the question was skipped. */
  result: null | {
    level: Level;
    score: number;
    /** The scorer's first reason: why the level is what it is. */
    why: string;
    /** Seconds from the clock starting to the answer being submitted. */
    seconds: number;
    /** The level and score before the replies to the follow-ups joined the answer. */
    first: { level: Level; score: number };
    followUps: Array<{ question: string; reply: string }>;
    feedback: FeedbackItem[];
  };
}

export interface Debrief {
  /** The level of the mean score of the answers given (null when none was). */
  level: Level | null;
  meanScore: number | null;
  answered: number;
  skipped: number;
  /** Answers at medium or above. */
  atLeastMedium: number;
  turns: MockTurn[];
  /** The best and worst answers (by score); the weakest only when two or more were answered. */
  strongest: MockTurn | null;
  weakest: MockTurn | null;
  /** The three next steps that would help most: those most answers need, the ones towards medium first. */
  nextSteps: FeedbackItem[];
  /** Seconds spent answering, in all. */
  seconds: number;
}

/** The debrief of a mock interview: pure, from the turns as they went. */
export function buildDebrief(turns: MockTurn[]): Debrief {
  const done = turns.filter((t) => t.result !== null);
  const scores = done.map((t) => t.result!.score);
  const meanScore = scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : null;
  const byScore = [...done].sort((a, b) => b.result!.score - a.result!.score || a.n - b.n);
  const steps = new Map<string, { item: FeedbackItem; n: number; first: number }>();
  for (const t of done) {
    for (const f of t.result!.feedback) {
      const s = steps.get(f.indicator);
      if (s) s.n++;
      else steps.set(f.indicator, { item: f, n: 1, first: steps.size });
    }
  }
  const nextSteps = [...steps.values()]
    .sort((a, b) => b.n - a.n || LEVELS.indexOf(a.item.target) - LEVELS.indexOf(b.item.target) || a.first - b.first)
    .slice(0, 3)
    .map((s) => s.item);
  return {
    level: meanScore === null ? null : levelOfScore(meanScore),
    meanScore,
    answered: done.length,
    skipped: turns.length - done.length,
    atLeastMedium: done.filter((t) => t.result!.level !== 'low').length,
    turns,
    strongest: byScore[0] ?? null,
    weakest: byScore.length >= 2 ? byScore[byScore.length - 1]! : null,
    nextSteps,
    seconds: done.reduce((s, t) => s + t.result!.seconds, 0),
  };
}
