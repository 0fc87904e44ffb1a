import { createRequire } from 'node:module';
import type { z as Z } from 'zod';
import { kindOf } from './answer-item.js';

/**
 * The shape of every history record, checked as each line is read: a line that parses but does not
 * fit (a null next step, a next step without its source, an answer that is not text) is skipped
 * and reported, never handed to a report that would trip over it. zod is loaded on the first read
 * only (synchronously, from its CommonJS build), so `coach practice` does not pay for it at start.
 */

type Zod = typeof Z;
let schema: Z.ZodType | null = null;

function build(z: Zod): Z.ZodType {
  const level = z.enum(['low', 'medium', 'high']);
  const text = z.string();
  const source = z.object({ file: text, quote: text });
  // What no reader of the history uses (the spans of the answer, each indicator's evidence, the
  // reasons) is checked for its shape only, and kept as it is: checking every span of every
  // answer would double the time a report takes to read the history.
  const list = z.array(z.unknown());
  const starPart = z.object({ present: z.boolean(), spans: list });
  const assessment = z.object({
    question: text,
    questionId: text.nullable(),
    competency: text,
    competencyInferred: z.boolean(),
    kind: z.enum(['behavioural', 'situational', 'opinion']),
    kindSource: z.enum(['bank', 'wording', 'given']),
    level,
    score: z.number().min(0).max(100),
    star: z.object({ situation: starPart, task: starPart, action: starPart, result: starPart }),
    indicators: list,
    feedback: z.array(z.object({ indicator: text, name: text, target: level, message: text, source })),
    reasons: list,
  });
  // A spoken answer's delivery: the figures progress and reports read are checked; the lists
  // (fillers and pauses, where they were) for their shape only.
  const num = z.number();
  // Loose objects: every field is kept as written (z.object would drop the ones not listed).
  const range = z.looseObject({ min: num, max: num });
  const compared = z.enum(['below', 'within', 'above']);
  const delivery = z.looseObject({
    estimated: z.boolean(),
    words: num,
    speakingMs: num,
    pace: z.looseObject({ wordsPerMinute: num, compared: compared.nullable(), usual: range }),
    pauses: z.looseObject({ count: num, longestMs: num, at: list }).nullable(),
    fillers: z.looseObject({ count: num, perMinute: num, compared, usual: range, at: list }),
  });
  const common = { v: z.literal(1), session: text, at: text, candidate: text.optional() };
  return z.discriminatedUnion('type', [
    z.object({ ...common, type: z.literal('session'), plan: z.object({ how: text, count: z.number(), seconds: z.number().optional() }) }),
    z.object({
      ...common,
      type: z.literal('answer'),
      attempt: z.number().int().min(1),
      questionId: text.nullable(),
      mode: z.enum(['free', 'guided', 'editor', 'transcript', 'batch']),
      timed: z.object({ seconds: z.number(), expired: z.boolean() }).optional(),
      answer: text,
      assessment,
      delivery: delivery.optional(),
      followUps: z.array(z.object({ gap: text, question: text, reply: text, start: z.number().int() })).optional(),
      first: z.object({ level, score: z.number().min(0).max(100) }).optional(),
      took: z.number().min(0).optional(),
    }),
    z.object({ ...common, type: z.literal('adviser'), questionId: text.nullable(), attempt: z.number(), level, comment: text, draft: z.boolean().optional() }),
    z.object({
      ...common,
      type: z.literal('draft'),
      questionId: text.nullable(),
      question: text,
      attempt: z.number().int().min(1),
      mode: z.enum(['free', 'guided', 'editor', 'transcript']),
      followUp: text.optional(),
      text,
    }),
  ]);
}

/** The value at a path of a parsed record, for "found ..." in a message. */
function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const p of path) v = v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, p) ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

/** The record checked: its data, or why it does not fit ("assessment.feedback.0: expected an object, found nothing"). */
export function checkHistoryRecord(value: unknown): { record: unknown } | { why: string } {
  if (!schema) {
    const z = (createRequire(import.meta.url)('zod') as { z: Zod }).z;
    // zod compiles each object's check with new Function on first use; for one run over a few
    // thousand records its plain checks are faster than compiling them.
    z.config({ jitless: true });
    schema = build(z);
  }
  const res = schema.safeParse(value);
  if (res.success) return { record: res.data };
  const issue = res.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  const found = at(value, issue.path);
  let what: string;
  if (issue.code === 'invalid_type') {
    const expected = String((issue as { expected?: unknown }).expected ?? 'a value');
    what = found === undefined ? 'is required' : `expected ${expected === 'object' ? 'an object' : expected === 'array' ? 'a list' : expected === 'string' ? 'text' : expected}, found ${kindOf(found)}`;
  } else if (issue.code === 'invalid_union' && (path === '' || path === 'type')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return { why: `expected a record (an object), found ${kindOf(value)}` };
    const type = (value as Record<string, unknown>)['type'];
    return { why: `type: expected "session", "answer", "adviser" or "draft", found ${typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : kindOf(type)}` };
  } else what = issue.message.replace(/^Invalid input: /, '');
  return { why: path ? `${path}: ${what}` : what };
}
