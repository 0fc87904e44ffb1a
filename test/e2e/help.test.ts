import { describe, expect, it } from 'vitest';
import { runCoach, STACK_LINE, type CoachResult } from './run-coach.js';

// Every command documents itself: usage, examples and what the exit codes mean.
const COMMANDS: string[][] = [
  [],
  ['score'],
  ['eval'],
  ['bank'],
  ['bank', 'list'],
  ['bank', 'show'],
  ['bank', 'validate'],
  ['candidates'],
];


describe('--help', () => {
  const cache = new Map<string, CoachResult>();
  const runs = {
    get(key: string): CoachResult {
      if (!cache.has(key)) cache.set(key, runCoach([...(key ? key.split(' ') : []), '--help'], { env: { NO_COLOR: '1' } }));
      return cache.get(key)!;
    },
  };

  it.each(COMMANDS.map((c) => [c.join(' ') || '(top level)', c.join(' ')]))('coach %s --help: exit 0, usage and examples on stdout', (_label, key) => {
    const r = runs.get(key);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp(`^Usage: coach${key ? ` ${key}` : ''} `));
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toMatch(/^ {2}coach \S+/m); // at least one example command line
    expect(r.stdout).not.toMatch(STACK_LINE);
  });

  it.each(COMMANDS.map((c) => [c.join(' ') || '(top level)', c.join(' ')]))('coach %s --help documents the exit codes', (_label, key) => {
    const out = runs.get(key).stdout;
    expect(out).toContain('Exit codes');
    expect(out).toMatch(/^ {2}0 {2}success/m);
    expect(out).toMatch(/^ {2}1 {2}findings/m);
    expect(out).toMatch(/^ {2}2 {2}/m);
  });

  it('top-level help lists the commands', () => {
    const out = runs.get('').stdout;
    for (const c of ['score', 'eval', 'bank']) expect(out).toMatch(new RegExp(`^ {2}${c}\\b`, 'm'));
  });

  it('score --help names the options used in the tests', () => {
    const out = runs.get('score').stdout;
    for (const o of ['--format', '--json', '--question', '--competency', '--stdin-format', '--fail-under', '--rubrics']) expect(out).toContain(o);
  });
});
