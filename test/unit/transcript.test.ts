import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringifySync, type NodeList } from 'subtitle';
import { describe, expect, it } from 'vitest';
import { answerFromCues, readTranscript, speakers, type TranscriptCue } from '../../src/io/transcript.js';

const dir = new URL('../fixtures/transcripts/', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, dir), 'utf8');
const read = (name: string, format?: 'vtt' | 'srt'): TranscriptCue[] => {
  const r = readTranscript(fixture(name), name, format);
  if (!r.ok) throw new Error(`${r.error.line}:${r.error.column}: ${r.error.message}`);
  return r.cues;
};
const errorOf = (name: string, text = fixture(name), format?: 'vtt' | 'srt') => {
  const r = readTranscript(text, name, format);
  if (r.ok) throw new Error(`${name} was read without an error`);
  return r.error;
};
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

const STORY = squash(fixture('hotel-story.txt'));

describe('reading transcripts', () => {
  it('reads whisper.cpp WebVTT: times in ms, the leading space gone, no speakers', () => {
    const cues = read('hotel-story.whisper.vtt');
    expect(cues).toHaveLength(6);
    expect(cues[0]).toEqual({ start: 0, end: 5200, text: 'When I worked at the front desk of a busy hotel, a guest arrived late at night', speaker: null });
    expect(cues[3]).toMatchObject({ start: 14100, end: 20600 });
    expect(speakers(cues)).toEqual([]);
  });

  it('reads whisper.cpp SRT the same as its WebVTT', () => {
    expect(read('hotel-story.whisper.srt')).toEqual(read('hotel-story.whisper.vtt'));
  });

  it('the same story as .txt, .vtt and .srt gives the same answer text', () => {
    expect(squash(answerFromCues(read('hotel-story.whisper.vtt')))).toBe(STORY);
    expect(squash(answerFromCues(read('hotel-story.whisper.srt')))).toBe(STORY);
    expect(squash(answerFromCues(read('hotel-story.captions.srt')))).toBe(STORY);
    expect(squash(answerFromCues(read('interview.zoom.vtt'), 'Sam Okafor'))).toBe(STORY);
    expect(squash(answerFromCues(read('interview.teams.vtt'), 'sam okafor'))).toBe(STORY);
  });

  it('reads a captioning tool\'s SRT with a BOM and CRLF, removing <i>, <font> and {\\an8}', () => {
    const text = fixture('hotel-story.captions.srt');
    expect(text.startsWith('\uFEFF1\r\n')).toBe(true); // the fixture really has both
    const cues = read('hotel-story.captions.srt');
    expect(cues.map((c) => [c.start, c.end])).toEqual([[0, 9800], [9800, 13400], [14100, 26000], [27300, 34000]]);
    expect(cues[1]!.text).toBe('She was upset and had an early flight. My job was to find her somewhere to sleep that night.');
    expect(cues[2]!.text.startsWith('I apologised')).toBe(true);
    expect(cues[3]!.text).toBe('The next week she wrote to my manager to thank me, and we changed how late arrivals are held.');
  });

  it('reads Zoom\'s "Name:" prefixes and numbered cues', () => {
    const cues = read('interview.zoom.vtt');
    expect(speakers(cues)).toEqual(['Priya Shah', 'Sam Okafor']);
    expect(cues[0]).toEqual({ start: 1020, end: 4480, text: 'Tell me about a time you helped a customer who was upset.', speaker: 'Priya Shah' });
    expect(answerFromCues(cues, 'Priya Shah')).toBe('Tell me about a time you helped a customer who was upset. Mm-hm. Thank you. What would you do differently?');
  });

  it('reads Teams\' <v Name> voices, skipping its header, STYLE and NOTE blocks and non-numeric cue identifiers', () => {
    const cues = read('interview.teams.vtt');
    expect(speakers(cues)).toEqual(['Priya Shah', 'Sam Okafor']);
    expect(cues.some((c) => /NOTE|STYLE|cue|generated/.test(c.text))).toBe(false);
    // The last cue holds two voices: its 9.8 s are shared out by their words (19 and 7).
    const last = cues.slice(-2);
    expect(last.map((c) => c.speaker)).toEqual(['Sam Okafor', 'Priya Shah']);
    expect(last[0]).toMatchObject({ start: 34700, end: 34700 + Math.round((9800 * 19) / 26) });
    expect(last[1]).toMatchObject({ start: last[0]!.end, end: 44500, text: 'Thank you. What would you do differently?' });
  });

  it('keeps only one speaker\'s turns, carrying a label over to unlabelled cues; ">>" and capitals read', () => {
    const cues = read('two-speakers-one-cue.srt');
    expect(speakers(cues)).toEqual(['INTERVIEWER', 'SAM']);
    expect(answerFromCues(cues, 'Sam')).toBe('Because she had nowhere else to go tonight. It was the least we could do.');
    expect(answerFromCues(cues, 'interviewer')).toBe('Why did you call the other hotels? Good.');
    expect(answerFromCues(cues, 'nobody')).toBe('');
    // 7 and 8 words share cue 1's 4 s
    expect(cues[0]).toMatchObject({ start: 1000, end: 1000 + Math.round((4000 * 7) / 15) });
  });

  it('reads whisper.cpp --diarize speakers, "?" as unknown, the same in its WebVTT and SRT', () => {
    const vtt = read('whisper-diarize.vtt');
    const srt = read('whisper-diarize.srt');
    expect(speakers(vtt)).toEqual(['Speaker0', 'Speaker1']);
    expect(speakers(srt)).toEqual(['speaker 0', 'speaker 1']);
    expect(vtt.map((c) => c.speaker)).toEqual(['Speaker0', 'Speaker1', null, 'Speaker1']);
    const answer = 'My job was to find her somewhere to sleep that night. I called three nearby hotels until one had a room.';
    // case and spaces in a name are not told apart, so one --speaker fits both files
    expect(answerFromCues(vtt, 'speaker 1')).toBe(answer);
    expect(answerFromCues(srt, 'speaker 1')).toBe(answer);
    expect(answerFromCues(srt, 'Speaker1')).toBe(answer);
    expect(srt.map((c) => c.text)).toEqual(vtt.map((c) => c.text));
  });

  it('does not take a STAR label for a speaker', () => {
    const r = readTranscript('WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nResult: she wrote to my manager.\n', 'a.vtt');
    expect(r.ok && r.cues[0]).toEqual({ start: 1000, end: 3000, text: 'Result: she wrote to my manager.', speaker: null });
  });

  it('removes inline timestamps and <c> spans, and the words rolling captions repeat while cues overlap', () => {
    const cues = read('rolling-captions.vtt');
    expect(cues[0]!.text).toBe('I called three nearby hotels');
    // cue 2 repeats "nearby hotels", cue 3 only repeats; cue 4 starts as cue 3 ends, so its repeat is meant
    expect(answerFromCues(cues)).toBe('I called three nearby hotels until one had a room. Then I booked it, I booked it at our cost.');
  });

  it('drops whisper.cpp\'s [BLANK_AUDIO], sound notes and music signs, and decodes entities', () => {
    const cues = read('whisper-blank-audio.vtt');
    expect(cues.map((c) => c.start)).toEqual([2000, 6500]);
    expect(answerFromCues(cues)).toBe('My job was to find her somewhere to sleep & to keep her calm. Anyway, that was the plan.');
  });

  it('reads a first cue right under the WEBVTT header, and cues with empty text or odd spacing', () => {
    const r = readTranscript('WEBVTT\n00:00:01.000 --> 00:00:02.000\nhello\n\n00:00:02.000\t-->  00:00:03.000 line:0\n\n\n00:00:03.000 --> 00:00:04.000\nthere\n', 'a.vtt');
    expect(r.ok && r.cues.map((c) => [c.start, c.text])).toEqual([[1000, 'hello'], [3000, 'there']]);
  });

  it('takes the format from the argument, then the extension, then the text', () => {
    const vtt = fixture('hotel-story.whisper.vtt');
    const r = readTranscript(vtt, '-');
    expect(r.ok && r.format).toBe('vtt');
    const s = readTranscript(fixture('hotel-story.whisper.srt'), 'stdin');
    expect(s.ok && s.format).toBe('srt');
    expect(errorOf('stdin', fixture('hotel-story.whisper.srt'), 'vtt')).toMatchObject({ line: 1, column: 1 });
    const named = readTranscript(vtt, 'misnamed.srt', 'srt');
    expect(named.ok && named.format).toBe('vtt'); // a WebVTT text is read as one whatever its name
  });
});

