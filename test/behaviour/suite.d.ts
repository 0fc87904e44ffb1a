// Types for suite.js.
import type { Base, Level } from './bases.js';
import type { Generator } from './generators.js';

export interface Scored {
  level: Level;
  score: number;
}
export type Family = 'BASE' | 'INV' | 'DIR' | 'MFT';
export type Check = (before: Scored, after: Scored, base: Base) => string | null;

export interface PerturbationTest {
  family: 'INV' | 'DIR';
  name: string;
  applies: (base: Base) => boolean;
  gen: Generator;
  check: Check;
}

export interface Case {
  id: string;
  family: Family;
  test: string;
  answer: string;
  base?: Base;
  question?: string;
  competency?: string;
  expect?: 'low' | 'not-high';
  check?: Check;
}

export interface CaseResult extends Case {
  before: { level: Level; score: number | null } | null;
  after: Scored;
  /** Why the case fails; null when it passes. */
  failure: string | null;
}

export interface Row {
  family: Family;
  test: string;
  cases: number;
  failures: number;
  rate: number;
}
export interface FamilyRow {
  family: Family;
  cases: number;
  failures: number;
  rate: number;
}
export interface Summary {
  rows: Row[];
  families: FamilyRow[];
  overall: { cases: number; failures: number; rate: number };
}
export interface Bars {
  families: Record<string, number>;
  tests: Record<string, number>;
}

export declare const TESTS: PerturbationTest[];
export declare function buildCases(): Case[];
export declare function runSuite(score: (question: string, answer: string, competency?: string) => Scored): CaseResult[];
export declare function summarise(results: CaseResult[]): Summary;
export declare function barsFrom(summary: Summary): Bars;
export declare function overBars(summary: Summary, bars: Bars): { name: string; rate: number; bar: number | undefined }[];
