/** One answer to score, with where it came from. */
export interface AnswerItem {
  id: string;
  question: string;
  competency?: string | undefined;
  /** Whose answer it is, when the record says (cohort reports group by it). */
  candidate?: string | undefined;
  answer: string;
  file: string;
  line: number;
  column: number;
  /** Present only in labelled files; never passed to the scorer. */
  expected?: unknown;
}

/** Defaults from command-line flags for inputs that do not carry them (plain text files). */
export interface ItemDefaults {
  question?: string | undefined;
  competency?: string | undefined;
}

export interface AnswerRecord {
  id?: string;
  question?: string;
  competency?: string;
  candidate?: string;
  answer: string;
  expected?: unknown;
}

// A record has four fields; checking them by hand keeps a schema library (~75 ms to load) off
// the start-up path of every `coach score`. Rubrics, with their deep schema, use zod.
export function checkRecord(raw: unknown): { record: AnswerRecord } | { error: string } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { error: 'expected an object with question and answer' };
  const r = raw as Record<string, unknown>;
  if (typeof r['answer'] !== 'string') return { error: r['answer'] === undefined ? 'answer: is required' : 'answer: must be text' };
  const out: AnswerRecord = { answer: r['answer'] };
  const id = r['id'];
  if (typeof id === 'string' || typeof id === 'number') out.id = String(id);
  else if (id !== undefined && id !== null) return { error: 'id: must be text or a number' };
  const q = r['question'];
  if (typeof q === 'string') {
    if (q.trim() === '') return { error: 'question: must not be empty' };
    out.question = q;
  } else if (q !== undefined && q !== null) return { error: 'question: must be text' };
  const c = r['competency'];
  if (typeof c === 'string' && c !== '') out.competency = c;
  else if (c !== undefined && c !== null && c !== '') return { error: 'competency: must be text' };
  const who = r['candidate'];
  if (typeof who === 'string' && who.trim() !== '') out.candidate = who.trim();
  else if (who !== undefined && who !== null && who !== '') return { error: 'candidate: must be text' };
  if (r['expected'] !== undefined) out.expected = r['expected'];
  return { record: out };
}
