import { wrap } from '../../render/style.js';

/** A menu choice, as @inquirer/select and @inquirer/search take it. */
export interface MenuChoice<T> {
  name: string;
  value: T;
  short?: string;
  description?: string;
}

// eslint-disable-next-line no-control-regex
const visibleLength = (s: string): number => Array.from(s.replace(/\x1b\[[0-9;]*m/g, '')).length;

/**
 * A choice's name wrapped at word boundaries to fit `columns`, its later lines indented under
 * the first (the menu puts "❯ " or two spaces before it). inquirer would otherwise cut it at the
 * terminal's edge, mid-word, and carry on at column 0.
 */
export function wrapName(name: string, columns: number): string {
  // The first line starts after the 2-column pointer; one column is kept free at the end.
  if (visibleLength(name) <= columns - 3) return name;
  return wrap(name, columns - 1, '    ');
}

/** The choices with their names wrapped (see wrapName); the line after the menu still shows the name on one line. */
export function wrapChoices<T, C extends MenuChoice<T>>(choices: readonly C[], columns = process.stdout.columns || 80): Array<C & { short?: string }> {
  return choices.map((c) => {
    const name = wrapName(c.name, columns);
    return name === c.name ? c : { ...c, name, short: c.short ?? c.name };
  });
}
