import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTranscript } from '../dist/io/transcript.js';
import { measureDelivery, DEFAULT_NORMS } from '../dist/core/delivery.js';
import { spokenText } from '../dist/core/spoken-cues.js';
const dir = process.argv[2];
const recs = readFileSync(join(dir, 'transcripts.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const cues = recs.map((r) => readTranscript(readFileSync(join(dir, r.transcript), 'utf8'), r.transcript).cues);
for (let round = 0; round < 6; round++) {
  let t = process.hrtime.bigint();
  for (let i = 0; i < cues.length; i++) measureDelivery(cues[i], DEFAULT_NORMS, recs[i].speaker);
  const a = Number(process.hrtime.bigint() - t) / 1e3 / cues.length;
  t = process.hrtime.bigint();
  for (let i = 0; i < cues.length; i++) spokenText(cues[i], recs[i].speaker);
  const b = Number(process.hrtime.bigint() - t) / 1e3 / cues.length;
  console.log('measureDelivery', a.toFixed(1), 'spokenText', b.toFixed(1));
}
