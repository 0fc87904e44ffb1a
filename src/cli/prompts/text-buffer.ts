/**
 * The text being written in the answer prompt: lines of characters and a cursor, with the edits a
 * terminal editor needs. Pure (no terminal, no clock), so it is tested on its own.
 *
 * A line is an array of characters (code points, so an emoji is one character and the cursor
 * never stands inside one); `col` counts characters.
 */

export interface Position {
  line: number;
  col: number;
}

// Control characters a terminal acts on (see render/inert.ts): dropped from typed or pasted
// text, since the answer is redrawn on every key. Newline and tab are handled before.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text as the buffer holds it: \n line ends (Windows and old Mac ones too), tabs as a space. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(UNSAFE, '');
}

const isSpace = (c: string | undefined): boolean => c === ' ';

export class TextBuffer {
  lines: string[][];
  line = 0;
  col = 0;

  /** A buffer holding `text`, with the cursor at its end. */
  constructor(text = '') {
    this.lines = cleanText(text).split('\n').map((l) => Array.from(l));
    this.end();
  }

  get text(): string {
    return this.lines.map((l) => l.join('')).join('\n');
  }

  get position(): Position {
    return { line: this.line, col: this.col };
  }

  private get current(): string[] {
    return this.lines[this.line]!;
  }

  /** The cursor is after the last character of the text. */
  get atEnd(): boolean {
    return this.line === this.lines.length - 1 && this.col === this.current.length;
  }

  moveTo(pos: Position): void {
    this.line = Math.max(0, Math.min(pos.line, this.lines.length - 1));
    this.col = Math.max(0, Math.min(pos.col, this.current.length));
  }

  // ---- typing ----

  /** Inserts text at the cursor (a paste may hold line breaks) and moves the cursor after it. */
  insert(text: string): void {
    const parts = cleanText(text).split('\n').map((p) => Array.from(p));
    const rest = this.current.slice(this.col);
    const head = this.current.slice(0, this.col);
    if (parts.length === 1) {
      this.lines[this.line] = [...head, ...parts[0]!, ...rest];
      this.col += parts[0]!.length;
      return;
    }
    const last = parts[parts.length - 1]!;
    const middle = parts.slice(1, -1);
    this.lines.splice(this.line, 1, [...head, ...parts[0]!], ...middle, [...last, ...rest]);
    this.line += parts.length - 1;
    this.col = last.length;
  }

  /** Enter: splits the line at the cursor. */
  newline(): void {
    this.insert('\n');
  }

  // ---- deleting ----

  /** Backspace: the character before the cursor; at the start of a line, joins it to the one above. */
  backspace(): void {
    if (this.col > 0) {
      this.current.splice(this.col - 1, 1);
      this.col--;
    } else if (this.line > 0) {
      const above = this.lines[this.line - 1]!;
      this.col = above.length;
      above.push(...this.current);
      this.lines.splice(this.line, 1);
      this.line--;
    }
  }

  /** Delete: the character under the cursor; at the end of a line, joins the next one to it. */
  deleteForward(): void {
    if (this.col < this.current.length) this.current.splice(this.col, 1);
    else if (this.line < this.lines.length - 1) {
      this.current.push(...this.lines[this.line + 1]!);
      this.lines.splice(this.line + 1, 1);
    }
  }

  /** Deletes from `from` to the cursor (from is before it). */
  private deleteBack(from: Position): void {
    if (from.line === this.line) this.current.splice(from.col, this.col - from.col);
    else {
      const joined = [...this.lines[from.line]!.slice(0, from.col), ...this.current.slice(this.col)];
      this.lines.splice(from.line, this.line - from.line + 1, joined);
    }
    this.line = from.line;
    this.col = from.col;
  }

  /** Ctrl-W: the word before the cursor and the spaces after it; at the start of a line, joins it to the one above. */
  deleteWordBefore(): void {
    const here = this.position;
    this.wordLeft();
    const from = this.position;
    this.moveTo(here);
    this.deleteBack(from);
  }

  /** Alt-D: from the cursor to the end of the next word. */
  deleteWordAfter(): void {
    const here = this.position;
    this.wordRight();
    this.deleteBack(here);
  }

  /** Ctrl-K: the rest of the line; at its end, joins the next line. */
  deleteToLineEnd(): void {
    if (this.col === this.current.length) this.deleteForward();
    else this.current.splice(this.col);
  }

  /** Ctrl-U: the line before the cursor. */
  deleteToLineStart(): void {
    this.current.splice(0, this.col);
    this.col = 0;
  }

  // ---- moving ----

  left(): void {
    if (this.col > 0) this.col--;
    else if (this.line > 0) {
      this.line--;
      this.col = this.current.length;
    }
  }

  right(): void {
    if (this.col < this.current.length) this.col++;
    else if (this.line < this.lines.length - 1) {
      this.line++;
      this.col = 0;
    }
  }

  /** To the start of the word before the cursor (over line ends). */
  wordLeft(): void {
    if (this.col === 0) {
      this.left();
      return;
    }
    const l = this.current;
    let c = this.col;
    while (c > 0 && isSpace(l[c - 1])) c--;
    while (c > 0 && !isSpace(l[c - 1])) c--;
    this.col = c;
  }

  /** To the end of the word after the cursor (over line ends). */
  wordRight(): void {
    if (this.col === this.current.length) {
      this.right();
      return;
    }
    const l = this.current;
    let c = this.col;
    while (c < l.length && isSpace(l[c])) c++;
    while (c < l.length && !isSpace(l[c])) c++;
    this.col = c;
  }

  lineStart(): void {
    this.col = 0;
  }

  lineEnd(): void {
    this.col = this.current.length;
  }

  start(): void {
    this.line = 0;
    this.col = 0;
  }

  end(): void {
    this.line = this.lines.length - 1;
    this.col = this.current.length;
  }
}
