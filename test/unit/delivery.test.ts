import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanWords } from '../../src/core/spoken-words.js';
import { DEFAULT_NORMS, estimateDelivery, findFillers, measureDelivery } from '../../src/core/delivery.js';
import { spokenText, type TranscriptCue } from '../../src/core/spoken-cues.js';
import { readTranscript } from '../../src/io/transcript.js';

const dir = new URL('../fixtures/transcripts/', import.meta.url);
const cuesOf = (name: string): TranscriptCue[] => {
  const r = readTranscript(readFileSync(new URL(name, dir), 'utf8'), name);
  if (!r.ok) throw new Error(r.error.message);
  return r.cues;
};
const cue = (start: number, end: number, text: string, speaker: string | null = null): TranscriptCue => ({ start, end, text, speaker });
const words = (n: number): string => Array.from({ length: n }, () => 'word').join(' ');
const phrases = (text: string): string[] => findFillers(text, DEFAULT_NORMS.fillers).map((f) => f.phrase);

describe('delivery measured from cue timings (figures worked out by hand)', () => {
  it('pace, pauses and fillers of a hand-timed answer', () => {
    // Cues 0-6 s (12 words), 6.5-12 s (10), 15.5-21 s (12), 23-30 s (10): 44 words in 30 s.
    const d = measureDelivery(cuesOf('delivery-hand-timed.vtt'));
    expect(d.estimated).toBe(false);
    expect(d.words).toBe(44);
    expect(d.speakingMs).toBe(30000);
    expect(d.pace).toEqual({ wordsPerMinute: 88, compared: 'below', usual: { min: 125, max: 150 }, slowestMinute: null, fastestMinute: null }); // 44 / 0.5 min; under a minute: no windows
    // Gaps 0.5 s, 3.5 s and exactly 2 s: only 3.5 s (12-15.5 s) is longer than 2 s; 1 in half a minute.
    expect(d.pauses).toEqual({ overMs: 2000, count: 1, longestMs: 3500, perMinute: 2, compared: 'above', usualMaxMs: 1000, at: [{ startMs: 12000, endMs: 15500 }] });
    // um, you know (cue 1), uh (cue 3), basically, "and like" (cue 4) - not "I'd like": 5 in half a minute.
    expect(d.fillers).toMatchObject({ count: 5, perMinute: 10, compared: 'above', usual: { min: 0, max: 3 }, byPhrase: { um: 1, 'you know': 1, uh: 1, basically: 1, like: 1 } });
    expect(d.fillers.at.map((f) => [f.phrase, f.startMs, f.endMs])).toEqual([['um', 0, 6000], ['you know', 0, 6000], ['uh', 15500, 21000], ['basically', 23000, 30000], ['like', 23000, 30000]]);
    // Each span indexes the answer text that was scored.
    const { text } = spokenText(cuesOf('delivery-hand-timed.vtt'));
    for (const f of d.fillers.at) expect(text.slice(f.start, f.end).toLowerCase()).toBe(f.phrase);
    expect(d.fillers.at[0]).toMatchObject({ start: 0, end: 2, text: 'Um' });
  });

  it('compares against the ranges it is given', () => {
    const d = measureDelivery(cuesOf('delivery-hand-timed.vtt'), { ...DEFAULT_NORMS, pace: { min: 80, max: 87 }, fillersPerMinute: { min: 0, max: 10 }, usualMaxSilenceMs: 4000 });
    expect(d.pace.compared).toBe('above');
    expect(d.fillers.compared).toBe('within');
    expect(d.pauses!.compared).toBe('within');
    expect(measureDelivery(cuesOf('delivery-hand-timed.vtt'), { ...DEFAULT_NORMS, longPauseMs: 1999 }).pauses).toMatchObject({ count: 2, longestMs: 3500, at: [{ startMs: 12000, endMs: 15500 }, { startMs: 21000, endMs: 23000 }] });
  });

  it('the slowest and fastest minute of a two-minute answer', () => {
    // 120 words in the first minute, 180 in the second: 150 a minute overall.
    const d = measureDelivery([cue(0, 60000, words(120)), cue(60000, 120000, words(180))]);
    expect(d.pace.wordsPerMinute).toBe(150);
    expect(d.pace.compared).toBe('within');
    expect(d.pace.slowestMinute).toEqual({ startMs: 0, endMs: 60000, words: 120 });
    expect(d.pace.fastestMinute).toEqual({ startMs: 60000, endMs: 120000, words: 180 });
    expect(measureDelivery([cue(0, 59999, words(150))]).pace.slowestMinute).toBeNull();
    // Exactly a minute: one window
    const one = measureDelivery([cue(0, 30000, words(50)), cue(30000, 60000, words(70))]);
    expect([one.pace.slowestMinute, one.pace.fastestMinute]).toEqual([{ startMs: 0, endMs: 60000, words: 120 }, { startMs: 0, endMs: 60000, words: 120 }]);
  });

  it('counts overlapping cues\' time once and measures a pause from the end of the speech before it', () => {
    const d = measureDelivery([cue(0, 4000, 'we called the hotel'), cue(3000, 6000, 'and then the taxi firm'), cue(1000, 2000, 'right'), cue(9000, 10000, 'done')]);
    expect(d.speakingMs).toBe(10000);
    expect(d.pauses).toMatchObject({ count: 1, longestMs: 3000, at: [{ startMs: 6000, endMs: 9000 }] });
    expect(d.words).toBe(4 + 5 + 1 + 1);
  });

  it('one speaker\'s delivery leaves out the interviewer\'s turns and the time they took', () => {
    // Sam speaks 5.9-15.7 s; Priya's "Mm-hm" 16-17 s; Sam 17.2-41.4 s with gaps of 0.7 s and 1.3 s.
    // Closing the 1.5 s gap around Priya's turn: 34 s of speaking, 97 words; 97 / 34 * 60 = 171.18.
    const d = measureDelivery(cuesOf('interview.zoom.vtt'), DEFAULT_NORMS, 'Sam Okafor');
    expect(d.words).toBe(97);
    expect(d.speakingMs).toBe(34000);
    expect(d.pace.wordsPerMinute).toBe(171.2);
    expect(d.pace.compared).toBe('above');
    expect(d.pauses).toMatchObject({ count: 0, longestMs: 0, compared: 'within', at: [] });
    expect(d.fillers.count).toBe(0);
  });

  it('a pause between the speaker\'s own cues is placed in the recording\'s time; a turn of someone else\'s is no pause', () => {
    // Sam 0-5 s, Priya 5.5-6 s, Sam 9-12 s, Sam 15-20 s: the 4 s around Priya's turn is left out;
    // the 3 s from 12 s to 15 s is a long pause. The answer is "first part second part third part um".
    const d = measureDelivery([cue(0, 5000, 'first part', 'Sam'), cue(5500, 6000, 'go on', 'Priya'), cue(9000, 12000, 'second part', 'Sam'), cue(15000, 20000, 'third part um', 'Sam')], DEFAULT_NORMS, 'sam');
    expect(d.speakingMs).toBe(16000);
    expect(d.pauses).toMatchObject({ count: 1, longestMs: 3000, at: [{ startMs: 12000, endMs: 15000 }] });
    expect(d.fillers.at).toEqual([{ start: 34, end: 36, text: 'um', phrase: 'um', startMs: 15000, endMs: 20000 }]);
  });

  it('the slowest and fastest minute are given in the recording\'s time, past the turns left out', () => {
    // Sam 0-40 s (100 words), Priya 40-50 s, Sam 50-90 s (40 words): on Sam's own timeline 80 s.
    // Fastest minute: his first 60 s (100 + 20 words), 0-70 s in the recording; slowest: the
    // window from 20 s (50 + 40 words), 20-90 s in the recording.
    const d = measureDelivery([cue(0, 40000, words(100), 'Sam'), cue(40000, 50000, 'mm hm', 'Priya'), cue(50000, 90000, words(40), 'Sam')], DEFAULT_NORMS, 'Sam');
    expect(d.speakingMs).toBe(80000);
    expect(d.pace.wordsPerMinute).toBe(105);
    expect(d.pace.fastestMinute).toEqual({ startMs: 0, endMs: 70000, words: 120 });
    expect(d.pace.slowestMinute).toEqual({ startMs: 20000, endMs: 90000, words: 90 });
  });

  it('the same words as a rolling caption count once', () => {
    const d = measureDelivery(cuesOf('rolling-captions.vtt'));
    expect(d.words).toBe(20); // "I called three nearby hotels until one had a room. Then I booked it, I booked it at our cost."
    expect(d.speakingMs).toBe(8000);
  });
});

