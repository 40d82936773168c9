import { localize, type CatalogEntry, type Survey, type SurveyReport } from '@otklik/core';
import type { AppDeps } from '../deps.js';
import { computeReport, filterSql, type GroupBy, type ReportOptions } from '../reports/index.js';
import type { Db } from '../store/db.js';
import type { DashboardFilter, SliceDim } from './filters.js';
import type { Lang } from './i18n.js';
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
  /** Values the slice selector offers. */
  choices: Record<SliceDim, { key: string; name: string }[]>;
}

/** Catalogue of the survey that names each dimension's values. */
const CATALOG_OF: Partial<Record<SliceDim, string>> = {
  object: 'services',
  touchpoint: 'touchpoints',
};

/** At most this many periods are computed one by one for a sliced trend (one query each). */
const MAX_SLICED_PERIODS = 24;

type Versions = readonly Survey[];

/** The latest response of each value of a column (`object` or `touchpoint`) of a survey. */
async function lastSeen(
  db: Pick<Db, 'query'>,
  surveyId: string,
  column: 'object' | 'touchpoint',
  version: number | undefined,
): Promise<Map<string | null, string>> {
  const params: unknown[] = [];
  const where = filterSql(surveyId, { version }, params);
  // `column` comes from the fixed union above, never from the request.
  const rows = await db.query<{ key: string | null; last: unknown }>(
    `SELECT ${column} AS key, max(answered_at) AS last FROM responses WHERE ${where} GROUP BY ${column}`,
    params,
  );
  return new Map(
    rows.map((r) => [
      r.key,
      (r.last instanceof Date ? r.last : new Date(String(r.last))).toISOString(),
    ]),
  );
}

/**
 * Volume and latest response of every survey that has responses (the surveys list).
 *
 * @example
 * const v = await surveyVolumes(deps.db); v.get('kiosk-pulse'); // { responses: 12, last: '2026-…' }
 */
export async function surveyVolumes(
  db: Pick<Db, 'query'>,
): Promise<Map<string, { responses: number; last: string }>> {
  const rows = await db.query<{ id: string; n: number; last: unknown }>(
    'SELECT survey_id AS id, count(*)::int AS n, max(answered_at) AS last FROM responses GROUP BY survey_id',
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        responses: r.n,
        last: (r.last instanceof Date ? r.last : new Date(String(r.last))).toISOString(),
      },
    ]),
  );
}

export interface DashboardOptions {
  filter: DashboardFilter;
  lang: Lang;
  /** Clock for «days since the last response» (tests). */
  now?: Date;
}

/**
 * Gathers the figures of a survey's dashboard. Every figure comes from the report engine
 * (`computeReport`), so the dashboard shows what the report API returns for the same filter; a
 * slice (one channel, service or touchpoint) is the engine's group of that key. The dashboard
 * shows real counts: k-anonymity is for the public pages only.
 *
 * @example
 * const d = await surveyDashboard(deps, versions, { filter, lang: 'ru' });
 * d.latest?.report.summary.satisfactionLevel;
 */
