import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AnswerItem, ItemDefaults } from './answer-item.js';
import type { InputError } from './errors.js';
import { formatFromName, readAnswers, sniffFormat, type InputFormat } from './read-answers.js';

export interface Collected {
  items: AnswerItem[];
  errors: InputError[];
  /** The files read (or "-"), in the order they were read. */
  files: string[];
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (formatFromName(name)) out.push(p);
  }
}

/**
 * Reads every answer from the given paths: files by extension, directories recursively (files
 * with a known extension only), and "-" for standard input. Nothing stops at the first problem.
 */
export async function collectAnswers(paths: string[], defaults: ItemDefaults, readStdin: () => string, stdinFormat?: InputFormat): Promise<Collected> {
  const items: AnswerItem[] = [];
  const errors: InputError[] = [];
  const files: string[] = [];
  const readOne = async (file: string, text: string, format: InputFormat): Promise<void> => {
    files.push(file);
    const res = await readAnswers(file, text, format, defaults);
    items.push(...res.items);
    errors.push(...res.errors);
  };
  for (const p of paths) {
    if (p === '-') {
      const text = readStdin();
      await readOne('-', text, stdinFormat ?? sniffFormat(text));
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      errors.push({ file: p, line: 1, column: 1, message: `cannot read: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : String((e as Error).message)}` });
      continue;
    }
    const list: string[] = [];
    if (st.isDirectory()) walk(p, list);
    else list.push(p);
    for (const f of list) {
      const format = formatFromName(f) ?? 'text';
      let text: string;
      try {
        text = readFileSync(f, 'utf8');
      } catch (e) {
        errors.push({ file: f, line: 1, column: 1, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
        continue;
      }
      await readOne(f, text, format);
    }
  }
  return { items, errors, files };
}
