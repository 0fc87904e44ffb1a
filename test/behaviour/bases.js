// Base answers for the behavioural suite, written for it (not taken from rubrics/ or fixtures).
// Each has the level intended by the contract (levels.md, the scoring contract, as read by the author) and two
// annotations the directional generators use:
//   key:    the candidate's key actions, exact substrings of the answer, each starting "I <verb>"
//           (behavioural, past tense) or "I'd <verb>" (situational);
//   result: the result sentence(s), exact substrings.
// Questions are from the question bank list; settings and voices are varied on purpose.

const Q = {
  cf1: 'Tell me about a time you found out what a customer really needed.',
  cf2: 'Describe a situation where a customer asked for one thing but actually needed something else.',
  cf3: 'Give an example of a time you went beyond the call of duty to help a customer in need.',
  cf4: 'How would you handle a customer who comes to the counter asking for a product that has sold out?',
  cf5: 'What does customer focus mean to you?',
  ps1: 'Tell me about a time you dealt with a customer who was angry about a mistake your company had made.',
  ps2: 'Tell me about a time the same customer problem kept coming up and you did something about it.',
  ps3: 'Describe a situation where you resolved a complaint that had already been passed around several people.',
  ps4: 'What would you do if a hotel guest complained at check-in that the room they booked for their anniversary had been given to someone else?',
  ps5: 'Is the customer always right?',
  av1: 'Tell me about a time you went beyond what was expected to help a customer.',
  av2: 'Describe a situation where you saved a customer time or made a process simpler for them.',
  av3: 'Give an example of a time you spotted a problem for a customer before it happened.',
  av4: 'How would you handle a customer opening a savings account who mentions they are saving for their first home?',
  av5: 'What does adding value for a customer mean to you?',
  rl1: 'Tell me about a time you built a relationship with a customer that kept them coming back.',
  rl2: 'Give an example of a time you turned an unhappy customer into a loyal one.',
  rl3: 'Describe a situation where you kept in contact with a customer after their problem was solved.',
  rl4: 'How would you handle a long-standing customer who tells you they are thinking of moving to a competitor?',
  rl5: 'What does a win-win relationship with a customer mean to you?',
  cm1: 'Describe a situation where you changed the way you communicated to suit a particular customer.',
  cm2: 'Tell me about a time you had to explain something complicated to a customer.',
  cm3: 'Give an example of a time you had to give a customer news they did not want to hear.',
  cm4: 'What would you do if a customer replied to one of our standard letters saying they could not understand what they needed to do?',
  cm5: 'What does good communication with customers mean to you?',
  tw1: 'Give an example of a time you worked with colleagues to fix a customer problem that none of you could have fixed alone.',
  tw2: 'Tell me about a time you helped a colleague so that a customer got a better service.',
  tw3: 'Describe a situation where another team was slowing down what you needed to do for a customer.',
  tw4: 'What would you do if the kitchen team fell behind during a busy lunch service and your tables were left waiting?',
  tw5: 'How do you define an internal customer?',
  in1: 'Tell me about a time you recommended that a customer not buy something because it was not right for them.',
  in2: 'Describe a situation where you had to admit a mistake to a customer.',
  in3: 'Give an example of a time you were under pressure to hit a sales target but did what was right for the customer.',
  in4: 'How would you handle finding out that a customer had been overcharged by mistake and had not noticed?',
  in5: 'What does being a trusted adviser to a customer mean to you?',
  sc1: 'Describe a situation where you helped colleagues feel able to solve customer problems without always asking a manager.',
  sc2: 'Give an example of a time you trained or coached someone in customer service skills.',
  sc3: 'Tell me about a time you led by example to improve the service your team gave customers.',
  sc4: 'How would you handle becoming team leader of a shop team whose staff say they must ask a manager before doing anything for a customer?',
  sc5: 'What does "customer service is everyone\'s job" mean to you?',
};