describe('delivery from a join the reader already made', () => {
  it('is the same as delivery that joins the cues itself, for every speaker of every readable fixture', () => {
    let compared = 0;
    for (const name of ['delivery-hand-timed.vtt', 'hotel-story.whisper.vtt', 'hotel-story.captions.srt', 'interview.zoom.vtt', 'interview.teams.vtt', 'rolling-captions.vtt', 'two-speakers-one-cue.srt', 'whisper-diarize.vtt']) {
      const cues = cuesOf(name);
      for (const speaker of [undefined, ...new Set(cues.map((c) => c.speaker).filter((s): s is string => s !== null))]) {
        const joined = spokenText(cues, speaker);
        expect(measureDelivery(cues, DEFAULT_NORMS, speaker, joined), `${name} ${speaker}`).toEqual(measureDelivery(cues, DEFAULT_NORMS, speaker));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(12);
  });
  it('takes its text from the join it is given', () => {
    const cues = [cue(0, 4000, 'um I rang her back'), cue(6500, 9000, 'the same day')];
    const other = spokenText([cue(0, 4000, 'I rang her back'), cue(6500, 9000, 'the same day')]);
    expect(measureDelivery(cues, DEFAULT_NORMS, undefined, other).fillers.count).toBe(0);
    expect(measureDelivery(cues).fillers.count).toBe(1);
  });
});

describe('fillers', () => {
  it.each([
    ['Um, I mean, it was kind of like a queue, and I would like to, er, hold an umbrella, you know.', ['um', 'i mean', 'kind of', 'er', 'you know']],
    ['I would like to help. I like the job. It looks like rain.', []],
    ['She was, like, really upset and like shouting.', ['like', 'like']],
    ['Like I said, the queue was long.', ['like']],
    ['Do you know what he said? You know the manager.', []],
    ['He was angry, you know, so I listened.', ['you know']],
    ['What I mean is the form was wrong.', []],
    ['It was a kind of voucher, sort of a refund, and this sort of thing.', ['sort of']],
    ['I basically, uh, umm, rang them.', ['basically', 'uh', 'umm']],
    ['Umbrellas and ermine are not fillers; nor is "you, knowing".', []],
  ])('%s', (text, expected) => {
    expect(phrases(text)).toEqual(expected);
  });

  it('uses only the phrases it is given, as whole words, longest first', () => {
    expect(findFillers('um, like, so', ['so']).map((f) => f.text)).toEqual(['so']);
    expect(findFillers('you know, you', ['you', 'you know']).map((f) => f.phrase)).toEqual(['you know', 'you']);
  });
});

describe('a typed answer gets an estimate, flagged as one', () => {
  it('time from the word count at the given pace; no pauses or minutes; the pace not compared', () => {
    const d = estimateDelivery('Um, I called three hotels, you know.', 140);
    expect(d.estimated).toBe(true);
    expect(d.words).toBe(7);
    expect(d.speakingMs).toBe(3000); // 7 words at 140 a minute
    expect(d.pace).toEqual({ wordsPerMinute: 140, compared: null, usual: { min: 125, max: 150 }, slowestMinute: null, fastestMinute: null });
    expect(d.fillers).toMatchObject({ count: 2, perMinute: 40, compared: 'above', byPhrase: { um: 1, 'you know': 1 } });
    expect(d.fillers.at.map((f) => [f.text, f.startMs])).toEqual([['Um', null], ['you know', null]]);
    expect(d.pauses).toBeNull();
  });
});

describe('the word scanner', () => {
  const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
  const BREAK = /[,.;:!?…—–()"“”]|\s-\s/;
  /** What the scanner must find: the pattern's words, and punctuation before each (the start counts). */
  const reference = (text: string): Array<[number, number, boolean]> => {
    let last = 0;
    return [...text.matchAll(WORD)].map((m, i) => {
      const r: [number, number, boolean] = [m.index, m.index + m[0].length, i === 0 || BREAK.test(text.slice(last, m.index))];
      last = m.index + m[0].length;
      return r;
    });
  };
  const scanned = (text: string): Array<[number, number, boolean]> => {
    const w = scanWords(text);
    return Array.from({ length: w.count }, (_, i) => [w.start[i]!, w.end[i]!, w.breakBefore[i] === 1] as [number, number, boolean]);
  };

  it('finds the words the pattern finds, and the breaks before them, in any text', () => {
    const piece = fc.constantFrom('we', 'Didn’t', "don't", 'follow-up', '-', ' - ', ' ', '  ', ',', '.', '…', '—', '(', '"', '“', 'é', 'e\u0301', '日本', '😀', '𝐀', '\u00a0', '\t', '\n', "'", '’', '--', '3', '30%', 'x-', '-y', 'café');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      expect(scanned(text)).toEqual(reference(text));
    }), { numRuns: 2000 });
    expect(scanned('Um, so - I mean')).toEqual(reference('Um, so - I mean'));
  });

  it('a text longer than its buffers', () => {
    const text = Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? 'um,' : 'word')).join(' ');
    expect(scanned(text)).toEqual(reference(text));
  });
});
