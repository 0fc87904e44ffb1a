import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assess.js';
import { inferQuestion } from '../../src/core/question.js';
import type { Assessment, QuestionKind } from '../../src/core/types.js';
import { rubric, score } from './rubric-fixture.js';

// A question of the candidate's own (coach practice --ask): its competency and kind read from its
// wording, with the words that decided them.

function scoreWithKind(question: string, answer: string, kind: QuestionKind): Assessment {
  return assess({ question, answer, kind }, rubric());
}

describe('reading a question of your own', () => {
  const cases: Array<{ question: string; competency: string; kind: string; kindCue: string | null; cues: string[] }> = [
    { question: 'What would you do if a customer shouted at you about a late delivery?', competency: 'problem-solving', kind: 'situational', kindCue: 'What would you', cues: ['shouted'] },
    { question: 'Tell me about a time you went the extra mile for someone.', competency: 'adding-value', kind: 'behavioural', kindCue: 'Tell me about', cues: ['extra mile'] },
    { question: 'Describe a time you helped a colleague who was struggling.', competency: 'teamwork', kind: 'behavioural', kindCue: 'Describe a time', cues: ['colleague'] },
    { question: 'What does good communication mean to you?', competency: 'communication', kind: 'opinion', kindCue: 'What does', cues: ['communication'] },
  ];
  for (const c of cases) {
    it(c.question, () => {
      const r = inferQuestion(rubric(), c.question);
      expect(r.kind).toBe(c.kind);
      expect(r.kindCue).toBe(c.kindCue);
      expect(r.competency).toBe(c.competency);
      for (const cue of c.cues) expect(r.competencyCues.map((x) => x.toLowerCase())).toContain(cue);
    });
  }

  it('a kind the candidate chose is scored as given; a bank question keeps its own', () => {
    const answer = 'I would apologise, check the order myself and ring the courier.';
    const own = 'How do you deal with a late delivery?';
    expect(score(own, answer).kindSource).toBe('wording');
    const a = scoreWithKind(own, answer, 'situational');
    expect(a.kind).toBe('situational');
    expect(a.kindSource).toBe('given');
    const bank = [...rubric().questionsByText.values()].find((q) => q.kind === 'behavioural')!;
    const b = scoreWithKind(bank.text, answer, 'opinion');
    expect(b.kind).toBe('behavioural');
    expect(b.kindSource).toBe('bank');
  });
});
