// Closed-class English word lists used by the clause analyser. These are grammar, not rubric
// content: rubric cues live in rubrics/*.yaml.

export const SELF = new Set(['i', "i'd", "i've", "i'll", "i'm", 'me', 'myself']);
export const SELF_SUBJECT = new Set(['i', "i'd", "i've", "i'll", "i'm", 'myself']);
export const TEAM_SUBJECT = new Set(['we', "we'd", "we've", "we'll", "we're"]);
export const OTHER_SUBJECT = new Set([
  'he', 'she', 'they', 'it', 'you', 'there', 'this', 'that', 'everyone', 'nobody', 'somebody', 'someone',
  "he'd", "she'd", "they'd", "it's", "he's", "she's", "they're", "you'd", "you're", "there's", "that's",
  'who', 'which', 'people', 'customers', 'staff', "he'll", "she'll", "they'll", "you'll", "they've", "you've",
]);
/** Words that open a noun phrase; at the start of a clause the phrase is usually its subject. */
export const DETERMINERS = new Set(['my', 'the', 'our', 'his', 'her', 'their', 'a', 'an', 'one', 'some', 'most', 'all', 'every', 'each', 'your', 'its', 'both', 'two', 'three', 'any', 'several', 'many', 'another']);

export const NEGATORS = new Set([
  'not', 'never', 'no', "didn't", "don't", "doesn't", "wasn't", "weren't", "couldn't", "can't", 'cannot',
  "won't", "wouldn't", "hadn't", "haven't", "hasn't", "isn't", "aren't", "shouldn't", 'didnt', 'dont', 'wasnt',
  'couldnt', 'cant', 'wont', 'wouldnt', 'without', 'nor', 'neither', 'instead', 'rather', 'none', 'nobody',
]);
/** Modal verbs that make a clause hypothetical ("I would ask", "I'll check"). */
export const MODALS = new Set(['would', "i'd", "we'd", 'will', "i'll", "we'll", 'could', 'should', 'might', 'may', 'must', "you'd", "they'd", "he'd", "she'd", "he'll", "she'll", "they'll", "you'll", "it'll"]);
export const CONDITIONALS = new Set(['if', 'unless', 'whenever', 'imagine', 'suppose', 'supposing', 'say']);
export const HABITUAL = new Set(['always', 'usually', 'normally', 'generally', 'often', 'typically', 'tend', 'whenever', 'sometimes']);

/** Words at which a sentence is cut into clauses (besides punctuation). */
/** Words that join a clause on to the one before as a new event: "and rang her", "then she left". */
export const COORDINATORS = new Set(['and', 'but', 'so', 'then', 'or', 'also']);
export const CLAUSE_BREAKS = new Set(['and', 'but', 'so', 'because', 'while', 'when', 'which', 'who', 'although', 'though', 'until', 'before', 'after', 'then', 'or', 'since', 'whereas', 'plus', 'also']);

/** Verbs that describe a state or a thought, not an action the candidate took. */
export const STATIVE = new Set([
  'be', 'am', 'is', 'are', 'was', 'were', 'been', 'being', "i'm", 'think', 'thought', 'believe', 'believed', 'feel', 'felt',
  'know', 'knew', 'like', 'liked', 'love', 'loved', 'want', 'wanted', 'hope', 'hoped', 'have', 'had', 'has', 'guess',
  'suppose', 'mean', 'meant', 'seem', 'seemed', 'remember', 'forget', 'can', 'could', 'would', 'will', 'should', 'might',
  'must', 'may', 'get', 'got', 'enjoy', 'enjoyed', 'prefer', 'need', 'needed', 'try', 'tried', 'work', 'worked', 'working',
]);

