import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COACH, REPO, runCoach } from './run-coach.js';
import { HAVE_TMUX, killTmuxServer, Tty } from './tty.js';

// Shell completion (issue 12, item 7): `coach completion SHELL` prints @pnpm/tabtab's script;
// on each Tab the script runs `coach completion-server -- coach WORDS...`. The tests run the
// scripts in the real shells: bash's completion function as bash calls it (COMP_WORDS,
// COMP_CWORD), fish's `complete -C`, and a Tab typed in a terminal (tmux) in bash, zsh and fish.
// zsh and fish are installed by .ci/run where it can; their tests skip where they are missing.

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const HAVE_ZSH = has('zsh');
const HAVE_FISH = has('fish');
for (const [shell, ok] of [['zsh', HAVE_ZSH], ['fish', HAVE_FISH], ['tmux', HAVE_TMUX]] as const) {
  if (!ok) console.warn(`test/e2e/completion.test.ts: ${shell} is not on PATH, so its completion tests are skipped.`);
}

const SETS = ['banking', 'call-centre', 'graduate-scheme', 'hospitality', 'retail'];
const FORMATS = ['text', 'json', 'jsonl', 'csv', 'markdown', 'html'];

let dir = '';
let env: Record<string, string> = {};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'coach-completion-'));
  // `coach` on PATH, as the scripts call it.
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin', 'coach'), `#!/bin/sh\nexec '${process.execPath}' '${COACH}' "$@"\n`);
  chmodSync(join(dir, 'bin', 'coach'), 0o755);
  env = { PATH: `${join(dir, 'bin')}:/usr/local/bin:/usr/bin:/bin`, HOME: dir, COACH_DATA_DIR: join(dir, 'data') };
  // Two candidates in the history, one with a space in the name.
  for (const name of ['Sam Patel', 'Ana']) {
    const r = runCoach(['score', '-', '--candidate', name, '--quiet'], { env: { COACH_DATA_DIR: env['COACH_DATA_DIR'] }, stdin: '- question: Tell me about a time you helped a customer.\n  answer: I helped a customer find a coat that fitted, and she came back the next week.\n' });
    expect(r.code, r.stderr).toBe(0);
  }
});

afterAll(() => {
  killTmuxServer();
  rmSync(dir, { recursive: true, force: true });
});

