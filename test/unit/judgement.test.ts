import { describe, expect, it } from 'vitest';
import type { Level, StarPartName } from '../../src/core/types.js';
import { score } from './rubric-fixture.js';

// Who did what, for whom, however it is written: example tables in the manner of ESLint's
// RuleTester. Each answer must yield its level (and, where given, STAR parts, indicators counted
// and words in the reasons or next steps).
interface Case {
  name: string;
  question: string;
  answer: string;
  level: Level;
  star?: Partial<Record<StarPartName, boolean>>;
  counts?: string[];
  notCounted?: string[];
  reason?: RegExp;
  nextStep?: RegExp;
}

const STORY_Q = 'Tell me about a time you dealt with an angry customer.';
const HOW_Q = 'How would you handle a customer who is angry about a late delivery?';

const CASES: Case[] = [
  {
    name: 'an apology alone is not owning the problem',
    question: HOW_Q,
    answer: "I'd say sorry.",
    level: 'low',
    reason: /nothing shows you putting the problem right/,
  },
  {
    name: 'an apology with a fix of their own is medium',
    question: HOW_Q,
    answer: "I'd apologise, check the tracking myself and rebook the delivery for the first slot the next morning.",
    level: 'medium',
  },
  {
    name: 'a supervisor who then dealt with it',
    question: STORY_Q,
    answer: 'Last year at the shop a customer was shouting about a refund. I went and got my supervisor, and she dealt with it and gave him his money back. He left happy.',
    level: 'low',
  },
  {
    name: 'a story told entirely in "we" shows no action of the candidate',
    question: STORY_Q,
    answer: 'Last year at the shop a customer was shouting about a refund. We listened to him, we apologised and we refunded him on the spot. We called him the next day to check he was happy and he thanked us.',
    level: 'low',
    star: { action: false },
  },
  {
    name: '"we" beside the candidate\'s own "I" counts',
    question: STORY_Q,
    answer: 'Last year at the shop a customer was shouting about a double charge. I listened, apologised and refunded the second payment myself. We then rang him the next day to check it had arrived, and he thanked us.',
    level: 'medium',
    star: { action: true },
  },
  {
    name: 'the candidate as the customer',
    question: 'Tell me about a time you helped a colleague so that a customer got a better service.',
    answer: 'Last month my laptop broke and I took it to a repair shop. The assistant asked what I used it for, offered me two repair options, and rang me the next day to check it worked. I have gone back there three times since.',
    level: 'low',
    reason: /you were the customer/,
  },
  {
    name: 'a past-tense list of the right verbs with no situation',
    question: 'Tell me about a time you went beyond what was expected to help a customer.',
    answer: 'I listened, acknowledged, apologised, probed the underlying need, offered two options, confirmed the solution fit, followed up a week later and improved the process. The customer thanked me and has been loyal ever since, sales up 40%.',
    level: 'low',
    reason: /list of the right actions/,
  },
  {
    name: 'sarcasm mocks the probing it names',
    question: 'Tell me about a time you dealt with a difficult customer.',
    answer: 'At the cafe last summer a man kept changing his order. Oh sure, I had all day to find out what he wanted. I asked him what he wanted about five times. In the end he came back to complain again the next day.',
    level: 'low',
    counts: ['mocks-customer'],
    notCounted: ['relationship-result'],
  },
  {
    name: 'blame in everyday words pulls the level down',
    question: 'Tell me about a time you dealt with a customer complaint.',
    answer: "Last winter at the hotel a guest complained his room hadn't been cleaned. Honestly the mix-up was his doing, and the other shift should have caught it. I apologised, sent housekeeping up straight away and gave him a free breakfast. He thanked me at checkout.",
    level: 'low',
    counts: ['blames-others'],
    nextStep: /You wrote "Honestly the mix-up was his doing"/,
  },
  {
    name: 'an answer in another language is not judged, and says so',
    question: STORY_Q,
    answer: 'El verano pasado trabajé en una tienda. Un cliente estaba enfadado porque su pedido llegó tarde. Le pregunté para qué lo necesitaba, le ofrecí dos opciones y le llamé al día siguiente.',
    level: 'low',
    reason: /does not read as English/,
  },
  {
    name: 'the question copied back',
    question: 'What would you do if you noticed that several customers each week were getting stuck on the same step of our online booking form?',
    answer: 'If I noticed that several customers each week were getting stuck on the same step of our online booking form, I would take ownership of the fact that several customers each week were getting stuck on the same step of our online booking form and follow up.',
    level: 'low',
    reason: /repeats the question/,
  },
  {
    name: 'a well-told story about something else',
    question: 'Give an example of a time you turned an unhappy customer into a loyal one.',
    answer: "Our Sunday league cup final last season: we were 2-0 down at half-time and the lads were gutted. I got everyone in a circle and switched us to three at the back, and ten minutes after the restart we'd pulled one back. We won it on penalties and I took the last one.",
    level: 'low',
    reason: /never shows a customer/,
  },
  {
    name: 'speech-to-text: no punctuation, lower-case i, fillers',
    question: 'Give me an example of when you helped a customer save money or time.',
    answer: 'um so at the hardware shop a man wanted our most expensive drill to put one shelf up you know i asked what his walls were and how many holes i said the cheap one was plenty or he could hire one for a fiver he hired it came back for brackets and now he asks for me whenever he comes in',
    level: 'high',
    counts: ['probes-need', 'trust-over-sale', 'relationship-result'],
  },
  {
    name: 'notes in bullets, past tense with no subject',
    question: 'Describe a situation where a customer asked for one thing but actually needed something else.',
    answer: '- DIY shop, plumbing aisle\n- older guy asked for "strongest glue you\'ve got" - tap handle kept coming off\n- asked to see photo on his phone -> not the handle, cartridge inside worn out\n- found right cartridge, showed him how it goes in, wrote steps on back of receipt\n- came back next wk to say it worked, bought washers for other tap',
    level: 'high',
    star: { action: true, result: true },
  },
  {
    name: 'imperative steps for a situational question',
    question: HOW_Q,
    answer: 'Apologise first. Then ask what the delivery was for and when they need it by, offer two options: a refund today or a guaranteed slot tomorrow morning. Ring them the next day to check it arrived.',
    level: 'high',
    counts: ['probes-need', 'offers-choice'],
  },
  {
    name: 'the subject carried over coordinated clauses',
    question: 'How would you handle a customer whose broadband keeps dropping?',
    answer: "I'd ask what she uses it for and when it drops, then I'd run a line test and offer her two choices, an engineer visit on Thursday or a new router posted today.",
    level: 'high',
    counts: ['probes-need', 'offers-choice'],
  },
  {
    name: 'quoted speech is what the candidate said',
    question: 'Tell me about a time you found out what a customer really needed.',
    answer: 'Last spring at the phone shop a woman wanted the most expensive tablet. I said, "What were you hoping it would do?" She said she only wanted video calls with her grandson, so I showed her a cheaper one and set up the calling app for her. She came back a month later for a case.',
    level: 'high',
    counts: ['probes-need'],
  },
  {
    name: 'a lesson learned counts as a result',
    question: 'Tell me about a time you made a mistake with a customer.',
    answer: "At the phone shop I promised a customer a handset for Friday without checking stock. When it didn't arrive I rang her myself, apologised, and drove one over from our other branch. I now double-check stock before I promise a date.",
    level: 'medium',
    star: { result: true },
  },
  {
    name: 'a result in the present perfect',
    question: 'Tell me about a time you built a relationship with a regular customer.',
    answer: 'At the bakery an older lady came in every Saturday. One week she seemed upset, so I asked what was wrong and she said she could not carry heavy bags any more. I offered to box her order and either hold it till Monday or have my colleague drop it round on his way home. She has asked for me ever since.',
    level: 'high',
    star: { result: true },
  },
  {
    name: 'an action handed to a supervisor is the supervisor\'s ("got my supervisor to take over")',
    question: 'Tell me about a time you dealt with a customer who was angry about a mistake your company had made.',
    answer: "A customer came in angry because his order had gone to the wrong address. I explained that the address on the system was the one he had given us. He kept raising his voice, so I got my supervisor to take over and sort it out. I think he got a refund.",
    level: 'low',
    notCounted: ['owns-fix'],
  },
  {
    name: 'what the candidate tells the customer to do is the customer\'s',
    question: 'Tell me about a time the same customer problem kept coming up and you did something about it.',
    answer: 'At the call centre we got loads of calls about direct debits failing after people moved house. I mentioned it to my team leader, and I kept telling the callers to set it up again like the script says.',
    level: 'low',
  },
  {
    name: 'service words in scare quotes are mocked, not shown',
    question: 'Tell me about a time a misunderstanding with a customer caused a problem, and what you did about it.',
    answer: 'A man rang convinced he had been promised a free router. So I did everything by the book. I "actively listened", which is to say I put him on mute. I "offered him options": pay for it or go without. I "followed up" by putting a note on his account saying "customer confused". He never rang back.',
    level: 'low',
  },
  {
    name: 'a thank-you after a colleague\'s fix is not the candidate\'s result',
    question: 'Describe a situation where you had to admit a mistake to a customer.',
    answer: "A customer's sofa delivery had been booked for the 14th instead of the 4th. She rang on the 4th asking where it was. I told her the system showed the 14th, so that was when it was booked for. My colleague Ross saw it was a keying mistake, apologised, rang the warehouse and got it onto a van for the next morning. It arrived the next day and she wrote in to thank him.",
    level: 'low',
  },
  {
    name: 'a negation in a run-on clause stops at the next past-tense verb',
    question: 'Give an example of a problem you solved for a customer when the usual policy did not fit their situation.',
    answer: 'i ran the returns desk when a man brought back a coffee machine after the limit because his father went into hospital i asked whether hed rather have a refund or store credit and he took the refund then i asked the manager whether we could add a rule for returns delayed by a hospital stay so colleagues didnt have to guess it went into the returns guide the next month he wrote in to thank us',
    level: 'high',
    counts: ['relationship-result'],
  },
  {
    name: '"none of this is their fault" is not blame',
    question: 'How would you handle a colleague who keeps passing difficult customers on to you at busy times?',
    answer: "I'd take the customer he sent over and look after them properly, because none of this is their fault. Later I'd ask him what it is about those customers that he finds hard, offer to show him how I handle refunds, and suggest we agree a simple rule for busy times so the whole team works the same way.",
    level: 'high',
    notCounted: ['blames-others'],
  },
  {
    name: 'the customer\'s choice mid-story is no result when the candidate acts after it',
    question: 'Tell me about a time you found out what a customer really needed.',
    answer: 'At the hardware shop a man asked for the biggest ladder we had. I asked what the job was, and it was clearing the gutters on a bungalow. I gave him two options, a small platform ladder or a gutter scoop on a pole, and he picked the scoop. I carried it to his car and rang him on the Monday to see how he had got on.',
    level: 'medium',
    star: { result: false },
    reason: /No result you can check/,
  },
  {
    name: 'the same choice as the story\'s last word is its result',
    question: 'Tell me about a time you found out what a customer really needed.',
    answer: 'At the hardware shop a man asked for the biggest ladder we had. I asked what the job was, and it was clearing the gutters on a bungalow, so I gave him two options, a small platform ladder or a gutter scoop on a pole. He picked the scoop.',
    level: 'high',
    star: { result: true },
  },
  {
    name: 'a clause after "who ..." goes on with the main clause\'s subject',
    question: 'What would you do if several customers each week got stuck on the same step of our online form?',
    answer: "I'd ring a few of the customers who got stuck, help each one finish on the phone, and ask them what they expected that screen to do. Then I'd suggest the web team change the wording on that screen, and check the drop-offs a month later.",
    level: 'high',
    counts: ['probes-need'],
  },
  {
    name: '"I wish I\'d..." was not done',
    question: 'Tell me about a time you went beyond what was expected to help a customer.',
    answer: "A woman rang because her son's present had gone missing. Looking back, I wish I'd driven to the depot myself and taken it round to her after my shift. At the time I logged it with the courier and gave her the reference.",
    level: 'low',
    notCounted: ['goes-extra'],
  },
  {
    name: 'a slogan is no steer-away; telling him it is unsuitable is',
    question: 'Tell me about a time you recommended that a customer not buy something because it was not right for them.',
    answer: "At the toy shop a grandad brought a chemistry set to the till for a four-year-old. I told him it wasn't suitable for under-tens because of the small parts, and showed him a bath-time science kit instead, which he bought. I'd rather lose a sale than sell the wrong thing.",
    level: 'medium',
    counts: ['trust-over-sale'],
  },
  {
    name: 'buzzwords about empathy, with no step, are low',
    question: 'What does good customer service mean to you?',
    answer: 'I personally always empathise with every customer, treat them like family and go above and beyond. For me service is a mindset.',
    level: 'low',
    notCounted: ['listens-acknowledges', 'goes-extra'],
  },
  {
    name: 'sorry said three ways is still only an apology',
    question: STORY_Q,
    answer: "At the travel agent's a man rang, angry that his hotel had been booked for the wrong week. It was my job to deal with it. I said sorry straight away. I told him how sorry I was that it had happened before his anniversary, and I apologised again for the stress it had caused him. He got a new booking from head office a week later.",
    level: 'low',
  },
  {
    name: 'a manager who does it all while the candidate stays on the desk',
    question: STORY_Q,
    answer: 'At the garage a customer came in furious that his car was not ready. It fell to me to tell him, but my manager came out and took over: she said sorry, gave him a courtesy car and rang him when it was done. I stayed on the front desk. He drove off happy.',
    level: 'low',
    notCounted: ['goes-extra'],
  },
  {
    name: 'a story told in the present tense by a non-native writer reads as a story; the daughter telling the manager is hers, not a passing on',
    question: 'Tell me about a time a customer praised your service.',
    answer: 'I work in a pharmacy two years. Last winter one old man come every week for his tablets and he is confused with the new boxes. I write the times on each box with big letters and I call him on Friday to check he take them right. After a month one daughter tell the manager I am very kind with her father, and he still come to me.',
    level: 'high',
    notCounted: ['passes-on'],
  },
  {
    name: 'a bulleted note opening on a capitalised past verb is the candidate\'s own step, after a header line too',
    question: 'Tell me about a time you found out what a customer really needed.',
    answer: 'S: garden centre, Sat am. Woman wanted strongest weedkiller for patio\nA:\n- Asked who used the patio: grandkids and a dog\n- Gave her two options, a weed burner or a brush and salt-free spray. She picked the burner\nR: back in May, joined loyalty club, asks for me',
    level: 'high',
    counts: ['probes-need', 'offers-choice'],
  },
  {
    name: 'a rule described as the scene, then worked round by the candidate, is not hiding behind it',
    question: 'Give an example of a problem you solved for a customer when the usual policy did not fit their situation.',
    answer: "I work on the desk at a swimming pool. A member came in with his arm in plaster to pause his membership. Our rule is that a pause needs a month's notice, and the system wouldn't let me start it early. I listened to him, then filled in the medical exception form with him, attached his hospital letter and paused it from that day myself. He had no more payments taken until he was back in the water.",
    level: 'medium',
    notCounted: ['cites-policy'],
  },
  {
    name: 'the same rule told to the customer as the answer still is',
    question: 'Give an example of a problem you solved for a customer when the usual policy did not fit their situation.',
    answer: "I work on the desk at a swimming pool. A member came in with his arm in plaster to pause his membership. Our rule is that a pause needs a month's notice, and the system wouldn't let me start it early. I listened to him and said sorry. I told him the rule was a month and he'd need to email head office. He paid for another month.",
    level: 'low',
    counts: ['cites-policy'],
  },
  {
    name: 'an apology before fetching the manager is no ownership: the hand-over is the whole solution',
    question: STORY_Q,
    answer: 'At the cinema a woman was angry that her tickets had been booked for the wrong day. I let her explain and said sorry. Then I went and got the duty manager. He rebooked the seats and gave her free drinks, and she went in happy.',
    level: 'low',
    counts: ['passes-on'],
  },
  {
    name: 'booking what was asked for is the request, not looking ahead',
    question: 'Tell me about a time you found out what a customer really needed.',
    answer: "At the opticians a man rang to book an eye test. I didn't ask him anything else because the phones were busy, so I just booked him in for Tuesday as he'd asked. When he came in the optician found he needed reading glasses.",
    level: 'low',
    notCounted: ['anticipates-future'],
  },
  {
    name: 'a phrase cue split by slot: "he didn\'t need" a new one is advice against the sale; "a strong pass" is no passing on',
    question: 'Tell me about a time you put a customer\'s interests ahead of a sale.',
    answer: "At the bike shop a man wanted a new bike because his gears slipped. I asked how old it was and worked out a service would fix it, so I told him he didn't need a new bike and booked the service. A service is a strong pass for a bike that age. He's come back every spring since and brought his daughter in for her first bike.",
    level: 'high',
    counts: ['trust-over-sale'],
    notCounted: ['passes-on'],
  },
  {
    name: '"the mistake was ours, not hers" owns it; no blame',
    question: STORY_Q,
    answer: 'A customer was furious that her sofa came on the wrong day. I told her the mistake was ours not hers, rebooked the delivery for the Saturday she chose and rang her the evening before to confirm the time. It arrived on time and she thanked me.',
    level: 'medium',
    notCounted: ['blames-others'],
  },
  {
    name: 'a target in a clause of concession is what the candidate acted despite, not a sales push',
    question: 'Give an example of a time you were under pressure to hit a sales target but did what was right for the customer.',
    answer: "At the phone shop a student wanted the newest handset on a two-year contract. I asked what she used her phone for, and since she was mostly on wifi I showed her the SIM-only deal side by side with the contract, even though it did nothing for my target. She took the SIM-only deal and saved about four hundred pounds.",
    level: 'high',
    notCounted: ['sales-push'],
  },
  {
    name: 'the customer\'s choice followed by a step of the candidate\'s in the same sentence is not the result',
    question: 'Tell me about a time you found out what a customer really needed.',
    answer: 'At the vets a man rang to book his old cat in for a claw trim. I asked how she was eating and moving, and he said she had stopped jumping on the sofa. I explained that could be pain and gave him two options, the trim with the nurse or a check with a vet. He chose the vet, and I booked the slot after his shift so he could bring her.',
    level: 'medium',
    star: { result: false },
  },
  {
    name: '"I went through it with them" is an action, not the payment going through',
    question: 'Tell me about a time you recommended that a customer not buy something because it was not right for them.',
    answer: "At the car hire desk a couple were about to buy our excess cover. I asked if they had checked their own cover, and their credit card already included it, so I went through it with them and said they didn't need ours.",
    level: 'medium',
    star: { result: false },
  },
  {
    name: 'helping customers "with whatever they want" is the request itself: low',
    question: 'What does customer focus mean to you?',
    answer: "I think it means being nice to customers, smiling, and helping them with whatever they want, so they are happy when they leave.",
    level: 'low',
    notCounted: ['offers-choice', 'supports-colleague'],
  },
  {
    name: 'what the candidate told the customer, in clauses strung on with commas, is their advice; "he say thank you" is a story, not a supposition',
    question: 'Tell me about a time you recommended that a customer not buy something because it was not right for them.',
    answer: 'In my job in phone shop, a lady come in and she want the most expensive tablet. I ask her what she will use it for and she say for reading and video call with her son. I tell her honestly this tablet is too much for this, is heavy, she don\'t need it. I show her other tablet for half price with good screen. She buy this one and I set up the video call app for her. She say thank you for being honest with her.',
    level: 'high',
    counts: ['trust-over-sale'],
    star: { result: true },
  },
  {
    name: 'a question put to the customer in her own words is the candidate\'s probing; a gift and a regular ride are the relationship',
    question: 'Give an example of a time you went beyond the call of duty to help a customer in need.',
    answer: "I drive the number 9 bus. One evening an old man got on the wrong bus and didn't know where he was. I asked him, where are you trying to get to, mate. Turned out his wife was in the care home by the park and he had ten minutes before they locked up. I rang control and asked could the 31 wait at the park stop, and they said yes. I dropped him right at that stop. Next week he got on with a box of chocolates for me, and he still gets my bus every Friday.",
    level: 'high',
    counts: ['probes-need', 'relationship-result'],
  },
  {
    name: '"two or three choices" is one choice offered; a step after "without her having to chase it," is not negated',
    question: 'How would you handle a long-standing customer who tells you they are thinking of moving to a competitor?',
    answer: "I'd ask what has changed for them. Then I'd put two or three choices in front of her: a smaller order, cheaper beans, or monthly invoicing. I'd brief our delivery team so the change happened without her having to chase it, and book a call a month later to check it was working for her.",
    level: 'high',
    counts: ['offers-choice'],
  },
  {
    name: 'a target missed for the customer was the pressure in the story, not a sales push; "I should have checked" owns the mistake',
    question: 'Give an example of a time you were under pressure to hit a sales target but did what was right for the customer.',
    answer: "I worked on the upgrades line with a monthly target for sports packages, and I was two sales short when a caller asked for the full package. I asked what he mainly watched: one club's matches. I told him most were on a channel the package didn't include, talked him through a cheaper streaming pass and the package side by side, and he chose the pass. I said I should have checked his channels when he first called. I missed my target that month, but three months later he rang back asking for me by name to move his whole household to our broadband.",
    level: 'high',
    notCounted: ['sales-push', 'blames-others'],
  },
  {
    name: 'a target only claimed to come second, with no story, still pulls down',
    question: 'Give an example of a time you were under pressure to hit a sales target but did what was right for the customer.',
    answer: 'I worked on the upgrades line, with a monthly target for sports packages. I would never let a target come before the customer. I always ask what they want to watch and I would rather miss my target than sell something that does not fit.',
    level: 'low',
  },
  {
    name: 'steps only thought about ("I thought about asking for her work letter ... but I didn\'t") were not taken',
    question: 'Give an example of a problem you solved for a customer when the usual policy did not fit their situation.',
    answer: "At the gym, memberships could only be frozen with a doctor's note. A member was sent offshore for three months by her employer. I thought about asking for her work letter instead, taking it to the manager with a note explaining why it was the same as a medical freeze, and freezing it that afternoon, but I didn't. I told her the form needed a doctor's note, and she was charged for all three months.",
    level: 'low',
  },
  {
    name: 'a rule the candidate judged unfair and then worked round is not hiding behind it',
    question: 'Give an example of a problem you solved for a customer when the usual policy did not fit their situation.',
    answer: 'I work at reception in hotel near airport. One morning a family come down, their flight is cancelled and new flight is at night. The policy say I must charge full night if they keep room. I think this is not fair because is not their fault. I speak with housekeeping and we find a free room, so I give them choice: keep their room until six with no charge, or move to the small room all day. They choose keep room. The family leave review with my name and book again in summer.',
    level: 'high',
    notCounted: ['cites-policy'],
  },
  {
    name: 'a rule called unfair and then only quoted still is hiding behind it',
    question: 'Give an example of a problem you solved for a customer when the usual policy did not fit their situation.',
    answer: "At the hotel a family's flight was cancelled and they asked to keep their room. The policy says a full night is charged after two. I thought it wasn't really fair. I told them that's the policy and they would have to pay. They paid and left.",
    level: 'low',
    counts: ['cites-policy'],
  },
  {
    name: '"so he can see my mouth" is the purpose of the candidate\'s step, not service done to them',
    question: 'Describe a situation where you changed the way you communicated to suit a particular customer.',
    answer: 'When I worked in a bank in Porto, came one old man to the desk for change his address. He had problem with the hearing, so he was nervous. I put myself in front of him so he can see my mouth, and I spoke more slow and with short phrases, so he can follow my words. The difficult parts I wrote in a paper for him. At the end he understood everything and signed the form.',
    level: 'medium',
    reason: /^(?!.*you were the customer)/,
  },
  {
    name: 'a story of steps only intended ("I was going to ring", "I planned to give her my number") is still a story, and the steps were not taken',
    question: 'Tell me about a time you went beyond what was expected to help a customer.',
    answer: "At the shoe shop a man came in needing black shoes for a funeral the next day, but we didn't have his size. I was going to ring our other branch to see if they had them, and I'd have offered to get them sent over. I also thought about asking what he needed them for, and I planned to give him my number. But it was the end of my shift, so I gave him the other branch's number and he said he'd try them.",
    level: 'low',
  },
  {
    name: 'the right words listed around bare steps ("listen actively, empathise, probe... a trusted adviser") are low, story or not',
    question: 'What does a win-win relationship with a customer mean to you?',
    answer: "A win-win relationship is about long-term value for both sides. I'd listen actively, empathise, and really probe to uncover the need behind the request. I'd give the customer options, check the option fits, anticipate their next need, keep in touch, and build trust before profit. It's about going the extra mile to exceed expectations and being a trusted adviser, so everybody wins.",
    level: 'low',
  },
  {
    name: 'a time phrase on the candidate\'s own next step ("I called her the next morning") dates a step, not a result',
    question: 'Tell me about a time you dealt with a customer who was angry about a mistake your company had made.',
    answer: "At the heating company a woman rang furious that we had missed her boiler service twice. I apologised, asked what times suited her, and gave her two options: an evening visit that week or the first slot on Saturday. She picked Saturday. I told her I'd drop a heater round on my way home, and I called her the next morning to confirm the engineer's time.",
    level: 'medium',
    star: { result: false },
  },
  {
    name: 'an outcome dated by someone else\'s doing is the result ("bounced calls dropped from twelve a day to two")',
    question: 'Tell me about a time you suggested a change that improved the service for all customers, not just one.',
    answer: 'On the sales line we passed billing questions to the billing team, and they kept sending customers back to us. I sat with them for an hour and asked what they needed from us. I made a three-line checklist for our transfers. Bounced calls dropped from about twelve a day to two.',
    level: 'high',
    star: { result: true },
  },
  {
    name: 'loyalty only hoped for ("I\'m sure she\'ll keep coming back") is no result; "how you create a loyal customer" is no probing',
    question: 'Tell me about a time you built a relationship with a customer that kept them coming back.',
    answer: "At the salon a client was unhappy because her colour had come out brassier than she wanted. I listened, apologised, and booked her back in the next morning free of charge, and I did the toner myself. She left happy with it. I really believe that's how you create a loyal customer for life, and I'm sure she'll keep coming back.",
    level: 'medium',
    notCounted: ['probes-need', 'relationship-result'],
  },
  {
    name: 'a notes answer of the candidate\'s own steps (sat with him, downloaded the app, logged him in, wrote the steps on a card) owns the problem',
    question: 'Tell me about a time you helped a customer learn how to get more out of a product or service.',
    answer: "Library asst, branch library.\n- regular, older man, missed his local paper from Cork\n- showed him the free e-newspaper service on his phone\n- sat w/ him approx 20 min: downloaded app, logged him in, found the Cork paper\n- wrote steps on a card for him\n- next wk: said he'd read it at home most nights",
    level: 'medium',
  },
  {
    name: '"I was also going to suggest a sign" was not done; "they\'ve since had the lockers replaced" is theirs',
    question: 'Tell me about a time the same customer problem kept coming up and you did something about it.',
    answer: "At the pool the lockers kept jamming and people's keys got stuck inside. My plan was to log every fault in a spreadsheet and put together a proposal for keypad lockers. I was also going to suggest a sign on each locker explaining what to do if it jammed. I never got round to it before the summer rush, and then I moved on, but I believe they've since had the lockers replaced.",
    level: 'low',
  },
  // Rules from fresh11 (the first run of that set is in its header).
  {
    name: '"in his words, not mine" is teaching, not refusing ownership',
    question: 'Tell me about a time you helped a customer learn how to get more out of a product or service.',
    answer: 'At the library a retired driver, Mr Pryce, wanted large-print books. I asked what he liked and showed him the e-book app on his tablet, where the text can be as big as he wants. I wrote the steps on a card in his words, not mine. A week later he had borrowed nine books.',
    level: 'high',
    notCounted: ['refuses-ownership'],
  },
  {
    name: '"the manager\'s decision, not mine" refuses ownership across the comma',
    question: STORY_Q,
    answer: "A man at the hotel desk wanted a late checkout. I told him the manager sets the checkout times, so it was the manager's decision, not mine. He left unhappy.",
    level: 'low',
    counts: ['refuses-ownership'],
  },
  {
    name: 'fetching the manager straight away and letting them sort it is passing it on, however honestly said',
    question: 'What would you do if a hotel guest complained at check-in that the room they booked for their anniversary had been given to someone else?',
    answer: "honestly i'd get my manager straight away because i wouldn't be allowed to move people around. i'd say sorry and that my manager is coming. then i'd let the manager sort it out",
    level: 'low',
    notCounted: ['owns-fix', 'goes-extra', 'explains-clearly'],
  },
  {
    name: 'a present-tense swipe at customers in general is blame, even inside a story',
    question: 'Give an example of a time you turned an unhappy customer into a loyal one.',
    answer: 'At the games shop a regular, Lewis, came in angry because his pre-order had not arrived. I apologised, rang three other branches and offered him a refund or a transfer. He went to another shop instead. Honestly, some customers just want something to moan about.',
    level: 'low',
    counts: ['blames-others'],
  },
  {
    name: 'checking that an insurance policy is still active is not hiding behind a policy',
    question: 'Give an example of a problem you solved for a customer when the usual policy did not fit their situation.',
    answer: 'At the vet practice a client, Mrs Hartley, could not pay a large bill until her pension came. I asked which insurer she had and whether the policy was still active. I found her insurer could pay the practice directly, so I set up a direct claim with her. The insurer paid in eleven days and she still asks for me when she brings her dog in.',
    level: 'high',
    notCounted: ['cites-policy'],
  },
  {
    name: 'what a closing step is for ("so all receptionists can...") and its time phrase are no result',
    question: 'Give an example of a problem you solved for a customer when the usual policy did not fit their situation.',
    answer: 'At the vet practice a client, Mrs Hartley, could not pay a large bill until her pension came. I asked which insurer she had and found it could pay the practice directly. I went through the claim form with her line by line. Next morning I spoke with the practice manager and together we made a short guide so all receptionists can offer a direct claim.',
    level: 'medium',
    star: { result: false },
  },
  {
    name: 'a suggestion to the customer ("proposed her to see the pharmacist") is no change to the process',
    question: 'What does being a trusted adviser to a customer mean to you?',
    answer: 'For me a trusted adviser is someone the customer can believe. Last month a lady wanted a very expensive vitamin for her tiredness. I told her honestly that I could not know if it would help her, and I proposed her to see the pharmacist first. She bought nothing that day.',
    level: 'medium',
    notCounted: ['improves-process'],
  },
  {
    name: 'customers booking "through me" is a relationship, not control',
    question: 'Give an example of a time you spotted a problem for a customer before it happened.',
    answer: 'As a courier driver I noticed a wedding dress parcel had the wrong postcode for a Saturday wedding. I rang the bride, Chloe, to ask when she would be home, rerouted it onto my own round for Friday and texted her a time slot the night before. It arrived on Friday, and the bridal shop now books all its deliveries with us through me.',
    level: 'high',
    notCounted: ['operations-control'],
  },
  {
    name: 'what had to happen first ("to sort it before it went out") is no result',
    question: 'Give an example of a time you spotted a problem for a customer before it happened.',
    answer: 'As a courier driver I noticed a wedding dress parcel had the wrong postcode for a Saturday wedding, so it was on me to sort it before it went out. I rang the bride, Chloe, to ask when she would be home and rerouted it onto my own round for Friday.',
    level: 'medium',
    star: { result: false },
  },
  {
    name: 'word sent ahead ("texted her a time slot the night before") keeps the customer informed',
    question: 'Give an example of a time you spotted a problem for a customer before it happened.',
    answer: 'As a courier driver I noticed a wedding dress parcel had the wrong postcode for a Saturday wedding. I rang the bride, Chloe, to ask when she would be home, rerouted it onto my own round for Friday and texted her a time slot the night before. It arrived on Friday, and the bridal shop now books all its deliveries with us.',
    level: 'high',
    counts: ['anticipates-future'],
  },
  // Rules from fresh12 (the first run of that set is in its header).
  {
    name: 'asked what they would do, trust over the sale shown as a step cancels the sales push',
    question: 'What would you do if your manager asked you to push an add-on product to customers you knew did not need it?',
    answer: "I'd ask my manager what the add-on target is. With customers I'd ask a couple of questions first: if the add-on is gadget cover and their home insurance already covers the laptop, I'd tell them plainly they don't need ours. If it doesn't, I'd set our cover beside the alternative and let them choose.",
    level: 'high',
    notCounted: ['sales-push'],
  },
  {
    name: 'rigid rules with no exceptions hide behind the rules, however firm',
    question: 'Tell me about a time you changed how a team, society or club you belonged to treated its customers or members.',
    answer: 'I ran the payments for our five-a-side league. Teams kept paying late, so I brought in a £10 fine and no pitch without paying by Wednesday, no exceptions, because rules only work if they apply to everyone. A few teams complained but I held firm. Within a season we went from fourteen teams to eight.',
    level: 'low',
    counts: ['cites-policy'],
  },
  {
    name: '"not really my call" and "there\'ll be a policy for that" pass it on',
    question: 'How would you handle finding out that a customer had been overcharged by mistake and had not noticed?',
    answer: "um i'd probably tell my manager and let them deal with it because it's not really my call is it and there'll be a policy for refunds so you'd follow that and yeah be honest",
    level: 'low',
    counts: ['refuses-ownership'],
  },
  {
    name: 'a print job moved to Thursday is no job refused',
    question: 'How would you handle a long-standing customer who tells you they are thinking of moving to a competitor?',
    answer: 'At the printing press a long-standing customer, a local church, wanted to move to another press because their Sunday programmes kept arriving late on Saturday night. I asked them what time they really needed them, and we moved their job to Thursday printing. They stayed with us until I left.',
    level: 'high',
    notCounted: ['refuses-ownership'],
  },
  {
    name: '"so that weekend I made a cheat sheet" is a step of the candidate\'s, not a purpose',
    question: 'Tell me about a time you supported a new or struggling team member.',
    answer: 'At the cinema our new colleague Tomasz kept getting stuck on concession codes at the box office. I asked him which bits of the till had thrown him; nobody had shown him the codes, so that weekend I made a one-page cheat sheet and taped one under each screen. Within a fortnight he was running the box office on his own, and the sheet is now given to every new starter.',
    level: 'high',
    counts: ['improves-process'],
  },
  {
    name: 'agreeing straight away with the fix the customer found is not the candidate\'s doing',
    question: 'Tell me about a time you recommended that a customer not buy something because it was not right for them.',
    answer: "At the pet shop a customer came to the till with puppy food for his eight-year-old dog. While I was scanning, he read the back of the bag himself and said he'd better get the senior one. I agreed with him straight away and he swapped it. I always make sure customers buy what's right for them.",
    level: 'low',
    notCounted: ['goes-extra'],
  },
  {
    name: 'exact forms where one stem joins two words: "my desk number on her copy" is no "number one"',
    question: STORY_Q,
    answer: 'A passenger at the arrivals desk was furious that her bag had not come. I apologised and said it was our error, booked courier delivery to her home for that evening, and wrote my desk number on her copy of the report. I tracked the bag myself and it was on her doorstep before 10pm.',
    level: 'medium',
    notCounted: ['platitudes', 'blames-others'],
  },
  // Rules from fresh13 (the first run of that set is in its header).
  {
    name: 'a lower-case name in speech-to-text ("and gareth rang her every day") does the follow-up, not the candidate',
    question: 'Describe a situation where you kept in contact with a customer after their problem was solved.',
    answer: 'so at the letting agency a tenant rang because her boiler broke and i logged it on the system and passed it to gareth the property manager and gareth rang her every day that week to tell her what was happening and after it was fixed he rang her again a week later to check it was still working and she left a review mentioning him so i think keeping in touch is really key',
    level: 'low',
    notCounted: ['follows-up', 'confirms-fit', 'anticipates-future'],
  },
  {
    name: '"I was planning to get it signed off, then run a huddle" was not done',
    question: 'Describe a situation where you helped colleagues feel able to solve customer problems without always asking a manager.',
    answer: 'At the cinema every small problem at the kiosk ended with staff radioing the duty manager. So I wrote a one-page list of what staff can say yes to. I was planning to get the general manager to sign it off, then run a huddle before each shift for two weeks. I left for university before I got round to it.',
    level: 'medium',
    notCounted: ['leads-by-example'],
  },
  {
    name: 'a closing "so customers choose the size themselves" is what the change is for, not a result',
    question: 'Tell me about a time a misunderstanding with a customer caused a problem, and what you did about it.',
    answer: "At a print shop a café owner, Niamh, ordered menu leaflets and we printed them A5, our default; they didn't fit her table holders. I apologised and asked what the leaflets were for: half were for the tables and half for a door-drop. I gave her two options and she chose to keep the A5s for the door-drop and have 1,000 reprinted in DL for the tables at no charge. Then I added a picture of each size to our online order form so customers choose the size themselves.",
    level: 'medium',
    star: { result: false },
  },
  // Rules from fresh14 (the first run of that set is in its header).
  {
    name: 'the generic "you" of a plan, and the steps strung on after it, are the speaker\'s own',
    question: 'How would you handle becoming team leader of a shop team whose staff say they must ask a manager before doing anything for a customer?',
    answer: "You'd want to find out first why they feel they have to ask. So in the first week you'd sit down with each of them and ask what they last went to a manager for. Then you'd agree with the team where the line is, say they can sort anything up to fifty pounds on their own, and put it on one sheet by the till. For the first few weeks you'd be out on the floor with them, and when somebody makes a call you'd back it and talk it through afterwards.",
    level: 'high',
    counts: ['probes-need', 'internal-customers'],
  },
  {
    name: '"you must be honest" is a maxim, not a step',
    question: 'What does being a trusted adviser to a customer mean to you?',
    answer: 'Trusted adviser mean customer trust you. You must be honest and know your products very well so you can give advice. When customer trust you, they buy more from you and they come back.',
    level: 'low',
    notCounted: ['explains-clearly'],
  },
  {
    name: 'a short plain story can be high: rang before she thought of it, sent two designs, booked again and sends her neighbours',
    question: 'Tell me about a time you anticipated what a regular customer would need next.',
    answer: "I work at a bakery in Truro. Mrs Penrose orders a cake for her twins every March. Last year, in mid-February, I rang her before she'd thought about it and asked what the boys were into now they'd turned twelve. Football, not dinosaurs any more. I sent her two design ideas and she picked one. She's already booked next year's and sends her neighbours to us.",
    level: 'high',
    counts: ['anticipates-future', 'offers-choice', 'relationship-result'],
  },
];

