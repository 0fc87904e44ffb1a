import type { SourceData, SourceRef } from '../core/types.js';

/** Source documents by id and by file name: a citation may name either. */
export function sourceIndex(sources: readonly SourceData[]): Map<string, SourceData> {
  const by = new Map<string, SourceData>();
  for (const s of sources) {
    by.set(s.id, s);
    by.set(s.file, s);
  }
  return by;
}

/** A quote of whole sentences: it starts with a capital, digit or quote mark, and ends a sentence. */
export function quoteProblem(quote: string): string | null {
  const q = quote.trim();
  if (!/^["'“‘(]?[A-Z0-9]/.test(q)) return `quote "${q.slice(0, 30)}..." does not start a sentence: quote whole sentences`;
  if (!/[.!?]["'”’)]?$/.test(q)) return `quote "...${q.slice(-30)}" does not end a sentence: quote whole sentences`;
  return null;
}

/**
 * The citation with its document's id, title, author, publication, publisher and year filled in,
 * so that every output can name the document, not only its file. Unknown sources are left as
 * they are (the validator reports them).
 */
export function resolveSourceRef(ref: { id?: string | undefined; file?: string | undefined; label?: string | undefined; quote: string }, index: ReadonlyMap<string, SourceData>): SourceRef {
  const doc = index.get(ref.id ?? ref.file ?? '');
  // Key order is the JSON contract's: id, title, who and when, label, quote, file.
  const out: Partial<SourceRef> = {};
  const id = doc?.id ?? ref.id;
  if (id !== undefined) out.id = id;
  if (doc?.title) out.title = doc.title;
  if (doc?.author) out.author = doc.author;
  if (doc?.publication) out.publication = doc.publication;
  if (doc?.publisher) out.publisher = doc.publisher;
  if (doc?.year) out.year = doc.year;
  if (ref.label) out.label = ref.label;
  out.quote = ref.quote;
  out.file = doc?.file ?? ref.file ?? '';
  return out as SourceRef;
}
