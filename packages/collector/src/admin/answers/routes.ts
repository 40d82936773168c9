import { localize, type Survey } from '@otklik/core';
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../../deps.js';
import type { Sessions } from '../../middleware/session.js';
import { serviceNames } from '../../painmap/public-routes.js';
import { themeRoutes } from '../../themes/routes.js';
import { textSourceOf, type OpenAnswer } from '../../themes/store.js';
import { apiProblem, callJson, pageStatus } from '../api.js';
import { parseFilter } from '../filters.js';
import { pickLang, translator } from '../i18n.js';
import { safeNext, send, session } from '../kit.js';
import { adminOnly, headOf, messagePage, readForm, surveyOr404, langQuery } from '../section.js';
import { parseSlice, sliceChoices } from './data.js';
import { answersPage, type TextQuestion } from './list-view.js';
import { themesPage, type ThemesSummary } from './themes-view.js';

/** Answers a page lists at once. */
const PAGE = 50;

const textQuestions = (head: Survey, lang: 'ru' | 'en'): TextQuestion[] =>
  head.questions.flatMap((q) =>
    textSourceOf(head, q.id)
      ? [{ id: q.id, title: localize(q.title, lang), open: q.type === 'text' }]
      : [],
  );

/**
 * The analyst pages of open answers and their themes (mounted after the session guard):
 * - `GET /admin/surveys/:id/answers?question&q&from&to&version&slice&respondent&theme&cursor` —
 *   the texts, newest first, 50 a page, with the dashboard's filters;
 * - `GET /admin/surveys/:id/themes?question` — themes with counts, shares, examples;
 * - `POST /admin/surveys/:id/themes/:theme/{rename,merge,split}`,
 *   `POST /admin/surveys/:id/answers/move` — the administrator's edits (303 back to the page).
 * Every query and edit goes through the themes JSON API in-process (themes/routes.ts), so the
 * pages validate and store exactly as the API does; its 4xx answers become 400/404 pages.
 *
 * @example
 * app.route('/', answerPages(deps, s));
 */
