/**
 * The report rollup: counts kept per survey, version, local day, channel, object, touchpoint,
 * respondent kind, question, matrix row and value, so a report reads O(groups) rows, never the
 * responses. A statement-level trigger on `responses` adds each inserted batch's counts in the
 * same statement, hence the same transaction: a row's counts are committed exactly when the row
 * is, whoever inserts it (the ingest writer, an import, a test seed).
 *
 * Rows of `report_rollup` (empty string = none, so the key can be a primary key):
 * - `question = ''`: `n` responses;
 * - `val = ''`: `n` responses answered `question` (a multiple choice, matrix or text; a one-value
 *   question's answered count is the sum of its values);
 * - otherwise `val` (an option id, or a scale point as text) was given `n` times, in matrix row
 *   `row_id` when not ''. Text answers count only as answered; their words stay in `responses`.
 * Only values that fit the question in the response's own survey version are counted (the
 * accumulator's rule, in SQL): a value off the scale or an unknown option is left out, a
 * multi-choice repeats an option once.
 */
import type { Db } from './db.js';

/** The zone whose days the rollup is counted in, unless set otherwise (001 is for Russian bodies). */
export const DEFAULT_ROLLUP_ZONE = 'Europe/Moscow';

/**
 * What each question of each stored survey version accepts, kept in a table filled when a version
 * is published (versions never change): a batch's counts look specs up instead of re-reading the
 * definitions' JSON.
 */
const specSelect = (surveys: string): string => `
SELECT s.id, s.version, q->>'id',
       CASE WHEN q->>'type' = 'matrix' THEN 'x'
            WHEN q->>'type' = 'text' THEN 't'
            WHEN q->>'type' = 'multiple' OR (q->>'type' = 'list' AND q->'multiple' = 'true'::jsonb) THEN 'm'
            ELSE 's' END,
       CASE WHEN q->>'type' IN ('scale', 'matrix') THEN
              COALESCE((SELECT jsonb_object_agg('n:' || v, true) FROM generate_series(
                 COALESCE(q#>>'{scale,min}', q->>'min')::int, COALESCE(q#>>'{scale,max}', q->>'max')::int) AS v), '{}'::jsonb)
              || COALESCE((SELECT jsonb_object_agg('s:' || (o->>'id'), true) FROM jsonb_array_elements(q->'extraOptions') AS o), '{}'::jsonb)
            WHEN q->>'type' IN ('single', 'multiple') OR (q->>'type' = 'list' AND q ? 'options') THEN
              COALESCE((SELECT jsonb_object_agg('s:' || (o->>'id'), true) FROM jsonb_array_elements(q->'options') AS o), '{}'::jsonb)
       END,
       CASE WHEN q->>'type' = 'matrix' THEN
              COALESCE((SELECT jsonb_agg(r->'id') FROM jsonb_array_elements(q->'rows') AS r), '[]'::jsonb)
       END
  FROM ${surveys} AS s, jsonb_array_elements(s.definition->'questions') AS q
 WHERE q->>'type' <> 'statement'
ON CONFLICT DO NOTHING`;

const SPEC_TABLE = `
CREATE TABLE report_question_spec (
  survey_id      text    NOT NULL,
  survey_version integer NOT NULL,
  qid            text    NOT NULL,
  kind           text    NOT NULL,              -- s one value, m several, x matrix, t text
  allowed        jsonb,                         -- {"n:5": true, "s:opt": true}; null: any short string
  rws            jsonb,                         -- matrix row ids
  PRIMARY KEY (survey_id, survey_version, qid)
);
CREATE FUNCTION otklik_spec_add() RETURNS trigger LANGUAGE plpgsql AS $spec$
BEGIN
  INSERT INTO report_question_spec ${specSelect('new_surveys')};
  RETURN NULL;
END
$spec$;
CREATE TRIGGER surveys_spec AFTER INSERT ON surveys
  REFERENCING NEW TABLE AS new_surveys
  FOR EACH STATEMENT EXECUTE FUNCTION otklik_spec_add();
INSERT INTO report_question_spec ${specSelect('surveys')};
`;

/**
 * `allowed` holds `n:<number>` and `s:<option id>` keys, so a fit is one key lookup; null for a
 * run-time catalogue (any short string) and for texts (any non-empty string, only "answered").
 */
const FITS = (e: string): string => `CASE
      WHEN p.kind = 't' THEN jsonb_typeof(${e}) = 'string' AND ${e} <> '""'::jsonb
      WHEN p.allowed IS NULL
      THEN jsonb_typeof(${e}) = 'string' AND ${e} <> '""'::jsonb AND length(${e} #>> '{}') <= 200
      ELSE p.allowed ? (CASE jsonb_typeof(${e}) WHEN 'number' THEN 'n:' || (${e})::text
                                               WHEN 'string' THEN 's:' || (${e} #>> '{}') END) END`;
