import { describe, expect, it } from 'vitest';
import type { Level, QuestionKind, StarPartName } from '../../src/core/types.js';
import { score } from './rubric-fixture.js';

// Example tables: the answer, and the level, kind and STAR parts it must yield.
interface LevelCase {
  name: string;
  question: string;
  answer: string;
  level: Level;
  kind?: QuestionKind;
  star?: Partial<Record<StarPartName, boolean>>;
}

const CASES: LevelCase[] = [
  {
    name: 'claims only, no example',
    question: 'Tell me about a time you helped a customer.',
    answer: "I'm a real people person and I always go the extra mile. Customers love me.",
    level: 'low',
    kind: 'behavioural',
    star: { situation: false, task: false, action: false, result: false },
  },
  {
    name: 'keyword list with no story',
    question: 'Give an example of how you resolved a complaint.',
    answer: 'I always listen, acknowledge, probe, offer solutions, confirm and express gratitude. I build win-win relationships and act as a trusted adviser who anticipates future needs.',
    level: 'low',
    star: { situation: false, action: false },
  },
  {
    name: 'policy, then the manager, as the whole solution',
    question: 'Tell me about a time you dealt with an angry customer.',
    answer: "Last year at the pub a man complained his burger was cold. I told him that's the policy, we can't give refunds once it's eaten, and then I went to get my manager, who dealt with him. He left.",
    level: 'low',
    star: { situation: true, action: true, result: true },
  },
  {
    name: 'a story in which only others act',
    question: 'Tell me about a time you solved a problem for a customer.',
    answer: 'At the shop a woman came in upset about a broken kettle. My manager saw it and sorted out a replacement for her. I was on the other till, so I did not really get involved. She left happy in the end.',
    level: 'low',
    star: { situation: true, action: false, result: true },
  },
  {
    name: 'owns and fixes one problem: medium',
    question: 'Tell me about a time you put right a mistake.',
    answer: 'I was working the counter at a cafe when a customer said his latte had normal milk, and he is lactose intolerant. I apologised straight away, remade it myself with a clean jug and refunded the drink. He thanked me and left happy.',
    level: 'medium',
    star: { situation: true, action: true, result: true },
  },
  {
    name: 'a strong story with no result is at most medium',
    question: 'Tell me about a time you found out what a customer really needed.',
    answer: 'At the bank a woman asked for an easy-access account. I asked what she was saving for, and she said a house deposit. I showed her two options side by side and let her choose, and I set a reminder to call her before the fixed rate ended.',
    level: 'medium',
    star: { situation: true, action: true, result: false },
  },
  {
    name: 'probes, offers a choice, a result that shows the relationship: high',
    question: 'Tell me about a time you found out what a customer really needed.',
    answer: 'At the bank a woman asked for an easy-access account. I asked what she was saving for, and she said a house deposit. I showed her two options side by side and let her choose. Six months later she came back and asked for me by name to open an account for her brother.',
    level: 'high',
    star: { situation: true, action: true, result: true },
  },
  {
    name: 'short and plain, but high',
    question: 'Give me an example of when you saved a customer money.',
    answer: 'At the hardware shop a man wanted our dearest drill for one shelf. I asked what his walls were. I said the cheap one was plenty, or he could hire one. He hired it, and now he asks for me whenever he comes in.',
    level: 'high',
  },
  {
    name: 'negated probing stays medium',
    question: 'Tell me about a time you solved a problem under pressure.',
    answer: 'At the phone repair shop a customer was upset her phone was late. I apologised, rang the repair centre myself and gave her a loan phone. She got her phone back three days later. I didn\'t ask why she needed it so urgently and I never followed up.',
    level: 'medium',
  },
  {
    name: 'situational: concrete steps with two high behaviours',
    question: 'What would you do if a customer wanted a product that was wrong for them?',
    answer: "I'd ask what they want it for and how they'll use it. If it doesn't fit, I'd tell them honestly and show them two cheaper alternatives, then let them choose, and I'd check the one they pick really does what they need.",
    level: 'high',
    kind: 'situational',
    star: { situation: false, task: false, action: false, result: false },
  },
  {
    name: 'situational: concrete ownership steps only',
    question: 'A customer wants a product that is out of stock. What would you do?',
    answer: "I'd check whether another branch has it, offer to order it in, and ring them myself when it arrives.",
    level: 'medium',
    kind: 'situational',
  },
  {
    name: 'situational: generic claims',
    question: 'How would you handle a customer who shouts at you?',
    answer: "I'd stay calm and professional and make sure they're happy.",
    level: 'low',
    kind: 'situational',
  },
  {
    name: 'opinion lifted by an example',
    question: 'What does customer focus mean to you?',
    answer: 'Finding out what the person is really trying to do. On the IT help desk a lecturer kept asking for more mailbox space. I asked what was filling it, and she was emailing lecture recordings. I showed her how to share a link instead and wrote a short guide that my supervisor sent to the whole department. Requests from that department fell by half.',
    level: 'high',
    kind: 'opinion',
  },
  {
    name: 'a complete STAR of a transactional response is low',
    question: 'Tell me about a time you went beyond for a customer.',
    answer: 'At the supermarket a customer asked me where the almond milk was. I told him it is in aisle 4. He went and found it and bought two cartons.',
    level: 'low',
    star: { situation: true, action: true, result: true },
  },
  {
    name: 'task is found when stated',
    question: 'Tell me about a time you improved a process.',
    answer: 'On my finance internship my job was to prepare the weekly sales figures for the sales team. I asked their manager what she used the report for, and changed the order I did things so it arrived on Monday morning. I added a list of the top ten accounts. The team said their calls were better targeted, and they asked me to stay on.',
    level: 'high',
    star: { situation: true, task: true, action: true, result: true },
  },
  {
    name: 'present-tense story told by a non-native speaker',
    question: 'Tell me about a time you solved a problem for a guest.',
    answer: 'I work on hotel reception. A guest complain his room is too noisy. I ask him more and he say he work nights and must sleep in the day. I offer him two quiet rooms and he choose the one at the back. Now he book with us every month.',
    level: 'high',
    star: { situation: true, action: true, result: true },
  },
];

