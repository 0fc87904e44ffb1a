import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCoach, runCoachJson } from './run-coach.js';
import { block, HAVE_TMUX, readHistory, Tty, dataDirs, coachTerminals } from './tty.js';

/** Opens the full feedback from the What next? menu (closing the pager if it needs one) and returns its lines. */
async function fullFeedback(t: Tty, menu = /^\? What next\?$/m): Promise<string[]> {
  await t.choose('Show full feedback');
  const shown = await t.waitFor(/── Full feedback[\s\S]*(^── lines \d+-\d+ of \d+|^\? What next\?$|^\? See the full feedback)/m, { what: 'the full feedback' });
  if (/^── lines \d+-\d+ of \d+/m.test(shown.slice(shown.lastIndexOf('── Full feedback')))) t.keys('q');
  const screen = await t.waitFor((s) => menu.test(s.slice(s.lastIndexOf('── Full feedback'))), { what: 'the menu after the full feedback' });
  return block(screen, '── Full feedback', menu);
}

/**
 * coach practice as an interview: the interviewer's follow-up questions, a mock with its debrief,
 * a question of your own, a drill on weak areas, and Ctrl-C keeping a draft. Driven through a
 * real terminal (tmux, 80x50, NO_COLOR=1), as test/e2e/practice.test.ts does; each test checks
 * the screen and DIR/history.jsonl.
 */

const dataDir = dataDirs('coach-interview-');

const width = (line: string): number => Array.from(line).length;

const TITLE = HAVE_TMUX ? 'coach practice as an interview (tmux, 80x50)' : 'coach practice as an interview: SKIPPED, tmux is not on PATH';

