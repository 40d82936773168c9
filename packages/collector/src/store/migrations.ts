/**
 * Versioned migrations, applied in order at start inside one transaction each; the applied
 * versions are recorded in `otklik_migrations`. Never edit a released migration: add a new one.
 *
 * No column holds an IP address, a user agent or any other client identifier (docs/privacy.md).
 */
import {
  ROLLUP_LAST_MIGRATION_SQL,
  ROLLUP_MIGRATION_SQL,
  ROLLUP_ORDERED_MIGRATION_SQL,
} from './rollup.js';

export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'surveys and responses',
    sql: `
CREATE TABLE surveys (
  id            text        NOT NULL,
  version       integer     NOT NULL,
  definition    jsonb       NOT NULL,
  published_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, version)
);

CREATE TABLE responses (
  response_id    uuid        PRIMARY KEY,           -- client-made idempotency key
  survey_id      text        NOT NULL,
  survey_version integer     NOT NULL,
  received_at    timestamptz NOT NULL DEFAULT now(),
  answered_at    timestamptz NOT NULL,              -- period attribution (device time if plausible)
  lang           text        NOT NULL,
  channel        text        NOT NULL,
  object         text,
  touchpoint     text,
  respondent     text        NOT NULL,
  answers        jsonb       NOT NULL,
  specify        jsonb,
  body_hash      text        NOT NULL,              -- sha-256 of the normalised response: same UUID + other body → 409
  receipt        text        NOT NULL,              -- short code shown to the respondent
  FOREIGN KEY (survey_id, survey_version) REFERENCES surveys (id, version)
);

CREATE INDEX responses_survey_time ON responses (survey_id, answered_at);
`,
  },
  {
    version: 2,
    name: 'keyset paging of responses',
    // The admin API pages by (received_at, response_id) per survey; without this index every page
    // would sort the survey's responses again.
    sql: `CREATE INDEX responses_survey_received ON responses (survey_id, received_at, response_id);`,
  },
  {
    version: 3,
    name: 'report rollup',
    // Reports read pre-aggregated counts kept by a trigger in the insert's own statement (rollup.ts).
    sql: ROLLUP_MIGRATION_SQL,
  },
  {
    version: 4,
    name: 'catalogues',
    // Catalogues (services, municipalities, touchpoints) belong to the body, not to a survey
    // version: they change without republishing. An entry is never deleted, only retired, so the
    // responses that named it keep a label in reports and exports.
    sql: `
CREATE TABLE catalog_entries (
  catalog     text        NOT NULL,
  id          text        NOT NULL,
  text        jsonb       NOT NULL,
  position    integer     NOT NULL,
  retired_at  timestamptz,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (catalog, id)
);`,
  },
  {
    version: 20,
    name: 'themes of open answers',
    // Themes group the free texts of one question (a text answer or the texts typed into options
    // with `specify`). `origin` says who made a theme or an assignment: 'auto' rows come from the
    // grouping, 'analyst' rows from a person's edit, and the grouping never overwrites those.
    // An assignment row with no theme is an answer seen and left unsorted.
    sql: `
CREATE TABLE themes (
  theme_id    uuid        PRIMARY KEY,
  survey_id   text        NOT NULL,
  question    text        NOT NULL,
  name        text,                                  -- the analyst's name; NULL: named by terms
  terms       jsonb       NOT NULL,                  -- top terms as words, strongest first
  centroid    jsonb       NOT NULL,                  -- stem → weight, unit length
  origin      text        NOT NULL CHECK (origin IN ('auto', 'analyst')),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX themes_question ON themes (survey_id, question);

CREATE TABLE theme_assignments (
  response_id uuid NOT NULL REFERENCES responses (response_id) ON DELETE CASCADE,
  question    text NOT NULL,
  option      text NOT NULL DEFAULT '',              -- '' for a text answer, else the option id
  survey_id   text NOT NULL,
  theme_id    uuid REFERENCES themes (theme_id) ON DELETE SET NULL,
  origin      text NOT NULL CHECK (origin IN ('auto', 'analyst')),
  PRIMARY KEY (response_id, question, option)
);
CREATE INDEX theme_assignments_question ON theme_assignments (survey_id, question, theme_id);`,
  },
  {
    version: 30,
    name: 'pain map, decisions, survey settings, receipt lookup',
    // The stored pain map: rows per survey and period, edited by analysts; every edit is appended
    // to pain_map_changes (who is a token label or role, never a person's data). Decisions are
    // what the analysts publish on the results page («Вы сказали — мы сделали»). Receipts are
    // looked up from the public page, so they get an index.
    sql: `
CREATE TABLE pain_map_rows (
  id           bigserial   PRIMARY KEY,
  survey_id    text        NOT NULL,
  period       text        NOT NULL,              -- '' = all time, else e.g. 2026-Q1
  object       text,                              -- service / process id (catalogue), or null
  process      text        NOT NULL,              -- «Наименование процесса» as printed
  problem      text        NOT NULL,
  source       text        NOT NULL,              -- problem | low-score | theme | appeal | inspection | other
  prevalence   text        NOT NULL,              -- high | medium | low
  priority     text        NOT NULL DEFAULT '',
  measures     text        NOT NULL DEFAULT '',
  responsible  text        NOT NULL DEFAULT '',
  deadline     text        NOT NULL DEFAULT '',
  status       text        NOT NULL DEFAULT 'planned',
  evidence     jsonb,                             -- counts and shares behind a suggested row
  position     integer     NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pain_map_rows_survey ON pain_map_rows (survey_id, period, position, id);

CREATE TABLE pain_map_changes (
  id         bigserial   PRIMARY KEY,
  row_id     bigint      NOT NULL REFERENCES pain_map_rows (id),
  at         timestamptz NOT NULL DEFAULT now(),
  actor      text        NOT NULL,
  field      text        NOT NULL,
  old_value  text,
  new_value  text
);
CREATE INDEX pain_map_changes_row ON pain_map_changes (row_id, id);

CREATE TABLE decisions (
  id            bigserial   PRIMARY KEY,
  survey_id     text        NOT NULL,
  object        text,
  pain_row_id   bigint      REFERENCES pain_map_rows (id),
  text          jsonb       NOT NULL,             -- { ru, en? }
  status        text        NOT NULL,             -- planned | in-progress | done | rejected
  decided_on    date,
  due_on        date,
  done_on       date,
  published     boolean     NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX decisions_survey ON decisions (survey_id, object);

CREATE TABLE survey_settings (
  survey_id   text        PRIMARY KEY,
  appeal_url  text,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX responses_receipt ON responses (receipt);
`,
  },
  {
    version: 45,
    name: 'rollup: latest response per channel, service, touchpoint and respondent kind',
    // The dashboard and the surveys list read «latest response» from the rollup (rollup.ts).
    sql: ROLLUP_LAST_MIGRATION_SQL,
  },
  {
    version: 46,
    name: 'rollup: keys upserted in key order (no deadlock between two batches in flight)',
    // Two flushes in flight on PostgreSQL deadlocked on shared rollup keys (rollup.ts).
    sql: ROLLUP_ORDERED_MIGRATION_SQL,
  },
];
