/**
 * Cell suppression for published counts (k-anonymity of tables): the one algorithm every public
 * figure goes through.
 *
 * A table is a set of named counts and the additive relations between them ("lines": a total
 * equals the sum of its parts — a period's responses are the sum of its channels', a year's
 * count of an answer is the sum of its quarters'). Primary suppression hides every count from 1
 * to k − 1. Complementary suppression then makes sure no line is left with exactly one unknown,
 * since that one could be recovered by subtraction: it hides the smallest other part of such a
 * line (or the total, when every other part is zero) and repeats until no line has one unknown.
 */

/** `total` = the sum of `parts` (all keys of the table's cells). */
export interface Line {
  total: string;
  parts: readonly string[];
}

export interface SuppressOptions {
  /** Smallest count that may be published (k). */
  k: number;
  /** Keys hidden whatever their count (e.g. every cell of a group smaller than k). */
  forced?: Iterable<string>;
}

/**
 * The keys to hide. Cells absent from `cells` count as 0 and published.
 *
 * @example
 * const hidden = suppress(new Map([['all', 12], ['a', 9], ['b', 3]]), [{ total: 'all', parts: ['a', 'b'] }], { k: 5 });
 * // Set { 'b', 'a' }: b is under 5, and a would give it away (12 − 9)
 */
export function suppress(
  cells: ReadonlyMap<string, number>,
  lines: readonly Line[],
  opts: SuppressOptions,
): Set<string> {
  const value = (key: string): number => cells.get(key) ?? 0;
  const hidden = new Set<string>(opts.forced ?? []);
  for (const [key, n] of cells) if (n > 0 && n < opts.k) hidden.add(key);

  // Lines that contain a key, so that hiding one re-examines only the lines it is in.
  const linesOf = new Map<string, Line[]>();
  for (const line of lines)
    for (const key of [line.total, ...line.parts]) {
      const list = linesOf.get(key);
      if (list) list.push(line);
      else linesOf.set(key, [line]);
    }

  const queue: Line[] = [...lines];
  const queued = new Set<Line>(lines);
  const hide = (key: string): void => {
    hidden.add(key);
    for (const l of linesOf.get(key) ?? [])
      if (!queued.has(l)) {
        queued.add(l);
        queue.push(l);
      }
  };

  while (queue.length > 0) {
    const line = queue.pop()!;
    queued.delete(line);
    const unknown =
      line.parts.filter((p) => hidden.has(p)).length + (hidden.has(line.total) ? 1 : 0);
    if (unknown !== 1) continue;
    // The smallest published non-zero part costs the least information; ties by key, so the same
    // data always hides the same cells.
    let pick: string | undefined;
    for (const p of line.parts) {
      if (hidden.has(p) || value(p) === 0) continue;
      if (pick === undefined || value(p) < value(pick) || (value(p) === value(pick) && p < pick))
        pick = p;
    }
    if (pick !== undefined) hide(pick);
    else if (!hidden.has(line.total) && value(line.total) > 0) hide(line.total);
    // Otherwise the one unknown is a part whose every sibling is zero and whose total is hidden or
    // zero: nothing published pins it down.
  }
  return hidden;
}
