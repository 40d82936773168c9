import { randomUUID } from 'node:crypto';
import { optionsOf, type Survey } from '@otklik/core';
import type { Db } from '../store/db.js';
import { filterSql, type ResponseFilter } from '../reports/filter.js';
import { CLUSTERING } from './cluster.js';
import { assignVectors, groupTexts, topTerms, vectorise, type Corpus } from './engine.js';
import { centroidOf, type TermVector } from './vectors.js';

type Q = Pick<Db, 'query'>;

/** Where a question's free texts are: its text answer, or the texts typed into `specify` options. */
export type TextSource = { kind: 'text' } | { kind: 'specify' };

/** The free-text source of a question, or undefined when it has none. */
export function textSourceOf(survey: Survey, question: string): TextSource | undefined {
  const q = survey.questions.find((x) => x.id === question);
  if (!q) return undefined;
  if (q.type === 'text') return { kind: 'text' };
  return optionsOf(q).some((o) => o.specify !== undefined) ? { kind: 'specify' } : undefined;
}

/**
 * SQL of a question's free texts with their response's columns: `option` is '' for a text answer.
 * `where` filters `responses`; `$q` is the placeholder holding the question id.
 */
function textsSql(source: TextSource, q: string, where: string): string {
  return source.kind === 'text'
    ? `SELECT r.*, ''::text AS option, r.answers->>${q} AS text FROM responses r
        WHERE ${where} AND jsonb_typeof(r.answers->${q}) = 'string'`
    : `SELECT r.*, e.key AS option, e.value AS text FROM responses r
        CROSS JOIN LATERAL jsonb_each_text(CASE WHEN jsonb_typeof(r.specify->${q}) = 'object'
          THEN r.specify->${q} ELSE '{}'::jsonb END) e
        WHERE ${where}`;
}

/** The dashboard's filters plus a search string, for the list of open answers. */
export interface OpenAnswerFilter extends ResponseFilter {
  object?: string;
  channel?: string;
  touchpoint?: string;
  respondent?: string;
  /** Case-insensitive substring of the text. */
  search?: string;
  /** Only answers in this theme (`unsorted`: in none). */
  theme?: string;
}

/** One free text as the admin API lists it. */
export interface OpenAnswer {
  responseId: string;
  /** The option whose `specify` text this is; absent for a text answer. */
  option?: string;
  text: string;
  receivedAt: string;
  answeredAt: string;
  surveyVersion: number;
  context: { channel: string; object?: string; touchpoint?: string; respondent: string };
  theme: { id: string; name: string } | null;
}

/** Keyset position: the last item of the previous page. */
export interface AnswerCursor {
  receivedAt: string;
  responseId: string;
  option: string;
}

const CURSOR = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\|([0-9a-f-]{36})\|(.*)$/s;

export function encodeAnswerCursor(c: AnswerCursor): string {
  return Buffer.from(`${c.receivedAt}|${c.responseId}|${c.option}`, 'utf8').toString('base64url');
}

/** Parses a cursor from `encodeAnswerCursor`; undefined when it is not one. */
export function decodeAnswerCursor(raw: string): AnswerCursor | undefined {
  const m = CURSOR.exec(Buffer.from(raw, 'base64url').toString('utf8'));
  return m ? { receivedAt: m[1]!, responseId: m[2]!, option: m[3]! } : undefined;
}

const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();
const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
const themeName = (name: string | null, terms: readonly string[]): string =>
  name ?? terms.join(', ');

interface AnswerRow {
  response_id: string;
  option: string;
  text: string;
  received_at: Date | string;
  answered_at: Date | string;
  survey_version: number;
  channel: string;
  object: string | null;
  touchpoint: string | null;
  respondent: string;
  theme_id: string | null;
  theme_name: string | null;
  theme_terms: string[] | null;
}

/**
 * One page of a question's free texts, newest first (keyset paging on received time, response id
 * and option), with the dashboard's filters, a search and the theme each is in.
 *
 * @example
 * const { items, nextCursor } = await pageOpenAnswers(db, 'pulse', 'q3', { kind: 'text' }, {}, { limit: 50 });
 */
