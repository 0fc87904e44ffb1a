/**
 * A list of names from an input, short enough for a message however long the input's list:
 * the first few, each cut to a readable length, then "… and N more". A CSV header of a million
 * columns is named in one line, not echoed whole.
 */
export function listSome(names: readonly string[], max = 10, width = 40): string {
  const cut = (s: string): string => (s.length > width ? `${s.slice(0, width - 1)}…` : s);
  const shown = names.slice(0, max).map(cut).join(',');
  return names.length > max ? `${shown},… and ${names.length - max} more` : shown;
}
