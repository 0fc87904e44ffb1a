import { describeFsError } from '../../io/errors.js';
import { HistoryFileError, HistoryStore, type HistoryRecord } from '../../io/history.js';
import { progressByCompetency, spokenOverTime, summariseSessions } from '../../report/progress.js';
import { namingFromRubric } from '../../report/session-names.js';
import { loadRubricOrFail } from '../rubric.js';
import { renderProgress, renderSessions, renderSpokenProgress } from '../../render/history.js';
import { didYouMean } from '../../io/did-you-mean.js';
import { CliError, EXIT } from '../errors.js';
import { styleFor } from '../style.js';
import { toJson } from '../../render/inert.js';
import { notice } from '../notice.js';
import { usableDataDir } from '../data-dir.js';
import { neverPractised } from '../../report/focus.js';

export interface HistoryOptions {
  data?: string;
  json?: boolean;
  competency?: string;
  color?: boolean;
}

/**
 * The history's records, read as a stream; each line skipped (cut by a crash, a record that does
 * not fit its schema) is reported on standard error and never fatal. A history that cannot be read
 * at all (permissions, a symbolic link, a folder, a pipe or device, a data folder that is a file)
 * is a plain error, exit 2.
 */
export function readHistory(data: string | undefined): { store: HistoryStore; records: HistoryRecord[] } {
  const store = new HistoryStore(usableDataDir(data));
  let read: ReturnType<HistoryStore['read']>;
  try {
    read = store.read();
  } catch (e) {
    if (e instanceof HistoryFileError) throw new CliError(e.message);
    if (typeof (e as NodeJS.ErrnoException).code === 'string') throw new CliError(`cannot read ${store.file}: ${describeFsError(e)}`);
    throw e;
  }
  for (const m of store.describeSkipped(read.skippedLines)) notice(m);
  return { store, records: read.records };
}

export function loadHistory(opts: Pick<HistoryOptions, 'data'>) {
  return readHistory(opts.data);
}

export async function runHistory(opts: HistoryOptions): Promise<number> {
  const { store, records } = loadHistory(opts);
  // Sets, competencies and questions by name, to name each session ("Retail sales assistant set").
  const sessions = summariseSessions(records, namingFromRubric(await loadRubricOrFail()));
  if (opts.json) process.stdout.write(`${toJson({ version: 1, file: store.file, sessions }, 2)}\n`);
  else process.stdout.write(renderSessions(sessions, await styleFor(process.stdout, opts.color)));
  return EXIT.ok;
}

export async function runProgress(opts: HistoryOptions): Promise<number> {
  const { store, records } = loadHistory(opts);
  let progress = progressByCompetency(records);
  if (opts.competency) {
    progress = progress.filter((p) => p.competency === opts.competency);
    if (progress.length === 0 && records.length > 0) throw new CliError(`no answers for competency "${opts.competency}" in ${store.file}${didYouMean(opts.competency, progressByCompetency(records).map((p) => p.competency))}`);
  }
  const spoken = spokenOverTime(records, opts.competency);
  // The competencies of the bundled rubric that no answer in the history is for.
  const data = await loadRubricOrFail([]);
  const never = opts.competency ? [] : neverPractised(data.competencies, progressByCompetency(records).map((p) => p.competency));
  if (opts.json) process.stdout.write(`${toJson({ version: 1, file: store.file, competencies: progress, neverPractised: never.map((c) => c.id), spoken }, 2)}\n`);
  else {
    const st = await styleFor(process.stdout, opts.color);
    process.stdout.write(renderProgress(progress, st, never.map((c) => ({ id: c.id, name: c.name }))) + renderSpokenProgress(spoken, st));
  }
  return EXIT.ok;
}
