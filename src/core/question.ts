import type { CompiledRubric } from './compile.js';
import { questionKey } from './compile.js';
import { tokenize } from './text/tokenize.js';
import type { QuestionData, QuestionKind } from './types.js';

export interface QuestionInfo {
  bank: QuestionData | null;
  kind: QuestionKind;
  kindSource: 'bank' | 'wording' | 'given';
  competency: string;
  competencyInferred: boolean;
  /** Stems of the question's content words. */
  stems: ReadonlySet<string>;
}

const KIND_PRIORITY: QuestionKind[] = ['behavioural', 'situational', 'opinion'];

/**
 * What the question asks for: its kind (from the bank, else from its wording) and its competency
 * (as given, else the bank's, else the competency whose question cues it matches most).
 */
const memo = new WeakMap<CompiledRubric, Map<string, QuestionInfo>>();
const MEMO_LIMIT = 5_000;

/** Batches ask the same few questions many times: each is read once per rubric. */
export function readQuestion(rubric: CompiledRubric, question: string, competency: string | undefined, kind?: QuestionKind): QuestionInfo {
  let cache = memo.get(rubric);
  if (!cache) memo.set(rubric, (cache = new Map()));
  const key = `${competency ?? ''}\u0000${kind ?? ''}\u0000${question}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let info = readQuestionUncached(rubric, question, competency);
  // A kind the caller gives stands, except for a bank question, which has its own.
  if (kind && !info.bank) info = { ...info, kind, kindSource: 'given' };
  if (cache.size < MEMO_LIMIT) cache.set(key, info);
  return info;
}

export interface QuestionReading {
  competency: string;
  kind: QuestionKind;
  /** The words of the question that pointed to its competency, and to its kind (none when nothing matched). */
  competencyCues: string[];
  kindCue: string | null;
}

/**
 * How coach reads a question of the candidate's own: its competency (the one whose question cues
 * it matches most) and its kind (from the wording that opens it), with the words that decided each.
 */
export function inferQuestion(rubric: CompiledRubric, question: string): QuestionReading {
  const info = readQuestionUncached(rubric, question, undefined);
  const tokens = tokenize(question);
  const said = (first: number, last: number): string => question.slice(tokens[first]!.start, tokens[last - 1]!.end);
  const competencyCues = [...new Set(rubric.competencyCues.matchRange(tokens, 0, tokens.length).filter((m) => m.cue.payload === info.competency).map((m) => said(m.first, m.last)))];
  const kinds = rubric.kinds.matchRange(tokens, 0, tokens.length).filter((m) => m.cue.payload === info.kind).sort((a, b) => a.first - b.first);
  return { competency: info.competency, kind: info.kind, competencyCues, kindCue: kinds[0] ? said(kinds[0].first, kinds[0].last) : null };
}

function readQuestionUncached(rubric: CompiledRubric, question: string, competency: string | undefined): QuestionInfo {
  const bank = rubric.questionsByText.get(questionKey(question)) ?? null;
  let kind: QuestionKind;
  let kindSource: 'bank' | 'wording';
  const tokens = tokenize(question);
  const stems = new Set(tokens.filter((t) => t.kind === 'word' && t.norm.length > 3).map((t) => t.stem));
  if (bank) {
    kind = bank.kind;
    kindSource = 'bank';
  } else {
    // The wording that opens the question decides: the earliest match, then the longest ("how
    // would you define" is an opinion, "how would you" alone a situation), then the kind order.
    const matches = rubric.kinds.matchRange(tokens, 0, tokens.length);
    matches.sort((a, b) => a.first - b.first || (b.last - b.first) - (a.last - a.first) || KIND_PRIORITY.indexOf(a.cue.payload) - KIND_PRIORITY.indexOf(b.cue.payload));
    kind = matches[0]?.cue.payload ?? 'opinion';
    kindSource = 'wording';
  }
  if (competency !== undefined && competency !== '') return { bank, kind, kindSource, competency, competencyInferred: false, stems };
  if (bank) return { bank, kind, kindSource, competency: bank.competency, competencyInferred: true, stems };
  const votes = new Map<string, number>();
  for (const m of rubric.competencyCues.matchRange(tokens, 0, tokens.length)) {
    votes.set(m.cue.payload, (votes.get(m.cue.payload) ?? 0) + (m.last - m.first));
  }
  let best = rubric.competencies[0]?.id ?? 'customer-focus';
  let bestVotes = 0;
  for (const c of rubric.competencies) {
    const v = votes.get(c.id) ?? 0;
    if (v > bestVotes) {
      best = c.id;
      bestVotes = v;
    }
  }
  return { bank, kind, kindSource, competency: best, competencyInferred: true, stems };
}
