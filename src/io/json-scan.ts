/**
 * JSON beside JSON.parse: where a text stops being JSON, and what was expected there (JSON.parse
 * in Node 20 often gives neither), and where each record of a valid document starts and ends.
 * Both scan iteratively, so deep nesting cannot overflow the stack.
 */

const isWs = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** What is at `i`, for a message: 'x', the word 'NaN', or the end. */
function found(text: string, i: number, end: string): string {
  if (i >= text.length) return end;
  const word = /[A-Za-z_$][\w$]*/y;
  word.lastIndex = i;
  const w = word.exec(text);
  if (w) return `'${w[0].length > 20 ? `${w[0].slice(0, 20)}...` : w[0]}'`;
  const c = text[i]!;
  if (c < ' ') return `a control character (U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`;
  return `'${c}'`;
}

export interface JsonError {
  /** UTF-16 offset into the text. */
  offset: number;
  message: string;
}

/**
 * The first place where `text` is not JSON, and what was expected there; null when it is JSON.
 * `end` names the end of the text in messages ("the end of the line" for JSONL).
 */
export function findJsonError(text: string, end = 'the end of the file'): JsonError | null {
  const n = text.length;
  const stack: Array<'{' | '['> = [];
  let mode: 'value' | 'key' | 'after' = 'value';
  let i = 0;
  let afterComma = false;
  const err = (offset: number, message: string): JsonError => ({ offset, message });
  const trailingComma = (c: string): JsonError => err(i, `expected ${mode === 'key' ? 'a property name' : 'a value'} after ',', found '${c}' (JSON allows no trailing comma)`);
  for (;;) {
    while (isWs(text[i])) i++;
    const c = text[i];
    if (mode === 'after') {
      afterComma = false;
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? err(i, `unexpected ${found(text, i, end)} after the JSON value`) : null;
      if (c === ',') {
        i++;
        afterComma = true;
        mode = top === '{' ? 'key' : 'value';
      } else if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
        i++;
        stack.pop();
      } else {
        return err(i, top === '{' ? `expected ',' or '}' after a property value, found ${found(text, i, end)}` : `expected ',' or ']' after a list item, found ${found(text, i, end)}`);
      }
      continue;
    }
    if (mode === 'key') {
      if (c !== '"') {
        if (afterComma && c === '}') return trailingComma(c);
        const hint = c === "'" ? ' (JSON uses double quotes)' : '';
        return err(i, `expected a property name in double quotes, found ${found(text, i, end)}${hint}`);
      }
      const s = scanString(text, i, end);
      if ('message' in s) return s;
      i = s.next;
      while (isWs(text[i])) i++;
      if (text[i] !== ':') return err(i, `expected ':' after the property name, found ${found(text, i, end)}`);
      i++;
      afterComma = false;
      mode = 'value';
      continue;
    }
    // A value.
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      while (isWs(text[i])) i++;
      if (text[i] === (c === '{' ? '}' : ']')) {
        i++;
        stack.pop();
        mode = 'after';
      } else mode = c === '{' ? 'key' : 'value';
      afterComma = false;
      continue;
    }
    if (c === '"') {
      const s = scanString(text, i, end);
      if ('message' in s) return s;
      i = s.next;
      mode = 'after';
      continue;
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      const num = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
      num.lastIndex = i;
      const m = num.exec(text);
      if (!m) return err(i, `expected a number, found ${found(text, i + 1, end)}`);
      const next = i + m[0].length;
      if (text[next] === '.' || text[next] === 'e' || text[next] === 'E') return err(next + 1, `expected a digit, found ${found(text, next + 1, end)}`);
      i = next;
      mode = 'after';
      continue;
    }
    const lit = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
    if (lit) {
      i += lit.length;
      mode = 'after';
      continue;
    }
    if (afterComma && c === ']') return trailingComma(c);
    const hint = c === "'" ? ' (JSON uses double quotes)' : '';
    return err(i, `expected a value, found ${found(text, i, end)}${hint}`);
  }
}

function scanString(text: string, start: number, end: string): { next: number } | JsonError {
  for (let j = start + 1; ; j++) {
    const c = text[j];
    if (c === undefined) return { offset: j, message: `unterminated string: expected '"' before ${end}` };
    if (c === '"') return { next: j + 1 };
    if (c === '\\') {
      const e = text[j + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return { offset: j, message: 'bad escape in a string: \\u needs four hex digits' };
        j += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) j++;
      else return { offset: j, message: `bad escape in a string: ${e === undefined ? '\\ at the end' : `'\\${e}'`} (write a backslash as \\\\)` };
    } else if (c < ' ') {
      const what = c === '\n' ? 'a line break' : c === '\t' ? 'a tab' : `a control character (U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`;
      const esc = c === '\n' ? ' (write it as \\n)' : c === '\t' ? ' (write it as \\t)' : '';
      return { offset: j, message: `${what} inside a string${esc}` };
    }
  }
}

/**
 * Where each item of a valid JSON document's list of records starts and ends: the top-level list
 * when `key` is null, else the list under that key of the top-level object (its last occurrence,
 * as JSON.parse keeps the last).
 */
export function listItemRanges(text: string, key: string | null): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const stack: string[] = [];
  let target = -1;
  let itemStart = -1;
  let lastEnd = 0;
  let pendingKey: string | null = null;
  const close = (): void => {
    if (itemStart !== -1) out.push({ start: itemStart, end: lastEnd });
    itemStart = -1;
  };
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    if (isWs(c)) {
      i++;
      continue;
    }
    if (stack.length === target && itemStart === -1 && c !== ']' && c !== ',') itemStart = i;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (stack.length === 1 && stack[0] === '{') {
        let k = j + 1;
        while (isWs(text[k])) k++;
        if (text[k] === ':') pendingKey = JSON.parse(text.slice(i, j + 1)) as string;
      }
      i = j + 1;
      lastEnd = i;
      continue;
    }
    if (c === '[' || c === '{') {
      stack.push(c);
      const isTarget = c === '[' && (key === null ? stack.length === 1 : stack.length === 2 && stack[0] === '{' && pendingKey === key);
      if (isTarget) {
        target = stack.length;
        out.length = 0;
        itemStart = -1;
      }
      i++;
      lastEnd = i;
      continue;
    }
    if (c === ']' || c === '}') {
      if (stack.length === target) {
        close();
        target = -1;
      }
      stack.pop();
      i++;
      lastEnd = i;
      continue;
    }
    if (c === ',' && stack.length === target) close();
    i++;
    if (c !== ',' && c !== ':') lastEnd = i;
  }
  return out;
}

/** Offsets to 1-based lines and columns. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}
