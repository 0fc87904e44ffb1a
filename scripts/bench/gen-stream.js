// Writes N generated answers as JSONL to standard output, as fast as the reader takes them and
// holding none of them: the input of the scale runs (node scripts/bench/gen-stream.js N | coach score -).
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { answerLines, parseRecordList } from './answers.js';

const count = Number(process.argv[2]);
if (!Number.isInteger(count) || count < 1) {
  process.stderr.write('usage: node scripts/bench/gen-stream.js COUNT\n');
  process.exit(2);
}
const examples = parseRecordList(readFileSync(new URL('../../examples/answers.yaml', import.meta.url), 'utf8'));
let chunk = '';
for (const line of answerLines(examples, count)) {
  chunk += line;
  if (chunk.length > 1 << 16) {
    if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
    chunk = '';
  }
}
process.stdout.write(chunk);
