import { describe, expect, it } from 'vitest';
import { readShorthand } from '../../src/core/text/shorthand.js';
import { tokenize } from '../../src/core/text/tokenize.js';
import { score } from './rubric-fixture.js';

const read = (text: string): string[] => readShorthand(tokenize(text)).map((t) => t.norm);

describe('note shorthand read as words', () => {
  it.each([
    ['rang cust back w/ update', ['rang', 'cust', 'back', 'with', 'update']],
    ['left w/o paying', ['left', 'without', 'paying']],
    ['refunded b/c late', ['refunded', 'because', 'late']],
    ['took to TL + comms', ['took', 'to', 'tl', 'and', 'comms']],
    ['calls & emails', ['calls', 'and', 'emails']],
    ['~30 calls/wk', ['about', '30', 'calls', '/', 'week']],
    ['2 wks, thru the mgr', ['2', 'weeks', ',', 'through', 'the', 'manager']],
  ])('%s', (text, words) => {
    expect(read(text)).toEqual(words);
  });
  it('keeps what is not shorthand: "w" alone, "+" beside a number, "~" away from a number', () => {
    expect(read('row w, 3 + 4, ~ ok')).toEqual(['row', 'w', ',', '3', '+', '4', ',', '~', 'ok']);
  });
  it('keeps each word at its place in the answer', () => {
    const t = readShorthand(tokenize('sat w/ her'));
    expect(t.map((x) => [x.start, x.end])).toEqual([[0, 3], [4, 6], [7, 10]]);
  });
  it('a note in shorthand scores as the same note written out', () => {
    const q = 'Tell me about a time the same customer problem kept coming up and you did something about it.';
    const short = '- ~30 calls/wk from staff locked out after new phone\n- rang a few callers back w/ questions -> real issue = nobody tells them to move the app\n- wrote 1-page guide + got it in staff newsletter\n- calls down from 30 to 6/wk by end of term';
    const long = '- about 30 calls a week from staff locked out after new phone\n- rang a few callers back with questions -> real issue = nobody tells them to move the app\n- wrote 1-page guide and got it in staff newsletter\n- calls down from 30 to 6 a week by end of term';
    expect(score(q, short).level).toBe(score(q, long).level);
    expect(score(q, short).level).toBe('high');
  });
});
