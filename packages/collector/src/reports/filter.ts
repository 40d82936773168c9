/** Which responses a report, an export or a pain map covers. */
export interface ResponseFilter {
  /** First day included, `YYYY-MM-DD`, in `timeZone`. */
  from?: string | undefined;
  /** Last day included, `YYYY-MM-DD`, in `timeZone`. */
  to?: string | undefined;
  /** Only this survey version (default: every version). */
  version?: number | undefined;
  /** IANA zone the days and periods are counted in (default `UTC`). */
  timeZone?: string | undefined;
}

/**
 * SQL conditions on `responses` for a filter, with every value as a parameter appended to
 * `params` (placeholders continue from its length). Periods and days use `answered_at`, the time
 * the respondent finished, so a response queued offline is filed under the day it was given.
 *
 * @example
 * const params: unknown[] = [];
 * const where = filterSql('belgorod-typical', { from: '2026-01-01' }, params);
 * // where: "survey_id = $1 AND answered_at >= ($2::date::timestamp AT TIME ZONE $3::text)"
 */
export function filterSql(surveyId: string, f: ResponseFilter, params: unknown[]): string {
  const p = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  const parts = [`survey_id = ${p(surveyId)}`];
  const tz = f.timeZone ?? 'UTC';
  if (f.from !== undefined)
    parts.push(`answered_at >= (${p(f.from)}::date::timestamp AT TIME ZONE ${p(tz)}::text)`);
  // `to` is a whole day: everything before the next midnight.
  if (f.to !== undefined)
    parts.push(`answered_at < ((${p(f.to)}::date + 1)::timestamp AT TIME ZONE ${p(tz)}::text)`);
  if (f.version !== undefined) parts.push(`survey_version = ${p(f.version)}`);
  return parts.join(' AND ');
}
