import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/core/text/sentences.js';
import { tokenize } from '../../src/core/text/tokenize.js';
import { score } from './rubric-fixture.js';

const sentences = (text: string): string[] => splitSentences(text, tokenize(text)).map((s) => text.slice(s.start, s.end));

describe('sentences with the punctuation left out', () => {
  it('a capitalised opener after a lower-case word starts a sentence', () => {
    expect(sentences('we had one of our best nights for takings It really showed me how teamwork helps')).toEqual([
      'we had one of our best nights for takings', 'It really showed me how teamwork helps',
    ]);
  });
  it.each([
    ['names and "I" are capitalised anywhere', 'I rang Jess and I asked Tom what he needed'],
    ['a capital after a capital (a title) is not a break', 'I rang Head Office The Team said yes'],
  ])('%s', (_name, text) => {
    expect(sentences(text)).toHaveLength(1);
  });
  it('the same story keeps its level with and without punctuation', () => {
    const q = 'Tell me about a time you worked as part of a team to serve customers under pressure.';
    const story = 'At a festival bar two of our three card machines stopped working. Our supervisor got on the radio. Jess ran over with two spare machines. The supervisor split the queue into card and cash lines. Honestly, the team were brilliant. Within twenty minutes the queue was back to normal. It really showed me how good teamwork can turn things round.';
    const bare = story.replace(/[.,]/g, '');
    expect(score(q, bare).level).toBe(score(q, story).level);
    expect(score(q, story).level).toBe('low');
  });
});
