/**
 * Appends every item of `items` to `target`, one at a time: `target.push(...items)` passes each item
 * as an argument, and past some 120,000 of them (a rubric with that many problems) overflows the stack.
 */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const x of items) target.push(x);
}
