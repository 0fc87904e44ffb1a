import { spawnSync } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { COACH, runCoach, STACK_LINE, type CoachResult } from './run-coach.js';

/*
 * Hostile data from the files an adviser is sent: terminal escapes in answers, ids, questions,
 * candidate names, file names and user rubrics never reach standard output or standard error raw,
 * in any format; CSV cells that a spreadsheet would run are defused; Markdown is escaped; a full
 * standard output is one line and exit 2. Each case asserts the exact lines where it can.
 */

const Q = 'Tell me about a time you helped a customer.';
const A = 'Last summer I worked on the tills at a garden centre. A man said his new hose had split, so I asked what he needed it for and offered him a refund or a stronger hose. He chose the stronger one and came back to thank me.';

// What an attacker would put in data: window title, clear screen, clipboard write (OSC 52),
// hyperlink (OSC 8), a C1 CSI, bidirectional overrides and isolates, CR and backspace overwrites.
const ESCAPES = '\x1b]0;pwned\x07\x1b[2J\x1b[H\x1b]52;c;cm0gLXJmIH4=\x07\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\\x9b31m\u202eevil\u202c\u2066x\u2069paid\rrefund\b\b';
// eslint-disable-next-line no-control-regex
const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** ESC, BEL, C1 CSI (as UTF-8: C2 9B) and U+202E (E2 80 AE) as bytes of an output. */
const RAW_BYTES = [Buffer.from([0x1b]), Buffer.from([0x07]), Buffer.from('\u009b'), Buffer.from('\u202e')];
const BAD_FILE = 'bad\x1b[2J\u202e.jsonl';
const BAD_FILE_SHOWN = 'bad␛[2J�.jsonl';
const CANDIDATE = `Eve${ESCAPES}`;

let dir = '';
const run = (args: string[], env: Record<string, string | undefined> = {}): CoachResult => runCoach(args, { cwd: dir, env: { TERM: 'xterm-256color', ...env } });

/** Nothing a terminal would act on, in either stream, and never a stack trace. */
function expectInert(r: CoachResult, what: string): void {
  for (const [name, text] of [['stdout', r.stdout], ['stderr', r.stderr]] as const) {
    const hit = RAW.exec(text);
    expect(hit, `${what}: raw U+${hit?.[0].charCodeAt(0).toString(16).padStart(4, '0')} on ${name}: ${JSON.stringify(text.slice(Math.max(0, (hit?.index ?? 0) - 40), (hit?.index ?? 0) + 40))}`).toBeNull();
    const bytes = Buffer.from(text, 'utf8');
    for (const b of RAW_BYTES) expect(bytes.includes(b), `${what}: raw bytes ${b.toString('hex')} on ${name}`).toBe(false);
  }
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr).not.toMatch(/internal error/);
}

