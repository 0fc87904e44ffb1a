/**
 * How the answer prompt lays the text out on screen: each line wrapped into rows at word
 * boundaries (a word longer than a row is cut), the cursor's row and column, moving up and down
 * by rows, and the window of rows that fits the terminal. Pure, like the text buffer.
 */
import type { Position } from './text-buffer.js';

/** One screen row: characters [start, end) of a line. A row that wraps keeps its last space. */
export interface Row {
  line: number;
  start: number;
  end: number;
}

/**
 * Columns a character takes in a terminal: 2 for East Asian wide characters and most emoji,
 * 0 for combining marks and zero-width characters, 1 otherwise. (An approximation of the
 * Unicode tables, enough for the text of an answer.)
 */
export function charWidth(c: string): number {
  const n = c.codePointAt(0) ?? 0;
  if ((n >= 0x300 && n <= 0x36f) || (n >= 0x200b && n <= 0x200f) || (n >= 0xfe00 && n <= 0xfe0f)) return 0;
  if (
    (n >= 0x1100 && n <= 0x115f) || (n >= 0x2e80 && n <= 0xa4cf) || (n >= 0xac00 && n <= 0xd7a3) ||
    (n >= 0xf900 && n <= 0xfaff) || (n >= 0xfe30 && n <= 0xfe4f) || (n >= 0xff00 && n <= 0xff60) ||
    (n >= 0xffe0 && n <= 0xffe6) || (n >= 0x1f300 && n <= 0x1f64f) || (n >= 0x1f900 && n <= 0x1f9ff) ||
    (n >= 0x20000 && n <= 0x3fffd)
  ) return 2;
  return 1;
}

function width(chars: string[], from: number, to: number): number {
  let w = 0;
  for (let i = from; i < to; i++) w += charWidth(chars[i]!);
  return w;
}

/**
 * The rows of one line, `room` columns wide. A row breaks after the last space that fits; a
 * space that would start the next row stays at the end of this one (it is not drawn, so it
 * takes no room); with no space to break at, the row is cut at `room`.
 */
export function wrapLine(chars: string[], room: number): Array<{ start: number; end: number }> {
  const rows: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (;;) {
    // i: the first character that does not fit on a row starting at `start`
    let i = start;
    let used = 0;
    while (i < chars.length && used + charWidth(chars[i]!) <= room) used += charWidth(chars[i++]!);
    if (i >= chars.length) {
      rows.push({ start, end: chars.length });
      return rows;
    }
    let end: number;
    if (chars[i] === ' ') end = i + 1;
    else {
      const space = i > start ? chars.lastIndexOf(' ', i - 1) : -1;
      end = space >= start ? space + 1 : Math.max(i, start + 1);
    }
    rows.push({ start, end });
    start = end;
  }
}

/** Every row of the text, in order. */
export function layoutRows(lines: string[][], room: number): Row[] {
  return lines.flatMap((chars, line) => wrapLine(chars, room).map((r) => ({ line, ...r })));
}

/** The text a row shows: its characters, without the space it ends with. */
export function rowText(lines: string[][], row: Row): string {
  return lines[row.line]!.slice(row.start, row.end).join('').replace(/ +$/, '');
}

/**
 * The row the cursor is on, and its column in it. A cursor at the point where a line wraps is
 * at the start of the next row; at the end of a line, at the end of its last row.
 */
export function cursorRow(lines: string[][], rows: Row[], pos: Position): { row: number; col: number } {
  let row = rows.findIndex((r) => r.line === pos.line && pos.col >= r.start && pos.col < r.end);
  // Not inside a row: at the end of the line, so on its last row.
  if (row === -1) for (let i = rows.length - 1; i >= 0 && row === -1; i--) if (rows[i]!.line === pos.line) row = i;
  const r = rows[row]!;
  return { row, col: width(lines[r.line]!, r.start, pos.col) };
}

/** The position on `row` closest to column `column` (never past the row's end). */
export function positionAt(lines: string[][], rows: Row[], row: number, column: number): Position {
  const r = rows[row]!;
  const chars = lines[r.line]!;
  const isLast = row === rows.length - 1 || rows[row + 1]!.line !== r.line;
  // The end of a row that wraps is the start of the next one: stop before it.
  const last = isLast ? r.end : Math.max(r.start, r.end - 1);
  let col = r.start;
  let used = 0;
  while (col < last) {
    const w = charWidth(chars[col]!);
    if (used + w > column) break;
    used += w;
    col++;
  }
  return { line: r.line, col };
}

/**
 * The first row to show so that the cursor's row is in a window of `height` rows, moving the
 * window as little as possible from `top`.
 */
export function scrollTop(top: number, cursor: number, height: number, total: number): number {
  let t = Math.min(top, Math.max(0, total - height));
  if (cursor < t) t = cursor;
  if (cursor >= t + height) t = cursor - height + 1;
  return Math.max(0, t);
}
