import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COACH, REPO, runCoach } from './run-coach.js';

// A fresh clone has everything its README, its --help and its rubric files point to: no path
// leaves the repository, and every example command runs (issue 12).

const README = readFileSync(join(REPO, 'README.md'), 'utf8');
const LEVELS = readFileSync(join(REPO, 'docs', 'levels.md'), 'utf8');
const HELP_COMMANDS = ['', 'score', 'eval', 'practice', 'history', 'progress', 'candidates', 'report', 'export', 'bank', 'bank list', 'bank show', 'bank validate', 'completion'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

const help = new Map(HELP_COMMANDS.map((c) => {
  const r = runCoach([...(c ? c.split(' ') : []), '--help'], { env: { NO_COLOR: '1' } });
  return [c, r.stdout] as const;
}));

/** The example commands of a help text: the lines under "Examples:", with wrapped ones joined. */
export function helpExamples(text: string): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  let inExamples = false;
  for (const line of lines) {
    if (line === 'Examples:') inExamples = true;
    else if (inExamples && line.trim() === '') inExamples = false;
    else if (inExamples && /^ {2}\S/.test(line)) out.push(line.trim());
    // A command wrapped at 80 columns continues 4 spaces in; a description alone sits further in.
    else if (inExamples && /^ {3,8}\S/.test(line) && out.length) out[out.length - 1] += ` ${line.trim()}`;
  }
  // "coach score x.yaml      what it does": the command is what comes before the gap.
  return out.map((l) => l.split(/ {2,}/)[0]!.trim()).filter((l) => l.startsWith('coach') || l.startsWith('cat '));
}

/** The commands of the README's ```sh blocks, without their trailing comments. */
export function readmeExamples(md: string): string[] {
  const out: string[] = [];
  for (const block of md.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const raw of block[1]!.split('\n')) {
      const line = raw.replace(/\s+#\s.*$/, '').trim();
      if (line.startsWith('coach') || line.startsWith('cat ')) out.push(line);
    }
  }
  return out;
}

/** Examples that need a person at a terminal. */
const interactive = (cmd: string): boolean => /^coach(\s+practice\b|\s*$)/.test(cmd);

