import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { QuestionKind, RubricData } from '../../core/types.js';
import { formatProblem, type RubricProblem } from '../../rubrics/errors.js';
import { BUNDLED_RUBRICS, loadRubric, readRubricFiles, rubricFiles } from '../../rubrics/load.js';
import { crossValidate } from '../../rubrics/validate.js';
import { renderBankList, renderBankShow } from '../../render/bank-text.js';
import { RubricError } from '../../rubrics/errors.js';
import { CliError, EXIT } from '../errors.js';
import { loadRubricOrFail } from '../rubric.js';
import { didYouMean } from '../../io/did-you-mean.js';
import { plural } from '../../render/plural.js';
import { unknownCompetency } from '../../io/errors.js';
import { styleFor } from '../style.js';
import { inert, toJson } from '../../render/inert.js';
import { pushAll } from '../../core/push-all.js';

export interface BankOptions {
  rubrics: string[];
  json?: boolean;
  competency?: string;
  kind?: QuestionKind;
  color?: boolean;
}

export async function runBankList(opts: BankOptions): Promise<number> {
  const data = await loadRubricOrFail(opts.rubrics);
  if (opts.competency && !data.competencies.some((c) => c.id === opts.competency)) throw new CliError(unknownCompetency(opts.competency, new Set(data.competencies.map((c) => c.id))));
  const questions = data.questions.filter((q) => (!opts.competency || q.competency === opts.competency) && (!opts.kind || q.kind === opts.kind));
  if (opts.json) process.stdout.write(`${toJson({ version: 1, questions }, 2)}\n`);
  else process.stdout.write(renderBankList(questions, await styleFor(process.stdout, opts.color)));
  return EXIT.ok;
}

function find(data: RubricData, id: string): { kind: 'question' | 'competency' | 'indicator' | 'set' | 'source'; value: unknown } | null {
  const q = data.questions.find((x) => x.id === id);
  if (q) return { kind: 'question', value: q };
  const c = data.competencies.find((x) => x.id === id);
  if (c) return { kind: 'competency', value: c };
  const i = data.indicators.find((x) => x.id === id);
  if (i) return { kind: 'indicator', value: i };
  const s = data.sets.find((x) => x.name === id);
  if (s) return { kind: 'set', value: s };
  const src = (data.sources ?? []).find((x) => x.id === id || x.file === id);
  if (src) return { kind: 'source', value: { ...src, indicators: data.indicators.filter((i) => i.source.id === src.id || i.source.file === src.file).map((i) => i.id) } };
  return null;
}

export async function runBankShow(id: string, opts: BankOptions): Promise<number> {
  const data = await loadRubricOrFail(opts.rubrics);
  const hit = find(data, id);
  if (!hit) {
    const known = [...data.questions.map((q) => q.id), ...data.competencies.map((c) => c.id), ...data.indicators.map((i) => i.id), ...data.sets.map((s) => s.name), ...(data.sources ?? []).map((s) => s.id)];
    const hint = didYouMean(id, known) || ` (try coach bank list; sets: ${data.sets.map((s) => s.name).join(', ')}; sources: ${(data.sources ?? []).map((s) => s.id).join(', ')})`;
    throw new CliError(`no question, competency, indicator, question set or source "${id}"${hint}`);
  }
  if (opts.json) process.stdout.write(`${toJson({ version: 1, type: hit.kind, [hit.kind]: hit.value }, 2)}\n`);
  else process.stdout.write(renderBankShow(data, hit.kind, id, await styleFor(process.stdout, opts.color)));
  return EXIT.ok;
}

/**
 * Validates rubric folders or single files. A folder with competencies.yaml stands alone; other
 * folders and files are checked together with the bundled rubric, which they extend.
 */
export async function runBankValidate(paths: string[], opts: BankOptions): Promise<number> {
  const problems: RubricProblem[] = [];
  let checked = 0;
  if (paths.length === 0) {
    try {
      loadRubric(opts.rubrics);
    } catch (e) {
      if (!(e instanceof RubricError)) throw e;
      pushAll(problems, e.problems);
    }
    checked = rubricFiles(BUNDLED_RUBRICS).length + opts.rubrics.reduce((n, d) => n + rubricFiles(d, problems).length, 0);
  } else {
    const standalone = paths.filter((p) => existsSync(p) && statSync(p).isDirectory() && existsSync(resolve(p, 'competencies.yaml')));
    const rest = paths.filter((p) => !standalone.includes(p));
    for (const dir of standalone) {
      const files = rubricFiles(dir, problems);
      checked += files.length;
      const res = readRubricFiles(files);
      pushAll(problems, res.problems);
      pushAll(problems, crossValidate(res.loaded));
    }
    if (rest.length > 0) {
      const given: string[] = [];
      for (const p of rest) {
        if (!existsSync(p)) problems.push({ file: p, line: 1, column: 1, message: 'no such file or directory' });
        else if (statSync(p).isDirectory()) pushAll(given, rubricFiles(p, problems));
        else given.push(p);
      }
      const givenAbs = new Set(given.map((g) => resolve(g)));
      const base = rubricFiles(BUNDLED_RUBRICS).filter((f) => !givenAbs.has(resolve(f)));
      checked += given.length;
      const res = readRubricFiles([...base, ...given]);
      pushAll(problems, res.problems);
      pushAll(problems, crossValidate(res.loaded));
    }
  }
  const unique = [...new Map(problems.map((p) => [formatProblem(p), p])).values()];
  if (opts.json) {
    process.stdout.write(`${toJson({ version: 1, files: checked, problems: unique }, 2)}\n`);
  } else if (unique.length > 0) {
    process.stdout.write(`${unique.map((p) => inert(formatProblem(p))).join('\n')}\n`);
    process.stderr.write(`${plural(unique.length, 'problem')} in ${plural(checked, 'file')}\n`);
  } else if (process.stdout.isTTY) {
    process.stdout.write(`${plural(checked, 'file')}: no problems\n`);
  }
  return unique.length > 0 ? EXIT.findings : EXIT.ok;
}
