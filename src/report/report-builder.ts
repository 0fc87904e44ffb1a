import type { FeedbackItem, Level, StarPartName } from '../core/types.js';
import { LEVELS, STAR_PARTS } from '../core/types.js';
import { levelOfScore } from '../core/level.js';
import type { CandidateReport, CandidateRow, CompetencyReport, ReportAnswer, ReportExample, ReportStep, SessionPoint } from './candidate-report.js';
import { candidateKey } from './candidates.js';
import { sessionName, whenLabel, type SessionNaming, type SessionPlan } from './session-names.js';
import { DeliveryTrendBuilder } from './delivery-trend.js';

// The candidate report built one answer at a time, keeping counts and sums per competency, per
// candidate and per session, and a bounded few example answers: a batch of any size is reported
// in flat memory (coach score big.jsonl --format html), and a history report is the same code.

export interface ReportBuilderOptions {
  /** Sessions' start and plan by id (a history's session records; a batch's one run). */
  sessions?: ReadonlyMap<string, SessionPlan> | undefined;
  /** Names for sets, competencies and questions, and the time zone, for naming sessions. */
  naming?: SessionNaming | undefined;
  /** Strongest and weakest answers kept per competency. */
  examples?: number | undefined;
  /** Candidates given a row of their own; the answers of any past these are counted, not listed. */
  maxCandidates?: number | undefined;
}

/** Strongest and weakest answers kept per competency, unless told otherwise. */
export const EXAMPLES_KEPT = 3;
/** Candidates listed one by one; enough for any workshop, few enough for a page. */
export const CANDIDATES_LISTED = 500;
const NO_NAME = '\u0000';

interface Sums { n: number; sum: number }
interface SessionSums extends Sums { session: string; at: string; candidate: string | null | undefined }
interface Example extends ReportExample { seq: number }

interface CompetencyAgg {
  n: number;
  sum: number;
  levels: Record<Level, number>;
  star: Record<StarPartName, number>;
  steps: Map<string, { item: FeedbackItem; n: number }>;
  latest: { at: string; seq: number; level: Level; score: number };
  strongest: Example[];
  weakest: Example[];
  sessions: Map<string, SessionSums>;
  adviser: CompetencyReport['adviser'];
}

interface CandidateAgg {
  name: string;
  n: number;
  sum: number;
  levels: Record<Level, number>;
  competencies: Map<string, Sums>;
  sessions: Map<string, SessionSums>;
}

const zeroLevels = (): Record<Level, number> => ({ low: 0, medium: 0, high: 0 });
const round1 = (x: number): number => Math.round(x * 10) / 10;
/** The level most answers reached; a tie goes to the lower level (the more cautious word). */
const typical = (levels: Record<Level, number>): Level => [...LEVELS].sort((x, y) => levels[y] - levels[x] || LEVELS.indexOf(x) - LEVELS.indexOf(y))[0]!;

/** Adds an answer to a session's sums: the earliest answer dates it; answers of two candidates make its candidate null. */
function addToSession(map: Map<string, SessionSums>, session: string, at: string, candidate: string | null, score: number): void {
  const s = map.get(session);
  if (!s) map.set(session, { session, at, candidate, n: 1, sum: score });
  else {
    s.n++;
    s.sum += score;
    if (at < s.at) s.at = at;
    if (s.candidate !== candidate) s.candidate = null;
  }
}

/** Inserts into a list kept sorted by `better`, at most `max` long; the same answer to the same question is kept once. */
function keep(list: Example[], e: Example, max: number, better: (a: Example, b: Example) => boolean): void {
  if (max <= 0 || (list.length >= max && !better(e, list[list.length - 1]!))) return;
  if (list.some((x) => x.answer === e.answer && x.question === e.question && x.candidate === e.candidate)) return;
  let i = list.length;
  while (i > 0 && better(e, list[i - 1]!)) i--;
  list.splice(i, 0, e);
  if (list.length > max) list.pop();
}
const stronger = (a: Example, b: Example): boolean => a.score > b.score;
const weaker = (a: Example, b: Example): boolean => a.score < b.score;

