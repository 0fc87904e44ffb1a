import { inert } from './inert.js';

/*
 * CSV for spreadsheets, against formula injection (OWASP, "CSV Injection"): a text cell that
 * begins with =, +, -, @, tab or carriage return (or their full-width forms) would be run as a
 * formula by Excel, LibreOffice or Google Sheets, so it is written with a single quote before it,
 * and quoted: "'=1+2". Text is made inert as in the terminal (control characters shown visibly);
 * quotes inside a cell are doubled. Numbers the tool writes itself (scores, counts, line
 * numbers) are not data and stay plain numbers.
 */

const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
const NEEDS_QUOTES = /[",\n\r]/;

/** One cell: a number as it is, text made safe for a spreadsheet. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const formula = FORMULA_START.test(value);
  const text = formula ? `'${inert(value)}` : inert(value);
  return formula || NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, ending with a newline. */
export function csvRecord(cells: ReadonlyArray<string | number>): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) out += (i ? ',' : '') + csvCell(cells[i]!);
  return `${out}\n`;
}
