import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import type { FollowUpsData, RubricData, SourceData, StructureData } from '../core/types.js';
import { resolveSourceRef, sourceIndex } from './sources.js';
import { decodeBuffer, TextProblems } from '../io/decode.js';
import { describeFsError } from '../io/errors.js';
import { RubricError, type RubricProblem } from './errors.js';
import { competencySchema, followUpsFileSchema, indicatorSchema, modelSchema, questionSchema, setSchema, sourceSchema, structureSchema } from './schema.js';
import { crossValidate, type LoadedRubric, type Located } from './validate.js';
import { issueMessage, unknownKeys } from './issue-text.js';
import { YamlFile } from './yaml-file.js';
import { BUNDLED_RUBRICS, rubricFiles, YAML_EXT } from './paths.js';
import { pushAll } from '../core/push-all.js';
import { DEFAULT_NORMS } from '../core/delivery.js';

export { BUNDLED_RUBRICS, rubricFiles } from './paths.js';

export type RubricFileKind = 'competencies' | 'structure' | 'sources' | 'follow-ups' | 'indicators' | 'questions' | 'models' | 'sets';

function emptyRubric(): LoadedRubric {
  return { sources: [], competencies: [], indicators: [], questions: [], structure: null, models: [], sets: [], followUps: [] };
}

/** What a file holds, from its name and folder, else from the shape of its first entry. */
export function kindOfFile(path: string, value: unknown): RubricFileKind | null {
  const base = basename(path).replace(YAML_EXT, '');
  if (base === 'competencies' || base === 'structure' || base === 'sources' || base === 'follow-ups') return base;
  const parent = basename(dirname(path));
  if (parent === 'indicators' || parent === 'questions' || parent === 'models' || parent === 'sets') return parent;
  const first: unknown = Array.isArray(value) ? value[0] : value;
  if (first && typeof first === 'object') {
    if ('cues' in first && 'level' in first) return 'indicators';
    if ('text' in first && 'kind' in first) return 'questions';
    if ('question' in first && 'level' in first && 'answer' in first) return 'models';
    if ('name' in first && 'questions' in first) return 'sets';
    if ('star' in first || 'kinds' in first) return 'structure';
    if ('follow_ups' in first) return 'follow-ups';
  }
  return null;
}

