// Types for generators.js.
import type { Base } from './bases.js';

/** A perturbation: the new answer, or null when it does not apply to this base. */
export type Generator = (base: Base, seed: number) => string | null;

export declare function rng(seed: number): () => number;
export declare function seedOf(...parts: string[]): number;
export declare function sentences(text: string): string[];
export declare const PAST: Record<string, string>;
export declare const SWAPS: Record<string, string>;
export declare const SPELLING: Record<string, string>;

export declare const speech: Generator;
export declare const noPunct: Generator;
export declare const lowerI: Generator;
export declare const fillers: Generator;
export declare const typo: Generator;
export declare const swapNames: Generator;
export declare const contractions: Generator;
export declare const spelling: Generator;
export declare const bullets: Generator;
export declare const addResult: Generator;
export declare const removeResult: Generator;
export declare const toColleague: Generator;
export declare const negate: Generator;
export declare const hypothetical: Generator;
export declare const blame: Generator;
export declare const excuse: Generator;
export declare const allWe: Generator;
export declare const upsell: Generator;
export declare function addHigh(which: 'probe' | 'options' | 'followUp' | 'processFix'): Generator;
