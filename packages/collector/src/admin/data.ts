import {
  localize,
  RESPONDENTS,
  type CatalogEntry,
  type Survey,
  type SurveyReport,
} from '@otklik/core';
import type { AppDeps } from '../deps.js';
import { computeReport, lastAnswered, type GroupBy, type ReportOptions } from '../reports/index.js';
import type { Db } from '../store/db.js';
import { FILTER_DIMS, rollupFilter, type DashboardFilter, type FilterDim } from './filters.js';
import { channelName, respondentName, type Lang } from './i18n.js';
import { periodRange, previousPeriod } from './periods.js';

/** One period of the trend. */
export interface PeriodPoint {
  key: string;
  report: SurveyReport;
}

/** One service or touchpoint: its figures in the latest period and the one before. */
export interface DimensionRow {
  /** null: responses that named none. */
  key: string | null;
  /** The catalogue's name in the page's language, else the key as sent. */
  name: string;
  /** Listed in the survey's catalogue (`services` or `touchpoints`). */
  inCatalog: boolean;
  current: SurveyReport | null;
  previous: SurveyReport | null;
  /** Latest response ever (ISO 8601), null when it never answered. */
  lastAnsweredAt: string | null;
  /** Whole days since then, null when it never answered. */
  daysSilent: number | null;
}

export interface SurveyDashboard {
  head: Survey;
  versions: readonly Survey[];
  /** Every response the filter covers. */
  total: SurveyReport;
  /** Per period of `filter.period`, oldest first. */
  trend: PeriodPoint[];
  /** The latest period with responses, and the period just before it (possibly empty). */
  latest: PeriodPoint | null;
  previous: PeriodPoint | null;
  services: DimensionRow[];
  touchpoints: DimensionRow[];
  /** Values each dimension filter offers, named in the page's language. */
  choices: Record<FilterDim, { key: string; name: string }[]>;
}

/** Catalogue of the survey that names each dimension's values. */
const CATALOG_OF: Partial<Record<FilterDim, string>> = {
  object: 'services',
  touchpoint: 'touchpoints',
};

type Versions = readonly Survey[];
type Deps = Pick<AppDeps, 'db'> & Partial<Pick<AppDeps, 'catalogs'>>;

export interface DashboardOptions {
  filter: DashboardFilter;
  lang: Lang;
  /** Clock for «days since the last response» (tests). */
  now?: Date;
}

/**
 * Gathers the figures of a survey's dashboard. Every figure comes from the report engine over the
 * rollup (`computeReport`, `lastAnswered`) with the view's filters, so the dashboard shows what the
 * report API returns for the same query. The dashboard shows real counts: k-anonymity is for the
 * public pages only.
 *
 * @example
 * const d = await surveyDashboard(deps, versions, { filter, lang: 'ru' });
 * d.latest?.report.summary.satisfactionLevel;
 */
export async function surveyDashboard(
  deps: Deps,
  versions: Versions,
  o: DashboardOptions,
): Promise<SurveyDashboard> {
  const f = o.filter;
  const head = versions.reduce((a, b) => (b.version > a.version ? b : a));
  const base: ReportOptions = { ...rollupFilter(f), timeZone: f.timeZone };
  const byPeriod = await computeReport(deps.db, versions, {
    ...base,
    from: f.from,
    to: f.to,
    groupBy: 'period',
    period: f.period,
  });
  // Every response is in one period: the periods' total is the filter's total.
  const total = byPeriod.total;
  const trend = byPeriod.groups.flatMap((g) => (g.key ? [{ key: g.key, report: g.report }] : []));
  const withAnswers = trend.filter((p) => p.report.responses > 0);
  const latest = withAnswers.at(-1) ?? null;
  // The latest period as far as the filter's days reach; the one before it whole.
  const latestRange = latest ? clipped(latest.key, f) : null;
  const previousKey = latest ? previousPeriod(latest.key, f.period) : null;
  const previousRange = previousKey ? periodRange(previousKey) : null;
  let previous: PeriodPoint | null = null;
  if (previousKey && previousRange) {
    // The trend's point is the whole period unless the filter's `from` cut into it.
    const whole = !f.from || f.from <= previousRange.from;
    previous = (whole ? trend.find((p) => p.key === previousKey) : undefined) ?? {
      key: previousKey,
      report: (await computeReport(deps.db, versions, { ...base, ...previousRange })).total,
    };
  }

  // The body's published catalogues name the services and offices that should be answering.
  const published = (await deps.catalogs?.active()) ?? {};
  const ctx = { ...o, base, latestRange, previousRange, published, head };
  const [services, touchpoints, choices] = await Promise.all([
    dimensionRows(deps.db, versions, 'object', ctx),
    dimensionRows(deps.db, versions, 'touchpoint', ctx),
    filterChoices(deps.db, head, f, o.lang, published),
  ]);
  return { head, versions, total, trend, latest, previous, services, touchpoints, choices };
}