export async function pageOpenAnswers(
  db: Q,
  surveyId: string,
  question: string,
  source: TextSource,
  f: OpenAnswerFilter,
  page: { after?: AnswerCursor; limit: number },
): Promise<{ items: OpenAnswer[]; nextCursor: string | null }> {
  const params: unknown[] = [];
  const p = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  let where = filterSql(surveyId, f, params);
  for (const col of ['object', 'channel', 'touchpoint', 'respondent'] as const) {
    const v = f[col];
    if (v !== undefined) where += ` AND ${col} = ${p(v)}`;
  }
  const q = p(question);
  const outer: string[] = [];
  if (f.search !== undefined) outer.push(`t.text ILIKE ${p(`%${likeEscape(f.search)}%`)}`);
  if (f.theme === 'unsorted') outer.push('a.theme_id IS NULL');
  else if (f.theme !== undefined) outer.push(`a.theme_id = ${p(f.theme)}::uuid`);
  if (page.after) {
    outer.push(
      `(t.received_at, t.response_id, t.option) < (${p(page.after.receivedAt)}::timestamptz, ${p(
        page.after.responseId,
      )}::uuid, ${p(page.after.option)}::text)`,
    );
  }
  const rows = await db.query<AnswerRow>(
    `WITH t AS (${textsSql(source, q, where)})
     SELECT t.response_id, t.option, t.text, t.received_at, t.answered_at, t.survey_version,
            t.channel, t.object, t.touchpoint, t.respondent,
            th.theme_id, th.name AS theme_name, th.terms AS theme_terms
       FROM t
       LEFT JOIN theme_assignments a
         ON a.response_id = t.response_id AND a.question = ${q} AND a.option = t.option
       LEFT JOIN themes th ON th.theme_id = a.theme_id
      ${outer.length ? `WHERE ${outer.join(' AND ')}` : ''}
      ORDER BY t.received_at DESC, t.response_id DESC, t.option DESC
      LIMIT ${p(page.limit + 1)}`,
    params,
  );
  const items = rows.slice(0, page.limit).map((r): OpenAnswer => {
    const context: OpenAnswer['context'] = { channel: r.channel, respondent: r.respondent };
    if (r.object !== null) context.object = r.object;
    if (r.touchpoint !== null) context.touchpoint = r.touchpoint;
    const item: OpenAnswer = {
      responseId: r.response_id,
      text: r.text,
      receivedAt: iso(r.received_at),
      answeredAt: iso(r.answered_at),
      surveyVersion: r.survey_version,
      context,
      theme:
        r.theme_id === null
          ? null
          : { id: r.theme_id, name: themeName(r.theme_name, r.theme_terms ?? []) },
    };
    if (r.option !== '') item.option = r.option;
    return item;
  });
  const last = rows.length > page.limit ? items.at(-1) : undefined;
  return {
    items,
    nextCursor: last
      ? encodeAnswerCursor({
          receivedAt: last.receivedAt,
          responseId: last.responseId,
          option: last.option ?? '',
        })
      : null,
  };
}

/** A free text of a question with its assignment, if any. */
interface TextRow {
  response_id: string;
  option: string;
  text: string;
  theme_id: string | null;
  /** Null: never seen by the grouping. */
  origin: 'auto' | 'analyst' | null;
}

async function allTexts(db: Q, surveyId: string, question: string, source: TextSource) {
  return db.query<TextRow>(
    `WITH t AS (${textsSql(source, '$2', 'survey_id = $1')})
     SELECT t.response_id, t.option, t.text, a.theme_id, a.origin
       FROM t LEFT JOIN theme_assignments a
         ON a.response_id = t.response_id AND a.question = $2 AND a.option = t.option
      ORDER BY t.received_at DESC, t.response_id DESC, t.option DESC`,
    [surveyId, question],
  );
}

interface ThemeRow {
  theme_id: string;
  name: string | null;
  terms: string[];
  centroid: Record<string, number>;
  origin: 'auto' | 'analyst';
}