export const IRREGULAR_PAST = new Set([
  'went', 'came', 'told', 'said', 'gave', 'took', 'made', 'got', 'found', 'rang', 'sent', 'brought', 'bought', 'thought',
  'kept', 'left', 'ran', 'sat', 'stood', 'spoke', 'wrote', 'drew', 'knew', 'saw', 'felt', 'paid', 'met', 'sold', 'chose',
  'caught', 'taught', 'lent', 'spent', 'became', 'began', 'did', 'had', 'was', 'were', 'heard', 'held', 'understood',
  'forgot', 'fell', 'built', 'won', 'lost', 'meant', 'led', 'drove', 'rode', 'grew', 'threw', 'woke', 'wore', 'broke',
  'swapped', 'dealt', 'stuck', 'hung', 'rose', 'struck', 'sought', 'fought', 'shook', 'slept', 'swore', 'tore', 'stole',
  'hid', 'fed', 'flew', 'forgave', 'froze', 'bit', 'blew', 'bent', 'bled', 'bore', 'lay', 'laid', 'lit', 'overheard',
  'overtook', 'undertook', 'withdrew', 'oversaw', 'rebuilt', 'rewrote', 'redid', 'sang', 'sank', 'shot', 'shut', 'split',
  'spread', 'put', 'set', 'let', 'cut', 'sprang', 'stank', 'strove', 'swam', 'swept', 'swung', 'wept', 'wound', 'upheld', 'mislaid', 'misunderstood',
]);

// Clause-analysis word lists ("It's not my job", "that's the policy": IMPERSONAL is the speaker's
// own voice, with no person as subject).
export const IMPERSONAL = new Set(['it', "it's", 'that', "that's", 'this', "this's", 'there', "there's", 'rules', 'policy']);
export const PERSONAL = new Set(['he', 'she', 'they', "he'd", "she'd", "they'd", "he's", "she's", "they're", "he'll", "she'll", "they'll"]);
/** Subject-only pronouns: each opens a clause of its own. */
export const NOMINATIVE = new Set([
  'i', "i'd", "i've", "i'll", "i'm", 'we', "we'd", "we've", "we'll", "we're", 'he', 'she', 'they', "he'd", "she'd",
  "they'd", "he's", "she's", "they're", "he'll", "she'll", "they'll", "they've",
]);
/** Words a subject pronoun follows inside one clause: "what she needed", "that i could", "than we". */
export const CONTINUES_BEFORE_SUBJECT = new Set([
  'what', 'why', 'how', 'where', 'who', 'whom', 'whose', 'which', 'whether', 'that', 'than', 'if', 'unless', 'whatever',
  'whichever', 'whoever', 'wherever', 'whenever', 'like', 'as', 'where', 'even', 'though', 'until', 'till', 'till', 'once',
]);
/** Verbs of saying and thinking whose object is a clause: "said I could", "told him he'd". */
export const REPORTING = new Set([
  'say', 'said', 'says', 'tell', 'told', 'tells', 'explain', 'explained', 'promise', 'promised', 'think', 'thought', 'know',
  'knew', 'realise', 'realised', 'realize', 'realized', 'notice', 'noticed', 'hope', 'hoped', 'reckon', 'reckoned',
  'assure', 'assured', 'reassured', 'warn', 'warned', 'agree', 'agreed', 'mention', 'mentioned', 'admit', 'admitted',
  'suggest', 'suggested', 'decide', 'decided', 'figured', 'felt', 'feel', 'sure', 'guess', 'guessed', 'meant', 'mean',
  'believe', 'believed', 'worried', 'afraid', 'glad', 'saw', 'see', 'found', 'learned', 'learnt', 'remember', 'remembered',
  'wish', 'wished', 'bet', 'swear', 'swore', 'insisted', 'claimed', 'replied', 'answered', 'confirmed', 'pointed',
]);
/**
 * Base forms of verbs people use as steps without a subject ("Apologise, then ask what went
 * wrong"; "- ring her back"). A clause with no subject that opens on one is the speaker's own step.
 */
