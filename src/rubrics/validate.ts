import { compilePattern, CuePatternError } from '../core/cues/pattern.js';
import { FOLLOW_UP_SLOTS, LEVELS, type CompetencyData, type FollowUpsData, type IndicatorData, type ModelAnswerData, type QuestionData, type QuestionSetData, type StructureData } from '../core/types.js';
import type { RubricProblem } from './errors.js';
import type { Path, YamlFile } from './yaml-file.js';
import type { SourceEntry } from './schema.js';
import { pushAll } from '../core/push-all.js';
import { quoteProblem } from './sources.js';
import { didYouMean } from '../io/did-you-mean.js';
import { unknownCompetency } from '../io/errors.js';

/** An entry loaded from a file, with the file and path it came from, for located messages. */
export interface Located<T> {
  value: T;
  file: YamlFile;
  path: Path;
}

export interface LoadedRubric {
  sources: Located<SourceEntry>[];
  competencies: Located<CompetencyData>[];
  indicators: Located<IndicatorData>[];
  questions: Located<QuestionData>[];
  structure: Located<StructureData> | null;
  models: Located<ModelAnswerData>[];
  sets: Located<QuestionSetData>[];
  followUps: Located<FollowUpsData>[];
}

function cueProblems(l: Located<unknown>, field: string, cues: string[]): RubricProblem[] {
  const out: RubricProblem[] = [];
  cues.forEach((c, i) => {
    // An unquoted " #" ends a YAML scalar: "from # to #" silently becomes "from".
    const node = l.file.doc.getIn([...l.path, field, i], true) as { comment?: string | null } | undefined;
    if (node?.comment) out.push(l.file.problem([...l.path, field, i], `cue "${c}" is followed by a YAML comment: quote the cue if "#" is meant as a number`));
    try {
      compilePattern(c);
    } catch (e) {
      if (!(e instanceof CuePatternError)) throw e;
      out.push(l.file.problem([...l.path, field, i], `bad cue "${c}": ${e.message}`));
    }
  });
  return out;
}

function duplicates<T>(items: Located<T>[], key: (t: T) => string, what: string): RubricProblem[] {
  const first = new Map<string, Located<T>>();
  const out: RubricProblem[] = [];
  for (const it of items) {
    const k = key(it.value);
    const prev = first.get(k);
    if (prev) {
      const at = prev.file.at(prev.path);
      out.push(it.file.problem(it.path, `duplicate ${what} "${k}" (first at ${prev.file.file}:${at.line}:${at.column})`));
    } else first.set(k, it);
  }
  return out;
}

/**
 * Consistency checks across files: ids unique, references known, cues well-formed, and every
 * competency covered at every level. Schema checks (types, required fields) happen per file.
 */
