import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COACH, STACK_LINE } from './run-coach.js';

// A user's rubric cannot make coach hang or write anywhere: cues are compiled to bounded token
// matchers (words, alternatives, gaps of at most four words, at most three gaps), never run as
// regular expressions, and loading or using a rubric writes nothing.

const GAPPY = 'a|the ... a|the ... a|the ... a|the ... a|the ... a|the ... zebra';

function indicator(id: string, cues: string[], sourceFile = '000_7f90661732f20cc3.txt'): string {
  return `- id: ${id}
  level: medium
  name: ${id}
  competencies: [all]
  evidence: action
  cues:
${cues.map((c) => `    - ${JSON.stringify(c)}`).join('\n')}
  named: []
  source:
    file: ${sourceFile}
    quote: Communication is the ability to present ideas and information with clarity and impact.
  feedback: Say what you did.
`;
}

/** Every file and folder under `dir`, with its size and modification time. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      out.push(`${relative(dir, p)} ${st.isDirectory() ? 'dir' : st.size} ${st.mtimeMs}`);
      if (st.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out;
}

function coach(args: string[], cwd: string, home: string): { code: number | null; stdout: string; stderr: string; ms: number } {
  const t = Date.now();
  const r = spawnSync(process.execPath, [COACH, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 << 20,
    env: { PATH: process.env['PATH'] ?? '', HOME: home, XDG_DATA_HOME: join(home, 'xdg'), NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t };
}

describe('safe rubrics', () => {
  const root = mkdtempSync(join(tmpdir(), 'coach-safe-'));
  const home = join(root, 'home');
  mkdirSync(home);

  it('refuses a cue with more than three gaps, or one that is a regular expression, at file:line:column', () => {
    const dir = join(root, 'bad-rubric');
    mkdirSync(join(dir, 'indicators'), { recursive: true });
    writeFileSync(join(dir, 'indicators', 'hostile.yaml'), indicator('gappy', [GAPPY, '(a+)+$']));
    const r = coach(['bank', 'validate', dir], root, home);
    expect(r.code).toBe(1);
    expect(r.stderr + r.stdout).toContain('bad-rubric/indicators/hostile.yaml:7:7');
    expect(r.stderr + r.stdout).toMatch(/at most 3 "\.\.\." gaps/);
    expect(r.stderr + r.stdout).toMatch(/"\(a\+\)\+\$" is not a word/);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('scores a 20,000-character answer of the same few words against the gappiest cues allowed, without hanging', () => {
    const dir = join(root, 'gappy-rubric');
    mkdirSync(join(dir, 'indicators'), { recursive: true });
    // Three gaps over words that occur everywhere in the answer: the most paths a cue can try.
    writeFileSync(join(dir, 'indicators', 'gappy.yaml'), indicator('gappy', ['a|the ... a|the ... a|the ... a|the zebra', 'the|a the|a the|a the|a the|a the|a the|a the|a the|a the|a the|a zebra']));
    const answer = 'a the '.repeat(3333).trim();
    expect(answer.length).toBeLessThanOrEqual(20_000);
    const file = join(root, 'long.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'x', question: 'Tell me about a time you helped a customer.', answer })}\n`);
    const r = coach(['score', file, '--rubrics', dir, '--json'], root, home);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ inputs: 1, scored: 1, failed: 0 });
    // Not a speed test: a generous bound that a backtracking blow-up would pass by minutes.
    expect(r.ms).toBeLessThan(30_000);
  }, 60_000);

  it('refuses a source outside the known documents (a path, say) as a located problem', () => {
    const dir = join(root, 'odd-rubric');
    mkdirSync(join(dir, 'indicators'), { recursive: true });
    writeFileSync(join(dir, 'indicators', 'odd.yaml'), indicator('odd-source', ['helped ... customer'], '../../../../tmp/coach-should-not-exist.txt'));
    const r = coach(['bank', 'validate', dir], root, home);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('odd-rubric/indicators/odd.yaml:10:11: unknown source "../../../../tmp/coach-should-not-exist.txt"');
  });

  it('refuses a warning cancelled by an indicator that does not exist, with the nearest id, at file:line:column', () => {
    const dir = join(root, 'unless-rubric');
    mkdirSync(join(dir, 'indicators'), { recursive: true });
    const warning = indicator('pushes-upgrades', ['upgrade ... target']).replace('level: medium', 'level: low\n  warning: true\n  unless: [trust-over-sal]').replace('evidence: action', 'evidence: stated');
    writeFileSync(join(dir, 'indicators', 'odd.yaml'), warning);
    const r = coach(['bank', 'validate', dir], root, home);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/unless-rubric\/indicators\/odd\.yaml:4:\d+: unknown indicator "trust-over-sal".*trust-over-sale/);
  });

  it('writes nothing when a user rubric is loaded, validated, listed, and used to score and evaluate', () => {
    const dir = join(root, 'user-rubric');
    mkdirSync(join(dir, 'indicators'), { recursive: true });
    writeFileSync(join(dir, 'indicators', 'gappy.yaml'), indicator('gappy', ['a|the ... a|the ... a|the ... a|the zebra', 'helped ... customer']));
    const answers = join(root, 'answers.yaml');
    writeFileSync(answers, '- id: a\n  question: Tell me about a time you helped a customer.\n  answer: I helped a customer find a gift, and she came back.\n  expected:\n    level: medium\n');
    const before = snapshot(root);
    const runs = [
      coach(['bank', 'validate', dir], root, home),
      coach(['bank', 'list', '--rubrics', dir], root, home),
      coach(['score', answers, '--rubrics', dir, '--json'], root, home),
      coach(['score', answers, '--rubrics', dir, '--format', 'html'], root, home),
      coach(['eval', answers, '--rubrics', dir], root, home),
    ];
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0, 0]);
    for (const r of runs) expect(r.stderr).not.toMatch(STACK_LINE);
    expect(JSON.parse(runs[2]!.stdout).results[0].indicators.map((f: { id: string }) => f.id)).toContain('gappy');
    expect(snapshot(root)).toEqual(before);
  });
});