export function answerPages(deps: AppDeps, s: Pick<Sessions, 'require'>): Hono {
  const app = new Hono();
  const api = themeRoutes(deps);
  const apiPath = (c: Context, rest: string) =>
    `/v1/surveys/${encodeURIComponent(c.req.param('id') ?? '')}${rest}`;
  /** The asked question, or the first with free texts; a 400 page for one without. */
  const questionOf = (c: Context, qs: TextQuestion[]): string | Response => {
    const asked = c.req.query('question');
    // By default the first open question: «Другое (укажите)» texts are a side channel.
    if (!asked) return qs.find((q) => q.open)?.id ?? qs[0]?.id ?? '';
    if (qs.some((q) => q.id === asked)) return asked;
    const t = translator(pickLang(c));
    return messagePage(
      c,
      400,
      t('Неверный вопрос', 'Invalid question'),
      t(
        `«question»: в анкете нет вопроса со свободным ответом «${asked}».`,
        `"question": the survey has no free-text question "${asked}".`,
      ),
    );
  };

  app.get('/admin/surveys/:id/answers', async (c) => {
    const versions = await surveyOr404(c, deps);
    if (versions instanceof Response) return versions;
    const lang = pickLang(c);
    const t = translator(lang);
    const head = headOf(versions);
    const questions = textQuestions(head, lang);
    const question = questionOf(c, questions);
    if (question instanceof Response) return question;
    const q = c.req.query();
    const f = parseFilter(q);
    const slice = parseSlice(q['slice']);
    if (q['slice'] && !slice)
      return messagePage(
        c,
        400,
        t('Неверный фильтр', 'Invalid filter'),
        t(
          'Поле «slice»: ожидается канал, услуга или точка контакта в виде channel:kiosk.',
          'Field «slice»: expected a channel, service or touchpoint as channel:kiosk.',
        ),
      );
    if (!f.ok)
      return messagePage(c, 400, t('Неверный фильтр', 'Invalid filter'), f.error.message[lang]);
    const names = await serviceNames(deps, versions);
    const nameOf = (k: string) => names(k, lang);
    const here = new URLSearchParams({ question });
    for (const k of ['q', 'from', 'to', 'version', 'slice', 'respondent', 'theme', 'cursor'])
      if (q[k]) here.set(k, q[k]!);
    const base = {
      head,
      lang,
      session: session(c),
      questions,
      question,
      filter: f.value,
      slice,
      respondent: q['respondent'] ?? '',
      search: q['q'] ?? '',
      cursor: q['cursor'] ?? '',
      nameOf,
      here: `/admin/surveys/${encodeURIComponent(head.id)}/answers?${here}`,
    };
    if (questions.length === 0)
      return send(
        c,
        answersPage({
          ...base,
          items: [],
          nextCursor: null,
          choices: { channel: [], object: [], touchpoint: [] },
          themes: [],
        }),
      );
    // The list's query for the JSON API: the slice becomes its column's filter.
    const p = new URLSearchParams({ question, limit: String(PAGE) });
    for (const k of ['q', 'from', 'to', 'version', 'tz', 'respondent', 'theme', 'cursor'])
      if (q[k]) p.set(k, q[k]!);
    if (slice) p.set(slice.dim, slice.key);
    const list = await callJson<{ items: OpenAnswer[]; nextCursor: string | null }>(
      api,
      'GET',
      apiPath(c, `/open-answers?${p}`),
    );
    if (list.status !== 200)
      return messagePage(
        c,
        pageStatus(list.status),
        t('Неверный фильтр', 'Invalid filter'),
        apiProblem(list.json, lang),
      );
    const admin = session(c).role === 'admin';
    const needThemes = admin || (q['theme'] !== undefined && q['theme'] !== '');
    const themes = needThemes
      ? await callJson<ThemesSummary>(
          api,
          'GET',
          apiPath(c, `/themes?question=${encodeURIComponent(question)}`),
        )
      : null;
    const all =
      themes?.status === 200 ? themes.json.themes.map((x) => ({ id: x.id, name: x.name })) : [];
    const theme = q['theme']
      ? q['theme'] === 'unsorted'
        ? { id: 'unsorted', name: t('Без темы', 'Unsorted') }
        : all.find((x) => x.id === q['theme'])
      : undefined;
    return send(
      c,
      answersPage({
        ...base,
        theme,
        items: list.json.items,
        nextCursor: list.json.nextCursor,
        choices: await sliceChoices(deps.db, head.id),
        themes: admin ? all : [],
      }),
    );
  });

  app.get('/admin/surveys/:id/themes', async (c) => {
    const versions = await surveyOr404(c, deps);
    if (versions instanceof Response) return versions;
    const lang = pickLang(c);
    const head = headOf(versions);
    const questions = textQuestions(head, lang);
    const question = questionOf(c, questions);
    if (question instanceof Response) return question;
    let summary: ThemesSummary | null = null;
    if (question) {
      const r = await callJson<ThemesSummary>(
        api,
        'GET',
        apiPath(c, `/themes?question=${encodeURIComponent(question)}`),
      );
      if (r.status !== 200)
        return messagePage(
          c,
          pageStatus(r.status),
          translator(lang)('Темы недоступны', 'Themes unavailable'),
          apiProblem(r.json, lang),
        );
      summary = r.json;
    }
    return send(
      c,
      themesPage({
        head,
        lang,
        session: session(c),
        questions,
        summary,
        saved: c.req.query('saved') === '1',
      }),
    );
  });

  // Changes: the administrator only, as on the bearer API.
  const edit = adminOnly(s);
  app.post('/admin/surveys/:id/themes/:theme/:what', edit, async (c) => {
    const form = await readForm(c);
    if (form instanceof Response) return form;
    const lang = pickLang(c);
    const t = translator(lang);
    const theme = encodeURIComponent(c.req.param('theme'));
    const what = c.req.param('what');
    let r;
    if (what === 'rename') {
      const name = (form.get('name') ?? '').trim();
      r = await callJson<{ id?: string }>(api, 'PATCH', apiPath(c, `/themes/${theme}`), {
        name: name === '' ? null : name,
      });
    } else if (what === 'merge') {
      r = await callJson(api, 'POST', apiPath(c, '/themes/merge'), {
        into: form.get('into') ?? '',
        from: [c.req.param('theme')],
      });
    } else if (what === 'split') {
      const k = form.get('k') ?? '2';
      // Only digits become a number; anything else goes to the API as is and is refused there.
      r = await callJson(api, 'POST', apiPath(c, `/themes/${theme}/split`), {
        k: /^\d{1,3}$/.test(k) ? Number(k) : k,
      });
    } else {
      return messagePage(c, 404, t('Нет такого действия', 'No such action'), what);
    }
    if (r.status >= 400)
      return messagePage(
        c,
        pageStatus(r.status),
        t('Изменение не сохранено', 'The change was not saved'),
        apiProblem(r.json, lang),
      );
    // The question of the theme (merged and split themes are gone: ask the survey's owner row).
    const question = form.get('question') ?? '';
    const back = `/admin/surveys/${encodeURIComponent(c.req.param('id'))}/themes?${question ? `question=${encodeURIComponent(question)}&` : ''}saved=1${langQuery(lang, '&')}`;
    return c.redirect(back, 303);
  });

  app.post('/admin/surveys/:id/answers/move', edit, async (c) => {
    const form = await readForm(c);
    if (form instanceof Response) return form;
    const lang = pickLang(c);
    const t = translator(lang);
    const theme = form.get('theme') ?? '';
    const response = form.get('response') ?? '';
    const r = await callJson(
      api,
      'PUT',
      apiPath(c, `/open-answers/${encodeURIComponent(response)}/theme`),
      {
        question: form.get('question') ?? '',
        option: form.get('option') ?? '',
        theme: theme === 'unsorted' || theme === '' ? null : theme,
      },
    );
    if (r.status >= 400)
      return messagePage(
        c,
        pageStatus(r.status),
        t('Ответ не перенесён', 'The answer was not moved'),
        apiProblem(r.json, lang),
      );
    return c.redirect(safeNext(form.get('back')), 303);
  });

  return app;
}
