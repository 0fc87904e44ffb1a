import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countFillers, DEFAULT_NORMS, estimateDelivery, measureDelivery, turnsOf } from '../../src/core/delivery.js';
import type { TranscriptCue } from '../../src/core/spoken-cues.js';
import { readTranscript } from '../../src/io/transcript.js';

const dir = new URL('../fixtures/transcripts/', import.meta.url);
const cuesOf = (name: string): TranscriptCue[] => {
  const r = readTranscript(readFileSync(new URL(name, dir), 'utf8'), name);
  if (!r.ok) throw new Error(r.error.message);
  return r.cues;
};
const cue = (start: number, end: number, text: string, speaker: string | null = null): TranscriptCue => ({ start, end, text, speaker });
const words = (n: number): string => Array.from({ length: n }, () => 'word').join(' ');

describe('delivery measured from cue timings', () => {
  it('pace, pauses and fillers of a hand-timed answer', () => {
    // Cues 0-6 s (12 words), 6.5-12 s (10), 15.5-21 s (12), 23-30 s (10): 44 words in 30 s.
    const d = measureDelivery(cuesOf('delivery-hand-timed.vtt'));
    expect(d.estimated).toBe(false);
    expect(d.words).toBe(44);
    expect(d.speakingMs).toBe(30000);
    expect(d.cueMs).toBe(6000 + 5500 + 5500 + 7000);
    expect(d.wordsPerMinute).toBe(88); // 44 / 0.5 min
    expect(d.pace).toBe('slow'); // under 130
    // Gaps 0.5 s, 3.5 s and exactly 2 s: only 3.5 s is longer than 2 s.
    expect(d.pauses).toMatchObject({ count: 1, longestMs: 3500, perMinute: 2, compared: 'within' });
    // um, you know, uh, basically, "and like" — not "I'd like": 5 in half a minute.
    expect(d.fillers).toEqual({ count: 5, perMinute: 10, compared: 'above', range: { min: 0, max: 3 }, byPhrase: { um: 1, 'you know': 1, uh: 1, basically: 1, like: 1 } });
    expect(d.slowestMinute).toBeNull(); // under a minute
    expect(d.fastestMinute).toBeNull();
  });

  it('compares against the ranges it is given', () => {
    const d = measureDelivery(cuesOf('delivery-hand-timed.vtt'), { ...DEFAULT_NORMS, pace: { min: 80, max: 87 }, fillersPerMinute: { min: 0, max: 10 }, longPausesPerMinute: { min: 0, max: 1 } });
    expect(d.pace).toBe('fast');
    expect(d.fillers.compared).toBe('within');
    expect(d.pauses!.compared).toBe('above');
    expect(measureDelivery(cuesOf('delivery-hand-timed.vtt'), { ...DEFAULT_NORMS, longPauseMs: 1999 }).pauses).toMatchObject({ count: 2, longestMs: 3500 });
  });

  it('the slowest and fastest minute of a two-minute answer', () => {
    // 120 words in the first minute, 180 in the second: 150 a minute overall.
    const d = measureDelivery([cue(0, 60000, words(120)), cue(60000, 120000, words(180))]);
    expect(d.wordsPerMinute).toBe(150);
    expect(d.pace).toBe('within');
    expect(d.slowestMinute).toBe(120);
    expect(d.fastestMinute).toBe(180);
    expect(measureDelivery([cue(0, 59999, words(150))]).slowestMinute).toBeNull();
    // Exactly a minute: one window
    const one = measureDelivery([cue(0, 30000, words(50)), cue(30000, 60000, words(70))]);
    expect([one.slowestMinute, one.fastestMinute]).toEqual([120, 120]);
  });

  it('counts overlapping cues\' time once and measures a pause from the end of the speech before it', () => {
    const d = measureDelivery([cue(0, 4000, 'we called the hotel'), cue(3000, 6000, 'and then the taxi firm'), cue(1000, 2000, 'right'), cue(9000, 10000, 'done')]);
    expect(d.cueMs).toBe(6000 + 1000);
    expect(d.speakingMs).toBe(10000);
    expect(d.pauses).toMatchObject({ count: 1, longestMs: 3000 });
    expect(d.words).toBe(4 + 5 + 1 + 1);
  });

  it('one speaker\'s delivery leaves out the interviewer\'s turns and the time they took', () => {
    // Sam speaks 5.9-15.7 s; Priya's "Mm-hm" 16-17 s; Sam 17.2-41.4 s with gaps of 0.7 s and 1.3 s.
    // Closing the 1.5 s gap around Priya's turn: 34 s of speaking, 97 words.
    const cues = cuesOf('interview.zoom.vtt');
    const sam = turnsOf(cues, 'sam okafor');
    expect(sam[2]).toMatchObject({ start: 15700, end: 19300 });
    const d = measureDelivery(cues, DEFAULT_NORMS, 'Sam Okafor');
    expect(d.words).toBe(97);
    expect(d.speakingMs).toBe(34000);
    expect(d.wordsPerMinute).toBeCloseTo((97 * 60) / 34, 10);
    expect(d.pace).toBe('fast');
    expect(d.pauses).toMatchObject({ count: 0, longestMs: 0 });
  });

  it('the same words as a rolling caption count once', () => {
    const d = measureDelivery(cuesOf('rolling-captions.vtt'));
    expect(d.words).toBe(20); // "I called three nearby hotels until one had a room. Then I booked it, I booked it at our cost."
    expect(d.speakingMs).toBe(8000);
  });
});

describe('fillers', () => {
  it('counts phrases as whole words, longest first, and "like" only when it is not meant', () => {
    const f = countFillers('Um, I mean, it was kind of like a queue, and I would like to, er, hold an umbrella, you know.', DEFAULT_NORMS);
    expect(f.byPhrase).toEqual({ um: 1, 'i mean': 1, 'kind of': 1, like: 1, er: 1, 'you know': 1 });
    expect(f.count).toBe(6);
  });
  it('uses only the phrases it is given', () => {
    expect(countFillers('um, like, so', { fillers: ['so'] })).toEqual({ count: 1, byPhrase: { so: 1 } });
  });
});

describe('a typed answer gets an estimate, flagged as one', () => {
  it('time from the word count at the given pace', () => {
    const d = estimateDelivery('Um, I called three hotels, you know.', 140);
    expect(d.estimated).toBe(true);
    expect(d.words).toBe(7);
    expect(d.speakingMs).toBe(3000); // 7 words at 140 a minute
    expect(d.wordsPerMinute).toBe(140);
    expect(d.fillers).toMatchObject({ count: 2, perMinute: 40, compared: 'above' });
    expect(d.pauses).toBeNull();
    expect(d.cueMs).toBeNull();
    expect(d.slowestMinute).toBeNull();
  });
});
