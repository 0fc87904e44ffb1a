import { assess } from '../../core/assess.js';
import { LEVELS, type Level } from '../../core/types.js';
import { collectAnswers } from '../../io/collect.js';
import type { InputError } from '../../io/errors.js';
import type { InputFormat } from '../../io/read-answers.js';
import { buildScoreReport, type ResultRecord } from '../../report/score-report.js';
import { renderScoreCsv, renderScoreJson, renderScoreJsonl, renderScoreMarkdown } from '../../render/score-formats.js';
import { renderErrorsText, renderScoreText } from '../../render/score-text.js';
import { CliError, EXIT } from '../errors.js';
import { compiledRubric } from '../rubric.js';
import { readStdin } from '../stdin.js';
import { styleFor } from '../style.js';

export const SCORE_FORMATS = ['text', 'json', 'jsonl', 'csv', 'markdown'] as const;
export type ScoreFormat = (typeof SCORE_FORMATS)[number];

export interface ScoreOptions {
  format: ScoreFormat;
  json?: boolean;
  question?: string;
  competency?: string;
  stdinFormat?: InputFormat;
  failUnder?: Level;
  rubrics: string[];
  color?: boolean;
}

const PROGRESS_EVERY = 1000;

export async function runScore(inputs: string[], opts: ScoreOptions): Promise<number> {
  const format: ScoreFormat = opts.json ? 'json' : opts.format;
  const rubric = await compiledRubric(opts.rubrics);
  if (opts.competency !== undefined && !rubric.competencyIds.has(opts.competency)) {
    throw new CliError(`unknown competency "${opts.competency}": expected one of ${[...rubric.competencyIds].join(', ')}`);
  }
  if (inputs.length === 0) {
    if (process.stdin.isTTY) throw new CliError('give answer files or folders to score, or "-" for standard input (see coach score --help)');
    inputs = ['-'];
  }
  const collected = await collectAnswers(inputs, { question: opts.question, competency: opts.competency }, readStdin, opts.stdinFormat);
  const errors: InputError[] = [...collected.errors];
  const results: ResultRecord[] = [];
  const showProgress = process.stderr.isTTY === true && collected.items.length >= PROGRESS_EVERY * 2;
  const started = Date.now();
  collected.items.forEach((item, i) => {
    if (item.competency !== undefined && !rubric.competencyIds.has(item.competency)) {
      errors.push({ file: item.file, line: item.line, column: 1, message: `unknown competency "${item.competency}": expected one of ${[...rubric.competencyIds].join(', ')}` });
      return;
    }
    const a = assess({ question: item.question, competency: item.competency, answer: item.answer }, rubric);
    results.push({ id: item.id, ...a, source: { file: item.file, line: item.line } });
    if (showProgress && (i + 1) % PROGRESS_EVERY === 0) {
      const rate = Math.round((i + 1) / Math.max(0.001, (Date.now() - started) / 1000));
      process.stderr.write(`\rscored ${i + 1}/${collected.items.length} (${rate}/s)`);
    }
  });
  if (showProgress) process.stderr.write('\r\x1b[K');
  errors.sort((a, b) => (a.file === b.file ? a.line - b.line : 0));
  const report = buildScoreReport(results, errors, opts.failUnder);

  switch (format) {
    case 'json': process.stdout.write(renderScoreJson(report)); break;
    case 'jsonl': process.stdout.write(renderScoreJsonl(report)); break;
    case 'csv': process.stdout.write(renderScoreCsv(report)); break;
    case 'markdown': process.stdout.write(renderScoreMarkdown(report)); break;
    case 'text': process.stdout.write(renderScoreText(report, await styleFor(process.stdout, opts.color))); break;
  }
  if (format !== 'json' && format !== 'jsonl' && errors.length > 0) {
    process.stderr.write(renderErrorsText(report, await styleFor(process.stderr, opts.color)));
  }
  if (errors.length > 0) return EXIT.fatal;
  if (opts.failUnder && (report.summary.failUnder?.below ?? 0) > 0) return EXIT.findings;
  return EXIT.ok;
}

export function parseLevel(value: string): Level {
  if (!(LEVELS as readonly string[]).includes(value)) throw new CliError(`"${value}" is not a level: expected low, medium or high`);
  return value as Level;
}