/** The value as stored: option id, or the scale point as text ("5"). */
const VAL = (e: string): string =>
  `CASE WHEN jsonb_typeof(${e}) = 'number' THEN (${e})::text ELSE ${e} #>> '{}' END`;
const AS = (kind: string, type: string, empty: string): string =>
  `CASE WHEN p.kind = '${kind}' AND jsonb_typeof(s.value) = '${type}' THEN s.value ELSE '${empty}'::jsonb END`;

const KEY = `survey_id, survey_version, day, channel, object, touchpoint, respondent, question, row_id, val`;
const DIMS = 'survey_id, survey_version, answered_at, channel, object, touchpoint, respondent';

/**
 * The elements of each answer of relation `src` (with `survey_id`, `survey_version`, `answers`)
 * that count: `(question, row_id, val)` per value that fits its question (the value; each distinct
 * option of a multi-choice; each matrix row), and, by `GROUPING SETS (…, ())`, one "answered" row
 * (`val` '') when at least one element fits — the accumulator's rule. A one-value question (scale,
 * single choice) has none: its answered count is the sum of its values, and every row spared is
 * an upsert spared per batch. `cols` are carried along.
 */
function answerFactsSql(src: string, cols: string): string {
  // The answers are expanded first (OFFSET 0 keeps the planner from folding the subquery), then
  // hash-joined to the few question specs: one lookup per answer, whatever the batch's size.
  return `
  SELECT ${cols}, s.key AS question, COALESCE(x.row_id, '') AS row_id, COALESCE(x.val, '') AS val
    FROM (SELECT ${cols}, a.key, a.value
            FROM ${src} AS s
           CROSS JOIN LATERAL jsonb_each(
             CASE WHEN jsonb_typeof(s.answers) = 'object' THEN s.answers ELSE '{}'::jsonb END) AS a
          OFFSET 0) AS s
    JOIN qs AS p ON p.survey_id = s.survey_id AND p.survey_version = s.survey_version AND p.qid = s.key
   CROSS JOIN LATERAL (
     SELECT el.row_id, CASE WHEN p.kind = 't' THEN NULL ELSE ${VAL('el.v')} END AS val
       FROM (SELECT '' AS row_id, s.value AS v WHERE p.kind IN ('s', 't')
             UNION ALL
             SELECT '', e.value FROM jsonb_array_elements(${AS('m', 'array', '[]')}) AS e
             UNION ALL
             SELECT m.key, m.value FROM jsonb_each(${AS('x', 'object', '{}')}) AS m
              WHERE p.rws ? m.key) AS el
      WHERE ${FITS('el.v')}
      GROUP BY GROUPING SETS ((1, 2), ())
     HAVING count(*) > 0
   ) AS x
   WHERE x.val IS NOT NULL OR (x.row_id IS NULL AND p.kind <> 's')`;
}

/**
 * The counts of the responses in relation `source` (`responses`, or a trigger's transition
 * table), added into the rollup in one statement: pre-aggregated, so each key is updated once.
 * With `distinctAnswers` (a rebuild), each distinct answer set is expanded once and joined back
 * to its responses — the same counts, far less JSON work when answers repeat.
 */
export function addCountsSql(
  source: string,
  opts: { distinctAnswers?: boolean; lastKey?: 'touchpoint' | 'all'; ordered?: boolean } = {},
): string {
  // Upserts in key order (migration 46): two inserts in flight then lock shared keys in one order.
  const order = (cols: string): string => (opts.ordered ? `\n ORDER BY ${cols}` : '');
  const dims = (t: string): string =>
    DIMS.split(', ')
      .map((c) => `${t}.${c}`)
      .join(', ');
  const answerFacts = opts.distinctAnswers
    ? `
  SELECT ${dims('r')}, f.question, f.row_id, f.val
    FROM ${source} AS r
    JOIN set_facts AS f
      ON f.h = md5(r.answers::text) AND f.survey_id = r.survey_id AND f.survey_version = r.survey_version`
    : answerFactsSql(source, dims('s'));
  const sets = opts.distinctAnswers
    ? `, sets AS MATERIALIZED (
  SELECT DISTINCT survey_id, survey_version, md5(answers::text) AS h, answers FROM ${source}
), set_facts AS MATERIALIZED (${answerFactsSql('sets', 's.survey_id, s.survey_version, s.h')}
)`
    : '';
  return `
WITH qs AS MATERIALIZED (
  SELECT * FROM report_question_spec
   WHERE (survey_id, survey_version) IN (SELECT DISTINCT survey_id, survey_version FROM ${source})
)${sets}, facts AS (
  SELECT ${DIMS}, '' AS question, '' AS row_id, '' AS val FROM ${source}
  UNION ALL${answerFacts}
), days AS MATERIALIZED (
  SELECT f.survey_id COLLATE "C" AS survey_id, f.survey_version,
         (f.answered_at AT TIME ZONE z.time_zone)::date AS day,
         f.channel COLLATE "C" AS channel, COALESCE(f.object, '') COLLATE "C" AS object,
         COALESCE(f.touchpoint, '') COLLATE "C" AS touchpoint, f.respondent COLLATE "C" AS respondent,
         f.question COLLATE "C" AS question, f.row_id COLLATE "C" AS row_id, f.val COLLATE "C" AS val,
         count(*) AS n
    FROM facts AS f CROSS JOIN report_rollup_zone AS z
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
), by_day AS (
  INSERT INTO report_rollup (${KEY}, n)
  SELECT ${KEY}, n FROM days${order(KEY)}
  ON CONFLICT (${KEY}) DO UPDATE SET n = report_rollup.n + excluded.n
)
INSERT INTO report_rollup_month (${KEY}, n)
SELECT survey_id, survey_version, date_trunc('month', day)::date, channel, object, touchpoint,
       respondent, question, row_id, val, sum(n)
  FROM days GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10${order('1, 2, 3, 4, 5, 6, 7, 8, 9, 10')}
ON CONFLICT (${KEY}) DO UPDATE SET n = report_rollup_month.n + excluded.n;
${opts.lastKey === 'touchpoint' ? lastByTouchpointSql(source) : lastSql(source, order('1, 2, 3, 4, 5, 6'))}`;
}

