// Types for templates.js.
import type { Kind } from './bases.js';

export interface Template {
  name: string;
  expect: 'low' | 'not-high';
  kinds: Kind[];
  /** Answers; null means "the question itself". */
  texts: (string | null)[];
}

export declare const TEMPLATES: Template[];