export async function surveyDashboard(
  deps: Pick<AppDeps, 'db'> & Partial<Pick<AppDeps, 'catalogs'>>,
  versions: Versions,
  o: DashboardOptions,
): Promise<SurveyDashboard> {
  const f = o.filter;
  const head = versions.reduce((a, b) => (b.version > a.version ? b : a));
  const base: ReportOptions = { version: f.version, timeZone: f.timeZone };
  const inRange: ReportOptions = { ...base, from: f.from, to: f.to };
  const slice = f.slice;
  /** The report of `opts`, narrowed to the slice when there is one. */
  const sliced = async (opts: ReportOptions): Promise<SurveyReport> => {
    if (!slice) return (await computeReport(deps.db, versions, opts)).total;
    const r = await computeReport(deps.db, versions, { ...opts, groupBy: slice.dim });
    return r.groups.find((g) => g.key === slice.key)?.report ?? emptyLike(r.total);
  };

  const byPeriod = await computeReport(deps.db, versions, {
    ...inRange,
    groupBy: 'period',
    period: f.period,
  });
  // Unsliced, the periods' total is the filter's total: every response is in one period.
  const total = slice ? await sliced(inRange) : byPeriod.total;
  const keys = byPeriod.groups.map((g) => g.key).filter((k): k is string => k !== null);
  let trend: PeriodPoint[];
  if (!slice) {
    trend = byPeriod.groups.flatMap((g) => (g.key ? [{ key: g.key, report: g.report }] : []));
  } else {
    trend = [];
    for (const key of keys.slice(-MAX_SLICED_PERIODS)) {
      const r = periodRange(key);
      if (r) trend.push({ key, report: await sliced({ ...base, ...clip(r, f) }) });
    }
  }
  const withAnswers = trend.filter((p) => p.report.responses > 0);
  const latest = withAnswers.at(-1) ?? null;
  let previous: PeriodPoint | null = null;
  if (latest) {
    const key = previousPeriod(latest.key, f.period);
    const r = key ? periodRange(key) : null;
    if (key && r) {
      previous = trend.find((p) => p.key === key) ?? {
        key,
        report: await sliced({ ...base, ...r }),
      };
    }
  }

  // The body's published catalogues name the services and offices that should be answering.
  const published = (await deps.catalogs?.active()) ?? {};
  const [services, touchpoints] = await Promise.all(
    (['object', 'touchpoint'] as const).map((dim) =>
      dimensionRows(deps.db, versions, head, dim, { ...o, latest, previous, base, published }),
    ),
  );
  return {
    head,
    versions,
    total,
    trend,
    latest,
    previous,
    services: services!,
    touchpoints: touchpoints!,
    choices: {
      channel: Object.keys(byPeriod.total.channels).map((k) => ({ key: k, name: k })),
      object: services!.filter((r) => r.key !== null).map((r) => ({ key: r.key!, name: r.name })),
      touchpoint: touchpoints!
        .filter((r) => r.key !== null)
        .map((r) => ({ key: r.key!, name: r.name })),
    },
  };
}

/** The filter's own days win over a period's where they are narrower. */
function clip(r: { from: string; to: string }, f: DashboardFilter): { from: string; to: string } {
  return {
    from: f.from && f.from > r.from ? f.from : r.from,
    to: f.to && f.to < r.to ? f.to : r.to,
  };
}

/** A report with no responses, shaped like `r` (a slice that has none). */
function emptyLike(r: SurveyReport): SurveyReport {
  return {
    ...r,
    responses: 0,
    problems: 0,
    channels: {},
    summary: { satisfactionLevel: null, satisfiedShare: null, nps: null, effortIndex: null },
    questions: [],
  };
}

async function dimensionRows(
  db: Db,
  versions: Versions,
  head: Survey,
  dim: 'object' | 'touchpoint',
  o: DashboardOptions & {
    latest: PeriodPoint | null;
    previous: PeriodPoint | null;
    base: ReportOptions;
    published: Readonly<Record<string, CatalogEntry[]>>;
  },
): Promise<DimensionRow[]> {
  const f = o.filter;
  const groupBy: GroupBy = dim;
  const byKey = async (p: PeriodPoint | null): Promise<Map<string | null, SurveyReport>> => {
    const r = p ? periodRange(p.key) : null;
    if (!r) return new Map();
    const res = await computeReport(db, versions, { ...o.base, ...r, groupBy });
    return new Map(res.groups.map((g) => [g.key, g.report]));
  };
  const [current, previous, seen] = await Promise.all([
    byKey(o.latest),
    byKey(o.previous),
    lastSeen(db, head.id, dim, f.version),
  ]);
  const catalog = CATALOG_OF[dim];
  const entries = catalog ? (o.published[catalog] ?? head.catalogs?.[catalog] ?? []) : [];
  const keys = new Set<string | null>([...entries.map((e) => e.id), ...seen.keys()]);
  const now = (o.now ?? new Date()).getTime();
  const rows: DimensionRow[] = [];
  for (const key of keys) {
    const entry = entries.find((e) => e.id === key);
    const last = seen.get(key) ?? null;
    rows.push({
      key,
      name: entry ? localize(entry.text, o.lang) : (key ?? ''),
      inCatalog: entry !== undefined,
      current: current.get(key) ?? null,
      previous: previous.get(key) ?? null,
      lastAnsweredAt: last,
      daysSilent: last === null ? null : Math.floor((now - Date.parse(last)) / 86_400_000),
    });
  }
  return rows;
}
