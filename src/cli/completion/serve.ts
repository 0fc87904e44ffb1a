import type { Command } from 'commander';
import { complete, type Item, type Offer } from './complete.js';
import { valuesOf } from './values.js';

// `coach completion-server -- coach WORDS...`: what the scripts of `coach completion SHELL`
// (from @pnpm/tabtab) run on each Tab. They pass the words of the command line and, in the
// environment, SHELL (bash, zsh or fish) and COMP_CWORD (the index of the word under the cursor).
// The answer is one value a line, in the form each script reads; the library itself is not
// loaded here, so a Tab costs no more than coach's start.

/** The scripts' word for "complete file names" (zsh and fish; bash falls back to them by itself). */
export const FILES_MARKER = '__tabtab_complete_files__';

const SAFE = /^[\w\-.,:+/@%=~]+$/;

/** A value as bash inserts it into the command line: characters the shell would read specially are escaped. */
function bashWord(value: string): string {
  return SAFE.test(value) ? value : value.replace(/[^\w\-.,:+/@%=~]/g, (c) => `\\${c}`);
}

/** The text of a partly typed word without its shell quoting: `"Sam P` and `Sam\ P` are `Sam P`. */
function unquote(word: string): string {
  if (word.startsWith("'")) return word.slice(1);
  if (word.startsWith('"')) return word.slice(1).replace(/\\(.)/g, '$1');
  return word.replace(/\\(.)/g, '$1');
}

/** bash replaces the word itself, so it gets only the values that fit what is typed. */
function forBash(offer: Offer, current: string): string[] {
  if (offer.files) return []; // the script's `complete -o default` then completes file names
  // `--format=js`: bash replaces only the text after "=".
  const eq = current.startsWith('-') ? current.indexOf('=') : -1;
  const cut = eq >= 0 ? eq + 1 : 0;
  const typed = unquote(current.slice(cut));
  const quoted = /^["']/.test(current.slice(cut));
  return offer.items
    .map((it) => it.value.slice(cut))
    .filter((v) => v.startsWith(typed))
    .map((v) => (quoted ? v : bashWord(v)));
}

/** zsh's _describe reads "value:description", a colon in either escaped. */
function forZsh(offer: Offer): string[] {
  if (offer.files) return [FILES_MARKER];
  const esc = (s: string): string => s.replace(/:/g, '\\:');
  return offer.items.map((it) => (it.description ? `${esc(it.value)}:${esc(it.description)}` : esc(it.value)));
}

/** fish reads "value<Tab>description" and filters by the word typed itself. */
function forFish(items: Item[]): string[] {
  return items.map((it) => (it.description ? `${it.value}\t${it.description}` : it.value));
}

export async function serveCompletion(words: string[], program: Command): Promise<number> {
  const shell = (process.env['SHELL'] ?? '').split('/').pop();
  const typed = words.slice(1); // words[0] is the program's name
  let lines: string[];
  if (shell === 'fish') {
    // fish passes the words without the one being typed when it is empty, so a last word may be
    // finished (`--format `) or not (`--form`): offer both readings; fish keeps what fits.
    const last = typed[typed.length - 1];
    const asTyped = last !== undefined ? await complete(program, typed, valuesOf) : undefined;
    const asDone = await complete(program, [...typed, ''], valuesOf);
    const items = [...(asTyped && !asTyped.files ? asTyped.items.filter((it) => it.value !== last && it.value.startsWith(last!)) : []), ...(asDone.files ? [] : asDone.items)];
    const unique = [...new Map(items.map((it) => [it.value, it])).values()];
    lines = unique.length > 0 ? forFish(unique) : asDone.files || asTyped?.files ? [FILES_MARKER] : [];
  } else {
    const cword = Number.parseInt(process.env['COMP_CWORD'] ?? '', 10);
    const upTo = Number.isInteger(cword) && cword >= 1 ? typed.slice(0, cword) : typed;
    while (upTo.length < (Number.isInteger(cword) ? cword : 1)) upTo.push('');
    const offer = await complete(program, upTo, valuesOf);
    lines = shell === 'zsh' ? forZsh(offer) : forBash(offer, upTo[upTo.length - 1] ?? '');
  }
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
