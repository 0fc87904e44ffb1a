import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, closeSync, cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COACH, FIXTURES, REPO, STACK_LINE } from './run-coach.js';
import { removePortableCopy, unprivilegedCoach, type Unprivileged } from './portable-coach.js';

/*
 * A corpus of bad inputs, one case per row (RuleTester style), for every command that reads a
 * user's files. Each case runs coach in a fresh folder holding a copy of fixtures/corpus/ (as
 * corpus/), plus whatever the case generates there (binary, 5 MB, UTF-16 and unreadable inputs
 * are made at test time). Each asserts: the exit code; standard error line by line, exactly; with
 * --json, the errors[] exactly; that the good answers beside the bad ones are still scored and
 * that inputs = scored + failed; and never a stack trace or an internal error.
 */

const Q = 'Tell me about a time you helped a customer.';
const A = 'Last summer I worked on the tills at a garden centre. A man said his new hose had split, so I asked what he needed it for and offered him a refund or a stronger hose. He chose the stronger one and came back to thank me.';
const COMPETENCIES = 'customer-focus, problem-solving, adding-value, relationships, communication, teamwork, integrity, service-culture';
const JUGGLING = `unknown competency "juggling": expected one of ${COMPETENCIES}`;

const record = (id: string, answer = A): string => JSON.stringify({ id, question: Q, competency: 'customer-focus', answer });
const yamlRecord = (id: string, answer = A): string => `- id: ${id}\n  question: ${Q}\n  competency: customer-focus\n  answer: ${answer}\n`;

/** Running as root, chmod 000 does not stop reads: those cases run coach without that power (portable-coach.ts). */
const ROOT = process.getuid?.() === 0;

/**
 * What history, progress, report and export print for each line of history.jsonl they skip: a
 * line that is cut, not UTF-8, or parses but is not a whole record (`shapeless`).
 */
function skippedNotice(_cmd: 'history' | 'progress' | 'report' | 'export', file: string, unreadable: number[], why: Record<number, string> = {}): string[] {
  const all = [...unreadable, ...Object.keys(why).map(Number)].sort((a, b) => a - b);
  return all.map((line) => (why[line] ? `coach: ${file}:${line}: skipped a record: ${why[line]}` : `coach: ${file}:${line}: skipped a line that could not be read (cut short by a crash?)`));
}

/** The message for a JSONL line or CSV row over the 200,000-byte limit. */
const tooLong = (what: 'line' | 'row', bytes: number): string => `${what} is ${bytes.toLocaleString('en-US')} bytes long; the limit is 200,000 (an answer may have 20,000 characters): not read`;

/** The answer records of a history, as lines, for damaging one. */
const answerLine = (lines: string[]): Record<string, any> => JSON.parse(lines[1]!);

interface Counts {
  inputs: number;
  scored: number;
  failed: number;
}

interface Case {
  name: string;
  /** coach's arguments, run in the case's folder (which holds corpus/). */
  args: string[];
  /** Makes generated inputs in the case's folder; returns a reason to skip the case, if any. */
  setup?: (dir: string) => string | void;
  stdin?: string | Buffer;
  /** Run through bash with coach's standard output piped into this command (closed-stdout cases). */
  pipeTo?: string;
  exit: number;
  /** Standard error, line by line, exactly. */
  stderr: string[];
  /** With --json / --format json: the errors[] as "file:line:column: message", exactly. */
  errors?: string[];
  /** From the JSON summary, else from the "N inputs: S scored, F failed" line. */
  counts?: Counts;
  /** Ids that must be among the scored results (the good answers beside the bad ones). */
  scored?: string[];
  /** Something standard output must show. */
  stdout?: RegExp;
  /** Run as an unprivileged user when the tests run as root (for unreadable files). */
  unprivileged?: boolean;
  /** A file (a device: /dev/zero; or one in the case's folder) to give as standard input, instead of `stdin`. */
  stdinFrom?: string;
  /** Wall-clock bound, in milliseconds. */
  within?: number;
}

/** Writes `text` as UTF-16 with a byte-order mark. */
function utf16(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (order === 'be') for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), le]);
}

/** A history of three answers filed by coach score --candidate, as a practice history would hold them. */
function makeHistory(dir: string): string[] {
  const r = run(dir, ['score', 'corpus/sam.yaml', 'corpus/good.yaml', '--candidate', 'Sam', '--data', 'data', '--quiet', '--format', 'jsonl'], {});
  if (r.code !== 0) throw new Error(`could not make a history: ${r.stderr}`);
  return readFileSync(join(dir, 'data', 'history.jsonl'), 'utf8').trimEnd().split('\n');
}

