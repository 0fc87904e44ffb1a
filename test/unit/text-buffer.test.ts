import { describe, expect, it } from 'vitest';
import { cleanText, TextBuffer } from '../../src/cli/prompts/text-buffer.js';
import { cursorRow, layoutRows, positionAt, rowText, scrollTop, wrapLine } from '../../src/cli/prompts/text-layout.js';

/**
 * The answer prompt's text model. States are written as the text with a `|` where the cursor is:
 * "ab|c\nde" is two lines, the cursor before the c.
 */
function buffer(state: string): TextBuffer {
  const at = state.indexOf('|');
  const b = new TextBuffer(state.replace('|', ''));
  const before = state.slice(0, at).split('\n');
  b.moveTo({ line: before.length - 1, col: Array.from(before[before.length - 1]!).length });
  return b;
}

function show(b: TextBuffer): string {
  return b.lines.map((l, i) => (i === b.line ? [...l.slice(0, b.col), '|', ...l.slice(b.col)] : l).join('')).join('\n');
}

type Edit = (b: TextBuffer) => void;

describe('TextBuffer edits', () => {
  const cases: Array<[string, string, Edit, string]> = [
    ['types in the middle of a line', 'ab|c', (b) => b.insert('X'), 'abX|c'],
    ['Enter splits the line at the cursor', 'ab|c', (b) => b.newline(), 'ab\n|c'],
    ['Enter at the end starts an empty line', 'abc|', (b) => b.newline(), 'abc\n|'],
    ['a multi-line paste lands at the cursor, the rest of the line after it', 'a|z', (b) => b.insert('1\n2\n3'), 'a1\n2\n3|z'],
    ['a Windows paste (CRLF) breaks lines once', '|', (b) => b.insert('one\r\ntwo\rthree'), 'one\ntwo\nthree|'],
    ['tabs become spaces, control characters are dropped', '|', (b) => b.insert('a\tb\x1b[2J\x07c\u202e'), 'a b[2Jc|'],
    ['Backspace deletes the character before the cursor', 'ab|c', (b) => b.backspace(), 'a|c'],
    ['Backspace at the start of a line joins it to the line above', 'ab\n|cd', (b) => b.backspace(), 'ab|cd'],
    ['Backspace at the very start does nothing', '|ab', (b) => b.backspace(), '|ab'],
    ['Delete removes the character under the cursor', 'a|bc', (b) => b.deleteForward(), 'a|c'],
    ['Delete at the end of a line joins the next line', 'ab|\ncd', (b) => b.deleteForward(), 'ab|cd'],
    ['Delete at the very end does nothing', 'ab|', (b) => b.deleteForward(), 'ab|'],
    ['Ctrl-W deletes the word before the cursor', 'I was rude| today', (b) => b.deleteWordBefore(), 'I was | today'],
    ['Ctrl-W takes the spaces before the cursor with the word', 'I was rude  |', (b) => b.deleteWordBefore(), 'I was |'],
    ['Ctrl-W at the start of a line joins it to the line above', 'one\n|two', (b) => b.deleteWordBefore(), 'one|two'],
    ['Alt-D deletes the next word', 'I |was rude', (b) => b.deleteWordAfter(), 'I | rude'],
    ['Ctrl-K deletes to the end of the line', 'ab|cd\nef', (b) => b.deleteToLineEnd(), 'ab|\nef'],
    ['Ctrl-K at the end of a line joins the next', 'ab|\nef', (b) => b.deleteToLineEnd(), 'ab|ef'],
    ['Ctrl-U deletes to the start of the line', 'x\nab|cd', (b) => b.deleteToLineStart(), 'x\n|cd'],
    ['an emoji is one character', 'a😀|b', (b) => b.backspace(), 'a|b'],
  ];
  it.each(cases)('%s', (_name, before, edit, after) => {
    const b = buffer(before);
    edit(b);
    expect(show(b)).toBe(after);
  });
});

describe('TextBuffer cursor moves', () => {
  const cases: Array<[string, string, Edit, string]> = [
    ['Left moves one character', 'ab|c', (b) => b.left(), 'a|bc'],
    ['Left at the start of a line goes to the end of the line above', 'ab\n|cd', (b) => b.left(), 'ab|\ncd'],
    ['Right at the end of a line goes to the start of the next', 'ab|\ncd', (b) => b.right(), 'ab\n|cd'],
    ['Right at the very end stays', 'ab|', (b) => b.right(), 'ab|'],
    ['word left goes to the start of the word', 'one two|', (b) => b.wordLeft(), 'one |two'],
    ['word left over spaces', 'one two  |', (b) => b.wordLeft(), 'one |two  '],
    ['word left at a line start goes to the line above', 'one\n|two', (b) => b.wordLeft(), 'one|\ntwo'],
    ['word right goes to the end of the word', '|one two', (b) => b.wordRight(), 'one| two'],
    ['Home and End of a line', 'ab|cd', (b) => b.lineStart(), '|abcd'],
    ['End of a line', 'ab|cd\nx', (b) => b.lineEnd(), 'abcd|\nx'],
    ['start of the text', 'ab\ncd|', (b) => b.start(), '|ab\ncd'],
    ['end of the text', '|ab\ncd', (b) => b.end(), 'ab\ncd|'],
  ];
  it.each(cases)('%s', (_name, before, move, after) => {
    const b = buffer(before);
    move(b);
    expect(show(b)).toBe(after);
  });

  it('starts at the end of the text it is given, and gives the text back as it was', () => {
    const b = new TextBuffer('first line\nsecond');
    expect(b.position).toEqual({ line: 1, col: 6 });
    expect(b.atEnd).toBe(true);
    expect(b.text).toBe('first line\nsecond');
    expect(new TextBuffer('').text).toBe('');
  });

  it('cleanText keeps line breaks and visible text only', () => {
    expect(cleanText('a\r\nb\rc\td\x00e\x9bf')).toBe('a\nb\nc def');
  });
});

