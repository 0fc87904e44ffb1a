import type { Command, Option } from 'commander';
import { inert } from '../../render/inert.js';

// What the shell should offer for the word under the cursor, worked out from the command line
// typed so far and the commands and options the program defines (commander's own objects, so a
// new command or option completes without a change here). Option values and arguments that
// name things (competencies, questions, sets, candidates, bank ids) come from `values`.

export interface Item {
  value: string;
  /** Shown beside the value by zsh and fish. */
  description: string;
}

/** The shell's own file-name completion, or these words. */
export type Offer = { files: true } | { files: false; items: Item[] };

/** The kinds of names an option or argument takes (see `valueKind`). */
export type ValueKind = 'competency' | 'question' | 'set' | 'candidate' | 'bank-id';

/** What the command line typed so far says, for the values that depend on it. */
export interface LineContext {
  /** --data, if given. */
  data?: string | undefined;
  /** Every --rubrics given. */
  rubrics: string[];
}

export type ValueSource = (kind: ValueKind, line: LineContext) => Promise<Item[]>;

/** A description on one line, at most `max` characters, nothing a terminal would act on. */
export function describe(text: string, max = 60): string {
  const one = inert(text.replace(/\s+/g, ' ').trim());
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

const FILES: Offer = { files: true };
const words = (items: Item[]): Offer => ({ files: false, items });

/** The names an option's value is, by the option and its placeholder: `--question <id>` (practice) is a bank id, `-q, --question <text>` (score) is free text. */
function optionValueKind(opt: Option): ValueKind | 'files' | null {
  const long = opt.long ?? '';
  if (long === '--competency') return 'competency';
  if (long === '--question' && opt.flags.includes('<id>')) return 'question';
  if (long === '--set') return 'set';
  if (long === '--candidate') return 'candidate';
  if (['--data', '--rubrics', '--output'].includes(long)) return 'files';
  return null;
}

/** The names a command's positional argument is: bank show's <id>, else files. */
function argumentKind(cmd: Command): ValueKind | 'files' {
  return commandPath(cmd) === 'bank show' ? 'bank-id' : 'files';
}

function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

const takesValue = (o: Option): boolean => o.required || o.optional;

/** The options a command accepts: its own, then its parents' but their --help and --version (commander lets `coach score --no-color` through). */
function optionsOf(cmd: Command): Option[] {
  const out = cmd.createHelp().visibleOptions(cmd);
  for (let c = cmd.parent; c; c = c.parent) out.push(...c.createHelp().visibleOptions(c).filter((o) => o.long !== '--help' && o.long !== '--version'));
  return out;
}

function findOption(cmd: Command, flag: string): Option | undefined {
  return optionsOf(cmd).find((o) => o.long === flag || o.short === flag);
}

function subcommands(cmd: Command): Command[] {
  return cmd.createHelp().visibleCommands(cmd);
}

function optionItems(cmd: Command): Item[] {
  const seen = new Set<string>();
  const items: Item[] = [];
  for (const o of optionsOf(cmd)) {
    for (const flag of [o.long, o.short]) {
      if (!flag || seen.has(flag)) continue;
      seen.add(flag);
      items.push({ value: flag, description: describe(o.description) });
    }
  }
  return items;
}

async function optionValues(opt: Option, line: LineContext, values: ValueSource): Promise<Offer> {
  if (opt.argChoices) return words(opt.argChoices.map((c) => ({ value: c, description: '' })));
  const kind = optionValueKind(opt);
  if (kind === 'files') return FILES;
  return words(kind ? await values(kind, line) : []);
}

/**
 * The offer for the last of `typed` (the words after the program's name, the last being the
 * word under the cursor, '' after a space). Values are not filtered by what is typed: the
 * caller (the shell, or serve.ts for bash) does that.
 */
export async function complete(program: Command, typed: string[], values: ValueSource): Promise<Offer> {
  const before = typed.slice(0, -1);
  const current = typed[typed.length - 1] ?? '';
  let cmd = program;
  let positionals = 0;
  let endOfOptions = false;
  let pending: Option | undefined; // an option still waiting for its value
  let helpOf: Command | undefined; // the command whose `help` subcommand this is
  const line: LineContext = { rubrics: [] };
  const remember = (opt: Option, value: string): void => {
    if (opt.long === '--data') line.data = value;
    if (opt.long === '--rubrics') line.rubrics.push(value);
  };
  for (let i = 0; i < before.length; i++) {
    const w = before[i]!;
    if (pending) {
      // bash without bash-completion splits `--format=json` into `--format`, `=`, `json`.
      if (w === '=') continue;
      remember(pending, w);
      pending = undefined;
    } else if (!endOfOptions && w === '--') {
      endOfOptions = true;
    } else if (!endOfOptions && w.startsWith('-') && w !== '-') {
      const eq = w.indexOf('=');
      const opt = findOption(cmd, eq > 0 ? w.slice(0, eq) : w);
      if (opt && takesValue(opt)) {
        if (eq > 0) remember(opt, w.slice(eq + 1));
        else pending = opt;
      }
    } else {
      const sub = positionals === 0 ? subcommands(cmd).find((c) => c.name() === w || c.aliases().includes(w)) : undefined;
      // commander's own help command (`coach bank help show`) is made on the fly, with no parent.
      if (sub?.name() === 'help' && !cmd.commands.includes(sub)) helpOf = cmd;
      if (sub) cmd = sub;
      else positionals++;
    }
  }
  if (pending) return optionValues(pending, line, values);
  if (!endOfOptions && current.startsWith('--') && current.includes('=')) {
    const opt = findOption(cmd, current.slice(0, current.indexOf('=')));
    if (!opt || !takesValue(opt)) return words([]);
    const prefix = current.slice(0, current.indexOf('=') + 1);
    const offer = await optionValues(opt, line, values);
    return offer.files ? offer : words(offer.items.map((it) => ({ ...it, value: prefix + it.value })));
  }
  if (!endOfOptions && current.startsWith('-') && current !== '-') return words(optionItems(cmd));
  const subs = positionals === 0 ? subcommands(cmd) : [];
  if (subs.length > 0) return words(subs.map((c) => ({ value: c.name(), description: describe(c.description()) })));
  const args = cmd.registeredArguments;
  const arg = args[positionals] ?? (args.length > 0 && args[args.length - 1]!.variadic ? args[args.length - 1] : undefined);
  // Where the command takes no (more) arguments, its options are what can come next.
  if (!arg) return words(optionItems(cmd));
  // `coach help <command>`: commander's own help command names the commands beside it.
  if (helpOf) return words(subcommands(helpOf).filter((c) => c !== cmd).map((c) => ({ value: c.name(), description: describe(c.description()) })));
  if (arg.argChoices) return words(arg.argChoices.map((c) => ({ value: c, description: '' })));
  const kind = argumentKind(cmd);
  return kind === 'files' ? FILES : words(await values(kind, line));
}