describe('no path leaves the repository', () => {
  const texts: Array<[string, string]> = [
    ['README.md', README],
    ['docs/levels.md', LEVELS],
    ...filesUnder(join(REPO, 'rubrics')).map((f) => [relative(REPO, f), readFileSync(f, 'utf8')] as [string, string]),
    ...[...help].map(([c, t]) => [`coach ${c} --help`.replace('  ', ' '), t] as [string, string]),
  ];

  it.each(texts.map(([name, text]) => [name, text]))('%s names no path outside the repository', (_name, text) => {
    expect(text).not.toMatch(/\.\.\/|\.\.\\/);
    expect(text).not.toMatch(/(^|[\s(`"'])\/(work|home|tmp|Users)\//m);
    expect(text).not.toMatch(/\bshared\/(seeds|eval|levels)/);
  });

  it('every Markdown link in README.md and docs/levels.md points to a file in the repository', () => {
    for (const [file, md] of [['README.md', README], ['docs/levels.md', LEVELS]] as const) {
      for (const m of md.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!.replace(/#.*$/, '');
        if (/^[a-z]+:/.test(target) || target === '') continue;
        const abs = resolve(REPO, dirname(file), target);
        expect(abs.startsWith(REPO), `${file}: ${m[1]}`).toBe(true);
        expect(existsSync(abs), `${file}: ${m[1]} does not exist`).toBe(true);
      }
    }
  });

  it('every repository path named in README.md, docs/levels.md, the help and the rubric headers exists', () => {
    const all = [README, LEVELS, ...help.values(), ...filesUnder(join(REPO, 'rubrics')).map((f) => readFileSync(f, 'utf8'))].join('\n');
    const paths = new Set([...all.matchAll(/\b((?:docs|examples|rubrics|test|src|scripts|bin)\/[\w./-]*[\w/])/g)].map((m) => m[1]!).filter((p) => !/[*{]/.test(p)));
    expect(paths.size).toBeGreaterThan(10);
    for (const p of paths) expect(existsSync(join(REPO, p)), `${p} is named but does not exist`).toBe(true);
  });

  it('the README, coach --help and the rubric files link the scoring contract', () => {
    expect(README).toContain('](docs/levels.md)');
    expect(help.get('')).toContain('docs/levels.md');
    for (const f of ['competencies.yaml', 'structure.yaml', 'sources.yaml', 'indicators/high.yaml', 'indicators/medium.yaml', 'indicators/low.yaml']) {
      expect(readFileSync(join(REPO, 'rubrics', f), 'utf8').split('\n').slice(0, 3).join('\n'), f).toContain('docs/levels.md');
    }
  });
});

describe('every example in the README and in --help runs from a fresh clone', () => {
  let work: string;
  let env: Record<string, string>;

  beforeAll(() => {
    // A copy of what a clone has that the examples read, and `coach` on the PATH.
    work = mkdtempSync(join(tmpdir(), 'coach-examples-'));
    for (const d of ['examples', 'rubrics', 'docs', join('test', 'fixtures', 'labelled')]) cpSync(join(REPO, d), join(work, d), { recursive: true });
    mkdirSync(join(work, '.bin'));
    writeFileSync(join(work, '.bin', 'coach'), `#!/bin/sh\nexec "${process.execPath}" "${COACH}" "$@"\n`);
    chmodSync(join(work, '.bin', 'coach'), 0o755);
    const data = join(work, '.data');
    // A home of its own: the completion examples add to ~/.bashrc, ~/.zshrc and fish's
    // config.fish (in ~/.config/fish, which fish makes when it first runs).
    const home = join(work, '.home');
    mkdirSync(join(home, '.config', 'fish'), { recursive: true });
    env = { ...process.env as Record<string, string>, PATH: `${join(work, '.bin')}:${process.env['PATH']}`, COACH_DATA_DIR: data, NO_COLOR: '1', HOME: home };
    delete env['FORCE_COLOR'];
    // A history, as the adviser examples expect: Sam Patel's answers, one of them judged.
    const seeded = runCoach(['score', join(REPO, 'examples', 'answers.yaml'), '--candidate', 'Sam Patel', '--data', data]);
    expect(seeded.code).toBe(0);
    const first = JSON.parse(readFileSync(join(data, 'history.jsonl'), 'utf8').split('\n').find((l) => l.includes('"type":"answer"'))!);
    appendFileSync(join(data, 'history.jsonl'), `${JSON.stringify({ v: 1, type: 'adviser', session: first.session, at: first.at, questionId: first.questionId, attempt: first.attempt, level: 'medium', comment: 'Owns it, but passes it on too soon.', candidate: 'Sam Patel' })}\n`);
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const examples = [...new Set([...readmeExamples(README), ...[...help.values()].flatMap(helpExamples)])];

  it('finds the examples (and skips only the interactive ones)', () => {
    expect(examples.length).toBeGreaterThan(35);
    expect(examples).toContain('coach eval examples/labelled.yaml');
    expect(examples.filter(interactive).every((c) => /^coach(\s+practice|$)/.test(c))).toBe(true);
  });

  it.each(examples.filter((c) => !interactive(c)).map((c) => [c]))('%s', (cmd) => {
    const r = spawnSync('sh', ['-c', cmd], { cwd: work, env, encoding: 'utf8', timeout: 60_000 });
    const said = `${cmd}\nexit ${r.status}\n${r.stdout.slice(0, 800)}\n${r.stderr.slice(0, 800)}`;
    // --fail-under exits 1 when an example answer is below the bar: that is the example's point.
    expect(r.status, said).toBe(/--fail-under/.test(cmd) ? 1 : 0);
    expect(r.stderr, said).not.toMatch(/cannot read|no such file|not found|unknown/i);
  });
});
