/**
 * Versioned migrations, applied in order at start inside one transaction each; the applied
 * versions are recorded in `otklik_migrations`. Never edit a released migration: add a new one.
 *
 * No column holds an IP address, a user agent or any other client identifier (docs/privacy.md).
 */
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
    version: 5,
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
];
