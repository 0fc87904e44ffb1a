import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCoach, runCoachJson } from './run-coach.js';
import { block, HAVE_TMUX, readHistory, Tty, dataDirs, coachTerminals } from './tty.js';

/**
 * Practice's answer mode "from a recording's transcript", in a real terminal (tmux, 80x50): the
 * path of a transcript (or its pasted text) is scored against the question, its delivery shown
 * beside the level and kept in the history, where coach progress and coach report read it.
 */

const dataDir = dataDirs('coach-spoken-');

const ZOOM = join(EXAMPLES, 'spoken', 'interview.zoom.vtt');
const SWIMMING_VTT = join(EXAMPLES, 'spoken', 'swimming.vtt');

describe.skipIf(!HAVE_TMUX)('coach practice --mode transcript (tmux, 80x50)', () => {
  const start = coachTerminals();

  it('a path to a Zoom transcript: whose answer is asked, the delivery is shown beside the level and kept; progress and report show pace and fillers', async () => {
    const dir = dataDir();
    const t = start(['practice', '--question', 'customer-focus-01', '--mode', 'transcript', '--data', dir]);
    await t.waitFor(/transcript: its path/);
    t.type(ZOOM);
    t.keys('C-d');
    await t.waitFor(/^\? Whose answer is it\?/m);
    await t.choose('Amir Haddad');
    const screen = await t.waitFor(/^\? What next\?$/m);
    const spoken = block(screen, '── How you said it (from the recording)', /^\? What next\?$/).join('\n');
    expect(spoken).toMatch(/^(LOW|MEDIUM|HIGH) \d{1,3}\/100 /m);
    // Amir speaks 6.0-87.7 s; Jo's "Mm-hm" (32.9-33.7 s) and the time around it are left out.
    expect(spoken).toContain('1:18 spoken (172 words)');
    expect(spoken).toContain('132 words a minute (usual 125-150)');
    expect(spoken).toMatch(/1 pause over 2 s \(longest 2\.9 s; at 1:07\)/);
    expect(spoken).toMatch(/2\.3 fillers a minute \(usual up to 3\): "um" ×2, "you know"/);
    // The delivery comes right under the feedback summary, before the menu.
    expect(block(screen, '── Feedback', /^── How you said it/).join('\n')).toMatch(/^STAR {2}/m);
    // The words are scored, not the interviewer's: the question is not in the tagged answer.
    await t.choose('Show full feedback');
    const shown = await t.waitFor(/── Full feedback[\s\S]*(^── lines \d+-\d+ of \d+|^\? What next\?$)/m, { what: 'the full feedback' });
    if (/^── lines \d+-\d+ of \d+/m.test(shown.slice(shown.lastIndexOf('── Full feedback')))) t.keys('q');
    const after = await t.waitFor((s) => /^\? What next\?$/m.test(s.slice(s.lastIndexOf('── Full feedback'))), { what: 'the menu after the full feedback' });
    const feedback = block(after, '── Full feedback', /^\? What next\?$/).join('\n');
    expect(feedback).not.toContain('Tell me about a time you helped a customer who was upset');
    expect(feedback).toMatch(/^ {2}\[S\] +So last summer I worked on the front desk/m);
    // No length estimated from the words beside the real timings.
    expect(feedback).not.toMatch(/About [\d.]+ (seconds|minutes) spoken/);
    await t.choose('Finish');
    expect(await t.exitCode()).toBe(0);

    const answer = readHistory(dir).find((r) => r.type === 'answer');
    expect(answer.mode).toBe('transcript');
    expect(answer.answer.startsWith('So last summer I worked')).toBe(true);
    expect(answer.delivery).toMatchObject({ estimated: false, words: 172, speakingMs: 78200, pace: { wordsPerMinute: 132, compared: 'within' }, fillers: { count: 3, perMinute: 2.3 } });

    const progress = runCoach(['progress', '--data', dir], { env: { NO_COLOR: '1' } });
    expect(progress.code).toBe(0);
    expect(progress.stdout).toContain('Spoken answers (1, from transcripts)');
    expect(progress.stdout).toMatch(/pace +132 words a minute \(usual 125-150\)/);
    expect(progress.stdout).toMatch(/fillers +2\.3 fillers a minute \(usual up to 3\)/);
    const json = runCoachJson(['progress', '--data', dir, '--json']).json;
    expect(json.spoken.points).toEqual([expect.objectContaining({ competency: 'customer-focus', wordsPerMinute: 132, fillersPerMinute: 2.3, longPauses: 1 })]);
    const report = runCoachJson(['report', '--data', dir, '--format', 'json']).json;
    expect(report.delivery).toMatchObject({ spoken: 1, estimated: 0, points: [expect.objectContaining({ wordsPerMinute: 132, fillersPerMinute: 2.3, longPauses: 1 })] });
    const text = runCoach(['report', '--data', dir], { env: { NO_COLOR: '1' } }).stdout;
    expect(text).toMatch(/Spoken answers \(1, from transcripts\)\n +pace +132 words a minute/);
  });

  it('pasted text of a whisper.cpp transcript; a retry takes a new transcript, and progress shows both over time', async () => {
    const dir = dataDir();
    const t = start(['practice', '--question', 'customer-focus-01', '--mode', 'transcript', '--data', dir]);
    await t.waitFor(/transcript: its path/);
    // Pasted as the file's text (blank lines between cues are part of the paste).
    const vtt = readFileSync(SWIMMING_VTT, 'utf8').split('\n').slice(0, 10).join('\n'); // its first three cues
    t.type(vtt);
    t.keys('C-d');
    // The interviewer's follow-up is asked after a recorded answer too (its reply is typed); an
    // empty reply skips it, and the delivery stays the recording's.
    const asked = await t.waitFor(/^\? Your reply$/m, { what: 'the follow-up' });
    expect(asked).toMatch(/^Interviewer: \S/m);
    t.keys('C-d');
    let screen = await t.waitFor(/^\? What next\?$/m);
    expect(block(screen, '── How you said it', /^\? What next\?$/).join('\n')).toContain('0:21 spoken (47 words)');
    await t.choose('Try again: revise this answer');
    await t.waitFor((s) => (s.match(/transcript: its path/g) ?? []).length >= 2, { what: 'the transcript prompt again' });
    t.type(SWIMMING_VTT);
    t.keys('C-d');
    // The whole recording may leave no gap to follow up on: a follow-up, if asked, is skipped.
    const retried = (s: string): string => s.slice(s.lastIndexOf('transcript: its path'));
    screen = await t.waitFor((s) => /^\? (Your reply|What next\?)$/m.test(retried(s)), { what: 'the follow-up or the second feedback' });
    if (/^\? Your reply$/m.test(retried(screen))) t.keys('C-d');
    screen = await t.waitFor((s) => (s.match(/^── How you said it/gm) ?? []).length >= 2 && /^\? What next\?$/m.test(s), { what: 'the second feedback' });
    expect(screen).toMatch(/→/); // the before and after of the retry
    await t.choose('Finish');
    expect(await t.exitCode()).toBe(0);
    const spoken = readHistory(dir).filter((r) => r.type === 'answer').map((r) => r.delivery.speakingMs);
    expect(spoken).toEqual([20600, 81700]);
    const progress = runCoach(['progress', '--data', dir], { env: { NO_COLOR: '1' } }).stdout;
    expect(progress).toContain('Spoken answers (2, from transcripts)');
    expect(progress).toMatch(/pace +137 → 126 words a minute/); // 47 words in 20.6 s, then 172 in 81.7 s
  });

  it('a malformed transcript is shown at its line and column, and can be tried again', async () => {
    const dir = dataDir();
    const bad = join(dir, 'broken.srt');
    writeFileSync(bad, '1\n00:00:01,000 --> 00:00:04,000\nI called three hotels.\n\n2\n00:00:04,000 --> 00:00:0x,500\nuntil one had a room.\n');
    const t = start(['practice', '--question', 'customer-focus-01', '--mode', 'transcript', '--data', dir]);
    await t.waitFor(/transcript: its path/);
    t.type(bad);
    t.keys('C-d');
    const screen = await t.waitFor(/^\? The transcript could not be read\./m);
    expect(screen).toContain(`error ${bad}:6:18: expected an end time like "00:00:04.000" after "-->", found "00:00:0x,500"`);
    await t.choose('Skip this question');
    expect(await t.exitCode()).toBe(0);
    expect(readHistory(dir).filter((r) => r.type === 'answer')).toEqual([]);
  });
});
