import { createPrompt, isEnterKey, makeTheme, useEffect, useKeypress, usePrefix, useRef, useState } from '@inquirer/core';

export interface AnswerConfig {
  message: string;
  /** A line under the message, e.g. the STAR hint. */
  hint?: string;
  /** Countdown in seconds; when it runs out, what was typed is submitted. */
  seconds?: number;
  /** Text to start from (a retry begins with the previous answer). */
  initial?: string;
  /**
   * Called with the whole text after every key (added for Ctrl-C drafts: inquirer rejects the
   * prompt on Ctrl-C without its value, so practice keeps the last text it was told of).
   */
  onChange?: (text: string) => void;
}

export interface AnswerResult {
  text: string;
  /** The countdown ran out. */
  expired: boolean;
  /** The user pressed Ctrl-D. */
  eof: boolean;
}

/**
 * A multi-line answer: Enter starts a new line; two empty lines, or Ctrl-D, finish. Pasted
 * text (CRLF included) keeps its line breaks. With `seconds`, a countdown shows above the text
 * and the answer is submitted as it stands when it reaches zero.
 */
export const answerPrompt = createPrompt<AnswerResult, AnswerConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  // A counter, not the time: two keys in the same millisecond must still redraw (and the
  // timer's closure must not hold a stale value, hence the updater form).
  const [, setTick] = useState(0);
  const redraw = (): void => setTick((n: number) => n + 1);
  const lines = useRef<string[]>(config.initial ? config.initial.replace(/\r\n?/g, '\n').split('\n') : []);
  const current = useRef('');
  const deadline = useRef(config.seconds ? Date.now() + config.seconds * 1000 : 0);
  const prefix = usePrefix({ status, theme });
  // Pasted Windows text sends "\r\n": a return key then an enter key for one line break.
  const lastReturn = useRef(0);
  // Keys of a paste arrive within a few milliseconds of each other: a pasted blank line between
  // paragraphs must not count as the two empty lines that finish the answer.
  const lastKey = useRef(0);

  const settled = useRef(false);
  const finish = (expired: boolean, eof: boolean): void => {
    if (settled.current) return;
    settled.current = true;
    const all = [...lines.current, current.current];
    while (all.length > 0 && all[all.length - 1]!.trim() === '') all.pop();
    setStatus('done');
    done({ text: all.join('\n'), expired, eof });
  };

  // Ctrl-D on an empty line makes readline close its input before any key handler can act:
  // finish with what was written so far, instead of losing it.
  useEffect((rl) => {
    const onClose = (): void => finish(false, true);
    rl.on('close', onClose);
    return () => {
      rl.removeListener('close', onClose);
    };
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

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    const now = Date.now();
    const pasted = now - lastKey.current < 15;
    lastKey.current = now;
    if (key.ctrl && key.name === 'd') {
      finish(false, true);
      return;
    }
    if (isEnterKey(key)) {
      if (key.name === 'return') lastReturn.current = now;
      else if (now - lastReturn.current < 50) return; // the "\n" of a "\r\n"
      const line = current.current.replace(/\r$/, '');
      lines.current = [...lines.current, line];
      current.current = '';
      rl.clearLine(0);
      const n = lines.current.length;
      // Two empty lines in a row end the answer (one is a paragraph break); an answer with no
      // text at all ends too, so the caller can offer to try again, skip or stop.
      if (!pasted && n >= 2 && lines.current[n - 1]!.trim() === '' && lines.current[n - 2]!.trim() === '') {
        finish(false, false);
        return;
      }
    } else {
      current.current = rl.line;
    }
    config.onChange?.([...lines.current, current.current].join('\n'));
    redraw();
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') return `${prefix} ${message}`;
  const head: string[] = [`${prefix} ${message}`];
  if (config.hint) head.push(theme.style.help(config.hint));
  if (config.seconds) {
    const left = Math.max(0, Math.ceil((deadline.current - Date.now()) / 1000));
    const mm = Math.floor(left / 60);
    const ss = String(left % 60).padStart(2, '0');
    head.push(`⏱ ${mm}:${ss} left${left <= 15 ? ' - finish your sentence' : ''}`);
  }
  head.push(theme.style.help('Enter: new line · two empty lines or Ctrl-D: finish'));
  const body = [...lines.current, current.current].map((l) => `  ${l}`).join('\n');
  return [`${head.join('\n')}\n${body}`, ''];
});
