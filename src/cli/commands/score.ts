import { assess } from '../../core/assess.js';
import type { Level } from '../../core/types.js';
import { collectAnswers } from '../../io/collect.js';
import type { InputError } from '../../io/errors.js';
import type { HistoryRecord } from '../../io/history.js';
import type { InputFormat } from '../../io/read-answers.js';
import { SummaryCounter, toResultRecord, type ResultRecord, type ScoreReport } from '../../report/score-report.js';
import { jsonlLine, renderScoreJson, renderScoreMarkdown } from '../../render/score-formats.js';
import { CliError, EXIT } from '../errors.js';
import { compiledRubric } from '../rubric.js';
import { readStdin } from '../stdin.js';
import { styleFor } from '../style.js';

export type ScoreFormat = 'text' | 'json' | 'jsonl' | 'csv' | 'markdown' | 'html';

export interface ScoreOptions {
  format: ScoreFormat;
  json?: boolean;
  question?: string;
  competency?: string;
  stdinFormat?: InputFormat;
  failUnder?: Level;
  rubrics: string[];
  color?: boolean;
  candidate?: string;
  data?: string;
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
  const counter = new SummaryCounter(opts.failUnder);
  // JSONL and CSV are written as answers are scored and nothing is kept; the other formats are
  // whole documents, so their results are collected first.
  const out = new ChunkedWriter(process.stdout);
  // csv-stringify is loaded only for CSV output (start-up cost).
  const csv = format === 'csv' ? await import('../../render/score-csv.js') : null;
  if (csv) out.write(csv.csvHeader());
  const results: ResultRecord[] = [];
  // --candidate files every scored answer in the history, for coach report.
  let history: import('../../io/history.js').HistoryStore | null = null;
  if (opts.candidate) {
    const { HistoryStore, dataDir } = await import('../../io/history.js');
    history = new HistoryStore(dataDir(opts.data));
  }
  const batch = `batch-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  const pending: HistoryRecord[] = [];
  if (history) history.append({ v: 1, type: 'session', session: batch, at: new Date().toISOString(), plan: { how: `coach score ${inputs.join(' ')}`, count: collected.items.length }, candidate: opts.candidate! });
  const showProgress = process.stderr.isTTY === true && collected.items.length >= PROGRESS_EVERY * 2;
  const started = Date.now();
  collected.items.forEach((item, i) => {
    if (item.competency !== undefined && !rubric.competencyIds.has(item.competency)) {
      errors.push({ file: item.file, line: item.line, column: item.column, message: `unknown competency "${item.competency}": expected one of ${[...rubric.competencyIds].join(', ')}` });
      return;
    }
    const a = assess({ question: item.question, competency: item.competency, answer: item.answer }, rubric);
    const result = toResultRecord(item.id, a, { file: item.file, line: item.line });
    counter.add(result);
    if (history) {
      pending.push({ v: 1, type: 'answer', session: batch, at: new Date().toISOString(), attempt: 1, questionId: a.questionId, mode: 'batch', answer: item.answer, assessment: a, candidate: opts.candidate! });
      if (pending.length >= 500) history.appendMany(pending.splice(0));
    }
    if (format === 'jsonl') out.write(jsonlLine('result', result));
    else if (csv) out.write(csv.csvRow(result));
    else results.push(result);
    if (showProgress && (i + 1) % PROGRESS_EVERY === 0) {
      const rate = Math.round((i + 1) / Math.max(0.001, (Date.now() - started) / 1000));
      process.stderr.write(`\rscored ${i + 1}/${collected.items.length} (${rate}/s)`);
    }
  });
  if (showProgress) process.stderr.write('\r\x1b[K');
  if (history) history.appendMany(pending);
  // Errors grouped by file in the order files were read (paths that could not be read first), then by line.
  const fileOrder = new Map(collected.files.map((f, i) => [f, i]));
  const rank = (file: string): number => fileOrder.get(file) ?? -1;
  errors.sort((x, y) => rank(x.file) - rank(y.file) || x.line - y.line || x.column - y.column);
  counter.addErrors(errors.length);
  const report: ScoreReport = { version: 1, results, errors, summary: counter.summary() };

  switch (format) {
    case 'jsonl':
      for (const e of errors) out.write(jsonlLine('error', e));
      out.write(jsonlLine('summary', report.summary));
      break;
    case 'csv': break;
    case 'json': out.write(renderScoreJson(report)); break;
    case 'markdown': out.write(renderScoreMarkdown(report)); break;
    case 'html': {
      // The batch as a report: per competency, as coach report shows a candidate's practice.
      const [{ buildCandidateReport }, { toReportAnswer }, { renderReportHtml }] = await Promise.all([
        import('../../report/candidate-report.js'), import('../../report/from-history.js'), import('../../render/report-html.js'),
      ]);
      const byId = new Map(collected.items.map((it) => [it.id, it]));
      const answers = results.map((r) => toReportAnswer(r, byId.get(r.id)?.answer ?? '', { candidate: byId.get(r.id)?.candidate ?? opts.candidate ?? null, session: r.source.file, at: null }));
      const names = new Map(rubric.competencies.map((c) => [c.id, c.name]));
      out.write(renderReportHtml(buildCandidateReport(answers, names, { candidate: opts.candidate ?? null, since: null, generatedAt: new Date().toISOString() })));
      break;
    }
    case 'text': out.write((await import('../../render/score-text.js')).renderScoreText(report, await styleFor(process.stdout, opts.color))); break;
  }
  out.flush();
  if (format !== 'json' && format !== 'jsonl' && errors.length > 0) {  // text, csv, markdown, html: errors on stderr
    process.stderr.write((await import('../../render/score-text.js')).renderErrorsText(errors, await styleFor(process.stderr, opts.color)));
  }
  if (errors.length > 0) return EXIT.fatal;
  if (opts.failUnder && (report.summary.failUnder?.below ?? 0) > 0) return EXIT.findings;
  return EXIT.ok;
}

/** Collects output into blocks of about 1 MB: no giant string for a large batch, few writes. */
class ChunkedWriter {
  private buf: string[] = [];
  private size = 0;
  constructor(private readonly stream: NodeJS.WriteStream) {}
  write(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1_000_000) this.flush();
  }
  flush(): void {
    if (this.buf.length) this.stream.write(this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }
}
