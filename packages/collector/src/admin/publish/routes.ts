import {
  canBindContext,
  diffSurveys,
  importSurveyJs,
  isCatalogList,
  parseSurvey,
  ZId,
  type CatalogEntry,
  type Issue,
  type Survey,
} from '@otklik/core';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps } from '../../deps.js';
import { MAX_SURVEY_BYTES, publishVersion } from '../../routes/admin.js';
import { canonicalJson } from '../../store/canonical.js';
import type { SurveyStore } from '../../store/surveys.js';
import { pickLang, translator, type Lang } from '../i18n.js';
import { send, session, type Status } from '../kit.js';
import { PUBLISH_CSS } from './css.js';
import { groupIssues } from './issues.js';
import { qrSvg, shareLinks } from './share.js';
import {
  importFormPage,
  importResultPage,
  messagePage,
  reviewPage,
  sharePage,
  type ReviewView,
} from './views.js';

export interface PublishDeps extends AppDeps {
  surveys: SurveyStore;
}

/** Room for the form's other fields and multipart framing around a survey of the largest size. */
const FORM_LIMIT = MAX_SURVEY_BYTES + 64 * 1024;

/** This page's path and query without `lang`, for the language switch. */
const here = (c: Context): string => {
  const u = new URL(c.req.url);
  u.searchParams.delete('lang');
  return u.pathname + u.search;
};

type Form = Record<string, string | File | (string | File)[]>;
const field = (form: Form, name: string): string | undefined => {
  const v = form[name];
  return typeof v === 'string' ? v : undefined;
};

/**
 * The administrators' publishing pages (mount behind the admin role), without script:
 * - `POST /admin/surveys/:id/review` (`survey` JSON, `_csrf`) — checker errors at their questions,
 *   the changes from the published version and the comparability warnings, and the confirm form;
 * - `POST /admin/surveys/:id/publish` — stores the version through the API's publishing path;
 * - `GET /admin/surveys/:id/share` — embed code, e-mail / SMS / QR links, a printable QR poster;
 * - `GET /admin/surveys/:id/export` — the published survey JSON (core's survey.schema.json);
 * - `GET|POST /admin/surveys/import` — SurveyJS JSON in, the draft and what was not carried over out.
 * Every POST carries the session's `_csrf`; a bad draft is a 400 page that says what is wrong.
 *
 * @example
 * app.route('/', publishRoutes(deps, s.require('admin', denied)));
 */