export const IMPERATIVES = new Set([
  'apologise', 'apologize', 'ask', 'listen', 'offer', 'check', 'call', 'ring', 'phone', 'email', 'text', 'explain', 'find',
  'help', 'give', 'tell', 'thank', 'follow', 'book', 'arrange', 'refund', 'replace', 'fix', 'sort', 'make', 'take', 'try',
  'keep', 'contact', 'let', 'show', 'go', 'get', 'put', 'send', 'note', 'log', 'speak', 'talk', 'acknowledge', 'confirm',
  'stay', 'suggest', 'look', 'agree', 'escalate', 'update', 'write', 'flag', 'reassure', 'treat', 'stop', 'start', 'set',
  'use', 'probe', 'understand', 'remember', 'walk', 'bring', 'move', 'calm', 'sit', 'stand', 'greet', 'welcome', 'smile',
  'repeat', 'summarise', 'summarize', 'clarify', 'recommend', 'advise', 'propose', 'raise', 'record', 'chase', 'review',
  'train', 'coach', 'ensure', 'investigate', 'resolve', 'reply', 'respond', 'invite', 'swap', 'change', 'add', 'print',
  'pull', 'order', 'source', 'deliver', 'collect', 'visit', 'meet', 'plan', 'prepare', 'share', 'spot', 'test', 'double-check',
]);
export const SUBORDINATORS = new Set(['when', 'after', 'before', 'once', 'while', 'as', 'if', 'because', 'since', 'until']);
export const LEADING_SKIP = new Set([
  'and', 'but', 'so', 'then', 'also', 'first', 'firstly', 'second', 'next', 'finally', 'just', 'later',
  'afterwards', 'even', 'still', 'really', 'actually', 'only', 'immediately', 'quickly', 'because', 'when', 'while',
  'after', 'before', 'although', 'though', 'until', 'since', 'or', 'plus', 'that', 'honestly', 'personally', 'basically',
  'obviously', 'now', 'once', 'straight', 'away', 'yes', 'no', 'well', 'okay', 'ok', 'of', 'course', 'whereas',
]);
export const PREPOSITIONS = new Set(['instead', 'rather', 'without', 'at', 'in', 'on', 'during', 'for', 'with', 'as', 'from', 'to', 'by', 'like', 'over', 'within', 'over', 'about', 'into', 'through', 'throughout', 'under', 'last', 'this', 'every', 'each', 'one', 'most', 'some']);
/** Nouns for people (and the teams they form): a clause whose subject is one is someone else's doing. */
export const SUBJECT_NOUNS = new Set([
  'customer', 'customers', 'manager', 'managers', 'supervisor', 'supervisors', 'colleague', 'colleagues', 'chef', 'chefs',
  'member', 'members', 'woman', 'women', 'man', 'men', 'lady', 'ladies', 'gentleman', 'guy', 'boy', 'girl', 'child',
  'children', 'kids', 'client', 'clients', 'boss', 'team', 'teams', 'staff', 'crew', 'owner', 'kitchen', 'company', 'mum',
  'dad', 'mother', 'father', 'parents', 'son', 'daughter', 'wife', 'husband', 'brother', 'sister', 'friend', 'friends',
  'family', 'couple', 'group', 'people', 'everyone', 'nobody', 'someone', 'somebody', 'student', 'students', 'guest',
  'guests', 'caller', 'callers', 'patient', 'patients', 'passenger', 'visitor', 'visitors', 'volunteer', 'volunteers',
  'agent', 'agents', 'waiter', 'waiters', 'waitress', 'driver', 'drivers', 'cleaner', 'cleaners', 'nurse', 'nurses',
  'teacher', 'lecturer', 'receptionist', 'lead', 'leader', 'director', 'assistant', 'cashier', 'barista', 'engineer',
  'technician', 'doctor', 'department', 'office', 'head', 'user', 'users', 'shopper', 'tenant', 'landlord', 'organiser',
]);
export const ADVERB_BEFORE_VERB = new Set(['also', 'then', 'just', 'immediately', 'quickly', 'personally', 'really', 'even', 'still', 'actually', 'first', 'always', 'usually', 'normally', 'never', 'often', 'sometimes', 'already', 'simply', 'myself', 'straight', 'gently', 'calmly', 'politely', 'carefully', 'finally', 'eventually', 'later', 'again', 'quietly', 'only']);
export const BE = new Set(['was', 'were', 'am', 'is', 'are', "i'm", "we're", 'been', 'be']);
export const HAVE = new Set(['have', 'has', 'had', "i've", "we've", "i'd", "we'd"]);
export const DO = new Set(['did', 'do', 'does']);

