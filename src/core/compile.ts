import { CueSet } from './cues/cue-set.js';
import type {
  CompetencyData, IndicatorData, QuestionData, QuestionKind, RubricData, StarPartData, StarPartName,
} from './types.js';
import { KINDS, STAR_PARTS } from './types.js';

export interface IndicatorCue {
  indicator: number;
  named: boolean;
}

export interface CompiledRubric {
  indicators: IndicatorData[];
  competencies: CompetencyData[];
  competencyIds: ReadonlySet<string>;
  /** Indicator indices that belong to each competency (including those for 'all'). */
  indicatorsByCompetency: ReadonlyMap<string, number[]>;
  indicatorCues: CueSet<IndicatorCue>;
  /** Exceptions, with the index of the indicator whose matches they cancel. */
  indicatorExceptions: CueSet<number>;
  star: Record<Exclude<StarPartName, 'action'>, CueSet<true>> & { action: CueSet<true> };
  vagueResult: CueSet<true>;
  kinds: CueSet<QuestionKind>;
  competencyCues: CueSet<string>;
  questionsByText: ReadonlyMap<string, QuestionData>;
  hints: Record<StarPartName, string>;
  starParts: Record<StarPartName, StarPartData>;
}

/** Normalises a question for lookup in the bank: case, punctuation and spacing do not matter. */
export function questionKey(text: string): string {
  return text.toLowerCase().replace(/[’']/g, "'").replace(/[^\p{L}\p{N}']+/gu, ' ').trim();
}

/** Turns validated rubric data into lookup tables. Done once per run; scoring never re-parses cues. */
export function compileRubric(data: RubricData): CompiledRubric {
  const indicatorCues = new CueSet<IndicatorCue>();
  const indicatorExceptions = new CueSet<number>();
  const byCompetency = new Map<string, number[]>(data.competencies.map((c) => [c.id, []]));
  data.indicators.forEach((ind, i) => {
    for (const cue of ind.cues) indicatorCues.add(cue, { indicator: i, named: false });
    for (const cue of ind.named) indicatorCues.add(cue, { indicator: i, named: true });
    for (const cue of ind.except) indicatorExceptions.add(cue, i);
    const targets = ind.competencies.includes('all') ? [...byCompetency.keys()] : ind.competencies;
    for (const c of targets) byCompetency.get(c)?.push(i);
  });
  const part = (cues: string[]): CueSet<true> => {
    const set = new CueSet<true>();
    for (const c of cues) set.add(c, true);
    return set;
  };
  const s = data.structure.star;
  const kinds = new CueSet<QuestionKind>();
  for (const k of KINDS) for (const c of data.structure.kinds[k]) kinds.add(c, k);
  const competencyCues = new CueSet<string>();
  for (const c of data.competencies) for (const q of c.questionCues) competencyCues.add(q, c.id);
  const hints = Object.fromEntries(STAR_PARTS.map((p) => [p, s[p].hint])) as Record<StarPartName, string>;
  return {
    indicators: data.indicators,
    competencies: data.competencies,
    competencyIds: new Set(data.competencies.map((c) => c.id)),
    indicatorsByCompetency: byCompetency,
    indicatorCues,
    indicatorExceptions,
    star: { situation: part(s.situation.cues), task: part(s.task.cues), action: part(s.action.cues), result: part(s.result.cues) },
    vagueResult: part(s.result.vague ?? []),
    kinds,
    competencyCues,
    questionsByText: new Map(data.questions.map((q) => [questionKey(q.text), q])),
    hints,
    starParts: s,
  };
}
