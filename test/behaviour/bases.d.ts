// Types for bases.js (plain JS so that scripts/behaviour.js can run it without a build step).
export type Level = 'low' | 'medium' | 'high';
export type Kind = 'behavioural' | 'situational' | 'opinion';

export interface Base {
  id: string;
  competency: string;
  kind: Kind;
  /** The level the contract gives this answer, as intended by its author. */
  level: Level;
  question: string;
  answer: string;
  /** The candidate's key actions: exact substrings starting "I <verb>" or "I'd <verb>". */
  key: string[];
  /** The result sentence(s): exact substrings. */
  result: string[];
}

export declare const BASES: Base[];