/** The days of a period key, narrowed to the filter's own days where those are narrower. */
function clipped(key: string, f: DashboardFilter): { from: string; to: string } | null {
  const r = periodRange(key);
  if (!r) return null;
  return {
    from: f.from && f.from > r.from ? f.from : r.from,
    to: f.to && f.to < r.to ? f.to : r.to,
  };
}

/** The name of a dimension's value in the page's language. */
function nameOf(dim: FilterDim, key: string, lang: Lang, entries: readonly CatalogEntry[]): string {
  if (dim === 'channel') return channelName(key, lang);
  if (dim === 'respondent') return respondentName(key, lang);
  const e = entries.find((x) => x.id === key);
  return e ? localize(e.text, lang) : key;
}

function catalogEntries(
  head: Survey,
  dim: FilterDim,
  published: Readonly<Record<string, CatalogEntry[]>>,
): readonly CatalogEntry[] {
  const catalog = CATALOG_OF[dim];
  return catalog ? (published[catalog] ?? head.catalogs?.[catalog] ?? []) : [];
}

/**
 * The values each filter offers: those that ever answered (within the version), the catalogue's
 * entries, and those already chosen, so a choice can always be undone.
 */
async function filterChoices(
  db: Db,
  head: Survey,
  f: DashboardFilter,
  lang: Lang,
  published: Readonly<Record<string, CatalogEntry[]>>,
): Promise<SurveyDashboard['choices']> {
  const lists = await Promise.all(
    FILTER_DIMS.map(async (dim) => {
      const seen = await lastAnswered(db, head.id, dim, { version: f.version });
      const entries = catalogEntries(head, dim, published);
      const keys = new Set<string>([
        ...entries.map((e) => e.id),
        ...[...seen.keys()].filter((k): k is string => k !== null),
        ...(dim === 'respondent' ? RESPONDENTS : []),
        ...(f.only[dim] ?? []),
      ]);
      return [...keys].map((key) => ({ key, name: nameOf(dim, key, lang, entries) }));
    }),
  );
  return Object.fromEntries(
    FILTER_DIMS.map((d, i) => [d, lists[i]!]),
  ) as SurveyDashboard['choices'];
}

/**
 * The rows of the service or touchpoint table and silent list: the values chosen in the filter,
 * or else the catalogue's entries and every value that answered under the filter.
 */
async function dimensionRows(
  db: Db,
  versions: Versions,
  dim: 'object' | 'touchpoint',
  o: DashboardOptions & {
    head: Survey;
    base: ReportOptions;
    latestRange: { from: string; to: string } | null;
    previousRange: { from: string; to: string } | null;
    published: Readonly<Record<string, CatalogEntry[]>>;
  },
): Promise<DimensionRow[]> {
  const f = o.filter;
  const groupBy: GroupBy = dim;
  const byKey = async (
    r: { from: string; to: string } | null,
  ): Promise<Map<string | null, SurveyReport>> => {
    if (!r) return new Map();
    const res = await computeReport(db, versions, { ...o.base, ...r, groupBy });
    return new Map(res.groups.map((g) => [g.key, g.report]));
  };
  const [current, previous, seen] = await Promise.all([
    byKey(o.latestRange),
    byKey(o.previousRange),
    lastAnswered(db, o.head.id, dim, rollupFilter(f)),
  ]);
  const entries = catalogEntries(o.head, dim, o.published);
  const keys = new Set<string | null>(f.only[dim] ?? [...entries.map((e) => e.id), ...seen.keys()]);
  const now = (o.now ?? new Date()).getTime();
  const rows: DimensionRow[] = [];
  for (const key of keys) {
    const last = seen.get(key) ?? null;
    rows.push({
      key,
      name: key === null ? '' : nameOf(dim, key, o.lang, entries),
      inCatalog: entries.some((e) => e.id === key),
      current: current.get(key) ?? null,
      previous: previous.get(key) ?? null,
      lastAnsweredAt: last,
      daysSilent: last === null ? null : Math.floor((now - Date.parse(last)) / 86_400_000),
    });
  }
  return rows;
}