/** The rows of `text` at `room` columns, as the strings they show. */
function rows(text: string, room: number): string[] {
  const lines = new TextBuffer(text).lines;
  return layoutRows(lines, room).map((r) => rowText(lines, r));
}

describe('wrapping a line into rows', () => {
  const cases: Array<[string, string, number, string[]]> = [
    ['a short line is one row', 'I helped her.', 20, ['I helped her.']],
    ['breaks at the last space that fits, never in a word', 'the customer was listening', 12, ['the customer', 'was', 'listening']],
    ['a row may be exactly full', 'abcde fghij', 5, ['abcde', 'fghij']],
    ['a word longer than a row is cut', 'abcdefghij kl', 4, ['abcd', 'efgh', 'ij', 'kl']],
    ['an empty line is one empty row', '', 10, ['']],
    ['each line wraps on its own', 'aaa bbb\nccc', 4, ['aaa', 'bbb', 'ccc']],
    ['wide characters take two columns', '漢字漢字 ab', 5, ['漢字', '漢字', 'ab']],
  ];
  it.each(cases)('%s', (_name, text, room, expected) => {
    expect(rows(text, room)).toEqual(expected);
  });

  it('covers every character once, with no row wider than the room', () => {
    const text = 'In my Saturday job at a hardware shop, a woman asked for a new kettle because hers had stopped working.';
    for (const room of [5, 9, 17, 40, 76]) {
      const chars = Array.from(text);
      const spans = wrapLine(chars, room);
      expect(spans[0]!.start).toBe(0);
      expect(spans[spans.length - 1]!.end).toBe(chars.length);
      for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBe(spans[i - 1]!.end);
      for (const s of spans) expect(chars.slice(s.start, s.end).join('').trimEnd().length).toBeLessThanOrEqual(room);
    }
  });
});

describe('the cursor on screen', () => {
  const lines = new TextBuffer('the customer was listening\nok').lines; // rows at 12: "the customer " | "was " | "listening" | "ok"
  const laid = layoutRows(lines, 12);

  const at: Array<[string, { line: number; col: number }, { row: number; col: number }]> = [
    ['at the start', { line: 0, col: 0 }, { row: 0, col: 0 }],
    ['on the space that ends a row: just after its text', { line: 0, col: 12 }, { row: 0, col: 12 }],
    ['just after a wrap: the start of the next row', { line: 0, col: 13 }, { row: 1, col: 0 }],
    ['at the end of a line: the end of its last row', { line: 0, col: 26 }, { row: 2, col: 9 }],
    ['on the next line', { line: 1, col: 1 }, { row: 3, col: 1 }],
  ];
  it.each(at)('%s', (_name, pos, expected) => {
    expect(cursorRow(lines, laid, pos)).toEqual(expected);
  });

  it('moving to a column of a row stays on that row (before the wrap point)', () => {
    expect(positionAt(lines, laid, 1, 2)).toEqual({ line: 0, col: 15 });
    // row 1 is "was " (cols 13-16): a column past its text stops before the next row starts
    expect(positionAt(lines, laid, 1, 30)).toEqual({ line: 0, col: 16 });
    // the last row of a line may end at the line's end
    expect(positionAt(lines, laid, 2, 30)).toEqual({ line: 0, col: 26 });
    expect(positionAt(lines, laid, 3, 30)).toEqual({ line: 1, col: 2 });
  });

  it('up and down keep the column: cursorRow and positionAt are inverse on the text', () => {
    for (const [row, col] of [[0, 4], [2, 3], [3, 0]] as const) {
      expect(cursorRow(lines, laid, positionAt(lines, laid, row, col))).toEqual({ row, col });
    }
  });

  const scroll: Array<[string, number, number, number, number, number]> = [
    ['the cursor in the window: no move', 0, 3, 5, 20, 0],
    ['the cursor below the window: it moves down just enough', 0, 7, 5, 20, 3],
    ['the cursor above the window: it moves up to it', 6, 2, 5, 20, 2],
    ['text that got shorter: the window comes back up', 10, 4, 5, 6, 1],
    ['all the text fits', 3, 2, 10, 4, 0],
  ];
  it.each(scroll)('scrolling: %s', (_name, top, cursor, height, total, expected) => {
    expect(scrollTop(top, cursor, height, total)).toBe(expected);
  });
});
