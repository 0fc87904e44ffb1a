import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toResultRecord } from '../../src/report/score-report.js';
import { resultJson } from '../../src/render/result-json.js';
import { resultLine } from '../../src/render/score-formats.js';
import { toJson } from '../../src/render/inert.js';
import { rubric } from './rubric-fixture.js';
import { assess } from '../../src/core/assess.js';
import { DEFAULT_NORMS, estimateDelivery, measureDelivery } from '../../src/core/delivery.js';
import type { Delivery } from '../../src/core/types.js';
import { readTranscript } from '../../src/io/transcript.js';

const estimate = (answer: string): Delivery => estimateDelivery(answer, rubric().style.wordsPerMinute, rubric().style.delivery);
const TRANSCRIPTS = join(import.meta.dirname, '..', 'fixtures', 'transcripts');

const LABELLED = join(import.meta.dirname, '..', 'fixtures', 'labelled');

interface Labelled { id: string; question: string; competency?: string; answer: string }
const answers: Labelled[] = ['blind', 'holdout', 'fresh', 'fresh2'].flatMap((f) => parse(readFileSync(join(LABELLED, `${f}.yaml`), 'utf8')) as Labelled[]);

describe('resultJson: byte for byte toJson (JSON.stringify, then inert) of a result record', () => {
  it('on every labelled answer, with and without its competency, twice (cached strings)', () => {
    expect(answers.length).toBeGreaterThan(100);
    for (let round = 0; round < 2; round++) {
      for (const [i, a] of answers.entries()) {
        const r = toResultRecord(a.id, assess({ question: a.question, competency: round ? undefined : a.competency, answer: a.answer }, rubric()), { file: `f${i % 3}.yaml`, line: i + 1 }, estimate(a.answer));
        expect(resultJson(r)).toBe(toJson(r));
      }
    }
  });

  it('on text that needs escaping: quotes, backslashes, control characters, lone surrogates, U+2028', () => {
    const odd = 'He said "no" \\ then\ttabbed\u0001\u2028 and \ud800 left; emoji 😀.\r\nI apologised and I fixed it the same day, so he stayed with us.';
    const r = toResultRecord('id "1"\n', assess({ question: 'Q "quoted"\u0000?', answer: odd }, rubric()), { file: 'dir/"x".jsonl', line: 7 }, estimate(odd));
    expect(resultJson(r)).toBe(toJson(r));
    expect(JSON.parse(resultJson(r))).toEqual(r);
  });

  it('with C1 and bidirectional controls in the answer, id, question and file: written as \\u escapes, as inertJson writes them', () => {
    const odd = 'I apologised\u0085 and I \u202efixed\u202c it the same day\u009b, so he \u2066stayed\u2069 with us.\u200f';
    const r = toResultRecord('id\u0080', assess({ question: 'Q\u061c?', answer: odd }, rubric()), { file: 'dir/\u202ax.jsonl', line: 7 }, estimate(odd));
    const line = resultJson(r);
    expect(line).toBe(toJson(r));
    expect(line).not.toBe(JSON.stringify(r));
    expect(line).not.toMatch(/[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(line).toContain('\\u202e');
    expect(JSON.parse(line)).toEqual(r);
    expect(resultLine(r)).toBe(`{"type":"result","version":1,${line.slice(1)}\n`);
  });

  it('resultLine is the record with type and version first, one line', () => {
    const r = toResultRecord('a', assess({ question: 'Tell me about a time you helped a customer.', answer: 'I helped.' }, rubric()), { file: '-', line: 1 }, estimate('I helped.'));
    const line = resultLine(r);
    expect(line.endsWith('}\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({ type: 'result', version: 1, ...r });
    expect(Object.keys(JSON.parse(line))).toEqual(['type', 'version', ...Object.keys(r)]);
  });

  it('on measured deliveries: every transcript fixture (each speaker), long answers with minute windows, fillers with odd phrases', () => {
    let measured = 0;
    for (const name of readdirSync(TRANSCRIPTS).filter((f) => /\.(vtt|srt)$/.test(f))) {
      const read = readTranscript(readFileSync(join(TRANSCRIPTS, name), 'utf8'), name);
      if (!read.ok) continue;
      for (const speaker of [undefined, ...new Set(read.cues.map((c) => c.speaker).filter((s): s is string => s !== null))]) {
        const d = measureDelivery(read.cues, rubric().style.delivery, speaker);
        const r = toResultRecord(name, assess({ question: 'Tell me about a time you helped a customer.', answer: 'I helped.' }, rubric()), { file: name, line: 1 }, d);
        expect(resultJson(r)).toBe(toJson(r));
        measured++;
      }
    }
    expect(measured).toBeGreaterThan(15);
    const long = Array.from({ length: 40 }, (_, i) => ({ start: i * 4000, end: i * 4000 + (i % 5 === 0 ? 1000 : 4000), text: `um so I "called", you know, the hotel ${i}`, speaker: null }));
    const odd = { ...DEFAULT_NORMS, fillers: ['__proto__', 'constructor', 'so', 'you know'] };
    const d = measureDelivery(long, odd);
    expect(d.pace.slowestMinute).not.toBeNull();
    expect(Object.keys(d.fillers.byPhrase)).toEqual(['so', 'you know']);
    const withProto = measureDelivery([{ start: 0, end: 1000, text: 'proto __proto__ constructor', speaker: null }], odd);
    expect(Object.keys(withProto.fillers.byPhrase)).toEqual(['proto', 'constructor']); // words only: "__proto__" is the word "proto"
    for (const x of [d, withProto, { ...d, speakingMs: Number.NaN }]) {
      const r = toResultRecord('x', assess({ question: 'Q?', answer: 'I helped.' }, rubric()), { file: 'f', line: 1 }, x);
      expect(resultJson(r)).toBe(toJson(r));
    }
  });
});