const themeRows = (db: Q, surveyId: string, question: string) =>
  db.query<ThemeRow>(
    `SELECT theme_id, name, terms, centroid, origin FROM themes
      WHERE survey_id = $1 AND question = $2 ORDER BY created_at, theme_id`,
    [surveyId, question],
  );

const toVector = (o: Record<string, number>): TermVector => new Map(Object.entries(o));
const fromVector = (v: TermVector): Record<string, number> =>
  // Rounded: the stored centroid stays small and its JSON readable.
  Object.fromEntries([...v].map(([t, w]) => [t, Math.round(w * 1e6) / 1e6]));

/** Fewest unsorted answers worth grouping into suggested new themes, and the smallest such theme. */
export const NEW_THEMES = { minUnsorted: 10, minSize: 3 } as const;

async function insertTheme(
  tx: Q,
  surveyId: string,
  question: string,
  t: { terms: string[]; centroid: TermVector; origin: 'auto' | 'analyst' },
): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO themes (theme_id, survey_id, question, terms, centroid, origin)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6)`,
    [
      id,
      surveyId,
      question,
      JSON.stringify(t.terms),
      JSON.stringify(fromVector(t.centroid)),
      t.origin,
    ],
  );
  return id;
}

/** Writes assignments (upsert); analyst rows are only ever written by analyst edits. */
async function assign(
  tx: Q,
  surveyId: string,
  question: string,
  rows: readonly { responseId: string; option: string; themeId: string | null }[],
  origin: 'auto' | 'analyst',
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO theme_assignments (response_id, question, option, survey_id, theme_id, origin)
     SELECT r, $1, o, $2, t, $3 FROM unnest($4::uuid[], $5::text[], $6::uuid[]) AS x(r, o, t)
     ON CONFLICT (response_id, question, option)
     DO UPDATE SET theme_id = EXCLUDED.theme_id, origin = EXCLUDED.origin
     ${origin === 'auto' ? "WHERE theme_assignments.origin = 'auto'" : ''}`,
    [
      question,
      surveyId,
      origin,
      rows.map((r) => r.responseId),
      rows.map((r) => r.option),
      rows.map((r) => r.themeId),
    ],
  );
}

/** Serialises theme work on one question (two refreshes must not both group the same answers). */
const lockQuestion = (tx: Q, surveyId: string, question: string) =>
  tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`otklik-themes|${surveyId}|${question}`]);

/**
 * Brings a question's themes up to date: the first time, groups every free text into auto themes;
 * later, puts each answer not seen before into the nearest theme (cosine to its centroid at least
 * `CLUSTERING.assignThreshold`) or leaves it unsorted, and groups enough unsorted answers into
 * suggested new auto themes. Existing themes, names and assignments are never changed here.
 *
 * @example
 * await refreshThemes(db, 'pulse', 'q3', { kind: 'text' });
 */
export async function refreshThemes(
  db: Pick<Db, 'transaction'>,
  surveyId: string,
  question: string,
  source: TextSource,
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockQuestion(tx, surveyId, question);
    const texts = await allTexts(tx, surveyId, question, source);
    const unseen = texts.filter((t) => t.origin === null);
    const themes = await themeRows(tx, surveyId, question);
    if (unseen.length === 0 && themes.length > 0) return;
    let leftover: TextRow[];
    if (themes.length === 0) {
      leftover = texts.filter((t) => t.origin !== 'analyst');
    } else {
      const corpus = vectorise(texts.map((t) => t.text));
      const index = new Map(texts.map((t, i) => [t, i]));
      const picks = assignVectors(
        unseen.map((t) => corpus.vectors[index.get(t)!]!),
        themes.map((t) => toVector(t.centroid)),
      );
      const rows = unseen.map((t, i) => ({
        responseId: t.response_id,
        option: t.option,
        themeId: picks[i] === undefined ? null : themes[picks[i]]!.theme_id,
      }));
      await assign(tx, surveyId, question, rows, 'auto');
      const fresh = new Set(unseen.filter((_, i) => picks[i] === undefined));
      leftover = texts.filter((t) => (t.origin === 'auto' && t.theme_id === null) || fresh.has(t));
      if (leftover.length < NEW_THEMES.minUnsorted) return;
    }
    const { themes: found } = groupTexts(
      leftover.map((t) => t.text),
      { sample: CLUSTERING.groupSample },
    );
    const first = themes.length === 0;
    const rows: { responseId: string; option: string; themeId: string | null }[] = leftover.map(
      (t) => ({ responseId: t.response_id, option: t.option, themeId: null }),
    );
    for (const f of found) {
      if (!first && f.members.length < NEW_THEMES.minSize) continue;
      const id = await insertTheme(tx, surveyId, question, { ...f, origin: 'auto' });
      for (const i of f.members) rows[i]!.themeId = id;
    }
    await assign(tx, surveyId, question, rows, 'auto');
  });
}