export function crossValidate(r: LoadedRubric): RubricProblem[] {
  const problems: RubricProblem[] = [];
  const competencyIds = new Set(r.competencies.map((c) => c.value.id));
  const sourceNames = new Set(r.sources.flatMap((s) => [s.value.id, s.value.file]));
  const sourceIds = r.sources.map((s) => s.value.id);
  pushAll(problems, duplicates(r.competencies, (c) => c.id, 'competency id'));
  pushAll(problems, duplicates(r.indicators, (i) => i.id, 'indicator id'));
  pushAll(problems, duplicates(r.questions, (q) => q.id, 'question id'));
  pushAll(problems, duplicates(r.questions, (q) => q.text.toLowerCase().trim(), 'question text'));
  pushAll(problems, duplicates(r.sources, (s) => s.file, 'source file'));
  pushAll(problems, duplicates(r.sources, (s) => s.id, 'source id'));
  const citation = (l: Located<unknown>, path: Path, ref: { id?: string | undefined; file?: string | undefined; quote: string }): RubricProblem[] => {
    const out: RubricProblem[] = [];
    const name = ref.id ?? ref.file ?? '';
    if (!sourceNames.has(name)) out.push(l.file.problem([...path, ref.id !== undefined ? 'id' : 'file'], `unknown source "${name}"${didYouMean(name, sourceIds)}${sourceIds.length ? `: expected one of ${sourceIds.join(', ')}` : ''}`));
    const bad = quoteProblem(ref.quote);
    if (bad) out.push(l.file.problem([...path, 'quote'], bad));
    return out;
  };

  for (const c of r.competencies) {
    c.value.sources.forEach((s, i) => {
      if (!sourceNames.has(s)) problems.push(c.file.problem([...c.path, 'sources', i], `unknown source "${s}"${didYouMean(s, sourceIds)}`));
    });
    pushAll(problems, cueProblems(c, 'question_cues', c.value.questionCues));
  }
  const indicatorIds = r.indicators.map((x) => x.value.id);
  for (const ind of r.indicators) {
    const v = ind.value;
    v.competencies.forEach((c, i) => {
      if (c !== 'all' && !competencyIds.has(c)) problems.push(ind.file.problem([...ind.path, 'competencies', i], competencyIds.size ? unknownCompetency(c, new Set(['all', ...competencyIds])) : `unknown competency "${c}"`));
    });
    pushAll(problems, citation(ind, [...ind.path, 'source'], v.source));
    v.unless.forEach((u, i) => {
      if (!indicatorIds.includes(u)) problems.push(ind.file.problem([...ind.path, 'unless', i], `unknown indicator "${u}"${didYouMean(u, indicatorIds)}`));
      else if (u === v.id) problems.push(ind.file.problem([...ind.path, 'unless', i], 'an indicator cannot be cancelled by itself'));
    });
    if (v.unless.length > 0 && !v.warning) problems.push(ind.file.problem([...ind.path, 'unless'], 'only warning signs can be cancelled by other indicators: add warning: true, or remove unless'));
    if (v.warning && v.level !== 'low') problems.push(ind.file.problem([...ind.path, 'warning'], 'only low-level indicators can be warning signs'));
    if (v.level === 'low' && v.evidence !== 'stated' && v.warning) problems.push(ind.file.problem([...ind.path, 'evidence'], 'a warning sign counts when stated: use evidence: stated'));
    for (const list of [cueProblems(ind, 'cues', v.cues), cueProblems(ind, 'named', v.named), cueProblems(ind, 'except', v.except)]) pushAll(problems, list);
  }
  for (const q of r.questions) {
    if (!competencyIds.has(q.value.competency)) problems.push(q.file.problem([...q.path, 'competency'], competencyIds.size ? unknownCompetency(q.value.competency, competencyIds) : `unknown competency "${q.value.competency}"`));
  }
  const questionIds = new Set(r.questions.map((q) => q.value.id));
  for (const m of r.models) {
    if (!questionIds.has(m.value.question)) problems.push(m.file.problem([...m.path, 'question'], `model answer for unknown question "${m.value.question}"${didYouMean(m.value.question, questionIds)}`));
  }
  pushAll(problems, duplicates(r.models, (m) => `${m.question} ${m.level}`, 'model answer (question and level)'));
  pushAll(problems, duplicates(r.sets, (s) => s.name, 'question set name'));
  for (const set of r.sets) {
    set.value.questions.forEach((q, i) => {
      if (!questionIds.has(q)) problems.push(set.file.problem([...set.path, 'questions', i], `set "${set.value.name}": unknown question "${q}"${didYouMean(q, questionIds)}`));
    });
  }
  if (r.structure) {
    const s = r.structure;
    for (const [part, data] of Object.entries(s.value.star)) {
      pushAll(problems, cueProblems({ ...s, path: [...s.path, 'star', part] }, 'cues', data.cues));
      if (data.vague) pushAll(problems, cueProblems({ ...s, path: [...s.path, 'star', part] }, 'vague', data.vague));
      if (data.interim) pushAll(problems, cueProblems({ ...s, path: [...s.path, 'star', part] }, 'interim', data.interim));
      if (data.not_own_step) pushAll(problems, cueProblems({ ...s, path: [...s.path, 'star', part] }, 'not_own_step', data.not_own_step));
      pushAll(problems, citation(s, [...s.path, 'star', part, 'source'], data.source));
    }
    for (const [kind, cues] of Object.entries(s.value.kinds)) pushAll(problems, cueProblems({ ...s, path: [...s.path, 'kinds'] }, kind, cues));
  }
  pushAll(problems, followUpProblems(r, competencyIds));
  // Every competency needs indicators at every level, or its feedback has nothing to point to.
  if (r.indicators.length > 0) {
    for (const c of r.competencies) {
      for (const level of LEVELS) {
        const has = r.indicators.some((i) => i.value.level === level && (i.value.competencies.includes('all') || i.value.competencies.includes(c.value.id)));
        if (!has) problems.push(c.file.problem(c.path, `competency "${c.value.id}" has no ${level}-level indicator`));
      }
    }
  }
  return problems;
}