function addList<T>(into: Located<T>[], file: YamlFile, schema: z.ZodType<T>, problems: RubricProblem[]): void {
  const js = file.value;
  if (!Array.isArray(js)) {
    const found = js === null || js === undefined ? 'an empty file' : typeof js === 'object' ? 'a single mapping (start each entry with "- ")' : `${typeof js === 'string' ? 'text' : String(js)}`;
    problems.push(file.problem([], `expected a YAML list of entries, found ${found}`));
    return;
  }
  (js as unknown[]).forEach((item, i) => {
    const res = schema.safeParse(item);
    if (res.success) into.push({ value: res.data, file, path: [i] });
    else {
      for (const issue of res.error.issues) {
        const path = [i, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
        const where = path.slice(1).join('.') || `entry ${i + 1}`;
        const unknown = unknownKeys(issue, schema);
        if (unknown) problems.push(file.problem([...path, unknown.key], `${where}: ${unknown.message}`));
        else problems.push(file.problem(path, `${where}: ${issueMessage(issue)}`));
      }
    }
  });
}

/** Reads rubric files into `into`, collecting every problem instead of stopping at the first. */
export function readRubricFiles(paths: string[], into: LoadedRubric = emptyRubric()): { loaded: LoadedRubric; problems: RubricProblem[] } {
  const problems: RubricProblem[] = [];
  for (const path of paths) {
    let text: string;
    try {
      // UTF-8, or UTF-16 with a byte-order mark; bytes that are not text make the file unusable.
      const bad = new TextProblems();
      text = decodeBuffer(readFileSync(path), bad);
      const first = bad.rest()[0];
      if (first) {
        problems.push({ file: path, line: first.line, column: first.column, message: first.message });
        continue;
      }
    } catch (e) {
      problems.push({ file: path, line: 1, column: 1, message: `cannot read: ${describeFsError(e)}` });
      continue;
    }
    const parsed = YamlFile.parse(path, text);
    pushAll(problems, parsed.problems);
    const file = parsed.file;
    if (!file) continue;
    const kind = kindOfFile(path, file.value);
    switch (kind) {
      case 'sources': addList(into.sources, file, sourceSchema, problems); break;
      case 'competencies': {
        const list: Located<z.infer<typeof competencySchema>>[] = [];
        addList(list, file, competencySchema, problems);
        for (const c of list) {
          const { question_cues: questionCues, ...rest } = c.value;
          into.competencies.push({ ...c, value: { ...rest, questionCues } });
        }
        break;
      }
      case 'indicators': {
        const list: Located<z.infer<typeof indicatorSchema>>[] = [];
        addList(list, file, indicatorSchema, problems);
        for (const ind of list) into.indicators.push({ ...ind, value: { ...ind.value, behaviour: ind.value.behaviour ?? ind.value.id, source: { ...ind.value.source, file: ind.value.source.file ?? '' } } });
        break;
      }
      case 'questions': addList(into.questions, file, questionSchema, problems); break;
      case 'models': addList(into.models, file, modelSchema, problems); break;
      case 'sets': addList(into.sets, file, setSchema, problems); break;
      case 'structure': {
        const res = file.check(structureSchema);
        pushAll(problems, res.problems);
        if (res.value) {
          const { style, ...rest } = res.value;
          const star = Object.fromEntries(Object.entries(rest.star).map(([part, d]) => [part, { ...d, source: { ...d.source, file: d.source.file ?? '' } }])) as StructureData['star'];
          const d = style.delivery;
          const delivery = d
            ? { pace: { min: d.pace[0], max: d.pace[1] }, fillersPerMinute: { min: d.fillers_per_minute[0], max: d.fillers_per_minute[1] }, longPauseMs: Math.round(d.long_pause_seconds * 1000), usualMaxSilenceMs: Math.round(d.usual_max_silence_seconds * 1000), fillers: d.fillers }
            : DEFAULT_NORMS;
          const value = { ...rest, star, style: { wordsPerMinute: style.words_per_minute, targetSeconds: style.target_seconds, fillers: style.fillers, delivery } };
          into.structure = { value, file, path: [] };
        }
        break;
      }
      case 'follow-ups': {
        const res = file.check(followUpsFileSchema);
        pushAll(problems, res.problems);
        if (res.value) into.followUps.push({ value: { people: res.value.people, questions: res.value.follow_ups }, file, path: [] });
        break;
      }
      default:
        problems.push(file.problem([], 'not a rubric file: expected competencies.yaml, structure.yaml, sources.yaml, follow-ups.yaml, or a file under indicators/, questions/, models/ or sets/'));
    }
  }
  return { loaded: into, problems };
}

/** The rubric as the scorer takes it, every citation filled in with its document (sources.ts). */
function toData(r: LoadedRubric): RubricData {
  const sources: SourceData[] = r.sources.map((s) => s.value);
  const index = sourceIndex(sources);
  const structure = r.structure!.value;
  const star = Object.fromEntries(Object.entries(structure.star).map(([part, d]) => [part, { ...d, source: resolveSourceRef(d.source, index) }])) as StructureData['star'];
  return {
    sources,
    competencies: r.competencies.map((c) => c.value),
    indicators: r.indicators.map((i) => ({ ...i.value, source: resolveSourceRef(i.value.source, index) })),
    questions: r.questions.map((q) => q.value),
    structure: { ...structure, star },
    models: r.models.map((m) => m.value),
    sets: r.sets.map((s) => s.value),
    ...(r.followUps.length ? { followUps: mergeFollowUps(r.followUps.map((f) => f.value)) } : {}),
  };
}

/** Follow-ups of an extra folder come before the bundled ones: its own wording is tried first. */
function mergeFollowUps(files: FollowUpsData[]): FollowUpsData {
  const later = [...files].reverse();
  return { people: later.flatMap((f) => f.people), questions: later.flatMap((f) => f.questions) };
}

/**
 * Loads the bundled rubric, then each extra folder: a folder with its own competencies.yaml is a
 * complete rubric and replaces the bundled one; otherwise its indicators/ and questions/ add to it.
 * Throws RubricError with every problem found.
 */
export function loadRubric(extraDirs: string[] = []): { data: RubricData; loaded: LoadedRubric } {
  const problems: RubricProblem[] = [];
  let loaded = emptyRubric();
  const standalone = extraDirs.filter((d) => existsSync(join(d, 'competencies.yaml')));
  const bases = standalone.length > 0 ? [standalone[standalone.length - 1]!] : [BUNDLED_RUBRICS];
  for (const d of extraDirs) {
    if (!existsSync(d)) problems.push({ file: d, line: 1, column: 1, message: 'rubric folder not found' });
    else if (!statSync(d).isDirectory()) problems.push({ file: d, line: 1, column: 1, message: 'not a folder: --rubrics takes a rubric folder' });
  }
  for (const dir of [...bases, ...extraDirs.filter((d) => !bases.includes(d))]) {
    if (!existsSync(dir)) continue;
    const res = readRubricFiles(rubricFiles(dir, problems), loaded);
    loaded = res.loaded;
    pushAll(problems, res.problems);
  }
  const base = bases[0]!;
  if (loaded.competencies.length === 0) problems.push({ file: join(base, 'competencies.yaml'), line: 1, column: 1, message: 'no competencies defined' });
  if (!loaded.structure) problems.push({ file: join(base, 'structure.yaml'), line: 1, column: 1, message: 'no STAR structure and question kinds defined' });
  if (loaded.sources.length === 0) problems.push({ file: join(base, 'sources.yaml'), line: 1, column: 1, message: 'no source documents listed' });
  pushAll(problems, crossValidate(loaded));
  if (problems.length > 0) throw new RubricError(problems);
  return { data: toData(loaded), loaded };
}
