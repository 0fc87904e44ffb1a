import { z } from 'zod';
import { GAPS, KINDS, LEVELS } from '../core/types.js';

const cue = z.string().trim().min(1, 'a cue must not be empty');
const id = z.string().regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'an id is lower-case letters, digits and hyphens');

// A citation names its source by id or by file (as rubrics/sources.yaml lists them), quotes
// whole sentences, and may give the heading the quote sits under as its label.
export const sourceRef = z.object({
  id: z.string().min(1).optional(),
  file: z.string().min(1).optional(),
  label: z.string().min(1).optional(),
  quote: z.string().min(1, 'quote the source'),
}).strict().refine((s) => s.id !== undefined || s.file !== undefined, { message: 'name the source: id (or file) from sources.yaml' });

export const sourceSchema = z.object({
  id,
  file: z.string().min(1),
  title: z.string().min(1),
  author: z.string().min(1).optional(),
  publication: z.string().min(1).optional(),
  publisher: z.string().min(1).optional(),
  year: z.union([z.string().min(1), z.number().int()]).transform(String).optional(),
  note: z.string().min(1).optional(),
}).strict();

export const competencySchema = z.object({
  id,
  name: z.string().min(1),
  summary: z.string().min(1),
  sources: z.array(z.string()).min(1),
  question_cues: z.array(cue).default([]),
}).strict();

export const indicatorSchema = z.object({
  id,
  level: z.enum(LEVELS, { message: `level must be one of ${LEVELS.join(', ')}` }),
  behaviour: id.optional(),
  name: z.string().min(1),
  competencies: z.array(z.string()).min(1, 'list the competencies (or [all])'),
  evidence: z.enum(['action', 'outcome', 'stated']),
  warning: z.boolean().default(false),
  alone: z.boolean().default(false),
  generic: z.boolean().default(false),
  supporting: z.boolean().default(false),
  mocks: z.boolean().default(false),
  scene: z.boolean().default(false),
  unless: z.array(id).default([]),
  cues: z.array(cue).min(1, 'an indicator needs at least one cue'),
  named: z.array(cue).default([]),
  except: z.array(cue).default([]),
  source: sourceRef,
  feedback: z.string().min(1),
}).strict();

export const questionSchema = z.object({
  id,
  competency: z.string().min(1),
  kind: z.enum(KINDS, { message: `kind must be one of ${KINDS.join(', ')}` }),
  text: z.string().min(1),
  guidance: z.string().min(1),
}).strict();

const starPart = z.object({
  hint: z.string().min(1),
  cues: z.array(cue),
  vague: z.array(cue).optional(),
  interim: z.array(cue).optional(),
  not_own_step: z.array(cue).optional(),
  feedback: z.string().min(1),
  source: sourceRef,
}).strict();

const usualRange = z.tuple([z.number().min(0), z.number().min(0)]).refine(([min, max]) => min <= max, { message: 'a range is [lowest, highest]' });

// What a spoken answer's delivery is compared with (README, "Spoken answers", cites the sources).
export const deliverySchema = z.object({
  pace: usualRange,
  fillers_per_minute: usualRange,
  long_pause_seconds: z.number().positive(),
  usual_max_silence_seconds: z.number().positive(),
  fillers: z.array(z.string().trim().min(1, 'a filler must not be empty')).min(1),
}).strict();

export const styleSchema = z.object({
  words_per_minute: z.number().positive(),
  target_seconds: z.tuple([z.number().positive(), z.number().positive()]),
  fillers: z.array(cue),
  delivery: deliverySchema.optional(),
}).strict();

export const structureSchema = z.object({
  star: z.object({ situation: starPart, task: starPart, action: starPart, result: starPart }).strict(),
  kinds: z.object({ behavioural: z.array(cue).min(1), situational: z.array(cue).min(1), opinion: z.array(cue).min(1) }).strict(),
  style: styleSchema,
  relevance: z.object({
    served: z.array(cue).min(1),
    colleagues: z.array(cue).default([]),
    colleague_competencies: z.array(z.string()).default([]),
    customer_role: z.array(cue).default([]),
  }).strict(),
}).strict();

export const setSchema = z.object({
  name: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a set name is lower-case letters, digits and hyphens'),
  title: z.string().min(1),
  questions: z.array(z.string().min(1)).min(1, 'a set needs at least one question'),
  time: z.number().int().min(10).optional(),
}).strict();

export const modelSchema = z.object({
  question: z.string().min(1),
  level: z.enum(LEVELS, { message: `level must be one of ${LEVELS.join(', ')}` }),
  answer: z.string().trim().min(1, 'a model answer must not be empty'),
}).strict();

export const followUpSchema = z.object({
  gap: z.enum(GAPS, { message: `gap must be one of ${GAPS.join(', ')}` }),
  kinds: z.array(z.enum(KINDS, { message: `kind must be one of ${KINDS.join(', ')}` })).default([]),
  competencies: z.array(z.string().min(1)).default([]),
  behaviours: z.array(id).default([]),
  ask: z.array(z.string().trim().min(1, 'a follow-up question must not be empty')).min(1, 'give the interviewer\'s words: at least one question'),
}).strict();

export const followUpsFileSchema = z.object({
  people: z.array(cue).default([]),
  follow_ups: z.array(followUpSchema).min(1, 'list at least one follow-up question'),
}).strict();

export type SourceEntry = z.infer<typeof sourceSchema>;
