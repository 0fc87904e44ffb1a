import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { COACH, EXAMPLES, REPO, runCoach, runCoachJson, STACK_LINE } from './run-coach.js';

// Spoken answers through the built CLI: .vtt and .srt files, folders, standard input, records
// that point at transcripts, --speaker, located errors, the delivery in every format, and the
// worker threads.

const T = join(REPO, 'test', 'fixtures', 'transcripts');
const fx = (name: string): string => join(T, name);
const Q = 'Tell me about a time you helped a customer who was upset.';
const SPOKEN = join(EXAMPLES, 'spoken');

const work = mkdtempSync(join(tmpdir(), 'coach-transcripts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * The judgement of a result: level, score, STAR parts, indicators, reasons and next steps, with
 * the quoted text's line breaks as spaces (a .txt file wraps its lines; a transcript's cues are
 * joined). Next steps are chosen by the words, not by how they are spaced or punctuated.
 */
function judgement(r: any): unknown {
  const words = (t: string): string => t.replace(/\s+/g, ' ');
  return {
    level: r.level, score: r.score, competency: r.competency, kind: r.kind,
    star: Object.fromEntries(Object.entries(r.star).map(([p, v]: [string, any]) => [p, { present: v.present, spans: v.spans.map((s: any) => words(s.text)) }])),
    indicators: r.indicators.map((f: any) => [f.id, f.shown, f.counted, f.evidence.map((e: any) => words(e.text))]),
    reasons: r.reasons,
    nextSteps: r.feedback.map((f: any) => [f.indicator, f.target, words(f.message)]),
  };
}

describe('the same story as .txt, .vtt and .srt: the same level and STAR parts, through the CLI', () => {
  const runs = [
    ['.txt', [fx('hotel-story.txt')]],
    ['whisper.cpp .vtt', [fx('hotel-story.whisper.vtt')]],
    ['whisper.cpp .srt', [fx('hotel-story.whisper.srt')]],
    ['captioning tool .srt (BOM, CRLF, <i>, <font>, {\\an8})', [fx('hotel-story.captions.srt')]],
    ['Zoom .vtt, --speaker', [fx('interview.zoom.vtt'), '--speaker', 'Sam Okafor']],
    ['Teams .vtt, --speaker in another case', [fx('interview.teams.vtt'), '--speaker', 'sam okafor']],
  ] as const;
  const results = runs.map(([label, args]) => {
    const r = runCoachJson(['score', ...args, '-q', Q, '-c', 'customer-focus', '--json']);
    return { label, r, result: r.json.results[0] };
  });

  it.each(results.map((x) => [x.label, x]))('%s is scored', (_label, x) => {
    expect(x.r.code, x.r.stderr).toBe(0);
    expect(x.r.json.results).toHaveLength(1);
  });

  it('every judgement is the .txt one; only the delivery differs (estimated for the text)', () => {
    const reference = judgement(results[0]!.result);
    expect((reference as any).star.action.present).toBe(true);
    for (const x of results.slice(1)) expect(judgement(x.result), x.label).toEqual(reference);
    expect(results[0]!.result.delivery.estimated).toBe(true);
    for (const x of results.slice(1)) expect(x.result.delivery.estimated, x.label).toBe(false);
  });

  it('the timings are the recording\'s: whisper.cpp 34 s; Zoom with the interviewer\'s turns left out, 34 s too', () => {
    const by = Object.fromEntries(results.map((x) => [x.label, x.result.delivery]));
    expect(by['whisper.cpp .vtt'].speakingMs).toBe(34000);
    expect(by['whisper.cpp .srt']).toEqual(by['whisper.cpp .vtt']);
    expect(by['Zoom .vtt, --speaker'].speakingMs).toBe(34000);
    expect(by['Zoom .vtt, --speaker'].pace.wordsPerMinute).toBe(171.2);
  });
});

describe('coach score reads transcripts', () => {
  it('--json: the answer is the cues\' words, tags and timings removed; the delivery is measured', () => {
    const r = runCoachJson(['score', fx('delivery-hand-timed.vtt'), '-q', Q, '--json']);
    expect(r.code).toBe(0);
    const res = r.json.results[0];
    expect(res.id).toBe(fx('delivery-hand-timed.vtt'));
    expect(res.source).toEqual({ file: fx('delivery-hand-timed.vtt'), line: 1 });
    expect(res.delivery).toMatchObject({
      estimated: false, words: 44, speakingMs: 30000,
      pace: { wordsPerMinute: 88, compared: 'below', usual: { min: 125, max: 150 } },
      pauses: { count: 1, longestMs: 3500, at: [{ startMs: 12000, endMs: 15500 }] },
      fillers: { count: 5, perMinute: 10, compared: 'above', byPhrase: { um: 1, 'you know': 1, uh: 1, basically: 1, like: 1 } },
    });
    // Every evidence span (STAR and filler) indexes the answer as scored.
    const answer = 'Um, so the customer had been waiting, you know, for an hour. I apologised and I\'d like to think I listened properly. Then I, uh, rebooked her on the next flight at no cost. She was basically delighted and like wrote to my manager.';
    for (const f of res.delivery.fillers.at) expect(answer.slice(f.start, f.end)).toBe(f.text);
    for (const p of Object.values(res.star) as any[]) for (const s of p.spans) expect(answer.slice(s.start, s.end)).toBe(s.text);
  });

  it('standard input with --stdin-format vtt and srt, and detected without it', () => {
    const vtt = readFileSync(fx('hotel-story.whisper.vtt'), 'utf8');
    const srt = readFileSync(fx('hotel-story.captions.srt'), 'utf8');
    const a = runCoachJson(['score', '-', '--stdin-format', 'vtt', '-q', Q, '--json'], { stdin: vtt });
    const b = runCoachJson(['score', '-', '--stdin-format', 'srt', '-q', Q, '--json'], { stdin: srt });
    const c = runCoachJson(['score', '-', '-q', Q, '--json'], { stdin: srt });
    for (const r of [a, b, c]) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.json.results[0].id).toBe('stdin');
      expect(r.json.results[0].delivery.speakingMs).toBe(34000);
    }
    expect(a.json.results[0].level).toBe(b.json.results[0].level);
    // An SRT said to be WebVTT is an error at its first line.
    const wrong = runCoach(['score', '-', '--stdin-format', 'vtt', '-q', Q], { stdin: readFileSync(fx('hotel-story.whisper.srt'), 'utf8') });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^error -:1:1: expected "WEBVTT" on the first line/m);
  });

  it('--speaker keeps one person\'s turns; several speakers and no --speaker, or no such speaker, is an error (exit 2) with the names found', () => {
    const sam = runCoachJson(['score', fx('two-speakers-one-cue.srt'), '-q', 'Why did you call the other hotels?', '--speaker', 'sam', '--json']);
    expect(sam.code).toBe(0);
    expect(sam.json.results[0].star.situation.spans.map((s: any) => s.text).join(' ')).not.toContain('Why did you call');
    const none = runCoach(['score', fx('interview.zoom.vtt'), '-q', Q]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`error ${fx('interview.zoom.vtt')}:1:1: the transcript has 2 speakers ("Priya Shah", "Sam Okafor"): say whose answer to score with --speaker NAME`);
    const typo = runCoach(['score', fx('interview.zoom.vtt'), '-q', Q, '--speaker', 'Sam Okafr']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('no speaker "Sam Okafr" in the transcript: did you mean "Sam Okafor"? (its speakers: "Priya Shah", "Sam Okafor")');
    const unnamed = runCoach(['score', fx('hotel-story.whisper.vtt'), '-q', Q, '--speaker', 'Sam']);
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toContain('the transcript names no speakers');
    for (const r of [none, typo, unnamed]) expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it.each([
    ['broken-timestamp.vtt', 6, 18, 'expected an end time like "00:00:04.000" after "-->", found "00:00:0x.500"'],
    ['broken-start.srt', 6, 1, 'expected a start time like "00:00:01.000" before "-->", found "00:00:4,000"'],
    ['end-before-start.srt', 6, 18, 'the cue ends before it starts'],
    ['missing-timing.srt', 6, 1, 'expected a cue timing'],
    ['no-header.vtt', 1, 1, 'expected "WEBVTT" on the first line'],
    ['not-a-transcript.vtt', 1, 1, 'expected a WebVTT or SRT transcript (a "WEBVTT" line, then cues timed like "00:00:01.000 --> 00:00:04.000"); found no cue timings'],
  ])('a malformed transcript is a located error: %s at %i:%i', (name, line, column, message) => {
    const r = runCoach(['score', fx(name), '-q', Q]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error ${fx(name)}:${line}:${column}: ${message}`);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('a transcript without --question says how to give one; its bytes must be text', () => {
    const r = runCoach(['score', fx('hotel-story.whisper.vtt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('question: is required: give --question, or score the transcript from a record that points at it');
    const latin1 = join(work, 'latin1.srt');
    writeFileSync(latin1, Buffer.concat([Buffer.from('1\n00:00:01,000 --> 00:00:02,000\nCaf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const bad = runCoach(['score', latin1, '-q', Q]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(new RegExp(`error ${latin1}:3:4: not UTF-8 text`));
  });
});

describe('records that point at transcripts', () => {
  it('YAML, JSONL and CSV records: the path is the record file\'s, question and competency from the record, speaker too', () => {
    const dir = join(work, 'records');
    mkdirSync(join(dir, 'audio'), { recursive: true });
    copyFileSync(fx('interview.zoom.vtt'), join(dir, 'audio', 'zoom.vtt'));
    copyFileSync(fx('hotel-story.whisper.srt'), join(dir, 'audio', 'story.srt'));
    writeFileSync(join(dir, 'a.yaml'), `- id: z\n  question: ${Q}\n  competency: customer-focus\n  transcript: audio/zoom.vtt\n  speaker: sam okafor\n`);
    writeFileSync(join(dir, 'b.jsonl'), `${JSON.stringify({ id: 's', question: Q, transcript: 'audio/story.srt' })}\n`);
    writeFileSync(join(dir, 'c.csv'), `id,question,competency,answer,transcript,speaker\nc,${JSON.stringify(Q)},customer-focus,,audio/zoom.vtt,Sam Okafor\n`);
    const r = runCoachJson(['score', dir, '--json']);
    expect(r.json.errors).toEqual([]);
    expect(r.code).toBe(0);
    const by = Object.fromEntries(r.json.results.map((x: any) => [x.id, x]));
    expect(Object.keys(by).sort()).toEqual(['c', 's', 'z']);
    expect(by.z.source).toEqual({ file: join(dir, 'a.yaml'), line: 1 });
    expect(by.z.delivery.speakingMs).toBe(34000);
    expect(by.c.delivery).toEqual(by.z.delivery);
    expect(judgement(by.c)).toEqual(judgement(by.z));
    expect(by.s.level).toBe(by.z.level);
  });

  it('errors: a missing file at the record; a malformed one at its own line; not a .vtt/.srt; answer and transcript both', () => {
    const dir = join(work, 'bad-records');
    mkdirSync(dir, { recursive: true });
    copyFileSync(fx('broken-timestamp.vtt'), join(dir, 'broken.vtt'));
    writeFileSync(join(dir, 'r.yaml'), [
      `- question: ${Q}\n  transcript: gone.vtt`,
      `- question: ${Q}\n  transcript: broken.vtt`,
      `- question: ${Q}\n  transcript: notes.txt`,
      `- question: ${Q}\n  transcript: broken.vtt\n  answer: I helped.`,
    ].join('\n'));
    const r = runCoachJson(['score', join(dir, 'r.yaml'), '--json']);
    expect(r.code).toBe(2);
    expect(r.json.summary).toMatchObject({ inputs: 4, scored: 0, failed: 4 });
    const f = join(dir, 'r.yaml');
    expect(r.json.errors).toEqual(expect.arrayContaining([
      { file: f, line: 1, column: 3, message: `transcript: cannot read ${join(dir, 'gone.vtt')}: no such file or directory` },
      { file: join(dir, 'broken.vtt'), line: 6, column: 18, message: 'expected an end time like "00:00:04.000" after "-->", found "00:00:0x.500"' },
      { file: f, line: 5, column: 3, message: 'transcript: expected a .vtt or .srt file, found "notes.txt"' },
      { file: f, line: 7, column: 3, message: 'answer and transcript: give one or the other (a transcript is the answer)' },
    ]));
  });
});

describe('folders', () => {
  it('transcripts in a folder are read with --question, and left out without it (a record points at them then)', () => {
    const dir = join(work, 'folder');
    mkdirSync(dir, { recursive: true });
    copyFileSync(fx('hotel-story.whisper.vtt'), join(dir, 'one.vtt'));
    copyFileSync(fx('hotel-story.captions.srt'), join(dir, 'two.srt'));
    const withQ = runCoachJson(['score', dir, '-q', Q, '--json']);
    expect(withQ.code).toBe(0);
    expect(withQ.json.results.map((x: any) => x.id)).toEqual([join(dir, 'one.vtt'), join(dir, 'two.srt')]);
    writeFileSync(join(dir, 'r.yaml'), `- id: rec\n  question: ${Q}\n  transcript: one.vtt\n`);
    const without = runCoachJson(['score', dir, '--json']);
    expect(without.code).toBe(0);
    expect(without.json.results.map((x: any) => x.id)).toEqual(['rec']);
  });

  it('the bundled examples/spoken folder: each record\'s transcript scored, the policy answer low', () => {
    const r = runCoachJson(['score', join(SPOKEN, 'answers.yaml'), '--json']);
    expect(r.code).toBe(0);
    expect(r.json.results.map((x: any) => [x.id, x.level])).toEqual([['swimming-vtt', 'high'], ['swimming-srt', 'high'], ['mock-interview', 'high'], ['policy', 'low']]);
    expect(r.json.results.every((x: any) => x.delivery.estimated === false)).toBe(true);
  });
});

describe('the delivery in every format', () => {
  const file = join(SPOKEN, 'answers.yaml');
  it('text: a "Spoken" block with pace, pauses and fillers; a typed answer says its time is an estimate', () => {
    const t = runCoach(['score', file], { env: { NO_COLOR: '1' } }).stdout;
    expect(t).toContain('  Spoken  1:22 spoken (172 words)');
    expect(t).toContain('          126 words a minute (usual 125-150)');
    expect(t).toMatch(/2 pauses over 2 s \(longest 3\.5 s; at 0:26, 1:01\)/);
    expect(t).toMatch(/7\.1 fillers a minute, more than usual \(usual up to 3\)/);
    const typed = runCoach(['score', join(EXAMPLES, 'answer.txt')], { env: { NO_COLOR: '1' } }).stdout;
    expect(typed).toMatch(/Spoken {2}about 1:07 spoken: an estimate from 157 words at 140 a minute/);
  });

  it('csv: the delivery columns, empty where an estimate cannot know', () => {
    const rows = parseCsv(runCoach(['score', file, join(EXAMPLES, 'answer.txt'), '--format', 'csv']).stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows[0]).toMatchObject({ id: 'swimming-vtt', delivery_estimated: 'no', speaking_seconds: '81.7', words_per_minute: '126.3', pace: 'usual', slowest_minute_words: '122', fastest_minute_words: '129', long_pauses: '2', longest_pause_seconds: '3.5', fillers: '3', fillers_per_minute: '2.2', fillers_vs_usual: 'usual' });
    expect(rows[3]).toMatchObject({ id: 'policy', pace: 'slow', fillers_vs_usual: 'above' });
    expect(rows[4]).toMatchObject({ delivery_estimated: 'yes', words_per_minute: '140', pace: '', long_pauses: '', slowest_minute_words: '' });
  });

  it('markdown and html show it; jsonl carries the same object as json', () => {
    const md = runCoach(['score', file, '--format', 'markdown']).stdout;
    expect(md).toContain('**Spoken (from the transcript)**');
    expect(md).toContain('- 126 words a minute (usual 125-150)');
    const html = runCoach(['score', file, '--format', 'html']).stdout;
    expect(html).toContain('<h3>How the answers were said</h3>');
    expect(html).toMatch(/<strong>Pace<\/strong>: 126 → 118 words a minute \(usual 125-150\)/);
    const json = runCoachJson(['score', file, '--json']).json.results;
    const jsonl = runCoach(['score', file, '--format', 'jsonl']).stdout.trim().split('\n').map((l) => JSON.parse(l)).filter((x) => x.type === 'result');
    expect(jsonl.map((x) => x.delivery)).toEqual(json.map((x: any) => x.delivery));
  });

  it('the worker threads carry a transcript\'s cues: the same output with --jobs 1 and --jobs 3 past 500 answers', () => {
    const dir = join(work, 'many');
    mkdirSync(dir, { recursive: true });
    for (const n of ['hotel-story.whisper.vtt', 'interview.zoom.vtt', 'delivery-hand-timed.vtt', 'rolling-captions.vtt']) copyFileSync(fx(n), join(dir, n));
    const typed = readFileSync(fx('hotel-story.txt'), 'utf8');
    const lines: string[] = [];
    for (let i = 0; i < 700; i++) {
      const k = i % 5;
      if (k === 4) lines.push(JSON.stringify({ id: `t${i}`, question: Q, answer: typed }));
      else lines.push(JSON.stringify({ id: `s${i}`, question: Q, transcript: ['hotel-story.whisper.vtt', 'interview.zoom.vtt', 'delivery-hand-timed.vtt', 'rolling-captions.vtt'][k], ...(k === 1 ? { speaker: 'Sam Okafor' } : {}) }));
    }
    writeFileSync(join(dir, 'many.jsonl'), `${lines.join('\n')}\n`);
    const one = runCoach(['score', join(dir, 'many.jsonl'), '--format', 'jsonl', '--jobs', '1']);
    const three = runCoach(['score', join(dir, 'many.jsonl'), '--format', 'jsonl', '--jobs', '3']);
    expect(one.code, one.stderr).toBe(0);
    expect(three.stdout).toBe(one.stdout);
    const results = one.stdout.trim().split('\n').map((l) => JSON.parse(l)).filter((x) => x.type === 'result');
    expect(results).toHaveLength(700);
    expect(results.filter((x) => x.delivery.estimated)).toHaveLength(140);
    expect(results[601].delivery.speakingMs).toBe(34000); // a Zoom one, scored by a worker
  });
});

describe('coach eval reads transcripts', () => {
  it('labelled records that point at transcripts are evaluated as typed answers would be', () => {
    const r = runCoachJson(['eval', join(SPOKEN, 'labelled.yaml'), '--json']);
    expect(r.code).toBe(0);
    expect(r.json.summary).toEqual({ inputs: 3, evaluated: 3, failed: 0 });
    expect(r.json.exact).toBe(1);
  });

  it('a transcript alone has no label: an error that says where the label goes; --speaker and -q are taken', () => {
    const r = runCoach(['eval', fx('interview.zoom.vtt'), '--speaker', 'Sam Okafor', '-q', Q]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error ${fx('interview.zoom.vtt')}:1:1: expected: missing (labelled answers need expected.level; a transcript is labelled in a record that points at it`);
  });
});

describe('the subtitle library is loaded only to read a transcript', () => {
  // A resolve hook that notes every module coach asks for by a bare name.
  const hook = join(work, 'hook.mjs');
  const log = join(work, 'resolved.txt');
  const resolver = `import { appendFileSync } from 'node:fs'; export async function resolve(s, c, next) { if (!s.startsWith('.') && !s.startsWith('node:') && !s.startsWith('file:')) appendFileSync(${JSON.stringify(log)}, s + '\\n'); return next(s, c); }`;
  writeFileSync(hook, `import { register } from 'node:module';\nregister(${JSON.stringify(`data:text/javascript,${encodeURIComponent(resolver)}`)});\n`);
  const modules = (args: string[]): string[] => {
    writeFileSync(log, '');
    const r = spawnSync(process.execPath, ['--import', hook, COACH, ...args], { cwd: REPO, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return readFileSync(log, 'utf8').split('\n').filter(Boolean);
  };

  it('not for typed answers, and for a transcript', () => {
    expect(modules(['score', join(EXAMPLES, 'answers.jsonl'), '--format', 'jsonl'])).not.toContain('subtitle');
    expect(modules(['score', fx('hotel-story.whisper.vtt'), '-q', Q, '--json'])).toContain('subtitle');
  });
});
