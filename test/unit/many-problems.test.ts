import { describe, expect, it } from 'vitest';
import { pushAll } from '../../src/core/push-all.js';
import { crossValidate, type LoadedRubric } from '../../src/rubrics/validate.js';

/**
 * A rubric with more problems than a call may take arguments: gathering them must not spread a
 * huge list into push() (over some 120,000 items it overflows the stack: issue 11).
 */

const N = 150_000;

describe('a rubric with over 120,000 problems', () => {
  it('spreading a list that long into push() overflows the stack (why pushAll exists)', () => {
    const items = Array.from({ length: N }, (_, i) => i);
    expect(() => [].push(...(items as never[]))).toThrow(RangeError);
    const out: number[] = [0];
    pushAll(out, items);
    expect(out).toHaveLength(N + 1);
    expect(out[N]).toBe(N - 1);
  });

  it(`crossValidate reports ${N - 1} duplicate question ids and ${N} unknown competencies without a crash`, () => {
    const file = { file: 'many.yaml', at: () => ({ line: 1, column: 1 }), problem: (_path: unknown, message: string) => ({ file: 'many.yaml', line: 1, column: 1, message }) };
    const questions = Array.from({ length: N }, (_, i) => ({ value: { id: 'same', competency: 'nope', kind: 'behavioural', text: `Question ${i}?`, guidance: 'g' }, file, path: [i] }));
    const r = { sources: [], competencies: [], indicators: [], questions, structure: null, models: [], sets: [], followUps: [] } as unknown as LoadedRubric;
    const problems = crossValidate(r);
    expect(problems).toHaveLength(2 * N - 1);
    expect(problems.filter((p) => p.message.startsWith('duplicate question id'))).toHaveLength(N - 1);
  });
});
