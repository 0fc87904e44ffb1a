import { describe, expect, it } from 'vitest';
import type { Shown } from '../../src/core/types.js';
import { rubric, score } from './rubric-fixture.js';

// RuleTester-style tables: for every indicator, answers that must show it (valid) and answers
// that mention it without it counting (invalid: negated, only named, done by someone else).
interface Case {
  answer: string;
  question?: string;
  /** How the strongest evidence must show; for invalid cases the indicator must not count. */
  shown?: Shown;
}
interface IndicatorTable {
  valid: Case[];
  invalid: Case[];
}

const STORY_Q = 'Tell me about a time you helped a customer.';
const HYPO_Q = 'How would you handle an unhappy customer?';

const TABLES: Record<string, IndicatorTable> = {
  'probes-need': {
    valid: [
      { answer: 'At the bakery a woman ordered a cake. I asked her what the cake was for, and she said her son\'s birthday.' },
      { answer: 'A man rang the shop about a drill. I started asking what she needed it for and what walls he had.' },
      { answer: 'I asked the customer a few questions and found out she travelled every month.' },
      { question: HYPO_Q, answer: "I'd ask what they were trying to do before offering anything.", shown: 'step' },
    ],
    invalid: [
      { answer: 'At the shop a man wanted a refund. I didn\'t ask why he needed it so quickly, I just refunded it.', shown: 'negated' },
      { answer: 'I always focus on the underlying needs of the customer and probe.', shown: 'named' },
      { answer: 'At the shop my manager asked her what she needed, and then she sorted it out.', shown: 'others' },
      { answer: 'At the cafe I asked my manager if I could give her a free drink, and I did.' },
    ],
  },
  'offers-choice': {
    valid: [
      { answer: 'At the bank I gave her two options: move the date or set up an alert. She chose the alert.' },
      { answer: 'In the shop I showed him both models side by side and let him decide.' },
    ],
    invalid: [
      { answer: 'I always offer solutions and give alternatives so the client feels involved.', shown: 'named' },
    ],
  },
  'confirms-fit': {
    valid: [{ answer: 'At the bank she picked the new date, and I checked with her that it worked for her landlord.' }],
    invalid: [{ answer: 'I would always confirm that the proposed solutions meet their needs.', question: HYPO_Q, shown: 'named' }],
  },
  'trust-over-sale': {
    valid: [
      { answer: 'At the hardware shop a man wanted our dearest drill. I told him the cheap one was plenty for one shelf.' },
      { answer: 'At the phone shop I advised her not to buy a new phone, because hers only needed the photos moved.' },
    ],
    invalid: [{ answer: 'I believe in being a trusted adviser and building win-win relationships.', shown: 'named' }],
  },
  'anticipates-future': {
    valid: [
      { answer: 'At the bank I sorted her fees and I set a reminder to call her before her next renewal.' },
      { answer: 'In the shop I took his number and rang him when the part arrived.' },
    ],
    invalid: [{ answer: 'Great service means you anticipate future needs and keep in regular contact.', shown: 'named' }],
  },
  'improves-process': {
    valid: [
      { answer: 'At the library I noticed the same printing question every week, so I made a one-page guide for the print station.' },
      { answer: 'At the call centre I suggested to my team leader that we text customers when roaming starts.' },
    ],
    invalid: [{ answer: 'At the cafe my manager later made a checklist for the kitchen.', shown: 'others' }],
  },
  'internal-customers': {
    valid: [
      { answer: 'On the tills the price labels were wrong, so I asked the night team lead what made it hard for them.' },
      { answer: 'In the restaurant I sat down with the kitchen team and we agreed a whiteboard for sold-out dishes.' },
    ],
    invalid: [{ answer: 'I see colleagues as internal customers and I am a team player.', shown: 'named' }],
  },
  'adapts-communication': {
    valid: [
      { answer: 'At the help desk a lecturer was lost, so instead of talking about sync clients I compared the cloud to a filing cabinet.' },
      { answer: 'At the bank I drew a quick timeline of her mortgage using her own numbers.' },
    ],
    invalid: [{ answer: 'I always assess the audience and adapt my style with clarity and impact.', shown: 'named' }],
  },
  'relationship-result': {
    valid: [
      { answer: 'At the hardware shop I helped a man choose a drill. He came back the next week, and now he asks for me by name.' },
      { answer: 'I changed how we sent the figures. Complaints fell from twelve a day to two within a month.' },
    ],
    invalid: [{ answer: 'I want customers to be loyal, so I focus on customer satisfaction.', question: HYPO_Q }],
  },
  'empowers-team': {
    valid: [{ question: 'If you were a team leader, how would you get your team to own complaints?', answer: "I'd agree with the team what they can decide on their own without coming to me, like a refund up to 20 pounds.", shown: 'step' }],
    invalid: [{ answer: 'Empowerment is key: staff need the freedom to make decisions.', shown: 'named' }],
  },
  'leads-by-example': {
    valid: [{ answer: 'As shift leader at the bar I started a five-minute huddle, and I handled complaints myself so they could see it done.' }],
    invalid: [{ answer: 'A good manager should lead by example.', shown: 'named' }],
  },
  'listens-acknowledges': {
    valid: [{ answer: 'At the bank a customer rang angry about fees. I let her go through everything without interrupting.' }],
    invalid: [{ answer: 'When resolving complaints I always listen, acknowledge and probe.', shown: 'named' }],
  },
  apologises: {
    valid: [{ answer: 'At the cafe his latte had the wrong milk. I said sorry straight away and remade it.' }],
    invalid: [{ answer: 'At the cafe the order was wrong but I never apologised to her.', shown: 'negated' }],
  },
  'owns-fix': {
    valid: [
      { answer: 'At the gym his card was rejected, so I went through his account and fixed the payment myself.' },
      { question: HYPO_Q, answer: "I'd refund the fee and put it right for them myself.", shown: 'step' },
    ],
    invalid: [{ answer: 'At the gym the card was rejected and my colleague fixed the payment.', shown: 'others' }],
  },
  'goes-extra': {
    valid: [{ answer: 'At the newsagent the magazine was missing, so on my lunch break I walked to the station shop and bought a copy.' }],
    invalid: [{ answer: 'Going the extra mile is what I am all about.', shown: 'named' }],
  },
  'follows-up': {
    valid: [{ answer: 'At the bank I moved her payment date, and I rang her back after payday to check it had gone through.' }],
    invalid: [{ answer: 'At the repair shop I got her phone fixed, but I never followed up after she collected it.', shown: 'negated' }],
  },
  'explains-clearly': {
    valid: [{ answer: 'At the bike shop I explained why the chain would slip and wrote the price on his ticket.' }],
    invalid: [{ answer: 'At the bike shop my colleague explained why the chain would slip.', shown: 'others' }],
  },
  'thanks-customer': {
    valid: [{ answer: 'At the bank I sorted the fees and thanked her for calling about it.' }],
    invalid: [{ answer: 'I always express gratitude to customers.', shown: 'named' }],
  },
  'supports-colleague': {
    valid: [{ answer: 'At the bar Jess was swamped on cocktails, so I swapped with her and took the cocktail station.' }],
    invalid: [{ answer: 'Honestly I did not help her with her callbacks.', shown: 'negated' }],
  },
  'cites-policy': {
    valid: [{ answer: "At the pub a man said his wine was small. I told him that's the policy, we use the 175ml measure." }],
    invalid: [{ answer: 'At the hotel I found a way round it without quoting the policy, and moved the family to a bigger room.' }],
  },
  'blames-others': {
    valid: [{ answer: 'At the restaurant his steak was overcooked, but it was the kitchen, not my fault. Some customers just want something for free.' }],
    invalid: [{ answer: 'On the tills the day staff all blamed the night crew, so I asked the night lead what made it hard.', shown: 'others' }],
  },
  'refuses-ownership': {
    valid: [{ answer: "At the call centre a colleague asked me to take her callbacks but I said no because it's not my job." }],
    invalid: [],
  },
  'passes-on': {
    valid: [{ answer: 'At the shop a customer complained about her order, so I told my manager and went back to serving.' }],
    invalid: [{ answer: 'At the bank I refunded her fees myself, then told my manager so the rule could be changed for everyone.' }],
  },
  defensive: {
    valid: [{ answer: 'At the bank I read him the terms. He still said he didn\'t get it, but I had explained it accurately.' }],
    invalid: [],
  },
  'sales-push': {
    valid: [{ answer: 'At the electronics store my target was five warranties a week, so I kept explaining the benefits until she agreed.' }],
    invalid: [],
  },
  'mocks-customer': {
    valid: [{ answer: 'At the cafe a man kept changing his order. Oh sure, I had all day to find out what he wanted.' }],
    invalid: [],
  },
  'operations-control': {
    valid: [{ answer: 'As supervisor I introduced a rule that any refund had to be approved by me first.' }],
    invalid: [],
  },
  'claims-only': {
    valid: [{ question: 'What does teamwork mean to you?', answer: "I'm a real team player and I get on with everyone." }],
    invalid: [{ answer: 'At the cafe I swapped stations with Jess so she could cope, and the queue was gone in fifteen minutes. People tell me I am easy to work with.' }],
  },
  platitudes: {
    valid: [{ question: 'How would you handle a customer whose parcel never arrived?', answer: "I'd stay calm and professional, show empathy and do whatever it takes.", shown: 'step' }],
    invalid: [{ answer: 'At the cafe I remade his drink with a clean jug and refunded it.' }],
  },
  'gives-information': {
    valid: [{ answer: 'In the supermarket a customer asked for almond milk. I told him it is in aisle 4.' }],
    invalid: [],
  },
};