describe.skipIf(!HAVE_TMUX)(TITLE, () => {
  const start = coachTerminals();

  it('a follow-up is asked about the gap, names the customer, and its reply is scored with the story', async () => {
    const dir = dataDir();
    const t = start(['practice', '--question', 'customer-focus-03', '--mode', 'free', '--data', dir]);
    // A medium story: owned and fixed, but no need asked about and no result.
    const story = 'Last winter I worked at a hotel reception. A guest rang because she had left her laptop in her room and her train was in an hour. '
      + 'I found the laptop myself and booked a taxi courier to take it to the station.';
    const reply = 'I asked what time her train left and what she needed the laptop for. I gave her two options: the courier to the station or posting it to her home, '
      + 'and she chose the courier. She made her train and sent a thank-you card.';
    await t.waitFor(/^\? Your answer$/m);
    t.type(story);
    t.keys('C-d');
    let screen = await t.waitFor(/^\? Your reply$/m, { what: 'the reply prompt' });
    // The interviewer asks before any feedback, in their own words, about the guest in the story.
    expect(screen).not.toContain('── Feedback');
    const asked = screen.slice(screen.lastIndexOf('Interviewer:')).split('\n? Your reply')[0]!.replace(/\n {2}/g, ' ');
    expect(asked).toMatch(/^Interviewer: What did you find out about what the guest really needed\? And what did you do with that\?$/m);
    t.type(reply);
    t.keys('C-d');
    screen = await t.waitFor(/^Your reply added[\s\S]*^\? What next\?$/m, { what: 'what the reply added, and the menu' });
    // Under the summary: the level of the answer alone and with the reply, and what the reply brought.
    const summary = block(screen, '── Feedback', /^\? What next\?$/).join('\n');
    expect(summary).toMatch(/^HIGH \d+\/100/m);
    const m = /^Your reply added {2}(LOW|MEDIUM|HIGH) (\d+) → (LOW|MEDIUM|HIGH) (\d+) {2}\+(\d+)$/m.exec(summary);
    expect(m, summary).not.toBeNull();
    expect(m![1]).toBe('MEDIUM');
    expect(m![3]).toBe('HIGH');
    expect(summary.replace(/\n {2}(?=\S)/g, ' ')).toMatch(/^Your reply added .*\+ STAR result.*\+ Probes the underlying need/m);
    for (const l of screen.split('\n')) expect(width(l), l).toBeLessThanOrEqual(80);
    // The full feedback is for the story and the reply together: the reply's sentences are tagged too.
    const feedback = (await fullFeedback(t)).join('\n');
    expect(feedback).toMatch(/^ {2}\[R\] +She made her train and sent a thank-you card\.$/m);
    await t.choose('Finish');
    expect(await t.exitCode()).toBe(0);

    const h = readHistory(dir);
    expect(h.map((r) => r.type)).toEqual(['session', 'answer']);
    const a = h[1];
    expect(a.answer).toBe(`${story}\n\n${reply}`);
    expect(a.followUps).toEqual([{ gap: 'behaviour', question: 'What did you find out about what the guest really needed? And what did you do with that?', reply, start: story.length + 2 }]);
    expect(a.first.level).toBe('medium');
    expect(a.assessment.level).toBe('high');
    expect(a.assessment.score).toBeGreaterThan(a.first.score);
    expect(a.assessment.star.result.spans.map((s: { text: string }) => s.text).join(' ')).toContain('She made her train');

    // The report shows the strongest answer with the follow-up and the reply under it.
    const report = runCoach(['report', '--data', dir, '--format', 'markdown']);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain('*Follow-up:* What did you find out about what the guest really needed? And what did you do with that?');
    expect(report.stdout).toContain(`> ${story}\n`);
  });

  it('on a 24-line screen, after a follow-up, the summary, what the reply added and the whole menu show together', async () => {
    const dir = dataDir();
    const t = start(['practice', '--question', 'customer-focus-03', '--mode', 'free', '--data', dir], { width: 80, height: 24 });
    await t.waitFor(/^\? Your answer$/m);
    t.type('Last winter I worked at a hotel reception. A guest rang because she had left her laptop in her room and her train was in an hour. I found the laptop myself and booked a taxi courier to take it to the station.');
    t.keys('C-d');
    await t.waitFor(/^\? Your reply$/m);
    t.type('I asked what time her train left and what she needed the laptop for. I gave her two options, and she chose the courier. She made her train and sent a thank-you card.');
    t.keys('C-d');
    await t.waitFor(/^↑↓ navigate/m, { what: 'the whole menu' });
    const shown = t.visible();
    const lines = shown.split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    expect(shown).toMatch(/^(LOW|MEDIUM|HIGH) \d+\/100 {2}customer-focus · behavioural question$/m);
    expect(shown).toMatch(/^Your reply added {2}MEDIUM \d+ → HIGH \d+ {2}\+\d+$/m);
    for (const choice of ['❯ Try again: revise this answer', '  Show full feedback', '  Finish']) expect(lines, shown).toContain(choice);
    for (const l of lines) expect(width(l), l).toBeLessThanOrEqual(80);
    await t.choose('Finish');
    expect(await t.exitCode()).toBe(0);
  });

  it('a mock: a countdown to read each question, follow-ups, no feedback until the debrief, a skipped question listed as skipped', async () => {
    const dir = dataDir();
    const t = start(['practice', '--mock', '--count', '2', '--mode', 'free', '--data', dir]);
    let screen = await t.waitFor(/Read the question: the clock starts in [1-5] s \(Enter to start now\)/, { what: 'the reading countdown' });
    // The answer prompt (and its clock) waits until the reading time is over.
    expect(screen).not.toMatch(/^\? Your answer$/m);
    const q1 = /^Question 1 of 2 {2}(\S+) ·/m.exec(screen)![1]!;
    screen = await t.waitFor(/^The clock has started\.\n\? Your answer$/m, { timeout: 12_000, what: 'the clock starting after the reading time' });
    t.type('I would help the customer and make sure they are happy.');
    t.keys('C-d');
    screen = await t.waitFor(/^\? Your reply$/m, { what: 'the follow-up' });
    expect(screen).toMatch(/^Interviewer: /m);
    t.type('I would ask what they need it for and sort it out for them myself, then ring them the next day to check.');
    t.keys('C-d');
    screen = await t.waitFor(/Question 2 of 2 {2}\S+ ·[\s\S]*Read the question/, { what: 'the second question' });
    // No feedback during the mock.
    expect(screen).not.toContain('── Feedback');
    expect(screen).not.toMatch(/What next\?/);
    t.keys('Enter'); // start the clock now
    await t.waitFor(/^The clock has started\.\n\? Your answer$/m);
    t.keys('C-d');
    await t.waitFor(/^\? Your answer is empty\.$/m);
    await t.choose('Skip this question');
    screen = await t.waitFor(/── Debrief[\s\S]*^\? See the full feedback on an answer\?$/m, { what: 'the debrief' });
    const debrief = block(screen, '── Debrief', /^\? See the full feedback/).join('\n');
    expect(debrief).toMatch(/^Overall (LOW|MEDIUM|HIGH) \d+\/100\n1 answered, 1 skipped; [01] at medium or above; \d:\d\d spent answering\.$/m);
    expect(debrief).toMatch(/^ 1 {2}\S.*\s(LOW|MEDIUM|HIGH) +\d+ +\d:\d\d {2}(no reply|[+-]\d+)$/m);
    expect(debrief).toMatch(/^ 2 {2}\S.*\sskipped$/m);
    expect(debrief).toMatch(/^Strongest \(question 1, (low|medium|high) \d+\):/m);
    expect(debrief).not.toMatch(/^Weakest/m); // one answer is no comparison
    expect(debrief).toMatch(/^The three next steps that would help most$/m);
    expect(debrief).toMatch(/^ {2}1\. \S/m);
    for (const l of debrief.split('\n')) expect(width(l), l).toBeLessThanOrEqual(80);
    // The full feedback on the answer, on request.
    await t.choose(screen.match(/^❯ (1\. .*)$/m)![1]!);
    const shown = await t.waitFor(/── Full feedback[\s\S]*(^── lines \d+-\d+ of \d+|^\? See the full feedback on an answer\?$)/m, { what: 'the feedback on answer 1' });
    if (/^── lines \d+-\d+ of \d+/m.test(shown.slice(shown.lastIndexOf('── Full feedback')))) t.keys('q');
    await t.waitFor((s) => /^\? See the full feedback on an answer\?$/m.test(s.slice(s.lastIndexOf('── Full feedback'))), { what: 'the menu after the feedback' });
    await t.choose('Finish');
    expect(await t.exitCode()).toBe(0);

    const h = readHistory(dir);
    expect(h.map((r) => r.type)).toEqual(['session', 'answer']);
    expect(h[0].plan).toMatchObject({ how: 'mock interview of 2', count: 2 });
    expect(h[1]).toMatchObject({ questionId: q1, attempt: 1 });
    expect(typeof h[1].took).toBe('number');
    expect(h[1].followUps).toHaveLength(1);
    expect(h[1].answer).toContain('ring them the next day');
  });

  it('Ctrl-C while typing an answer keeps it as a draft, says so, and exits 130', async () => {
    const dir = dataDir();
    const t = start(['practice', '--question', 'teamwork-01', '--mode', 'free', '--data', dir]);
    await t.waitFor(/^\? Your answer$/m);
    t.type('At the cafe I swapped stations with Jess so she');
    await new Promise((r) => setTimeout(r, 300));
    t.keys('C-c');
    expect(await t.exitCode()).toBe(130);
    const screen = t.screen();
    expect(screen).toMatch(/^What you had typed \(10 words\) is kept as a draft in .*history\.jsonl; it is not scored\.$/m);
    expect(screen).not.toMatch(/^\s+at\s/m);
    const h = readHistory(dir);
    expect(h.map((r) => r.type)).toEqual(['session', 'draft']);
    expect(h[1]).toMatchObject({ questionId: 'teamwork-01', attempt: 1, mode: 'free', text: 'At the cafe I swapped stations with Jess so she' });
    expect(h[1].question).toMatch(/^Tell me about/);
    // coach history counts the draft, and scores nothing for a session with no answer.
    const hist = runCoach(['history', '--data', dir], { env: { NO_COLOR: '1' } });
    expect(hist.stdout).toMatch(/· One question: “Tell me about[^”]*”\n  no answers; 1 draft kept, not scored$/m);
    expect(hist.stdout).not.toMatch(/mean score 0/);
  });

  it('Ctrl-C while replying to a follow-up keeps the answer, scored, and the reply typed so far as a draft', async () => {
    const dir = dataDir();
    const t = start(['practice', '--question', 'customer-focus-03', '--mode', 'free', '--data', dir]);
    const story = 'Last winter I worked at a hotel reception. A guest rang because she had left her laptop in her room. I found the laptop myself and booked a courier.';
    await t.waitFor(/^\? Your answer$/m);
    t.type(story);
    t.keys('C-d');
    await t.waitFor(/^\? Your reply$/m);
    t.type('I asked her what she');
    await new Promise((r) => setTimeout(r, 300));
    t.keys('C-c');
    expect(await t.exitCode()).toBe(130);
    const screen = t.screen();
    expect(screen).toMatch(/is kept as a draft in/);
    expect(block(screen, '── Session summary', /^Saved to /).join('\n')).toMatch(/Give an example of a time/);
    const h = readHistory(dir);
    expect(h.map((r) => r.type)).toEqual(['session', 'answer', 'draft']);
    expect(h[1]).toMatchObject({ questionId: 'customer-focus-03', attempt: 1, answer: story });
    expect(h[1].followUps).toEqual([{ gap: expect.any(String), question: expect.any(String), reply: '', start: -1 }]);
    expect(h[2]).toMatchObject({ questionId: 'customer-focus-03', attempt: 1, text: 'I asked her what she', followUp: h[1].followUps[0].question });
  });

  it('Ctrl-C while the adviser types a comment keeps the level chosen and the comment so far, exit 130', async () => {
    const dir = dataDir();
    const t = start(['practice', '--question', 'teamwork-01', '--mode', 'free', '--adviser', '--follow-ups', '0', '--data', dir]);
    await t.waitFor(/^\? Your answer$/m);
    t.type('I helped a new colleague learn the till, so the customer she was serving got a refund in two minutes.');
    t.keys('C-d');
    await t.waitFor(/Adviser: your level for this answer\?/);
    await t.choose('high');
    await t.waitFor(/Adviser: a comment/);
    t.type('Strong on ownership, but');
    await new Promise((r) => setTimeout(r, 300));
    t.keys('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(t.screen()).toMatch(/The adviser's level \(high\) and the comment typed so far were kept beside the coach's (low|medium|high)\./);
    const h = readHistory(dir);
    expect(h.map((r) => r.type)).toEqual(['session', 'answer', 'adviser']);
    expect(h[2]).toMatchObject({ questionId: 'teamwork-01', attempt: 1, level: 'high', comment: 'Strong on ownership, but', draft: true });
  });

  it('--ask: a question of your own, its kind and competency read and shown, the competency changed before answering', async () => {
    const dir = dataDir();
    const question = 'What would you do if a customer shouted at you about a late delivery?';
    const t = start(['practice', '--ask', question, '--mode', 'free', '--follow-ups', '0', '--data', dir]);
    let screen = await t.waitFor(/^\? Practise it as read\?/m);
    expect(screen.replace(/\n(?!\?|❯| {2}\S)/g, ' ')).toMatch(/Read as a situational question, from "What would you": it asks what you would do: lay out your steps\. Competency: Problem solving and complaints, from "shouted"\./);
    await t.choose('Change the competency');
    await t.waitFor(/^\? Which competency\?/m);
    await t.choose('Customer focus');
    screen = await t.waitFor(/Competency: Customer focus \(as you chose\)\.[\s\S]*^\? Practise it as read\?/m);
    await t.choose('Yes, practise it');
    screen = await t.waitFor(/^\? Your answer$/m);
    expect(screen).toMatch(/^Question 1 of 1 {2}your-question · customer-focus · situational$/m);
    t.type("I'd apologise, check the tracking myself, ring the courier and tell the customer exactly when it will arrive.");
    t.keys('C-d');
    screen = await t.waitFor(/^\? What next\?$/m);
    expect(screen).toMatch(/^(LOW|MEDIUM|HIGH) \d+\/100 {2}customer-focus · situational question$/m);
    await t.choose('Finish');
    expect(await t.exitCode()).toBe(0);
    const h = readHistory(dir);
    expect(h[0].plan).toMatchObject({ how: 'your own question' });
    expect(h[1]).toMatchObject({ questionId: null, attempt: 1 });
    expect(h[1].assessment).toMatchObject({ question, competency: 'customer-focus', competencyInferred: false, kind: 'situational', kindSource: 'wording' });
  });

  it('--focus weakest starts with the competencies never practised, and says why', async () => {
    const dir = dataDir();
    // A history with customer focus practised (well) and nothing else.
    const answers = runCoach(['score', '-', '--candidate', 'Sam', '--data', dir, '--format', 'json'], {
      stdin: JSON.stringify([{ question: 'Tell me about a time you went out of your way for a customer.', competency: 'customer-focus', answer: 'At a garden centre a man asked for weedkiller. I asked what the problem was and gave him two options. He came back in October and asked for me.' }]),
    });
    expect(answers.code, answers.stderr).toBe(0);
    const t = start(['practice', '--focus', 'weakest', '--count', '2', '--mode', 'free', '--follow-ups', '0', '--data', dir]);
    const screen = await t.waitFor(/^\? Your answer$/m);
    const drill = block(screen, 'A drill on your weakest areas', /^Question 1 of 2/).join('\n');
    expect(drill).toMatch(/^ {2}1\. [A-Z][^:]+: never practised\./m);
    expect(drill).toMatch(/^ {2}2\. [A-Z][^:]+: never practised\./m);
    expect(drill).not.toMatch(/Customer focus:/);
    expect(screen).not.toMatch(/^Question 1 of 2 {2}customer-focus-/m);
    t.keys('C-c');
    expect(await t.exitCode()).toBe(130);
  });
});

describe('coach progress lists the competencies never practised', () => {
  it('in text and JSON', () => {
    const dir = dataDir();
    const scored = runCoach(['score', '-', '--candidate', 'Sam', '--data', dir, '--format', 'json'], {
      stdin: JSON.stringify([{ question: 'Tell me about a time you helped a colleague.', competency: 'teamwork', answer: 'I showed a new colleague how to do refunds on the till, so the queue moved.' }]),
    });
    expect(scored.code, scored.stderr).toBe(0);
    const json = runCoachJson(['progress', '--data', dir, '--json']);
    expect(json.json.competencies.map((c: { competency: string }) => c.competency)).toEqual(['teamwork']);
    expect(json.json.neverPractised).toEqual(['customer-focus', 'problem-solving', 'adding-value', 'relationships', 'communication', 'integrity', 'service-culture']);
    const text = runCoach(['progress', '--data', dir], { env: { NO_COLOR: '1' } });
    expect(text.stdout.replace(/\n {2}/g, ' ')).toMatch(/^Never practised: Customer focus, Problem solving and complaints, .*Service culture and leadership \(coach practice --focus weakest starts with these\)$/m);
  });

  it('practice options that cannot be used are plain errors, with the nearest word', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'x'), '');
    for (const [args, says] of [
      [['--follow-ups', '3'], /--follow-ups is how many follow-up questions to ask after each answer: 0, 1 or 2, not "3"/],
      [['--follow-ups', 'one'], /0, 1 or 2, not "one"/],
      [['--focus', 'weakets'], /--focus takes "weakest", not "weakets" \(did you mean weakest\?\)/],
      [['--kind', 'opinion'], /--kind is for a question of your own: give it with --ask/],
      [['--ask', 'Why?', '--question', 'teamwork-01'], /--question and --ask each choose the questions: give one of them/],
      [['--mock', '--ask', 'Why?'], /--mock is several questions back to back/],
    ] as Array<[string[], RegExp]>) {
      const r = runCoach(['practice', ...args, '--data', dir]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(says);
      expect(r.stderr).not.toMatch(/^\s+at\s/m);
    }
  });
});