export function publishRoutes(deps: PublishDeps, adminOnly: MiddlewareHandler): Hono {
  const app = new Hono();
  app.get('/admin/assets/publish.css', (c) =>
    c.body(PUBLISH_CSS, 200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    }),
  );
  // The role is checked on each route, not on a path pattern: a pattern such as
  // /admin/surveys/:id/* would also close the analysts' pages other sections mount there.

  const base = (c: Context) => ({ lang: pickLang(c), session: session(c), here: here(c) });
  const message = (c: Context, status: Status, title: string, text: string, back?: string) =>
    send(c, messagePage({ ...base(c), title, text, ...(back ? { back } : {}) }), status);

  /** The form's fields after the body limit and the CSRF check, or the page to answer with. */
  const readForm = async (c: Context): Promise<Form | Response> => {
    const t = translator(pickLang(c));
    let form: Form;
    try {
      form = (await c.req.parseBody()) as Form;
    } catch {
      return message(
        c,
        400,
        t('Неверный запрос', 'Bad request'),
        t('Форму не удалось прочитать.', 'The form could not be read.'),
      );
    }
    if (field(form, '_csrf') !== session(c).csrf) {
      return message(
        c,
        403,
        t('Запрос отклонён', 'Request refused'),
        t(
          'Форма устарела или пришла не с этой страницы. Откройте её заново.',
          'The form is stale or did not come from this site. Open it again.',
        ),
      );
    }
    return form;
  };
  const tooLarge = bodyLimit({
    maxSize: FORM_LIMIT,
    onError: (c) => {
      const t = translator(pickLang(c));
      return send(
        c,
        messagePage({
          ...base(c),
          title: t('Слишком большой файл', 'Too large'),
          text: t(
            `Опрос больше ${MAX_SURVEY_BYTES / 1024 / 1024} МБ не принимается.`,
            `A survey over ${MAX_SURVEY_BYTES / 1024 / 1024} MB is not accepted.`,
          ),
        }),
        400,
      );
    },
  });

  /** The id in the path, checked against core's id rule before anything asks the database. */
  const pathId = (c: Context): string | undefined => {
    const id = c.req.param('id');
    return id !== undefined && ZId.safeParse(id).success ? id : undefined;
  };

  /** Reads the draft JSON; undefined and an issue when it is not JSON or not for this survey. */
  function readDraft(
    text: string | undefined,
    id: string,
    lang: Lang,
  ): { draft?: unknown; issue?: string } {
    const t = translator(lang);
    if (text === undefined || text.trim() === '')
      return {
        issue: t(
          'Поле survey пусто: нет опроса для проверки.',
          'The survey field is empty: there is no survey to review.',
        ),
      };
    let draft: unknown;
    try {
      draft = JSON.parse(text);
    } catch (e) {
      return {
        issue: t(
          `Поле survey — не JSON: ${(e as Error).message}`,
          `The survey field is not JSON: ${(e as Error).message}`,
        ),
      };
    }
    if (typeof draft !== 'object' || draft === null || Array.isArray(draft)) {
      return {
        issue: t(
          'Поле survey должно быть объектом JSON (опросом).',
          'The survey field must be a JSON object (a survey).',
        ),
      };
    }
    const own = (draft as { id?: unknown }).id;
    if (own !== id) {
      return {
        issue: t(
          `Опрос в форме имеет идентификатор «${String(own)}», а адрес — «${id}».`,
          `The survey in the form has id "${String(own)}" but the address says "${id}".`,
        ),
      };
    }
    return { draft };
  }

  /**
   * Everything the review shows for a draft. A version at or below the published one is raised to
   * the next, since published versions never change (the page says so).
   */
  async function review(
    id: string,
    draft: Record<string, unknown>,
  ): Promise<Omit<ReviewView, 'lang' | 'session' | 'here'>> {
    const current = await deps.surveys.current(id);
    let raised: ReviewView['raised'];
    const v = draft['version'];
    if (
      current &&
      typeof v === 'number' &&
      Number.isInteger(v) &&
      v <= current.version &&
      !sameAsCurrent(draft, current)
    ) {
      raised = { from: v, to: current.version + 1 };
      draft = { ...draft, version: current.version + 1 };
    }
    const parsed = parseSurvey(draft);
    const survey = parsed.ok ? parsed.value : undefined;
    const diff = survey && current ? diffSurveys(current, survey) : undefined;
    const title = (draft['title'] ?? current?.title) as Survey['title'] | undefined;
    return {
      id,
      ...(title && typeof title === 'object' ? { title } : {}),
      draft: JSON.stringify(draft),
      ...(typeof draft['version'] === 'number' ? { version: draft['version'] } : {}),
      ...(current ? { current: current.version } : {}),
      ...(raised ? { raised } : {}),
      errors: parsed.ok ? [] : groupIssues(draft, parsed.issues),
      changes: diff?.changes ?? [],
      warnings: diff?.breaksComparability ?? [],
    };
  }

  /** The survey id of the path and the draft of the posted form, or the 400 page saying which is wrong. */
  async function postedDraft(
    c: Context,
  ): Promise<Response | { id: string; draft: Record<string, unknown>; form: Form }> {
    const lang = pickLang(c);
    const t = translator(lang);
    const id = pathId(c);
    if (!id)
      return message(
        c,
        400,
        t('Неверный адрес', 'Bad address'),
        t('Идентификатор опроса в адресе неверен.', 'The survey id in the address is invalid.'),
      );
    const form = await readForm(c);
    if (form instanceof Response) return form;
    const { draft, issue } = readDraft(field(form, 'survey'), id, lang);
    if (issue) return message(c, 400, t('Опрос не прочитан', 'Survey not read'), issue);
    return { id, draft: draft as Record<string, unknown>, form };
  }

  app.post('/admin/surveys/:id/review', adminOnly, tooLarge, async (c) => {
    const posted = await postedDraft(c);
    if (posted instanceof Response) return posted;
    return send(c, reviewPage({ ...base(c), ...(await review(posted.id, posted.draft)) }));
  });

  app.post('/admin/surveys/:id/publish', adminOnly, tooLarge, async (c) => {
    const posted = await postedDraft(c);
    if (posted instanceof Response) return posted;
    const { id, draft, form } = posted;
    const lang = pickLang(c);
    const t = translator(lang);
    const shown = await review(id, draft);
    const again = (status: Status, extra: Partial<ReviewView>) =>
      send(c, reviewPage({ ...base(c), ...shown, ...extra }), status);
    if (shown.errors.length) return again(400, {});
    // The same confirmation the page asked for: warnings were seen and accepted.
    if (shown.warnings.length && field(form, 'acknowledge') !== 'yes')
      return again(400, { missingAck: true });
    const r = await publishVersion(deps, JSON.parse(shown.draft));
    switch (r.status) {
      case 'invalid':
        return again(400, { errors: groupIssues(JSON.parse(shown.draft), r.issues) });
      case 'unstorable':
        return again(400, {
          problem: t(
            'База данных отказалась сохранить значение этого опроса (недопустимые символы или значения).',
            'The database refused a value of this survey (invalid characters or values).',
          ),
        });
      case 'conflict':
        return again(409, {
          problem: t(
            'Эта версия уже опубликована с другим содержанием; обновите страницу проверки.',
            'This version is already published with a different definition; review again.',
          ),
        });
      default:
        return c.redirect(
          `/admin/surveys/${encodeURIComponent(id)}/share?published=${r.status}${lang === 'en' ? '&lang=en' : ''}`,
          303,
        );
    }
  });

  app.get('/admin/surveys/:id/share', adminOnly, async (c) => {
    const lang = pickLang(c);
    const t = translator(lang);
    const id = pathId(c);
    const survey = id ? await deps.surveys.current(id) : undefined;
    if (!id || !survey)
      return message(
        c,
        404,
        t('Опрос не найден', 'Survey not found'),
        `${t('Нет опубликованного опроса', 'No published survey')} «${c.req.param('id')}».`,
      );
    const q = c.req.query();
    const active = await deps.catalogs.active();
    const objects = objectEntries(survey, active);
    const touchpoints = active['touchpoints'] ?? [];
    const pick = (v: string | undefined, list: CatalogEntry[]) =>
      v && (list.length === 0 || list.some((e) => e.id === v)) && v.length <= 200 ? v : undefined;
    const channel = ['site', 'kiosk', 'intranet', 'other'].includes(q['channel'] ?? '')
      ? q['channel']!
      : 'site';
    const object = pick(q['object'], objects.length ? objects : [{ id: '', text: { ru: '' } }]);
    const touchpoint = pick(q['touchpoint']?.trim(), touchpoints);
    const surveyLang: Lang = q['surveyLang'] === 'en' ? 'en' : 'ru';
    const origin = deps.config.publicUrl?.replace(/\/+$/, '') ?? new URL(c.req.url).origin;
    const links = shareLinks({
      origin,
      survey: id,
      channel,
      lang: surveyLang,
      ...(object ? { object } : {}),
      ...(touchpoint ? { touchpoint } : {}),
    });
    const svg = await qrSvg(
      links.qr,
      t(`QR-код ссылки на опрос: ${links.qr}`, `QR code of the survey link: ${links.qr}`),
    );
    const published =
      q['published'] === 'created' || q['published'] === 'unchanged' ? q['published'] : undefined;
    return send(
      c,
      sharePage({
        ...base(c),
        id,
        title: survey.title,
        version: survey.version,
        ...(published ? { published } : {}),
        channel,
        ...(object ? { object } : {}),
        ...(touchpoint ? { touchpoint } : {}),
        surveyLang,
        objects,
        touchpoints,
        links,
        qrSvg: svg,
      }),
    );
  });

  app.get('/admin/surveys/:id/export', adminOnly, async (c) => {
    const t = translator(pickLang(c));
    const id = pathId(c);
    const raw = c.req.query('version');
    const version = raw === undefined ? undefined : /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : NaN;
    const survey =
      !id || Number.isNaN(version)
        ? undefined
        : version === undefined
          ? await deps.surveys.current(id)
          : await deps.surveys.version(id, version);
    if (!id || !survey)
      return message(
        c,
        404,
        t('Опрос не найден', 'Survey not found'),
        `${t('Нет такой версии опроса', 'No such version of survey')} «${c.req.param('id')}».`,
      );
    return c.body(`${JSON.stringify(survey, null, 2)}\n`, 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${survey.id}-v${survey.version}.json"`,
      'Cache-Control': 'no-store',
    });
  });

  app.get('/admin/surveys/import', adminOnly, (c) => send(c, importFormPage(base(c))));

  app.post('/admin/surveys/import', adminOnly, tooLarge, async (c) => {
    const lang = pickLang(c);
    const t = translator(lang);
    const form = await readForm(c);
    if (form instanceof Response) return form;
    const file = form['file'];
    const text =
      file instanceof File && file.size > 0 ? await file.text() : (field(form, 'text') ?? '');
    const id = (field(form, 'id') ?? 'imported').trim();
    const again = (error: string) => send(c, importFormPage({ ...base(c), error, text, id }), 400);
    if (!ZId.safeParse(id).success)
      return again(
        t(
          'Идентификатор: латинские буквы, цифры, _ . -, начинается с буквы, до 64 символов.',
          'Id: Latin letters, digits, _ . -, starting with a letter, up to 64 characters.',
        ),
      );
    if (text.trim() === '')
      return again(
        t(
          'Нет опроса: выберите файл или вставьте текст JSON.',
          'No survey: choose a file or paste the JSON text.',
        ),
      );
    const current = await deps.surveys.current(id);
    const r = importSurveyJs(text, { id, version: (current?.version ?? 0) + 1 });
    if (!r.ok) return again(r.issues.map((i: Issue) => i.message[lang]).join(' '));
    const parsed = parseSurvey(r.value.survey);
    return send(
      c,
      importResultPage({
        ...base(c),
        id,
        title: r.value.survey.title,
        questions: r.value.survey.questions.length,
        unsupported: r.value.unsupported,
        errors: parsed.ok ? [] : groupIssues(r.value.survey, parsed.issues),
        draft: JSON.stringify(r.value.survey),
      }),
    );
  });

  return app;
}

/** The draft is the current version itself (under any version number): publishing it is a no-op. */
function sameAsCurrent(draft: Record<string, unknown>, current: Survey): boolean {
  const p = parseSurvey({ ...draft, version: current.version });
  return p.ok && canonicalJson(p.value) === canonicalJson(current);
}

/**
 * The services a link can name: the entries of the question whose answer is the response's object
 * (its options, or its catalogue as published on the collector, else as shipped with the survey).
 */
function objectEntries(survey: Survey, active: Record<string, CatalogEntry[]>): CatalogEntry[] {
  const q = survey.questions.find((x) => x.context === 'object' && canBindContext(x));
  if (!q || (q.type !== 'list' && q.type !== 'single')) return [];
  if (q.type === 'list' && isCatalogList(q)) {
    const name = q.catalog!;
    return active[name] ?? survey.catalogs?.[name] ?? [];
  }
  return q.options ?? [];
}