/** Migration 3's latest response per touchpoint (replaced by `lastSql` in migration 45). */
const lastByTouchpointSql = (source: string): string => `
INSERT INTO report_rollup_last (survey_id, survey_version, touchpoint, last_at)
SELECT survey_id, survey_version, COALESCE(touchpoint, ''), max(answered_at)
  FROM ${source} GROUP BY 1, 2, 3
ON CONFLICT (survey_id, survey_version, touchpoint)
DO UPDATE SET last_at = GREATEST(report_rollup_last.last_at, excluded.last_at);
`;

const LAST_KEY = 'survey_id, survey_version, channel, object, touchpoint, respondent';

/**
 * The latest response per survey, version, channel, service, touchpoint and respondent kind: a
 * few hundred rows per survey at most, from which «silent for N days» and the surveys list's
 * «latest response» are read under any combination of filters.
 */
const lastSql = (source: string, orderBy = ''): string => `
INSERT INTO report_rollup_last (${LAST_KEY}, last_at)
SELECT survey_id, survey_version, channel, COALESCE(object, ''), COALESCE(touchpoint, ''),
       respondent, max(answered_at)
  FROM ${source} GROUP BY 1, 2, 3, 4, 5, 6${orderBy}
ON CONFLICT (${LAST_KEY})
DO UPDATE SET last_at = GREATEST(report_rollup_last.last_at, excluded.last_at);
`;

/**
 * Migration 3: the rollup tables, the trigger that keeps them, and the backfill of the responses
 * already stored. A released migration never changes: a new counting rule is a new migration that
 * replaces the function and rebuilds.
 */
export const ROLLUP_MIGRATION_SQL = `
CREATE TABLE report_rollup_zone (
  one       boolean PRIMARY KEY DEFAULT true CHECK (one),
  time_zone text    NOT NULL
);
INSERT INTO report_rollup_zone (time_zone) VALUES ('${DEFAULT_ROLLUP_ZONE}');

CREATE TABLE report_rollup (
  survey_id      text    COLLATE "C" NOT NULL,
  survey_version integer NOT NULL,
  day            date    NOT NULL,              -- local day of answered_at in report_rollup_zone
  channel        text    COLLATE "C" NOT NULL,
  object         text    COLLATE "C" NOT NULL,              -- '' = none
  touchpoint     text    COLLATE "C" NOT NULL,              -- '' = none
  respondent     text    COLLATE "C" NOT NULL,
  question       text    COLLATE "C" NOT NULL,              -- '' = the response count
  row_id         text    COLLATE "C" NOT NULL,              -- '' = not a matrix row
  val            text    COLLATE "C" NOT NULL,              -- '' = "answered"
  n              bigint  NOT NULL,
  PRIMARY KEY (survey_id, day, survey_version, channel, object, touchpoint, respondent, question, row_id, val)
);

-- The same counts per month (day = its first day): the whole months of a report read these.
CREATE TABLE report_rollup_month (LIKE report_rollup INCLUDING ALL);

-- The latest response per touchpoint ever (000 §35: a touchpoint that fell silent is a signal).
CREATE TABLE report_rollup_last (
  survey_id      text        NOT NULL,
  survey_version integer     NOT NULL,
  touchpoint     text        NOT NULL,          -- '' = none
  last_at        timestamptz NOT NULL,
  PRIMARY KEY (survey_id, survey_version, touchpoint)
);
${SPEC_TABLE}
-- JIT off: compiling this statement took longer than running it on a batch.
CREATE FUNCTION otklik_rollup_add() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $rollup$
BEGIN
${addCountsSql('new_rows', { lastKey: 'touchpoint' })}
  RETURN NULL;
END
$rollup$;

CREATE TRIGGER responses_rollup AFTER INSERT ON responses
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION otklik_rollup_add();
${addCountsSql('responses', { distinctAnswers: true, lastKey: 'touchpoint' })}
`;

