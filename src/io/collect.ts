import type { Readable } from 'node:stream';
import type { AnswerItem, ItemDefaults } from './answer-item.js';
import type { InputError } from './errors.js';
import type { InputFormat } from './read-answers.js';
import { streamAnswers } from './stream-answers.js';

export interface Collected {
  items: AnswerItem[];
  errors: InputError[];
  /** The files read (or "-"), in the order they were read. */
  files: string[];
}

/**
 * Every answer from the given paths, gathered in memory, for commands that need them all
 * (eval, cohort reports). Reading is the streaming reader's: files by extension, directories
 * recursively, "-" for standard input; nothing stops at the first problem.
 */
export async function collectAnswers(paths: string[], defaults: ItemDefaults, stdin: () => Readable, stdinFormat?: InputFormat): Promise<Collected> {
  const items: AnswerItem[] = [];
  const errors: InputError[] = [];
  const files: string[] = [];
  for await (const e of streamAnswers(paths, defaults, stdin, stdinFormat, files)) {
    if ('item' in e) items.push(e.item);
    else errors.push(e.error);
  }
  return { items, errors, files };
}
