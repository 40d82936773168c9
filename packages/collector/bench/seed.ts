/**
 * Bench only: synthetic responses to a template straight into `responses` — realistic answers,
 * generated once and repeated by INSERT … SELECT FROM generate_series over two years, 12 services
 * with 3 touchpoints each, 4 channels, 1 in 10 internal respondents. Row `i` is the same whatever
 * the batch, so a table can be grown in steps (100,000, then up to 1,000,000). The rollup trigger
 * is left to the caller (disable it for speed, then `rebuildRollup`, or skip it when only raw rows
 * are read).
 */
import type { Survey } from '@otklik/core';
import { randomResponses } from '../src/reports/test-seed.js';
import type { Db } from '../src/store/db.js';

/** Distinct answer sets, repeated: enough that no cache makes reading the raw rows trivial. */
export const DISTINCT = 20_000;
const BATCH = 100_000;

/** Inserts rows `from` … `to - 1` (the survey row itself must exist). */
export async function insertSynthetic(
  db: Pick<Db, 'query'>,
  survey: Survey,
  from: number,
  to: number,
): Promise<void> {
  const answers = JSON.stringify(randomResponses(survey, DISTINCT, 7, 0).map((r) => r.answers));
  for (let lo = from; lo < to; lo += BATCH) {
    await db.query(
      `INSERT INTO responses (response_id, survey_id, survey_version, answered_at, lang, channel, object,
                              touchpoint, respondent, answers, body_hash, receipt)
       SELECT gen_random_uuid(), $1, $2,
              timestamptz '2025-01-01 09:00+03' + ((i::bigint * 7919) % 730) * interval '1 day', 'ru',
              (ARRAY['site','kiosk','email','qr'])[(i::bigint * 31) % 4 + 1],
              'svc-' || (t % 12), 'tp-' || t,
              CASE WHEN i % 10 = 0 THEN 'internal' ELSE 'external' END,
              a.arr -> (i % $3), md5(i::text), 'B' || i
         FROM generate_series($4::int, $5::int) AS i
        CROSS JOIN LATERAL (SELECT (i::bigint * 104729) % 36 AS t) AS tp, (SELECT $6::jsonb AS arr) AS a`,
      [survey.id, survey.version, DISTINCT, lo, Math.min(to, lo + BATCH) - 1, answers],
    );
  }
}
