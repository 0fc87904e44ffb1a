import type { Assessment, Level, StarPartName } from './types.js';
import { STAR_PARTS } from './types.js';

export interface Comparison {
  before: { level: Level; score: number };
  after: { level: Level; score: number };
  partsGained: StarPartName[];
  partsLost: StarPartName[];
  /** Indicators that count now and did not before (names), and the reverse. */
  gained: string[];
  lost: string[];
}

/** What changed between two attempts at the same question. */
export function compareAssessments(before: Assessment, after: Assessment): Comparison {
  const counted = (a: Assessment): Map<string, string> => new Map(a.indicators.filter((f) => f.counted).map((f) => [f.id, f.warning ? `${f.name} (warning)` : f.name]));
  const b = counted(before);
  const a = counted(after);
  return {
    before: { level: before.level, score: before.score },
    after: { level: after.level, score: after.score },
    partsGained: STAR_PARTS.filter((p) => after.star[p].present && !before.star[p].present),
    partsLost: STAR_PARTS.filter((p) => !after.star[p].present && before.star[p].present),
    gained: [...a.entries()].filter(([id]) => !b.has(id)).map(([, name]) => name),
    lost: [...b.entries()].filter(([id]) => !a.has(id)).map(([, name]) => name),
  };
}
