import { createPrompt, isEnterKey, makeTheme, useEffect, useKeypress, usePrefix, useRef, useState, type KeypressEvent } from '@inquirer/core';
import { wrap } from '../../render/style.js';
import { TextBuffer } from './text-buffer.js';
import { cursorRow, layoutRows, positionAt, rowText, scrollTop, type Row } from './text-layout.js';

export interface AnswerConfig {
  message: string;
  /** A line under the message, e.g. the STAR hint. */
  hint?: string;
  /** Countdown in seconds; when it runs out, what was typed is submitted. */
  seconds?: number;
  /** Text to start from (a retry begins with the previous answer), with the cursor at its end. */
  initial?: string;
}

export interface AnswerResult {
  text: string;
  /** The countdown ran out. */
  expired: boolean;
  /** The user pressed Ctrl-D. */
  eof: boolean;
}

/** The error a prompt ends with on Ctrl-C, carrying what had been typed so far. */
export type WithDraft = Error & { draft?: string };

/** The keys, as the prompt shows them under the message. */
export const ANSWER_KEYS = 'Ctrl-D: finish · Enter: new line · ↑↓←→ Home End: move · Ctrl-W: delete word';

const INDENT = '  ';

/** What readline's keypress events carry beyond @inquirer/core's type. */
type Key = KeypressEvent & { sequence?: string; meta?: boolean };

/** readline's line and cursor, which @inquirer/core reads to place the terminal's cursor. */
type LineState = { line: string; cursor: number };

interface Config extends AnswerConfig {
  /** Kept up to date with the text, for the Ctrl-C error. */
  draft: { text: string };
}

function screenSize(): { columns: number; rows: number } {
  return { columns: process.stdout.columns || 80, rows: process.stdout.rows || 24 };
}

/** Columns a row of text may take: the indent and one column for the cursor are kept free. */
const roomFor = (columns: number): number => Math.max(10, columns - INDENT.length - 1);

/** Three Enters at the end of the text (two empty lines) finish, as before the prompt could edit. */
function endsWithTwoEmptyLines(b: TextBuffer): boolean {
  const n = b.lines.length;
  return b.atEnd && n >= 3 && b.lines.slice(n - 3).every((l) => l.join('').trim() === '');
}

/**
 * A multi-line answer, edited like a small text editor: the arrow keys, Home and End move across
 * lines (wrapped lines move row by row), Backspace and Delete work anywhere and join lines, Enter
 * starts a new line, a paste keeps its line breaks. Ctrl-D, or two empty lines at the end,
 * finishes. With `seconds`, a countdown shows above the text and the answer is submitted as it
 * stands when it reaches zero. Ctrl-C rejects with an error whose `draft` is the text so far.
 *
 * The text wraps at word boundaries within the terminal width; text taller than the terminal
 * scrolls with the cursor. The terminal's own cursor is placed by telling @inquirer/core that
 * the cursor's row is readline's current line (rl.line and rl.cursor), which is how it places
 * the cursor of its one-line prompts.
 */
