// Stems used by any compiled cue get small integer ids. A token whose stem has no id can start
// or continue no cue, so matching skips it with one array check instead of map lookups.

const ids = new Map<string, number>();

/** The id of a stem used in a cue, creating it at rubric-compile time. */
export function internStem(stem: string): number {
  let id = ids.get(stem);
  if (id === undefined) {
    id = ids.size;
    ids.set(stem, id);
  }
  return id;
}

/** The id of a stem in a token: -1 when no compiled cue uses it. */
export function stemId(stem: string): number {
  return ids.get(stem) ?? -1;
}

/** Grows whenever a new stem is interned, so cached token ids can be refreshed. */
export function vocabSize(): number {
  return ids.size;
}

const words = new Set<string>();

/** A cue word as the rubric writes it (lower case), kept so that misspellings can be read back to it. */
export function noteCueWord(word: string): void {
  words.add(word);
}

/** The cue words noted so far. */
export function cueWords(): ReadonlySet<string> {
  return words;
}
