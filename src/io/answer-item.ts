import { z } from 'zod';

/** One answer to score, with where it came from. */
export interface AnswerItem {
  id: string;
  question: string;
  competency?: string | undefined;
  answer: string;
  file: string;
  line: number;
  /** Present only in labelled files; never passed to the scorer. */
  expected?: unknown;
}

/** Defaults from command-line flags for inputs that do not carry them (plain text files). */
export interface ItemDefaults {
  question?: string | undefined;
  competency?: string | undefined;
}

const text = z.string().refine((s) => s.trim().length > 0, 'must not be empty');

export const answerRecord = z.object({
  id: z.union([z.string(), z.number()]).transform(String).optional(),
  question: text.optional(),
  competency: z.string().optional().nullable().transform((v) => (v === null || v === '' ? undefined : v)),
  answer: z.string({ message: 'answer is required (a string)' }),
  expected: z.unknown().optional(),
}).passthrough();

export type AnswerRecord = z.infer<typeof answerRecord>;
