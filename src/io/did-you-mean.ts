/** Edit distance (insertions, deletions, substitutions and swaps of neighbours), ignoring case. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
  for (let j = 0; j <= t.length; j++) d[0]![j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[s.length]![t.length]!;
}

/**
 * The known names closest to what was typed, when close enough to be a slip: within a third of
 * its length (at least 2), or containing it / contained in it. Best first, at most `max`.
 */
export function closest(typed: string, known: Iterable<string>, max = 3): string[] {
  const t = typed.toLowerCase().trim();
  if (!t) return [];
  const scored: Array<{ name: string; d: number }> = [];
  for (const name of new Set(known)) {
    const n = name.toLowerCase();
    const d = editDistance(t, n);
    const limit = Math.max(2, Math.floor(Math.max(t.length, 1) / 3));
    if (d <= limit) scored.push({ name, d });
    else if (t.length >= 3 && (n.includes(t) || t.includes(n))) scored.push({ name, d: limit + 1 });
  }
  return scored.sort((a, b) => a.d - b.d || a.name.localeCompare(b.name)).slice(0, max).map((x) => x.name);
}

/** " (did you mean teamwork?)" or "", to end a "not found" message. */
export function didYouMean(typed: string, known: Iterable<string>): string {
  const c = closest(typed, known);
  if (c.length === 0) return '';
  return ` (did you mean ${c.length === 1 ? c[0] : `${c.slice(0, -1).join(', ')} or ${c[c.length - 1]}`}?)`;
}