export class ReportBuilder {
  private n = 0;
  private sum = 0;
  private readonly levels = zeroLevels();
  private readonly competencies = new Map<string, CompetencyAgg>();
  private readonly candidates = new Map<string, CandidateAgg>();
  private readonly sessions = new Map<string, SessionSums>();
  private unlisted = 0;
  private readonly delivery = new DeliveryTrendBuilder();
  private readonly examples: number;
  private readonly maxCandidates: number;

  constructor(private readonly names: ReadonlyMap<string, string>, private readonly opts: ReportBuilderOptions = {}) {
    this.examples = opts.examples ?? EXAMPLES_KEPT;
    this.maxCandidates = opts.maxCandidates ?? CANDIDATES_LISTED;
  }

  /** Answers added so far. */
  get answers(): number {
    return this.n;
  }

  add(a: ReportAnswer): void {
    const seq = this.n++;
    this.sum += a.score;
    this.levels[a.level]++;
    const session = a.session ?? a.at ?? 'batch';
    const at = a.at ?? this.opts.sessions?.get(session)?.at ?? '';
    const candidate = a.candidate !== null && a.candidate.trim() !== '' ? a.candidate.trim().replace(/\s+/g, ' ') : null;
    addToSession(this.sessions, session, at, candidate, a.score);
    this.delivery.add(a);

    let c = this.competencies.get(a.competency);
    if (!c) {
      c = {
        n: 0, sum: 0, levels: zeroLevels(), star: { situation: 0, task: 0, action: 0, result: 0 }, steps: new Map(),
        latest: { at, seq, level: a.level, score: a.score }, strongest: [], weakest: [], sessions: new Map(), adviser: [],
      };
      this.competencies.set(a.competency, c);
    }
    c.n++;
    c.sum += a.score;
    c.levels[a.level]++;
    for (const p of STAR_PARTS) if (a.star[p]) c.star[p]++;
    for (const f of a.feedback) {
      const s = c.steps.get(f.indicator);
      if (s) s.n++;
      else c.steps.set(f.indicator, { item: f, n: 1 });
    }
    if (at > c.latest.at || (at === c.latest.at && seq >= c.latest.seq)) c.latest = { at, seq, level: a.level, score: a.score };
    const strong = c.strongest.length < this.examples || a.score > c.strongest[c.strongest.length - 1]!.score;
    const weak = c.weakest.length < this.examples || a.score < c.weakest[c.weakest.length - 1]!.score;
    if (strong || weak) {
      const e: Example = { seq, level: a.level, score: a.score, question: a.question, answer: a.answer, candidate, session, ...(a.followUps?.length ? { followUps: a.followUps } : {}) };
      if (strong) keep(c.strongest, e, this.examples, stronger);
      if (weak) keep(c.weakest, e, this.examples, weaker);
    }
    addToSession(c.sessions, session, at, candidate, a.score);
    if (a.adviser) c.adviser.push({ at: a.at, when: a.at ? whenLabel(a.at, this.opts.naming?.timeZone) : null, question: a.question, level: a.adviser.level, comment: a.adviser.comment, coachLevel: a.level, candidate });

    const key = candidate === null ? NO_NAME : candidateKey(candidate);
    let who = this.candidates.get(key);
    if (!who) {
      if (this.candidates.size >= this.maxCandidates) {
        this.unlisted++;
        return;
      }
      who = { name: candidate ?? 'No name given', n: 0, sum: 0, levels: zeroLevels(), competencies: new Map(), sessions: new Map() };
      this.candidates.set(key, who);
    }
    who.n++;
    who.sum += a.score;
    who.levels[a.level]++;
    const per = who.competencies.get(a.competency);
    if (per) {
      per.n++;
      per.sum += a.score;
    } else who.competencies.set(a.competency, { n: 1, sum: a.score });
    addToSession(who.sessions, session, at, candidate, a.score);
  }

  private point(s: SessionSums): SessionPoint {
    const plan = this.opts.sessions?.get(s.session);
    const at = plan?.at ?? s.at;
    const score = Math.round(s.sum / s.n);
    const day = whenLabel(at, this.opts.naming?.timeZone).replace(/^\S+ /, '').replace(/,.*$/, '');
    return { session: s.session, name: sessionName(at || null, plan?.how, this.opts.naming), day, at, candidate: s.candidate ?? null, answers: s.n, score, level: levelOfScore(score) };
  }

