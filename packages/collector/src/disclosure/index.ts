/**
 * What may be published of a survey's figures: the one place that decides k-anonymity for public
 * pages and public data (the admin dashboard shows analysts the real counts).
 */
import { headlineQuestion, type Survey, type SurveyReport } from '@otklik/core';
import type { Db } from '../store/db.js';
import { computeReport } from '../reports/index.js';
import { newest, reportQuestions } from '../reports/questions.js';
import {
  discloseReports,
  LEVELS,
  type PeriodReports,
  type PublicReports,
  type ServiceTree,
} from './public-report.js';

export {
  discloseReports,
  HIDDEN,
  LEVELS,
  MIN_CELL,
  parentKey,
  type Hidden,
  type Level,
  type Masked,
  type PeriodReports,
  type PeriodTree,
  type PublicReport,
  type PublicReports,
  type ServiceTree,
} from './public-report.js';
export { suppress, type Line, type SuppressOptions } from './suppress.js';

/**
 * The public figures of a survey at every period level, for the whole survey and for each service
 * (the `object` of responses), suppressed together so that no page of the results (all time, a
 * year, a half-year, a quarter, a month; the survey or one service) can be subtracted from another
 * to recover a withheld count.
 *
 * @example
 * const pub = await publicResults(db, await surveys.versions('kiosk-pulse'), 5);
 * pub.groups.quarter.map((g) => [g.key, g.report.responses]); // [['2026-Q1', 41], ['2026-Q2', 'hidden']]
 * pub.services.map((s) => [s.service, s.total.responses]); // [['licence', 30], [null, 'hidden']]
 */
export async function publicResults(
  db: Pick<Db, 'query'> & Partial<Pick<Db, 'transaction'>>,
  versions: readonly Survey[],
  k: number,
): Promise<PublicReports> {
  const byService = await computeReport(db, versions, { groupBy: 'object' });
  const trees = new Map<string | null, ServiceTree<SurveyReport>>();
  for (const g of byService.groups)
    trees.set(g.key, { service: g.key, total: g.report, groups: emptyGroups() });
  const groups = emptyGroups();
  for (const level of LEVELS) {
    const r = await computeReport(db, versions, { groupBy: 'period', period: level });
    groups[level] = r.groups.flatMap((g) =>
      g.key === null ? [] : [{ key: g.key, report: g.report }],
    );
    const split = await computeReport(db, versions, {
      groupBy: ['object', 'period'],
      period: level,
    });
    for (const g of split.groups) {
      const [service, key] = g.keys ?? [null, null];
      if (key !== null) trees.get(service)?.groups[level].push({ key, report: g.report });
    }
  }
  return discloseReports(
    { total: byService.total, groups, services: [...trees.values()] },
    { k, questions: reportQuestions(versions), headline: headlineQuestion(newest(versions)) },
  );
}

function emptyGroups(): PeriodReports['groups'] {
  return { year: [], 'half-year': [], quarter: [], month: [] };
}
