// Minimum-functionality tests: short templated answers whose level the contract fixes,
// each asked under several bank questions. expect: 'low' (must be low) or 'not-high'.
// All texts written for this suite.

/** See templates.d.ts for the shape. */
export const TEMPLATES = [
  {
    name: 'apology-alone',
    expect: 'low',
    kinds: ['behavioural', 'situational'],
    texts: ["I'd say sorry.", 'I would apologise to the customer.', 'Sorry is the main thing. I would just say sorry to them.'],
  },
  {
    name: 'fetch-supervisor',
    expect: 'low',
    kinds: ['behavioural', 'situational'],
    texts: [
      'I went and got my supervisor and she dealt with it.',
      'A customer was shouting at the till, so I fetched the duty manager, who sorted it all out.',
      "I'd get my manager and let them deal with it, that's what they're paid for.",
    ],
  },
  {
    name: 'all-we',
    expect: 'low',
    kinds: ['behavioural'],
    texts: [
      'Last year at the bank we had a customer whose card had been blocked abroad. We listened to her, we apologised, we unblocked the card and we called her back the next day to check. She was very happy with us.',
      'At the hotel we had a family whose room was not ready. We said sorry, we gave them lunch on the house and we moved them to a bigger room. They left a great review.',
      'On the help desk we got a call from a teacher who could not log in. We reset her account, we walked her through it and we checked in with her the next morning. Everything worked after that.',
    ],
  },
  {
    name: 'verb-list',
    expect: 'not-high',
    kinds: ['behavioural'],
    texts: [
      'I listened, acknowledged, probed, offered options, confirmed the solution and followed up.',
      'Listened to the customer, apologised, found out the real need, gave two options, rang back the next day, improved the process.',
      'I asked questions, offered alternatives, kept in touch, worked with colleagues and built a long-term relationship.',
    ],
  },
  {
    name: 'sarcasm',
    expect: 'not-high',
    kinds: ['behavioural'],
    texts: [
      'Oh sure, I had all day to find out what he wanted. I asked him what he really needed, obviously, then offered him two options like a saint, and he finally went away.',
      'Yeah, because I love ringing customers back on my day off. I called her the next day, gave her three choices, and guess what, she still moaned. Brilliant.',
    ],
  },
  {
    name: 'was-the-customer',
    expect: 'low',
    kinds: ['behavioural'],
    texts: [
      'Last month my broadband stopped working, so I rang my provider. The man on the phone listened, apologised, sent an engineer the next morning and called me back afterwards to check. I was really impressed and I have stayed with them.',
      'When I stayed at a hotel in Spain my room had been double booked, and the receptionist upgraded me to a suite and sent flowers up. That showed me what good service looks like.',
    ],
  },
  {
    name: 'other-language',
    expect: 'low',
    kinds: ['behavioural', 'situational', 'opinion'],
    texts: [
      'Cuando trabajaba en una tienda de ropa, una clienta estaba enfadada porque su pedido no había llegado. Le pedí disculpas, llamé al almacén y le ofrecí dos opciones. Volvió la semana siguiente.',
      "Quand je travaillais dans un hôtel, un client s'est plaint de sa chambre. Je lui ai demandé ce qui n'allait pas, je lui ai proposé deux solutions et je l'ai rappelé le lendemain.",
      'Als ich in einer Bank gearbeitet habe, war ein Kunde sehr verärgert. Ich habe ihm zugehört, mich entschuldigt und das Problem noch am selben Tag gelöst.',
    ],
  },
  {
    name: 'question-echo',
    expect: 'low',
    kinds: ['behavioural', 'situational', 'opinion'],
    texts: [null], // the question itself is the answer
  },
  {
    name: 'claims-only',
    expect: 'low',
    kinds: ['behavioural', 'situational', 'opinion'],
    texts: [
      "I'm a people person and I always put the customer first.",
      'I am very customer focused, a great listener and I always go the extra mile.',
    ],
  },
  {
    name: 'vague-hypothetical',
    expect: 'low',
    kinds: ['behavioural'],
    texts: [
      "I would make sure they were happy and do whatever it takes. I'd always stay positive.",
      'I would just try my best to help them and keep them satisfied.',
    ],
  },
  {
    name: 'blame-only',
    expect: 'low',
    kinds: ['behavioural'],
    texts: [
      "It was the customer's own fault really, he hadn't read the terms, so I told him there was nothing we could change.",
      'A woman complained about her order, but honestly the warehouse had messed it up, so I told her to take it up with them.',
    ],
  },
  {
    name: 'policy-only',
    expect: 'low',
    kinds: ['situational'],
    texts: ["I'd explain that it's company policy and there is nothing I can do about it.", 'I would follow the policy and tell them the rules.'],
  },
];
