/**
 * What may be published of a survey's figures: the one place that decides k-anonymity for public
 * pages and public data (the admin dashboard shows analysts the real counts).
 */
import { headlineQuestion, type Survey } from '@otklik/core';
import type { Db } from '../store/db.js';
import { computeReport } from '../reports/index.js';
import { newest, reportQuestions } from '../reports/questions.js';
import {
  discloseReports,
  LEVELS,
  type PeriodReports,
  type PublicReports,
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
  type PublicReport,
  type PublicReports,
} from './public-report.js';
export { suppress, type Line, type SuppressOptions } from './suppress.js';

/**
 * The public figures of a survey at every period level, suppressed together so that no page of
 * the results (all time, a year, a half-year, a quarter, a month) can be subtracted from another
 * to recover a withheld count.
 *
 * @example
 * const pub = await publicResults(db, await surveys.versions('kiosk-pulse'), 5);
 * pub.groups.quarter.map((g) => [g.key, g.report.responses]); // [['2026-Q1', 41], ['2026-Q2', 'hidden']]
 */
export async function publicResults(
  db: Pick<Db, 'query'> & Partial<Pick<Db, 'transaction'>>,
  versions: readonly Survey[],
  k: number,
): Promise<PublicReports> {
  const total = (await computeReport(db, versions)).total;
  const groups = {} as PeriodReports['groups'];
  for (const level of LEVELS) {
    const r = await computeReport(db, versions, { groupBy: 'period', period: level });
    groups[level] = r.groups.flatMap((g) =>
      g.key === null ? [] : [{ key: g.key, report: g.report }],
    );
  }
  return discloseReports(
    { total, groups },
    { k, questions: reportQuestions(versions), headline: headlineQuestion(newest(versions)) },
  );
}
