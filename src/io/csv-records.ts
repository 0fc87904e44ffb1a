/**
 * CSV records from a stream of text, read with bounded memory: a record is held only up to
 * `maxBytes` (UTF-8); past that its text is dropped as it streams by and the record comes back as
 * too long, with the reading going on at the next record. Fields follow RFC 4180: a field that
 * starts with a double quote runs to the closing quote ("" is a quote inside it, line breaks are
 * kept); elsewhere a quote is an ordinary character. A quote that is never closed is reported
 * where it opens. CRLF and LF line endings read alike; empty lines are skipped.
 */

export interface CsvRecord {
  /** The record's fields; empty when it is refused (tooLong, unclosed). */
  fields: string[];
  /** Lines (1-based) where the record starts and ends. */
  line: number;
  lastLine: number;
  /** The record's size in bytes (UTF-8), when it was over the limit. */
  tooLong?: number;
  /** The 0-based field after whose closing quote more text followed ("a" b). */
  badQuote?: number;
  /** Where a quote that is never closed opens. */
  unclosed?: { line: number; column: number };
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** UTF-8 bytes of one UTF-16 unit (a surrogate counts 2, so a pair counts 4). */
const utf8Bytes = (c: number): number => (c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3);

export async function* csvRecords(chunks: AsyncIterable<string>, maxBytes: number): AsyncGenerator<CsvRecord> {
  let line = 1;
  let column = 1;
  // The record being read.
  let recLine = 1;
  let fields: string[] = [];
  let field: string[] = [];
  let bytes = 0;
  let over = false;
  let started = false;
  let badQuote: number | undefined;
  // Field state: at its start, in an unquoted field, in a quoted one, just after a quote inside a
  // quoted one (the closing quote, or the first of ""), or after the closing quote.
  let state: 'start' | 'plain' | 'quoted' | 'quote' | 'closed' = 'start';
  let quoteAt = { line: 1, column: 1 };

  const endField = (): void => {
    if (!over) fields.push(field.length === 1 ? field[0]! : field.join(''));
    field = [];
    state = 'start';
  };
  const take = (): CsvRecord | null => {
    const empty = !over && fields.length === 1 && fields[0] === '' && badQuote === undefined;
    const rec: CsvRecord = over ? { fields: [], line: recLine, lastLine: line, tooLong: bytes } : { fields, line: recLine, lastLine: line };
    if (badQuote !== undefined && !over) rec.badQuote = badQuote;
    fields = [];
    field = [];
    bytes = 0;
    over = false;
    started = false;
    badQuote = undefined;
    state = 'start';
    return empty ? null : rec;
  };

  for await (const c of chunks) {
    let seg = 0; // start of the current field's text in this chunk
    const keep = (end: number): void => {
      if (!over && end > seg) field.push(c.slice(seg, end));
    };
    for (let i = 0; i < c.length; i++) {
      const ch = c.charCodeAt(i);
      if (!started) {
        started = true;
        recLine = line;
      }
      if (!over) {
        bytes += utf8Bytes(ch);
        if (bytes > maxBytes) {
          over = true;
          fields = [];
          field = [];
        }
      } else bytes += utf8Bytes(ch);
      switch (state) {
        case 'start':
          if (ch === QUOTE) {
            state = 'quoted';
            quoteAt = { line, column };
            seg = i + 1;
          } else if (ch === COMMA) {
            field = [];
            endField();
          } else if (ch === LF) {
            endField();
            const rec = take();
            if (rec) yield rec;
          } else {
            state = 'plain';
            seg = i;
          }
          break;
        case 'plain':
          if (ch === COMMA) {
            keep(i);
            endField();
          } else if (ch === LF) {
            keep(i > 0 && c.charCodeAt(i - 1) === CR ? i - 1 : i);
            // A CR that ended the previous chunk.
            if (i === 0 && !over && field.length > 0) {
              const last = field[field.length - 1]!;
              if (last.endsWith('\r')) field[field.length - 1] = last.slice(0, -1);
            }
            endField();
            const rec = take();
            if (rec) yield rec;
          }
          break;
        case 'quoted':
          if (ch === QUOTE) {
            keep(i);
            state = 'quote';
          }
          break;
        case 'quote':
          if (ch === QUOTE) {
            // "" inside a quoted field: one quote.
            if (!over) field.push('"');
            state = 'quoted';
            seg = i + 1;
          } else {
            state = 'closed';
            i--; // read this character as the one after the closing quote
            bytes -= utf8Bytes(ch);
            continue;
          }
          break;
        case 'closed':
          if (ch === COMMA) endField();
          else if (ch === LF) {
            endField();
            const rec = take();
            if (rec) yield rec;
          } else if (ch !== CR) {
            // Text after the closing quote: the row is refused; its fields still end at the next comma.
            if (badQuote === undefined) badQuote = fields.length;
          }
          break;
      }
      if (ch === LF) {
        line++;
        column = 1;
      } else column++;
    }
    if (state === 'plain' || state === 'quoted') keep(c.length);
  }
  if (!started) return;
  // (The loop's assignments through closures hide from TypeScript what state can be here.)
  const last = state as typeof state | 'quoted' | 'quote' | 'closed';
  if (last === 'quoted') {
    yield { fields: [], line: recLine, lastLine: line, unclosed: quoteAt };
    return;
  }
  if (last === 'plain') {
    const tail = field[field.length - 1];
    if (tail?.endsWith('\r')) field[field.length - 1] = tail.slice(0, -1);
  }
  endField();
  const rec = take();
  if (rec) yield rec;
}
