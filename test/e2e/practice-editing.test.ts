import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { block, count, HAVE_TMUX, killTmuxServer, readHistory, Tty } from './tty.js';

/**
 * coach practice's editing, screens and editor in a real terminal (tmux, NO_COLOR=1): revising
 * an answer by editing it, a guided retry part by part, the feedback summary and menu on a
 * 24-line screen, the question picker's filter, and $EDITOR, working and failing.
 */

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'coach-editing-'));
  dirs.push(d);
  return d;
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Visible width (every character the CLI prints here is one column wide). */
const width = (line: string): number => Array.from(line).length;

const LEVEL_LINE = /^(LOW|MEDIUM|HIGH) (\d{1,3})\/100 {2}\S+ · \S+ question$/m;
const MENU = /^\? What next\?$/m;

const TITLE = HAVE_TMUX ? 'coach practice: editing answers, screens and $EDITOR (tmux)' : 'coach practice editing: SKIPPED, tmux is not on PATH';
if (!HAVE_TMUX) console.warn('test/e2e/practice-editing.test.ts: tmux is not on PATH, so these interactive tests are skipped.');

describe.skipIf(!HAVE_TMUX)(TITLE, () => {
  let tty: Tty | null = null;
  const start = (args: string[], opts: Parameters<typeof Tty.coach>[1] = {}): Tty => (tty = Tty.coach(args, opts));
  afterEach(() => {
    tty?.kill();
    tty = null;
  });
  afterAll(() => killTmuxServer());

  it('a retry edits the previous answer: the cursor goes up into the middle line, a word is replaced, the rest stays', async () => {
    const dir = tempDir();
    const t = start(['practice', '--follow-ups', '0', '--question', 'customer-focus-02', '--mode', 'free', '--data', dir]);
    const lines = [
      'At my Saturday job in a hardware shop a woman asked for a new kettle.',
      'At first I was rude, as the shop was busy.',
      'I checked the plug, replaced the fuse, and the kettle worked again.',
    ];
    await t.waitFor(/^\? Your answer$/m);
    t.type(lines[0]!);
    t.keys('Enter');
    t.type(lines[1]!);
    t.keys('Enter');
    t.type(lines[2]!);
    t.keys('C-d');
    await t.waitFor(MENU);
    await t.choose('Try again: revise this answer');
    // The revision opens with the whole previous answer in the editor.
    await t.waitFor((s) => /^✔ What next\? Try again: revise this answer\n\? Your answer$/m.test(s) && count(s, lines[2]!) >= 2, {
      what: 'the retry prompt holding the previous answer',
    });
    // Up into the middle line, to its start, over five words ("At first I was rude,"), delete
    // the last of them and type a replacement.
    t.keys('Up');
    t.keys('Home');
    for (let i = 0; i < 5; i++) t.keys('C-Right');
    t.keys('C-w');
    t.type('short with her,');
    const edited = '  At first I was short with her, as the shop was busy.';
    await t.waitFor((s) => s.split('\n').includes(edited), { what: 'the edited middle line' });
    // The terminal's cursor is where the typing happened: on that line, after the new words.
    const cursor = t.cursorAt();
    const screen = t.visible().split('\n');
    expect(screen[cursor.y]).toBe(edited);
    expect(cursor.x).toBe(width('  At first I was short with her,'));
    t.keys('C-d');
    await t.waitFor(/── What changed[\s\S]*^\? What next\?$/m, { what: 'the feedback on the revision' });
    await t.choose('Finish');
    expect(await t.exitCode()).toBe(0);

    const answers = readHistory(dir).filter((r) => r.type === 'answer');
    expect(answers.map((a) => a.attempt)).toEqual([1, 2]);
    expect(answers[0].answer).toBe(lines.join('\n'));
    // The scored revision has the change, the old word is gone, the other lines are as they were.
    expect(answers[1].answer).toBe([lines[0], 'At first I was short with her, as the shop was busy.', lines[2]].join('\n'));
    expect(answers[1].answer).not.toContain('rude');
    expect(answers[1].mode).toBe('free');
  });

  it('a multi-line paste lands at the cursor with its line breaks, and Enter, Backspace and Delete edit anywhere', async () => {
    const dir = tempDir();
    const t = start(['practice', '--follow-ups', '0', '--question', 'teamwork-01', '--mode', 'free', '--data', dir]);
    await t.waitFor(/^\? Your answer$/m);
    t.type('At the cafe I swapped stations with Jess.');
    t.keys('Enter');
    t.type('The queue was gone in fifteen minutes.');
    // Up to the end of the first line, then paste two lines there.
    t.keys('Up');
    t.keys('End');
    t.paste('\nShe was new, so I showed her the till.\nI took the orders myself.');
    // Backspace and Delete across line ends: join the last two lines and split them again.
    t.keys('Down');
    t.keys('Home');
    t.keys('BSpace');
    t.keys('Enter');
    t.keys('C-Home');
    t.keys('Delete');
    t.type('A');
    await t.waitFor((s) => s.includes('  At the cafe I swapped stations with Jess.') && s.includes('  I took the orders myself.'), { what: 'the pasted lines' });
    t.keys('C-d');
    await t.waitFor(MENU);
    const [a] = readHistory(dir).filter((r) => r.type === 'answer');
    expect(a.answer).toBe(['At the cafe I swapped stations with Jess.', 'She was new, so I showed her the till.', 'I took the orders myself.', 'The queue was gone in fifteen minutes.'].join('\n'));
  });

  it('a guided retry asks each STAR part again with its text, so the missing Result can be added', async () => {
    const dir = tempDir();
    const t = start(['practice', '--follow-ups', '0', '--question', 'customer-focus-02', '--mode', 'guided', '--data', dir]);
    const parts = {
      Situation: 'Last spring a customer came into the shop asking for a new phone charger.',
      Task: 'My job was to help her find what she really needed.',
      Action: 'I asked her what she used it for and checked the cable, then I cleaned the port.',
    };
    const result = 'As a result the phone charged again, she saved money and came back the next week as a regular.';
    for (const [label, text] of Object.entries(parts)) {
      await t.waitFor(new RegExp(`^\\? ${label}$`, 'm'), { what: `the ${label} prompt` });
      t.type(text);
      t.keys('C-d');
    }
    await t.waitFor(/^\? Result$/m);
    t.keys('C-d'); // no result the first time
    let screen = await t.waitFor(MENU);
    expect(screen).toContain('STAR  ✓ situation  ✓ task  ✓ action  ✗ result');
    await t.choose('Try again: revise this answer');

    // Each part comes back with what was written for it, ready to edit; Ctrl-D keeps it.
    for (const [label, text] of Object.entries(parts)) {
      screen = await t.waitFor((s) => new RegExp(`^\\? ${label}\\n[\\s\\S]*^ {2}${text.slice(0, 30)}`, 'm').test(s.slice(s.lastIndexOf('✔ What next? Try again'))), {
        what: `the ${label} prompt holding its previous text`,
      });
      t.keys('C-d');
    }
    await t.waitFor((s) => /^\? Result$/m.test(s.slice(s.lastIndexOf('✔ What next? Try again'))), { what: 'the Result prompt of the retry' });
    t.type(result);
    t.keys('C-d');
    screen = await t.waitFor(/── What changed[\s\S]*^\? What next\?$/m, { what: 'the feedback on the retry' });
    const changed = block(screen, '── What changed', MENU).join('\n');
    expect(changed).toMatch(/^Gained: .*\+ STAR result/m);
    expect(block(screen, '── Feedback', /^── What changed/).join('\n')).toContain('STAR  ✓ situation  ✓ task  ✓ action  ✓ result');
    await t.choose('Finish');
    expect(await t.exitCode()).toBe(0);

    const [a1, a2] = readHistory(dir).filter((r) => r.type === 'answer');
    expect(a1).toMatchObject({ attempt: 1, mode: 'guided', answer: Object.values(parts).join('\n') });
    expect(a2).toMatchObject({ attempt: 2, mode: 'guided', answer: [...Object.values(parts), result].join('\n') });
    expect(a1.assessment.star.result.present).toBe(false);
    expect(a2.assessment.star.result.present).toBe(true);
  });

  it('on a 24-line, 80-column screen the summary (level, score, why, next step) and the whole menu show together; the full feedback pages', async () => {
    const dir = tempDir();
    const t = start(['practice', '--follow-ups', '0', '--question', 'problem-solving-02', '--mode', 'free', '--data', dir], { width: 80, height: 24 });
    await t.waitFor(/^\? Your answer$/m);
    t.type(
      "In my summer job at an energy company's call centre, I took a call from a man who had rung three times about a wrong meter reading, and each time he had been told someone would call him back. " +
        'He was fed up. I apologised and told him I would deal with it myself rather than pass it on again. ' +
        'I checked his account and saw the old reading had been entered twice, so I corrected it and had his bill reissued that afternoon. ' +
        'I rang him the next day to check the new bill had arrived, and it was 64 pounds lower. He thanked me and said he was glad someone had finally taken charge of it.',
    );
    t.keys('C-d');
    await t.waitFor(/^↑↓ navigate/m, { what: 'the whole menu' });
    const shown = t.visible();
    const lines = shown.split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    const level = LEVEL_LINE.exec(shown);
    expect(level, shown).not.toBeNull();
    expect(shown).toMatch(/^Why: \S/m);
    expect(shown).toMatch(/^STAR {2}[✓✗] situation/m);
    expect(shown).toMatch(/^Next: \S/m);
    expect(shown).toMatch(MENU);
    for (const choice of ['❯ Try again: revise this answer', '  Show full feedback', '  What a strong answer shows', '  Finish']) {
      expect(lines, shown).toContain(choice);
    }
    for (const l of lines) expect(width(l), l).toBeLessThanOrEqual(80);
    // The screen shows the score that was saved.
    const [a] = readHistory(dir).filter((r) => r.type === 'answer');
    expect([level![1], Number(level![2])]).toEqual([a.assessment.level.toUpperCase(), a.assessment.score]);

    // The full feedback is taller than the screen: one page at a time, then back to the menu.
    await t.choose('Show full feedback');
    const page = await t.waitFor(/^── lines 1-22 of \d+/m, { what: 'the first page of the full feedback' });
    const total = Number(/^── lines 1-22 of (\d+)/m.exec(page)![1]);
    expect(total).toBeGreaterThan(22);
    expect(t.visible()).toContain('── Full feedback');
    // Space turns the pages, 22 lines at a time, to the end.
    let end = 22;
    while (end < total) {
      t.keys('Space');
      const from = end + 1;
      end = Math.min(total, end + 22);
      await t.waitFor((s) => t.visible().includes(`── lines ${Math.min(from, total - 21)}-${end} of ${total}`), { what: `the page ending at line ${end}` });
    }
    t.keys('q');
    await t.waitFor((s) => MENU.test(s.slice(s.lastIndexOf('── Full feedback'))), { what: 'the menu after the full feedback' });
    const full = t.screen();
    expect(full.slice(full.lastIndexOf('── Full feedback'))).toMatch(/^Your answer, sentence by sentence/m);
    await t.choose('Finish');
    expect(await t.exitCode()).toBe(0);
  });

  it('the question picker narrows as you type, its questions wrapped between words', async () => {
    const dir = tempDir();
    const t = start(['practice', '--follow-ups', '0', '--mode', 'free', '--data', dir]);
    await t.waitFor(/What would you like to practise\?/);
    await t.choose('A question from the bank');
    const before = await t.waitFor(/^\? Which question\? Type to filter:\n❯ [\s\S]*^↑↓ navigate/m, { what: 'the picker with its questions' });
    const list = (s: string): string[] => block(s, '? Which question?', /^ ?$/).slice(1);
    const firstLines = (s: string): string[] => list(s).filter((l) => /^(❯ | {2})\S/.test(l));
    expect(firstLines(before).length).toBeGreaterThanOrEqual(4);
    for (const l of list(before)) {
      expect(l).toMatch(/^(❯ | {2}\S| {4}\S)/);
      expect(width(l), l).toBeLessThanOrEqual(80);
    }
    t.type('needed something else');
    const narrowed = await t.waitFor((s) => /^customer-focus-02 · customer-focus · behavioural$/m.test(s) && firstLines(s).length === 1, {
      what: 'the list narrowed to one question',
    });
    expect(list(narrowed).map((l) => l.trim()).join(' ')).toBe('❯ Describe a situation where a customer asked for one thing but actually needed something else.');
    t.keys('Enter');
    await t.waitFor(/Question 1 of 1 {2}customer-focus-02/);
    await t.waitFor(/^\? Your answer$/m);
    t.keys('C-c');
    await t.exitCode();
    expect(readHistory(dir)[0]?.plan).toMatchObject({ how: 'question customer-focus-02' });
  });

  it('a failing $EDITOR is one clear line and a choice of another way to answer, not a loop', async () => {
    const dir = tempDir();
    const t = start(['practice', '--follow-ups', '0', '--question', 'teamwork-01', '--mode', 'editor', '--data', dir], { env: { EDITOR: '/nonexistent', VISUAL: '' } });
    const screen = await t.waitFor(/^\? How do you want to answer instead\?$/m, { what: 'the choice of another mode' });
    const failure = screen.split('\n').filter((l) => /editor/i.test(l) && !/^(\?|❯| {2})/.test(l));
    expect(failure).toEqual(['Opening your editor: save and close it to finish.', 'Your editor "/nonexistent" ($EDITOR) could not start: no such program.']);
    expect(screen).not.toContain('LaunchEditorError');
    expect(screen).not.toMatch(/^\s+at\s/m);
    expect(count(screen, 'How do you want to answer instead?')).toBe(1);
    await t.choose('Type it here in the terminal');
    await t.waitFor(/^\? Your answer$/m);
    t.type('I helped a new colleague learn the till, so the customer she was serving got a refund in two minutes.');
    t.keys('C-d');
    await t.waitFor(MENU);
    await t.choose('Finish');
    expect(await t.exitCode()).toBe(0);
    const answers = readHistory(dir).filter((r) => r.type === 'answer');
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ mode: 'free', attempt: 1 });
  });

  it('$EDITOR opens with the question and STAR hints as # lines, which are left out of the answer; a retry opens the previous answer', async () => {
    const dir = tempDir();
    const seen = tempDir();
    // A stand-in editor: keeps a copy of the file it was given, then adds a line to it.
    const editor = join(seen, 'fake-editor.sh');
    writeFileSync(editor, [
      '#!/bin/sh',
      `n=$(ls '${seen}' | grep -c '^seen-')`,
      `cp "$1" '${seen}'/seen-$n.txt`,
      'if [ "$n" = 0 ]; then line="I helped a new colleague learn the till, so the customer got a refund quickly."; else line="She thanked me, and the queue was gone in ten minutes."; fi',
      'printf "%s\\n" "$line" >> "$1"',
      '',
    ].join('\n'));
    chmodSync(editor, 0o755);
    const t = start(['practice', '--follow-ups', '0', '--question', 'teamwork-01', '--mode', 'editor', '--data', dir], { env: { EDITOR: editor, VISUAL: '' } });
    await t.waitFor(MENU);
    await t.choose('Try again: revise this answer');
    await t.waitFor(/── What changed[\s\S]*^\? What next\?$/m, { what: 'the feedback on the retry' });
    await t.choose('Finish');
    expect(await t.exitCode()).toBe(0);

    const files = readdirSync(seen).filter((f) => f.startsWith('seen-')).sort();
    expect(files).toEqual(['seen-0.txt', 'seen-1.txt']);
    const first = readFileSync(join(seen, 'seen-0.txt'), 'utf8').split('\n');
    expect(first[0]).toMatch(/^# Question: \S/);
    for (const part of ['Situation', 'Task', 'Action', 'Result']) expect(first.some((l) => l.startsWith(`# ${part}: `)), part).toBe(true);
    expect(first.filter((l) => l.trim() !== '' && !l.startsWith('#'))).toEqual([]);
    const second = readFileSync(join(seen, 'seen-1.txt'), 'utf8').split('\n');
    expect(second[0]).toBe(first[0]);
    expect(second.filter((l) => l.trim() !== '' && !l.startsWith('#'))).toEqual(['I helped a new colleague learn the till, so the customer got a refund quickly.']);

    const [a1, a2] = readHistory(dir).filter((r) => r.type === 'answer');
    expect(a1).toMatchObject({ mode: 'editor', answer: 'I helped a new colleague learn the till, so the customer got a refund quickly.' });
    expect(a2).toMatchObject({ mode: 'editor', answer: 'I helped a new colleague learn the till, so the customer got a refund quickly.\nShe thanked me, and the queue was gone in ten minutes.' });
  });
});
