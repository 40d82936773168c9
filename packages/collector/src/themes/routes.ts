import { Hono, type Context } from 'hono';
import type { Issue } from '@otklik/core';
import type { AppDeps } from '../deps.js';
import { apiError } from '../middleware/errors.js';
import { jsonBody, type JsonBodyVars } from '../middleware/json-body.js';
import { parseReportQuery } from '../reports/params.js';
import {
  decodeAnswerCursor,
  mergeThemes,
  moveAnswer,
  pageOpenAnswers,
  refreshThemes,
  renameTheme,
  splitTheme,
  summariseThemes,
  textSourceOf,
  themeOwner,
  type OpenAnswerFilter,
  type TextSource,
} from './store.js';

/** Page sizes of the open-answer list; longest search string, theme name and filter value. */
export const OPEN_ANSWERS_LIMITS = {
  defaultPage: 50,
  maxPage: 500,
  maxSearch: 200,
  maxName: 200,
  maxFilter: 200,
  maxMerge: 100,
  maxSplit: 10,
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (x: unknown): x is string => typeof x === 'string' && UUID.test(x);

type Ctx = Context<{ Variables: JsonBodyVars }>;

const issue = (path: Issue['path'], ru: string, en: string): Issue => ({
  path,
  code: 'invalid_value',
  message: { ru, en },
});

function badQuery(c: Ctx, field: string, ru: string, en: string): Response {
  return apiError(c, 400, 'invalid_query', en, [issue(['query', field], ru, en)]);
}

function badEdit(c: Ctx, field: string, ru: string, en: string): Response {
  return apiError(c, 422, 'invalid_theme_edit', en, [issue(['body', field], ru, en)]);
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * The admin API of open answers and their themes (every route is admin-only: none is listed
 * public in app.ts). Free texts never leave these routes.
 * - `GET /v1/surveys/:id/open-answers?question&q&from&to&tz&version&object&channel&touchpoint&respondent&theme&cursor&limit`
 *   — free texts newest first, keyset-paged, each with its theme;
 * - `GET /v1/surveys/:id/themes?question` — groups new answers, then lists themes (name, terms,
 *   count, share, examples) and the unsorted answers;
 * - `PATCH /v1/surveys/:id/themes/:themeId` `{ name }` — rename (`null` restores the suggestion);
 * - `POST /v1/surveys/:id/themes/merge` `{ into, from: [...] }`;
 * - `POST /v1/surveys/:id/themes/:themeId/split` `{ k? }` (2 by default);
 * - `PUT /v1/surveys/:id/open-answers/:responseId/theme` `{ question, option?, theme }` (`theme`
 *   null → unsorted).
 *
 * @example
 * app.route('/', themeRoutes(deps));
 */
export function themeRoutes(deps: AppDeps): Hono<{ Variables: JsonBodyVars }> {
  const app = new Hono<{ Variables: JsonBodyVars }>();
  const body = jsonBody({ maxBytes: 64 * 1024 });

  /** The survey's question and where its free texts are, or an error response. */
  async function questionOf(
    c: Ctx,
    question: unknown,
    where: 'query' | 'body',
  ): Promise<{ surveyId: string; question: string; source: TextSource } | Response> {
    const surveyId = c.req.param('id')!;
    if (typeof question !== 'string' || question === '') {
      const [ru, en] = ['«question»: укажите id вопроса', '"question": give the question id'];
      return where === 'query' ? badQuery(c, 'question', ru, en) : badEdit(c, 'question', ru, en);
    }
    const survey = await deps.surveys.current(surveyId);
    if (!survey) return apiError(c, 404, 'unknown_survey', `No survey "${surveyId}"`);
    if (!survey.questions.some((q) => q.id === question))
      return apiError(c, 404, 'unknown_question', `Survey "${surveyId}" has no such question`);
    const source = textSourceOf(survey, question);
    if (!source)
      return apiError(c, 422, 'no_free_text', `Question "${question}" has no free texts`);
    return { surveyId, question, source };
  }

  /** The theme in the path, checked to belong to this survey. */
  async function themeOf(
    c: Ctx,
    themeId: string | undefined,
  ): Promise<
    { surveyId: string; question: string; source: TextSource; themeId: string } | Response
  > {
    const surveyId = c.req.param('id')!;
    const owner = isUuid(themeId) ? await themeOwner(deps.db, themeId) : undefined;
    if (!owner || owner.surveyId !== surveyId)
      return apiError(c, 404, 'unknown_theme', 'No such theme in this survey');
    const q = await questionOf(c, owner.question, 'query');
    return q instanceof Response ? q : { ...q, themeId: themeId! };
  }

  app.get('/v1/surveys/:id/open-answers', async (c) => {
    const query = c.req.query();
    const r = parseReportQuery({
      from: query['from'],
      to: query['to'],
      version: query['version'],
      tz: query['tz'],
    });
    if (!r.ok)
      return apiError(c, 400, 'invalid_query', r.error.message.en, [
        { path: ['query', r.error.field], code: 'invalid_value', message: r.error.message },
      ]);
    const f: OpenAnswerFilter = { timeZone: r.value.timeZone };
    if (r.value.from !== undefined) f.from = r.value.from;
    if (r.value.to !== undefined) f.to = r.value.to;
    if (r.value.version !== undefined) f.version = r.value.version;
    for (const k of ['object', 'channel', 'touchpoint', 'respondent'] as const) {
      const v = query[k];
      if (v === undefined || v === '') continue;
      if (v.length > OPEN_ANSWERS_LIMITS.maxFilter)
        return badQuery(c, k, `«${k}»: слишком длинное значение`, `"${k}": value too long`);
      f[k] = v;
    }
    const q = query['q'];
    if (q !== undefined && q !== '') {
      if (q.length > OPEN_ANSWERS_LIMITS.maxSearch)
        return badQuery(
          c,
          'q',
          `«q»: не длиннее ${OPEN_ANSWERS_LIMITS.maxSearch} символов`,
          `"q": at most ${OPEN_ANSWERS_LIMITS.maxSearch} characters`,
        );
      f.search = q;
    }
    const theme = query['theme'];
    if (theme !== undefined && theme !== '') {
      if (theme !== 'unsorted' && !isUuid(theme))
        return badQuery(
          c,
          'theme',
          '«theme»: id темы или unsorted',
          '"theme": a theme id or unsorted',
        );
      f.theme = theme;
    }
    const limitRaw = query['limit'];
    const limit = limitRaw === undefined ? OPEN_ANSWERS_LIMITS.defaultPage : Number(limitRaw);
    if (!Number.isInteger(limit) || limit < 1 || limit > OPEN_ANSWERS_LIMITS.maxPage)
      return apiError(
        c,
        400,
        'invalid_limit',
        `limit must be an integer 1…${OPEN_ANSWERS_LIMITS.maxPage}`,
      );
    const cursorRaw = query['cursor'];
    const after = cursorRaw ? decodeAnswerCursor(cursorRaw) : undefined;
    if (cursorRaw && !after)
      return apiError(c, 400, 'invalid_cursor', 'cursor is not one this API returned');
    const where = await questionOf(c, query['question'], 'query');
    if (where instanceof Response) return where;
    c.header('Cache-Control', 'no-store');
    const page = await pageOpenAnswers(
      deps.db,
      where.surveyId,
      where.question,
      where.source,
      f,
      after ? { after, limit } : { limit },
    );
    return c.json({ question: where.question, ...page });
  });

  app.get('/v1/surveys/:id/themes', async (c) => {
    const where = await questionOf(c, c.req.query('question'), 'query');
    if (where instanceof Response) return where;
    await refreshThemes(deps.db, where.surveyId, where.question, where.source);
    c.header('Cache-Control', 'no-store');
    return c.json({
      question: where.question,
      ...(await summariseThemes(deps.db, where.surveyId, where.question, where.source)),
    });
  });

  app.post('/v1/surveys/:id/themes/merge', body, async (c) => {
    const b = c.get('body');
    if (!isObject(b)) return badEdit(c, '', 'ожидается объект', 'expected an object');
    if (!isUuid(b['into'])) return badEdit(c, 'into', '«into»: id темы', '"into": a theme id');
    const from = b['from'];
    if (
      !Array.isArray(from) ||
      from.length === 0 ||
      from.length > OPEN_ANSWERS_LIMITS.maxMerge ||
      !from.every(isUuid) ||
      from.includes(b['into'])
    )
      return badEdit(
        c,
        'from',
        `«from»: от 1 до ${OPEN_ANSWERS_LIMITS.maxMerge} id других тем`,
        `"from": 1 to ${OPEN_ANSWERS_LIMITS.maxMerge} ids of other themes`,
      );
    const into = await themeOf(c, b['into']);
    if (into instanceof Response) return into;
    for (const id of from) {
      const owner = await themeOwner(deps.db, id);
      if (!owner || owner.surveyId !== into.surveyId || owner.question !== into.question)
        return apiError(c, 404, 'unknown_theme', `Theme ${id} is not a theme of this question`);
    }
    await mergeThemes(deps.db, into.surveyId, into.question, into.source, into.themeId, [
      ...new Set(from),
    ]);
    return c.json(await summariseThemes(deps.db, into.surveyId, into.question, into.source));
  });

  app.patch('/v1/surveys/:id/themes/:themeId', body, async (c) => {
    const b = c.get('body');
    const name = isObject(b) ? b['name'] : undefined;
    const trimmed = typeof name === 'string' ? name.trim() : name;
    if (
      trimmed !== null &&
      (typeof trimmed !== 'string' ||
        trimmed === '' ||
        trimmed.length > OPEN_ANSWERS_LIMITS.maxName)
    )
      return badEdit(
        c,
        'name',
        `«name»: строка 1–${OPEN_ANSWERS_LIMITS.maxName} символов или null`,
        `"name": a string of 1–${OPEN_ANSWERS_LIMITS.maxName} characters or null`,
      );
    const t = await themeOf(c, c.req.param('themeId'));
    if (t instanceof Response) return t;
    await renameTheme(deps.db, t.themeId, trimmed);
    const s = await summariseThemes(deps.db, t.surveyId, t.question, t.source);
    return c.json(s.themes.find((x) => x.id === t.themeId));
  });

  app.post('/v1/surveys/:id/themes/:themeId/split', body, async (c) => {
    const b = c.get('body');
    const k = isObject(b) && b['k'] !== undefined ? b['k'] : 2;
    if (typeof k !== 'number' || !Number.isInteger(k) || k < 2 || k > OPEN_ANSWERS_LIMITS.maxSplit)
      return badEdit(
        c,
        'k',
        `«k»: целое от 2 до ${OPEN_ANSWERS_LIMITS.maxSplit}`,
        `"k": an integer 2…${OPEN_ANSWERS_LIMITS.maxSplit}`,
      );
    const t = await themeOf(c, c.req.param('themeId'));
    if (t instanceof Response) return t;
    const ids = await splitTheme(deps.db, t.surveyId, t.question, t.source, t.themeId, k);
    if (!ids) return apiError(c, 422, 'theme_too_small', `Theme ${t.themeId} cannot be split`);
    const s = await summariseThemes(deps.db, t.surveyId, t.question, t.source);
    return c.json({ created: ids, ...s });
  });

  app.put('/v1/surveys/:id/open-answers/:responseId/theme', body, async (c) => {
    const b = c.get('body');
    if (!isObject(b)) return badEdit(c, '', 'ожидается объект', 'expected an object');
    const option = b['option'] ?? '';
    if (typeof option !== 'string')
      return badEdit(c, 'option', '«option»: id варианта', '"option": an option id');
    const theme = b['theme'];
    if (theme !== null && !isUuid(theme))
      return badEdit(c, 'theme', '«theme»: id темы или null', '"theme": a theme id or null');
    const where = await questionOf(c, b['question'], 'body');
    if (where instanceof Response) return where;
    if (theme !== null) {
      const owner = await themeOwner(deps.db, theme);
      if (!owner || owner.surveyId !== where.surveyId || owner.question !== where.question)
        return apiError(c, 404, 'unknown_theme', 'No such theme for this question');
    }
    const responseId = c.req.param('responseId').toLowerCase();
    const moved =
      isUuid(responseId) &&
      (await moveAnswer(
        deps.db,
        where.surveyId,
        where.question,
        where.source,
        { responseId, option },
        theme,
      ));
    if (!moved) return apiError(c, 404, 'unknown_answer', 'No such open answer to this question');
    return c.json({ responseId, question: where.question, option, theme });
  });

  return app;
}