const CASES: Case[] = [
  // ---- coach score: malformed JSON, JSONL, YAML, CSV (file, line, column) ----
  {
    name: 'JSONL: a line that is not JSON, between good ones',
    args: ['score', 'corpus/bad-json.jsonl'],
    exit: 2,
    stderr: [`error corpus/bad-json.jsonl:2:82: invalid JSON: expected a value, found '}'`],
    counts: { inputs: 3, scored: 2, failed: 1 },
    scored: ['jl-good-1', 'jl-good-2'],
  },
  {
    name: 'JSONL: the last line cut short (no newline)',
    args: ['score', 'corpus/cut-line.jsonl', '--json'],
    exit: 2,
    stderr: [],
    errors: [`corpus/cut-line.jsonl:3:97: invalid JSON: unterminated string: expected '"' before the end of the line`],
    counts: { inputs: 3, scored: 2, failed: 1 },
    scored: ['cut-good-1', 'cut-good-2'],
  },
  {
    name: 'JSONL: lines that are JSON but not records (a list, a number, text, null)',
    args: ['score', 'corpus/not-objects.jsonl'],
    exit: 2,
    stderr: [
      'error corpus/not-objects.jsonl:2:1: expected an object with question and answer, found a list',
      'error corpus/not-objects.jsonl:3:1: expected an object with question and answer, found a number',
      'error corpus/not-objects.jsonl:4:1: expected an object with question and answer, found text',
      'error corpus/not-objects.jsonl:5:1: expected an object with question and answer, found nothing',
    ],
    counts: { inputs: 6, scored: 2, failed: 4 },
    scored: ['no-good-1', 'no-good-2'],
  },
  {
    name: 'JSON: a missing comma, located, and the file beside it still scored',
    args: ['score', 'corpus/missing-comma.json', 'corpus/good.yaml'],
    exit: 2,
    stderr: [`error corpus/missing-comma.json:3:19: invalid JSON: expected ',' or '}' after a property value, found '"'`],
    counts: { inputs: 2, scored: 1, failed: 1 },
    scored: ['good-1'],
  },
  {
    name: 'JSON: a trailing comma is not JSON',
    args: ['score', 'corpus/trailing-comma.json', 'corpus/good.yaml', '--json'],
    exit: 2,
    stderr: [],
    errors: [`corpus/trailing-comma.json:3:1: invalid JSON: expected a value after ',', found ']' (JSON allows no trailing comma)`],
    counts: { inputs: 2, scored: 1, failed: 1 },
    scored: ['good-1'],
  },
  {
    name: 'JSON: {answers: [...]} with a missing and a wrongly typed answer, each at its record',
    args: ['score', 'corpus/records.json'],
    exit: 2,
    stderr: [
      'error corpus/records.json:4:5: answer: is required (the record has "id", "question")',
      'error corpus/records.json:5:5: answer: must be text, found a number',
    ],
    counts: { inputs: 3, scored: 1, failed: 2 },
    scored: ['rj-good'],
  },
  {
    name: 'YAML: an unclosed quote, located where it opens, not at the end of the file',
    args: ['score', 'corpus/syntax.yaml', 'corpus/good.yaml'],
    exit: 2,
    stderr: ['error corpus/syntax.yaml:3:11: syntax error: the quoted text that starts here never ends (a missing closing ")'],
    counts: { inputs: 2, scored: 1, failed: 1 },
    scored: ['good-1'],
  },
  {
    name: 'YAML: a key given twice in one record',
    args: ['score', 'corpus/duplicate-key.yaml', 'corpus/good.yaml'],
    exit: 2,
    stderr: ['error corpus/duplicate-key.yaml:4:3: syntax error: Map keys must be unique'],
    counts: { inputs: 2, scored: 1, failed: 1 },
    scored: ['good-1'],
  },
  {
    name: 'CSV: too many fields (an unquoted comma) and too few, said against the header',
    args: ['score', 'corpus/bad-rows.csv'],
    exit: 2,
    stderr: [
      'error corpus/bad-rows.csv:3:1: bad CSV row: 6 fields, but the header has 4 (put a field with a comma in double quotes)',
      'error corpus/bad-rows.csv:4:1: bad CSV row: 3 fields, but the header has 4 (a field is missing)',
    ],
    counts: { inputs: 4, scored: 2, failed: 2 },
    scored: ['csv-good-1', 'csv-good-2'],
  },
  {
    name: 'CSV: a quote never closed',
    args: ['score', 'corpus/unclosed-quote.csv', '--json'],
    exit: 2,
    stderr: [],
    errors: ['corpus/unclosed-quote.csv:3:68: bad CSV row: a quoted field is never closed (a missing closing quote?); the rest of the file is read as that field'],
    counts: { inputs: 2, scored: 1, failed: 1 },
    scored: ['uq-good'],
  },
  {
    name: 'CSV: a header without the answer column says what it found and what it needs',
    args: ['score', 'corpus/bad-header.csv', 'corpus/good.yaml'],
    exit: 2,
    stderr: ['error corpus/bad-header.csv:1:1: CSV header has no answer column: found id,question,competency,answr; expected id,question,competency,answer'],
    counts: { inputs: 2, scored: 1, failed: 1 },
    scored: ['good-1'],
  },

  // ---- a wrong or missing field, an unknown competency, an empty answer ----
  {
    name: 'a missing answer, and a misspelt one (the record\'s fields are listed)',
    args: ['score', 'corpus/missing-answer.yaml'],
    exit: 2,
    stderr: [
      'error corpus/missing-answer.yaml:5:3: answer: is required (the record has "id", "question", "answr")',
      'error corpus/missing-answer.yaml:8:3: answer: is required (the record has "id", "question")',
    ],
    counts: { inputs: 3, scored: 1, failed: 2 },
    scored: ['ma-good'],
  },
  {
    name: 'fields of the wrong type, each saying what it found',
    args: ['score', 'corpus/wrong-types.yaml'],
    exit: 2,
    stderr: [
      'error corpus/wrong-types.yaml:5:3: answer: must be text, found a number',
      'error corpus/wrong-types.yaml:8:3: answer: must be text, found a list',
      'error corpus/wrong-types.yaml:11:3: id: must be text or a number, found a list',
      'error corpus/wrong-types.yaml:14:3: question: must be text, found an object',
      'error corpus/wrong-types.yaml:17:3: competency: must be text, found a number',
      'error corpus/wrong-types.yaml:21:3: expected an object with question and answer, found text',
    ],
    counts: { inputs: 7, scored: 1, failed: 6 },
    scored: ['wt-good'],
  },
  {
    name: 'a record with no question (and no --question)',
    args: ['score', 'corpus/missing-question.jsonl'],
    exit: 2,
    stderr: ['error corpus/missing-question.jsonl:2:1: question: is required (in the record, or with --question)'],
    counts: { inputs: 2, scored: 1, failed: 1 },
    scored: ['mq-good'],
  },
  {
    name: 'an unknown competency in a record, with the known ones listed',
    args: ['score', 'corpus/unknown-competency.yaml'],
    exit: 2,
    stderr: [`error corpus/unknown-competency.yaml:5:3: ${JUGGLING}`],
    counts: { inputs: 2, scored: 1, failed: 1 },
    scored: ['uc-good'],
  },
  {
    name: 'an unknown competency on the command line',
    args: ['score', 'corpus/good.yaml', '-c', 'juggling'],
    exit: 2,
    stderr: [`coach: ${JUGGLING}`],
  },
  {
    name: 'empty answers: "", spaces only, and no value at all',
    args: ['score', 'corpus/empty-answers.yaml'],
    exit: 2,
    stderr: [
      'error corpus/empty-answers.yaml:5:3: answer: is empty',
      'error corpus/empty-answers.yaml:8:3: answer: is empty',
      'error corpus/empty-answers.yaml:11:3: answer: is empty',
    ],
    counts: { inputs: 4, scored: 1, failed: 3 },
    scored: ['ea-good'],
  },
  {
    name: 'empty answers in CSV',
    args: ['score', 'corpus/empty-answer.csv', '--json'],
    exit: 2,
    stderr: [],
    errors: ['corpus/empty-answer.csv:3:1: answer: is empty', 'corpus/empty-answer.csv:4:1: answer: is empty'],
    counts: { inputs: 3, scored: 1, failed: 2 },
    scored: ['ec-good'],
  },
  {
    name: 'empty files: no bytes, blank lines, a CSV header alone',
    args: ['score', 'corpus/empty.jsonl', 'corpus/blank.yaml', 'corpus/header-only.csv', 'corpus/good.yaml'],
    exit: 2,
    stderr: [
      'error corpus/empty.jsonl:1:1: no answers: the file is empty',
      'error corpus/blank.yaml:1:1: no answers: the file is empty',
      'error corpus/header-only.csv:1:1: no answers in the file',
    ],
    counts: { inputs: 4, scored: 1, failed: 3 },
    scored: ['good-1'],
  },

  // ---- a 5 MB answer ----
  {
    name: 'a 5 MB answer in JSONL is refused with the limit, quickly, and the next answer is scored',
    setup: (dir) => writeFileSync(join(dir, 'corpus', 'big.jsonl'), `${record('big', 'I asked what she needed. '.repeat(210_000))}\n${record('after-big')}\n`),
    args: ['score', 'corpus/big.jsonl'],
    exit: 2,
    stderr: [`error corpus/big.jsonl:1:1: ${tooLong('line', Buffer.byteLength(record('big', 'I asked what she needed. '.repeat(210_000))))}`],
    counts: { inputs: 2, scored: 1, failed: 1 },
    scored: ['after-big'],
    within: 5000,
  },
  {
    name: 'a 5 MB plain-text answer',
    setup: (dir) => writeFileSync(join(dir, 'corpus', 'big.txt'), 'I asked what she needed. '.repeat(210_000)),
    args: ['score', 'corpus/big.txt', 'corpus/good.yaml', '-q', Q, '--json'],
    exit: 2,
    stderr: [],
    errors: ['corpus/big.txt:1:1: answer: is 5,250,000 characters long; the limit is 20,000'],
    counts: { inputs: 2, scored: 1, failed: 1 },
    scored: ['good-1'],
    within: 5000,
  },

  // ---- binary, invalid UTF-8, UTF-16 with a BOM, CRLF ----
  {
    name: 'a binary file (a PNG named .txt) and a gzip named .jsonl, beside a good file',
    setup: (dir) => {
      writeFileSync(join(dir, 'corpus', 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
      writeFileSync(join(dir, 'corpus', 'answers.jsonl'), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x0a, 0x7b]));
    },
    args: ['score', 'corpus/photo.txt', 'corpus/answers.jsonl', 'corpus/good.yaml', '-q', Q],
    exit: 2,
    stderr: [
      'error corpus/photo.txt:3:1: not a text file: a NUL byte (binary data?)',
      'error corpus/answers.jsonl:1:4: not a text file: a NUL byte (binary data?); the rest of the file is not read',
    ],
    counts: { inputs: 3, scored: 1, failed: 2 },
    scored: ['good-1'],
  },
  {
    name: 'invalid UTF-8 (Latin-1) in one JSONL line: that line is refused, not turned into U+FFFD',
    setup: (dir) => writeFileSync(join(dir, 'corpus', 'latin1.jsonl'), Buffer.concat([
      Buffer.from(`${record('l1-good-1')}\n`),
      Buffer.from(`${JSON.stringify({ id: 'l1-bad', question: Q, answer: 'I gave her a caf\u00e9 voucher.' })}\n`, 'latin1'),
      Buffer.from(`${record('l1-good-2')}\n`),
    ])),
    args: ['score', 'corpus/latin1.jsonl'],
    exit: 2,
    stderr: ['error corpus/latin1.jsonl:2:99: not UTF-8 text: invalid byte 0xE9 (save the file as UTF-8)'],
    counts: { inputs: 3, scored: 2, failed: 1 },
    scored: ['l1-good-1', 'l1-good-2'],
  },
  {
    name: 'invalid UTF-8 in one YAML record: that record is refused, the others scored',
    setup: (dir) => writeFileSync(join(dir, 'corpus', 'latin1.yaml'), Buffer.concat([
      Buffer.from(yamlRecord('ly-good-1')),
      Buffer.from(yamlRecord('ly-bad', 'I gave her a caf\u00e9 voucher.'), 'latin1'),
      Buffer.from(yamlRecord('ly-good-2')),
    ])),
    args: ['score', 'corpus/latin1.yaml', '--json'],
    exit: 2,
    stderr: [],
    errors: ['corpus/latin1.yaml:8:27: not UTF-8 text: invalid byte 0xE9 (save the file as UTF-8)'],
    counts: { inputs: 3, scored: 2, failed: 1 },
    scored: ['ly-good-1', 'ly-good-2'],
  },
  {
    name: 'UTF-16 LE and BE with a byte-order mark (YAML, JSONL, CSV) are read as text',
    setup: (dir) => {
      writeFileSync(join(dir, 'corpus', 'utf16le.yaml'), utf16(`# Saved by Notepad as "Unicode".\r\n${yamlRecord('u16-yaml', 'I gave her a caf\u00e9 voucher \u2013 and asked what she needed.').replace(/\n/g, '\r\n')}`, 'le'));
      writeFileSync(join(dir, 'corpus', 'utf16be.jsonl'), utf16(`${record('u16-jsonl')}\n`, 'be'));
      writeFileSync(join(dir, 'corpus', 'utf16le.csv'), utf16(`id,question,competency,answer\r\nu16-csv,${Q},customer-focus,"${A}"\r\n`, 'le'));
    },
    args: ['score', 'corpus/utf16le.yaml', 'corpus/utf16be.jsonl', 'corpus/utf16le.csv', '--json'],
    exit: 0,
    stderr: [],
    errors: [],
    counts: { inputs: 3, scored: 3, failed: 0 },
    scored: ['u16-yaml', 'u16-jsonl', 'u16-csv'],
  },
  {
    name: 'UTF-16 without a byte-order mark is named as such',
    setup: (dir) => writeFileSync(join(dir, 'corpus', 'nobom.yaml'), Buffer.from(yamlRecord('nobom'), 'utf16le')),
    args: ['score', 'corpus/nobom.yaml', 'corpus/good.yaml'],
    exit: 2,
    stderr: ['error corpus/nobom.yaml:1:2: not a text file: a NUL byte (UTF-16 without a byte-order mark? save the file as UTF-8)'],
    counts: { inputs: 2, scored: 1, failed: 1 },
    scored: ['good-1'],
  },
  {
    name: 'CRLF files read exactly like LF ones: same errors on the same lines and columns',
    setup: (dir) => {
      for (const f of ['missing-answer.yaml', 'bad-json.jsonl', 'bad-rows.csv']) {
        const text = readFileSync(join(dir, 'corpus', f), 'utf8');
        writeFileSync(join(dir, 'corpus', `crlf-${f}`), text.replace(/\n/g, '\r\n'));
      }
    },
    args: ['score', 'corpus/crlf-missing-answer.yaml', 'corpus/crlf-bad-json.jsonl', 'corpus/crlf-bad-rows.csv'],
    exit: 2,
    stderr: [
      'error corpus/crlf-missing-answer.yaml:5:3: answer: is required (the record has "id", "question", "answr")',
      'error corpus/crlf-missing-answer.yaml:8:3: answer: is required (the record has "id", "question")',
      `error corpus/crlf-bad-json.jsonl:2:82: invalid JSON: expected a value, found '}'`,
      'error corpus/crlf-bad-rows.csv:3:1: bad CSV row: 6 fields, but the header has 4 (put a field with a comma in double quotes)',
      'error corpus/crlf-bad-rows.csv:4:1: bad CSV row: 3 fields, but the header has 4 (a field is missing)',
    ],
    counts: { inputs: 10, scored: 5, failed: 5 },
    scored: ['ma-good', 'jl-good-1', 'jl-good-2', 'csv-good-1', 'csv-good-2'],
  },

  // ---- YAML alias bombs and __proto__ keys ----
  {
    name: 'a YAML alias bomb: refused at its record, in bounded time; the records around it are scored',
    args: ['score', 'corpus/alias-bomb.yaml'],
    exit: 2,
    stderr: ['error corpus/alias-bomb.yaml:5:3: YAML aliases expand too far (over 100 references; an alias bomb?): the record is not read'],
    counts: { inputs: 3, scored: 2, failed: 1 },
    scored: ['ab-good', 'ab-after'],
    within: 5000,
  },
  {
    name: 'ordinary YAML anchors and aliases still work',
    args: ['score', 'corpus/aliases.yaml', '--json'],
    exit: 0,
    stderr: [],
    errors: [],
    counts: { inputs: 2, scored: 2, failed: 0 },
    scored: ['al-1', 'al-2'],
  },
  {
    name: '__proto__ keys in YAML are plain data: an answer under __proto__ is not an answer',
    args: ['score', 'corpus/proto.yaml'],
    exit: 2,
    stderr: ['error corpus/proto.yaml:5:3: answer: is required (the record has "id", "question", "__proto__")'],
    counts: { inputs: 3, scored: 2, failed: 1 },
    scored: ['py-good', 'py-plain'],
  },
  {
    name: '__proto__ and constructor keys in JSONL are plain data',
    args: ['score', 'corpus/proto.jsonl', '--json'],
    exit: 2,
    stderr: [],
    errors: ['corpus/proto.jsonl:3:1: answer: is required (the record has "id", "question", "__proto__")'],
    counts: { inputs: 4, scored: 3, failed: 1 },
    scored: ['pj-good', 'pj-plain', 'pj-constructor'],
  },
  {
    name: '__proto__ and constructor columns in CSV are plain data',
    args: ['score', 'corpus/proto.csv', '--json'],
    exit: 0,
    stderr: [],
    errors: [],
    counts: { inputs: 1, scored: 1, failed: 0 },
    scored: ['pc-good'],
  },

  // ---- missing files, folders with unreadable files ----
  {
    name: 'a missing file, beside a good one',
    args: ['score', 'corpus/nope.yaml', 'corpus/good.yaml'],
    exit: 2,
    stderr: ['error corpus/nope.yaml:1:1: cannot read: no such file or directory'],
    counts: { inputs: 2, scored: 1, failed: 1 },
    scored: ['good-1'],
  },
  {
    name: 'a folder with an unreadable file and an unreadable subfolder',
    unprivileged: true,
    setup: (dir) => {
      const folder = join(dir, 'corpus', 'folder');
      mkdirSync(join(folder, 'locked-dir'), { recursive: true });
      cpSync(join(dir, 'corpus', 'good.yaml'), join(folder, 'good.yaml'));
      writeFileSync(join(folder, 'locked.yaml'), yamlRecord('locked'));
      writeFileSync(join(folder, 'locked-dir', 'inside.yaml'), yamlRecord('inside'));
      chmodSync(join(folder, 'locked.yaml'), 0o000);
      chmodSync(join(folder, 'locked-dir'), 0o000);
    },
    args: ['score', 'corpus/folder'],
    exit: 2,
    stderr: [
      'error corpus/folder/locked-dir:1:1: cannot read the folder: permission denied',
      'error corpus/folder/locked.yaml:1:1: cannot read: permission denied',
    ],
    counts: { inputs: 3, scored: 1, failed: 2 },
    scored: ['good-1'],
  },
  {
    name: 'a folder with a broken link, a link loop and a named pipe: no crash, no hang',
    setup: (dir) => {
      const folder = join(dir, 'corpus', 'links');
      mkdirSync(folder);
      cpSync(join(dir, 'corpus', 'good.yaml'), join(folder, 'good.yaml'));
      symlinkSync('gone.yaml', join(folder, 'broken.yaml'));
      symlinkSync('.', join(folder, 'loop'));
      const fifo = spawnSync('mkfifo', [join(folder, 'pipe.jsonl')]);
      if (fifo.status !== 0) return 'mkfifo is not available';
    },
    args: ['score', 'corpus/links'],
    exit: 2,
    stderr: [
      'error corpus/links/broken.yaml:1:1: cannot read: a broken symbolic link',
      'error corpus/links/pipe.jsonl:1:1: not a regular file (a pipe, socket or device): skipped',
    ],
    counts: { inputs: 3, scored: 1, failed: 2 },
    scored: ['good-1'],
    within: 10_000,
  },

  // ---- standard input ----
  {
    name: 'standard input: a bad JSONL line',
    args: ['score', '-'],
    stdin: `${record('in-good-1')}\n{"id":"in-bad","answer":\n${record('in-good-2')}\n`,
    exit: 2,
    stderr: ['error -:2:25: invalid JSON: expected a value, found the end of the line'],
    counts: { inputs: 3, scored: 2, failed: 1 },
    scored: ['in-good-1', 'in-good-2'],
  },
  {
    name: 'standard input: binary data',
    args: ['score', '-', '-q', Q, '--json'],
    stdin: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    exit: 2,
    stderr: [],
    errors: ['-:3:1: not a text file: a NUL byte (binary data?)'],
    counts: { inputs: 1, scored: 0, failed: 1 },
  },
  {
    name: 'standard input: UTF-16 with a byte-order mark',
    args: ['score', '-', '--json'],
    stdin: utf16(yamlRecord('in-u16'), 'le'),
    exit: 0,
    stderr: [],
    errors: [],
    counts: { inputs: 1, scored: 1, failed: 0 },
    scored: ['in-u16'],
  },
  {
    name: 'standard input: empty',
    args: ['score', '-'],
    stdin: '',
    exit: 2,
    stderr: ['error -:1:1: no answers: standard input is empty'],
    counts: { inputs: 1, scored: 0, failed: 1 },
  },
  {
    name: 'standard input: CSV (--stdin-format) with a short row',
    args: ['score', '-', '--stdin-format', 'csv'],
    stdin: `id,question,competency,answer\nsc-good,${Q},customer-focus,"${A}"\nsc-short,${Q}\n`,
    exit: 2,
    stderr: ['error -:3:1: bad CSV row: 2 fields, but the header has 4 (a field is missing)'],
    counts: { inputs: 2, scored: 1, failed: 1 },
    scored: ['sc-good'],
  },

  // ---- a closed standard output ----
  {
    name: 'closed standard output: coach score big.jsonl | head ends quietly (text)',
    setup: (dir) => writeFileSync(join(dir, 'corpus', 'many.jsonl'), `${Array.from({ length: 400 }, (_, i) => record(`m-${i}`)).join('\n')}\n`),
    args: ['score', 'corpus/many.jsonl'],
    pipeTo: 'head -n 3',
    exit: 0,
    stderr: [],
  },
  {
    name: 'closed standard output: coach bank list | head ends quietly',
    args: ['bank', 'list'],
    pipeTo: 'head -n 1',
    exit: 0,
    stderr: [],
  },

  // ---- coach eval FILE ----
  {
    name: 'eval: bad labels, an unknown competency, an empty answer, and a broken file',
    args: ['eval', 'corpus/labelled.yaml', 'corpus/syntax.yaml'],
    exit: 2,
    stderr: [
      'error corpus/labelled.yaml:6:3: expected.level must be one of low, medium, high, found "extreme"',
      'error corpus/labelled.yaml:11:3: expected: missing (labelled answers need expected.level)',
      'error corpus/labelled.yaml:15:3: expected: must be a mapping with level (and star), found text',
      `error corpus/labelled.yaml:19:3: ${JUGGLING}`,
      'error corpus/labelled.yaml:24:3: answer: is empty',
      'error corpus/syntax.yaml:3:11: syntax error: the quoted text that starts here never ends (a missing closing ")',
    ],
    counts: { inputs: 7, scored: 1, failed: 6 },
    stdout: /Agreement with the labels \(1 answer\)/,
  },
  {
    name: 'eval --json: the same errors, counted',
    args: ['eval', 'corpus/labelled.yaml', 'corpus/alias-bomb.yaml', '--json'],
    exit: 2,
    stderr: [],
    errors: [
      'corpus/labelled.yaml:6:3: expected.level must be one of low, medium, high, found "extreme"',
      'corpus/labelled.yaml:11:3: expected: missing (labelled answers need expected.level)',
      'corpus/labelled.yaml:15:3: expected: must be a mapping with level (and star), found text',
      `corpus/labelled.yaml:19:3: ${JUGGLING}`,
      'corpus/labelled.yaml:24:3: answer: is empty',
      'corpus/alias-bomb.yaml:1:3: expected: missing (labelled answers need expected.level)',
      'corpus/alias-bomb.yaml:5:3: YAML aliases expand too far (over 100 references; an alias bomb?): the record is not read',
      'corpus/alias-bomb.yaml:17:3: expected: missing (labelled answers need expected.level)',
    ],
    counts: { inputs: 9, scored: 1, failed: 8 },
  },

  // ---- coach bank validate DIR, --rubrics DIR ----
  {
    name: 'bank validate: a YAML syntax error in a rubric file',
    args: ['bank', 'validate', 'corpus/rubric-syntax'],
    exit: 1,
    stderr: ['1 problem in 1 file'],
    stdout: /^corpus\/rubric-syntax\/questions\/retail\.yaml:5:13: YAML syntax error: the quoted text that starts here never ends \(a missing closing "\)\n$/,
  },
  {
    name: 'bank validate: an unknown competency and an unknown question id',
    args: ['bank', 'validate', 'corpus/rubric-unknown', '--json'],
    exit: 1,
    stderr: [],
    errors: [
      `corpus/rubric-unknown/questions/retail.yaml:2:15: unknown competency "juggling": expected one of ${COMPETENCIES}`,
      'corpus/rubric-unknown/sets/shop.yaml:5:7: set "shop": unknown question "no-such-question-99"',
    ],
  },
  {
    name: 'bank validate: a YAML alias bomb in a rubric is a located problem, not a crash',
    args: ['bank', 'validate', 'corpus/rubric-bomb'],
    exit: 1,
    stderr: ['1 problem in 1 file'],
    stdout: /^corpus\/rubric-bomb\/questions\/bomb\.yaml:5:18: YAML aliases expand too far \(over 100 references; an alias bomb\?\)\n$/,
    within: 5000,
  },
  {
    name: 'bank validate: __proto__ keys in a rubric are unknown keys, located at the key',
    args: ['bank', 'validate', 'corpus/rubric-proto', '--json'],
    exit: 1,
    stderr: [],
    errors: [
      'corpus/rubric-proto/questions/retail.yaml:6:14: entry 1: unknown key "__proto__" (expected id, competency, kind, text, guidance)',
      'corpus/rubric-proto/questions/retail.yaml:7:3: id: is required',
      'corpus/rubric-proto/questions/retail.yaml:7:3: competency: is required',
      'corpus/rubric-proto/questions/retail.yaml:7:3: kind: kind must be one of behavioural, situational, opinion',
      'corpus/rubric-proto/questions/retail.yaml:7:3: text: is required',
      'corpus/rubric-proto/questions/retail.yaml:7:3: guidance: is required',
      'corpus/rubric-proto/questions/retail.yaml:8:5: entry 2: unknown key "__proto__" (expected id, competency, kind, text, guidance)',
    ],
  },
  {
    name: 'score --rubrics with a broken rubric: exit 2, every problem, nothing scored',
    args: ['score', 'corpus/good.yaml', '--rubrics', 'corpus/rubric-bomb'],
    exit: 2,
    stderr: [
      'coach: the rubric has problems:',
      'corpus/rubric-bomb/questions/bomb.yaml:5:18: YAML aliases expand too far (over 100 references; an alias bomb?)',
    ],
  },
  {
    name: 'rubric files in UTF-16 are read; Latin-1 ones are located problems',
    setup: (dir) => {
      mkdirSync(join(dir, 'corpus', 'rubric-enc', 'questions'), { recursive: true });
      const question = (id: string): string => `- id: ${id}\n  competency: customer-focus\n  kind: behavioural\n  text: Tell me about a time you helped a customer in the caf\u00e9 (${id}).\n  guidance: A high answer asks what the customer needs.\n`;
      writeFileSync(join(dir, 'corpus', 'rubric-enc', 'questions', 'a-utf16.yaml'), utf16(question('enc-utf16'), 'le'));
      writeFileSync(join(dir, 'corpus', 'rubric-enc', 'questions', 'b-latin1.yaml'), Buffer.from(question('enc-latin1'), 'latin1'));
    },
    args: ['bank', 'validate', 'corpus/rubric-enc'],
    exit: 1,
    stderr: ['1 problem in 2 files'],
    stdout: /^corpus\/rubric-enc\/questions\/b-latin1\.yaml:4:62: not UTF-8 text: invalid byte 0xE9 \(save the file as UTF-8\)\n$/,
  },
  {
    name: 'a rubric folder with an unreadable subfolder',
    unprivileged: true,
    setup: (dir) => {
      mkdirSync(join(dir, 'corpus', 'rubric-locked', 'questions'), { recursive: true });
      chmodSync(join(dir, 'corpus', 'rubric-locked', 'questions'), 0o000);
    },
    args: ['bank', 'validate', 'corpus/rubric-locked'],
    exit: 1,
    stderr: ['1 problem in 0 files'],
    stdout: /^corpus\/rubric-locked\/questions:1:1: cannot read the folder: permission denied\n$/,
  },
  {
    name: 'bank show: an unknown question id',
    args: ['bank', 'show', 'no-such-question-99'],
    exit: 2,
    stderr: ['coach: no question, competency, indicator, question set or source "no-such-question-99" (try coach bank list; sets: banking, call-centre, graduate-scheme, hospitality, retail; sources: times-customer-focus, what-is-customer-service, newman-win-win, drake-top-priority, hyken-customer-focused)'],
  },

  // ---- coach report --by candidate FILES ----
  {
    name: 'report --by candidate: bad records and a missing file are reported, the good ones counted',
    args: ['report', '--by', 'candidate', 'corpus/sam.yaml', 'corpus/cohort-bad.yaml', 'corpus/nope.yaml'],
    exit: 2,
    stderr: [
      `error corpus/cohort-bad.yaml:1:3: ${JUGGLING}`,
      'error corpus/cohort-bad.yaml:6:3: answer: is empty',
      'error corpus/nope.yaml:1:1: cannot read: no such file or directory',
    ],
    counts: { inputs: 6, scored: 3, failed: 3 },
    stdout: /^Alex: \d+ answers?, mean score [\s\S]*^sam: \d+ answers?, mean score /m,
  },
  {
    name: 'report --by candidate --format json: errors and counts in the document',
    args: ['report', '--by', 'candidate', 'corpus/sam.yaml', 'corpus/cohort-bad.yaml', 'corpus/syntax.yaml', '--format', 'json'],
    exit: 2,
    stderr: [],
    errors: [
      `corpus/cohort-bad.yaml:1:3: ${JUGGLING}`,
      'corpus/cohort-bad.yaml:6:3: answer: is empty',
      'corpus/syntax.yaml:3:11: syntax error: the quoted text that starts here never ends (a missing closing ")',
    ],
    counts: { inputs: 6, scored: 3, failed: 3 },
  },
  {
    name: 'report -o into a folder that does not exist',
    args: ['report', '--by', 'candidate', 'corpus/sam.yaml', '-o', 'no-such-folder/cohort.txt'],
    exit: 2,
    stderr: ['coach: cannot write no-such-folder/cohort.txt: no such file or directory'],
  },

  // ---- history, progress, report, export with a corrupted history.jsonl ----
  {
    name: 'history: a binary garbage line and a cut last line are skipped, the sessions still listed',
    setup: (dir) => {
      makeHistory(dir);
      appendFileSync(join(dir, 'data', 'history.jsonl'), Buffer.concat([Buffer.from([0x00, 0xff, 0xfe, 0x89, 0x50, 0x4e, 0x47, 0x0a]), Buffer.from('{"v":1,"type":"answer","session":"batch-cut","at":"2026-')]));
    },
    args: ['history', '--data', 'data', '--json'],
    exit: 0,
    stderr: skippedNotice('history', 'data/history.jsonl', [5, 6]),
    stdout: /"answers": 3/,
  },
  {
    name: 'history: a record with bytes that are not UTF-8 is skipped and reported, not turned into U+FFFD',
    setup: (dir) => {
      const lines = makeHistory(dir);
      const bad = Buffer.from(`${lines[1]!.replace('"attempt":1', '"attempt":1,"note":"caf\u00e9"')}\n`, 'latin1');
      appendFileSync(join(dir, 'data', 'history.jsonl'), bad);
    },
    args: ['history', '--data', 'data', '--json'],
    exit: 0,
    stderr: skippedNotice('history', 'data/history.jsonl', [5]),
    stdout: /"answers": 3/,
  },
  {
    name: 'score --candidate: a history folder that cannot be made is a plain error before anything is scored',
    setup: (dir) => {
      writeFileSync(join(dir, 'not-a-folder'), 'x');
    },
    args: ['score', 'corpus/good.yaml', '--candidate', 'Sam', '--data', 'not-a-folder/data', '--format', 'jsonl'],
    exit: 2,
    stderr: ['coach: cannot keep the history in not-a-folder/data (from --data): not-a-folder is a file, not a folder'],
    stdout: /^$/,
  },
  {
    name: 'progress: a record with a __proto__ key is plain data and counted',
    setup: (dir) => {
      const lines = makeHistory(dir);
      appendFileSync(join(dir, 'data', 'history.jsonl'), `${lines[1]!.replace('{"v":1,', '{"v":1,"__proto__":{"polluted":true},')}\n`);
    },
    args: ['progress', '--data', 'data', '--json'],
    exit: 0,
    stderr: [],
    stdout: /"competency": "customer-focus",\n\s+"points": \[(\s+\{[^}]*\},?){3}\s+\]/,
  },
  {
    name: 'report: a history record without its assessment does not crash the report',
    setup: (dir) => {
      makeHistory(dir);
      appendFileSync(join(dir, 'data', 'history.jsonl'), '{"v":1,"type":"answer","session":"s","at":"2026-01-01T00:00:00.000Z","attempt":1,"questionId":null,"mode":"free","answer":"x"}\n{"v":1,"type":"cut');
    },
    args: ['report', '--data', 'data', '--format', 'json'],
    exit: 0,
    stderr: skippedNotice('report', 'data/history.jsonl', [6], { 5: 'assessment: is required' }),
    stdout: /"answers": 3,/,
  },
  {
    name: 'export --labelled: a cut line does not lose the adviser\'s judgements before it',
    setup: (dir) => {
      const lines = makeHistory(dir);
      const answer = JSON.parse(lines[1]!) as { session: string; questionId: string | null };
      const adviser = { v: 1, type: 'adviser', session: answer.session, at: '2026-11-01T10:00:00.000Z', questionId: answer.questionId, attempt: 1, level: 'medium', comment: 'Good probing.', candidate: 'Sam' };
      appendFileSync(join(dir, 'data', 'history.jsonl'), `${JSON.stringify(adviser)}\n{"v":1,"type":"adviser","sess`);
    },
    args: ['export', '--labelled', '--data', 'data'],
    exit: 0,
    stderr: skippedNotice('export', 'data/history.jsonl', [6]),
    stdout: /expected:\n {4}level: medium\n {2}adviser_comment: Good probing\./,
  },
  {
    name: 'history: a history.jsonl that is a folder is a plain error',
    setup: (dir) => {
      mkdirSync(join(dir, 'data', 'history.jsonl'), { recursive: true });
    },
    args: ['history', '--data', 'data'],
    exit: 2,
    stderr: ['coach: cannot read data/history.jsonl: it is a folder'],
  },
  {
    name: 'progress: an unreadable history.jsonl is a plain error',
    unprivileged: true,
    setup: (dir) => {
      makeHistory(dir);
      chmodSync(join(dir, 'data', 'history.jsonl'), 0o000);
    },
    args: ['progress', '--data', 'data'],
    exit: 2,
    stderr: ['coach: cannot read data/history.jsonl: permission denied'],
  },

  // ---- issue 11: reading bounded by the limits, not by the input ----
  {
    name: 'JSONL: a line over 200,000 bytes is refused at its own line while streaming; the lines after it are read, numbered right',
    setup: (dir) => writeFileSync(join(dir, 'corpus', 'long-line.jsonl'), `${record('ll-good-1')}\n${record('ll-long', 'I asked. '.repeat(30_000))}\n{"id":"ll-bad",\n${record('ll-good-2')}\n`),
    args: ['score', 'corpus/long-line.jsonl'],
    exit: 2,
    stderr: [
      `error corpus/long-line.jsonl:2:1: ${tooLong('line', Buffer.byteLength(record('ll-long', 'I asked. '.repeat(30_000))))}`,
      `error corpus/long-line.jsonl:3:16: invalid JSON: expected a property name in double quotes, found the end of the line`,
    ],
    counts: { inputs: 4, scored: 2, failed: 2 },
    scored: ['ll-good-1', 'll-good-2'],
  },
  {
    name: 'JSONL: a line of 64 MB with no newline at all, at the end of the file: refused, in bounded memory',
    setup: (dir) => {
      const f = join(dir, 'corpus', 'endless.jsonl');
      writeFileSync(f, `${record('el-good')}\n{"answer":"`);
      const fd = openSync(f, 'a');
      const block = Buffer.alloc(1 << 20, 'a');
      for (let i = 0; i < 64; i++) appendFileSync(fd, block);
      closeSync(fd);
    },
    args: ['score', 'corpus/endless.jsonl', '--format', 'jsonl'],
    exit: 2,
    stderr: [],
    stdout: new RegExp(`"file":"corpus/endless.jsonl","line":2,"column":1,"message":"${tooLong('line', 64 * 1024 * 1024 + 11).replace(/[()]/g, '\\$&')}"}\n\\{"type":"summary","version":1,"inputs":2,"scored":1,"failed":1,`),
    within: 20_000,
  },
  {
    name: 'CSV: a row over 200,000 bytes (a quoted answer over many lines) is refused at the line it starts; the next row is read at its own line',
    setup: (dir) => writeFileSync(join(dir, 'corpus', 'long-row.csv'), `id,question,competency,answer\nlr-good-1,${Q},customer-focus,"${A}"\nlr-long,${Q},customer-focus,"${'I asked what she needed.\n'.repeat(10_000)}"\nlr-good-2,${Q},customer-focus,"${A}"\n`),
    args: ['score', 'corpus/long-row.csv', '--json'],
    exit: 2,
    stderr: [],
    errors: [`corpus/long-row.csv:3:1: ${tooLong('row', Buffer.byteLength(`lr-long,${Q},customer-focus,"${'I asked what she needed.\n'.repeat(10_000)}"\n`))}`],
    counts: { inputs: 3, scored: 2, failed: 1 },
    scored: ['lr-good-1', 'lr-good-2'],
  },
  {
    name: 'CSV: a quote opened mid-file and never closed is reported where it opens, after the rows before it are scored',
    // Nothing after the open quote closes it: the rows after it are read as its field.
    setup: (dir) => writeFileSync(join(dir, 'corpus', 'open-quote.csv'), `id,question,competency,answer\noq-good,${Q},customer-focus,"${A}"\noq-open,"${Q},customer-focus,I asked what she needed.\noq-lost,${Q},customer-focus,I fixed it for her.\n`),
    args: ['score', 'corpus/open-quote.csv'],
    exit: 2,
    stderr: ['error corpus/open-quote.csv:3:9: bad CSV row: a quoted field is never closed (a missing closing quote?); the rest of the file is read as that field'],
    counts: { inputs: 2, scored: 1, failed: 1 },
    scored: ['oq-good'],
  },
  {
    name: 'bad lines are written as they are found, each once, and counted: 12,000 of them around two good ones',
    setup: (dir) => writeFileSync(join(dir, 'corpus', 'many-bad.jsonl'), `${record('mb-good-1')}\n${'{oops}\n'.repeat(12_000)}${record('mb-good-2')}\n`),
    args: ['score', 'corpus/many-bad.jsonl'],
    exit: 2,
    stderr: Array.from({ length: 12_000 }, (_, i) => `error corpus/many-bad.jsonl:${i + 2}:2: invalid JSON: expected a property name in double quotes, found 'oops'`),
    counts: { inputs: 12_002, scored: 2, failed: 12_000 },
    scored: ['mb-good-1', 'mb-good-2'],
  },
  {
    name: '--json lists the first 10,000 errors and counts the rest (errorsNotListed), so memory stays flat',
    setup: (dir) => writeFileSync(join(dir, 'corpus', 'many-bad.jsonl'), `${record('mb-good-1')}\n${'{oops}\n'.repeat(10_005)}`),
    args: ['score', 'corpus/many-bad.jsonl', '--json'],
    exit: 2,
    stderr: [],
    errors: Array.from({ length: 10_000 }, (_, i) => `corpus/many-bad.jsonl:${i + 2}:2: invalid JSON: expected a property name in double quotes, found 'oops'`),
    counts: { inputs: 10_006, scored: 1, failed: 10_005 },
    stdout: /\n {2}"errorsNotListed": 5\n\}\n$/,
  },
  {
    name: 'standard input from /dev/zero: refused at its first byte, and reading stops there',
    stdinFrom: '/dev/zero',
    args: ['score', '-', '--format', 'jsonl'],
    exit: 2,
    stderr: [],
    stdout: /^\{"type":"error","version":1,"file":"-","line":1,"column":1,"message":"not a text file: a NUL byte \(binary data\?\)"\}\n\{"type":"summary","version":1,"inputs":1,"scored":0,"failed":1,/,
    within: 10_000,
  },
  {
    name: 'UTF-16 (with a byte-order mark) of NUL characters on standard input: binary, refused, reading stops',
    setup: (dir) => writeFileSync(join(dir, 'utf16-nul.bin'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.alloc(4 << 20)])),
    stdinFrom: 'utf16-nul.bin',
    args: ['score', '-', '--stdin-format', 'csv'],
    exit: 2,
    stderr: ['error -:1:1: not a text file: a NUL byte (binary data?); the rest of the file is not read'],
    counts: { inputs: 1, scored: 0, failed: 1 },
  },

  // ---- issue 11: the history is checked record by record, read as a stream, opened safely ----
  {
    name: 'history: a null next step, a next step without its source and an answer that is not text are skipped and reported, never a crash',
    setup: (dir) => {
      const lines = makeHistory(dir);
      const nullStep = answerLine(lines);
      nullStep.assessment.feedback[0] = null;
      const noSource = answerLine(lines);
      delete noSource.assessment.feedback[0].source;
      const numberAnswer = answerLine(lines);
      numberAnswer.answer = 42;
      appendFileSync(join(dir, 'data', 'history.jsonl'), `${[nullStep, noSource, numberAnswer].map((r) => JSON.stringify(r)).join('\n')}\n`);
    },
    args: ['report', '--data', 'data', '--format', 'json'],
    exit: 0,
    stderr: skippedNotice('report', 'data/history.jsonl', [], {
      5: 'assessment.feedback.0: expected an object, found nothing',
      6: 'assessment.feedback.0.source: is required',
      7: 'answer: expected text, found a number',
    }),
    stdout: /"answers": 3,/,
  },
  {
    name: 'progress: a damaged record does not stop the others (a record of an unknown type, a score that is not a number)',
    setup: (dir) => {
      const lines = makeHistory(dir);
      const weird = { ...answerLine(lines), type: 'mystery' };
      const bad = answerLine(lines);
      bad.assessment.score = 'high';
      appendFileSync(join(dir, 'data', 'history.jsonl'), `${JSON.stringify(weird)}\n${JSON.stringify(bad)}\n`);
    },
    args: ['progress', '--data', 'data'],
    exit: 0,
    stderr: skippedNotice('progress', 'data/history.jsonl', [], {
      5: 'type: expected "session", "answer", "adviser" or "draft", found "mystery"',
      6: 'assessment.score: expected number, found text',
    }),
    stdout: /customer-focus/,
  },
  {
    name: 'history over 2 GiB (a 2.1 GiB line of NUL bytes from a crash, then records) is read as a stream: the records after it are kept',
    setup: (dir) => {
      const lines = makeHistory(dir);
      const file = join(dir, 'data', 'history.jsonl');
      truncateSync(file, statSync(file).size + Math.round(2.1 * 1024 ** 3)); // a hole: no disk used
      // The same batch again as another session, after the hole, on a fresh line.
      const session = (JSON.parse(lines[0]!) as { session: string }).session;
      appendFileSync(file, `\n${lines.map((l) => l.replace(session, `${session}-again`)).join('\n')}\n`);
    },
    args: ['history', '--data', 'data', '--json'],
    exit: 0,
    stderr: [`coach: data/history.jsonl:5: skipped a line of ${Math.round(2.1 * 1024 ** 3).toLocaleString('en-US')} bytes, past the 16 MiB a record may take`],
    stdout: /"answers": 3,[\s\S]*"answers": 3,/,
    within: 30_000,
  },
  {
    name: 'history: a history.jsonl that is a symbolic link is not followed, for reading or writing (its target is untouched)',
    setup: (dir) => {
      mkdirSync(join(dir, 'data'));
      writeFileSync(join(dir, 'target.txt'), 'precious\n');
      symlinkSync(join(dir, 'target.txt'), join(dir, 'data', 'history.jsonl'));
    },
    args: ['score', 'corpus/good.yaml', '--candidate', 'Sam', '--data', 'data', '--format', 'jsonl'],
    exit: 2,
    stderr: ['coach: cannot read data/history.jsonl: it is a symbolic link (coach does not follow a link for its history; give the real folder with --data)'],
    stdout: /^$/,
  },
  {
    name: 'progress: a history.jsonl that is a symbolic link to /dev/zero is a plain error',
    setup: (dir) => {
      mkdirSync(join(dir, 'data'));
      symlinkSync('/dev/zero', join(dir, 'data', 'history.jsonl'));
    },
    args: ['progress', '--data', 'data'],
    exit: 2,
    stderr: ['coach: cannot read data/history.jsonl: it is a symbolic link (coach does not follow a link for its history; give the real folder with --data)'],
    within: 10_000,
  },
  {
    name: 'history: a history.jsonl that is a named pipe is a plain error, not a hang (reading and writing)',
    setup: (dir) => {
      mkdirSync(join(dir, 'data'));
      const fifo = spawnSync('mkfifo', [join(dir, 'data', 'history.jsonl')]);
      if (fifo.status !== 0) return 'mkfifo is not available';
    },
    args: ['history', '--data', 'data'],
    exit: 2,
    stderr: ['coach: cannot read data/history.jsonl: it is not a regular file (a named pipe)'],
    within: 10_000,
  },
  {
    name: 'score --candidate: a history.jsonl that is a named pipe is a plain error before anything is scored',
    setup: (dir) => {
      mkdirSync(join(dir, 'data'));
      const fifo = spawnSync('mkfifo', [join(dir, 'data', 'history.jsonl')]);
      if (fifo.status !== 0) return 'mkfifo is not available';
    },
    args: ['score', 'corpus/good.yaml', '--candidate', 'Sam', '--data', 'data', '--format', 'jsonl'],
    exit: 2,
    stderr: ['coach: cannot read data/history.jsonl: it is not a regular file (a named pipe)'],
    stdout: /^$/,
    within: 10_000,
  },
];

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(cwd: string, args: string[], opts: { stdin?: string | Buffer; stdinFrom?: string; pipeTo?: string; as?: Unprivileged }): RunResult {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), NO_COLOR: '1' };
  delete env['FORCE_COLOR'];
  delete env['COACH_DEBUG'];
  delete env['COACH_DATA_DIR'];
  const started = Date.now();
  const quoted = [process.execPath, COACH, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const argv = opts.as ? [...opts.as.argv, ...args] : [process.execPath, COACH, ...args];
  const input = opts.stdinFrom ? openSync(resolve(cwd, opts.stdinFrom), 'r') : null;
  try {
    const res = opts.pipeTo
      ? spawnSync('bash', ['-c', `${quoted} | ${opts.pipeTo}; exit \${PIPESTATUS[0]}`], { cwd, env, encoding: 'utf8', timeout: 30_000 })
      : spawnSync(argv[0]!, argv.slice(1), {
        cwd, env, encoding: 'utf8', timeout: 30_000, maxBuffer: 64 * 1024 * 1024,
        ...(input !== null ? { stdio: [input, 'pipe', 'pipe'] } : { input: opts.stdin ?? '' }),
        ...(opts.as?.uid !== undefined ? { uid: opts.as.uid, gid: opts.as.uid } : {}),
      });
    if (res.error) throw res.error;
    return { code: res.status, stdout: res.stdout, stderr: res.stderr, ms: Date.now() - started };
  } finally {
    if (input !== null) closeSync(input);
  }
}

