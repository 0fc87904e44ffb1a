import { describe, expect, it } from 'vitest';
import { slipOf } from '../../src/core/text/typos.js';
import { stem } from '../../src/core/text/stem.js';
import { score } from './rubric-fixture.js';

// Misspellings read back to the cue word they slip from, and only then. The bundled rubric is
// compiled first (score() does), so the cue words are known.
describe('slips of cue words', () => {
  score('Tell me about a time you helped a customer.', 'I helped.');
  it.each([
    ['wether', 'whether'], // a letter missing
    ['askd', 'asked'],
    ['manageer', 'manager'], // a letter too many
    ['sennd', 'send'], // a doubled letter in a short word
    ['hosptial', 'hospital'], // two letters swapped
  ])('reads "%s" as "%s"', (slip, word) => {
    expect(slipOf(slip)).toBe(stem(word));
  });
  it.each([
    ['abc'], // too short to tell
    ['lindqvist'], // nothing close
    ['don\'t'], // not letters only
  ])('leaves "%s" alone', (word) => {
    expect(slipOf(word)).toBeNull();
  });
});

describe('an answer with typos keeps its level', () => {
  const Q = 'Give an example of a problem you solved for a customer when the usual policy did not fit their situation.';
  const clean = 'I was a returns supervisor in a department store when a man brought back an unopened coffee machine 47 days after buying it; our limit was 28 days. He had bought it for his father, who went into hospital. I asked whether he would rather have a refund or store credit, and mentioned a smaller machine that might suit a care home. He took the refund and bought the small machine. Afterwards I asked the store manager whether we could add a written rule for returns delayed by a hospital stay, so colleagues did not have to guess. It went into the returns guide the next month, and he wrote in to thank us.';
  const typed = clean.replace('whether he', 'wether he').replace('asked the store manager whether', 'askd the store manger wether').replace('mentioned', 'mentiond').replace('hospital', 'hosptial').replace('colleagues', 'colleages');
  it('the same level and score band with and without the slips', () => {
    const a = score(Q, clean);
    const b = score(Q, typed);
    expect(a.level).toBe('high');
    expect(b.level).toBe(a.level);
  });
});
