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
 * A table with its cells numbered 0 … n − 1: a survey's public pages make hundreds of thousands
 * of cells and lines, which as strings and objects held tens of megabytes of heap at once.
 * Line `j` is `total[j]` = the sum of the cells `parts[start[j]]` … `parts[start[j + 1] − 1]`.
 */
export interface IndexedTable {
  /** The count of each cell. */
  values: ArrayLike<number>;
  total: ArrayLike<number>;
  /** Where each line's parts begin in `parts`, and one more entry: where the last one ends. */
  start: ArrayLike<number>;
  parts: ArrayLike<number>;
  /** Cells hidden whatever their count. */
  forced: Iterable<number>;
  /** A cell's name: ties between equal counts go by name, so the same data hides the same cells. */
  name(cell: number): string;
}

/**
 * Which cells of `t` to hide (1 at their index): `suppress` on numbered cells.
 *
 * @example
 * const hidden = suppressIndexed({ values: [12, 9, 3], total: [0], start: [0, 2], parts: [1, 2],
 *   forced: [], name: (i) => ['all', 'a', 'b'][i]! }, 5);
 * // Uint8Array [0, 1, 1]: b is under 5, and a would give it away (12 − 9)
 */
export function suppressIndexed(t: IndexedTable, k: number): Uint8Array {
  const cells = t.values.length;
  const lines = t.total.length;
  const hidden = new Uint8Array(cells);
  for (const c of t.forced) hidden[c] = 1;
  for (let c = 0; c < cells; c++) if (t.values[c]! > 0 && t.values[c]! < k) hidden[c] = 1;

  // The lines each cell is in (the total first, then the parts, in line order), so that hiding
  // one re-examines only those: counted, then filled in place.
  const from = new Int32Array(cells + 1);
  const each = (fn: (cell: number, line: number) => void): void => {
    for (let j = 0; j < lines; j++) {
      fn(t.total[j]!, j);
      for (let p = t.start[j]!; p < t.start[j + 1]!; p++) fn(t.parts[p]!, j);
    }
  };
  each((c) => from[c + 1]!++);
  for (let c = 0; c < cells; c++) from[c + 1]! += from[c]!;
  const linesOf = new Int32Array(from[cells]!);
  const fill = from.slice(0, cells);
  each((c, j) => (linesOf[fill[c]!++] = j));

  // Lines to examine, last in first out; each line at most once at a time.
  const queue = new Int32Array(lines);
  const queued = new Uint8Array(lines);
  let size = 0;
  const push = (j: number): void => {
    queue[size++] = j;
    queued[j] = 1;
  };
  for (let j = 0; j < lines; j++) push(j);
  const hide = (c: number): void => {
    hidden[c] = 1;
    for (let i = from[c]!; i < from[c + 1]!; i++) if (!queued[linesOf[i]!]) push(linesOf[i]!);
  };

  while (size > 0) {
    const j = queue[--size]!;
    queued[j] = 0;
    const total = t.total[j]!;
    let unknown = hidden[total]!;
    for (let p = t.start[j]!; p < t.start[j + 1]!; p++) unknown += hidden[t.parts[p]!]!;
    if (unknown !== 1) continue;
    // The smallest published non-zero part costs the least information; ties by name, so the
    // same data always hides the same cells.
    let pick = -1;
    for (let p = t.start[j]!; p < t.start[j + 1]!; p++) {
      const c = t.parts[p]!;
      const v = t.values[c]!;
      if (hidden[c] || v === 0) continue;
      if (pick < 0 || v < t.values[pick]! || (v === t.values[pick]! && t.name(c) < t.name(pick)))
        pick = c;
    }
    if (pick >= 0) hide(pick);
    else if (!hidden[total] && t.values[total]! > 0) hide(total);
    // Otherwise the one unknown is a part whose every sibling is zero and whose total is hidden or
    // zero: nothing published pins it down.
  }
  return hidden;
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
  const names: string[] = [];
  const values: number[] = [];
  const ids = new Map<string, number>();
  const id = (key: string): number => {
    let c = ids.get(key);
    if (c === undefined) {
      ids.set(key, (c = names.length));
      names.push(key);
      values.push(cells.get(key) ?? 0);
    }
    return c;
  };
  for (const key of cells.keys()) id(key);
  const total: number[] = [];
  const start = [0];
  const parts: number[] = [];
  for (const line of lines) {
    total.push(id(line.total));
    for (const p of line.parts) parts.push(id(p));
    start.push(parts.length);
  }
  const forced = [...(opts.forced ?? [])].map(id);
  const hidden = suppressIndexed(
    { values, total, start, parts, forced, name: (c) => names[c]! },
    opts.k,
  );
  return new Set(names.filter((_, c) => hidden[c]));
}
