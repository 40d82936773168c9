import type { Period } from '../reports/index.js';

/** First and last day (`YYYY-MM-DD`, both included) of a period key as reports label them. */
export interface DayRange {
  from: string;
  to: string;
}

const day = (y: number, m: number, d: number): string =>
  new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
/** Last day of month `m` (1–12) of year `y`. */
const lastDay = (y: number, m: number): string => day(y, m + 1, 0);

/** Year and first/last month of a key: `2026-Q1`, `2026-H2`, `2026-03` or `2026`. */
function months(key: string): { y: number; first: number; last: number } | null {
  let m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return { y: Number(m[1]), first: Number(m[2]) * 3 - 2, last: Number(m[2]) * 3 };
  m = /^(\d{4})-H([12])$/.exec(key);
  if (m) return { y: Number(m[1]), first: m[2] === '1' ? 1 : 7, last: m[2] === '1' ? 6 : 12 };
  m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) return { y: Number(m[1]), first: Number(m[2]), last: Number(m[2]) };
  m = /^(\d{4})$/.exec(key);
  if (m) return { y: Number(m[1]), first: 1, last: 12 };
  return null;
}

/**
 * The days a period key covers, or null for a key that is not one.
 *
 * @example
 * periodRange('2026-Q1'); // { from: '2026-01-01', to: '2026-03-31' }
 */
export function periodRange(key: string): DayRange | null {
  const p = months(key);
  return p ? { from: day(p.y, p.first, 1), to: lastDay(p.y, p.last) } : null;
}

/**
 * The key of the period just before, in the same unit.
 *
 * @example
 * previousPeriod('2026-Q1', 'quarter'); // '2025-Q4'
 */
export function previousPeriod(key: string, period: Period): string | null {
  const p = months(key);
  if (!p) return null;
  const span = { month: 1, quarter: 3, 'half-year': 6, year: 12 }[period];
  const first = p.y * 12 + (p.first - 1) - span;
  const y = Math.floor(first / 12);
  const m = (first % 12) + 1;
  switch (period) {
    case 'month':
      return `${y}-${String(m).padStart(2, '0')}`;
    case 'quarter':
      return `${y}-Q${Math.ceil(m / 3)}`;
    case 'half-year':
      return `${y}-H${m <= 6 ? 1 : 2}`;
    case 'year':
      return String(y);
  }
}
