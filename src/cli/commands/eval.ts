import { assess } from '../../core/assess.js';
import { LEVELS, STAR_PARTS, type Level, type StarPartName } from '../../core/types.js';
import { evaluate, type LabelledOutcome } from '../../eval/metrics.js';
import { kindOf } from '../../io/answer-item.js';
import { collectAnswers } from '../../io/collect.js';
import { competencyError, sortInputErrors, unknownCompetency, type InputError } from '../../io/errors.js';
import type { InputFormat } from '../../io/read-answers.js';
import { renderEvalText } from '../../render/eval-text.js';
import { plural } from '../../render/plural.js';
import { renderErrorsText } from '../../render/score-text.js';
import { CliError, EXIT } from '../errors.js';
import { compiledRubric } from '../rubric.js';
import { stdinStream } from '../stdin.js';
import { styleFor } from '../style.js';
import { toJson } from '../../render/inert.js';

export interface EvalOptions {
  json?: boolean;
  rubrics: string[];
  color?: boolean;
  ignore?: string[];
  question?: string;
  competency?: string;
  stdinFormat?: InputFormat;
  speaker?: string;
}

function readLabel(expected: unknown): { level: Level; star: Partial<Record<StarPartName, boolean>> } | string {
  if (expected === undefined) return 'expected: missing (labelled answers need expected.level)';
  if (!expected || typeof expected !== 'object' || Array.isArray(expected)) return `expected: must be a mapping with level (and star), found ${kindOf(expected)}`;
  const e = expected as { level?: unknown; star?: unknown };
  const level = Object.prototype.hasOwnProperty.call(e, 'level') ? e.level : undefined;
  if (level === undefined) return `expected.level: missing (one of ${LEVELS.join(', ')})`;
  if (typeof level !== 'string' || !(LEVELS as readonly string[]).includes(level)) return `expected.level must be one of ${LEVELS.join(', ')}, found ${typeof level === 'string' ? JSON.stringify(level) : kindOf(level)}`;
  const star: Partial<Record<StarPartName, boolean>> = {};
  if (e.star && typeof e.star === 'object') {
    for (const p of STAR_PARTS) {
      const v = (e.star as Record<string, unknown>)[p];
      if (typeof v === 'boolean') star[p] = v;
    }
  }
  return { level: level as Level, star };
}

/** Scores labelled answers exactly as `coach score` does (the label is read only to compare). */
export async function runEval(files: string[], opts: EvalOptions): Promise<number> {
  if (files.length === 0) throw new CliError('give labelled answer files to evaluate (see coach eval --help)');
  const rubric = await compiledRubric(opts.rubrics);
  if (opts.competency !== undefined && !rubric.competencyIds.has(opts.competency)) throw new CliError(unknownCompetency(opts.competency, rubric.competencyIds));
  const collected = await collectAnswers(files, { ignore: opts.ignore, question: opts.question, competency: opts.competency, speaker: opts.speaker }, stdinStream, opts.stdinFormat ?? 'yaml');
  const errors: InputError[] = [...collected.errors];
  const outcomes: LabelledOutcome[] = [];
  for (const item of collected.items) {
    // A transcript read on its own has no label: it is labelled in a record that points at it.
    const label = item.expected === undefined && item.timed ? 'expected: missing (labelled answers need expected.level; a transcript is labelled in a record that points at it: transcript: FILE, expected: {level: ...})' : readLabel(item.expected);
    if (typeof label === 'string') {
      errors.push({ file: item.file, line: item.line, column: item.column, message: label });
      continue;
    }
    const unknown = competencyError(item, rubric.competencyIds);
    if (unknown) {
      errors.push(unknown);
      continue;
    }
    // The scorer sees only what `coach score` would: question, competency, answer.
    const a = assess({ question: item.question, competency: item.competency, answer: item.answer }, rubric);
    outcomes.push({
      id: item.id,
      competency: a.competency,
      expected: label.level,
      predicted: a.level,
      expectedStar: label.star,
      predictedStar: Object.fromEntries(STAR_PARTS.map((p) => [p, a.star[p].present])) as Record<StarPartName, boolean>,
      reason: a.reasons.join(' '),
    });
  }
  sortInputErrors(errors, collected.files);
  const report = evaluate(outcomes);
  const summary = { inputs: outcomes.length + errors.length, evaluated: outcomes.length, failed: errors.length };
  if (opts.json) {
    process.stdout.write(`${toJson({ version: 1, ...report, errors, summary }, 2)}\n`);
  } else {
    // With nothing evaluated there is no agreement to show, only the count and the errors.
    if (outcomes.length > 0) process.stdout.write(renderEvalText(report, await styleFor(process.stdout, opts.color)));
    process.stdout.write(`${outcomes.length > 0 ? '\n' : ''}${plural(summary.inputs, 'input')}: ${summary.evaluated} evaluated, ${summary.failed} failed\n`);
    if (errors.length) process.stderr.write(renderErrorsText(errors, await styleFor(process.stderr, opts.color)));
  }
  return errors.length > 0 ? EXIT.fatal : EXIT.ok;
}
