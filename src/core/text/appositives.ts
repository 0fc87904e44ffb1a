import type { Token } from './tokenize.js';

// "I asked the team leader, Marek, what was holding them up": a name set off by commas after the
// noun it names is part of that clause. Its commas are left out of the tokens, so the clause is not
// cut at them and a cue's gap can reach across the name ("asked ... what"). A list of names
// ("Sue, Tom, and Ann") or a name after a capitalised word ("In March, Tom, ...") is not one.

const isName = (t: Token | undefined): boolean => t !== undefined && t.kind === 'word' && t.capital && t.wc === 0 && t.norm !== 'i';

/** The tokens without the commas around appositive names (the same array when there are none). */
export function joinAppositives(tokens: Token[]): Token[] {
  let out: Token[] | null = null;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.norm !== ',') {
      if (out !== null) out.push(t);
      continue;
    }
    const before = tokens[i - 1]!;
    const words = isName(tokens[i + 1]) ? (isName(tokens[i + 2]) ? 2 : 1) : 0;
    const close = tokens[i + 1 + words];
    const after = tokens[i + 2 + words];
    const appositive = words > 0 && before.kind === 'word' && !before.capital && close?.norm === ',' && after !== undefined && after.kind === 'word' && !after.capital;
    if (!appositive) {
      if (out !== null) out.push(t);
      continue;
    }
    out ??= tokens.slice(0, i);
    for (let k = 1; k <= words; k++) out.push(tokens[i + k]!);
    i += words + 1; // the closing comma is dropped too
  }
  return out ?? tokens;
}
