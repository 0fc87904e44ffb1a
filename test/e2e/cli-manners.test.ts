import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HAVE_TMUX, killTmuxServer, Tty } from './tty.js';
import { wrapHelp } from '../../src/cli/help-text.js';
import { EXAMPLES, REPO, runCoach, STACK_LINE } from './run-coach.js';

// CLI manners (issue 12): help fits 80 columns without breaking words, mistyped names get a
// suggestion, counts agree with their nouns, the quick start builds once.

const HELP = ['', 'score', 'eval', 'practice', 'history', 'progress', 'candidates', 'report', 'export', 'bank', 'bank list', 'bank show', 'bank validate', 'completion'];

describe('help is wrapped at 80 columns when not a terminal', () => {
  it.each(HELP.map((c) => [c || '(top level)', c]))('coach %s --help', (_label, c) => {
    const r = runCoach([...(c ? c.split(' ') : []), '--help'], { env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    // No word is split: every word of the help, joined back, is a word of the source text.
    expect(r.stdout).not.toMatch(/[a-z]-\n\s*[a-z]/);
    // An example's description stays in its column: "coach ... <gap> what it does".
    if (c === '') for (const l of r.stdout.split('\n').filter((x) => /^ {2}coach\b/.test(x))) expect(l, l).toMatch(/^ {2}coach(?: \S+)* {2,}\S/);
  });

  it('wrapHelp refills prose, keeps short indented lines, and hangs long ones under their description', () => {
    const text = `${'word '.repeat(30).trim()}\n\nExamples:\n  coach x   does x\n  1  ${'long description '.repeat(6).trim()}`;
    const out = wrapHelp(text, 40).split('\n');
    for (const l of out) expect(l.length).toBeLessThanOrEqual(40);
    expect(out).toContain('  coach x   does x');
    expect(out.filter((l) => l.startsWith('     long')).length).toBeGreaterThan(0); // under the description column
    expect(out.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
  });
});

describe.skipIf(!HAVE_TMUX)('help is wrapped at the width of a narrow terminal (tmux)', () => {
  afterAll(() => killTmuxServer());

  // commander stops wrapping descriptions in a narrow column unless told otherwise.
  it.each([['score', 60], ['', 64], ['practice', 56]] as const)('coach %s --help at %i columns', async (c, width) => {
    const tty = Tty.coach([...(c ? [c] : []), '--help'], { width, height: 200 });
    try {
      expect(await tty.exitCode()).toBe(0);
      // capture-pane -J joins the lines the terminal wrapped: none is longer than the terminal.
      const lines = tty.screen().split('\n');
      expect(lines.some((l) => l.includes('--help'))).toBe(true);
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(width);
    } finally {
      tty.kill();
    }
  });

  it('coach bank validate of one good file, at a terminal: "1 file: no problems"', async () => {
    const tty = Tty.coach(['bank', 'validate', 'examples/my-bank/questions/retail.yaml']);
    try {
      expect(await tty.exitCode()).toBe(0);
      expect(tty.screen()).toMatch(/^1 file: no problems$/m);
    } finally {
      tty.kill();
    }
  });
});

describe('did you mean', () => {
  it.each([
    [['pratice'], /unknown command "pratice" \(did you mean practice\?\)/],
    [['scroe', 'x.yaml'], /unknown command "scroe" \(did you mean score\?\)/],
    [['bank', 'list', '--competency', 'teamwrk'], /unknown competency "teamwrk": did you mean teamwork\?/],
    [['score', join(EXAMPLES, 'answer.txt'), '-c', 'custmer-focus'], /unknown competency "custmer-focus": did you mean customer-focus\?/],
    [['bank', 'show', 'customer-focus-1'], /did you mean customer-focus-01/],
    [['bank', 'show', 'drake-top-priorty'], /did you mean drake-top-priority\?/],
  ])('coach %j', (args, message) => {
    const r = runCoach(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it.each([
    ['questions/q.yaml', '- id: shop-x-01\n  competency: temwork\n  kind: behavioural\n  text: Tell me about a shop.\n  guidance: Say what you did.\n', /q\.yaml:2:15: unknown competency "temwork": did you mean teamwork\?/],
    ['sets/shop.yaml', '- name: shop\n  title: Shop\n  questions:\n    - integrity-1\n', /shop\.yaml:4:7: set "shop": unknown question "integrity-1" \(did you mean integrity-01/],
  ])('coach bank validate: a rubric file naming a competency or question that is not there (%s)', (file, yaml, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-manners-'));
    try {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), yaml);
      const r = runCoach(['bank', 'validate', join(dir, file)]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(message);
      expect(r.stderr).toBe('1 problem in 1 file\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a word far from every command lists the commands', () => {
    const r = runCoach(['xyzzy']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command "xyzzy" \(commands: score, eval, practice/);
    expect(r.stderr).toContain('completion'); // the commands in the help, not the hidden one
    expect(r.stderr).not.toContain('completion-server');
  });
});

describe('singular and plural', () => {
  it('one answer: "1 input", "1 answer"', () => {
    const one = runCoach(['score', '-', '--format', 'markdown'], { stdin: '- question: Tell me about a time you helped a customer.\n  answer: I helped a customer find a coat.\n' });
    expect(one.stdout).toContain('1 input: 1 scored');
    expect(runCoach(['bank', 'list', '--competency', 'teamwork', '--kind', 'opinion'], { env: { NO_COLOR: '1' } }).stdout).toMatch(/^\d+ questions?$/m);
  });
});

describe('the quick start builds once', () => {
  it('npm ci builds (prepare); npm run quickstart only scores', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string>; files: string[] };
    expect(pkg.scripts['prepare']).toBe('npm run build');
    expect(pkg.scripts['quickstart']).not.toMatch(/build/);
    expect(pkg.files).toContain('docs');
  });
});
