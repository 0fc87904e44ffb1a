import { inert } from '../render/inert.js';

/** A notice on standard error, "coach: …", with the data in it (file names, ids) made inert. */
export function notice(message: string): void {
  process.stderr.write(`coach: ${inert(message)}\n`);
}
