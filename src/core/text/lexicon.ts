// Closed-class English word lists used by the clause analyser. These are grammar, not rubric
// content: rubric cues live in rubrics/*.yaml.

export const SELF = new Set(['i', "i'd", "i've", "i'll", "i'm", 'me', 'myself']);
export const SELF_SUBJECT = new Set(['i', "i'd", "i've", "i'll", "i'm", 'myself']);
export const TEAM_SUBJECT = new Set(['we', "we'd", "we've", "we'll", "we're"]);
export const OTHER_SUBJECT = new Set([
  'he', 'she', 'they', 'it', 'you', 'there', 'this', 'that', 'everyone', 'nobody', 'somebody', 'someone',
  "he'd", "she'd", "they'd", "it's", "he's", "she's", "they're", "you'd", "you're", "there's", "that's",
  'who', 'which', 'people', 'customers', 'staff',
]);
/** Words that open a noun phrase; at the start of a clause the phrase is usually its subject. */
export const DETERMINERS = new Set(['my', 'the', 'our', 'his', 'her', 'their', 'a', 'an', 'one', 'some', 'most', 'all', 'every', 'each', 'your', 'its', 'both', 'two', 'three', 'any', 'several', 'many', 'another']);

export const NEGATORS = new Set([
  'not', 'never', 'no', "didn't", "don't", "doesn't", "wasn't", "weren't", "couldn't", "can't", 'cannot',
  "won't", "wouldn't", "hadn't", "haven't", "hasn't", "isn't", "aren't", "shouldn't", 'didnt', 'dont', 'wasnt',
  'couldnt', 'cant', 'wont', 'wouldnt', 'without', 'nor', 'neither', 'instead', 'rather',
]);
/** Modal verbs that make a clause hypothetical ("I would ask", "I'll check"). */
export const MODALS = new Set(['would', "i'd", "we'd", 'will', "i'll", "we'll", 'could', 'should', 'might', 'may', 'must', "you'd", "they'd", "he'd", "she'd"]);
export const CONDITIONALS = new Set(['if', 'unless', 'whenever', 'imagine', 'suppose', 'supposing', 'say']);
export const HABITUAL = new Set(['always', 'usually', 'normally', 'generally', 'often', 'typically', 'tend', 'whenever', 'sometimes']);

/** Words at which a sentence is cut into clauses (besides punctuation). */
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
  'spread', 'sprang', 'stank', 'strove', 'swam', 'swept', 'swung', 'wept', 'wound', 'upheld', 'mislaid', 'misunderstood',
]);

/** Bit flags for the word classes the clause analyser tests on every token. */
export const W_NEG = 1;
export const W_MODAL = 2;
export const W_COND = 4;
export const W_HABIT = 8;
export const W_PAST = 16;
export const W_BREAK = 32;
export const W_SELF = 64;

const classMemo = new Map<string, number>();

/** The word classes of a lower-case word, memoised: one lookup per token instead of five. */
export function wordClass(word: string): number {
  let v = classMemo.get(word);
  if (v === undefined) {
    v = (NEGATORS.has(word) || word.endsWith("n't") ? W_NEG : 0)
      | (MODALS.has(word) ? W_MODAL : 0)
      | (CONDITIONALS.has(word) ? W_COND : 0)
      | (HABITUAL.has(word) ? W_HABIT : 0)
      | (looksPast(word) ? W_PAST : 0)
      | (CLAUSE_BREAKS.has(word) ? W_BREAK : 0)
      | (SELF_SUBJECT.has(word) ? W_SELF : 0);
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