/** A theme as the admin API returns it. */
export interface ThemeSummary {
  id: string;
  /** The analyst's name, else the suggested one. */
  name: string;
  /** Its top terms joined: what the grouping would call it. */
  suggestedName: string;
  renamed: boolean;
  terms: string[];
  origin: 'auto' | 'analyst';
  count: number;
  /** Of all free texts of the question, 0…1. */
  share: number;
  examples: { responseId: string; option?: string; text: string }[];
}

/** How many example answers each theme shows. */
export const EXAMPLES = 3;

/**
 * The question's themes with counts, shares and newest examples, largest first, and the
 * unsorted answers the same way.
 */
export async function summariseThemes(
  db: Q,
  surveyId: string,
  question: string,
  source: TextSource,
): Promise<{
  total: number;
  themes: ThemeSummary[];
  unsorted: { count: number; share: number; examples: ThemeSummary['examples'] };
}> {
  const texts = await allTexts(db, surveyId, question, source);
  const themes = await themeRows(db, surveyId, question);
  const total = texts.length;
  const byTheme = new Map<string | null, TextRow[]>();
  for (const t of texts) {
    const k = t.theme_id;
    byTheme.set(k, [...(byTheme.get(k) ?? []), t]);
  }
  const examples = (rows: readonly TextRow[]) =>
    rows.slice(0, EXAMPLES).map((t) => ({
      responseId: t.response_id,
      ...(t.option === '' ? {} : { option: t.option }),
      text: t.text,
    }));
  const share = (n: number) => (total === 0 ? 0 : n / total);
  const list = themes
    .map((t): ThemeSummary => {
      const members = byTheme.get(t.theme_id) ?? [];
      return {
        id: t.theme_id,
        name: themeName(t.name, t.terms),
        suggestedName: t.terms.join(', '),
        renamed: t.name !== null,
        terms: t.terms,
        origin: t.origin,
        count: members.length,
        share: share(members.length),
        examples: examples(members),
      };
    })
    .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
  const none = byTheme.get(null) ?? [];
  return {
    total,
    themes: list,
    unsorted: { count: none.length, share: share(none.length), examples: examples(none) },
  };
}

/** A theme's survey and question, or undefined when there is no such theme. */
export async function themeOwner(
  db: Q,
  themeId: string,
): Promise<{ surveyId: string; question: string } | undefined> {
  const rows = await db.query<{ survey_id: string; question: string }>(
    'SELECT survey_id, question FROM themes WHERE theme_id = $1::uuid',
    [themeId],
  );
  const r = rows[0];
  return r && { surveyId: r.survey_id, question: r.question };
}

/** Sets (or with null clears) a theme's name; the theme becomes the analyst's. */
export async function renameTheme(db: Q, themeId: string, name: string | null): Promise<void> {
  await db.query(`UPDATE themes SET name = $2, origin = 'analyst' WHERE theme_id = $1::uuid`, [
    themeId,
    name,
  ]);
}

