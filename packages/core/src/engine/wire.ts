/**
 * The survey-independent rules of the response wire format, as plain data: the engine's
 * `validateResponse` checks them at run time, and the zod schema `ZSurveyResponse` (hence the
 * published `response.schema.json`) is built from these same constants, so the three cannot drift
 * apart. A property test (`schema/agree.property.test.ts`) holds them to it.
 */

/** Languages of a response and of the widget. */
export const LANGS = ['ru', 'en'] as const;
/** Who answered: a citizen or business (`external`), or an employee (`internal`). */
export const RESPONDENTS = ['external', 'internal'] as const;

/** Largest version number: `surveys.version` and `responses.survey_version` are int4 columns. */
export const MAX_VERSION = 2_147_483_647;

/** A client-made UUID (versions 1–8, RFC 9562 variant); the nil and max UUIDs are not ids. */
export const UUID =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;

// A calendar date, leap years included, so that 30 February fails in the JSON Schema too.
const DATE =
  '(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
  '|(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)';
const TIME =
  '(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,9})?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)';

/**
 * An ISO 8601 date-time with seconds and a zone, as `Date.prototype.toISOString` writes it.
 * `Date.parse` alone accepts "1" and 30 February.
 */
export const ISO_DATE_TIME = new RegExp(`^${DATE}T${TIME}$`);

/**
 * Text PostgreSQL can store: no U+0000 (text and jsonb refuse it) and no unpaired UTF-16
 * surrogate (not a character; it cannot be encoded as UTF-8). With the `u` flag a proper pair is
 * one code point outside the excluded range, so emoji pass.
 */
// eslint-disable-next-line no-control-regex -- matching U+0000 is the point
export const WELL_FORMED_TEXT = /^[^\u0000\uD800-\uDFFF]*$/u;

/** Whether a string can be stored as it is (see `WELL_FORMED_TEXT`). */
export const isWellFormedText = (s: string): boolean => WELL_FORMED_TEXT.test(s);
