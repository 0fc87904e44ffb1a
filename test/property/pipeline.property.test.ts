import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assess.js';
import { MAX_ANALYSED_CHARS } from '../../src/core/text/analyse.js';
import { rubric } from '../unit/rubric-fixture.js';

const QUESTIONS = ['Tell me about a time you helped a customer.', 'How would you handle an angry customer?', 'What does service mean to you?', ''];

// Strings that stress a text pipeline: emoji, right-to-left scripts, control characters, CRLF, a BOM.
const tricky = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', '\uFEFF', '\r\n\r\n', '😀👍🏽 I asked why 🤔', 'שלום I asked her why مرحبا', '\u0000\u0007\u001b[31m', "I didn't'''", '...', '#%$', 'I I I I I I'),
  fc.array(fc.constantFrom('I', 'asked', 'her', 'why', "didn't", 'never', 'would', ',', '.', 'and', 'the', 'manager', 'policy', "that's", '30%', 'two', '\n', '\r\n', ' '), { maxLength: 200 }).map((w) => w.join(' ')),
);

describe('the scoring pipeline on arbitrary strings', () => {
  it('never throws and always returns a valid assessment', () => {
    fc.assert(fc.property(tricky, fc.constantFrom(...QUESTIONS), (answer, question) => {
      const a = assess({ question, answer }, rubric());
      expect(['low', 'medium', 'high']).toContain(a.level);
      expect(a.score).toBeGreaterThanOrEqual(0);
      expect(a.score).toBeLessThanOrEqual(100);
      for (const f of a.indicators) for (const e of f.evidence) expect(answer.slice(e.start, e.end)).toBe(e.text);
      for (const part of Object.values(a.star)) for (const s of part.spans) expect(answer.slice(s.start, s.end)).toBe(s.text);
    }), { numRuns: 300 });
  });

  it('is deterministic', () => {
    fc.assert(fc.property(tricky, fc.constantFrom(...QUESTIONS), (answer, question) => {
      expect(assess({ question, answer }, rubric())).toEqual(assess({ question, answer }, rubric()));
    }), { numRuns: 200 });
  });

  it('does bounded work on huge inputs: only the first MAX_ANALYSED_CHARS are analysed', () => {
    // A 1 MB answer: the evidence it reports never reaches past the analysed prefix, so the work
    // done is bounded by the prefix, not by the input (speed itself is measured by npm run bench).
    const unit = 'At the shop I asked her why she needed it, and I offered two options. ';
    const huge = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const a = assess({ question: QUESTIONS[0]!, answer: huge }, rubric());
    const ends = a.indicators.flatMap((f) => f.evidence.map((e) => e.end));
    expect(huge.length).toBeGreaterThan(1_000_000);
    expect(Math.max(...ends)).toBeLessThanOrEqual(MAX_ANALYSED_CHARS);
    expect(a.level).toBe('medium');
  });

  it('scores CRLF text as it scores LF text', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('At the bank a woman came in.', 'I asked what she was saving for.', 'I gave her two options.', 'She came back a month later.'), { minLength: 1, maxLength: 6 }), (lines) => {
      const lf = assess({ question: QUESTIONS[0]!, answer: lines.join('\n') }, rubric());
      const crlf = assess({ question: QUESTIONS[0]!, answer: lines.join('\r\n') }, rubric());
      expect(crlf.level).toBe(lf.level);
      expect(crlf.indicators.map((f) => f.id)).toEqual(lf.indicators.map((f) => f.id));
    }), { numRuns: 100 });
  });
});

describe('the ASCII tokenizer', () => {
  it('gives the same tokens as the Unicode pattern on printable ASCII', async () => {
    const { tokenizeAscii, tokenizeUnicode } = await import('../../src/core/text/tokenize.js');
    const printable = fc.string({ unit: fc.constantFrom(...' \n\tabcXYZ\'-.,!?%0123456789didn\'t one-page 30% 2.5'.split('')) });
    fc.assert(fc.property(printable, (text) => {
      expect(tokenizeAscii(text)).toEqual(tokenizeUnicode(text));
    }), { numRuns: 500 });
  });
});