/** The counts a command reports: its JSON summary, else its "N inputs: S scored, F failed" line. */
function countsOf(r: RunResult, json: any): Counts | null {
  const s = json?.summary;
  if (s) return { inputs: s.inputs, scored: s.scored ?? s.evaluated, failed: s.failed };
  const m = /^(\d+) inputs?: (\d+) (?:scored|evaluated), (\d+) failed/m.exec(`${r.stdout}\n${r.stderr}`);
  return m ? { inputs: Number(m[1]), scored: Number(m[2]), failed: Number(m[3]) } : null;
}

describe('a corpus of bad inputs: each gets its exact error, loses nothing else, and exits as documented', () => {
  const dirs: string[] = [];
  afterAll(() => {
    removePortableCopy();
    for (const d of dirs) {
      spawnSync('chmod', ['-R', 'u+rwx', d]);
      rmSync(d, { recursive: true, force: true });
    }
  }, 120_000);

  it('has at least 30 cases, with distinct names', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  for (const c of CASES) {
    it(c.name, (ctx) => {
      const dir = mkdtempSync(join(tmpdir(), 'coach-corpus-'));
      dirs.push(dir);
      cpSync(join(FIXTURES, 'corpus'), join(dir, 'corpus'), { recursive: true });
      const skip = c.setup?.(dir);
      if (skip) ctx.skip(skip);
      let as: Unprivileged | undefined;
      if (c.unprivileged && ROOT) {
        // As root, permissions do not stop reads: run coach without that power (see portable-coach.ts).
        const how = unprivilegedCoach();
        if (!how) return ctx.skip('running as root, and cannot run coach without root\'s power over permissions to test an unreadable file');
        // As "nobody", the case's folder must be open to others (it holds nothing else).
        if (how.uid !== undefined) spawnSync('chmod', ['755', dir]);
        as = how;
      }
      const r = run(dir, c.args, { stdin: c.stdin, stdinFrom: c.stdinFrom, pipeTo: c.pipeTo, as });
      const json = c.args.includes('--json') || c.args.includes('json') ? JSON.parse(r.stdout) : null;
      const summary = `coach ${c.args.join(' ')} (exit ${r.code})\nstdout:\n${r.stdout.slice(0, 1500)}\nstderr:\n${r.stderr.slice(0, 1500)}`;

      expect(r.stdout + r.stderr, summary).not.toMatch(STACK_LINE);
      expect(r.stderr, summary).not.toContain('internal error');
      expect(r.code, summary).toBe(c.exit);
      expect(r.stderr === '' ? [] : r.stderr.replace(/\n$/, '').split('\n'), summary).toEqual(c.stderr);
      if (c.errors) {
        const list = (json.errors ?? json.problems) as Array<{ file: string; line: number; column: number; message: string }>;
        expect(list.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`), summary).toEqual(c.errors);
      }
      if (c.counts) {
        const counts = countsOf(r, json);
        expect(counts, summary).toEqual(c.counts);
        expect(counts!.inputs).toBe(counts!.scored + counts!.failed);
      }
      if (c.scored) {
        const ids: string[] = json?.results ? json.results.map((x: { id: string }) => x.id) : [...r.stdout.matchAll(/^(\S+) {2}(?:LOW|MEDIUM|HIGH) \d+\/100/gm)].map((m) => m[1]!);
        for (const id of c.scored) expect(ids, summary).toContain(id);
      }
      if (c.stdout) expect(r.stdout, summary).toMatch(c.stdout);
      if (c.within) expect(r.ms, summary).toBeLessThan(c.within);
    });
  }
});
