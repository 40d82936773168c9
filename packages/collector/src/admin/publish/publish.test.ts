import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Survey } from '@otklik/core';
import { belgorodTypical } from '@otklik/core/templates';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, openDb } from '../../reports/test-db.js';
import type { Db } from '../../store/db.js';
import { ADMIN_TOKEN, makeApp } from '../../test/harness.js';
import { pulse, pulseV2 } from '../../test/fixtures.js';

const ANALYST = 'test-analyst-token-9876543210';
const ORIGIN = 'http://localhost';
const require = createRequire(import.meta.url);
const SURVEY_SCHEMA = JSON.parse(
  readFileSync(require.resolve('@otklik/core/schema/survey.schema.json'), 'utf8'),
) as object;
const BELGOROD_SJS = readFileSync(
  new URL('../../../../core/test/fixtures/belgorod.surveyjs.json', import.meta.url),
  'utf8',
);

const cookieOf = (res: Response): string => (res.headers.get('set-cookie') ?? '').split(';')[0]!;
/** The CSRF value a page's forms carry. */
const csrfOf = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
/** Undoes the HTML escaping of an attribute value. */
const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const hiddenSurvey = (html: string): string =>
  unescape(/name="survey" value="([^"]*)"/.exec(html)![1]!);

describe.each(DB_KINDS)('publishing pages on %s', (kind) => {
  let db: Db;
  let app: Hono;
  let adminCookie: string;
  let csrf: string;
  let analystCookie: string;

  const signIn = async (token: string) => {
    const res = await app.request('/admin/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
      body: new URLSearchParams({ token, next: '/admin' }).toString(),
    });
    return cookieOf(res);
  };
  const post = (path: string, fields: Record<string, string>, cookie = adminCookie) =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, cookie },
      body: new URLSearchParams(fields).toString(),
    });
  const get = (path: string, cookie = adminCookie) => app.request(path, { headers: { cookie } });

  beforeAll(async () => {
    db = await openDb(kind, 'otklik_test_publish');
    const made = await makeApp(db, {
      config: {
        adminTokens: [ADMIN_TOKEN],
        analystTokens: [ANALYST],
        allowedOrigins: {},
        widgetDir: '/nonexistent',
        demo: false,
        publicUrl: 'https://opros.example.gov.ru',
      },
    });
    app = made.app;
    await made.deps.catalogs.put('touchpoints', [
      { id: 'office-1', text: { ru: 'Офис на Ленина', en: 'Lenin St office' } },
    ]);
    adminCookie = await signIn(ADMIN_TOKEN);
    analystCookie = await signIn(ANALYST);
    csrf = csrfOf(await (await get('/admin/surveys/import')).text());
  });
  afterAll(async () => db?.close());

  const draftV3 = (over: Partial<Survey> = {}): Survey => ({ ...pulseV2, version: 3, ...over });

  it('refuses every page without a session (401, the sign-in form) and to an analyst', async () => {
    const pages: [string, Record<string, string> | undefined][] = [
      ['/admin/surveys/import', undefined],
      ['/admin/surveys/test-pulse/share', undefined],
      ['/admin/surveys/test-pulse/export', undefined],
      ['/admin/surveys/test-pulse/review', { survey: JSON.stringify(draftV3()), _csrf: csrf }],
      ['/admin/surveys/test-pulse/publish', { survey: JSON.stringify(draftV3()), _csrf: csrf }],
      ['/admin/surveys/import', { text: BELGOROD_SJS, _csrf: csrf }],
    ];
    for (const cookie of ['', analystCookie]) {
      for (const [path, form] of pages) {
        const res = form ? await post(path, form, cookie) : await get(path, cookie);
        expect(res.status, `${path} ${cookie ? 'analyst' : 'anonymous'}`).toBe(401);
        const html = await res.text();
        expect(html).toContain('name="token"');
        expect(html).not.toContain('feedback-survey');
      }
    }
    expect((await app.request('/v1/surveys/test-pulse')).status).toBe(200);
    expect(((await (await app.request('/v1/surveys/test-pulse')).json()) as Survey).version).toBe(
      2,
    );
  });

  it('still lets an analyst read the dashboard of the same survey', async () => {
    expect((await get('/admin/surveys/test-pulse', analystCookie)).status).toBe(200);
  });

  it('links the surveys list to the import, and a survey’s menu to its pages, for administrators only', async () => {
    const hrefs = async (path: string, cookie: string) =>
      [...(await (await get(path, cookie)).text()).matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    const mine = [
      '/admin/surveys/test-pulse/edit',
      '/admin/surveys/test-pulse/share',
      '/admin/surveys/test-pulse/export',
    ];
    expect(await hrefs('/admin', adminCookie)).toContain('/admin/surveys/import');
    expect(await hrefs('/admin/surveys/test-pulse', adminCookie)).toEqual(
      expect.arrayContaining(mine),
    );
    // The links lead somewhere: each page answers the administrator.
    for (const href of ['/admin/surveys/import', ...mine])
      expect((await get(href)).status, href).toBe(200);
    // In English the links keep the language.
    expect(await hrefs('/admin?lang=en', adminCookie)).toContain('/admin/surveys/import?lang=en');
    expect(await hrefs('/admin/surveys/test-pulse?lang=en', adminCookie)).toContain(
      '/admin/surveys/test-pulse/share?lang=en',
    );
    // An analyst reads the same pages without them.
    const list = await hrefs('/admin', analystCookie);
    const dashboard = await hrefs('/admin/surveys/test-pulse', analystCookie);
    expect(list).toContain('/admin/surveys/test-pulse');
    expect(list.filter((h) => h.startsWith('/admin/surveys/import'))).toEqual([]);
    expect(dashboard.filter((h) => mine.some((m) => h.startsWith(m)))).toEqual([]);
  });

  it('refuses a form without the session’s CSRF value, and one from another origin', async () => {
    const body = { survey: JSON.stringify(draftV3()) };
    for (const fields of [body, { ...body, _csrf: 'forged' }]) {
      const res = await post('/admin/surveys/test-pulse/review', fields);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('Запрос отклонён');
    }
    const foreign = await app.request('/admin/surveys/test-pulse/publish', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
        cookie: adminCookie,
      },
      body: new URLSearchParams({ ...body, _csrf: csrf }).toString(),
    });
    expect(foreign.status).toBe(403);
  });

  it('answers bad JSON, a non-object and a foreign id with a 400 that says what is wrong', async () => {
    const cases: [string, RegExp][] = [
      ['{"id": "test-pulse",', /Поле survey — не JSON: /],
      ['[1, 2]', /должно быть объектом JSON/],
      ['', /Поле survey пусто/],
      [JSON.stringify({ ...pulse, id: 'other' }), /идентификатор «other», а адрес — «test-pulse»/],
    ];
    for (const [survey, why] of cases) {
      for (const action of ['review', 'publish']) {
        const res = await post(`/admin/surveys/test-pulse/${action}`, { survey, _csrf: csrf });
        expect(res.status, `${action} ${survey}`).toBe(400);
        expect(await res.text()).toMatch(why);
      }
    }
    const en = await post('/admin/surveys/test-pulse/review?lang=en', { survey: '{', _csrf: csrf });
    expect(await en.text()).toMatch(/The survey field is not JSON/);
    const badId = await post('/admin/surveys/bad%20id/review', { survey: '{}', _csrf: csrf });
    expect(badId.status).toBe(400);
  });

  it('shows the checker’s errors at the question they concern, and no publish form', async () => {
    const broken = structuredClone(pulseV2) as unknown as { questions: Record<string, unknown>[] };
    broken.questions[1]!['showIf'] = { op: 'equals', question: 'q9', value: 1 };
    (broken.questions[0] as { max: number }).max = 0;
    const res = await post('/admin/surveys/test-pulse/review', {
      survey: JSON.stringify(broken),
      _csrf: csrf,
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/Вопрос 1 \(q1\)/);
    expect(html).toMatch(/Вопрос 2 \(q2\)[^]*Условие ссылается на несуществующий вопрос «q9»/);
    expect(html).toContain('questions[1].showIf.question');
    expect(html).not.toContain('action="/admin/surveys/test-pulse/publish');
    const en = await (
      await post('/admin/surveys/test-pulse/review?lang=en', {
        survey: JSON.stringify(broken),
        _csrf: csrf,
      })
    ).text();
    expect(en).toContain('Condition refers to unknown question &quot;q9&quot;');
  });

  it('shows the diff from the published version and the comparability warnings', async () => {
    const q1 = pulseV2.questions[0] as Extract<Survey['questions'][number], { type: 'scale' }>;
    const draft = draftV3({
      questions: [{ ...q1, max: 5 }, ...pulseV2.questions.slice(1)],
    });
    const html = await (
      await post('/admin/surveys/test-pulse/review', { survey: JSON.stringify(draft), _csrf: csrf })
    ).text();
    expect(html).toContain('Изменения по сравнению с версией 2');
    expect(html).toContain('Вопрос q1: шкала 1…10 → 1…5');
    expect(html).toContain('Сопоставимость с прошлыми периодами');
    expect(html).toMatch(/name="acknowledge"[^>]*required/);
    expect(html).toContain('Опубликовать версию 3');
  });

  it('raises a version at or below the published one and says so', async () => {
    const html = await (
      await post('/admin/surveys/test-pulse/review', {
        survey: JSON.stringify({ ...pulseV2, title: { ru: 'Пульс 2' } }),
        _csrf: csrf,
      })
    ).text();
    expect(html).toContain('В черновике указана версия 2');
    expect(JSON.parse(hiddenSurvey(html)).version).toBe(3);
  });

  it('publishes through the API’s path: warnings must be acknowledged, then version 3 is served', async () => {
    const q1 = pulseV2.questions[0] as Extract<Survey['questions'][number], { type: 'scale' }>;
    const draft = draftV3({ questions: [{ ...q1, max: 7 }, ...pulseV2.questions.slice(1)] });
    const review = await (
      await post('/admin/surveys/test-pulse/review', { survey: JSON.stringify(draft), _csrf: csrf })
    ).text();
    const survey = hiddenSurvey(review);
    const unacked = await post('/admin/surveys/test-pulse/publish', { survey, _csrf: csrf });
    expect(unacked.status).toBe(400);
    expect(await unacked.text()).toContain('Отметьте, что вы понимаете последствия.');
    expect(((await (await app.request('/v1/surveys/test-pulse')).json()) as Survey).version).toBe(
      2,
    );

    const done = await post('/admin/surveys/test-pulse/publish', {
      survey,
      _csrf: csrf,
      acknowledge: 'yes',
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/admin/surveys/test-pulse/share?published=created');
    const served = (await (await app.request('/v1/surveys/test-pulse')).json()) as Survey;
    expect(served.version).toBe(3);
    expect((served.questions[0] as { max: number }).max).toBe(7);

    // The same form again: the current version itself, so nothing new is published.
    const again = await post('/admin/surveys/test-pulse/publish', {
      survey,
      _csrf: csrf,
      acknowledge: 'yes',
    });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(
      '/admin/surveys/test-pulse/share?published=unchanged',
    );
    expect(((await (await app.request('/v1/surveys/test-pulse')).json()) as Survey).version).toBe(
      3,
    );
  });

  it('publishes a form made before another version appeared as the next version, never over it', async () => {
    const stale = draftV3({ version: 9, title: { ru: 'Девятая' } });
    const r1 = await app.request('/v1/surveys', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ ...stale, title: { ru: 'Другая девятая' } }),
    });
    expect(r1.status).toBe(201);
    const res = await post('/admin/surveys/test-pulse/publish', {
      survey: JSON.stringify(stale),
      _csrf: csrf,
      acknowledge: 'yes',
    });
    expect(res.status).toBe(303);
    const served = (await (await app.request('/v1/surveys/test-pulse')).json()) as Survey;
    expect([served.version, served.title.ru]).toEqual([10, 'Девятая']);
    const nine = (await (await app.request('/v1/surveys/test-pulse/versions/9')).json()) as Survey;
    expect(nine.title.ru).toBe('Другая девятая');
  });

  it('shares: embed code, links with context, an SVG QR code and the poster', async () => {
    const res = await get(
      '/admin/surveys/test-pulse/share?channel=kiosk&touchpoint=office-1&surveyLang=en&object=x%22%3E',
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(
      'https://opros.example.gov.ru/s/test-pulse?channel=email&amp;touchpoint=office-1&amp;lang=en',
    );
    expect(html).toContain('https://opros.example.gov.ru/s/test-pulse?channel=sms&amp;');
    expect(html).toContain('channel=&quot;kiosk&quot;');
    expect(html).toMatch(
      /&lt;feedback-survey\n {2}collector=&quot;https:\/\/opros\.example\.gov\.ru&quot;/,
    );
    expect(html).toMatch(
      /<svg role="img" aria-label="QR-код ссылки на опрос: https:\/\/opros\.example\.gov\.ru\/s\/test-pulse\?channel=qr&amp;touchpoint=office-1&amp;lang=en"/,
    );
    expect(html).toContain('class="poster"');
    // An object not in the survey's list is not put in links.
    expect(html).not.toMatch(/channel=(email|sms|qr)[^"]*object=/);
    const unknown = await get('/admin/surveys/nope/share');
    expect(unknown.status).toBe(404);
  });

  it('exports the published survey as JSON that core’s JSON Schema accepts', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(SURVEY_SCHEMA);
    const res = await get('/admin/surveys/test-pulse/export?version=1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="test-pulse-v1.json"',
    );
    const json = (await res.json()) as Survey;
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json).toEqual(pulse);
    // The check is real: the same survey with a stray field fails the schema.
    expect(validate({ ...json, colour: 'red' })).toBe(false);
    expect((await get('/admin/surveys/test-pulse/export?version=x')).status).toBe(404);
  });

  it('imports the Belgorod form from SurveyJS, lists what was not carried over, and sends it to review', async () => {
    const res = await post('/admin/surveys/import', {
      text: BELGOROD_SJS,
      id: 'belgorod-sjs',
      _csrf: csrf,
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(
      `Перенесено вопросов: <strong>${belgorodTypical.questions.length}</strong>`,
    );
    expect(html).toContain('pages[1].elements[1].columns');
    expect(html).toContain('action="/admin/surveys/belgorod-sjs/review"');
    const draft = hiddenSurvey(html);
    const parsed = JSON.parse(draft) as Survey;
    expect(parsed.questions.map((q) => q.id)).toEqual(belgorodTypical.questions.map((q) => q.id));

    const review = await (
      await post('/admin/surveys/belgorod-sjs/review', { survey: draft, _csrf: csrf })
    ).text();
    expect(review).toContain('Это первая версия опроса.');
    const done = await post('/admin/surveys/belgorod-sjs/publish', {
      survey: hiddenSurvey(review),
      _csrf: csrf,
    });
    expect(done.status).toBe(303);
    expect((await app.request('/v1/surveys/belgorod-sjs')).status).toBe(200);
  });

  it('takes the SurveyJS file as an upload too', async () => {
    const form = new FormData();
    form.set('_csrf', csrf);
    form.set('id', 'uploaded');
    form.set('file', new File([BELGOROD_SJS], 'belgorod.json', { type: 'application/json' }));
    const res = await app.request('/admin/surveys/import?lang=en', {
      method: 'POST',
      headers: { origin: ORIGIN, cookie: adminCookie },
      body: form,
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(
      `Questions carried over: <strong>${belgorodTypical.questions.length}</strong>`,
    );
  });

  it('answers bad import input with a 400 form that keeps the text and says why', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ text: '{"pages": [' }, /Некорректный JSON/],
      [{ text: '{"title": "x"}' }, /Это не опрос SurveyJS/],
      [{ text: '' }, /Нет опроса: выберите файл/],
      [{ text: BELGOROD_SJS, id: '1bad' }, /Идентификатор: латинские буквы/],
    ];
    for (const [fields, why] of cases) {
      const res = await post('/admin/surveys/import', { ...fields, _csrf: csrf });
      expect(res.status, JSON.stringify(fields).slice(0, 40)).toBe(400);
      const html = await res.text();
      expect(html).toMatch(why);
      expect(html).toContain('role="alert"');
    }
  });

  it('refuses a form larger than a survey may be with a page, not a crash', async () => {
    const res = await post('/admin/surveys/test-pulse/review', {
      survey: 'x'.repeat(1024 * 1024 + 70 * 1024),
      _csrf: csrf,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Слишком большой файл');
  });
});
