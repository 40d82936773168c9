/**
 * Purity of a grouping against known topics: each found group counts its most common topic; the
 * sum over groups divided by the number of items. 1 = no group mixes topics.
 *
 * @example
 * purity([0, 0, 1], ['a', 'a', 'b']); // 1
 */
export function purity(found: readonly (string | number)[], truth: readonly string[]): number {
  const groups = new Map<string | number, Map<string, number>>();
  found.forEach((g, i) => {
    const m = groups.get(g) ?? new Map<string, number>();
    m.set(truth[i]!, (m.get(truth[i]!) ?? 0) + 1);
    groups.set(g, m);
  });
  let hit = 0;
  for (const m of groups.values()) hit += Math.max(...m.values());
  return found.length === 0 ? 0 : hit / found.length;
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

/**
 * Adjusted Rand index (Hubert & Arabie): agreement of two groupings over all pairs of items,
 * corrected for chance — 1 identical, about 0 random. Unlike purity it also penalises splitting a
 * topic into many small groups.
 *
 * @example
 * adjustedRand([0, 0, 1, 1], ['a', 'a', 'b', 'b']); // 1
 */
export function adjustedRand(
  found: readonly (string | number)[],
  truth: readonly string[],
): number {
  const cell = new Map<string, number>();
  const rows = new Map<string | number, number>();
  const cols = new Map<string, number>();
  found.forEach((g, i) => {
    const t = truth[i]!;
    const key = `${String(g)}\u0000${t}`;
    cell.set(key, (cell.get(key) ?? 0) + 1);
    rows.set(g, (rows.get(g) ?? 0) + 1);
    cols.set(t, (cols.get(t) ?? 0) + 1);
  });
  let index = 0;
  for (const n of cell.values()) index += pairs(n);
  let a = 0;
  for (const n of rows.values()) a += pairs(n);
  let b = 0;
  for (const n of cols.values()) b += pairs(n);
  const expected = (a * b) / pairs(found.length);
  const max = (a + b) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}
