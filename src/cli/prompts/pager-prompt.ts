import { createPrompt, isEnterKey, makeTheme, useKeypress, useState } from '@inquirer/core';

// The terminal's cursor is hidden while paging; @inquirer/core shows it again when the prompt ends.
const cursorHide = '\x1b[?25l';

export interface PagerConfig {
  /** The text, already wrapped to the terminal's width. */
  text: string;
}

/** The keys, as the pager's last line shows them. */
export const PAGER_KEYS = 'Space: next page · b: back · ↑↓: scroll · q: close';

/**
 * Text taller than the terminal, one screen at a time (like `less`): Space, Page Down or Enter
 * for the next page, b or Page Up back, the arrows a line at a time, q or Escape to close (Enter
 * or Space on the last page close too). When closed, the whole text is printed, so it stays in
 * the terminal's scrollback above what comes next.
 */
export const pagerPrompt = createPrompt<void, PagerConfig>((config, done) => {
  const theme = makeTheme({});
  const lines = config.text.replace(/\n$/, '').split('\n');
  const page = Math.max(3, (process.stdout.rows || 24) - 2);
  const last = Math.max(0, lines.length - page);
  const [top, setTop] = useState(0);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');

  useKeypress((key) => {
    if (status !== 'idle') return;
    const close = (): void => {
      setStatus('done');
      done();
    };
    const name = key.name;
    if (name === 'q' || name === 'escape') close();
    else if (name === 'space' || name === 'pagedown' || name === 'f' || isEnterKey(key)) {
      if (top >= last) close();
      else setTop(Math.min(last, top + page));
    } else if (name === 'b' || name === 'pageup') setTop(Math.max(0, top - page));
    else if (name === 'down' || name === 'j') setTop(Math.min(last, top + 1));
    else if (name === 'up' || name === 'k') setTop(Math.max(0, top - 1));
    else if (name === 'home' || name === 'g') setTop(0);
    else if (name === 'end') setTop(last);
  });

  if (status === 'done') return lines.join('\n');
  const shown = lines.slice(top, top + page);
  const where = `lines ${top + 1}-${top + shown.length} of ${lines.length}`;
  return `${shown.join('\n')}\n${theme.style.help(`── ${where} · ${top >= last ? 'Space or q: close' : PAGER_KEYS}`)}${cursorHide}`;
});
