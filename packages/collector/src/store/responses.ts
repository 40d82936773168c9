import type { SurveyResponse } from '@otklik/core';
import { canonicalJson, sha256Hex } from './canonical.js';
import type { Db } from './db.js';
import { receiptFor } from './receipt.js';

/** How far back a device clock is believed (a queued response may wait offline this long). */
export const ANSWERED_AT_MAX_AGE_MS = 30 * 24 * 3600 * 1000;
/** How far ahead of the server a device clock may run and still be believed. */
export const ANSWERED_AT_MAX_SKEW_MS = 5 * 60 * 1000;

/** One row of `responses`, ready to insert. */
export interface ResponseRow {
  responseId: string;
  surveyId: string;
  surveyVersion: number;
  receivedAt: string;
  answeredAt: string;
  lang: string;
  channel: string;
  object: string | null;
  touchpoint: string | null;
  respondent: string;
  /** JSON text */
  answers: string;
  /** JSON text or null */
  specify: string | null;
  bodyHash: string;
  receipt: string;
}

/**
 * The period a response is filed under: the device's `answeredAt` when plausible (within 30 days
 * before and 5 minutes after receipt), otherwise the time it was received.
 */
export function answeredAtFor(claimed: string | undefined, received: Date): Date {
  if (claimed === undefined) return received;
  const t = Date.parse(claimed);
  if (Number.isNaN(t)) return received;
  const r = received.getTime();
  return t >= r - ANSWERED_AT_MAX_AGE_MS && t <= r + ANSWERED_AT_MAX_SKEW_MS
    ? new Date(t)
    : received;
}

/**
 * Turns a validated response into a row. `bodyHash` covers the whole normalised response (canonical
 * JSON: sorted keys), so a retry of the same response matches and any other body under the same id
 * does not.
 *
 * @example
 * const row = toRow(validated.value, new Date());
 */
export function toRow(value: SurveyResponse, received: Date): ResponseRow {
  const responseId = value.responseId.toLowerCase();
  const { answers, specify, ...rest } = value;
  // Answers are serialised once, canonically, and that same text is both stored and hashed.
  const answersJson = canonicalJson(answers);
  const specifyJson = specify === undefined ? null : canonicalJson(specify);
  const head = canonicalJson({ ...rest, responseId });
  return {
    responseId,
    surveyId: value.surveyId,
    surveyVersion: value.surveyVersion,
    receivedAt: received.toISOString(),
    answeredAt: answeredAtFor(value.answeredAt, received).toISOString(),
    lang: value.lang,
    channel: value.context.channel,
    // The effective object: validateResponse put the answer to the bound question here (core's
    // effectiveContext), so per-service reports see the service the respondent picked.
    object: value.context.object ?? null,
    touchpoint: value.context.touchpoint ?? null,
    respondent: value.context.respondent,
    answers: answersJson,
    specify: specifyJson,
    bodyHash: sha256Hex(`${head}\n${answersJson}\n${specifyJson ?? ''}`),
    receipt: receiptFor(responseId),
  };
}

const INSERT_SQL = `
INSERT INTO responses (response_id, survey_id, survey_version, received_at, answered_at, lang,
  channel, object, touchpoint, respondent, answers, specify, body_hash, receipt)
SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::timestamptz[], $5::timestamptz[],
  $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::jsonb[], $12::jsonb[],
  $13::text[], $14::text[])
ON CONFLICT (response_id) DO NOTHING
RETURNING response_id`;

/**
 * Inserts rows with distinct ids in ONE statement (group commit) and returns the ids it inserted;
 * ids already stored are skipped, not overwritten.
 *
 * @example
 * const inserted = await insertResponses(db, rows); // Set of response ids
 */
