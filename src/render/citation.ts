import type { SourceRef } from '../core/types.js';

// How every view names a source: its title and who published it, never only a file name that no
// reader can open, and a quote of whole sentences.

/** Who wrote or published the document, and when, as far as it says: "Shep Hyken, Rack Up Skills". */
export function sourceBy(s: Pick<SourceRef, 'author' | 'publication' | 'publisher' | 'year'>): string {
  return [s.author, s.publication, s.publisher, s.year].filter((x): x is string => !!x).join(', ');
}

/** "Make customers your top priority (Drake International, Hong Kong)"; the file name only when the rubric gives no title. */
export function sourceName(s: SourceRef): string {
  if (!s.title) return s.file || s.id || 'unknown source';
  const by = sourceBy(s);
  return by ? `${s.title} (${by})` : s.title;
}

/** The quote cut after the last whole sentence that fits in `max` characters (the first sentence always stays whole). */
export function shortQuote(quote: string, max = 160): string {
  const q = quote.replace(/\s+/g, ' ').trim();
  if (q.length <= max) return q;
  const sentences = q.match(/[^.!?]+[.!?]+["'”’)]?(\s+|$)/g);
  if (!sentences) return q;
  let out = '';
  for (const s of sentences) {
    if (out && out.length + s.length > max) break;
    out += s;
  }
  return out.trim();
}

/** A one-line citation: source name, the heading it sits under, and the short quote. */
export function citation(s: SourceRef, max = 160): string {
  return `${sourceName(s)}${s.label ? `, ${s.label}` : ''}: "${shortQuote(s.quote, max)}"`;
}
