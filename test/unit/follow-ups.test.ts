import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRubric } from '../../src/rubrics/load.js';
import { RubricError } from '../../src/rubrics/errors.js';
import { assessExchange, chooseFollowUp, joinReplies, type FollowUp } from '../../src/core/follow-ups.js';
import { LEVELS, type Assessment, type Span } from '../../src/core/types.js';
import { rubric, score } from './rubric-fixture.js';

// Every medium and low model answer of the bank gets a follow-up that targets a gap the answer
// really has; answering it the way the question's high model answer does raises the level.

/** Whether the assessment shows the gap the follow-up is about (read from the scorer's own findings). */
function hasGap(a: Assessment, f: FollowUp): boolean {
  const counted = a.indicators.filter((x) => x.counted);
  const behaviourOf = (id: string): string => rubric().indicatorById.get(id)!.behaviour;
  const noStory = !a.star.situation.present && !a.star.action.present && !a.star.result.present;
  switch (f.gap) {
    case 'story': return noStory && (a.kind === 'behavioural' || a.level === 'low');
    case 'own-action': return !a.star.action.present;
    case 'warning': return counted.some((x) => x.warning && f.behaviours.includes(behaviourOf(x.id)));
    case 'steps': return !counted.some((x) => x.evidence.some((e) => e.shown === 'step' || e.shown === 'action'));
    case 'fix': return a.level === 'low' && !counted.some((x) => !x.warning && (x.level === 'high' || (x.level === 'medium' && !rubric().indicatorById.get(x.id)!.supporting)));
    case 'result': return !a.star.result.present;
    case 'behaviour': return !counted.some((x) => f.behaviours.includes(behaviourOf(x.id)));
    case 'situation': return !a.star.situation.present;
  }
}

/** The model's sentences, with their offsets. */
function sentences(text: string): Array<Span> {
  const out: Span[] = [];
  for (const m of text.matchAll(/[^.!?]+[.!?]+(?=\s|$)/g)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0].trim() });
  return out;
}

const from = (text: string, offset: number): string => sentences(text).filter((s) => s.end > offset).map((s) => s.text).join(' ');
const holding = (text: string, spans: Span[]): string => sentences(text).filter((s) => spans.some((x) => x.start < s.end && s.start < x.end)).map((s) => s.text).join(' ');

/**
 * How the high model answers the follow-up: its whole story for "give me an example"; what it
 * did from its first action or step on, for "what did you do yourself"; its result sentences for
 * "what happened in the end"; from its first sign of the behaviour asked about on, for "what did
 * you find out... and what did you do with that"; its situation, for "where were you".
 */
function replyOfHigh(high: string, h: Assessment, f: FollowUp): string {
  const counted = h.indicators.filter((x) => x.counted && !x.warning);
  const firstOf = (pred: (id: string) => boolean): number => Math.min(...counted.filter((x) => pred(x.id)).flatMap((x) => x.evidence.filter((e) => e.shown === 'action' || e.shown === 'step').map((e) => e.start)));
  switch (f.gap) {
    case 'story': return high.trim();
    case 'own-action': case 'warning': case 'fix': case 'steps':
      return from(high, Math.min(firstOf(() => true), ...h.star.action.spans.map((s) => s.start)));
    case 'result': return holding(high, h.star.result.spans);
    case 'behaviour': {
      const at = firstOf((id) => f.behaviours.includes(rubric().indicatorById.get(id)!.behaviour));
      return Number.isFinite(at) ? from(high, at) : '';
    }
    case 'situation': return holding(high, h.star.situation.spans);
  }
}

describe('follow-ups on the model answers', () => {
  const r = rubric();
  const questions = [...r.questionsByText.values()];
  const rank = (l: string): number => LEVELS.indexOf(l as (typeof LEVELS)[number]);
  for (const q of questions) {
    const models = r.modelsByQuestion.get(q.id) ?? [];
    const high = models.find((m) => m.level === 'high')!;
    for (const m of models.filter((x) => x.level !== 'high')) {
      it(`${q.id} ${m.level}`, () => {
        const a = score(q.text, m.answer, q.competency);
        const f = chooseFollowUp(m.answer, a, r);
        expect(f, 'a follow-up is asked').not.toBeNull();
        expect(hasGap(a, f!), `${f!.gap} ${f!.behaviours.join(',')}: ${f!.question}`).toBe(true);
        const h = score(q.text, high.answer, q.competency);
        const reply = replyOfHigh(high.answer, h, f!);
        expect(reply, `the high model answers "${f!.question}"`).not.toBe('');
        const x = assessExchange({ question: q.text, competency: q.competency, answer: m.answer }, a, [reply], r);
        expect(rank(x.assessment.level), `${f!.question}\nreply: ${reply}\n${x.assessment.reasons.join(' | ')}`).toBeGreaterThan(rank(a.level));
        expect(x.assessment.score).toBeGreaterThan(a.score);
      });
    }
  }
});

