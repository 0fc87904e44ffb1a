import { makeStyle, type Style } from '../render/style.js';

/** Whether to colour and how wide to wrap: plain data, so a worker thread can build the same Style. */
export interface StyleSpec {
  color: boolean;
  width: number;
}

/**
 * Colour only for a terminal that can show it: never when NO_COLOR is set (chalk 5 does not read
 * it), with --no-color, or when TERM=dumb; FORCE_COLOR forces it (but not over NO_COLOR or
 * --no-color).
 */
export function styleSpec(stream: NodeJS.WriteStream, colorFlag: boolean | undefined): StyleSpec {
  const width = Math.max(60, Math.min(stream.columns || 80, 100));
  const noColor = process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '';
  const force = process.env['FORCE_COLOR'] !== undefined && process.env['FORCE_COLOR'] !== '0';
  const dumb = process.env['TERM'] === 'dumb';
  return { color: colorFlag !== false && !noColor && (force || (stream.isTTY === true && !dumb)), width };
}

/** The Style a spec describes; chalk is loaded only when colour is used. */
export async function styleOf(spec: StyleSpec): Promise<Style> {
  if (!spec.color) return makeStyle(null, spec.width);
  const { Chalk } = await import('chalk');
  return makeStyle(new Chalk({ level: 1 }), spec.width);
}

export async function styleFor(stream: NodeJS.WriteStream, colorFlag: boolean | undefined): Promise<Style> {
  return styleOf(styleSpec(stream, colorFlag));
}
