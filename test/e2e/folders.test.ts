import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSI, EXAMPLES, runCoach, runCoachJson } from './run-coach.js';

// Folders (issue 12): the bundled examples score cleanly; --ignore and .coachignore leave files
// out; project files and text files that do not name their question are not taken as answers.

const ANSWER = 'Last year I worked in a café. A customer said her order was wrong, so I apologised, made it again myself and brought it to her table. She thanked me and came back the next week.';

describe('coach score on folders', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'coach-folders-'));
    writeFileSync(join(dir, 'README.md'), '# Workshop answers\n\nScored with coach.\n');
    writeFileSync(join(dir, 'package.json'), '{"name": "workshop", "version": "1.0.0"}\n');
    writeFileSync(join(dir, 'notes.txt'), 'Remember to ask Sam about the café story.\n');
    writeFileSync(join(dir, 'sam.md'), `---\nquestion: Tell me about a time you put a mistake right for a customer.\ncompetency: problem-solving\nid: sam-1\n---\n${ANSWER}\n`);
    writeFileSync(join(dir, 'answers.yaml'), `- id: y-1\n  question: Tell me about a time you helped a customer.\n  answer: ${ANSWER}\n`);
    mkdirSync(join(dir, 'drafts'));
    writeFileSync(join(dir, 'drafts', 'half.yaml'), '- id: draft\n  question: Why?\n');
    writeFileSync(join(dir, 'old.bak.yaml'), '- id: old\n  question: Why?\n  answer: old\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the bundled examples folder scores cleanly (its text answer names its question; my-bank is ignored)', () => {
    const r = runCoachJson(['score', EXAMPLES, '--json']);
    expect(r.code).toBe(0);
    expect(r.json.errors).toEqual([]);
    expect(r.json.summary.failed).toBe(0);
    const txt = r.json.results.find((x: any) => x.source.file.endsWith('answer.txt'));
    expect(txt.question).toMatch(/what a customer really needed/);
    expect(txt.competency).toBe('customer-focus');
    expect(txt.source.line).toBe(5); // the answer starts after the front matter
    expect(r.json.results.some((x: any) => x.source.file.includes('my-bank'))).toBe(false);
  });

  it('leaves out README.md, package.json and a .txt without front matter; reads the .md that names its question', () => {
    const r = runCoachJson(['score', dir, '--json', '--ignore', 'drafts/', '--ignore', '*.bak.yaml']);
    expect(r.json.errors).toEqual([]);
    expect(r.json.results.map((x: any) => x.id).sort()).toEqual(['sam-1', 'y-1']);
    const sam = r.json.results.find((x: any) => x.id === 'sam-1');
    expect(sam.competency).toBe('problem-solving');
    expect(sam.competencyInferred).toBe(false);
    expect(r.code).toBe(0);
  });

  it('without --ignore, the draft and the backup are read (and the draft fails)', () => {
    const r = runCoachJson(['score', dir, '--json']);
    expect(r.json.results.map((x: any) => x.id).sort()).toEqual(['old', 'sam-1', 'y-1']);
    expect(r.json.errors.map((e: any) => e.file)).toEqual([join(dir, 'drafts', 'half.yaml')]);
    expect(r.code).toBe(2);
  });

  it('a .coachignore in the folder leaves files out the same way', () => {
    writeFileSync(join(dir, '.coachignore'), '# not answers\ndrafts/\n*.bak.yaml\n');
    const r = runCoachJson(['score', dir, '--json']);
    rmSync(join(dir, '.coachignore'));
    expect(r.code).toBe(0);
    expect(r.json.results.map((x: any) => x.id).sort()).toEqual(['sam-1', 'y-1']);
  });

  it('a text file named on the command line is read; without a question it says how to give one', () => {
    const r = runCoach(['score', join(dir, 'notes.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/notes\.txt:1:1: question: is required: start the file with front matter .* or give --question/);
    expect(runCoach(['score', join(dir, 'notes.txt'), '-q', 'Tell me about a time you helped a customer.']).code).toBe(0);
  });

  it('-q takes every text file of a folder as an answer to that question (project files still left out)', () => {
    const r = runCoachJson(['score', dir, '--json', '-q', 'Tell me about a time you helped a customer.', '--ignore', 'drafts/', '--ignore', '*.bak.yaml']);
    expect(r.json.results.map((x: any) => x.source.file.replace(/^.*[\\/]/, '')).sort()).toEqual(['answers.yaml', 'notes.txt', 'sam.md']);
  });

  it('front matter problems are located', () => {
    const bad = join(dir, 'bad.md');
    writeFileSync(bad, '---\nquestion: Why?\nanswr: oops\n---\nI did it.\n');
    const r = runCoach(['score', bad]);
    rmSync(bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.md:3:1: front matter: unknown key "answr"/);
  });

  it('-o writes the output to a file, and a path that cannot be written fails before scoring (exit 2)', () => {
    const out = join(dir, 'out', 'scores.csv');
    mkdirSync(join(dir, 'out'));
    const r = runCoach(['score', join(EXAMPLES, 'answers.yaml'), '--format', 'csv', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const csv = readFileSync(out, 'utf8');
    expect(csv.split('\n')[0]).toBe('id,question,competency,kind,level,score,situation,task,action,result,indicators,warnings,next_step,file,line,delivery_estimated,speaking_seconds,words_per_minute,pace,slowest_minute_words,fastest_minute_words,long_pauses,longest_pause_seconds,fillers,fillers_per_minute,fillers_vs_usual');
    expect(csv.trim().split('\n')).toHaveLength(10);
    const text = join(dir, 'out', 'scores.txt');
    expect(runCoach(['score', join(EXAMPLES, 'answers.yaml'), '-o', text]).code).toBe(0);
    expect(readFileSync(text, 'utf8')).toMatch(/^9 inputs: 9 scored/m);
    expect(readFileSync(text, 'utf8')).not.toMatch(ANSI); // a file is not a terminal
    const bad = runCoach(['score', join(EXAMPLES, 'answers.yaml'), '-o', join(dir, 'no', 'such', 'dir', 'x.csv')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^coach: cannot write .*x\.csv: /);
    rmSync(join(dir, 'out'), { recursive: true });
  });

  it('copies of the examples folder with a README.md and package.json still score cleanly', () => {
    const copy = mkdtempSync(join(tmpdir(), 'coach-examples-copy-'));
    cpSync(EXAMPLES, copy, { recursive: true });
    writeFileSync(join(copy, 'README.md'), '# My answers\n');
    writeFileSync(join(copy, 'package.json'), '{}\n');
    const r = runCoachJson(['score', copy, '--json']);
    rmSync(copy, { recursive: true, force: true });
    expect(r.code).toBe(0);
    expect(r.json.errors).toEqual([]);
  });
});
