import type { Level } from '../core/types.js';

/** The few text styles renderers use; plain when colour is off, so renderers never check flags. */
export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  good(s: string): string;
  bad(s: string): string;
  warn(s: string): string;
  accent(s: string): string;
  level(level: Level, s: string): string;
  width: number;
}

type Paint = (s: string) => string;
export interface Painter {
  bold: Paint; dim: Paint; green: Paint; red: Paint; yellow: Paint; cyan: Paint;
}

export function makeStyle(p: Painter | null, width = 80): Style {
  const id: Paint = (s) => s;
  const q = p ?? { bold: id, dim: id, green: id, red: id, yellow: id, cyan: id };
  return {
    bold: q.bold, dim: q.dim, good: q.green, bad: q.red, warn: q.yellow, accent: q.cyan, width,
    level: (l, s) => (l === 'high' ? q.green(q.bold(s)) : l === 'medium' ? q.yellow(q.bold(s)) : q.red(q.bold(s))),
  };
}

const ANSI = /\x1b\[[0-9;]*m/g;
const visible = (s: string): number => s.replace(ANSI, '').length;

/**
 * Wraps text to lines of at most `width` columns, counting the `indent` that starts every line
 * after the first; the caller puts the first line at that same column. Colour codes take no width.
 */
export function wrap(text: string, width: number, indent: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  const room = Math.max(20, width - indent.length);
  let line = '';
  let len = 0;
  for (const w of words) {
    const wl = visible(w);
    if (line && len + 1 + wl > room) {
      lines.push(line);
      line = w;
      len = wl;
    } else {
      line = line ? `${line} ${w}` : w;
      len = len ? len + 1 + wl : wl;
    }
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : indent + l)).join('\n');
}