/**
 * Migration 45: the latest response is kept per channel, service, touchpoint and respondent kind
 * too (it was per touchpoint), so the dashboard's «silent» lists and the surveys list read it from
 * the rollup under any filter instead of scanning `responses`.
 */
export const ROLLUP_LAST_MIGRATION_SQL = `
ALTER TABLE report_rollup_last DROP CONSTRAINT report_rollup_last_pkey;
ALTER TABLE report_rollup_last
  ADD COLUMN channel    text NOT NULL DEFAULT '',
  ADD COLUMN object     text NOT NULL DEFAULT '',
  ADD COLUMN respondent text NOT NULL DEFAULT '';
DELETE FROM report_rollup_last;
ALTER TABLE report_rollup_last ADD PRIMARY KEY (${LAST_KEY});
CREATE OR REPLACE FUNCTION otklik_rollup_add() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $rollup$
BEGIN
${addCountsSql('new_rows')}
  RETURN NULL;
END
$rollup$;
${lastSql('responses')}`;

/**
 * Migration 46: the trigger upserts each table's keys in key order. Each PostgreSQL connection
 * plans the trigger's statements at its first batch, for that batch's size, so two connections
 * could group the same keys sorted on one and hashed on the other: two batches in flight
 * (`INGEST_FLUSHES=2`) then took shared keys in opposite orders and deadlocked (one answered 503).
 * Every transaction now takes report_rollup_month's keys, then report_rollup's, then
 * report_rollup_last's, each in ascending order, so none waits for another that waits for it.
 */
export const ROLLUP_ORDERED_MIGRATION_SQL = `
CREATE OR REPLACE FUNCTION otklik_rollup_add() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $rollup$
BEGIN
${addCountsSql('new_rows', { ordered: true })}
  RETURN NULL;
END
$rollup$;`;

/** The zone the rollup's days are counted in. */
export async function rollupZone(db: Pick<Db, 'query'>): Promise<string> {
  const rows = await db.query<{ time_zone: string }>('SELECT time_zone FROM report_rollup_zone');
  return rows[0]?.time_zone ?? DEFAULT_ROLLUP_ZONE;
}

/**
 * Rebuilds the rollup from the raw responses (optionally in another zone), in one transaction
 * that holds off inserts meanwhile, so no batch is counted twice or missed.
 *
 * @returns the responses counted and the zone.
 * @example
 * await rebuildRollup(db, { timeZone: 'Asia/Yekaterinburg' });
 */
export async function rebuildRollup(
  db: Pick<Db, 'transaction' | 'kind'>,
  opts: { timeZone?: string } = {},
): Promise<{ responses: number; timeZone: string }> {
  return db.transaction(async (tx) => {
    await tx.query('LOCK TABLE responses IN SHARE MODE');
    if (opts.timeZone !== undefined) {
      await tx.query('UPDATE report_rollup_zone SET time_zone = $1', [opts.timeZone]);
    }
    await tx.query('SET LOCAL jit = off');
    // More memory per sort makes the recount faster on PostgreSQL, where it is returned after
    // the transaction; PGlite's WASM heap would keep it until the process ends (+560 MB over
    // 100,000 responses), so there it recounts within its configured work_mem, a third slower.
    if (db.kind === 'postgres') await tx.query(`SET LOCAL work_mem = '256MB'`);
    await tx.query('DELETE FROM report_rollup');
    await tx.query('DELETE FROM report_rollup_month');
    await tx.query('DELETE FROM report_rollup_last');
    await tx.query(addCountsSql('responses', { distinctAnswers: true }));
    const [row] = await tx.query<{ n: number }>('SELECT count(*)::float8 AS n FROM responses');
    return { responses: row?.n ?? 0, timeZone: await rollupZone(tx) };
  });
}

/**
 * Makes the rollup count days in `timeZone` (the collector's TIME_ZONE): rebuilds it when the
 * zone changed, else does nothing.
 *
 * @returns whether it rebuilt.
 */
export async function ensureRollupZone(db: Db, timeZone: string): Promise<boolean> {
  if ((await rollupZone(db)) === timeZone) return false;
  await rebuildRollup(db, { timeZone });
  return true;
}
