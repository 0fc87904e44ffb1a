import { inert } from '../../render/inert.js';
import { createWriteStream, openSync } from 'node:fs';
import { availableParallelism, constants as osConstants } from 'node:os';
import type { Level } from '../../core/types.js';
import { streamAnswers } from '../../io/stream-answers.js';
import { competencyError, describeFsError, sortInputErrors, unknownCompetency, type InputError } from '../../io/errors.js';
import type { Style } from '../../render/style.js';
import type { HistoryRecord } from '../../io/history.js';
import type { InputFormat } from '../../io/read-answers.js';
import { inputBytes, ReadProgress } from '../../io/read-progress.js';
import { SummaryCounter, type ResultRecord, type ScoreReport } from '../../report/score-report.js';
import { jsonlLine } from '../../render/score-formats.js';
import type { ScoreEnd } from '../../render/score-view.js';
import { CliError, EXIT } from '../errors.js';
import { compiledRubric } from '../rubric.js';
import { stdinStream } from '../stdin.js';
import { ScoreProgress } from '../score/progress-bar.js';
import type { ScorePool } from '../score/pool.js';
import { scoreBatch, type BatchShape, type ScoredBatch, type ScoreJob } from '../score/score-batch.js';
import { styleFor, styleSpec } from '../style.js';
import { loadView } from '../score/load-view.js';

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
  jobs?: number;
  /** With --candidate: file answers already in the history under that candidate again. */
  force?: boolean;
  /** Write the results to this file instead of standard output. */
  output?: string;
  /** Globs of files to leave out of folders (besides each folder's .coachignore). */
  ignore?: string[];
  /** In transcripts: only this person's turns are the answer. */
  speaker?: string;
}

/**
 * Answers per batch: enough that handing one to a worker costs little (about 2 ms of scoring per
 * message), few enough that a batch's records are collected young. Its output is kept as one
 * string per answer, never joined (see ChunkedWriter).
 */
const BATCH_SIZE = 20;
/**
 * How long the input may be silent, with answers read but not yet scored, before they are scored
 * and written without waiting for a full batch: a slow producer sees each result at once.
 */
const IDLE_MS = 100;
const IDLE = Symbol('idle');
/** Answers scored on the main thread before worker threads are started. */
const INLINE_FIRST = 500;
/** Batches a worker may hold at once. */
const IN_FLIGHT_PER_WORKER = 3;
/** Batches scored but not yet written (a slow worker holds the ones after its own). */
const MAX_QUEUED = 8;
/**
 * Errors kept for the formats that list them at the end of the document (json, markdown); past this many
 * they are counted (summary.failed, and errorsNotListed) but not kept, so memory stays flat for
 * any number of bad records. The other formats write each error as it is found.
 */