describe('level, kind and STAR parts by example', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const a = score(c.question, c.answer);
      expect(a.level, a.reasons.join(' | ')).toBe(c.level);
      if (c.kind) expect(a.kind).toBe(c.kind);
      for (const [part, present] of Object.entries(c.star ?? {})) {
        expect(a.star[part as StarPartName].present, `STAR ${part}`).toBe(present);
      }
      const [lo, hi] = c.level === 'low' ? [0, 39] : c.level === 'medium' ? [40, 69] : [70, 100];
      expect(a.score).toBeGreaterThanOrEqual(lo);
      expect(a.score).toBeLessThanOrEqual(hi);
    });
  }
});

describe('question kinds from wording', () => {
  const kinds: Array<[string, QuestionKind]> = [
    ['Tell me about a time you dealt with an angry customer.', 'behavioural'],
    ['Describe a situation where you went beyond your role.', 'behavioural'],
    ['Give an example of when you helped a colleague.', 'behavioural'],
    ['How would you handle a customer who is shouting?', 'situational'],
    ['What would you do if a colleague kept leaving work for you?', 'situational'],
    ['If you were a team leader, how would you train new staff?', 'situational'],
    ['What does customer service mean to you?', 'opinion'],
    ['Do you think the customer is always right?', 'opinion'],
    ['Would you ever recommend a competitor?', 'opinion'],
  ];
  for (const [q, kind] of kinds) {
    it(q, () => {
      const a = score(q, 'I would help them.');
      expect(a.kind).toBe(kind);
      expect(a.kindSource).toBe('wording');
    });
  }
  it('takes the kind from the bank when the question is in it', () => {
    const a = score('Tell me about a time you found out what a customer really needed.', 'I helped.');
    if (a.questionId) expect(a.kindSource).toBe('bank');
  });
});

describe('competency', () => {
  it('is inferred from the question when not given, and says so', () => {
    const a = score('Tell me about a time you supported a colleague in another department.', 'I helped.');
    expect(a.competency).toBe('teamwork');
    expect(a.competencyInferred).toBe(true);
  });
  it('is kept as given', () => {
    const a = score('Tell me about a time you supported a colleague.', 'I helped.', 'integrity');
    expect(a.competency).toBe('integrity');
    expect(a.competencyInferred).toBe(false);
  });
});

describe('feedback', () => {
  it('gives two or three next steps, each with a source document and quote', () => {
    const a = score('Tell me about a time you helped a customer.', 'At the cafe a man wanted a coffee. I made it for him and he paid.');
    expect(a.feedback.length).toBeGreaterThanOrEqual(2);
    expect(a.feedback.length).toBeLessThanOrEqual(3);
    for (const f of a.feedback) {
      expect(f.source.file).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
      expect(f.source.quote.length).toBeGreaterThan(10);
      expect(f.message.length).toBeGreaterThan(10);
    }
  });
  it('puts a warning sign first when one pulls the answer down', () => {
    const a = score('Tell me about a time you dealt with a complaint.', "At the bar a man complained. I told him that's the policy and he left.");
    expect(a.feedback[0]!.indicator).toBe('cites-policy');
  });
});
