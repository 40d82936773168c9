import { parseReportQuery, type Period } from '../reports/index.js';

/** The dimensions a view can be narrowed to (one at a time, see `Slice`). */
export type SliceDim = 'channel' | 'object' | 'touchpoint';
export const SLICE_DIMS: readonly SliceDim[] = ['channel', 'object', 'touchpoint'];

/** «Only kiosk», «only one service», «only one office»: `slice=channel:kiosk` in the URL. */
export interface Slice {
  dim: SliceDim;
  key: string;
}

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
  slice: Slice | null;
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
 * Reads a dashboard URL's query: the report's `from`, `to`, `period`, `version`, `tz` (validated
 * as the report API validates them), `slice`, the thresholds and the tables' sort.
 *
 * @example
 * parseFilter({ from: '2026-01-01', period: 'month', slice: 'channel:kiosk' });
 * // { ok: true, value: { from: '2026-01-01', period: 'month', slice: { dim: 'channel', key: 'kiosk' }, … } }
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
  });
  if (!r.ok) return r;
  let slice: Slice | null = null;
  const s = q['slice'];
  if (s) {
    const i = s.indexOf(':');
    const dim = s.slice(0, i) as SliceDim;
    const key = s.slice(i + 1);
    if (i <= 0 || !SLICE_DIMS.includes(dim) || key === '' || key.length > 200)
      return {
        ok: false,
        error: {
          field: 'slice',
          message: {
            ru: '«slice»: channel:…, object:… или touchpoint:…',
            en: '"slice": channel:…, object:… or touchpoint:…',
          },
        },
      };
    slice = { dim, key };
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
      slice,
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
  if (g.slice) p.set('slice', `${g.slice.dim}:${g.slice.key}`);
  if (g.silentDays !== DEFAULT_THRESHOLDS.silentDays) p.set('silentDays', String(g.silentDays));
  if (g.minLevel !== DEFAULT_THRESHOLDS.minLevel) p.set('minLevel', String(g.minLevel));
  if (g.maxDrop !== DEFAULT_THRESHOLDS.maxDrop) p.set('maxDrop', String(g.maxDrop));
  if (g.sort !== 'level' || g.desc) p.set('sort', `${g.desc ? '-' : ''}${g.sort}`);
  if (lang === 'en') p.set('lang', 'en');
  const s = p.toString();
  return s ? `?${s}` : '';
}
