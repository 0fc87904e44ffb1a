import { join } from 'node:path';
import { unreadable } from '../../io/errors.js';
import { dataDir, HistoryStore } from '../../io/history.js';
import { progressByCompetency, summariseSessions } from '../../report/progress.js';
import { renderProgress, renderSessions } from '../../render/history.js';
import { didYouMean } from '../../io/did-you-mean.js';
import { CliError, EXIT } from '../errors.js';
import { styleFor } from '../style.js';

export interface HistoryOptions {
  data?: string;
  json?: boolean;
  competency?: string;
  color?: boolean;
}

/** A history that exists but cannot be read is an error to say plainly (exit 2), not a crash. */
export function checkHistoryReadable(data: string | undefined): void {
  const file = join(dataDir(data), 'history.jsonl');
  const why = unreadable(file);
  if (why) throw new CliError(`cannot read ${file}: ${why}`);
}

export function loadHistory(opts: Pick<HistoryOptions, 'data'>) {
  checkHistoryReadable(opts.data);
  const store = new HistoryStore(dataDir(opts.data));
  const { records, skippedLines } = store.read();
  // A line cut by a crash is skipped, never fatal: say so, on standard error.
  for (const m of store.describeSkipped(skippedLines)) process.stderr.write(`coach: ${m}\n`);
  return { store, records };
}

export async function runHistory(opts: HistoryOptions): Promise<number> {
  const { store, records } = loadHistory(opts);
  const sessions = summariseSessions(records);
  if (opts.json) process.stdout.write(`${JSON.stringify({ version: 1, file: store.file, sessions }, null, 2)}\n`);
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
  if (opts.json) process.stdout.write(`${JSON.stringify({ version: 1, file: store.file, competencies: progress }, null, 2)}\n`);
  else process.stdout.write(renderProgress(progress, await styleFor(process.stdout, opts.color)));
  return EXIT.ok;
}
