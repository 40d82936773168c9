import { localize, type Survey, type SurveyReport } from '@otklik/core';
import type { AppDeps } from '../../deps.js';
import { PERIOD_KEY } from '../../painmap/parse.js';
import { painMapStore, type PainRow } from '../../painmap/store.js';
import { serviceNames } from '../../painmap/public-routes.js';
import { computeReport, type TouchpointVolume } from '../../reports/index.js';
import { summariseThemes, textSourceOf, type ThemeSummary } from '../../themes/store.js';
import type { Lang } from '../i18n.js';
import { headOf } from '../section.js';
import type { ReportPeriod } from './period.js';

/** Themes of each open question the report lists. */
const THEMES_LISTED = 5;

/** One service or channel: this period and the one before. */
export interface ReportRow {
  key: string | null;
  name: string;
  current: SurveyReport | null;
  previous: SurveyReport | null;
}

export interface SurveyPeriodReport {
  head: Survey;
  current: SurveyReport;
  previous: SurveyReport;
  services: ReportRow[];
  channels: ReportRow[];
  /** Touchpoints that answered before but not in this period, and catalogue ones never heard. */
  silent: { key: string; name: string; lastAnsweredAt: string | null }[];
  themes: { question: string; title: string; total: number; themes: ThemeSummary[] }[];
  /** The pain map of the period's key (a quarter, half-year or year) if it has rows, else the all-time map. */
  painMap: { key: string; rows: PainRow[] };
}

function pair(
  now: { key: string | null; report: SurveyReport }[],
  before: { key: string | null; report: SurveyReport }[],
  name: (k: string | null) => string,
): ReportRow[] {
  const keys = [...new Set([...now.map((g) => g.key), ...before.map((g) => g.key)])];
  return keys
    .map((key) => ({
      key,
      name: name(key),
      current: now.find((g) => g.key === key)?.report ?? null,
      previous: before.find((g) => g.key === key)?.report ?? null,
    }))
    .sort(
      (a, b) =>
        (b.current?.responses ?? 0) - (a.current?.responses ?? 0) ||
        a.name.localeCompare(b.name, 'ru'),
    );
}

/**
 * A survey's figures over a report period and the one before (from the report engine, so they
 * are the API's), per service and channel, its silent touchpoints, open-answer themes and the
 * period's pain-map rows with their status.
 *
 * @example
 * const r = await surveyPeriodReport(deps, versions, period, 'ru');
 */
export async function surveyPeriodReport(
  deps: Pick<AppDeps, 'db' | 'catalogs'>,
  versions: readonly Survey[],
  period: ReportPeriod,
  lang: Lang,
): Promise<SurveyPeriodReport> {
  const head = headOf(versions);
  const now = { from: period.from, to: period.to };
  const before = { from: period.previous.from, to: period.previous.to };
  const [svcNow, svcBefore, chNow, chBefore] = await Promise.all([
    computeReport(deps.db, versions, { ...now, groupBy: 'object' }),
    computeReport(deps.db, versions, { ...before, groupBy: 'object' }),
    computeReport(deps.db, versions, { ...now, groupBy: 'channel' }),
    computeReport(deps.db, versions, { ...before, groupBy: 'channel' }),
  ]);
  const names = await serviceNames(deps, versions);
  const notGiven = lang === 'en' ? '(not given)' : '(не указано)';
  const services = pair(svcNow.groups, svcBefore.groups, (k) =>
    k === null ? notGiven : names(k, lang),
  );
  const channels = pair(chNow.groups, chBefore.groups, (k) => k ?? notGiven);
  const silent = silentTouchpoints(
    svcNow.touchpoints,
    head,
    (await deps.catalogs.active()) ?? {},
    lang,
  );
  const themes: SurveyPeriodReport['themes'] = [];
  for (const q of head.questions) {
    const source = textSourceOf(head, q.id);
    if (!source) continue;
    const s = await summariseThemes(deps.db, head.id, q.id, source);
    themes.push({
      question: q.id,
      title: localize(q.title, lang),
      total: s.total,
      themes: s.themes.slice(0, THEMES_LISTED),
    });
  }
  // The period's own map when it has one, else the all-time map the analysts keep.
  const store = painMapStore(deps.db);
  let key = PERIOD_KEY.test(period.key) ? period.key : '';
  let rows = await store.rows(head.id, key);
  if (rows.length === 0 && key !== '') [key, rows] = ['', await store.rows(head.id, '')];
  return {
    head,
    current: svcNow.total,
    previous: svcBefore.total,
    services,
    channels,
    silent,
    themes,
    painMap: { key, rows },
  };
}

function silentTouchpoints(
  volumes: readonly TouchpointVolume[],
  head: Survey,
  published: Readonly<
    Record<string, readonly { id: string; text: Parameters<typeof localize>[0] }[]>
  >,
  lang: Lang,
): SurveyPeriodReport['silent'] {
  const catalog = published['touchpoints'] ?? head.catalogs?.['touchpoints'] ?? [];
  const nameOf = (k: string) => {
    const e = catalog.find((x) => x.id === k);
    return e ? localize(e.text, lang) : k;
  };
  const heard = new Set(volumes.map((v) => v.touchpoint));
  return [
    ...volumes
      .filter((v) => v.count === 0 && v.touchpoint !== null)
      .map((v) => ({
        key: v.touchpoint!,
        name: nameOf(v.touchpoint!),
        lastAnsweredAt: v.lastAnsweredAt,
      })),
    ...catalog
      .filter((e) => !heard.has(e.id))
      .map((e) => ({ key: e.id, name: nameOf(e.id), lastAnsweredAt: null })),
  ];
}