/** Bit flags for the word classes the clause analyser tests on every token. */
export const W_NEG = 1;
export const W_MODAL = 2;
export const W_COND = 4;
export const W_HABIT = 8;
export const W_PAST = 16;
export const W_BREAK = 32;
export const W_SELF = 64;
export const W_TEAM = 1 << 7;
export const W_OTHER = 1 << 8;
export const W_DET = 1 << 9;
export const W_IMPERSONAL = 1 << 10;
export const W_PERSONAL = 1 << 11;
export const W_NOUN = 1 << 12;
export const W_PREP = 1 << 13;
export const W_LEAD = 1 << 14;
export const W_ADV = 1 << 15;
export const W_BE = 1 << 16;
export const W_HAVE = 1 << 17;
export const W_DO = 1 << 18;
export const W_SUB = 1 << 19;
export const W_STATIVE = 1 << 20;
export const W_NOMINATIVE = 1 << 21;
export const W_IMPERATIVE = 1 << 22;
/** The classes that set a clause's mood, tense and negation. */
export const W_MOOD = W_NEG | W_MODAL | W_COND | W_HABIT | W_PAST;

const classMemo = new Map<string, number>();

/** The word classes of a lower-case word, memoised: one lookup per token, then bit tests. */
export function wordClass(word: string): number {
  let v = classMemo.get(word);
  if (v === undefined) {
    v = (NEGATORS.has(word) || word.endsWith("n't") ? W_NEG : 0)
      | (MODALS.has(word) ? W_MODAL : 0)
      | (CONDITIONALS.has(word) ? W_COND : 0)
      | (HABITUAL.has(word) ? W_HABIT : 0)
      | (looksPast(word) ? W_PAST : 0)
      | (CLAUSE_BREAKS.has(word) ? W_BREAK : 0)
      | (SELF_SUBJECT.has(word) ? W_SELF : 0)
      | (TEAM_SUBJECT.has(word) ? W_TEAM : 0)
      | (OTHER_SUBJECT.has(word) ? W_OTHER : 0)
      | (DETERMINERS.has(word) ? W_DET : 0)
      | (IMPERSONAL.has(word) ? W_IMPERSONAL : 0)
      | (PERSONAL.has(word) ? W_PERSONAL : 0)
      | (SUBJECT_NOUNS.has(word) ? W_NOUN : 0)
      | (PREPOSITIONS.has(word) ? W_PREP : 0)
      | (LEADING_SKIP.has(word) ? W_LEAD : 0)
      | (ADVERB_BEFORE_VERB.has(word) ? W_ADV : 0)
      | (BE.has(word) ? W_BE : 0)
      | (HAVE.has(word) ? W_HAVE : 0)
      | (DO.has(word) ? W_DO : 0)
      | (SUBORDINATORS.has(word) ? W_SUB : 0)
      | (STATIVE.has(word) ? W_STATIVE : 0)
      | (NOMINATIVE.has(word) ? W_NOMINATIVE : 0)
      | (IMPERATIVES.has(word) ? W_IMPERATIVE : 0);
    if (classMemo.size < 50_000) classMemo.set(word, v);
  }
  return v;
}

/** A word test memoised per word, with a bounded memo (answers can hold any number of words). */
function memoised(test: (word: string) => boolean, limit = 20_000): (word: string) => boolean {
  const memo = new Map<string, boolean>();
  return (word) => {
    let v = memo.get(word);
    if (v === undefined) {
      v = test(word);
      if (memo.size < limit) memo.set(word, v);
    }
    return v;
  };
}

/** Past participles that follow "I'd" in the past perfect ("I'd sold"), not the conditional ("I'd sell"). */
export const looksPastParticiple = memoised(participle);

/** A past-tense verb form, regular or irregular. */
export const looksPast = memoised(past);

function participle(word: string): boolean {
  return /[a-z]{2,}ed$/.test(word) || IRREGULAR_PAST.has(word) || /[a-z]+(en|wn|ne|un)$/.test(word) && !['open', 'listen', 'then', 'when', 'even', 'own', 'town', 'down', 'one', 'done'].includes(word) || word === 'done' || word === 'been';
}

function past(word: string): boolean {
  return IRREGULAR_PAST.has(word) || (/[a-z]{2,}ed$/.test(word) && !['need', 'feed', 'seed', 'speed', 'bed', 'red', 'shed', 'indeed', 'proceed', 'exceed', 'succeed', 'breed', 'weed', 'hundred'].includes(word));
}
