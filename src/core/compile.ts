import { CueSet } from './cues/cue-set.js';
import type {
  CompetencyData, FollowUpData, IndicatorData, ModelAnswerData, QuestionData, QuestionKind, RubricData, StarPartData, StarPartName, StyleData,
} from './types.js';
import { KINDS, LEVELS } from './types.js';
import { DEFAULT_NORMS } from './delivery.js';

/** What a cue in an answer stands for: one set holds them all, so an answer is scanned once. */
export type AnswerCue =
  | { kind: 'indicator'; indicator: number; named: boolean }
  | { kind: 'except'; indicator: number }
  | { kind: 'star'; part: 'situation' | 'task' | 'result' }
  | { kind: 'vague' }
  | { kind: 'interim' }
  | { kind: 'not-own-step' }
  | { kind: 'served' }
  | { kind: 'colleague' }
  | { kind: 'customer-role' };

export interface CompiledRubric {
  indicators: IndicatorData[];
  indicatorById: ReadonlyMap<string, IndicatorData>;
  competencies: CompetencyData[];
  competencyIds: ReadonlySet<string>;
  /** Indicator indices that belong to each competency (including those for 'all'). */
  indicatorsByCompetency: ReadonlyMap<string, number[]>;
  /** Indicator cues, their exceptions, STAR cues and vague-result phrases, matched in one pass. */
  answerCues: CueSet<AnswerCue>;
  kinds: CueSet<QuestionKind>;
  competencyCues: CueSet<string>;
  questionsByText: ReadonlyMap<string, QuestionData>;
  /** Model answers of each bank question, by question id. */
  modelsByQuestion: ReadonlyMap<string, ModelAnswerData[]>;
  /** Filler and hedging phrases, for style notes. */
  fillers: CueSet<true>;
  style: StyleData;
  starParts: Record<StarPartName, StarPartData>;
  /** Competencies in which colleagues count as the people served. */
  colleagueCompetencies: ReadonlySet<string>;
  /** Follow-up questions, in the order they are tried (none when the rubric has no follow-ups.yaml). */
  followUps: FollowUpData[];
  /** Words for the people served, for the {customer} slot of a follow-up. */
  people: CueSet<true>;
}

/** Normalises a question for lookup in the bank: case, punctuation and spacing do not matter. */
export function questionKey(text: string): string {
  return text.toLowerCase().replace(/[’']/g, "'").replace(/[^\p{L}\p{N}']+/gu, ' ').trim();
}

function groupModels(models: ModelAnswerData[]): Map<string, ModelAnswerData[]> {
  const out = new Map<string, ModelAnswerData[]>();
  for (const m of models) {
    const list = out.get(m.question);
    if (list) list.push(m);
    else out.set(m.question, [m]);
  }
  for (const list of out.values()) list.sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
  return out;
}

/** Turns validated rubric data into lookup tables. Done once per run; scoring never re-parses cues. */
export function compileRubric(data: RubricData): CompiledRubric {
  const answerCues = new CueSet<AnswerCue>();
  const byCompetency = new Map<string, number[]>(data.competencies.map((c) => [c.id, []]));
  data.indicators.forEach((ind, i) => {
    for (const cue of ind.cues) answerCues.add(cue, { kind: 'indicator', indicator: i, named: false });
    for (const cue of ind.named) answerCues.add(cue, { kind: 'indicator', indicator: i, named: true });
    for (const cue of ind.except) answerCues.add(cue, { kind: 'except', indicator: i });
    const targets = ind.competencies.includes('all') ? [...byCompetency.keys()] : ind.competencies;
    for (const c of targets) byCompetency.get(c)?.push(i);
  });
  const s = data.structure.star;
  for (const part of ['situation', 'task', 'result'] as const) for (const c of s[part].cues) answerCues.add(c, { kind: 'star', part });
  for (const c of s.result.vague ?? []) answerCues.add(c, { kind: 'vague' });
  for (const c of s.result.interim ?? []) answerCues.add(c, { kind: 'interim' });
  for (const c of s.result.not_own_step ?? []) answerCues.add(c, { kind: 'not-own-step' });
  for (const c of data.structure.relevance.served) answerCues.add(c, { kind: 'served' });
  for (const c of data.structure.relevance.colleagues) answerCues.add(c, { kind: 'colleague' });
  for (const c of data.structure.relevance.customer_role) answerCues.add(c, { kind: 'customer-role' });
  const kinds = new CueSet<QuestionKind>();
  for (const k of KINDS) for (const c of data.structure.kinds[k]) kinds.add(c, k);
  const fillers = new CueSet<true>();
  for (const f of data.structure.style.fillers) fillers.add(f, true);
  const people = new CueSet<true>();
  for (const p of data.followUps?.people ?? []) people.add(p, true);
  const competencyCues = new CueSet<string>();
  for (const c of data.competencies) for (const q of c.questionCues) competencyCues.add(q, c.id);
  return {
    indicators: data.indicators,
    indicatorById: new Map(data.indicators.map((i) => [i.id, i])),
    competencies: data.competencies,
    competencyIds: new Set(data.competencies.map((c) => c.id)),
    indicatorsByCompetency: byCompetency,
    answerCues,
    kinds,
    competencyCues,
    questionsByText: new Map(data.questions.map((q) => [questionKey(q.text), q])),
    modelsByQuestion: groupModels(data.models),
    fillers,
    // A rubric cached before delivery norms were rubric data has none: the defaults are the same.
    style: data.structure.style.delivery ? data.structure.style : { ...data.structure.style, delivery: DEFAULT_NORMS },
    starParts: s,
    colleagueCompetencies: new Set(data.structure.relevance.colleague_competencies),
    followUps: data.followUps?.questions ?? [],
    people,
  };
}
