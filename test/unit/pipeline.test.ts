import { describe, expect, it } from 'vitest';
import { CueSet } from '../../src/core/cues/cue-set.js';
import { compilePattern, CuePatternError } from '../../src/core/cues/pattern.js';
import { analyse } from '../../src/core/text/analyse.js';
import { tokenize } from '../../src/core/text/tokenize.js';
import { splitSentences } from '../../src/core/text/sentences.js';

function matches(cue: string, text: string): string[] {
  const set = new CueSet<true>();
  set.add(cue, true);
  const tokens = tokenize(text);
  return set.matchRange(tokens, 0, tokens.length).map((m) => text.slice(tokens[m.first]!.start, tokens[m.last - 1]!.end));
}

describe('cue patterns', () => {
  const table: Array<[string, string, string[]]> = [
    ['ask ... why|what', 'I asked her why she needed it', ['asked her why']],
    ['ask ... why|what', 'asking what she needed', ['asking what']],
    ['ask ... why|what', 'I asked, and why not', []], // gaps never cross punctuation
    ['ask ... why|what', 'I asked the very nice old lady from next door why', []], // gap of at most four words
    ['from # ... to #', 'calls fell from twelve a day to two', ['from twelve a day to two']],
    ['by #%', 'waste went down by 20%', ['by 20%']],
    ['=personally', 'I personally rang her', ['personally']],
    ['=personally', 'I am a people person', []],
    ["that's ... policy", "I told him that's the policy", ["that's the policy"]],
    ["that's ... policy", 'I told him that’s the policy', ['that’s the policy']],
    // A lone , ; or : matches that mark, so a cue can reach across one; a gap still cannot.
    ['decision|job , not mine', "it was the manager's decision, not mine.", ['decision, not mine']],
    ['decision|job , not mine', 'in his words, not mine', []],
    ['decision|job , not mine', 'the decision; not mine', []],
    ['said : sorry', 'I said: sorry about that', ['said: sorry']],
    ['asked ... , why', 'I asked her, why', ['asked her, why']],
  ];
  for (const [cue, text, want] of table) {
    it(`${cue} ~ ${text}`, () => expect(matches(cue, text)).toEqual(want));
  }
  it.each(['... ask', 'ask ...', '', 'ask £', ', ask', 'ask,', 'ask . why'])('rejects malformed cue %j', (cue) => {
    expect(() => compilePattern(cue)).toThrow(CuePatternError);
  });
});

describe('sentences', () => {
  it('splits on terminators and blank lines, not on abbreviations or line wraps', () => {
    const text = 'I met Mrs. Hughes at the shop.\nShe was upset! I asked why\nshe came in.\n\nNo sale';
    const tokens = tokenize(text);
    const s = splitSentences(text, tokens).map((r) => text.slice(r.start, r.end));
    expect(s).toEqual(['I met Mrs. Hughes at the shop.', 'She was upset!', 'I asked why\nshe came in.', 'No sale']);
  });
});

describe('clauses: subject, negation, mood', () => {
  const clause = (text: string, i = 0) => {
    const d = analyse(text);
    return { d, c: d.clauses[i]! };
  };
  it('first person past action', () => {
    const { c } = clause('I asked her what the cake was for.');
    expect([c.subject, c.mode, c.past, c.negatedFrom]).toEqual(['self', 'actual', true, -1]);
  });
  it("someone else's action", () => {
    expect(clause('My manager sorted it out for her.').c.subject).toBe('other');
  });
  it('a thing is not a person', () => {
    expect(clause('My job was to check guests in.').c.subject).toBe('impersonal');
  });
  it('negation', () => {
    const { c } = clause("I didn't ask why she needed it.");
    expect(c.negatedFrom).toBeGreaterThanOrEqual(0);
  });
  it('"instead of" negates only its own phrase', () => {
    const { d } = clause('Instead of reading it out I drew a timeline.');
    const drew = d.tokens.findIndex((t) => t.norm === 'drew');
    const c = d.clauses[d.clauseOf[drew]!]!;
    expect(c.subject).toBe('self');
    expect(c.negatedFrom < 0 || drew >= c.negatedTo).toBe(true);
  });
  it('hypothetical and habitual', () => {
    expect(clause("I'd ask what they need.").c.mode).toBe('hypothetical');
    expect(clause('I would ring them back.').c.mode).toBe('hypothetical');
    expect(clause('I always listen to customers.').c.mode).toBe('habitual');
  });
  it("past perfect \"I'd\" is not hypothetical", () => {
    const { c } = clause("I'd sold several pairs that morning.");
    expect(c.mode).toBe('actual');
    expect(c.past).toBe(true);
  });
  it('reported speech does not change the mood of the main clause', () => {
    expect(clause("I asked what they'd want.").c.mode).toBe('actual');
  });
  it('a clause without a subject inherits it', () => {
    const d = analyse('I refunded the fees, and then gave her two options.');
    expect(d.clauses.map((c) => c.subject)).toEqual(['self', 'self']);
  });
  it('a past story is a narrative; claims are not', () => {
    expect(analyse('At the shop a man came in. I asked what he needed and he chose the red one.').narrative).toBe(true);
    expect(analyse('I am a people person and I always help customers.').narrative).toBe(false);
  });
});
