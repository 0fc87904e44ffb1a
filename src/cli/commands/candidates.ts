import type { HistoryRecord } from '../../io/history.js';
import { candidateKey, listCandidates } from '../../report/candidates.js';
import { renderCandidates } from '../../render/candidates-text.js';
import { closest } from '../../io/did-you-mean.js';
import { CliError, EXIT } from '../errors.js';
import { styleFor } from '../style.js';
import { loadHistory, type HistoryOptions } from './history.js';

/**
 * The candidate a --candidate names, as the history spells the name (matched in any case); if
 * none matches, exit 2 with the nearest names, or the list of candidates when none is near.
 */
export function checkCandidate(records: HistoryRecord[], name: string | undefined, file: string): string | undefined {
  if (name === undefined) return undefined;
  const known = listCandidates(records);
  const found = known.find((c) => candidateKey(c.name) === candidateKey(name));
  if (found) return found.name;
  const near = closest(candidateKey(name), known.map((c) => c.name));
  const hint = near.length > 0
    ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)`
    : known.length > 0 ? ` (candidates: ${known.slice(0, 8).map((c) => `"${c.name}"`).join(', ')}${known.length > 8 ? ', ...; see coach candidates' : ''})` : ': it has no candidates yet (file answers under one with --candidate NAME)';
  throw new CliError(`candidate "${name}" not found in ${file}${hint}`, EXIT.fatal);
}

/** `coach candidates`: who has answers in the history, how many, and when they last practised. */
export async function runCandidates(opts: HistoryOptions): Promise<number> {
  const { store, records } = loadHistory(opts);
  const list = listCandidates(records);
  if (opts.json) process.stdout.write(`${JSON.stringify({ version: 1, file: store.file, candidates: list }, null, 2)}\n`);
  else process.stdout.write(renderCandidates(list, await styleFor(process.stdout, opts.color)));
  return EXIT.ok;
}
