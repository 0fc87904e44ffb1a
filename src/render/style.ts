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

/** Wraps text to `width` columns, indenting continuation lines. */
export function wrap(text: string, width: number, indent: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width - indent.length) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : indent + l)).join('\n');
}
