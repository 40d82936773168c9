import { parseReportQuery, type Period, type RollupFilter } from '../reports/index.js';

/** The dimensions a view can be narrowed to, each to one or several values. */
export type FilterDim = 'channel' | 'object' | 'touchpoint' | 'respondent';
export const FILTER_DIMS: readonly FilterDim[] = ['channel', 'object', 'touchpoint', 'respondent'];

/** Columns the service and touchpoint tables sort by. */
export const SORT_KEYS = ['name', 'responses', 'level', 'delta', 'nps', 'effort'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Defaults of the dashboard's thresholds (all three can be changed in the URL's form). */
export const DEFAULT_THRESHOLDS = {
  /** A service or touchpoint silent this many days is listed as silent (000 §35). */
  silentDays: 30,
  /** Satisfaction level below this, %, flags «negative feedback is high» (000 §14). */
  minLevel: 70,
  /** A drop of this many percentage points from the previous period flags it too. */
  maxDrop: 10,
} as const;

/** Everything a dashboard view is computed from; it all lives in the URL, so a view is a link. */
export interface DashboardFilter {
  from?: string;
  to?: string;
  /** The period unit of the trend and of the «change from the previous period». */
  period: Period;
  version?: number;
  /** Only the collector's own zone (reports count its days); absent → that zone. */
  timeZone?: string | undefined;
  /**
   * Only these values of a dimension («only kiosk and site», «only internal respondents»): the
   * values of one dimension are alternatives, the dimensions combine (kiosk AND service 1).
   */
  only: Partial<Record<FilterDim, string[]>>;
  silentDays: number;
  minLevel: number;
  maxDrop: number;
  sort: SortKey;
  desc: boolean;
}

export interface FilterError {
  field: string;
  message: { ru: string; en: string };
}

function bounded(
  q: Record<string, string | undefined>,
  field: 'silentDays' | 'minLevel' | 'maxDrop',
  max: number,
): number | FilterError {
  const v = q[field];
  if (v === undefined || v === '') return DEFAULT_THRESHOLDS[field];
  const n = Number(v);
  if (!/^\d{1,4}$/.test(v) || n > max)
    return {
      field,
      message: { ru: `«${field}»: целое число 0…${max}`, en: `"${field}": an integer 0…${max}` },
    };
  return n;
}

/**
 * A request's query with repeated parameters joined by commas: a form's checkboxes send
 * `channel=kiosk&channel=site`, a link carries `channel=kiosk,site` (as the report API takes it).
 *
 * @example
 * joinRepeated({ channel: ['kiosk', 'site'], period: ['month'] }); // { channel: 'kiosk,site', period: 'month' }
 */
export function joinRepeated(q: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(q).map(([k, v]) => [k, v.filter(Boolean).join(',')]));
}

/**
 * Reads a dashboard URL's query: the report's `from`, `to`, `period`, `version`, `tz` and the
 * dimension filters `channel`, `object`, `touchpoint`, `respondent` (validated as the report API
 * validates them), the thresholds and the tables' sort.
 *
 * @example
 * parseFilter({ from: '2026-01-01', period: 'month', channel: 'kiosk,site', respondent: 'internal' });
 * // { ok: true, value: { from: '2026-01-01', period: 'month', only: { channel: ['kiosk', 'site'], respondent: ['internal'] }, … } }
 */
export function parseFilter(
  q: Record<string, string | undefined>,
): { ok: true; value: DashboardFilter } | { ok: false; error: FilterError } {
  const r = parseReportQuery({
    from: q['from'],
    to: q['to'],
    period: q['period'] || 'quarter',
    version: q['version'],
    tz: q['tz'],
    ...Object.fromEntries(FILTER_DIMS.map((d) => [d, q[d]])),
  });
  if (!r.ok) return r;
  const only: DashboardFilter['only'] = {};
  for (const d of FILTER_DIMS) {
    const v = r.value[d];
    if (v) only[d] = v;
  }
  const silentDays = bounded(q, 'silentDays', 3650);
  if (typeof silentDays !== 'number') return { ok: false, error: silentDays };
  const minLevel = bounded(q, 'minLevel', 100);
  if (typeof minLevel !== 'number') return { ok: false, error: minLevel };
  const maxDrop = bounded(q, 'maxDrop', 100);
  if (typeof maxDrop !== 'number') return { ok: false, error: maxDrop };
  const sortText = q['sort'] ?? 'level';
  const desc = sortText.startsWith('-');
  const sort = (desc ? sortText.slice(1) : sortText) as SortKey;
  if (!SORT_KEYS.includes(sort))
    return {
      ok: false,
      error: {
        field: 'sort',
        message: {
          ru: `«sort»: одно из ${SORT_KEYS.join(', ')}`,
          en: `"sort": one of ${SORT_KEYS.join(', ')}`,
        },
      },
    };
  const v = r.value;
  return {
    ok: true,
    value: {
      ...(v.from ? { from: v.from } : {}),
      ...(v.to ? { to: v.to } : {}),
      ...(v.version ? { version: v.version } : {}),
      period: v.period,
      timeZone: v.timeZone,
      only,
      silentDays,
      minLevel,
      maxDrop,
      sort,
      desc,
    },
  };
}

/** The query string of a filter with some fields changed (links keep the whole view). */
export function filterQuery(
  f: DashboardFilter,
  lang: 'ru' | 'en',
  over: Partial<DashboardFilter> = {},
): string {
  const g = { ...f, ...over };
  const p = new URLSearchParams();
  if (g.from) p.set('from', g.from);
  if (g.to) p.set('to', g.to);
  if (g.period !== 'quarter') p.set('period', g.period);
  if (g.version) p.set('version', String(g.version));
  if (g.timeZone) p.set('tz', g.timeZone);
  for (const d of FILTER_DIMS) {
    const v = g.only[d];
    if (v?.length) p.set(d, v.join(','));
  }
  if (g.silentDays !== DEFAULT_THRESHOLDS.silentDays) p.set('silentDays', String(g.silentDays));
  if (g.minLevel !== DEFAULT_THRESHOLDS.minLevel) p.set('minLevel', String(g.minLevel));
  if (g.maxDrop !== DEFAULT_THRESHOLDS.maxDrop) p.set('maxDrop', String(g.maxDrop));
  if (g.sort !== 'level' || g.desc) p.set('sort', `${g.desc ? '-' : ''}${g.sort}`);
  if (lang === 'en') p.set('lang', 'en');
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The report engine's filter of a view (its days and period apart). */
export function rollupFilter(f: DashboardFilter): RollupFilter {
  return { version: f.version, ...f.only };
}
