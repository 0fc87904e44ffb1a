// The words each reading pass over the tokens looks for, kept in one place so that a token can
// carry, from the tokenizer's memo, a bit per pass that may concern it. A pass then tests one bit
// per token instead of looking every word up in its list (four lookups a token were a tenth of
// the time spent scoring an answer).

/** Note shorthand read as the word it stands for (shorthand.ts); "w/", "b/c", "w/o" start with w or b. */
export const SHORTHAND_WORDS = new Map<string, string>(Object.entries({
  thru: 'through', ppl: 'people', pls: 'please', plz: 'please', wk: 'week', wks: 'weeks', mins: 'minutes',
  hrs: 'hours', approx: 'about', mgr: 'manager', mgrs: 'managers', cx: 'customer', custs: 'customers',
  msg: 'message', msgs: 'messages', msgd: 'messaged', tmrw: 'tomorrow', yday: 'yesterday', dept: 'department',
  appt: 'appointment', appts: 'appointments', convo: 'conversation', probs: 'problems', govt: 'government',
  pg: 'page', pgs: 'pages',
}));

/** Contractions typed without their apostrophe that are not also English words (apostrophes.ts). */
export const DROPPED_APOSTROPHES = new Map<string, string>(Object.entries({
  im: "i'm", ive: "i've", dont: "don't", didnt: "didn't", doesnt: "doesn't", wasnt: "wasn't", werent: "weren't",
  couldnt: "couldn't", wouldnt: "wouldn't", shouldnt: "shouldn't", wont: "won't", isnt: "isn't", arent: "aren't",
  havent: "haven't", hasnt: "hasn't", hadnt: "hadn't", thats: "that's", theyre: "they're", youre: "you're",
  theyd: "they'd", youd: "you'd", theyve: "they've", weve: "we've", youve: "you've", hes: "he's", shes: "she's",
  theres: "there's", whats: "what's",
}));

/** Fillers that are never part of the sentence (fillers.ts). */
export const ALWAYS_FILLERS = new Set(['um', 'umm', 'uh', 'uhh', 'uhm', 'erm', 'er', 'ehm', 'hmm', 'mm', 'ah', 'eh']);
/** Words that start a filler only in some places: "you know", "like", "i mean", "kind of", "sort of". */
const FILLER_STARTS = new Set(['you', 'like', 'i', 'kind', 'sort']);

// Common English function words, none of which is also a common word in Spanish, French, German,
// Italian or Portuguese ("a", "me", "die", "son" are left out for that reason): english.ts.
const ENGLISH = new Set([
  'the', 'and', 'i', 'to', 'of', 'was', 'it', 'he', 'she', 'in', 'that', 'for', 'my', 'with', 'on', 'we', 'they', 'but',
  'so', 'at', 'her', 'his', 'is', 'be', 'had', 'have', 'not', 'what', 'were', 'you', 'him', 'them', 'this', 'would',
  'there', 'their', 'our', 'from', 'an', 'when', 'if', 'could', 'did', 'then', 'which', 'who', 'because', 'about',
  "i'd", "i'm", 'just', 'out', 'up', 'all', 'get', 'got', 'said', 'customer', 'customers', 'been', "it's",
]);

export const M_SHORTHAND = 1;
export const M_APOSTROPHE = 2;
export const M_FILLER = 4;
export const M_ENGLISH = 8;

/** The passes a lower-case word concerns, one bit each (computed once per word by the tokenizer's memo). */
export function wordMarks(norm: string): number {
  return (SHORTHAND_WORDS.has(norm) || norm === 'w' || norm === 'b' ? M_SHORTHAND : 0)
    | (DROPPED_APOSTROPHES.has(norm) || norm === 'id' ? M_APOSTROPHE : 0)
    | (ALWAYS_FILLERS.has(norm) || FILLER_STARTS.has(norm) ? M_FILLER : 0)
    | (ENGLISH.has(norm) ? M_ENGLISH : 0);
}

/** The same for a punctuation mark: "&", "+" and "~" are shorthand for "and" and "about". */
export function markMarks(mark: string): number {
  return mark === '&' || mark === '+' || mark === '~' ? M_SHORTHAND : 0;
}
