import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

  it('a word far from every command lists the commands', () => {
    const r = runCoach(['xyzzy']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command "xyzzy" \(commands: score, eval, practice/);
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