describe('choosing and phrasing a follow-up', () => {
  const r = rubric();
  const cases: Array<{ name: string; question: string; answer: string; gap: string; says: RegExp }> = [
    {
      name: 'no result: asks how it ended, quoting the last thing the candidate did',
      question: 'Describe a time you went out of your way for a customer.',
      answer: 'Last winter I worked on the counter of a pharmacy. A woman came in because her prescription was missing an inhaler, and I asked her what she needed it for. I rang the wholesaler myself and had it sent on the afternoon van, and I took it round to her house.',
      gap: 'result',
      says: /^You said "I took it round to her house"\. What happened in the end, for the woman\?$/,
    },
    {
      name: 'only others act: quotes what someone else did',
      question: 'Tell me about a time you dealt with an unhappy customer.',
      answer: 'At the cafe a customer complained that his sandwich was cold. My manager apologised and refunded him, and the chef made a new one.',
      gap: 'own-action',
      says: /^You said "my manager apologised"\. What did you do yourself\?$/i,
    },
    {
      name: 'a hypothetical answer to a behavioural question: asks for a real time',
      question: 'Tell me about a time you helped a customer who was confused.',
      answer: 'I would listen to them carefully, ask what they need and explain the options clearly.',
      gap: 'story',
      says: /one particular time/,
    },
    {
      name: 'a warning sign: quotes it',
      question: 'Tell me about a time a customer asked for something you could not give.',
      answer: 'At the bakery a woman wanted a refund on a cake. I told her we don\'t give refunds on cakes, that\'s the policy, and she left.',
      gap: 'warning',
      says: /^You said "[^"]*policy[^"]*"\./,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const a = score(c.question, c.answer);
      const f = chooseFollowUp(c.answer, a, r);
      expect(f?.gap, a.reasons.join(' | ')).toBe(c.gap);
      expect(f!.question).toMatch(c.says);
    });
  }

  it('a second follow-up is about another gap than the first', () => {
    const question = 'Describe a time you went out of your way for a customer.';
    const answer = 'Last winter I worked on the counter of a pharmacy. A woman came in because her prescription was missing an inhaler. I rang the wholesaler myself and had it sent on the afternoon van.';
    const a = score(question, answer);
    const first = chooseFollowUp(answer, a, r)!;
    const second = chooseFollowUp(answer, a, r, [first]);
    expect(second).not.toBeNull();
    expect(`${second!.gap}:${second!.behaviours}`).not.toBe(`${first.gap}:${first.behaviours}`);
  });

  it('quotes stay short and carry no double quotes or line breaks from the answer', () => {
    const question = 'Tell me about a time you dealt with an unhappy customer.';
    const answer = 'At the shop a man shouted at me.\nI said "that is simply the policy of this company and there is absolutely nothing that anyone here can do about it whatsoever", and he left.';
    const f = chooseFollowUp(answer, score(question, answer), r)!;
    const quoted = /"([^"]*)"/.exec(f.question)?.[1] ?? '';
    expect(quoted.length).toBeLessThanOrEqual(60);
    expect(f.question).not.toMatch(/\n/);
  });

  it('a high answer with nothing missing gets no follow-up', () => {
    const q = r.questionsByText.values().next().value!;
    const high = r.modelsByQuestion.get(q.id)!.find((m) => m.level === 'high')!;
    expect(chooseFollowUp(high.answer, score(q.text, high.answer, q.competency), r)).toBeNull();
  });

  it('replies join the answer as paragraphs; an empty reply adds nothing', () => {
    expect(joinReplies('First. ', ['', ' Then this. '])).toEqual({ text: 'First.\n\nThen this.', starts: [-1, 8] });
  });
});

describe('rubrics/follow-ups.yaml is checked like every rubric file', () => {
  const cases: Array<{ name: string; yaml: string; problem: RegExp }> = [
    { name: 'an unknown gap', yaml: 'follow_ups:\n  - gap: results\n    ask: [What happened?]\n', problem: /follow-ups\.yaml:2:\d+: follow_ups\.0\.gap: gap must be one of story, own-action/ },
    { name: 'an unknown slot', yaml: 'follow_ups:\n  - gap: result\n    ask: ["You said {what}.", What happened?]\n', problem: /follow-ups\.yaml:3:\d+: unknown slot \{what\}: expected \{quote\}, \{action\}, \{customer\}/ },
    { name: 'a last wording with a slot', yaml: 'follow_ups:\n  - gap: result\n    ask: ["What happened, for {customer}?"]\n', problem: /follow-ups\.yaml:3:\d+: the last wording must have no \{slot\}/ },
    { name: 'a warning follow-up naming a behaviour that is not a warning sign', yaml: 'follow_ups:\n  - gap: warning\n    behaviours: [probes-need]\n    ask: [Why?]\n', problem: /follow-ups\.yaml:3:\d+: "probes-need" is not a warning sign/ },
    { name: 'an unknown behaviour', yaml: 'follow_ups:\n  - gap: behaviour\n    behaviours: [probing]\n    ask: [Why?]\n', problem: /follow-ups\.yaml:3:\d+: unknown behaviour "probing": expected one of probes-need/ },
    { name: 'an unknown competency', yaml: 'follow_ups:\n  - gap: result\n    competencies: [teamwrok]\n    ask: [Why?]\n', problem: /follow-ups\.yaml:3:\d+: unknown competency "teamwrok"/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const dir = mkdtempSync(join(tmpdir(), 'coach-follow-ups-'));
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'follow-ups.yaml'), c.yaml);
        let problems: string[] = [];
        try {
          loadRubric([dir]);
        } catch (e) {
          if (!(e instanceof RubricError)) throw e;
          problems = e.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
        }
        expect(problems.join('\n')).toMatch(c.problem);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('a folder\'s own follow-ups are asked before the bundled ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-follow-ups-'));
    try {
      writeFileSync(join(dir, 'follow-ups.yaml'), 'follow_ups:\n  - gap: result\n    ask: [And then what?]\n');
      const data = loadRubric([dir]).data;
      expect(data.followUps!.questions[0]).toMatchObject({ gap: 'result', ask: ['And then what?'] });
      expect(data.followUps!.questions.length).toBeGreaterThan(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
