import { describe, expect, it } from 'vitest';
import { editorFailure, editorFileText, stripComments } from '../../src/cli/prompts/editor-answer.js';
import { wrapChoices, wrapName } from '../../src/cli/prompts/menu.js';
import { filterQuestions, questionChoices } from '../../src/cli/prompts/question-picker.js';
import { renderFeedbackSummary } from '../../src/render/practice.js';
import { makeStyle } from '../../src/render/style.js';
import { loadRubric } from '../../src/rubrics/load.js';
import { score } from './rubric-fixture.js';

const bank = loadRubric([]).data;

/** Visible width (every character used here is one column wide). */
const width = (line: string): number => Array.from(line).length;

describe('menu names wrap at word boundaries with a hanging indent', () => {
  const long = 'Listen to the customer before offering a solution, and check the customer is happy with it';
  const cases: Array<[string, string, number, string[]]> = [
    ['a short name is left as it is', 'Finish', 80, ['Finish']],
    ['a name that fits exactly is left as it is', 'x'.repeat(77), 80, ['x'.repeat(77)]],
    ['a long name wraps between words, later lines indented by four', long, 60, [
      'Listen to the customer before offering a solution, and',
      '    check the customer is happy with it',
    ]],
  ];
  it.each(cases)('%s', (_name, name, columns, lines) => {
    expect(wrapName(name, columns).split('\n')).toEqual(lines);
  });

  it('no line of any bank question, as the picker shows it, is wider than the terminal or splits a word', () => {
    const questions = bank.questions;
    for (const columns of [50, 80]) {
      for (const c of questionChoices(questions, columns)) {
        const lines = c.name.split('\n');
        // "❯ " or two spaces come before the first line
        expect(width(lines[0]!) + 2, c.name).toBeLessThanOrEqual(columns - 1);
        for (const l of lines.slice(1)) {
          expect(l).toMatch(/^ {4}\S/);
          expect(width(l)).toBeLessThanOrEqual(columns - 1);
        }
        // joined back, the question reads as it was written: no word was cut
        expect(lines.map((l) => l.trim()).join(' ')).toBe(questions.find((q) => q.id === c.value)!.text.replace(/\s+/g, ' ').trim());
        expect(c.short).toBe(c.value);
      }
    }
  });

  it('a wrapped choice keeps its one-line name for the line left after the menu', () => {
    const [c] = wrapChoices([{ name: 'word '.repeat(30).trim(), value: 1 }], 40);
    expect(c!.name).toContain('\n');
    expect(c!.short).toBe('word '.repeat(30).trim());
  });
});

describe('the question picker filter', () => {
  const questions = bank.questions;
  const cases: Array<[string, string | undefined, (ids: string[]) => void]> = [
    ['nothing typed: every question', undefined, (ids) => expect(ids).toHaveLength(questions.length)],
    ['words of a question, in any case: that question', 'NEEDED something else', (ids) => expect(ids).toEqual(['customer-focus-02'])],
    ['words in any order', 'else something needed', (ids) => expect(ids).toEqual(['customer-focus-02'])],
    ['a competency id: its questions only', 'teamwork', (ids) => {
      expect(ids.length).toBeGreaterThan(1);
      expect(ids.length).toBeLessThan(questions.length);
      for (const id of ids) expect(questions.find((q) => q.id === id)!.competency === 'teamwork' || /teamwork/i.test(questions.find((q) => q.id === id)!.text)).toBe(true);
    }],
    ['a question id', 'customer-focus-02', (ids) => expect(ids).toEqual(['customer-focus-02'])],
    ['words found nowhere: none', 'zebra crossing', (ids) => expect(ids).toEqual([])],
  ];
  it.each(cases)('%s', (_name, term, check) => {
    check(filterQuestions(questions, term).map((q) => q.id));
  });
});

describe('the feedback summary fits a 24-line screen with the menu', () => {
  it('is at most 8 lines, none wider than 80 columns, for every model answer in the bank', () => {
    const st = makeStyle(null, 80);
    expect(bank.models.length).toBeGreaterThan(10);
    for (const m of bank.models) {
      const q = bank.questions.find((x) => x.id === m.question)!;
      const a = score(q.text, m.answer, q.competency);
      const lines = renderFeedbackSummary(a, st).replace(/\n$/, '').split('\n');
      expect(lines.length, lines.join('\n')).toBeLessThanOrEqual(8);
      for (const l of lines) expect(width(l), l).toBeLessThanOrEqual(80);
      expect(lines[1]).toBe(`${a.level.toUpperCase()} ${a.score}/100  ${a.competency} · ${a.kind} question`);
      expect(lines.some((l) => l.startsWith('STAR  '))).toBe(true);
      if (a.feedback.length) expect(lines.join(' ').replace(/\s+/g, ' ')).toContain(a.feedback[0]!.message.split(' ').slice(0, 6).join(' '));
    }
  });
});

describe('answering in $EDITOR', () => {
  const hints: Array<[string, string]> = [['Situation', 'When and where was it?'], ['Result', 'How did it end?']];

  it('puts the question and hints in the file as comment lines, with the previous answer under them', () => {
    const file = editorFileText('Describe a time you helped a customer.', hints, 'My first answer.');
    const lines = file.split('\n');
    expect(lines[0]).toBe('# Question: Describe a time you helped a customer.');
    expect(lines).toContain('# Situation: When and where was it?');
    expect(lines).toContain('# Result: How did it end?');
    expect(file.endsWith('\nMy first answer.\n')).toBe(true);
    expect(stripComments(file)).toBe('My first answer.');
  });

  const strip: Array<[string, string, string]> = [
    ['comment lines anywhere are left out', '# q\nI helped.\n# note\nIt worked.\n', 'I helped.\nIt worked.'],
    ['Windows line ends', '# q\r\nI helped.\r\n', 'I helped.'],
    ['a # inside a line is kept', '# q\nI was #1 in sales.', 'I was #1 in sales.'],
    ['only comments: an empty answer', '# q\n#\n', ''],
  ];
  it.each(strip)('stripComments: %s', (_name, text, expected) => {
    expect(stripComments(text)).toBe(expected);
  });

  it('says in one sentence why the editor did not start', () => {
    const missing = Object.assign(new Error('spawn /nonexistent ENOENT'), { code: 'ENOENT' });
    const launch = Object.assign(new Error('Failed to launch editor.'), { originalError: missing });
    expect(editorFailure(launch, { EDITOR: '/nonexistent' })).toBe('Your editor "/nonexistent" ($EDITOR) could not start: no such program.');
    expect(editorFailure(launch, { VISUAL: 'code -w', EDITOR: 'nano' })).toBe('Your editor "code -w" ($VISUAL) could not start: no such program.');
    expect(editorFailure(launch, { EDITOR: 'x\x1b]0;t\x07' })).not.toMatch(/\x1b|\x07/);
  });
});
