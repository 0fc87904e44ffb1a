import type { z } from 'zod';

/** An unknown key ("__proto__", a typo): said as such, with the keys that are allowed, and located at the key. */
export function unknownKeys(issue: { code?: string; keys?: unknown; path: PropertyKey[] }, schema: z.ZodType): { key: string; message: string } | null {
  if (issue.code !== 'unrecognized_keys' || !Array.isArray(issue.keys) || issue.keys.length === 0) return null;
  const keys = issue.keys as string[];
  // The schema of the object the keys are in: the top one, or one down a path of object fields.
  type Schema = { shape?: Record<string, unknown>; element?: unknown; unwrap?: () => unknown } | undefined;
  const bare = (s: unknown): Schema => {
    let x = s as Schema;
    for (let i = 0; i < 3 && x && !x.shape && !x.element && typeof x.unwrap === 'function'; i++) x = x.unwrap() as Schema;
    return x;
  };
  let at: Schema = bare(schema);
  for (const p of issue.path) at = bare(typeof p === 'number' ? at?.element : at?.shape?.[String(p)]);
  const allowed = Object.keys(at?.shape ?? {});
  return {
    key: keys[0]!,
    message: `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => JSON.stringify(k)).join(', ')}${allowed.length ? ` (expected ${allowed.join(', ')})` : ''}`,
  };
}

/** A schema issue's message, plainer where zod's is not: a missing field "is required". */
export function issueMessage(issue: { code?: string; message: string }): string {
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return 'is required';
  return issue.message;
}
