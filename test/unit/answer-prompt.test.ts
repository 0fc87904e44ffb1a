import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { answerPrompt, type WithDraft } from '../../src/cli/prompts/answer-prompt.js';

/**
 * The answer prompt's keys, through @inquirer/core with a stream standing in for the terminal
 * (the pseudo-terminal tests in test/e2e/practice-editing.test.ts drive the real one). Each
 * case sends its keys as a terminal encodes them, one write at a time, then Ctrl-D.
 */

const KEY = {
  up: '\x1b[A', down: '\x1b[B', right: '\x1b[C', left: '\x1b[D', home: '\x1b[H', end: '\x1b[F',
  ctrlLeft: '\x1b[1;5D', ctrlRight: '\x1b[1;5C', ctrlHome: '\x1b[1;5H', ctrlEnd: '\x1b[1;5F',
  del: '\x1b[3~', backspace: '\x7f', altBackspace: '\x1b\x7f', enter: '\r',
  ctrlA: '\x01', ctrlE: '\x05', ctrlK: '\x0b', ctrlU: '\x15', ctrlW: '\x17', altD: '\x1bd', ctrlD: '\x04', ctrlC: '\x03',
};

function terminal(): { input: PassThrough; output: PassThrough } {
  const output = new PassThrough();
  output.resume(); // what the prompt draws is not read here
  return { input: new PassThrough(), output };
}

/** Sends each key in its own write, a few milliseconds apart (typed, not pasted). */
async function send(input: PassThrough, keys: string[]): Promise<void> {
  for (const k of keys) {
    input.write(k);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function answer(initial: string | undefined, keys: string[]): Promise<string> {
  const { input, output } = terminal();
  const result = answerPrompt({ message: 'Your answer', ...(initial !== undefined ? { initial } : {}) }, { input, output });
  await new Promise((r) => setTimeout(r, 20));
  await send(input, [...keys, KEY.ctrlD]);
  return (await result).text;
}

describe('answer prompt keys', () => {
  const cases: Array<[string, string | undefined, string[], string]> = [
    ['typed text, Enter for a new line', undefined, ['I helped', KEY.enter, 'her.'], 'I helped\nher.'],
    ['Up moves into the line above, keeping the column', 'abcdef\nxyz', [KEY.up, 'Q'], 'abcQdef\nxyz'],
    ['Down moves into the line below', 'abc\nxyz', [KEY.up, KEY.home, KEY.down, 'Q'], 'abc\nQxyz'],
    ['Home and End of the line', 'middle line', [KEY.home, '[', KEY.end, ']'], '[middle line]'],
    ['Ctrl-A and Ctrl-E too', 'middle line', [KEY.ctrlA, '[', KEY.ctrlE, ']'], '[middle line]'],
    ['Ctrl-Home and Ctrl-End: start and end of the text', 'one\ntwo', [KEY.ctrlHome, '<', KEY.ctrlEnd, '>'], '<one\ntwo>'],
    ['Left and Right', 'ac', [KEY.left, 'b', KEY.right, 'd'], 'abcd'],
    ['Ctrl-Left and Ctrl-Right by words', 'I was rude today', [KEY.ctrlLeft, KEY.ctrlLeft, KEY.ctrlRight, '!'], 'I was rude! today'],
    ['Backspace at a line start joins the lines', 'one\ntwo', [KEY.up, KEY.down, KEY.home, KEY.backspace], 'onetwo'],
    ['Delete at a line end joins the next line', 'one\ntwo', [KEY.up, KEY.end, KEY.del], 'onetwo'],
    ['Ctrl-W and Alt-Backspace delete the word before', 'I was very rude', [KEY.ctrlW, KEY.altBackspace, 'kind'], 'I was kind'],
    ['Alt-D deletes the word after', 'I was rude today', [KEY.home, KEY.ctrlRight, KEY.ctrlRight, KEY.altD], 'I was today'],
    ['Ctrl-K and Ctrl-U', 'keep cut\nx', [KEY.up, KEY.home, KEY.ctrlRight, KEY.ctrlK, KEY.down, KEY.ctrlU, 'y'], 'keep\ny'],
    ['a paste keeps its line breaks (one write, CRLF)', 'A', [' one\r\ntwo\r\n\r\nthree'], 'A one\ntwo\n\nthree'],
    ['trailing empty lines are dropped', undefined, ['text', KEY.enter, KEY.enter], 'text'],
  ];
  it.each(cases)('%s', async (_name, initial, keys, expected) => {
    expect(await answer(initial, keys)).toBe(expected);
  });

  it('two empty lines at the end finish the answer without Ctrl-D', async () => {
    const { input, output } = terminal();
    const result = answerPrompt({ message: 'Your answer' }, { input, output });
    await new Promise((r) => setTimeout(r, 20));
    await send(input, ['done', KEY.enter, KEY.enter, KEY.enter]);
    expect(await result).toEqual({ text: 'done', expired: false, eof: false });
  });

  it('a paste with blank lines between paragraphs does not finish the answer; Enters alone read together do', async () => {
    expect(await answer(undefined, ['para one\r\r\rpara two'])).toBe('para one\n\n\npara two');
    const { input, output } = terminal();
    const result = answerPrompt({ message: 'Your answer' }, { input, output });
    await new Promise((r) => setTimeout(r, 20));
    // two Enters pressed apart but read in one go (the process was busy): still the end
    input.write('\r\r');
    expect(await result).toEqual({ text: '', expired: false, eof: false });
  });

  it('Ctrl-C ends with an error that carries the text typed so far', async () => {
    const { input, output } = terminal();
    const result = answerPrompt({ message: 'Your answer', initial: 'First line.' }, { input, output });
    const caught = result.then(() => null, (e: WithDraft) => e);
    await new Promise((r) => setTimeout(r, 20));
    await send(input, [KEY.enter, 'Half a sent', KEY.ctrlC]);
    const e = await caught;
    expect(e?.name).toBe('ExitPromptError');
    expect(e?.draft).toBe('First line.\nHalf a sent');
  });
});