describe('malformed transcripts are located errors', () => {
  it('a broken end time: its line, and the column where it starts', () => {
    expect(errorOf('broken-timestamp.vtt')).toEqual({
      file: 'broken-timestamp.vtt', line: 6, column: 18,
      message: 'expected an end time like "00:00:04.000" after "-->", found "00:00:0x.500"',
    });
  });
  it('a broken start time (one digit of seconds) in an SRT', () => {
    expect(errorOf('broken-start.srt')).toMatchObject({ line: 6, column: 1, message: expect.stringContaining('found "00:00:4,000"') });
  });
  it('three digits of milliseconds are required', () => {
    expect(errorOf('a.vtt', 'WEBVTT\n\n00:00:01.5 --> 00:00:02.000\nhi\n')).toMatchObject({ line: 3, column: 1 });
  });
  it('a cue that ends before it starts: the end time', () => {
    expect(errorOf('end-before-start.srt')).toMatchObject({ line: 6, column: 18, message: expect.stringContaining('ends before it starts') });
  });
  it('a cue without its timing', () => {
    expect(errorOf('missing-timing.srt')).toMatchObject({ line: 6, column: 1, message: expect.stringContaining('expected a cue timing') });
  });
  it('not a transcript at all, a WebVTT without its header, an empty file', () => {
    expect(errorOf('not-a-transcript.vtt')).toMatchObject({ line: 1, column: 1, message: expect.stringContaining('no cue timings') });
    expect(errorOf('no-header.vtt')).toMatchObject({ line: 1, column: 1, message: expect.stringContaining('"WEBVTT"') });
    expect(errorOf('empty.srt', '\uFEFF\r\n\r\n')).toMatchObject({ line: 1, column: 1, message: expect.stringContaining('empty') });
    expect(errorOf('header-only.vtt', 'WEBVTT\n\n')).toMatchObject({ line: 1, column: 1, message: expect.stringContaining('no cue timings') });
  });
  it('counts lines in the file as it is, past a BOM, CRLF and blank lines the library would trip over', () => {
    const text = '\uFEFFWEBVTT\r\n\r\n\r\n\r\n00:00:01.000 --> 00:00:02.000\r\nok\r\n\r\n\r\n00:00:03.000 --> 00:00:02.000\r\nbad\r\n';
    expect(errorOf('crlf.vtt', text)).toMatchObject({ line: 9, column: 18 });
  });
});

