import { GROUP_BY, PERIODS, type GroupBy, type Period } from './sql.js';

/** Validated report query parameters. */
export interface ReportQuery {
  from?: string;
  to?: string;
  groupBy: GroupBy;
  period: Period;
  version?: number;
  timeZone: string;
}

/** A rejected parameter: which one, and why, in both languages. */
export interface ParamError {
  field: string;
  message: { ru: string; en: string };
}

function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  // Rejects 2026-02-30, which Date would roll over into March.
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function isTimeZone(s: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: s });
    return true;
  } catch {
    return false;
  }
}

/**
 * Validates `from`, `to` (days, `YYYY-MM-DD`, both included), `groupBy`, `period`, `version` and
 * `tz` (IANA zone, default UTC) of a report or export URL.
 *
 * @example
 * parseReportQuery({ from: '2026-01-01', groupBy: 'period', period: 'half-year' });
 * // { ok: true, value: { from: '2026-01-01', groupBy: 'period', period: 'half-year', timeZone: 'UTC' } }
 */
export function parseReportQuery(
  q: Record<string, string | undefined>,
): { ok: true; value: ReportQuery } | { ok: false; error: ParamError } {
  const fail = (field: string, ru: string, en: string) => ({
    ok: false as const,
    error: { field, message: { ru, en } },
  });
  const value: ReportQuery = { groupBy: 'none', period: 'quarter', timeZone: 'UTC' };
  for (const field of ['from', 'to'] as const) {
    const v = q[field];
    if (v === undefined || v === '') continue;
    if (!isDay(v))
      return fail(
        field,
        `«${field}»: ожидается дата ГГГГ-ММ-ДД`,
        `"${field}": expected a date YYYY-MM-DD`,
      );
    value[field] = v;
  }
  if (value.from && value.to && value.from > value.to) {
    return fail('to', '«to» раньше, чем «from»', '"to" is before "from"');
  }
  if (q['groupBy']) {
    if (!(GROUP_BY as readonly string[]).includes(q['groupBy'])) {
      return fail(
        'groupBy',
        `«groupBy»: одно из ${GROUP_BY.join(', ')}`,
        `"groupBy": one of ${GROUP_BY.join(', ')}`,
      );
    }
    value.groupBy = q['groupBy'] as GroupBy;
  }
  if (q['period']) {
    if (!(PERIODS as readonly string[]).includes(q['period'])) {
      return fail(
        'period',
        `«period»: одно из ${PERIODS.join(', ')}`,
        `"period": one of ${PERIODS.join(', ')}`,
      );
    }
    value.period = q['period'] as Period;
    // A period without a groupBy means "by period".
    if (!q['groupBy']) value.groupBy = 'period';
  }
  if (q['version']) {
    const n = Number(q['version']);
    if (!/^\d{1,9}$/.test(q['version']) || n < 1) {
      return fail('version', '«version»: целое число от 1', '"version": an integer from 1');
    }
    value.version = n;
  }
  if (q['tz']) {
    if (!isTimeZone(q['tz']))
      return fail('tz', '«tz»: неизвестный часовой пояс', '"tz": unknown time zone');
    value.timeZone = q['tz'];
  }
  return { ok: true, value };
}
