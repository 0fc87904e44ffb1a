import { assess } from '../../core/assess.js';
import { collectAnswers } from '../../io/collect.js';
import { competencyError, sortInputErrors, type InputError } from '../../io/errors.js';
import { renderErrorsText } from '../../render/score-text.js';
import { plural } from '../../render/plural.js';
import { buildCandidateReport, type CandidateReport, type ReportAnswer } from '../../report/candidate-report.js';
import { buildCohortReport } from '../../report/cohort.js';
import { answersFromHistory, toReportAnswer, withCurrentSources } from '../../report/from-history.js';
import { namingFromRubric, sessionPlans } from '../../report/session-names.js';
import { CliError, EXIT } from '../errors.js';
import { readHistory } from './history.js';
import { checkCandidate } from './candidates.js';
import { writeOutputFile } from '../write-output.js';
import { compiledRubric, loadRubricOrFail } from '../rubric.js';
import { stdinStream } from '../stdin.js';
import { styleFor } from '../style.js';
import { inert, toJson } from '../../render/inert.js';

export interface ReportOptions {
  candidate?: string;
  since?: string;
  format: 'text' | 'markdown' | 'html' | 'json' | 'csv';
  by?: 'candidate';
  output?: string;
  data?: string;
  rubrics: string[];
  color?: boolean;
}

function sinceDate(since: string | undefined): string | undefined {
  if (since === undefined) return undefined;
  const d = new Date(since);
  if (!/^\d{4}-\d{2}-\d{2}/.test(since) || Number.isNaN(d.getTime())) throw new CliError(`--since "${since}" is not a date: use YYYY-MM-DD`);
  return d.toISOString();
}

function emit(text: string, output: string | undefined): void {
  if (output) {
    writeOutputFile(output, text);
    if (process.stderr.isTTY) process.stderr.write(`Wrote ${inert(output)}\n`);
  } else process.stdout.write(text);
}

export async function renderCandidateReport(report: CandidateReport, format: ReportOptions['format'], color: boolean | undefined): Promise<string> {
  switch (format) {
    case 'json': return `${toJson(report, 2)}\n`;
    case 'markdown': return (await import('../../render/report-text.js')).renderReportMarkdown(report);
    case 'html': return (await import('../../render/report-html.js')).renderReportHtml(report);
    case 'csv': throw new CliError('--format csv is for cohorts: add --by candidate');
    case 'text': return (await import('../../render/report-text.js')).renderReportText(report, await styleFor(process.stdout, color));
  }
}

/**
 * `coach report`: a candidate's report from the practice history, or with `--by candidate`, one
 * table across the candidates of a folder of answer files.
 */
export async function runReport(inputs: string[], opts: ReportOptions): Promise<number> {
  const since = sinceDate(opts.since);
  const now = new Date().toISOString();
  if (opts.by === 'candidate') {
    if (inputs.length === 0) throw new CliError('--by candidate needs answer files or folders (each record with a candidate, or one file per candidate)');
    const rubric = await compiledRubric(opts.rubrics);
    if (opts.format === 'markdown') throw new CliError('a cohort report is text, csv, html or json');
    const collected = await collectAnswers(inputs, {}, stdinStream);
    const errors: InputError[] = [...collected.errors];
    const answers: ReportAnswer[] = [];
    for (const item of collected.items) {
      // As coach score does: an answer for a competency the rubric does not know is an error.
      const unknown = competencyError(item, rubric.competencyIds);
      if (unknown) {
        errors.push(unknown);
        continue;
      }
      const a = assess({ question: item.question, competency: item.competency, answer: item.answer }, rubric);
      // A record without a candidate belongs to the file it came from ("sam.yaml" is Sam's).
      const who = item.candidate ?? item.file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
      answers.push(toReportAnswer(a, item.answer, { candidate: who, session: item.file, at: null }));
    }
    sortInputErrors(errors, collected.files);
    const summary = { inputs: answers.length + errors.length, scored: answers.length, failed: errors.length };
    const cohort = buildCohortReport(answers, now);
    const names = new Map(rubric.competencies.map((c) => [c.id, c.name]));
    let text: string;
    if (opts.format === 'json') text = `${toJson({ ...cohort, errors, summary }, 2)}\n`;
    else if (opts.format === 'csv') text = (await import('../../render/cohort-csv.js')).renderCohortCsv(cohort, names);
    else if (opts.format === 'html') text = (await import('../../render/cohort-html.js')).renderCohortHtml(cohort, names);
    else {
      text = (await import('../../render/report-text.js')).renderCohortText(cohort, await styleFor(process.stdout, opts.color), names);
      text += `\n${plural(summary.inputs, 'input')}: ${summary.scored} scored, ${summary.failed} failed\n`;
    }
    emit(text, opts.output);
    if (errors.length > 0 && opts.format !== 'json') {
      process.stderr.write(renderErrorsText(errors, await styleFor(process.stderr, opts.color)));
      // csv and html have no place for the counts: say them where the errors are.
      if (opts.format !== 'text') process.stderr.write(`${plural(summary.inputs, 'input')}: ${summary.scored} scored, ${summary.failed} failed\n`);
    }
    return errors.length ? EXIT.fatal : EXIT.ok;
  }
  if (inputs.length > 0) throw new CliError('a candidate report is built from the practice history; to report on answer files, use --by candidate (or coach score FILES --format html)');
  const { store, records } = readHistory(opts.data);
  const candidate = checkCandidate(records, opts.candidate, store.file);
  const data = await loadRubricOrFail(opts.rubrics);
  const citations = new Map([...data.indicators.map((i) => [i.id, i.source] as const), ...Object.entries(data.structure.star).map(([p, d]) => [`star.${p}`, d.source] as const)]);
  const answers = withCurrentSources(answersFromHistory(records, { candidate: opts.candidate, since }), citations);
  if (answers.length === 0) throw new CliError(`no answers${opts.candidate ? ` for candidate "${opts.candidate}"` : ''}${opts.since ? ` since ${opts.since}` : ''} in ${store.file}`, EXIT.findings);
  const report = buildCandidateReport(answers, new Map(data.competencies.map((c) => [c.id, c.name])), {
    candidate: candidate ?? null, since: opts.since ?? null, generatedAt: now, sessions: sessionPlans(records), naming: namingFromRubric(data),
  });
  emit(await renderCandidateReport(report, opts.format, opts.color), opts.output);
  return EXIT.ok;
}
