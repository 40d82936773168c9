import type { CountRow } from './sql.js';

/** The aggregated counts of one group of responses, as they come from the database. */
export interface Counts {
  responses: number;
  channels: Map<string, number>;
  /** Question id → responses that answered it. */
  answered: Map<string, number>;
  /** `qid` or `qid\u0000row` → value (option id, or a scale point as text) → count. */
  values: Map<string, Map<string, number>>;
}

export function emptyCounts(): Counts {
  return { responses: 0, channels: new Map(), answered: new Map(), values: new Map() };
}

export const valueKey = (qid: string, row: string | null): string =>
  row === null ? qid : `${qid}\u0000${row}`;

function add(c: Counts, r: CountRow): void {
  switch (r.k) {
    case 'c':
      c.responses += r.n;
      c.channels.set(r.qid, (c.channels.get(r.qid) ?? 0) + r.n);
      return;
    case 'a':
      c.answered.set(r.qid, (c.answered.get(r.qid) ?? 0) + r.n);
      return;
    case 'v': {
      if (r.val === null) return;
      const key = valueKey(r.qid, r.row_id);
      let m = c.values.get(key);
      if (!m) c.values.set(key, (m = new Map()));
      m.set(r.val, (m.get(r.val) ?? 0) + r.n);
    }
  }
}

/**
 * Splits the database rows by group, and sums them into the total: every response is in exactly
 * one group, so the total is the sum of the groups' counts (one statement, one snapshot).
 */
export function collect(rows: readonly CountRow[]): {
  total: Counts;
  groups: Map<string | null, Counts>;
} {
  const total = emptyCounts();
  const groups = new Map<string | null, Counts>();
  for (const r of rows) {
    let c = groups.get(r.g);
    if (!c) groups.set(r.g, (c = emptyCounts()));
    add(c, r);
    add(total, r);
  }
  return { total, groups };
}
