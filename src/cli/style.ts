import { makeStyle, type Style } from '../render/style.js';

/**
 * Colour only for a terminal that can show it: never when NO_COLOR is set (chalk 5 does not read
 * it), with --no-color, or when TERM=dumb; FORCE_COLOR forces it (but not over NO_COLOR or
 * --no-color). chalk is loaded only when colour is used.
 */
export async function styleFor(stream: NodeJS.WriteStream, colorFlag: boolean | undefined): Promise<Style> {
  const width = Math.max(60, Math.min(stream.columns || 80, 100));
  const noColor = process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '';
  const force = process.env['FORCE_COLOR'] !== undefined && process.env['FORCE_COLOR'] !== '0';
  const dumb = process.env['TERM'] === 'dumb';
  const on = colorFlag !== false && !noColor && (force || (stream.isTTY === true && !dumb));
  if (!on) return makeStyle(null, width);
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return makeStyle(chalk, width);
}
