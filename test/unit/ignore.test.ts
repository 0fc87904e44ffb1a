import { describe, expect, it } from 'vitest';
import { IgnoreRules, isProjectFile } from '../../src/io/ignore.js';
import { hasQuestionFrontMatter } from '../../src/io/read-answers.js';

describe('ignore rules (gitignore syntax, as .coachignore and --ignore use them)', () => {
  const cases: Array<[string[], string, boolean, boolean]> = [
    // rules, path relative to the folder scored, is a folder, left out?
    [['*.bak'], 'a.bak', false, true],
    [['*.bak'], 'deep/in/a.bak', false, true],
    [['*.bak'], 'a.bak.yaml', false, false],
    [['drafts/'], 'drafts', true, true],
    [['drafts/'], 'drafts', false, false], // a file named drafts is not a folder
    [['/notes.md'], 'notes.md', false, true],
    [['/notes.md'], 'sub/notes.md', false, false],
    [['sub/*.yaml'], 'sub/a.yaml', false, true],
    [['sub/*.yaml'], 'sub/deeper/a.yaml', false, false],
    [['**/old/*.yaml'], 'x/y/old/a.yaml', false, true],
    [['**/old/*.yaml'], 'old/a.yaml', false, true],
    [['*.md', '!keep.md'], 'keep.md', false, false],
    [['*.md', '!keep.md'], 'other.md', false, true],
    [['# a comment', '', 'a?.csv'], 'ab.csv', false, true],
    [['# a comment', '', 'a?.csv'], 'abc.csv', false, false],
    [['[ab].csv'], 'b.csv', false, true],
    [['[ab].csv'], 'c.csv', false, false],
  ];
  it.each(cases)('%j: %s (folder %s) left out: %s', (rules, path, isDir, out) => {
    expect(new IgnoreRules(rules).ignores(path, isDir)).toBe(out);
  });
});

describe('files a folder scan leaves out', () => {
  it.each([['README.md', true], ['readme.txt', true], ['LICENSE', true], ['package.json', true], ['package-lock.json', true], ['tsconfig.build.json', true], ['answers.json', false], ['readme-answers.yaml', false], ['sam.md', false]])('%s: %s', (name, out) => {
    expect(isProjectFile(name)).toBe(out);
  });
});

describe('front matter naming the question', () => {
  it.each([
    ['---\nquestion: Why?\n---\nI did it.', true],
    ['\uFEFF---\r\nid: a\r\nquestion: Why?\r\n---\r\nI did it.', true],
    ['---\ncompetency: teamwork\n---\nI did it.', false],
    ['question: Why?\nI did it.', false],
    ['# Notes\n---\nquestion: Why?\n---', false],
  ])('%j: %s', (text, yes) => {
    expect(hasQuestionFrontMatter(text)).toBe(yes);
  });
});