describe('any well-formed transcript', () => {
  const word = fc.constantFrom('we', 'called', 'the', 'hotel', 'she', 'thanked', 'me', 'room', 'taxi', 'flight');
  const cueArb = fc.record({ start: fc.integer({ min: 0, max: 10_000_000 }), length: fc.integer({ min: 0, max: 20_000 }), words: fc.array(word, { minLength: 1, maxLength: 12 }) });
  it('written by the library as WebVTT or SRT, reads back to its cues', () => {
    fc.assert(
      fc.property(fc.array(cueArb, { minLength: 1, maxLength: 20 }), fc.constantFrom('WebVTT' as const, 'SRT' as const), fc.boolean(), (cs, format, crlf) => {
        const nodes: NodeList = cs.map((c) => ({ type: 'cue', data: { start: c.start, end: c.start + c.length, text: c.words.join(' ') } }));
        let text = stringifySync(nodes, { format });
        if (crlf) text = text.replace(/\n/g, '\r\n');
        const r = readTranscript(text, format === 'SRT' ? 'x.srt' : 'x.vtt');
        expect(r.ok && r.cues).toEqual(cs.map((c) => ({ start: c.start, end: c.start + c.length, text: c.words.join(' '), speaker: null })));
      }),
      { numRuns: 200 },
    );
  });
});