export const ERRORS_LISTED = 10_000;
/** Errors that wait, in JSONL, for the results read before them to be written. */
const ERRORS_WAITING = 1000;
/** Signals that end a run gracefully: what was scored is filed first (exit 128 + the number). */
const GRACEFUL: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export async function runScore(inputs: string[], opts: ScoreOptions): Promise<number> {
  const format: ScoreFormat = opts.json ? 'json' : opts.format;
  const rubric = await compiledRubric(opts.rubrics);
  if (opts.competency !== undefined && !rubric.competencyIds.has(opts.competency)) {
    throw new CliError(unknownCompetency(opts.competency, rubric.competencyIds));
  }
  if (inputs.length === 0) {
    if (process.stdin.isTTY) throw new CliError('give answer files or folders to score, or "-" for standard input (see coach score --help)');
    inputs = ['-'];
  }
  // Errors: written as they are found (JSONL in its place among the results; text, csv, markdown
  // and html on standard error); json, markdown and text also keep the first ERRORS_LISTED, for
  // the document (text: for whether to print the summary).
  const errors: InputError[] = [];
  let failed = 0;
  let notListed = 0;
  const counter = new SummaryCounter(opts.failUnder);
  // Every format but html is read, scored and written record by record, and no result is kept:
  // memory stays flat however large the input, and the first result is written at once. html
  // keeps counts and sums and a few example answers for its report (report/batch-report.ts).
  const sink = opts.output !== undefined ? openOutputStream(opts.output) : process.stdout;
  const out = new ChunkedWriter(sink);
  const style = styleSpec(sink as NodeJS.WriteStream, opts.color);
  // Each format's renderer is loaded only when it is used (start-up cost).
  const view = format === 'html' ? null : await loadView(format, style);
  if (view) out.write(view.head);
  // The first result's separator (a comma, a blank line) is dropped as it is written.
  let first = true;
  const results: ResultRecord[] = [];
  // HTML keeps counts per competency and candidate and a few example answers, never every result.
  const htmlReport = format === 'html' ? new (await import('../../report/batch-report.js')).BatchReport(rubric.competencies, { inputs, candidate: opts.candidate, startedAt: new Date().toISOString() }) : null;
  // --candidate files every scored answer in the history, for coach report.
  let history: import('../../io/history.js').HistoryStore | null = null;
  let answerKey: typeof import('../../io/history.js').answerKey | null = null;
  let HistoryFileError: typeof import('../../io/history.js').HistoryFileError | null = null;
  // Answers already filed under this candidate (by an earlier run): not filed again unless --force.
  let filedBefore = new Set<string>();
  let refiled = 0;
  let filed = 0;
  if (opts.candidate) {
    const h = await import('../../io/history.js');
    history = new h.HistoryStore((await import('../data-dir.js')).usableDataDir(opts.data));
    answerKey = h.answerKey;
    HistoryFileError = h.HistoryFileError;
    try {
      filedBefore = history.answerKeys(opts.candidate);
    } catch (e) {
      if (e instanceof h.HistoryFileError) throw new CliError(e.message, EXIT.fatal);
      throw new CliError(`cannot read the history in ${history.dir}: ${describeFsError(e)}`, EXIT.fatal);
    }
  }
  // Unique even for two runs started in the same millisecond (they would merge in coach history).
  const batch = `batch-${new Date().toISOString().replace(/[:.]/g, '-')}-${Math.random().toString(16).slice(2, 8)}`;
  const pendingHistory: HistoryRecord[] = [];
  // History that cannot be written is a plain error, found before anything is scored.
  const fileHistory = (records: HistoryRecord[]): void => {
    try {
      history!.appendMany(records);
    } catch (e) {
      if (HistoryFileError && e instanceof HistoryFileError) throw new CliError(e.message, EXIT.fatal);
      throw new CliError(`cannot write the history in ${history!.dir}: ${describeFsError(e)}`, EXIT.fatal);
    }
    filed += records.filter((r) => r.type === 'answer').length;
  };
  if (history) fileHistory([{ v: 1, type: 'session', session: batch, at: new Date().toISOString(), plan: { how: `coach score ${inputs.join(' ')}`, count: 0 }, candidate: opts.candidate! }]);

  const shape: BatchShape = { output: format === 'html' ? 'records' : format, style, assessments: history !== null };
  const jobs = opts.jobs ?? availableParallelism();
  let scored = 0;
  // A progress bar only on a terminal, and only without --quiet.
  const read = !opts.quiet && process.stderr.isTTY === true ? new ReadProgress(inputBytes(inputs, { ignore: opts.ignore, question: opts.question })) : undefined;
  const progress = read ? new ScoreProgress({ answers: () => scored, read }, process.stderr) : null;

  // What a scored batch needs from its inputs once it comes back.
  interface Queued { jobs: ScoreJob[]; candidates: (string | undefined)[]; done: boolean; result: Promise<ScoredBatch>; errors: InputError[] }
  const take = async (q: Queued): Promise<void> => {
    const b = await q.result;
    for (let i = 0; i < b.levels.length; i++) counter.add({ level: b.levels[i]!, score: b.scores[i]! });
    scored += b.levels.length;
    if (history) {
      for (const [i, a] of b.assessments!.entries()) {
        if (!opts.force && filedBefore.has(answerKey!(a.questionId, q.jobs[i]!.answer))) {
          refiled++;
          continue;
        }
        const d = b.deliveries![i]!;
        pendingHistory.push({ v: 1, type: 'answer', session: batch, at: new Date().toISOString(), attempt: 1, questionId: a.questionId, mode: 'batch', answer: q.jobs[i]!.answer, assessment: a, ...(d.estimated ? {} : { delivery: d }), candidate: opts.candidate! });
      }
      if (pendingHistory.length >= 500) fileHistory(pendingHistory.splice(0));
    }
    if (b.records) {
      for (const [i, r] of b.records.entries()) {
        if (htmlReport) htmlReport.add(r, q.jobs[i]!.answer, q.candidates[i]);
        else results.push(r);
      }
    }
    // A slow reader downstream: wait, rather than hold the output in memory.
    if (b.text.length > 0) {
      let full: boolean;
      if (Array.isArray(b.text)) {
        full = false;
        for (let i = 0; i < b.text.length; i++) full = out.write(i === 0 && first && view ? b.text[0]!.slice(view.separator) : b.text[i]!) || full;
      } else full = out.write(first && view ? b.text.subarray(view.separator) : b.text);
      // The first batch goes out at once (a reader sees results straight away); later ones in blocks.
      if ((full || (first && out.flush()))) await out.drained();
      first = false;
    }
    for (const e of q.errors) if (out.write(jsonlLine('error', e))) await out.drained();
    progress?.tick();
  };

  // --jobs N scores on N threads: N-1 worker threads, and this one, which also reads and writes.
  // Small runs are scored here alone: past INLINE_FIRST answers the workers are started (so a
  // handful of answers never pays for them). A batch goes to a worker with room, or is scored
  // here when every worker is busy, so no thread waits idle; batches are taken back in input
  // order, and at most a few per worker are in flight, so memory stays bounded.
  let pool: ScorePool | null = null;
  const queue: Queued[] = [];
  let jobsBuf: ScoreJob[] = [];
  let candidatesBuf: (string | undefined)[] = [];
  const submit = async (): Promise<void> => {
    if (jobsBuf.length === 0) return;
    const q: Queued = { jobs: jobsBuf, candidates: candidatesBuf, done: false, result: null as unknown as Promise<ScoredBatch>, errors: waiting };
    jobsBuf = [];
    candidatesBuf = [];
    waiting = [];
    if (!pool && jobs > 1 && scored >= INLINE_FIRST) pool = new (await import('../score/pool.js')).ScorePool(jobs - 1, { rubrics: opts.rubrics, shape });
    if (pool && pool.leastBusy() < IN_FLIGHT_PER_WORKER) {
      q.result = pool.submit(q.jobs);
      // Awaited in turn below; this marks it done meanwhile (and keeps a failure from counting as unhandled).
      q.result.then(() => { q.done = true; }, () => { q.done = true; });
    } else {
      q.result = Promise.resolve(scoreBatch(q.jobs, rubric, shape, view));
      q.done = true;
    }
    queue.push(q);
    while (queue.length > 0 && (queue[0]!.done || queue.length > MAX_QUEUED)) await take(queue.shift()!);
  };

  // Errors found among the answers of the batch being gathered (JSONL): written after its results.
  let waiting: InputError[] = [];
  const errOut = format === 'json' || format === 'jsonl' ? null : new ChunkedWriter(process.stderr);
  let errStyle: Style | null = null;
  let renderErrors: ((e: InputError[], st: Style) => string) | null = null;
  const onError = async (e: InputError): Promise<void> => {
    failed++;
    if (format === 'json' || format === 'markdown' || format === 'text') {
      if (errors.length < ERRORS_LISTED) errors.push(e);
      else notListed++;
    }
    if (errOut) {
      if (!renderErrors) {
        renderErrors = (await import('../../render/score-text.js')).renderErrorsText;
        errStyle = await styleFor(process.stderr, opts.color);
      }
      if (errOut.write(renderErrors([e], errStyle!))) await errOut.drained();
    } else if (format === 'jsonl') {
      if (jobsBuf.length > 0) {
        waiting.push(e);
        if (waiting.length >= ERRORS_WAITING) await submit();
      } else if (queue.length > 0) {
        const last = queue[queue.length - 1]!;
        last.errors.push(e);
        if (last.errors.length >= ERRORS_WAITING) while (queue.length > 0) await take(queue.shift()!);
      } else if (out.write(jsonlLine('error', e))) await out.drained();
    }
  };

  // Ctrl-C, SIGTERM or SIGHUP while answers are filed under a candidate: everything already
  // printed as scored is filed before the process ends (SIGKILL cannot be caught: README).
  const onSignal = (signal: NodeJS.Signals): void => {
    progress?.stop();
    let note = '';
    try {
      out.flush();
      errOut?.flush();
      fileHistory(pendingHistory.splice(0));
    } catch (e) {
      note = ` (${e instanceof Error ? e.message : String(e)})`;
    }
    process.stderr.write(`coach: stopped by ${signal}: ${filed.toLocaleString('en-US')} answer${filed === 1 ? '' : 's'} scored so far filed under "${inert(opts.candidate ?? "")}"${note}\n`);
    process.exit(128 + (osConstants.signals[signal] ?? 0));
  };
  if (history) for (const sig of GRACEFUL) process.on(sig, onSignal);

  const files: string[] = [];
  // One timer per batch, armed when its first answer is read: if the input goes quiet before the
  // batch fills, what was read is scored and written then.
  let wake: Promise<typeof IDLE> | null = null;
  let wakeTimer: NodeJS.Timeout | null = null;
  const armIdle = (): void => {
    if (wake) return;
    wake = new Promise((resolve) => {
      wakeTimer = setTimeout(() => resolve(IDLE), IDLE_MS);
      wakeTimer.unref();
    });
  };
  const disarmIdle = (): void => {
    if (wakeTimer) clearTimeout(wakeTimer);
    wake = null;
    wakeTimer = null;
  };
  const entries = streamAnswers(inputs, { question: opts.question, competency: opts.competency, ignore: opts.ignore, speaker: opts.speaker }, stdinStream, opts.stdinFormat, files, read)[Symbol.asyncIterator]();
  // As for await would: the reader is closed when scoring stops early (never while a read is pending).
  let reading = false;
  let finished = false;
  try {
    for (;;) {
      const step = entries.next();
      reading = true;
      const idle = wake as Promise<typeof IDLE> | null; // set by armIdle
      let next: Awaited<typeof step> | typeof IDLE = idle ? await Promise.race([step, idle]) : await step;
      if (next === IDLE) {
        disarmIdle();
        await submit();
        while (queue.length > 0) await take(queue.shift()!);
        if (out.flush()) await out.drained();
        next = await step;
      }
      reading = false;
      if (next.done) {
        finished = true;
        break;
      }
      const entry = next.value;
      if ('error' in entry) {
        await onError(entry.error);
        continue;
      }
      const item = entry.item;
      const unknown = competencyError(item, rubric.competencyIds);
      if (unknown) {
        await onError(unknown);
        continue;
      }
      const job: ScoreJob = { id: item.id, question: item.question, competency: item.competency, answer: item.answer, file: item.file, line: item.line };
      if (item.timed) job.timed = item.timed;
      jobsBuf.push(job);
      candidatesBuf.push(item.candidate);
      if (jobsBuf.length === 1) armIdle();
      if (jobsBuf.length >= BATCH_SIZE) {
        disarmIdle();
        await submit();
      }
    }
    disarmIdle();
    await submit();
    while (queue.length > 0) await take(queue.shift()!);
  } catch (e) {
    if (e instanceof Error && e.name === 'WorkerFailure') throw new CliError(`internal error: a scoring worker failed: ${e.message}`, EXIT.fatal);
    throw e;
  } finally {
    disarmIdle();
    if (!finished && !reading) await entries.return?.(undefined);
    progress?.stop();
    await (pool as ScorePool | null)?.close();
  }
  if (history) {
    fileHistory(pendingHistory);
    for (const sig of GRACEFUL) process.off(sig, onSignal);
    if (refiled > 0) process.stderr.write(`coach: ${refiled.toLocaleString('en-US')} answer${refiled === 1 ? ' was' : 's were'} already filed under "${inert(opts.candidate ?? "")}" by an earlier run: scored, but not filed again (--force files them again)\n`);
  }
  for (const e of waiting) out.write(jsonlLine('error', e));
  errOut?.flush();
  sortInputErrors(errors, files);
  counter.addErrors(failed);
  const report: ScoreReport = { version: 1, results, errors, summary: counter.summary(), ...(notListed > 0 ? { errorsNotListed: notListed } : {}) };

  if (view) {
    const end: ScoreEnd = { results: scored, errors, summary: report.summary };
    if (notListed > 0) end.errorsNotListed = notListed;
    out.write(view.tail(end));
  } else {
    // The batch as a report: per competency and per candidate, as coach report shows a history.
    out.write((await import('../../render/report-html.js')).renderReportHtml(htmlReport!.build(new Date().toISOString(), failed)));
  }
  out.flush();
  if (sink !== process.stdout) {
    await new Promise<void>((resolve, reject) => {
      sink.once('error', reject);
      sink.end(() => resolve());
    }).catch((e: unknown) => {
      throw new CliError(`cannot write ${inert(opts.output ?? '')}: ${describeFsError(e)}`);
    });
    if (process.stderr.isTTY) process.stderr.write(`Wrote ${inert(opts.output ?? '')}\n`);
  }
  // Errors were written as they were found (text, csv, markdown, html: standard error).
  if (failed > 0) return EXIT.fatal;
  if (opts.failUnder && (report.summary.failUnder?.below ?? 0) > 0) return EXIT.findings;
  return EXIT.ok;
}

/** The -o file, opened (created or emptied) before anything is scored, so a bad path fails at once. */
function openOutputStream(path: string): NodeJS.WritableStream {
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (e) {
    throw new CliError(`cannot write ${path}: ${describeFsError(e)}`);
  }
  return createWriteStream(path, { fd });
}

/**
 * Collects output into blocks of about 32,000 characters: few writes, and no string over V8's
 * regular object size (128 KB; a larger one is allocated apart, and building and encoding it
 * cost several times as much). write() says when the stream's own buffer is full, so the caller
 * can wait for it to drain.
 */
const BLOCK = 32_000;
class ChunkedWriter {
  private buf: string[] = [];
  private size = 0;
  constructor(private readonly stream: NodeJS.WritableStream) {}
  /** Text is gathered; bytes (a worker's output, already a block) go out at once, in order. */
  write(s: string | Uint8Array): boolean {
    if (typeof s !== 'string') {
      const full = this.flush();
      return !this.stream.write(s) || full;
    }
    if (s.length >= BLOCK) {
      // Already a block: written as it is (joining it to others would make a large object).
      const full = this.flush();
      return !this.stream.write(s) || full;
    }
    this.buf.push(s);
    this.size += s.length;
    return this.size > BLOCK ? this.flush() : false;
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
