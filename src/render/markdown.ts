import { inert } from './inert.js';

/**
 * Data as inert Markdown text on one line: control characters shown visibly (inert), and the
 * characters Markdown acts on escaped, so an id, question or answer cannot become a heading, a
 * table cell break, a link, a remote image or raw HTML. Used by every Markdown view.
 */
export function md(s: string): string {
  return inert(s).replace(/\\/g, '\\\\').replace(/([|*_`[\]<>#!~&])/g, '\\$1').replace(/\s+/g, ' ').trim();
}