function run(cmd: string, args: string[], input = ''): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd: REPO, env, input, encoding: 'utf8', timeout: 30_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('coach completion SHELL prints the script', () => {
  it.each([
    ['bash', 'complete -o default -F _coach_completion coach', ['bash', '-n']],
    ['zsh', 'compdef _coach_completion coach', HAVE_ZSH ? ['zsh', '-n'] : null],
    ['fish', "complete -f -d 'coach' -c coach", HAVE_FISH ? ['fish', '-n'] : null],
  ] as const)('%s', (shell, registers, check) => {
    const r = runCoach(['completion', shell]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(registers);
    expect(r.stdout).toContain('coach completion-server');
    // The shell itself reads it without a syntax error.
    if (check) {
      const file = join(dir, `script.${shell}`);
      writeFileSync(file, r.stdout);
      const syntax = run(check[0], [...check.slice(1), file]);
      expect(syntax.code, syntax.stderr).toBe(0);
    }
  });

  it('an unknown shell is an error naming the ones there are', () => {
    const r = runCoach(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Allowed choices are bash, zsh, fish/);
  });

  it('--help says how to install it, in 80 columns', () => {
    const r = runCoach(['completion', '--help']);
    expect(r.code).toBe(0);
    for (const shell of ['bash', 'zsh', 'fish']) expect(r.stdout).toContain(`coach completion ${shell} >`);
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('the request command is not in the help', () => {
    expect(runCoach(['--help']).stdout).not.toContain('completion-server');
  });
});

/**
 * bash's completion, as bash runs it on Tab: the script sourced, COMP_WORDS / COMP_CWORD /
 * COMP_LINE / COMP_POINT set for the command line, the function `complete -p coach` names
 * called, and COMPREPLY read back. `words` ends with the word under the cursor ('' after a space).
 */
function bashTab(words: string[]): string[] {
  const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  const line = ['coach', ...words].join(' ');
  const script = [
    'source <(coach completion bash)',
    // The function bash was told to call for coach.
    `fn=$(complete -p coach | sed -E 's/.*-F ([^ ]+) .*/\\1/')`,
    `COMP_WORDS=(coach ${words.map(q).join(' ')}); COMP_CWORD=${words.length}; COMP_LINE=${q(line)}; COMP_POINT=${line.length}`,
    '"$fn" coach; printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const r = run('bash', ['-c', script]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.split('\n').filter((l) => l !== '');
}

describe('bash: Tab offers', () => {
  it.each<[string[], string[]]>([
    [[''], ['score', 'eval', 'practice', 'history', 'progress', 'candidates', 'report', 'export', 'bank', 'completion']],
    [['pr'], ['practice', 'progress']],
    [['bank', ''], ['list', 'show', 'validate', 'help']],
    [['bank', 'help', 'sh'], ['show']],
    [['score', '--f'], ['--format', '--fail-under', '--force']],
    [['score', '--format', ''], FORMATS],
    [['score', '-f', 'j'], ['json', 'jsonl']],
    [['score', '--format', '=', 'm'], ['markdown']], // bash without bash-completion splits at "="
    [['score', '--stdin-format', ''], ['yaml', 'json', 'jsonl', 'csv', 'text', 'vtt', 'srt']],
    [['score', '--fail-under', ''], ['low', 'medium', 'high']],
    [['report', '--format', 'c'], ['csv']],
    [['practice', '--competency', 'cu'], ['customer-focus']],
    [['score', '-c', 'team'], ['teamwork']],
    [['practice', '--set', ''], SETS],
    [['practice', '--mode', ''], ['free', 'guided', 'editor', 'transcript']],
    [['bank', 'list', '--kind', 's'], ['situational']],
    [['bank', 'show', 'drake'], ['drake-top-priority']],
    [['bank', 'show', 'call'], ['call-centre']],
    [['completion', ''], ['bash', 'zsh', 'fish']],
    [['report', '--candidate', ''], ['Sam\\ Patel', 'Ana']],
    [['report', '--candidate', 'Sam\\ P'], ['Sam\\ Patel']],
    [['report', '--candidate', '"Sam P'], ['Sam Patel']], // inside quotes bash needs no escape
    [['export', '--labelled', '--candidate', 'A'], ['Ana']],
    [['history', ''], ['--data', '--json', '--help', '-h', '--no-color']], // no arguments: its options
  ])('coach %j', (words, expected) => {
    expect(bashTab(words).sort()).toEqual([...expected].sort());
  });

  it('a word that is a file argument offers nothing, so bash completes file names (complete -o default)', () => {
    expect(bashTab(['score', 'examples/answers.y'])).toEqual([]);
    expect(bashTab(['score', '-o', ''])).toEqual([]);
    expect(run('bash', ['-c', 'source <(coach completion bash); complete -p coach']).stdout).toMatch(/complete -o default -F \S+ coach/);
  });

  it('--question is a bank id for practice (every one with the prefix typed) and free text for score', () => {
    const ids = (JSON.parse(runCoach(['bank', 'list', '--json']).stdout) as { questions: Array<{ id: string }> }).questions.map((q) => q.id).filter((id) => id.startsWith('integrity-'));
    expect(ids.length).toBeGreaterThan(3);
    expect(bashTab(['practice', '--question', 'integrity-']).sort()).toEqual(ids.sort());
    expect(bashTab(['score', '--question', 'integrity-0'])).toEqual([]);
  });

  it('questions and competencies come from --rubrics too, when the line names a folder', () => {
    const words = ['practice', '--rubrics', 'examples/my-bank', '--question', ''];
    const bundled = bashTab(['practice', '--question', '']);
    const own = bashTab(words).filter((id) => !bundled.includes(id));
    expect(own).toContain('shop-gift-01');
  });

  it('candidates come from --data when it is on the line', () => {
    expect(bashTab(['report', '--data', join(dir, 'nowhere'), '--candidate', ''])).toEqual([]);
    expect(bashTab(['report', '--data', join(dir, 'data'), '--candidate', ''])).toContain('Ana');
  });
});

describe.skipIf(!HAVE_FISH)('fish: complete -C offers', () => {
  function fishTab(line: string): string[] {
    const r = run('fish', ['--no-config', '-c', `coach completion fish | source; complete -C ${JSON.stringify(line)}`]);
    expect(r.code).toBe(0);
    return r.stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t')[0]!);
  }

  it.each<[string, string[]]>([
    ['coach sc', ['score']],
    ['coach score --format ', FORMATS],
    ['coach score --form', ['--format']],
    ['coach practice --set ', SETS],
    ['coach practice --competency team', ['teamwork']],
    ['coach report --candidate Sa', ['Sam Patel']],
    ['coach bank show drake-', ['drake-top-priority']],
    ['coach score examples/answers.y', ['examples/answers.yaml']], // file names
  ])('%j', (line, expected) => {
    expect(fishTab(line).sort()).toEqual([...expected].sort());
  });

  it('values come with their descriptions', () => {
    const r = run('fish', ['--no-config', '-c', 'coach completion fish | source; complete -C "coach practice --set ret"']);
    expect(r.stdout).toBe('retail\tRetail sales assistant\n');
  });
});

/** The last line on the screen with text on it: the command line being edited. */
const lastLine = (screen: string): string => screen.trimEnd().split('\n').pop() ?? '';

/** Waits for the shell's prompt (its start-up files read). */
async function ready(tty: Tty): Promise<void> {
  tty.type('echo COMPLETION-READY');
  tty.keys('Enter');
  await tty.waitFor(/^COMPLETION-READY$/m, { what: 'the shell to start' });
}

/** Installs the completion as `coach completion --help` says, in the test's own home folder. */
function install(command: string): void {
  const r = run('sh', ['-c', command]);
  expect(r.code, r.stderr).toBe(0);
}

/** Types `line` on an empty command line, presses Tab, and waits until the line reads `becomes`. */
async function tabIn(tty: Tty, line: string, becomes: string): Promise<void> {
  tty.keys('C-u');
  tty.type(line);
  tty.keys('Tab');
  await tty.waitFor((s) => lastLine(s).endsWith(becomes), { what: `"${becomes}" after Tab on "${line}"` });
}

const LINES: Array<[string, string]> = [
  ['coach practice --set ret', 'coach practice --set retail'],
  ['coach report --candidate Sa', 'coach report --candidate Sam\\ Patel'],
  ['coach score --stdin-format ya', 'coach score --stdin-format yaml'],
  // A file argument: the shell's own file-name completion.
  ['coach score examples/answers.y', 'coach score examples/answers.yaml'],
];

describe.skipIf(!HAVE_TMUX)('a Tab typed in a terminal (tmux), with the completion installed as the help says', () => {
  it('bash', async () => {
    install('coach completion bash >> ~/.bashrc');
    const tty = Tty.shell(['bash', '-i'], env);
    try {
      await ready(tty);
      for (const [line, becomes] of LINES) await tabIn(tty, line, becomes);
    } finally {
      tty.kill();
    }
  });

  it.skipIf(!HAVE_ZSH)('zsh', async () => {
    writeFileSync(join(dir, '.zshrc'), 'autoload -Uz compinit && compinit -u\n');
    install('coach completion zsh >> ~/.zshrc');
    const tty = Tty.shell(['zsh'], env);
    try {
      await ready(tty);
      for (const [line, becomes] of LINES) await tabIn(tty, line, becomes);
      // Where several fit, Tab lists them with their descriptions.
      tty.keys('C-u');
      tty.type('coach practice --set ');
      tty.keys('Tab');
      const screen = await tty.waitFor(/retail\s+-- Retail sales assistant/, { what: 'the list of sets' });
      for (const set of SETS) expect(screen).toContain(set);
    } finally {
      tty.kill();
    }
  });

  it.skipIf(!HAVE_FISH)('fish', async () => {
    mkdirSync(join(dir, '.config', 'fish'), { recursive: true }); // as fish makes it when it first runs
    install('coach completion fish >> ~/.config/fish/config.fish');
    const tty = Tty.shell(['fish'], env);
    try {
      await ready(tty);
      for (const [line, becomes] of LINES) await tabIn(tty, line, becomes);
    } finally {
      tty.kill();
    }
  });
});