const lines = (s: string): string[] => s.split('\n').filter((l) => l !== '');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'coach-hostile-'));
  const recs = [
    { id: `=HYPERLINK("https://evil.example","x")${ESCAPES}`, question: `${Q} ${ESCAPES} ![t](https://evil.example/t.png) <img src=x onerror=alert(1)> # Heading`, competency: 'customer-focus', answer: `${A} ${ESCAPES}`, candidate: `+${CANDIDATE}` },
    { id: '-2+3', question: Q, competency: 'customer-focus', answer: A, candidate: '@SUM(A1)' },
    { id: '@cmd', question: `=1+1 ${Q}`, competency: 'customer-focus', answer: A, candidate: '-Dan' },
    { id: '\tTab', question: `\r${Q}`, competency: 'customer-focus', answer: A, candidate: '\tTam' },
    { id: '\rCR', question: Q, competency: 'customer-focus', answer: A, candidate: '=Cal' },
    { id: 'plain-1', question: Q, competency: 'customer-focus', answer: A, candidate: 'Sam Patel' },
  ];
  writeFileSync(join(dir, 'hostile.jsonl'), `${recs.map((r) => JSON.stringify(r)).join('\n')}\n`);
  writeFileSync(join(dir, BAD_FILE), '{nope\n');
  writeFileSync(join(dir, 'labelled.json'), JSON.stringify(recs.map((r) => ({ ...r, expected: { level: 'low' } }))));
  // A user rubric: a question whose text and guidance carry escapes, and a broken file whose name does.
  mkdirSync(join(dir, 'rubric', 'questions'), { recursive: true });
  writeFileSync(join(dir, 'rubric', 'questions', 'evil.yaml'), [
    '- id: evil-01', '  competency: customer-focus', '  kind: behavioural',
    '  text: "Tell me about a time \\e]0;pwned\\a\\e[2J you \\u202ehelped\\u202c a customer \\x9b31m."',
    '  guidance: "Guidance \\e]52;c;aGk=\\a with \\e]8;;http://x\\e\\\\link\\e]8;;\\e\\\\ and \\r overwrite."', '',
  ].join('\n'));
  mkdirSync(join(dir, 'broken-rubric', 'questions'), { recursive: true });
  writeFileSync(join(dir, 'broken-rubric', 'questions', 'q\x1b[2J\u202e.yaml'), '- id: [unclosed\n');
  // A history filed under a hostile candidate name.
  const filed = run(['score', 'hostile.jsonl', '--candidate', CANDIDATE, '--data', 'data', '--format', 'jsonl', '--quiet']);
  if (filed.code !== 0) throw new Error(`could not file a history: ${filed.stderr}`);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('terminal escapes in data never reach the terminal raw', () => {
  const badFileLine = `error ${BAD_FILE_SHOWN}:1:2: invalid JSON: expected a property name in double quotes, found 'nope'`;

  for (const format of ['text', 'markdown', 'csv', 'json', 'jsonl', 'html']) {
    it(`score --format ${format}: ids, questions, answers and a file name`, () => {
      const r = run(['score', 'hostile.jsonl', BAD_FILE, '--format', format]);
      expect(r.code).toBe(2);
      expectInert(r, `score --format ${format}`);
      if (format !== 'json' && format !== 'jsonl') expect(lines(r.stderr)).toEqual([badFileLine]);
      else expect(r.stderr).toBe('');
    });
  }

  it('score --format json and jsonl keep the data itself: C1 and bidi controls as \\u escapes', () => {
    const r = run(['score', 'hostile.jsonl', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { results: Array<{ id: string }> };
    expect(doc.results[0]!.id).toBe(`=HYPERLINK("https://evil.example","x")${ESCAPES}`);
    expect(r.stdout).toContain('\\u009b31m\\u202eevil');
    const l = run(['score', 'hostile.jsonl', '--format', 'jsonl']);
    expect((JSON.parse(lines(l.stdout)[0]!) as { id: string }).id).toBe(doc.results[0]!.id);
  });

  it('score text shows the escapes as visible characters', () => {
    const r = run(['score', 'hostile.jsonl']);
    expect(r.stdout).toContain('=HYPERLINK("https://evil.example","x")␛]0;pwned␇␛[2J␛[H␛]52;c;cm0gLXJmIH4=␇␛]8;;https://evil.example␛\\click␛]8;;␛\\�31m�evil��x�paid␍refund␈␈');
  });

  for (const format of ['text', 'csv', 'json', 'html']) {
    it(`report --by candidate --format ${format}: candidate names`, () => {
      const r = run(['report', '--by', 'candidate', 'hostile.jsonl', '--format', format]);
      expect(r.code).toBe(0);
      expectInert(r, `report --by candidate --format ${format}`);
    });
  }

  for (const args of [['history'], ['progress'], ['report'], ['report', '--format', 'markdown'], ['report', '--format', 'html'], ['history', '--json'], ['report', '--candidate', CANDIDATE]]) {
    it(`${args.join(' ')} on a history filed under a hostile candidate name`, () => {
      const r = run([...args, '--data', 'data']);
      expect(r.code).toBe(0);
      expectInert(r, args.join(' '));
    });
  }

  it('export --labelled: an adviser comment and a candidate name with escapes come out as YAML escapes, read back the same', () => {
    mkdirSync(join(dir, 'reviewed'), { recursive: true });
    const history = readFileSync(join(dir, 'data', 'history.jsonl'), 'utf8');
    const answer = JSON.parse(history.split('\n').find((l) => l.includes('"type":"answer"'))!) as { session: string; at: string; questionId: string | null; attempt: number; candidate: string };
    const comment = `Good ${ESCAPES}`;
    writeFileSync(join(dir, 'reviewed', 'history.jsonl'), `${history}${JSON.stringify({ v: 1, type: 'adviser', session: answer.session, at: answer.at, questionId: answer.questionId, attempt: answer.attempt, level: 'low', comment, candidate: answer.candidate })}\n`);
    const r = run(['export', '--labelled', '--data', 'reviewed']);
    expect(r.code).toBe(0);
    expectInert(r, 'export --labelled');
    writeFileSync(join(dir, 'reviewed', 'out.yaml'), r.stdout);
    const back = run(['eval', 'reviewed/out.yaml', '--json']);
    expect(back.code).toBe(0);
    const exported = parseYaml(r.stdout) as Array<{ adviser_comment: string; candidate: string }>;
    expect(exported[0]!.adviser_comment).toBe(comment);
    expect(exported[0]!.candidate).toBe(CANDIDATE);
    expect(r.stdout).toContain(`adviser_comment: "Good \\e]0;pwned\\a`);
    expect(r.stdout).toContain('\\u009b31m\\u202eevil\\u202c\\u2066x\\u2069paid\\rrefund\\b\\b"');
  });

  it('report --candidate with escapes and no answers: the error names the candidate inertly', () => {
    const r = run(['report', '--candidate', 'x\x1b]0;t\x07', '--data', 'data']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)[0]).toMatch(/^coach: candidate "x␛\]0;t␇" not found in data\/history\.jsonl/);
  });

  it('bank show and bank list with a user rubric that carries escapes', { timeout: 120_000 }, () => {
    for (const args of [['bank', 'show', 'evil-01'], ['bank', 'list'], ['bank', 'show', 'customer-focus'], ['bank', 'list', '--json']]) {
      const r = run([...args, '--rubrics', 'rubric']);
      expect(r.code).toBe(0);
      expectInert(r, args.join(' '));
    }
    const show = run(['bank', 'show', 'evil-01', '--rubrics', 'rubric']);
    expect(show.stdout).toContain('Tell me about a time ␛]0;pwned␇␛[2J you �helped� a customer �31m.');
  });

  it('bank show: an unknown id with escapes is named inertly', () => {
    const r = run(['bank', 'show', 'x\x1b[2J\u202e']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(lines(r.stderr)[0]).toContain('coach: no question, competency, indicator, question set or source "x␛[2J�"');
  });

  it('a rubric problem in a file whose name has escapes: the file is named inertly', () => {
    const r = run(['score', 'hostile.jsonl', '--rubrics', 'broken-rubric']);
    expect(r.code).toBe(2);
    expectInert(r, 'score --rubrics broken-rubric');
    expect(r.stderr).toContain('\nbroken-rubric/questions/q␛[2J�.yaml:2:1: YAML syntax error');
    const v = run(['bank', 'validate', 'broken-rubric']);
    expect(v.code).toBe(1);
    expectInert(v, 'bank validate');
  });

  it('eval: labelled answers with hostile ids and questions', () => {
    for (const args of [['eval', 'labelled.json'], ['eval', 'labelled.json', '--json']]) {
      const r = run(args);
      expect(r.code).toBe(0);
      expectInert(r, args.join(' '));
    }
  });

  it('command-line errors quote the argument inertly', () => {
    const r = run(['score', '--format', '\x1b[2J']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)[0]).toBe("error: option '-f, --format <format>' argument '␛[2J' is invalid. Allowed choices are text, json, jsonl, csv, markdown, html.");
    const u = run(['score', '--\x1b]0;t\x07']);
    expect(u.code).toBe(2);
    expect(lines(u.stderr)[0]).toBe("error: unknown option '--␛]0;t␇'");
  });
});

describe('CSV against formula injection', () => {
  it('score --format csv: cells that begin with = + - @ tab or CR come out prefixed with a quote, and quoted', () => {
    const r = run(['score', 'hostile.jsonl', '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((x) => x['id'])).toEqual([
      "'=HYPERLINK(\"https://evil.example\",\"x\")␛]0;pwned␇␛[2J␛[H␛]52;c;cm0gLXJmIH4=␇␛]8;;https://evil.example␛\\click␛]8;;␛\\�31m�evil��x�paid␍refund␈␈",
      "'-2+3", "'@cmd", "'\tTab", "'␍CR", 'plain-1',
    ]);
    expect(rows[2]!['question']).toBe(`'=1+1 ${Q}`);
    expect(rows[3]!['question']).toBe(`'␍${Q}`);
    // Written quoted, and the tool's own numbers stay plain numbers.
    const raw = r.stdout.split('\n');
    expect(raw[2]).toMatch(/^"'-2\+3",Tell me about a time you helped a customer\.,customer-focus,behavioural,\w+,\d+,/);
    expect(raw[5]).toMatch(/^"'␍CR",/);
    expect(rows.every((x) => /^\d+$/.test(x['score']!) && /^\d+$/.test(x['line']!))).toBe(true);
  });

  it('report --by candidate --format csv: candidate names that begin with = + - @ tab are prefixed, counts stay numbers', () => {
    const r = run(['report', '--by', 'candidate', 'hostile.jsonl', '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    const names = rows.map((x) => x['Candidate']!).sort();
    expect(names).toEqual(["'+Eve␛]0;pwned␇␛[2J␛[H␛]52;c;cm0gLXJmIH4=␇␛]8;;https://evil.example␛\\click␛]8;;␛\\�31m�evil��x�paid␍refund␈␈", "'-Dan", "'=Cal", "'@SUM(A1)", 'Sam Patel', 'Tam'].sort());
    expect(r.stdout).toContain('\n"\'-Dan",1,');
    expect(rows.every((x) => /^\d+$/.test(x['Answers']!) && /^\d+(\.\d+)?$/.test(x['Mean score']!))).toBe(true);
  });
});

describe('score --format markdown escapes ids and questions as report does', () => {
  it('no remote image, raw HTML or heading from the data', () => {
    writeFileSync(join(dir, 'md.jsonl'), `${JSON.stringify({ id: '![t](https://evil.example/t.png)', question: `<img src=x onerror=alert(1)> ${Q}\n# Heading`, competency: 'customer-focus', answer: A })}\n`);
    const r = run(['score', 'md.jsonl', '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('## \\!\\[t\\](https://evil.example/t.png): ');
    expect(r.stdout).toContain(`): \\<img src=x onerror=alert(1)\\> ${Q} \\# Heading\n`);
    expect(r.stdout).not.toContain('![t]');
    expect(r.stdout).not.toMatch(/(?<!\\)<img|^# Heading/m);
  });
});

describe('a write error on standard output or an output file', () => {
  const HAVE_FULL = existsSync('/dev/full');
  const toFull = (args: string[]): { code: number | null; stderr: string } => {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [COACH, ...args], { cwd: dir, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 20_000 });
      return { code: r.status, stderr: r.stderr };
    } finally {
      closeSync(fd);
    }
  };

  for (const args of [['score', 'hostile.jsonl'], ['score', 'hostile.jsonl', '--format', 'csv'], ['score', 'hostile.jsonl', '--format', 'jsonl'], ['bank', 'list'], ['history', '--data', 'data'], ['progress', '--data', 'data'], ['report', '--data', 'data'], ['eval', 'labelled.json'], ['--help']]) {
    it.skipIf(!HAVE_FULL)(`coach ${args.join(' ')} > /dev/full: one line, exit 2`, () => {
      const r = toFull(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('coach: cannot write to standard output: no space left on device\n');
    });
  }

  it.skipIf(!HAVE_FULL)('report -o /dev/full: one line, exit 2', () => {
    const r = run(['report', '--data', 'data', '-o', '/dev/full']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('coach: cannot write /dev/full: no space left on device\n');
  });
});

describe('smaller items', () => {
  const HAVE_SCRIPT = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  /** coach at a terminal (script(1) gives it one), with this TERM. */
  const atTerminal = (term: string): string => {
    const r = spawnSync('script', ['-qec', `${process.execPath} ${COACH} bank show teamwork`, '/dev/null'], {
      cwd: dir, encoding: 'utf8', timeout: 20_000, env: { PATH: process.env['PATH'] ?? '', HOME: dir, TERM: term },
    });
    return r.stdout;
  };

  it.skipIf(!HAVE_SCRIPT)('TERM=dumb at a terminal gets no colour, as NO_COLOR; another TERM does', () => {
    expect(atTerminal('xterm-256color')).toMatch(/\x1b\[1m/);
    const dumb = atTerminal('dumb');
    expect(dumb).toContain('Teamwork');
    expect(dumb).not.toMatch(/\x1b\[/);
  });

  it('out-of-range scores in a history are not shown as "-50/100" or "Infinity"', () => {
    mkdirSync(join(dir, 'range'), { recursive: true });
    const history = readFileSync(join(dir, 'data', 'history.jsonl'), 'utf8');
    writeFileSync(join(dir, 'range', 'history.jsonl'), history);
    const answer = history.split('\n').find((l) => l.includes('"type":"answer"'))!;
    appendFileSync(join(dir, 'range', 'history.jsonl'), `${answer.replace(/"score":\d+/, '"score":-50')}\n${answer.replace(/"score":\d+/, '"score":1e999')}\n${answer.replace(/"score":\d+/, '"score":1e308')}\n`);
    for (const args of [['report'], ['report', '--format', 'markdown'], ['progress'], ['history'], ['report', '--format', 'html']]) {
      const r = run([...args, '--data', 'range']);
      expect(r.stdout, args.join(' ')).not.toMatch(/-50\/100|-50 |Infinity|NaN|e\+308/);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  });

  // 20,000 columns: a header under the 200,000-byte line limit (a longer one is refused as too long).
  it('a CSV header of 20,000 columns is named in a short message', () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `c${i}`);
    writeFileSync(join(dir, 'wide.csv'), `${names.join(',')}\n${names.map(() => 'x').join(',')}\n`);
    const r = run(['score', 'wide.csv']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(['error wide.csv:1:1: CSV header has no answer column: found c0,c1,c2,c3,c4,c5,c6,c7,c8,c9,… and 19990 more; expected id,question,competency,answer']);
  });

  it('XDG_DATA_HOME or COACH_DATA_DIR naming a file: a plain message, exit 2', () => {
    writeFileSync(join(dir, 'a-file'), 'x');
    const file = join(dir, 'a-file');
    const cases: Array<[string[], Record<string, string | undefined>, string]> = [
      [['history'], { COACH_DATA_DIR: file }, `coach: cannot keep the history in ${file} (from COACH_DATA_DIR): ${file} is a file, not a folder`],
      [['progress'], { COACH_DATA_DIR: undefined, XDG_DATA_HOME: file }, `coach: cannot keep the history in ${file}/coach (from XDG_DATA_HOME): ${file} is a file, not a folder`],
      [['report'], { COACH_DATA_DIR: file }, `coach: cannot keep the history in ${file} (from COACH_DATA_DIR): ${file} is a file, not a folder`],
      [['score', 'hostile.jsonl', '--candidate', 'Sam', '--format', 'jsonl'], { COACH_DATA_DIR: undefined, XDG_DATA_HOME: file }, `coach: cannot keep the history in ${file}/coach (from XDG_DATA_HOME): ${file} is a file, not a folder`],
    ];
    for (const [args, env, line] of cases) {
      const r = run(args, env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(lines(r.stderr)).toEqual([line]);
      expect(r.stdout).toBe('');
    }
  });
});