const SLOT = /\{([^{}]*)\}/g;

/**
 * Follow-up questions: known competencies and behaviours (a warning's follow-up names warning
 * signs, a behaviour's follow-up names behaviours that are not), known {slots}, and a last
 * wording with no slot, so a question can always be asked.
 */
function followUpProblems(r: LoadedRubric, competencyIds: Set<string>): RubricProblem[] {
  const out: RubricProblem[] = [];
  const behaviours = new Map<string, boolean>();
  for (const i of r.indicators) behaviours.set(i.value.behaviour, i.value.warning || (behaviours.get(i.value.behaviour) ?? false));
  const known = (warning: boolean): string[] => [...behaviours].filter(([, w]) => w === warning).map(([b]) => b);
  for (const l of r.followUps) {
    pushAll(out, cueProblems(l, 'people', l.value.people));
    l.value.questions.forEach((q, i) => {
      const at = [...l.path, 'follow_ups', i];
      q.competencies.forEach((c, k) => {
        if (!competencyIds.has(c)) out.push(l.file.problem([...at, 'competencies', k], `unknown competency "${c}"${competencyIds.size ? `: expected one of ${[...competencyIds].join(', ')}` : ''}`));
      });
      if ((q.gap === 'warning' || q.gap === 'behaviour') && q.behaviours.length === 0) out.push(l.file.problem(at, `a ${q.gap} follow-up names the behaviours it is about: behaviours: [...]`));
      if (q.gap !== 'warning' && q.gap !== 'behaviour' && q.behaviours.length > 0) out.push(l.file.problem([...at, 'behaviours'], `only warning and behaviour follow-ups name behaviours`));
      if (r.indicators.length > 0 && (q.gap === 'warning' || q.gap === 'behaviour')) {
        const wanted = q.gap === 'warning';
        q.behaviours.forEach((b, k) => {
          if (behaviours.get(b) === wanted) return;
          const list = known(wanted);
          out.push(l.file.problem([...at, 'behaviours', k], behaviours.has(b)
            ? `"${b}" is ${wanted ? 'not a warning sign' : 'a warning sign'}: a ${q.gap} follow-up names ${wanted ? 'warning signs' : 'behaviours that are not warning signs'}`
            : `unknown behaviour "${b}": expected one of ${list.join(', ')}`));
        });
      }
      q.ask.forEach((text, k) => {
        const slots = [...text.matchAll(SLOT)].map((m) => m[1]!);
        for (const s of slots) {
          if (!(FOLLOW_UP_SLOTS as readonly string[]).includes(s)) out.push(l.file.problem([...at, 'ask', k], `unknown slot {${s}}: expected ${FOLLOW_UP_SLOTS.map((x) => `{${x}}`).join(', ')}`));
        }
        if (/[{}]/.test(text.replace(SLOT, ''))) out.push(l.file.problem([...at, 'ask', k], 'a lone "{" or "}": slots are written {quote}, {action} or {customer}'));
        if (k === q.ask.length - 1 && slots.length > 0) out.push(l.file.problem([...at, 'ask', k], 'the last wording must have no {slot}, so the question can always be asked'));
      });
    });
  }
  return out;
}