/** Bases without their question (added below from Q). */
const list = [
  // ---- customer-focus ----
  {
    id: 'cf1', competency: 'customer-focus', kind: 'behavioural', level: 'high',
    answer:
      'When I worked on the electrical counter at a department store in Leeds, a man called Mr Dunn asked for the cheapest laptop we had. ' +
      'My job was to help him choose without wasting his money. ' +
      'Instead of just pointing at the shelf I asked what he wanted it for, and he explained it was for his daughter starting a design course. ' +
      'I checked the course list with him and saw the cheap model could not run the software she needed. ' +
      'I showed him two options, a refurbished machine at almost the same price and a newer one, and let him decide. ' +
      'He picked the refurbished one. ' +
      'I rang him a week later to check it was running the software. ' +
      "He came back in the summer to buy his son's laptop from me.",
    key: ['I asked what he wanted it for', 'I showed him two options', 'I rang him a week later'],
    result: ['He picked the refurbished one.', "He came back in the summer to buy his son's laptop from me."],
  },
  {
    id: 'cf2', competency: 'customer-focus', kind: 'behavioural', level: 'medium',
    answer:
      'At the pharmacy where I worked in Cardiff, an older lady, Mrs Okafor, asked for a stronger painkiller for her back. ' +
      'She was also buying a cold remedy at the same time. ' +
      'I read the labels of both and saw that the two would clash. ' +
      'I took the cold remedy back, found her one that was safe with her painkillers, and wrote the doses on the box for her. ' +
      'She went home with medicines she could safely take together.',
    key: ['I read the labels of both', 'I took the cold remedy back'],
    result: ['She went home with medicines she could safely take together.'],
  },
  {
    id: 'cf3', competency: 'customer-focus', kind: 'behavioural', level: 'low',
    answer:
      'I always go beyond the call of duty because I am a real people person. ' +
      'Customers can tell that I care, and my managers have always said I am great with people. ' +
      'Whatever the customer needs, I make sure they get it and leave happy.',
    key: [],
    result: [],
  },
  {
    id: 'cf4', competency: 'customer-focus', kind: 'situational', level: 'medium',
    answer:
      "First I'd apologise that it has sold out and tell them honestly when the next delivery is due. " +
      "I'd check the stock system for the nearest branch that still has one, and if there is one I'd ring them and ask them to put it aside under the customer's name. " +
      "Then I'd write the branch address down for the customer so they can collect it today.",
    key: ["I'd check the stock system", "I'd ring them"],
    result: [],
  },
  {
    id: 'cf5', competency: 'customer-focus', kind: 'opinion', level: 'high',
    answer:
      'To me it means finding out what the person is actually trying to do, not just answering the question they asked. ' +
      'In my job at a council housing office a tenant, Mr Hughes, kept phoning about a repair form. ' +
      'I asked what the repair was for and found out his bathroom was unusable for his disabled wife, so I booked an urgent visit instead of sending the standard form. ' +
      'I had noticed lots of tenants got stuck on the same form, so I rewrote the first page in plain English with my team leader. ' +
      'Calls about that form dropped by about a third over the next two months.',
    key: ['I asked what the repair was for', 'I booked an urgent visit', 'I rewrote the first page'],
    result: ['Calls about that form dropped by about a third over the next two months.'],
  },

  // ---- problem-solving ----
  {
    id: 'ps1', competency: 'problem-solving', kind: 'behavioural', level: 'medium',
    answer:
      'Last winter I worked on the front desk of a hotel in Glasgow. ' +
      'A guest, Mr Brennan, came down furious because he had been charged twice for his room. ' +
      'My job was to sort out the bill before he left for his flight. ' +
      'I let him finish, apologised for the mistake and said I would fix it myself. ' +
      'I checked the booking, found the second charge and refunded it while he waited. ' +
      'I printed him a corrected receipt. ' +
      'The refund showed on his card two days later.',
    key: ['I checked the booking', 'I printed him a corrected receipt'],
    result: ['The refund showed on his card two days later.'],
  },
  {
    id: 'ps2', competency: 'problem-solving', kind: 'behavioural', level: 'high',
    answer:
      'On the IT help desk at a university in Bristol, I kept getting calls from students locked out after changing their passwords. ' +
      'Each time I reset the account, but I wanted to know why it kept happening, so I asked the next few callers exactly what they had done. ' +
      'It turned out the email app on their phones kept trying the old password and locked them out again. ' +
      'I wrote a short guide on updating the phone as well, and worked with the web team to put a warning on the password page. ' +
      'I also rang the students who had called that week to walk them through it. ' +
      'Lock-out calls went from about forty a week to under ten within a month.',
    key: ['I asked the next few callers', 'I wrote a short guide', 'I also rang the students'],
    result: ['Lock-out calls went from about forty a week to under ten within a month.'],
  },
  {
    id: 'ps3', competency: 'problem-solving', kind: 'behavioural', level: 'low',
    answer:
      'A customer phoned the call centre about a missing parcel and said she had already spoken to three people. ' +
      "I told her that parcels are the courier's responsibility and that our policy is to wait ten working days before we can do anything. " +
      "I gave her the courier's number and logged the call. " +
      'She was not happy, but there was nothing more I could do.',
    key: [],
    result: ['She was not happy, but there was nothing more I could do.'],
  },
  {
    id: 'ps4', competency: 'problem-solving', kind: 'situational', level: 'high',
    answer:
      "I'd apologise straight away and say I will sort it out myself, not send them off to wait. " +
      "Then I'd ask what they had planned for the anniversary, a quiet view or a late dinner, so I know what really matters to them. " +
      "I'd offer them two choices, our best free suite tonight or an upgrade at our sister hotel with the taxi paid, and check which one suits them. " +
      "I'd get the restaurant team to hold their table whatever happens. " +
      "The next morning I'd ring the room to make sure the evening went well, and I'd report the overbooking so the system flags special occasions in future.",
    key: ["I'd ask what they had planned", "I'd offer them two choices", "I'd ring the room"],
    result: [],
  },
  {
    id: 'ps5', competency: 'problem-solving', kind: 'opinion', level: 'low',
    answer:
      "Yes, the customer is always right, that's the rule. " +
      'If they are unhappy you just agree with them and stay calm and professional. ' +
      "If it gets difficult that's what the manager is there for, so I would pass it on to them.",
    key: [],
    result: [],
  },

  // ---- adding-value ----
  {
    id: 'av1', competency: 'adding-value', kind: 'behavioural', level: 'high',
    answer:
      'I worked in a bakery in Norwich, and a woman called Greta ordered a plain sponge for Saturday. ' +
      "I asked what the cake was for, and she said it was her father's ninetieth and that he couldn't eat much sugar. " +
      'I gave her two options, a reduced-sugar sponge or a fruit loaf we could decorate, and she chose the fruit loaf. ' +
      'I found a photo of the bus route he used to drive and had it printed on the icing. ' +
      'I rang her on Friday to confirm the collection time. ' +
      'She has ordered every family cake from us since, and she brought her sister in as a customer.',
    key: ['I asked what the cake was for', 'I gave her two options', 'I rang her on Friday'],
    result: ['She has ordered every family cake from us since, and she brought her sister in as a customer.'],
  },
  {
    id: 'av2', competency: 'adding-value', kind: 'behavioural', level: 'medium',
    answer:
      "At the bank branch in Derby a customer, Mr Osei, came in to change his address on four separate accounts and had been told he'd need four forms. " +
      'I realised I could update all four from one screen. ' +
      'I did it myself while he waited and filled in the one form for him to sign. ' +
      'He was out in ten minutes instead of the half hour he expected.',
    key: ['I realised I could update all four', 'I did it myself while he waited'],
    result: ['He was out in ten minutes instead of the half hour he expected.'],
  },
  {
    id: 'av3', competency: 'adding-value', kind: 'behavioural', level: 'low',
    answer:
      'We always check orders before they go out at the warehouse, so problems are usually spotted before they happen. ' +
      'The team is very good at that and the system flags most things anyway. ' +
      'We just follow the checklist and it works.',
    key: [],
    result: [],
  },
  {
    id: 'av4', competency: 'adding-value', kind: 'situational', level: 'low',
    answer:
      'I would open the account as normal and tell them about our mortgage products. ' +
      "It's important to hit the sales targets, so I'd mention the mortgage team and the insurance as well. " +
      'Then they can decide for themselves.',
    key: [],
    result: [],
  },
  {
    id: 'av5', competency: 'adding-value', kind: 'opinion', level: 'medium',
    answer:
      'For me it means doing a bit more than the customer asked, for that customer. ' +
      "At the garden centre where I worked a man was buying compost for his tomatoes, and I noticed he'd picked the kind meant for heathers, which is wrong for them. " +
      'I stopped him at the till, explained the difference and swapped it for the right bag. ' +
      'I carried it out to his car because it was heavy. ' +
      'He went home with the right compost.',
    key: ['I stopped him at the till', 'I carried it out to his car'],
    result: ['He went home with the right compost.'],
  },

  // ---- relationships ----
  {
    id: 'rl1', competency: 'relationships', kind: 'behavioural', level: 'high',
    answer:
      'I ran the counter at a small hardware shop in Swansea, and a local plumber, Kevin, came in most mornings. ' +
      'He often ran out of the same fittings in the middle of a job. ' +
      'I asked which jobs he had booked each week and started keeping a box of his usual parts ready for him. ' +
      'When a supplier put its prices up, I told him before he placed his order and suggested a cheaper brand I had tried myself. ' +
      'He moved his whole trade account to us, and two other plumbers joined because he recommended us.',
    key: ['I asked which jobs he had booked each week', 'I told him before he placed his order'],
    result: ['He moved his whole trade account to us, and two other plumbers joined because he recommended us.'],
  },
  {
    id: 'rl2', competency: 'relationships', kind: 'behavioural', level: 'medium',
    answer:
      'At a car hire desk at the airport, a customer, Mrs Lindqvist, was angry because the car she had booked was not there. ' +
      'I apologised, and instead of telling her to wait I phoned our other depot myself and had the same model driven over within forty minutes. ' +
      'I took twenty pounds off her bill for the wait without her asking. ' +
      'She drove off in the car she had booked.',
    key: ['I phoned our other depot myself', 'I took twenty pounds off her bill'],
    result: ['She drove off in the car she had booked.'],
  },
  {
    id: 'rl3', competency: 'relationships', kind: 'behavioural', level: 'low',
    answer:
      "I don't really keep in contact with customers after their problem is solved, because once the ticket is closed it is finished and the system sends them a survey automatically. " +
      'If they have another problem they can always ring back and they will get whoever is free.',
    key: [],
    result: [],
  },
  {
    id: 'rl4', competency: 'relationships', kind: 'situational', level: 'high',
    answer:
      "I'd thank them for telling me. " +
      "Then I'd ask what has changed, what the other company is offering and what matters most to them now. " +
      "If it's price, I'd look at their account and tell them honestly if a different plan of ours would save them money, and if the competitor really suits them better I'd say so. " +
      "I'd give them two or three options in writing and I'd ring them after a week to see what they decided. " +
      "I'd also pass on what they told me, so we could fix whatever made them look elsewhere for other customers too.",
    key: ["I'd ask what has changed", "I'd give them two or three options", "I'd ring them after a week"],
    result: [],
  },
  {
    id: 'rl5', competency: 'relationships', kind: 'opinion', level: 'medium',
    answer:
      'It means the customer gets what they came for and the business keeps them. ' +
      "In the mobile phone shop, a customer's new phone would not copy her contacts across. " +
      "I stayed on after my break started and moved them across myself, so she didn't have to come back. " +
      'She left with a working phone.',
    key: ['I stayed on after my break started'],
    result: ['She left with a working phone.'],
  },

  // ---- communication ----
  {
    id: 'cm1', competency: 'communication', kind: 'behavioural', level: 'high',
    answer:
      'At the GP surgery reception where I worked, an elderly patient, Mr Abara, who is hard of hearing, kept missing appointments because the letters were in tiny print and the phone calls confused him. ' +
      'I asked him how he preferred to get information, and he said face to face or in large print. ' +
      "I started printing his reminders in large type, and at the desk I spoke slowly and checked he'd understood by asking him to tell me the time back. " +
      'I then asked the practice manager to add a large-print option to the letter system for any patient. ' +
      "He hasn't missed an appointment since, and two other patients asked for large print within a month.",
    key: ['I asked him how he preferred', 'I started printing his reminders', 'I then asked the practice manager'],
    result: ["He hasn't missed an appointment since, and two other patients asked for large print within a month."],
  },
  {
    id: 'cm2', competency: 'communication', kind: 'behavioural', level: 'medium',
    answer:
      'At the energy company call centre a customer, Nadia, rang because her bill had doubled. ' +
      'I went through it with her line by line and explained that her meter readings had been estimated for six months and the real reading had caught up. ' +
      'I showed her the two numbers on her bill so she could see it for herself. ' +
      'I set up a payment plan so she could spread the extra over six months. ' +
      'She agreed the plan before we finished the call.',
    key: ['I went through it with her line by line', 'I set up a payment plan'],
    result: ['She agreed the plan before we finished the call.'],
  },
  {
    id: 'cm3', competency: 'communication', kind: 'behavioural', level: 'low',
    answer:
      'I had to tell a customer that her holiday was cancelled. ' +
      "I just told her straight, because that is the company's decision and not mine. " +
      'She got upset and started shouting, so I put her through to my supervisor, who dealt with it.',
    key: [],
    result: [],
  },
  {
    id: 'cm4', competency: 'communication', kind: 'situational', level: 'medium',
    answer:
      "I'd ring them rather than write back, apologise that the letter was confusing, and go through it with them step by step on the phone. " +
      "I'd tell them exactly what they need to send, and by when. " +
      'Afterwards I would send a short email that lists the same steps in plain words, so they have it in writing.',
    key: ["I'd ring them rather than write back", "I'd tell them exactly what they need to send"],
    result: [],
  },
  {
    id: 'cm5', competency: 'communication', kind: 'opinion', level: 'low',
    answer:
      'Good communication means being clear, friendly and professional at all times. ' +
      'I am a good listener and I always communicate effectively and adapt my style to the audience. ' +
      'Communication is the key to great customer service.',
    key: [],
    result: [],
  },

  // ---- teamwork ----
  {
    id: 'tw1', competency: 'teamwork', kind: 'behavioural', level: 'high',
    answer:
      "I was a ward clerk at a hospital in Leicester when a patient's daughter, Mrs Begum, complained that nobody could tell her when her mother would be discharged. " +
      'I asked her what worried her most, and it was that she had to arrange time off work to collect her mother. ' +
      'I got the nurse in charge, the pharmacy and the transport desk on one call, and we agreed a time once the medicines were ready. ' +
      'I rang Mrs Begum with the time, and rang again when the prescription was delayed by an hour. ' +
      'After that I set up a daily discharge list shared by the three teams. ' +
      "Her mother went home that afternoon, and discharge complaints on the ward fell from eight a month to two.",
    key: ['I asked her what worried her most', 'I got the nurse in charge', 'I set up a daily discharge list'],
    result: ['Her mother went home that afternoon, and discharge complaints on the ward fell from eight a month to two.'],
  },
  {
    id: 'tw2', competency: 'teamwork', kind: 'behavioural', level: 'medium',
    answer:
      'In a busy coffee shop, my colleague Joe was stuck with a customer whose phone payment kept failing while the queue grew. ' +
      'I took over the queue on the second till so he could focus on her. ' +
      'When the payment still failed, I showed the customer how to pay with the card in her wallet instead. ' +
      "She got her order, and Joe's queue was clear within five minutes.",
    key: ['I took over the queue', 'I showed the customer how to pay'],
    result: ["She got her order, and Joe's queue was clear within five minutes."],
  },
  {
    id: 'tw3', competency: 'teamwork', kind: 'behavioural', level: 'low',
    answer:
      'The delivery team were always slow and it was never our fault. ' +
      'A customer complained that his sofa was late, and honestly it was down to them, so I told him to contact the delivery team directly and gave him their email. ' +
      "There's not much you can do when other departments don't do their job.",
    key: [],
    result: [],
  },
  {
    id: 'tw4', competency: 'teamwork', kind: 'situational', level: 'medium',
    answer:
      "I'd go to each of my tables, apologise for the wait and tell them honestly how long their food will be. " +
      "I'd bring bread and refill their drinks while they wait. " +
      "As each dish comes up I'd take it straight out, so nobody waits any longer than they have to.",
    key: ["I'd go to each of my tables", "I'd bring bread and refill their drinks"],
    result: [],
  },
  {
    id: 'tw5', competency: 'teamwork', kind: 'opinion', level: 'high',
    answer:
      'An internal customer is any colleague who relies on my work so they can serve the real customer. ' +
      'In my last job at a council contact centre, the housing officers relied on our call notes. ' +
      "I asked two of them what they actually needed from a note, and they said the tenant's availability and a callback number, which we rarely recorded. " +
      'I changed our call template to include both and showed my team how to use it. ' +
      'The officers stopped having to ring tenants twice, and repeat calls from tenants dropped from about thirty a week to ten.',
    key: ['I asked two of them what they actually needed', 'I changed our call template'],
    result: ['The officers stopped having to ring tenants twice, and repeat calls from tenants dropped from about thirty a week to ten.'],
  },

  // ---- integrity ----
  {
    id: 'in1', competency: 'integrity', kind: 'behavioural', level: 'high',
    answer:
      'At the phone shop in Croydon, a student, Dev, wanted the most expensive contract because his friend had it. ' +
      'I asked how he actually used his phone, and he said he was mostly on wifi at home and college. ' +
      'I told him honestly that the big data plan would cost him three hundred pounds more a year for nothing, and I showed him a SIM-only deal and a cheaper handset plan so he could choose. ' +
      'He took the SIM-only deal, even though it earned me less commission. ' +
      'Six months later he brought his mum in to sort out her contract, and asked for me by name.',
    key: ['I asked how he actually used his phone', 'I told him honestly'],
    result: ['Six months later he brought his mum in to sort out her contract, and asked for me by name.'],
  },
  {
    id: 'in2', competency: 'integrity', kind: 'behavioural', level: 'medium',
    answer:
      "At the opticians I booked a customer, Mrs Kaur, in for the wrong day, and she arrived for an eye test that wasn't on the system. " +
      'I told her straight away it was my error and apologised. ' +
      'I moved my own break so I could do her first checks myself, and the optometrist fitted her in at lunchtime. ' +
      'She had her test the same day.',
    key: ['I told her straight away it was my error', 'I moved my own break'],
    result: ['She had her test the same day.'],
  },
  {
    id: 'in3', competency: 'integrity', kind: 'behavioural', level: 'low',
    answer:
      'There is always pressure to hit targets in retail. ' +
      'I think you just have to balance it and be honest with people. ' +
      "I always try to do what's right for the customer and I would never mis-sell anything.",
    key: [],
    result: [],
  },
  {
    id: 'in4', competency: 'integrity', kind: 'situational', level: 'high',
    answer:
      "I'd refund it straight away and ring the customer myself to tell them, rather than wait for them to find it, because they should hear it from us. " +
      "I'd ask them how they would prefer the money back, to their card or as a credit, and confirm when it will arrive. " +
      "Then I'd find out why it happened, check whether other customers were charged the same way, and get the pricing error fixed with the team who set it up so it can't happen again.",
    key: ["I'd refund it straight away", "I'd ask them how they would prefer", "I'd find out why it happened"],
    result: [],
  },
  {
    id: 'in5', competency: 'integrity', kind: 'opinion', level: 'medium',
    answer:
      'It means customers can rely on what I tell them, even when I get it wrong. ' +
      'When I worked at a travel agent in Derby, a couple booked a package and I realised afterwards that I had given them the wrong baggage allowance. ' +
      'I rang them that evening and told them I had made a mistake. ' +
      'I paid for the extra bag from our goodwill budget so they were not out of pocket. ' +
      'Their trip went ahead without any extra charge.',
    key: ['I rang them that evening', 'I paid for the extra bag'],
    result: ['Their trip went ahead without any extra charge.'],
  },

  // ---- service-culture ----
  {
    id: 'sc1', competency: 'service-culture', kind: 'behavioural', level: 'high',
    answer:
      'As a shift supervisor in a supermarket in Bristol, I noticed the checkout staff called me for every refund under five pounds, and customers waited ages. ' +
      'I asked the team what stopped them, and they said they were scared of getting it wrong. ' +
      'I agreed with the store manager that anyone could refund up to twenty pounds, wrote a one-page guide with them, and stood beside each person for their first few. ' +
      'I checked in with the team every week for a month to see what was still unclear. ' +
      'Waiting time at the customer service desk halved, and two of the team told me they enjoyed the job more.',
    key: ['I asked the team what stopped them', 'I agreed with the store manager', 'I checked in with the team'],
    result: ['Waiting time at the customer service desk halved, and two of the team told me they enjoyed the job more.'],
  },
  {
    id: 'sc2', competency: 'service-culture', kind: 'behavioural', level: 'medium',
    answer:
      'When a new starter, Rosa, joined our hotel reception, she froze whenever a guest complained. ' +
      'I sat with her on her first three shifts and let her take the calls while I listened. ' +
      'Afterwards I went through each call with her and showed her how to apologise and offer a fix herself instead of passing the guest on. ' +
      'By the end of the week she handled a complaint about a noisy room on her own.',
    key: ['I sat with her on her first three shifts', 'I went through each call with her'],
    result: ['By the end of the week she handled a complaint about a noisy room on her own.'],
  },
  {
    id: 'sc3', competency: 'service-culture', kind: 'behavioural', level: 'low',
    answer:
      'Leading by example is really important to me and I think people look up to me. ' +
      "I always arrive on time, I have a positive attitude and I treat every customer the way I'd want to be treated. " +
      'My team can see that and they follow it.',
    key: [],
    result: [],
  },
  {
    id: 'sc4', competency: 'service-culture', kind: 'situational', level: 'low',
    answer:
      "I'd tell them those are the company's rules and they should keep asking a manager, because that protects everyone. " +
      'If they have ideas they can put them in the suggestion box.',
    key: [],
    result: [],
  },
  {
    id: 'sc5', competency: 'service-culture', kind: 'opinion', level: 'high',
    answer:
      "It means nobody gets to say that's not my department. " +
      'At the leisure centre where I worked, the cleaners were often asked about swimming lessons and just pointed people to reception, where the queue was long. ' +
      'I asked the cleaners which questions they got most, made a pocket card with the answers and the booking number, and ran a ten-minute session with them at the team meeting. ' +
      'I also checked with reception every week to see which questions were still coming through. ' +
      'Within a month lesson queries at reception had fallen by half, and members started thanking the cleaners by name.',
    key: ['I asked the cleaners which questions', 'I also checked with reception'],
    result: ['Within a month lesson queries at reception had fallen by half, and members started thanking the cleaners by name.'],
  },
];

export const BASES = list.map((b) => ({ ...b, question: Q[b.id] }));
