/** Help is wrapped at the terminal's width, or 80 columns when standard output is not a terminal. */
export function helpWidth(): number {
  const cols = process.stdout.isTTY ? process.stdout.columns : 0;
  return cols && cols >= 40 ? Math.min(cols, 120) : 80;
}

function wrapWords(words: string[], width: number, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const w of words) {
    if (!empty && line.length + 1 + w.length > width) {
      lines.push(line);
      line = rest + w;
    } else line = empty ? line + w : `${line} ${w}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/**
 * Re-wraps help text to `width` columns, breaking only between words: a paragraph of prose is
 * refilled; an indented line (an example, an exit code) that is too long is wrapped with its
 * continuation under its description column.
 */
export function wrapHelp(text: string, width = helpWidth()): string {
  const out: string[] = [];
  let para: string[] = [];
  const flush = (): void => {
    if (para.length) out.push(...wrapWords(para.join(' ').split(/\s+/).filter(Boolean), width, '', ''));
    para = [];
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      flush();
      out.push('');
    } else if (/^\s/.test(line) || /:$/.test(line)) {
      flush();
      if (line.length <= width) out.push(line);
      else {
        // Continue under the description: the text after the first gap of two spaces or more.
        const m = /^(\s*\S+(?: \S+)*?\s{2,})/.exec(line);
        const lead = m && m[1]!.length < width / 2 ? m[1]! : line.match(/^\s*/)![0] + '  ';
        const body = line.slice(m && lead === m[1] ? lead.length : 0).trim();
        const first = m && lead === m[1] ? lead : line.match(/^\s*/)![0];
        out.push(...wrapWords(body.split(/\s+/), width, first, ' '.repeat(lead.length)));
      }
    } else para.push(line.trim());
  }
  flush();
  return out.join('\n');
}