describe('judgement: who did what, for whom, however it is written', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const a = score(c.question, c.answer);
      expect(a.level, a.reasons.join(' ')).toBe(c.level);
      for (const [p, v] of Object.entries(c.star ?? {})) expect(a.star[p as StarPartName].present, p).toBe(v);
      const counted = new Set(a.indicators.filter((f) => f.counted).map((f) => f.id));
      for (const id of c.counts ?? []) expect(counted.has(id), id).toBe(true);
      for (const id of c.notCounted ?? []) expect(counted.has(id), id).toBe(false);
      if (c.reason) expect(a.reasons.join(' ')).toMatch(c.reason);
      if (c.nextStep) expect(a.feedback.map((f) => f.message).join(' ')).toMatch(c.nextStep);
    });
  }
});

describe('graded scores: revising an answer moves it the right way', () => {
  const base = 'Last year at the garden centre a man complained that the compost he bought was full of stones. I apologised and swapped the bags myself.';
  const q = 'Tell me about a time you dealt with a customer complaint.';
  const s = (answer: string): number => score(q, answer).score;
  it('adding a checkable result raises it', () => {
    expect(s(`${base} He came back the next week for more and thanked me.`)).toBeGreaterThan(s(base));
  });
  it('adding blame lowers it', () => {
    expect(s(`${base} Honestly it was the warehouse's mess, they never check anything.`)).toBeLessThan(s(base));
  });
  it('giving the action to a colleague lowers it', () => {
    expect(s(base.replace('I apologised and swapped the bags myself.', 'My colleague Sam apologised and swapped the bags.'))).toBeLessThan(s(base));
  });
  it('negating the action lowers it', () => {
    expect(s(base.replace('I apologised and swapped the bags myself.', "I didn't apologise or swap the bags."))).toBeLessThan(s(base));
  });
  it('probing the need raises it', () => {
    expect(s(base.replace('I apologised', 'I asked what he was planting, apologised'))).toBeGreaterThan(s(base));
  });
});

describe('reading speech-to-text', () => {
  it('dropped apostrophes are read back, and words that are object keys stay words', () => {
    const typed = score(HOW_Q, "I'd apologise, check the tracking myself and rebook it. I don't blame them.");
    const spoken = score(HOW_Q, 'id apologise check the tracking myself and rebook it i dont blame them');
    expect(spoken.level).toBe(typed.level);
    const odd = score(HOW_Q, 'constructor toString __proto__ hasOwnProperty valueOf');
    expect(odd.level).toBe('low');
  });
});
