import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../src/core/types.js';
import { rubric, score } from './rubric-fixture.js';

// Every bank question has a model answer at each level, and the scorer puts each at its own
// level: the bank and the scorer keep agreeing.
describe('model answers', () => {
  const r = rubric();
  const questions = [...r.questionsByText.values()];
  it('exist for every bank question at every level', () => {
    for (const q of questions) {
      expect((r.modelsByQuestion.get(q.id) ?? []).map((m) => m.level), q.id).toEqual([...LEVELS]);
    }
  });
  for (const q of questions) {
    for (const m of r.modelsByQuestion.get(q.id) ?? []) {
      it(`${q.id} ${m.level}`, () => {
        const a = score(q.text, m.answer, q.competency);
        expect(a.level, a.reasons.join(' | ')).toBe(m.level);
      });
    }
  }
});
