import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toResultRecord } from '../../src/report/score-report.js';
import { resultJson } from '../../src/render/result-json.js';
import { resultLine } from '../../src/render/score-formats.js';
import { rubric } from './rubric-fixture.js';
import { assess } from '../../src/core/assess.js';

const LABELLED = join(import.meta.dirname, '..', 'fixtures', 'labelled');

interface Labelled { id: string; question: string; competency?: string; answer: string }
const answers: Labelled[] = ['blind', 'holdout', 'fresh', 'fresh2'].flatMap((f) => parse(readFileSync(join(LABELLED, `${f}.yaml`), 'utf8')) as Labelled[]);

describe('resultJson: byte for byte JSON.stringify of a result record', () => {
  it('on every labelled answer, with and without its competency, twice (cached strings)', () => {
    expect(answers.length).toBeGreaterThan(100);
    for (let round = 0; round < 2; round++) {
      for (const [i, a] of answers.entries()) {
        const r = toResultRecord(a.id, assess({ question: a.question, competency: round ? undefined : a.competency, answer: a.answer }, rubric()), { file: `f${i % 3}.yaml`, line: i + 1 });
        expect(resultJson(r)).toBe(JSON.stringify(r));
      }
    }
  });

  it('on text that needs escaping: quotes, backslashes, control characters, lone surrogates, U+2028', () => {
    const odd = 'He said "no" \\ then\ttabbed\u0001\u2028 and \ud800 left; emoji 😀.\r\nI apologised and I fixed it the same day, so he stayed with us.';
    const r = toResultRecord('id "1"\n', assess({ question: 'Q "quoted"\u0000?', answer: odd }, rubric()), { file: 'dir/"x".jsonl', line: 7 });
    expect(resultJson(r)).toBe(JSON.stringify(r));
    expect(JSON.parse(resultJson(r))).toEqual(r);
  });

  it('resultLine is the record with type and version first, one line', () => {
    const r = toResultRecord('a', assess({ question: 'Tell me about a time you helped a customer.', answer: 'I helped.' }, rubric()), { file: '-', line: 1 });
    const line = resultLine(r);
    expect(line.endsWith('}\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({ type: 'result', version: 1, ...r });
    expect(Object.keys(JSON.parse(line))).toEqual(['type', 'version', ...Object.keys(r)]);
  });
});