describe('every rubric indicator has example tests', () => {
  it('covers all indicators of the bundled rubric', () => {
    const ids = rubric().indicators.map((i) => i.id).sort();
    expect(Object.keys(TABLES).sort()).toEqual(ids);
  });
});

for (const [id, table] of Object.entries(TABLES)) {
  describe(id, () => {
    for (const c of table.valid) {
      it(`shows: ${c.answer.slice(0, 60)}`, () => {
        const a = score(c.question ?? STORY_Q, c.answer);
        const f = a.indicators.find((x) => x.id === id);
        expect(f, `indicator ${id} not found`).toBeDefined();
        expect(f!.counted).toBe(true);
        if (c.shown) expect(f!.shown).toBe(c.shown);
        for (const e of f!.evidence) expect(c.answer.slice(e.start, e.end)).toBe(e.text);
      });
    }
    for (const c of table.invalid) {
      it(`does not count: ${c.answer.slice(0, 60)}`, () => {
        const a = score(c.question ?? STORY_Q, c.answer);
        const f = a.indicators.find((x) => x.id === id);
        if (f) expect(f.counted).toBe(false);
        if (c.shown) {
          expect(f, `expected ${id} to be found as ${c.shown}`).toBeDefined();
          expect(f!.shown).toBe(c.shown);
        }
      });
    }
  });
}