describe('any start time', () => {
  // The definition the reader holds timings to: hours optional, two-digit minutes and seconds
  // under 60, three-digit milliseconds, "." or ",".
  const TIME = /^(?:(\d+):)?([0-5]\d):([0-5]\d)[.,](\d{3})$/;
  const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
  const time = fc.tuple(fc.option(digits(1, 3), { nil: undefined }), digits(1, 3), digits(1, 3), fc.constantFrom('.', ',', ':'), digits(1, 4), fc.constantFrom('', 'x', ' '))
    .map(([h, m, s, sep, ms, junk]) => `${h === undefined ? '' : `${h}:`}${m}:${s}${sep}${ms}${junk}`.trim());
  it('is read by that definition: the same milliseconds, or an error at the start time', () => {
    fc.assert(
      fc.property(time, (t) => {
        const r = readTranscript(`WEBVTT\n\n${t} --> 999:59:59.999\nhi\n`, 'x.vtt');
        const m = TIME.exec(t);
        if (m) expect(r.ok && r.cues[0]!.start).toBe(((Number(m[1] ?? 0) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4]));
        else expect(!r.ok && r.error).toMatchObject({ line: 3, column: 1 });
      }),
      { numRuns: 500 },
    );
  });
});

describe('a transcript cut short', () => {
  it('a last timing with no text after it is no cue (a file or a paste cut after a timing)', () => {
    const r = readTranscript('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello\n\n00:00:03.000 --> 00:00:04.000\n', 'cut.vtt');
    expect(r.ok && r.cues).toEqual([{ start: 1000, end: 2000, text: 'hello', speaker: null }]);
    const s = readTranscript('1\r\n00:00:01,000 --> 00:00:02,000\r\nhello\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000', 'cut.srt');
    expect(s.ok && s.cues.map((c) => c.text)).toEqual(['hello']);
  });
});

describe('any text given as a transcript', () => {
  const line = fc.oneof(
    fc.constantFrom('WEBVTT', '', '1', '2', 'NOTE a note', 'STYLE', '00:00:01.000 --> 00:00:02.000', '00:00:01,000 --> 00:00:0x,000', '00:01.000 --> 00:02.000 align:start', '<v Ann>hello</v>', 'Ann: hi', '(speaker 1) yes', '[BLANK_AUDIO]', '-->', '\uFEFFWEBVTT', '  ', '\t'),
    fc.string({ maxLength: 30 }),
  );
  it('reads it, or says where it is malformed (a line of the file, a column from 1); never throws', () => {
    fc.assert(fc.property(fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\r\n', '\r'), fc.constantFrom('x.vtt', 'x.srt', '-'), (lines, eol, name) => {
      const text = lines.join(eol);
      const r = readTranscript(text, name);
      if (r.ok) {
        // Cues whose text is only space or sound notes give none (the CLI says there are no words).
        for (const c of r.cues) {
          expect(c.end).toBeGreaterThanOrEqual(c.start);
          expect(c.text.trim()).not.toBe('');
        }
      } else {
        expect(r.error.line).toBeGreaterThanOrEqual(1);
        expect(r.error.line).toBeLessThanOrEqual(Math.max(1, text.split(/\r\n|\r|\n/).length));
        expect(r.error.column).toBeGreaterThanOrEqual(1);
        expect(r.error.message.length).toBeGreaterThan(0);
      }
    }), { numRuns: 1500 });
  });
});