  private timeline(map: Map<string, SessionSums>): SessionPoint[] {
    return [...map.values()].map((s) => this.point(s)).sort((x, y) => x.at.localeCompare(y.at) || x.session.localeCompare(y.session));
  }

  build(meta: { candidate: string | null; since: string | null; generatedAt: string; notScored?: number | undefined }): CandidateReport {
    const ids = [...this.competencies.keys()].sort((x, y) => x.localeCompare(y));
    // Next steps given in every competency's answers are said once, for all of them.
    const everywhere = ids.length >= 2 ? [...this.competencies.get(ids[0]!)!.steps.keys()].filter((s) => ids.every((id) => this.competencies.get(id)!.steps.has(s))) : [];
    const shared = new Set(everywhere);
    const sharedSteps: ReportStep[] = everywhere
      .map((s) => {
        const all = ids.map((id) => this.competencies.get(id)!.steps.get(s)!);
        return { ...all[0]!.item, answers: all.reduce((n, x) => n + x.n, 0) };
      })
      .sort((x, y) => y.answers - x.answers || x.indicator.localeCompare(y.indicator))
      .slice(0, 3);
    const example = ({ seq: _seq, ...e }: Example): ReportExample => ({ ...e, session: e.session === null ? null : this.point(this.sessions.get(e.session)!).name });
    const competencies: CompetencyReport[] = ids.map((id) => {
      const c = this.competencies.get(id)!;
      const mean = round1(c.sum / c.n);
      const best = c.strongest[0]!;
      return {
        competency: id,
        name: this.names.get(id) ?? id,
        answers: c.n,
        meanScore: mean,
        meanLevel: levelOfScore(mean),
        typicalLevel: typical(c.levels),
        levels: { ...c.levels },
        latest: { level: c.latest.level, score: c.latest.score },
        best: { level: best.level, score: best.score, question: best.question, answer: best.answer, ...(best.followUps?.length ? { followUps: best.followUps } : {}) },
        examples: { strongest: c.strongest.map(example), weakest: c.weakest.map(example) },
        star: Object.fromEntries(STAR_PARTS.map((p) => [p, Math.round((c.star[p] / c.n) * 100) / 100])) as Record<StarPartName, number>,
        nextSteps: [...c.steps.values()]
          .filter((s) => !shared.has(s.item.indicator))
          .sort((x, y) => y.n - x.n || x.item.indicator.localeCompare(y.item.indicator))
          .slice(0, 3)
          .map((s) => ({ ...s.item, answers: s.n })),
        progress: this.timeline(c.sessions),
        adviser: c.adviser,
      };
    });
    const candidates: CandidateRow[] = [...this.candidates.values()]
      .map((w) => {
        const mean = round1(w.sum / w.n);
        const weakest = [...w.competencies.entries()]
          .map(([competency, s]) => ({ competency, name: this.names.get(competency) ?? competency, meanScore: round1(s.sum / s.n) }))
          .sort((x, y) => x.meanScore - y.meanScore || x.competency.localeCompare(y.competency))
          .slice(0, 2);
        return { candidate: w.name, answers: w.n, meanScore: mean, meanLevel: levelOfScore(mean), typicalLevel: typical(w.levels), levels: { ...w.levels }, weakest, sessions: this.timeline(w.sessions) };
      })
      .sort((x, y) => x.candidate.localeCompare(y.candidate));
    const mean = this.n ? round1(this.sum / this.n) : null;
    const report: CandidateReport = {
      version: 1,
      candidate: meta.candidate,
      generatedAt: meta.generatedAt,
      generated: whenLabel(meta.generatedAt, this.opts.naming?.timeZone),
      since: meta.since,
      answers: this.n,
      sessions: this.sessions.size,
      levels: { ...this.levels },
      meanScore: mean,
      meanLevel: mean === null ? null : levelOfScore(mean),
      typicalLevel: this.n ? typical(this.levels) : null,
      timeline: this.timeline(this.sessions),
      sharedSteps,
      competencies,
      candidates,
      unlistedAnswers: this.unlisted,
      examplesKept: this.examples,
      delivery: this.delivery.build(),
    };
    if (meta.notScored !== undefined) report.notScored = meta.notScored;
    return report;
  }
}