/** Recomputes a theme's centroid and terms from its members, against the whole question's IDF. */
async function recompute(
  tx: Q,
  surveyId: string,
  question: string,
  source: TextSource,
  themeIds: readonly string[],
): Promise<void> {
  if (themeIds.length === 0) return;
  const texts = await allTexts(tx, surveyId, question, source);
  const corpus: Corpus = vectorise(texts.map((t) => t.text));
  for (const id of themeIds) {
    const idx = texts.flatMap((t, i) => (t.theme_id === id ? [i] : []));
    const centroid = centroidOf(idx.map((i) => corpus.vectors[i]!));
    const terms = topTerms(
      centroid,
      idx.map((i) => corpus.analysed[i]!),
    );
    await tx.query(
      `UPDATE themes SET centroid = $2::jsonb, terms = $3::jsonb WHERE theme_id = $1::uuid`,
      [id, JSON.stringify(fromVector(centroid)), JSON.stringify(terms)],
    );
  }
}

/**
 * Merges themes into one: their answers move to `into` (as the analyst's assignments), the merged
 * themes are deleted, and `into` becomes the analyst's with terms recomputed.
 */
export async function mergeThemes(
  db: Pick<Db, 'transaction'>,
  surveyId: string,
  question: string,
  source: TextSource,
  into: string,
  from: readonly string[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockQuestion(tx, surveyId, question);
    await tx.query(
      `UPDATE theme_assignments SET theme_id = $1::uuid, origin = 'analyst'
        WHERE theme_id = ANY($2::uuid[])`,
      [into, from],
    );
    await tx.query(`DELETE FROM themes WHERE theme_id = ANY($1::uuid[])`, [from]);
    await tx.query(`UPDATE themes SET origin = 'analyst' WHERE theme_id = $1::uuid`, [into]);
    await recompute(tx, surveyId, question, source, [into]);
  });
}

/**
 * Splits a theme: groups its answers again into `k` themes (the analyst's), and deletes it.
 * Returns the new themes' ids, or undefined when it has fewer than two answers with terms.
 */
export async function splitTheme(
  db: Pick<Db, 'transaction'>,
  surveyId: string,
  question: string,
  source: TextSource,
  themeId: string,
  k: number,
): Promise<string[] | undefined> {
  return db.transaction(async (tx) => {
    await lockQuestion(tx, surveyId, question);
    const members = (await allTexts(tx, surveyId, question, source)).filter(
      (t) => t.theme_id === themeId,
    );
    const { themes: found } = groupTexts(
      members.map((t) => t.text),
      { k, sample: CLUSTERING.groupSample },
    );
    if (found.length < 2) return undefined;
    const ids: string[] = [];
    const rows = members.map((t) => ({
      responseId: t.response_id,
      option: t.option,
      themeId: null as string | null,
    }));
    for (const f of found) {
      const id = await insertTheme(tx, surveyId, question, { ...f, origin: 'analyst' });
      ids.push(id);
      for (const i of f.members) rows[i]!.themeId = id;
    }
    await assign(tx, surveyId, question, rows, 'analyst');
    await tx.query(`DELETE FROM themes WHERE theme_id = $1::uuid`, [themeId]);
    return ids;
  });
}

/**
 * Moves one answer to a theme (or, with null, to unsorted) as the analyst's assignment, and
 * recomputes the terms of the themes it left and joined. False when the answer does not exist.
 */
export async function moveAnswer(
  db: Pick<Db, 'transaction'>,
  surveyId: string,
  question: string,
  source: TextSource,
  answer: { responseId: string; option: string },
  themeId: string | null,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockQuestion(tx, surveyId, question);
    const texts = await allTexts(tx, surveyId, question, source);
    const hit = texts.find(
      (t) => t.response_id === answer.responseId && t.option === answer.option,
    );
    if (!hit) return false;
    await assign(tx, surveyId, question, [{ ...answer, themeId }], 'analyst');
    const touched = [hit.theme_id, themeId].filter((x): x is string => x !== null);
    await recompute(tx, surveyId, question, source, [...new Set(touched)]);
    return true;
  });
}

export { CLUSTERING };
