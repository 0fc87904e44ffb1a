import { join } from 'node:path';
import { unreadable } from '../../io/errors.js';
import { dataDir, HistoryStore } from '../../io/history.js';
import { progressByCompetency, summariseSessions } from '../../report/progress.js';
import { renderProgress, renderSessions } from '../../render/history.js';
import { CliError, EXIT } from '../errors.js';
import { styleFor } from '../style.js';
import { toJson } from '../../render/inert.js';
import { notice } from '../notice.js';
import { usableDataDir } from '../data-dir.js';

export interface HistoryOptions {
  data?: string;
  json?: boolean;
  competency?: string;
  color?: boolean;
}

/** A history that exists but cannot be read is an error to say plainly (exit 2), not a crash. */
export function checkHistoryReadable(data: string | undefined): void {
  const file = join(usableDataDir(data), 'history.jsonl');
  const why = unreadable(file);
  if (why) throw new CliError(`cannot read ${file}: ${why}`);
}

function load(opts: HistoryOptions) {
  checkHistoryReadable(opts.data);
  const store = new HistoryStore(dataDir(opts.data));
  const { records, skippedLines } = store.read();
  // A line cut by a crash is skipped, never fatal: say so, on standard error.
  for (const m of store.describeSkipped(skippedLines)) notice(m);
  return { store, records };
}

export async function runHistory(opts: HistoryOptions): Promise<number> {
  const { store, records } = load(opts);
  const sessions = summariseSessions(records);
  if (opts.json) process.stdout.write(`${toJson({ version: 1, file: store.file, sessions }, 2)}\n`);
  else process.stdout.write(renderSessions(sessions, await styleFor(process.stdout, opts.color)));
  return EXIT.ok;
}

export async function runProgress(opts: HistoryOptions): Promise<number> {
  const { store, records } = load(opts);
  let progress = progressByCompetency(records);
  if (opts.competency) {
    progress = progress.filter((p) => p.competency === opts.competency);
    if (progress.length === 0 && records.length > 0) throw new CliError(`no answers for competency "${opts.competency}" in ${store.file}`);
  }
  if (opts.json) process.stdout.write(`${toJson({ version: 1, file: store.file, competencies: progress }, 2)}\n`);
  else process.stdout.write(renderProgress(progress, await styleFor(process.stdout, opts.color)));
  return EXIT.ok;
}
