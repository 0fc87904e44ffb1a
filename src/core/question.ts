import type { CompiledRubric } from './compile.js';
import { questionKey } from './compile.js';
import { tokenize } from './text/tokenize.js';
import type { QuestionData, QuestionKind } from './types.js';

export interface QuestionInfo {
  bank: QuestionData | null;
  kind: QuestionKind;
  kindSource: 'bank' | 'wording';
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
export function readQuestion(rubric: CompiledRubric, question: string, competency: string | undefined): QuestionInfo {
  let cache = memo.get(rubric);
  if (!cache) memo.set(rubric, (cache = new Map()));
  const key = `${competency ?? ''}\u0000${question}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const info = readQuestionUncached(rubric, question, competency);
  if (cache.size < MEMO_LIMIT) cache.set(key, info);
  return info;
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
