/** Day arithmetic on `YYYY-MM-DD` strings (calendar days: no zone enters here). */

const toDate = (d: string): Date => new Date(`${d}T00:00:00Z`);
const toDay = (d: Date): string => d.toISOString().slice(0, 10);

/** `d` plus `n` days. */
export function addDays(d: string, n: number): string {
  const t = toDate(d);
  t.setUTCDate(t.getUTCDate() + n);
  return toDay(t);
}

/** The first day of the month `n` months after the month of `d`. */
export function monthStart(d: string, n = 0): string {
  const t = toDate(d);
  return toDay(new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + n, 1)));
}

/**
 * How a day range splits into whole months (read from the monthly rollup) and the days at its
 * edges (read from the daily one). A bound left out is open.
 *
 * @example
 * splitRange('2026-01-15', '2026-06-30');
 * // { months: ['2026-02-01', '2026-07-01'], days: [['2026-01-15', '2026-01-31']] }
 */
export function splitRange(
  from: string | undefined,
  to: string | undefined,
): { months: [string | null, string | null] | null; days: [string, string][] } {
  // Whole months: from the first month starting on or after `from`, up to (excluded) the first
  // month that does not end on or before `to`.
  const first = from === undefined ? null : from.endsWith('-01') ? from : monthStart(from, 1);
  const end =
    to === undefined
      ? null
      : monthStart(addDays(to, 1)) === addDays(to, 1)
        ? addDays(to, 1)
        : monthStart(to);
  if (from !== undefined && to !== undefined && first !== null && end !== null && first >= end) {
    return { months: null, days: from <= to ? [[from, to]] : [] };
  }
  const days: [string, string][] = [];
  if (from !== undefined && first !== null && from < first) days.push([from, addDays(first, -1)]);
  if (to !== undefined && end !== null && end <= to) days.push([end, to]);
  return { months: [first, end], days };
}

/**
 * The previous comparable period of a day range: the same number of whole months before it when
 * the range is whole months (a quarter → the quarter before, a year → the year before), else the
 * same number of days just before it.
 *
 * @example
 * previousPeriod('2026-04-01', '2026-06-30'); // { from: '2026-01-01', to: '2026-03-31' }
 * previousPeriod('2026-04-10', '2026-04-16'); // { from: '2026-04-03', to: '2026-04-09' }
 */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const next = addDays(to, 1);
  if (from.endsWith('-01') && next.endsWith('-01')) {
    const a = toDate(from);
    const b = toDate(next);
    const months =
      (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
    return { from: monthStart(from, -months), to: addDays(from, -1) };
  }
  const days = Math.round((toDate(next).getTime() - toDate(from).getTime()) / 86_400_000);
  return { from: addDays(from, -days), to: addDays(from, -1) };
}
