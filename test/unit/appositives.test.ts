import { describe, expect, it } from 'vitest';
import { joinAppositives } from '../../src/core/text/appositives.js';
import { tokenize } from '../../src/core/text/tokenize.js';
import { score } from './rubric-fixture.js';

const read = (text: string): string => joinAppositives(tokenize(text)).map((t) => t.norm).join(' ');

describe('a name set off by commas after its noun', () => {
  it.each([
    ['I asked the team leader, Marek, what was wrong', 'i asked the team leader marek what was wrong'],
    ['our buyer, Lena Ross, rang back', 'our buyer lena ross rang back'],
  ])('is read as part of its clause: %s', (text, words) => {
    expect(read(text)).toBe(words);
  });
  it.each([
    ['I rang Sue, Tom, and Ann', 'i rang sue , tom , and ann'],
    ['In March, Tom, our manager, left', 'in march , tom , our manager , left'],
    ['I asked the lead, Sam, What now', 'i asked the lead , sam , what now'],
  ])('keeps its commas where it is not one: %s', (text, words) => {
    expect(read(text)).toBe(words);
  });
  it('keeps each word at its place in the answer', () => {
    expect(joinAppositives(tokenize('the lead, Sam, said')).map((t) => t.start)).toEqual([0, 4, 10, 15]);
  });
  it('lets a cue reach across the name: asking the colleague what held them up is the candidate asking', () => {
    const q = 'Describe a situation where another team was slowing down what you needed to do for a customer.';
    const a = 'At the warehouse the goods-in team kept missing our cut-off. I went over and asked their team leader, Marek, what was holding them up. It was one driver covering three aisles, so we agreed two of my pickers would cross-train on putaway. On-time despatch went from 81% to 98% within three weeks.';
    expect(score(q, a).indicators.find((f) => f.id === 'probes-need')?.counted).toBe(true);
  });
});
