/*
 * Data made inert for a terminal, a Markdown file or a spreadsheet: answers, ids, questions,
 * candidate and file names and user rubrics come from other people's files, and a control
 * character in them could clear the screen, set the window title, write the clipboard (OSC 52),
 * plant a hyperlink (OSC 8), overwrite text (CR, backspace) or reverse it (U+202E).
 *
 * Every view passes its data through here; the views' own colour codes are added afterwards.
 * Each unsafe character is replaced by one visible character, so lengths and offsets (evidence
 * spans) stay as they were:
 *  - C0 controls and DEL by their Unicode control pictures: ESC ␛, BEL ␇, CR ␍, backspace ␈,
 *    NUL ␀, DEL ␡ (a CR just before a newline, a Windows line end, becomes a space);
 *  - C1 controls (U+0080-U+009F) and bidirectional controls (U+202A-U+202E, U+2066-U+2069,
 *    U+200E, U+200F, U+061C) by U+FFFD �.
 * Newline and tab are kept: they move the cursor but cannot hide or rewrite text, and views that
 * need one line fold them into spaces.
 */

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const UNSAFE_ALL = /\r(?=\n)|[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function visible(c: string, offset: number, s: string): string {
  const n = c.charCodeAt(0);
  if (n === 0x0d && s.charCodeAt(offset + 1) === 0x0a) return ' ';
  if (n < 0x20) return String.fromCharCode(0x2400 + n);
  if (n === 0x7f) return '\u2421';
  return '\ufffd';
}

/** True when the text holds a character that a terminal would act on (see above). */
export function hasUnsafe(s: string): boolean {
  return UNSAFE.test(s);
}

/** The text with every unsafe character shown visibly; the same string when there is none. */
export function inert(s: string): string {
  return UNSAFE.test(s) ? s.replace(UNSAFE_ALL, visible) : s;
}

/**
 * A view's data with every string in it (keys too) made inert: plain objects and arrays are
 * copied only where something changed, anything else is kept as it is.
 */
export function inertData<T>(value: T): T {
  if (typeof value === 'string') return inert(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v = inertData(value[i] as unknown);
      if (v !== value[i]) (copy ??= value.slice())[i] = v;
    }
    return (copy ?? value) as T;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  let copy: Record<string, unknown> | null = null;
  const keys = Object.keys(value);
  for (const k of keys) {
    const old = (value as Record<string, unknown>)[k];
    const v = inertData(old);
    const key = inert(k);
    if (v === old && key === k) continue;
    if (!copy) {
      copy = Object.create(proto) as Record<string, unknown>;
      // Defined, not assigned: a key such as "__proto__" stays an ordinary key.
      for (const j of keys) Object.defineProperty(copy, j, { value: (value as Record<string, unknown>)[j], enumerable: true, writable: true, configurable: true });
    }
    if (key !== k) delete copy[k];
    Object.defineProperty(copy, key, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return (copy ?? value) as T;
}

// JSON may hold these characters raw; as \u escapes they read back the same.
// eslint-disable-next-line no-control-regex
const JSON_UNSAFE = /[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text with C1 and bidirectional controls written as \u escapes (JSON.stringify already
 * escapes C0 ones): the same value when parsed, nothing raw for a terminal that shows it. The
 * escapes are YAML's too, for text where every such character is in a double-quoted scalar.
 */
export function inertJson(json: string): string {
  JSON_UNSAFE.lastIndex = 0;
  return JSON_UNSAFE.test(json) ? json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

/** JSON as every command prints it: JSON.stringify, then inertJson. */
export function toJson(value: unknown, indent?: number): string {
  return inertJson(JSON.stringify(value, null, indent));
}