const prompt = createPrompt<AnswerResult, Config>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  // A counter, not the time: two keys in the same millisecond must still redraw (and the
  // timer's closure must not hold a stale value, hence the updater form).
  const [, setTick] = useState(0);
  const redraw = (): void => setTick((n: number) => n + 1);
  // The keys of a paste arrive together: draw once after them all, not once for each.
  const pending = useRef<NodeJS.Immediate | null>(null);
  const redrawSoon = (): void => {
    pending.current ??= setImmediate(() => {
      pending.current = null;
      if (!settled.current) redraw();
    });
  };
  const buffer = useRef<TextBuffer>(new TextBuffer(config.initial ?? ''));
  // The column Up and Down aim for, kept over short rows; null after any other key.
  const goal = useRef<number | null>(null);
  const top = useRef(0);
  const rl = useRef<LineState | null>(null);
  const deadline = useRef(config.seconds ? Date.now() + config.seconds * 1000 : 0);
  const prefix = usePrefix({ status, theme });
  // Pasted Windows text sends "\r\n": a return key then an enter key for one line break.
  const lastReturn = useRef(0);
  // Keys of a paste arrive within a few milliseconds of each other: a pasted blank line between
  // paragraphs must not count as the two empty lines that finish the answer. Enters alone that
  // arrive together are not a paste but keys read late (the process was busy): they still finish.
  const lastKey = useRef(0);
  const burstHasText = useRef(false);

  const settled = useRef(false);
  const finish = (expired: boolean, eof: boolean): void => {
    if (settled.current) return;
    settled.current = true;
    const b = buffer.current;
    while (b.lines.length > 1 && b.lines[b.lines.length - 1]!.join('').trim() === '') b.lines.pop();
    b.end();
    setStatus('done');
    done({ text: b.text.replace(/\s+$/, ''), expired, eof });
  };

  // Ctrl-D on an empty row makes readline close its input before any key handler can act:
  // finish with what was written so far, instead of losing it.
  useEffect((readline) => {
    rl.current = readline as unknown as LineState;
    const onClose = (): void => finish(false, true);
    readline.on('close', onClose);
    return () => {
      readline.removeListener('close', onClose);
    };
  }, []);

  useEffect(() => () => {
    if (pending.current) clearImmediate(pending.current);
  }, []);

  useEffect(() => {
    if (!config.seconds) return undefined;
    const timer = setInterval(() => {
      if (Date.now() >= deadline.current) {
        clearInterval(timer);
        finish(true, false);
      } else redraw();
    }, 250);
    return () => clearInterval(timer);
  }, []);

  useKeypress((event) => {
    if (status !== 'idle' || settled.current) return;
    const key = event as Key;
    const now = Date.now();
    const pasted = now - lastKey.current < 15;
    lastKey.current = now;
    if (!pasted) burstHasText.current = false;
    const b = buffer.current;
    const lines = b.lines;
    const laid = (): { rows: Row[]; at: { row: number; col: number } } => {
      const rows = layoutRows(lines, roomFor(screenSize().columns));
      return { rows, at: cursorRow(lines, rows, b.position) };
    };
    /** Moves the cursor `by` rows, keeping the column it aims for. */
    const vertical = (by: number): void => {
      const { rows, at } = laid();
      goal.current ??= at.col;
      const row = at.row + by;
      if (row < 0) b.start();
      else if (row >= rows.length) b.end();
      else b.moveTo(positionAt(lines, rows, row, goal.current));
    };
    const name = key.name;
    const ctrl = key.ctrl;
    const meta = key.meta === true;
    let keepGoal = false;

    if (ctrl && name === 'd') {
      finish(false, true);
      return;
    }
    if (isEnterKey(key)) {
      if (name === 'return') lastReturn.current = now;
      else if (now - lastReturn.current < 50) return; // the "\n" of a "\r\n"
      b.newline();
      if (!(pasted && burstHasText.current) && endsWithTwoEmptyLines(b)) {
        finish(false, false);
        return;
      }
    } else if (name === 'backspace') {
      if (meta) b.deleteWordBefore();
      else b.backspace();
    } else if (name === 'delete') {
      if (meta) b.deleteWordAfter();
      else b.deleteForward();
    } else if (name === 'left') {
      if (ctrl || meta) b.wordLeft();
      else b.left();
    } else if (name === 'right') {
      if (ctrl || meta) b.wordRight();
      else b.right();
    } else if (name === 'up' || name === 'down' || name === 'pageup' || name === 'pagedown') {
      const page = Math.max(1, screenSize().rows - 8);
      vertical(name === 'up' ? -1 : name === 'down' ? 1 : name === 'pageup' ? -page : page);
      keepGoal = true;
    } else if ((name === 'home' && !ctrl) || (ctrl && name === 'a')) {
      const { rows, at } = laid();
      b.moveTo(positionAt(lines, rows, at.row, 0));
    } else if ((name === 'end' && !ctrl) || (ctrl && name === 'e')) {
      const { rows, at } = laid();
      b.moveTo(positionAt(lines, rows, at.row, Infinity));
    } else if (name === 'home') b.start();
    else if (name === 'end') b.end();
    else if (meta && name === 'b') b.wordLeft();
    else if (meta && name === 'f') b.wordRight();
    else if (meta && name === 'd') b.deleteWordAfter();
    else if (ctrl && name === 'w') b.deleteWordBefore();
    else if (ctrl && name === 'k') b.deleteToLineEnd();
    else if (ctrl && name === 'u') b.deleteToLineStart();
    else if (name === 'tab') b.insert(' ');
    // eslint-disable-next-line no-control-regex
    else if (!ctrl && !meta && key.sequence && !/[\x00-\x1f\x7f]/.test(key.sequence)) {
      b.insert(key.sequence);
      burstHasText.current = true;
    } else return;
    if (!keepGoal) goal.current = null;
    redrawSoon();
  });

  const { columns, rows: screenRows } = screenSize();
  const room = roomFor(columns);
  const b = buffer.current;
  config.draft.text = b.text;
  const message = theme.style.message(config.message, status);
  const laid = layoutRows(b.lines, room);

  if (status === 'done') {
    // The answer stays on screen above the feedback, wrapped like the rest.
    const shown = b.text.trim() ? laid.map((r) => INDENT + rowText(b.lines, r)) : [];
    return [`${prefix} ${message}`, ...shown].join('\n');
  }

  const head: string[] = [`${prefix} ${message}`];
  if (config.hint) head.push(theme.style.help(wrap(config.hint, columns - 1, '')));
  if (config.seconds) {
    const left = Math.max(0, Math.ceil((deadline.current - Date.now()) / 1000));
    const mm = Math.floor(left / 60);
    const ss = String(left % 60).padStart(2, '0');
    head.push(`⏱ ${mm}:${ss} left${left <= 15 ? ' - finish your sentence' : ''}`);
  }
  head.push(theme.style.help(wrap(ANSWER_KEYS, columns - 1, '')));
  const headHeight = head.join('\n').split('\n').length;

  // The rows that fit under the head; a window of them when the text is taller, with a line
  // above and below it saying how many rows are out of sight.
  const { row } = cursorRow(b.lines, laid, b.position);
  const fit = Math.max(3, screenRows - headHeight - 1);
  const scrolling = laid.length > fit;
  const height = scrolling ? fit - 2 : laid.length;
  const first = scrolling ? (top.current = scrollTop(top.current, row, height, laid.length)) : 0;
  const shown = laid.slice(first, first + height).map((r) => INDENT + rowText(b.lines, r));
  const cursorAt = row - first;
  const content = [...head];
  const bottom: string[] = [];
  if (scrolling) content.push(theme.style.help(first > 0 ? `${INDENT}↑ ${first} more line${first === 1 ? '' : 's'}` : ''));
  content.push(...shown.slice(0, cursorAt + 1));
  bottom.push(...shown.slice(cursorAt + 1));
  if (scrolling) {
    const below = laid.length - first - height;
    bottom.push(theme.style.help(below > 0 ? `${INDENT}↓ ${below} more line${below === 1 ? '' : 's'}` : ''));
  }

  // The terminal's cursor: on the cursor's row, after `col` columns of it.
  if (rl.current) {
    const r = laid[row]!;
    const text = rowText(b.lines, r);
    rl.current.line = text;
    rl.current.cursor = Math.min(text.length, b.lines[r.line]!.slice(r.start, b.col).join('').length);
  }
  return [content.join('\n'), bottom.join('\n')];
});

/**
 * Asks for an answer (see above). On Ctrl-C the error thrown carries `draft`: the text as it
 * stood, so the caller can keep it. `context` is @inquirer/core's (another input and output
 * than the terminal's, for tests).
 */
export async function answerPrompt(config: AnswerConfig, context?: Parameters<typeof prompt>[1]): Promise<AnswerResult> {
  const draft = { text: config.initial ?? '' };
  try {
    return await prompt({ ...config, draft }, context);
  } catch (e) {
    if (e instanceof Error) (e as WithDraft).draft = draft.text;
    throw e;
  }
}
