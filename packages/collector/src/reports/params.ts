import { CONTEXT_MAX, isWellFormedText } from '@otklik/core';
import { DIMENSIONS, GROUP_BY, PERIODS, type Dimension, type GroupBy, type Period } from './sql.js';

/** The dimension filters a report URL may carry, each a comma-separated list. */
const LIST_FILTERS = ['channel', 'object', 'touchpoint', 'respondent'] as const;

/** Validated report query parameters. */
export interface ReportQuery {
  from?: string;
  to?: string;
  groupBy: GroupBy | [Dimension, Dimension];
  period: Period;
  version?: number;
  /** Absent: the rollup's zone (the collector's TIME_ZONE). */
  timeZone?: string;
  channel?: string[];
  object?: string[];
  touchpoint?: string[];
  respondent?: string[];
  /** `compare=previous`: add the previous comparable period and the changes. */
  compare?: boolean;
}

/** A rejected parameter: which one, and why, in both languages. */
export interface ParamError {
  field: string;
  message: { ru: string; en: string };
}

const isDimension = (s: string | undefined): s is Dimension =>
  (DIMENSIONS as readonly (string | undefined)[]).includes(s);

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
 * Validates `from`, `to` (days, `YYYY-MM-DD`, both included), `groupBy` (a dimension, or two
 * joined by a comma: `object,period`), `period`, `version`, `tz` (IANA zone), the filters
 * `channel`, `object`, `touchpoint`, `respondent` (comma-separated values) and `compare=previous`
 * of a report or export URL.
 *
 * @example
 * parseReportQuery({ from: '2026-01-01', groupBy: 'object,period', period: 'quarter', channel: 'kiosk,site' });
 * // { ok: true, value: { from: '2026-01-01', groupBy: ['object', 'period'], period: 'quarter', channel: ['kiosk', 'site'] } }
 */
export function parseReportQuery(
  q: Record<string, string | undefined>,
): { ok: true; value: ReportQuery } | { ok: false; error: ParamError } {
  const fail = (field: string, ru: string, en: string) => ({
    ok: false as const,
    error: { field, message: { ru, en } },
  });
  const value: ReportQuery = { groupBy: 'none', period: 'quarter' };
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
    const parts = q['groupBy'].split(',');
    const [a, b] = parts;
    if (parts.length === 2 && a !== b && isDimension(a) && isDimension(b)) value.groupBy = [a, b];
    else if (parts.length === 1 && (GROUP_BY as readonly string[]).includes(q['groupBy'])) {
      value.groupBy = q['groupBy'] as GroupBy;
    } else {
      return fail(
        'groupBy',
        `«groupBy»: одно из ${GROUP_BY.join(', ')} или два разных через запятую`,
        `"groupBy": one of ${GROUP_BY.join(', ')}, or two different ones joined by a comma`,
      );
    }
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
  for (const field of LIST_FILTERS) {
    const v = q[field];
    if (v === undefined || v === '') continue;
    const list = v.split(',');
    // A value the database could not even compare (U+0000) is refused here, not as a 422 later.
    if (list.some((x) => x === '' || x.length > CONTEXT_MAX || !isWellFormedText(x))) {
      return fail(
        field,
        `«${field}»: значения через запятую, каждое от 1 до ${CONTEXT_MAX} символов, без U+0000`,
        `"${field}": comma-separated values of 1 to ${CONTEXT_MAX} characters each, no U+0000`,
      );
    }
    value[field] = [...new Set(list)];
  }
  if (q['compare']) {
    if (q['compare'] !== 'previous')
      return fail('compare', '«compare»: только previous', '"compare": only previous');
    value.compare = true;
  }
  return { ok: true, value };
}
