import { assess } from '../../core/assess.js';
import type { Level } from '../../core/types.js';
import { streamAnswers } from '../../io/stream-answers.js';
import type { InputError } from '../../io/errors.js';
import type { HistoryRecord } from '../../io/history.js';
import type { InputFormat } from '../../io/read-answers.js';
import { SummaryCounter, toResultRecord, type ResultRecord, type ScoreReport } from '../../report/score-report.js';
import { jsonlLine, resultLine, renderScoreJson, renderScoreMarkdown } from '../../render/score-formats.js';
import { CliError, EXIT } from '../errors.js';
import { compiledRubric } from '../rubric.js';
import { stdinStream } from '../stdin.js';
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
  quiet?: boolean;
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
  const errors: InputError[] = [];
  const counter = new SummaryCounter(opts.failUnder);
  // JSONL and CSV are read, scored and written record by record and nothing is kept: memory
  // stays flat however large the input. The other formats are whole documents.
  const out = new ChunkedWriter(process.stdout);
  // csv-stringify is loaded only for CSV output (start-up cost).
  const csv = format === 'csv' ? await import('../../render/score-csv.js') : null;
  if (csv) out.write(csv.csvHeader());
  const results: ResultRecord[] = [];
  const answersOf = new Map<ResultRecord, { answer: string; candidate: string | undefined }>();
  // --candidate files every scored answer in the history, for coach report.
  let history: import('../../io/history.js').HistoryStore | null = null;
  if (opts.candidate) {
    const { HistoryStore, dataDir } = await import('../../io/history.js');
    history = new HistoryStore(dataDir(opts.data));
  }
  const batch = `batch-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  const pending: HistoryRecord[] = [];
  if (history) history.append({ v: 1, type: 'session', session: batch, at: new Date().toISOString(), plan: { how: `coach score ${inputs.join(' ')}`, count: 0 }, candidate: opts.candidate! });
  const showProgress = !opts.quiet && process.stderr.isTTY === true;
  const started = Date.now();
  const files: string[] = [];
  let n = 0;
  for await (const entry of streamAnswers(inputs, { question: opts.question, competency: opts.competency }, stdinStream, opts.stdinFormat, files)) {
    if ('error' in entry) {
      errors.push(entry.error);
      continue;
    }
    const item = entry.item;
    if (item.competency !== undefined && !rubric.competencyIds.has(item.competency)) {
      errors.push({ file: item.file, line: item.line, column: item.column, message: `unknown competency "${item.competency}": expected one of ${[...rubric.competencyIds].join(', ')}` });
      continue;
    }
    const a = assess({ question: item.question, competency: item.competency, answer: item.answer }, rubric);
    const result = toResultRecord(item.id, a, { file: item.file, line: item.line });
    counter.add(result);
    if (history) {
      pending.push({ v: 1, type: 'answer', session: batch, at: new Date().toISOString(), attempt: 1, questionId: a.questionId, mode: 'batch', answer: item.answer, assessment: a, candidate: opts.candidate! });
      if (pending.length >= 500) history.appendMany(pending.splice(0));
    }
    let full = false;
    if (format === 'jsonl') full = out.write(resultLine(result));
    else if (csv) full = out.write(csv.csvRow(result));
    else {
      results.push(result);
      if (format === 'html') answersOf.set(result, { answer: item.answer, candidate: item.candidate });
    }
    // A slow reader downstream: wait, rather than hold the output in memory.
    if (full) await out.drained();
    if (showProgress && ++n % PROGRESS_EVERY === 0 && Date.now() - started > 1000) {
      const rate = Math.round(n / Math.max(0.001, (Date.now() - started) / 1000));
      process.stderr.write(`\rscored ${n} (${rate}/s)`);
    }
  }
  if (showProgress && n >= PROGRESS_EVERY) process.stderr.write('\r\x1b[K');
  if (history) history.appendMany(pending);
  // Errors grouped by file in the order files were read (paths that could not be read first), then by line.
  const fileOrder = new Map(files.map((f, i) => [f, i]));
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
      const answers = results.map((r) => toReportAnswer(r, answersOf.get(r)?.answer ?? '', { candidate: answersOf.get(r)?.candidate ?? opts.candidate ?? null, session: r.source.file, at: null }));
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

/**
 * Collects output into blocks of about 256 KB: few writes, no giant string. write() says when
 * the stream's own buffer is full, so the caller can wait for it to drain.
 */
class ChunkedWriter {
  private buf: string[] = [];
  private size = 0;
  constructor(private readonly stream: NodeJS.WriteStream) {}
  write(s: string): boolean {
    this.buf.push(s);
    this.size += s.length;
    return this.size > 256_000 ? this.flush() : false;
  }
  /** Writes what is buffered; true when the stream asks the writer to wait for 'drain'. */
  flush(): boolean {
    const full = this.buf.length > 0 && !this.stream.write(this.buf.join(''));
    this.buf = [];
    this.size = 0;
    return full;
  }
  drained(): Promise<void> {
    return new Promise((resolve) => this.stream.once('drain', () => resolve()));
  }
}
