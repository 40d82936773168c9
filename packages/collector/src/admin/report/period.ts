import { periodLabel } from '../../pages/results.js';
import { previousPeriod as previousRange } from '../../reports/index.js';
import { previousPeriod, periodRange } from '../periods.js';

/** A report's days and what to call them, with the period it is compared with. */
export interface ReportPeriod {
  /** The key as given (`2026-Q1`, `2026-H1`, `2026`, `2026-W1`), or `from…to` for a range. */
  key: string;
  from: string;
  to: string;
  label: { ru: string; en: string };
  previous: { from: string; to: string; label: { ru: string; en: string } };
}

export interface PeriodError {
  field: 'period' | 'from' | 'to';
  message: { ru: string; en: string };
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const isDay = (s: string): boolean =>
  DAY.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

const both = (key: string) => ({ ru: periodLabel(key, 'ru'), en: periodLabel(key, 'en') });

/**
 * The orders' half-year windows (000: reports «до 15 мая и до 15 декабря»): `YYYY-W1` runs from
 * 16 December of the year before to 15 May, `YYYY-W2` from 16 May to 15 December.
 */
function window(year: number, half: 1 | 2): { from: string; to: string } {
  return half === 1
    ? { from: `${year - 1}-12-16`, to: `${year}-05-15` }
    : { from: `${year}-05-16`, to: `${year}-12-15` };
}

const windowLabel = (year: number, half: 1 | 2) => {
  const w = window(year, half);
  const d = (s: string, lang: 'ru' | 'en') =>
    new Date(`${s}T00:00:00Z`).toLocaleDateString(lang === 'en' ? 'en-GB' : 'ru-RU', {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
  return {
    ru: `${half === 1 ? 'Первое' : 'Второе'} полугодие по порядку: ${d(w.from, 'ru')} — ${d(w.to, 'ru')}`,
    en: `Order’s ${half === 1 ? 'first' : 'second'} half: ${d(w.from, 'en')} – ${d(w.to, 'en')}`,
  };
};

const rangeLabel = (from: string, to: string) => ({
  ru: `${from.split('-').reverse().join('.')} — ${to.split('-').reverse().join('.')}`,
  en: `${from} – ${to}`,
});

/**
 * Reads a report's period: `period` = a quarter `2026-Q1`, a calendar half-year `2026-H1`, a year
 * `2026`, or an order's window `2026-W1` / `2026-W2`; or else `from` and `to` (days, both
 * included). The previous period is the one just before, of the same kind; for a range, the same
 * number of whole months (or days) just before.
 *
 * @example
 * parseReportPeriod({ period: '2026-W1' });
 * // { ok: true, value: { from: '2025-12-16', to: '2026-05-15', previous: { from: '2025-05-16', to: '2025-12-15', … }, … } }
 */
export function parseReportPeriod(
  q: Record<string, string | undefined>,
): { ok: true; value: ReportPeriod } | { ok: false; error: PeriodError } {
  const p = q['period'] ?? '';
  if (p !== '') {
    const w = /^(\d{4})-W([12])$/.exec(p);
    if (w) {
      const year = Number(w[1]);
      const half = Number(w[2]) as 1 | 2;
      const [py, ph] = half === 1 ? [year - 1, 2 as const] : [year, 1 as const];
      return {
        ok: true,
        value: {
          key: p,
          ...window(year, half),
          label: windowLabel(year, half),
          previous: { ...window(py, ph), label: windowLabel(py, ph) },
        },
      };
    }
    const unit = /^\d{4}-Q[1-4]$/.test(p)
      ? 'quarter'
      : /^\d{4}-H[12]$/.test(p)
        ? 'half-year'
        : /^\d{4}$/.test(p)
          ? 'year'
          : null;
    const range = unit ? periodRange(p) : null;
    const prev = unit ? previousPeriod(p, unit) : null;
    const prevRange = prev ? periodRange(prev) : null;
    if (!range || !prev || !prevRange)
      return {
        ok: false,
        error: {
          field: 'period',
          message: {
            ru: '«period»: квартал 2026-Q1, полугодие 2026-H1, год 2026 или полугодие по порядку 2026-W1 / 2026-W2',
            en: '"period": a quarter 2026-Q1, a half-year 2026-H1, a year 2026 or an order’s half 2026-W1 / 2026-W2',
          },
        },
      };
    return {
      ok: true,
      value: { key: p, ...range, label: both(p), previous: { ...prevRange, label: both(prev) } },
    };
  }
  const from = q['from'] ?? '';
  const to = q['to'] ?? '';
  for (const [field, v] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (!isDay(v))
      return {
        ok: false,
        error: {
          field,
          message: {
            ru: `«${field}»: дата ГГГГ-ММ-ДД (или укажите «period»)`,
            en: `"${field}": a date YYYY-MM-DD (or give "period")`,
          },
        },
      };
  if (from > to)
    return {
      ok: false,
      error: {
        field: 'to',
        message: { ru: '«to» раньше, чем «from»', en: '"to" is before "from"' },
      },
    };
  const prev = previousRange(from, to);
  return {
    ok: true,
    value: {
      key: `${from}…${to}`,
      from,
      to,
      label: rangeLabel(from, to),
      previous: { ...prev, label: rangeLabel(prev.from, prev.to) },
    },
  };
}

/** The quarter of a day, as a period key: the report's default. */
export const quarterOf = (d: Date): string =>
  `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
