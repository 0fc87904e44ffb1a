// Text perturbations for the behavioural suite (CheckList-style: Ribeiro et al., 2020).
// Every generator is a pure function of (base, seed): same input, same output. A generator
// returns null when it does not apply to a base (no names to swap, no result to remove...),
// never the text unchanged.

// ---- helpers ----

/** Small deterministic PRNG (mulberry32), the bench's. */
export { rng } from '../../scripts/bench/answers.js';
import { rng } from '../../scripts/bench/answers.js';

/** A stable 32-bit seed from strings (FNV-1a). */
export function seedOf(...parts) {
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u0000')) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const pick = (r, xs) => xs[Math.floor(r() * xs.length)];

export function sentences(text) {
  return text.trim().split(/(?<=[.!?])\s+/).filter((s) => s !== '');
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const lowerFirst = (s) => (/^I\b/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));
const upperFirst = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const changed = (before, after) => (after === before ? null : after);

/** Past tense -> base form, for every verb the bases put after "I" (checked by a unit test). */
export const PAST = {
  asked: 'ask', showed: 'show', rang: 'ring', checked: 'check', read: 'read', took: 'take',
  booked: 'book', rewrote: 'rewrite', let: 'let', printed: 'print', wrote: 'write', gave: 'give',
  found: 'find', realised: 'realise', did: 'do', phoned: 'phone', told: 'tell', started: 'start',
  went: 'go', set: 'set', got: 'get', changed: 'change', moved: 'move', paid: 'pay', agreed: 'agree',
  sat: 'sit', stopped: 'stop', carried: 'carry', stayed: 'stay', noticed: 'notice', apologised: 'apologise',
  explained: 'explain', offered: 'offer', called: 'call', listened: 'listen', fixed: 'fix', kept: 'keep',
  worked: 'work', ran: 'run', reset: 'reset', wanted: 'want', made: 'make', spoke: 'speak', put: 'put',
  suggested: 'suggest', refunded: 'refund', sent: 'send', tried: 'try', managed: 'manage', saw: 'see',
};
const ADVERBS = ['also', 'then', 'just', 'first', 'immediately'];
const VERBS = new Set([...Object.keys(PAST), ...Object.values(PAST)]);

/** Rewrites the "I <past verb>" (or "I'd <verb>") at the start of a key action. */
function splitKey(key) {
  const m = /^I(?:'d| would)? ((?:(?:also|then|just|first|immediately) )?)(\w+)(.*)$/s.exec(key);
  if (!m) return null;
  const conditional = /^I(?:'d| would) /.test(key);
  return { conditional, adverb: m[1], verb: m[2], rest: m[3] };
}

/** Replaces each key substring with fn(key, index); null when no key is present. */
function rewriteKeys(base, fn) {
  let out = base.answer;
  let n = 0;
  base.key.forEach((k, i) => {
    const at = out.indexOf(k);
    if (at < 0) return;
    const atStart = at === 0 || /[.!?]\s+$/.test(out.slice(0, at));
    const repl = fn(k, i, atStart);
    if (repl == null) return;
    out = out.slice(0, at) + repl + out.slice(at + k.length);
    n++;
  });
  return n ? changed(base.answer, out) : null;
}

// ---- INVARIANCE ----

/** Speech-to-text: lower case, punctuation gone (apostrophes inside words kept, as recognisers do). */
export function speech(base) {
  const t = base.answer.toLowerCase().replace(/[^\p{L}\p{N}\s']|'(?!\p{L})|(?<!\p{L})'/gu, '').replace(/\s+/g, ' ').trim();
  return changed(base.answer, t);
}

/** Strictly every punctuation mark removed, apostrophes included ("didnt", "id"). */
export function noPunct(base) {
  const t = base.answer.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, '').replace(/\s+/g, ' ').trim();
  return changed(base.answer, t);
}

/** Lower-case "i" as a pronoun, as typed on a phone. */
export function lowerI(base) {
  return changed(base.answer, base.answer.replace(/\bI\b/g, 'i'));
}

const FILLERS = ['um', 'you know', 'like', 'so yeah', 'basically', 'uh', 'I mean'];

/** Fillers at the start of sentences and of some clauses after a comma. */
export function fillers(base, seed) {
  const r = rng(seed);
  const out = sentences(base.answer).map((s) => {
    const withClauses = s.replace(/, (and|so|but) /g, (m, conj) => (r() < 0.5 ? `, ${conj} ${pick(r, FILLERS)} ` : m));
    const f = pick(r, FILLERS);
    return `${upperFirst(f)}, ${lowerFirst(withClauses)}`;
  });
  return changed(base.answer, out.join(' '));
}

// Words a typo must not touch: the contract's vocabulary and words that carry the story's logic.
const PROTECTED = new Set(
  ('customer customers asked apologised apologise sorry listened offered options choice choose called ' +
    'rang checked follow followed manager supervisor policy thanked explained because never always ' +
    'would could should didnt wasnt himself herself myself ourselves their there every result learned ' +
    'problem complaint complained refund refunded colleague colleagues team process system')
    .split(' '),
);

/** One realistic typo (swap, drop or double a letter) in an ordinary word outside the key actions and result. */
export function typo(base, seed) {
  const r = rng(seed);
  const guarded = [...base.key, ...base.result];
  const spans = guarded.flatMap((k) => {
    const at = base.answer.indexOf(k);
    return at < 0 ? [] : [[at, at + k.length]];
  });
  const candidates = [];
  for (const m of base.answer.matchAll(/\b[a-z]{5,}\b/g)) {
    const w = m[0];
    const at = m.index;
    const afterI = /\bI(?:'d)? (?:\w+ )?$/.test(base.answer.slice(Math.max(0, at - 20), at));
    if (PROTECTED.has(w) || VERBS.has(w) || afterI || spans.some(([a, b]) => at < b && at + w.length > a)) continue;
    candidates.push({ w, at });
  }
  if (candidates.length === 0) return null;
  const { w, at } = pick(r, candidates);
  const i = 1 + Math.floor(r() * (w.length - 3)); // an inner position: first and last letters stay
  const kind = Math.floor(r() * 3);
  let t;
  if (kind === 0 && w[i] !== w[i + 1]) t = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  else if (kind === 1) t = w.slice(0, i) + w.slice(i + 1);
  else t = w.slice(0, i) + w[i] + w.slice(i);
  return changed(base.answer, base.answer.slice(0, at) + t + base.answer.slice(at + w.length));
}

/** Names and places swapped for others (same title and sex, so pronouns still agree). */
export const SWAPS = {
  'Mr Dunn': 'Mr Fairweather', 'Mrs Okafor': 'Mrs Jankowska', 'Mr Hughes': 'Mr Papadopoulos',
  'Mr Brennan': 'Mr Nakamura', Greta: 'Bronwen', 'Mr Osei': 'Mr Castellano', Kevin: 'Tariq',
  'Mrs Lindqvist': 'Mrs Adeyemi', Nadia: 'Charlotte', 'Mr Abara': 'Mr McAllister', Joe: 'Ravi',
  'Mrs Begum': 'Mrs Novak', Dev: 'Lukas', 'Mrs Kaur': 'Mrs Whitfield', Rosa: 'Ingrid',
  Leeds: 'Dundee', Cardiff: 'Exeter', Glasgow: 'Belfast', Bristol: 'Sheffield', Norwich: 'Plymouth',
  Derby: 'Stirling', Swansea: 'Aberdeen', Leicester: 'Coventry', Croydon: 'Wolverhampton',
};
const SWAP_RE = new RegExp(`\\b(${Object.keys(SWAPS).map(escapeRe).join('|')})\\b`, 'g');

export function swapNames(base) {
  return changed(base.answer, base.answer.replace(SWAP_RE, (m) => SWAPS[m]));
}

const EXPAND = {
  "didn't": 'did not', "don't": 'do not', "doesn't": 'does not', "wasn't": 'was not', "weren't": 'were not',
  "couldn't": 'could not', "can't": 'cannot', "won't": 'will not', "hasn't": 'has not', "haven't": 'have not',
  "isn't": 'is not', "I'd": 'I would', "I'm": 'I am', "I've": 'I have', "it's": 'it is', "It's": 'It is',
  "that's": 'that is', "There's": 'There is', "there's": 'there is', "they're": 'they are', "he'd": 'he had',
};
const CONTRACT = {
  'I would': "I'd", 'did not': "didn't", 'was not': "wasn't", 'could not': "couldn't", 'do not': "don't",
  'I am': "I'm", 'it is': "it's", 'It is': "It's", 'that is': "that's", 'is not': "isn't", 'I have': "I've",
  'There is': "There's", 'they are': "they're", 'will not': "won't", 'cannot': "can't",
};
const wordsRe = (map) => new RegExp(`(?<![\\w'])(${Object.keys(map).map(escapeRe).join('|')})(?![\\w'])`, 'g');
const EXPAND_RE = wordsRe(EXPAND);
const CONTRACT_RE = wordsRe(CONTRACT);

/** Contractions expanded when the answer has any; otherwise the usual ones contracted. */
export function contractions(base) {
  const expanded = base.answer.replace(EXPAND_RE, (m) => EXPAND[m]);
  if (expanded !== base.answer) return expanded;
  return changed(base.answer, base.answer.replace(CONTRACT_RE, (m) => CONTRACT[m]));
}

/** British spellings and their American forms. */
export const SPELLING = {
  apologise: 'apologize', apologised: 'apologized', apologising: 'apologizing', realised: 'realized',
  realise: 'realize', organised: 'organized', recognised: 'recognized', prioritised: 'prioritized',
  centre: 'center', colour: 'color', favour: 'favor', behaviour: 'behavior', neighbour: 'neighbor',
  cancelled: 'canceled', travelled: 'traveled', programme: 'program', licence: 'license', mum: 'mom',
  analyse: 'analyze', practise: 'practice', cheque: 'check', catalogue: 'catalog', jewellery: 'jewelry',
  enrol: 'enroll', fulfil: 'fulfill', tyre: 'tire', grey: 'gray', honour: 'honor', labour: 'labor',
};
const US_TO_UK = Object.fromEntries(Object.entries(SPELLING).filter(([, us]) => us !== 'check' && us !== 'practice').map(([uk, us]) => [us, uk]));
const UK_RE = new RegExp(`\\b(${Object.keys(SPELLING).join('|')})\\b`, 'gi');
const US_RE = new RegExp(`\\b(${Object.keys(US_TO_UK).join('|')})\\b`, 'gi');
const keepCase = (from, to) => (from[0] === from[0].toUpperCase() ? upperFirst(to) : to);

/** British spellings made American; an answer with none gets the reverse. */
export function spelling(base) {
  const us = base.answer.replace(UK_RE, (m) => keepCase(m, SPELLING[m.toLowerCase()]));
  if (us !== base.answer) return us;
  return changed(base.answer, base.answer.replace(US_RE, (m) => keepCase(m, US_TO_UK[m.toLowerCase()])));
}

/** The answer as bullet notes: one sentence a line, no full stops. */
export function bullets(base) {
  return changed(base.answer, sentences(base.answer).map((s) => `- ${s.replace(/[.]$/, '')}`).join('\n'));
}

// ---- DIRECTIONAL ----

const RESULTS = [
  'As a result, complaints about it dropped by 40% over the next 2 months.',
  'Because of that, the customer has come back to us 4 times in the last year.',
  'In the end it saved the customer £120, and they wrote to my manager to say so.',
];

/** A checkable result with a number, at the end. */
export function addResult(base, seed) {
  return `${base.answer} ${pick(rng(seed), RESULTS)}`;
}

/** The result sentence(s) taken out. */
export function removeResult(base) {
  if (base.result.length === 0) return null;
  let out = base.answer;
  for (const s of base.result) out = out.replace(s, '');
  return changed(base.answer, out.replace(/\s+/g, ' ').trim());
}

/** The key actions given to a colleague: "my colleague Sam asked...". */
export function toColleague(base) {
  let named = false;
  const out = rewriteKeys(base, (k, _i, atStart) => {
    const p = splitKey(k);
    if (!p) return null;
    const who = named ? 'Sam' : atStart ? 'My colleague Sam' : 'my colleague Sam';
    named = true;
    const verb = p.conditional ? `would ${p.adverb}${p.verb}` : `${p.adverb}${p.verb}`;
    return `${who} ${verb}${p.rest.replace(/\bI\b/g, 'he').replace(/\bmy\b/g, 'his')}`;
  });
  // "Sam did it myself" -> "Sam did it himself"
  return out && sentences(out).map((s) => (/\bSam\b/.test(s) ? s.replace(/\bmyself\b/g, 'himself') : s)).join(' ');
}

/** The key actions negated: "I didn't ask...", "I wouldn't ring...". */
export function negate(base) {
  return rewriteKeys(base, (k) => {
    const p = splitKey(k);
    if (!p) return null;
    if (p.conditional) return `I wouldn't ${p.adverb}${p.verb}${p.rest}`;
    const lemma = PAST[p.verb];
    if (!lemma) return null;
    return `I didn't ${p.adverb}${lemma}${p.rest}`;
  });
}

// Verbs that set the scene ("when I worked at...") stay in the past: the candidate's job is real.
const SETTING = new Set(['worked', 'ran']);

/** A behavioural story retold as what the candidate would do: "I asked" -> "I would ask". */
export function hypothetical(base) {
  if (base.kind !== 'behavioural') return null;
  const re = new RegExp(`\\bI ((?:(?:${ADVERBS.join('|')}) )?)(\\w+)\\b`, 'g');
  const out = sentences(base.answer).map((s) => {
    const t = s.replace(re, (m, adv, verb) => (PAST[verb] && !SETTING.has(verb) ? `I would ${adv}${PAST[verb]}` : m));
    // later verbs of the same clause chain follow: "I would go through it and explain"
    return t === s ? s : t.replace(/\b(and|then) (\w+)\b/g, (m, conj, verb) => (PAST[verb] ? `${conj} ${PAST[verb]}` : m));
  });
  return changed(base.answer, out.join(' '));
}

const BLAME = [
  'Honestly the mix-up was his doing, and the other shift should have caught it.',
  'To be fair it was the warehouse that messed up, not me, they never check anything.',
  'If the customer had read the email properly it would never have happened.',
];

/** Blame in everyday words, after the first sentence. */
export function blame(base, seed) {
  const ss = sentences(base.answer);
  ss.splice(1, 0, pick(rng(seed), BLAME));
  return ss.join(' ');
}

/** An excuse before the first key action ("We were short-staffed, so ..."). */
export function excuse(base) {
  const ss = sentences(base.answer);
  const first = base.key[0];
  let i = first ? ss.findIndex((s) => s.includes(first)) : -1;
  if (i < 0) i = Math.min(1, ss.length - 1);
  ss[i] = `We were short-staffed, so ${lowerFirst(ss[i])}`;
  return ss.join(' ');
}

const WE = { I: 'we', "I'd": "we'd", "I'm": "we're", "I've": "we've", me: 'us', my: 'our', My: 'Our', myself: 'ourselves', mine: 'ours' };
const WE_RE = new RegExp(`(?<![\\w'])(${Object.keys(WE).map(escapeRe).join('|')})(?![\\w'])`, 'g');

/** Every "I" turned into "we" (me/my/myself too). */
export function allWe(base) {
  const out = base.answer.replace(WE_RE, (m) => WE[m]).replace(/(^|[.!?]\s+)we/g, (m, p) => `${p}We`);
  return changed(base.answer, out);
}

/** A sale pushed to hit a target. */
export function upsell(base) {
  const s =
    base.kind === 'situational'
      ? "I'd also get them to take the premium cover while they're with me, because I'd need to hit my monthly target."
      : 'While they were there I also got them to take the premium cover, because I was behind on my monthly target.';
  return `${base.answer} ${s}`;
}

/** High behaviours added to an answer: probing, two options, a follow-up call, a process fix. */
const ADDS = {
  probe: {
    past: 'Before doing anything I asked what they actually needed it for and what would make the biggest difference to them.',
    would: "Before doing anything I'd ask what they actually need it for and what would make the biggest difference to them.",
    early: true,
  },
  options: {
    past: 'I gave them two options to choose from and checked that the one they picked really suited them.',
    would: "I'd give them two options to choose from and check that the one they pick really suits them.",
  },
  followUp: {
    past: 'I rang them a few days later to check everything was still working for them.',
    would: "I'd ring them a few days later to check everything is still working for them.",
  },
  processFix: {
    past: 'Afterwards I changed our checklist so the same thing could not happen to any other customer.',
    would: "Afterwards I'd change our checklist so the same thing can't happen to any other customer.",
  },
};

export function addHigh(which) {
  return (base) => {
    const add = ADDS[which];
    const s = base.kind === 'situational' ? add.would : add.past;
    const ss = sentences(base.answer);
    if (add.early) {
      ss.splice(1, 0, s);
    } else {
      const r = ss.findIndex((x) => base.result.some((res) => res.startsWith(x) || x.startsWith(res)));
      ss.splice(r < 0 ? ss.length : r, 0, s);
    }
    return ss.join(' ');
  };
}