export async function insertResponses(
  db: Pick<Db, 'query'>,
  rows: readonly ResponseRow[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  // In id order: two batches in flight (INGEST_FLUSHES=2) that share ids — a retry racing its
  // first attempt — then wait for each other's ids in one order instead of deadlocking.
  const sorted = [...rows].sort((a, b) =>
    a.responseId < b.responseId ? -1 : a.responseId > b.responseId ? 1 : 0,
  );
  const cols: unknown[][] = Array.from({ length: 14 }, () => new Array<unknown>(rows.length));
  sorted.forEach((r, i) => {
    cols[0]![i] = r.responseId;
    cols[1]![i] = r.surveyId;
    cols[2]![i] = r.surveyVersion;
    cols[3]![i] = r.receivedAt;
    cols[4]![i] = r.answeredAt;
    cols[5]![i] = r.lang;
    cols[6]![i] = r.channel;
    cols[7]![i] = r.object;
    cols[8]![i] = r.touchpoint;
    cols[9]![i] = r.respondent;
    cols[10]![i] = r.answers;
    cols[11]![i] = r.specify;
    cols[12]![i] = r.bodyHash;
    cols[13]![i] = r.receipt;
  });
  // Prepared: the batch insert runs all day, and parsing/planning it each time cost ~10 % of the
  // backend's CPU per row (bench figures in docs/collector.md).
  const out = await db.query<{ response_id: string }>(INSERT_SQL, cols, {
    prepare: 'otklik_insert_responses',
  });
  return new Set(out.map((r) => r.response_id));
}

/** Body hash and receipt of stored responses, by id (to answer retries and spot conflicts). */
export async function storedHashes(
  db: Pick<Db, 'query'>,
  ids: readonly string[],
): Promise<Map<string, { bodyHash: string; receipt: string }>> {
  const map = new Map<string, { bodyHash: string; receipt: string }>();
  if (ids.length === 0) return map;
  const rows = await db.query<{ response_id: string; body_hash: string; receipt: string }>(
    'SELECT response_id, body_hash, receipt FROM responses WHERE response_id = ANY($1::uuid[])',
    [ids],
  );
  for (const r of rows) map.set(r.response_id, { bodyHash: r.body_hash, receipt: r.receipt });
  return map;
}

/** A stored response as the admin API returns it. */
export interface StoredResponse {
  responseId: string;
  surveyId: string;
  surveyVersion: number;
  receivedAt: string;
  answeredAt: string;
  lang: string;
  context: { channel: string; object?: string; touchpoint?: string; respondent: string };
  answers: unknown;
  specify?: unknown;
  receipt: string;
}

interface DbRow {
  response_id: string;
  survey_id: string;
  survey_version: number;
  received_at: Date | string;
  answered_at: Date | string;
  lang: string;
  channel: string;
  object: string | null;
  touchpoint: string | null;
  respondent: string;
  answers: unknown;
  specify: unknown;
  receipt: string;
}

const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();

/** Opaque page cursor: the (received_at, response_id) of the last row of the previous page. */
export function encodeCursor(receivedAt: string, responseId: string): string {
  return Buffer.from(`${receivedAt}|${responseId}`, 'utf8').toString('base64url');
}

const CURSOR = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\|([0-9a-f-]{36})$/;

/** Parses a cursor from `encodeCursor`; undefined when it is not one. */
export function decodeCursor(
  cursor: string,
): { receivedAt: string; responseId: string } | undefined {
  const m = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? { receivedAt: m[1]!, responseId: m[2]! } : undefined;
}

/**
 * One page of a survey's responses in arrival order (keyset paging: stable while new responses
 * arrive, and as fast on page 1000 as on page 1).
 *
 * @example
 * const { items, nextCursor } = await pageResponses(db, 'kiosk-pulse', { limit: 100 });
 */
export async function pageResponses(
  db: Pick<Db, 'query'>,
  surveyId: string,
  opts: { after?: { receivedAt: string; responseId: string }; limit: number },
): Promise<{ items: StoredResponse[]; nextCursor: string | null }> {
  const params: unknown[] = [surveyId, opts.limit + 1];
  let where = 'survey_id = $1';
  if (opts.after) {
    params.push(opts.after.receivedAt, opts.after.responseId);
    where += ' AND (received_at, response_id) > ($3::timestamptz, $4::uuid)';
  }
  const rows = await db.query<DbRow>(
    `SELECT response_id, survey_id, survey_version, received_at, answered_at, lang, channel, object,
            touchpoint, respondent, answers, specify, receipt
       FROM responses WHERE ${where}
      ORDER BY received_at, response_id LIMIT $2`,
    params,
  );
  const more = rows.length > opts.limit;
  const items = rows.slice(0, opts.limit).map((r): StoredResponse => {
    const context: StoredResponse['context'] = { channel: r.channel, respondent: r.respondent };
    if (r.object !== null) context.object = r.object;
    if (r.touchpoint !== null) context.touchpoint = r.touchpoint;
    const item: StoredResponse = {
      responseId: r.response_id,
      surveyId: r.survey_id,
      surveyVersion: r.survey_version,
      receivedAt: iso(r.received_at),
      answeredAt: iso(r.answered_at),
      lang: r.lang,
      context,
      answers: r.answers,
      receipt: r.receipt,
    };
    if (r.specify !== null) item.specify = r.specify;
    return item;
  });
  const last = items.at(-1);
  return {
    items,
    nextCursor: more && last ? encodeCursor(last.receivedAt, last.responseId) : null,
  };
}
