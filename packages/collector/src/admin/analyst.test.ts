import type { Hono } from 'hono';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, openDb } from '../reports/test-db.js';
import { SAMPLE, insertResponses } from '../reports/test-seed.js';
import type { Db } from '../store/db.js';
import { ADMIN_TOKEN, admin, makeApp } from '../test/harness.js';
import { sampleComplaints } from '../themes/sample-complaints.js';
import type { ThemeSummary } from '../themes/store.js';

const ANALYST = 'test-analyst-token-9876543210';
const ORIGIN = 'http://localhost';
const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=1">';
const ID = 'act';
const SURVEY = {
  ...SAMPLE,
  id: ID,
  catalogs: {
    services: [
      { id: 'svc-1', text: { ru: 'Выдача справок', en: 'Certificates' } },
      { id: 'svc-2', text: { ru: 'Приём документов', en: 'Documents' } },
    ],
    touchpoints: [{ id: 'office-quiet', text: { ru: 'Тихий офис', en: 'Quiet office' } }],
  },
};

const cookieOf = (res: Response): string => (res.headers.get('set-cookie') ?? '').split(';')[0]!;
const csrfOf = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;

describe.each(DB_KINDS)('analyst pages on %s', (kind) => {
  let db: Db;
  let app: Hono;
  let analyst: string;
  let boss: string;

  beforeAll(async () => {
    db = await openDb(kind, 'otklik_test_admin_act');
    const made = await makeApp(db, {
      config: {
        adminTokens: [ADMIN_TOKEN],
        analystTokens: [ANALYST],
        allowedOrigins: { '*': ['https://a.gov.ru'] },
        widgetDir: '/nonexistent',
        demo: false,
      },
    });
    app = made.app;
    await made.deps.surveys.publish(SURVEY);
    // 64 complaints in Q1 2026 (the last two carry markup), two answers in Q4 2025.
    const texts = sampleComplaints(62, 7).map((x) => x.text);
    texts.push(SCRIPT, IMG);
    await insertResponses(db, ID, [
      ...texts.map((t, i) => ({
        object: i % 2 ? 'svc-1' : 'svc-2',
        channel: i % 3 ? 'site' : 'kiosk',
        touchpoint: 'office-1',
        answeredAt: new Date(Date.UTC(2026, 0, 5, 10, i)).toISOString(),
        answers: { q2: (i % 5) + 1, q3: i % 4 ? ['queue'] : ['other'], q7: t },
        ...(i % 4 ? {} : { specify: { q3: { other: `Другое ${i}` } } }),
      })),
      {
        object: 'svc-1',
        channel: 'site',
        touchpoint: 'office-1',
        answeredAt: '2025-11-10T10:00:00Z',
        answers: { q2: 5 },
      },
      {
        object: 'svc-1',
        channel: 'kiosk',
        touchpoint: 'office-2',
        answeredAt: '2025-11-11T10:00:00Z',
        answers: { q2: 4 },
      },
    ]);
    // The list is newest first by arrival: let them arrive when they were answered.
    await db.query('UPDATE responses SET received_at = answered_at WHERE survey_id = $1', [ID]);
    const signIn = async (token: string) =>
      cookieOf(
        await app.request('/admin/sign-in', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
          body: new URLSearchParams({ token }).toString(),
        }),
      );
    analyst = await signIn(ANALYST);
    boss = await signIn(ADMIN_TOKEN);
  });
  afterAll(async () => db?.close());

  const get = async (path: string, cookie: string) => {
    const res = await app.request(path, { headers: { cookie } });
    return { status: res.status, html: await res.text(), res };
  };
  const post = (path: string, cookie: string, fields: Record<string, string>, origin = ORIGIN) =>
    app.request(path, {
      method: 'POST',
      headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  const themes = async () =>
    (await (
      await app.request(`/v1/surveys/${ID}/themes?question=q7`, { headers: admin })
    ).json()) as { themes: ThemeSummary[]; unsorted: { count: number } };

  const PAGES = [
    `/admin/surveys/${ID}/answers`,
    `/admin/surveys/${ID}/themes`,
    `/admin/surveys/${ID}/pain-map`,
    `/admin/surveys/${ID}/pain-map.xlsx`,
    `/admin/report?survey=${ID}&period=2026-Q1`,
  ];

  it('refuses every page and form without a session, and changes to analysts', async () => {
    for (const path of PAGES) {
      const res = await app.request(path);
      expect(res.status, path).toBe(401);
      expect(await res.text()).not.toMatch(/Выдача справок|очеред/i);
    }
    const anon = await post(`/admin/surveys/${ID}/pain-map/rows`, '', { process: 'x' });
    expect(anon.status).toBe(401);
    for (const path of PAGES) expect((await get(path, analyst)).status, path).toBe(200);
    const page = await get(`/admin/surveys/${ID}/pain-map`, analyst);
    // Analysts read: no forms that change anything, and a POST is refused.
    expect(page.html).not.toContain('action="/admin/surveys/act/pain-map/rows');
    const res = await post(`/admin/surveys/${ID}/pain-map/rows`, analyst, {
      _csrf: csrfOf(page.html),
      process: 'Приём',
      problem: 'Очередь',
      source: 'appeal',
      prevalence: 'high',
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Нужны права администратора');
  });

  it('lists open answers newest first, 50 a page, as text only', async () => {
    // Without a question: the first open (text) question, not q3's «Другое» texts.
    const plain = await get(`/admin/surveys/${ID}/answers`, analyst);
    expect(plain.html).toContain('<h2 id="list-h">Ваши предложения</h2>');
    const first = await get(`/admin/surveys/${ID}/answers?question=q7`, analyst);
    expect(first.status).toBe(200);
    // Markup typed by respondents is shown, escaped, and never becomes an element.
    expect(first.html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(first.html).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');
    expect(first.html).not.toContain(SCRIPT);
    expect(first.html).not.toContain('<img src=x');
    // The newest (the <img> one, answered last) comes first.
    const items = first.html.split('<li><p class="answer">').slice(1);
    expect(items).toHaveLength(50);
    expect(items[0]).toMatch(/^&lt;img/);
    const next = /href="([^"]*cursor=[^"]+)"/.exec(first.html)![1]!.replace(/&amp;/g, '&');
    const second = await get(next, analyst);
    expect(second.html.split('<li><p class="answer">').length - 1).toBe(14);
    expect(second.html).toContain('К самым новым');
  });

  it('narrows the answers with the dashboard’s filters and a search', async () => {
    const count = (html: string) => html.split('<li><p class="answer">').length - 1;
    const kiosk = await get(
      `/admin/surveys/${ID}/answers?question=q7&slice=channel:kiosk`,
      analyst,
    );
    expect(count(kiosk.html)).toBe(22); // i % 3 === 0 of 0…63
    const svc = await get(
      `/admin/surveys/${ID}/answers?question=q7&slice=object:svc-1&from=2026-01-01&to=2026-01-31`,
      analyst,
    );
    expect(count(svc.html)).toBe(32);
    expect(svc.html).toContain('Выдача справок');
    const none = await get(`/admin/surveys/${ID}/answers?question=q7&respondent=internal`, analyst);
    expect(none.html).toContain('Ответов с таким фильтром нет.');
    const search = await get(
      `/admin/surveys/${ID}/answers?question=q7&q=${encodeURIComponent('onerror')}`,
      analyst,
    );
    expect(count(search.html)).toBe(1);
    const specify = await get(`/admin/surveys/${ID}/answers?question=q3`, analyst);
    expect(specify.html).toContain('Другое 60');
  });

  it('answers bad input with a 400 page that names the field, never a 500', async () => {
    const cases: [string, number, string][] = [
      [`/admin/surveys/${ID}/answers?question=q2`, 400, '«question»'],
      [`/admin/surveys/${ID}/answers?question=q7&from=2026-02-30`, 400, '«from»'],
      [`/admin/surveys/${ID}/answers?question=q7&cursor=bogus`, 400, 'курсор'],
      [`/admin/surveys/${ID}/answers?question=q7&q=${'я'.repeat(201)}`, 400, '«q»'],
      [`/admin/surveys/${ID}/answers?question=q7&theme=nope`, 400, '«theme»'],
      [`/admin/surveys/${ID}/answers?question=q7&slice=planet:mars`, 400, '«slice»'],
      [`/admin/surveys/${ID}/themes?question=zzz`, 400, '«question»'],
      [`/admin/surveys/${ID}/pain-map?period=2026-Q5`, 400, '«period»'],
      [`/admin/report?period=2026-Q5`, 400, '«period»'],
      [`/admin/report?from=2026-03-01&to=2026-01-01`, 400, '«to»'],
      [`/admin/report?survey=nope&period=2026`, 404, 'nope'],
      [`/admin/surveys/nope/answers`, 404, 'nope'],
    ];
    const huge = await post(`/admin/surveys/${ID}/pain-map/rows`, boss, {
      measures: 'я'.repeat(300_000),
    });
    expect([huge.status, await huge.text()]).toEqual([
      413,
      expect.stringContaining('Форма слишком большая'),
    ]);
    for (const [path, status, text] of cases) {
      const r = await get(path, analyst);
      expect(r.status, path).toBe(status);
      expect(r.html, path).toContain(text);
    }
  });

  it('groups themes once, stores them, and keeps the analyst’s edits through new responses', async () => {
    const page = await get(`/admin/surveys/${ID}/themes?question=q7`, boss);
    expect(page.status).toBe(200);
    const before = await themes();
    expect(before.themes.length).toBeGreaterThan(1);
    const [a, b] = before.themes;
    expect(page.html).toContain(`id="th-${a!.id}"`);
    const csrf = csrfOf(page.html);
    const action = (id: string, what: string, fields: Record<string, string>) =>
      post(`/admin/surveys/${ID}/themes/${id}/${what}`, boss, {
        _csrf: csrf,
        question: 'q7',
        ...fields,
      });

    // A wrong CSRF value, or a form from another site, changes nothing.
    expect((await action(a!.id, 'rename', { _csrf: 'forged', name: 'X' })).status).toBe(403);
    const foreign = await post(
      `/admin/surveys/${ID}/themes/${a!.id}/rename`,
      boss,
      { _csrf: csrf, name: 'X' },
      'https://evil.example',
    );
    expect(foreign.status).toBe(403);
    // Bad values: 400 naming the field; an unknown theme: 404.
    const long = await action(a!.id, 'rename', { name: 'я'.repeat(201) });
    expect([long.status, await long.text()]).toEqual([400, expect.stringContaining('«name»')]);
    const k = await action(a!.id, 'split', { k: 'abc' });
    expect([k.status, await k.text()]).toEqual([400, expect.stringContaining('«k»')]);
    expect((await action('not-a-uuid', 'rename', { name: 'X' })).status).toBe(404);

    const renamed = await action(a!.id, 'rename', { name: 'Очереди <и> ожидание' });
    expect(renamed.status).toBe(303);
    expect(renamed.headers.get('location')).toBe(`/admin/surveys/${ID}/themes?question=q7&saved=1`);
    const after = await get(renamed.headers.get('location')!, boss);
    expect(after.html).toContain('Очереди &lt;и&gt; ожидание');
    expect(after.html).toContain('Изменение сохранено.');

    // Move one example of b into a, then merge b into a.
    const moved = await post(`/admin/surveys/${ID}/answers/move`, boss, {
      _csrf: csrf,
      question: 'q7',
      response: b!.examples[0]!.responseId,
      option: '',
      theme: a!.id,
      back: `/admin/surveys/${ID}/themes?question=q7`,
    });
    expect(moved.status).toBe(303);
    expect((await themes()).themes.find((x) => x.id === a!.id)!.count).toBe(a!.count + 1);
    expect((await action(b!.id, 'merge', { into: a!.id })).status).toBe(303);
    const merged = await themes();
    expect(merged.themes.some((x) => x.id === b!.id)).toBe(false);
    expect(merged.themes.find((x) => x.id === a!.id)!.count).toBe(a!.count + b!.count);

    // New responses are filed into the existing themes; the name and the merge stay.
    await insertResponses(db, ID, [
      {
        object: 'svc-1',
        answeredAt: '2026-02-01T10:00:00Z',
        answers: { q2: 2, q7: 'Очередь в окно два часа, долго ждали' },
      },
    ]);
    await get(`/admin/surveys/${ID}/themes?question=q7`, boss);
    const later = await themes();
    const kept = later.themes.find((x) => x.id === a!.id)!;
    expect(kept.name).toBe('Очереди <и> ожидание');
    expect(later.themes.length + (later.unsorted.count > 0 ? 0 : 0)).toBe(merged.themes.length);
    expect(
      kept.count +
        later.themes.filter((x) => x.id !== a!.id).reduce((s, x) => s + x.count, 0) +
        later.unsorted.count,
    ).toBe(65);

    // Split a theme in two from the form.
    const big = later.themes[0]!;
    expect((await action(big.id, 'split', { k: '2' })).status).toBe(303);
    expect((await themes()).themes.some((x) => x.id === big.id)).toBe(false);
  });

  it('keeps a pain map: suggestions with evidence, rows from any source, history, XLSX, decisions', async () => {
    const page = await get(`/admin/surveys/${ID}/pain-map?period=2026-Q1`, boss);
    expect(page.status).toBe(200);
    // Suggested: the problem option «Очередь» with its count and share (33 responses to svc-1).
    expect(page.html).toMatch(
      /Выдача справок<\/td><th scope="row" class="wrap">Очередь<\/th><td>Проблема из анкеты<\/td><td>Высокая<\/td><td class="num">32 из (32 \(100|33 \(97)\u00a0%\)/,
    );
    expect(page.html).toContain('Тема открытых ответов');
    const csrf = csrfOf(page.html);
    const to = (rest: string, fields: Record<string, string>) =>
      post(`/admin/surveys/${ID}/pain-map${rest}?period=2026-Q1`, boss, { _csrf: csrf, ...fields });

    expect((await to('/suggested', {})).status).toBe(303);
    const bad = await to('/rows', {
      process: '',
      problem: 'x',
      source: 'rumour',
      prevalence: 'high',
    });
    expect(bad.status).toBe(400);
    const badText = await bad.text();
    expect(badText).toContain('«process»: не может быть пустым');
    expect(badText).toContain('«source»: одно из');
    const added = await to('/rows', {
      process: 'Приём документов',
      problem: 'Жалобы на <грубость> в обращениях',
      source: 'appeal',
      prevalence: 'medium',
      priority: 'Высокий',
      measures: '',
      responsible: '',
      deadline: '',
      status: 'planned',
    });
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe(
      `/admin/surveys/${ID}/pain-map?period=2026-Q1&saved=1`,
    );
    const rows = (await (
      await app.request(`/v1/surveys/${ID}/pain-map/rows?period=2026-Q1`, { headers: admin })
    ).json()) as {
      items: { id: number; problem: string; source: string }[];
    };
    const appeal = rows.items.find((r) => r.source === 'appeal')!;
    expect(rows.items.filter((r) => r.source === 'problem').length).toBeGreaterThan(0);
    const edited = await to(`/rows/${appeal.id}`, {
      process: 'Приём документов',
      problem: appeal.problem,
      source: 'appeal',
      prevalence: 'medium',
      priority: 'Высокий',
      measures: 'Обучение сотрудников',
      responsible: 'Отдел кадров',
      deadline: 'II квартал 2026',
      status: 'in-progress',
    });
    expect(edited.status).toBe(303);
    const missing = await to('/rows/999999', { status: 'done' });
    expect([missing.status, await missing.text()]).toEqual([
      404,
      expect.stringContaining('Такой строки'),
    ]);
    const after = await get(`/admin/surveys/${ID}/pain-map?period=2026-Q1`, boss);
    expect(after.html).toContain('Жалобы на &lt;грубость&gt; в обращениях');
    // History: created, then measures, responsible, deadline, status — each with old and new.
    expect(after.html).toMatch(
      /<td>Статус<\/td><td class="wrap">запланировано<\/td><td class="wrap">выполняется<\/td>/,
    );
    expect(after.html).toMatch(
      /<td>Меры<\/td><td class="wrap"><\/td><td class="wrap">Обучение сотрудников<\/td>/,
    );

    const dec = await to('/decisions', {
      textRu: 'Провели обучение',
      textEn: '',
      painRowId: String(appeal.id),
      status: 'done',
      doneOn: '2026-03-20',
      published: 'true',
    });
    expect(dec.status).toBe(303);
    const badDec = await to('/decisions', {
      textRu: '',
      status: 'done',
      painRowId: 'x',
      doneOn: '2026-02-30',
    });
    expect(badDec.status).toBe(400);
    expect(await badDec.text()).toContain('«text»');
    const published = (await (
      await app.request(`/v1/surveys/${ID}/decisions`, { headers: admin })
    ).json()) as {
      items: { id: number; published: boolean; painRowId: number }[];
    };
    expect(published.items).toEqual([
      expect.objectContaining({ published: true, painRowId: appeal.id }),
    ]);
    expect((await to(`/decisions/${published.items[0]!.id}`, { published: 'false' })).status).toBe(
      303,
    );

    const xlsx = await get(`/admin/surveys/${ID}/pain-map.xlsx?period=2026-Q1`, analyst);
    expect(xlsx.res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    const bytes = await (
      await app.request(`/admin/surveys/${ID}/pain-map.xlsx?period=2026-Q1`, {
        headers: { cookie: analyst },
      })
    ).arrayBuffer();
    await wb.xlsx.load(bytes);
    const cells = wb.worksheets[0]!.getSheetValues().flat().map(String);
    expect(cells).toContain('Обучение сотрудников');
  });

  it('builds the period report with the change from the previous period', async () => {
    const { status, html } = await get(`/admin/report?survey=${ID}&period=2026-Q1`, analyst);
    expect(status).toBe(200);
    const api = (await (
      await app.request(`/v1/surveys/${ID}/report?from=2026-01-01&to=2026-03-31&compare=previous`, {
        headers: admin,
      })
    ).json()) as {
      total: { responses: number; summary: { satisfactionLevel: number } };
      previous: { change: { total: { satisfactionLevel: number } } };
    };
    expect(html).toContain(`<span class="figure">${api.total.responses}</span>ответов`);
    const level = String(api.total.summary.satisfactionLevel).replace('.', ',');
    expect(html).toContain(`<span class="figure">${level}\u00a0%</span>уровень удовлетворённости`);
    const change = api.previous.change.total.satisfactionLevel;
    expect(html).toContain(
      `${change > 0 ? '+' : '-'}${String(Math.abs(change)).replace('.', ',')} п. п.`,
    );
    expect(html).toContain('I квартал 2026');
    expect(html).toContain('IV квартал 2025');
    expect(html).toContain('Тихий офис'); // a catalogue touchpoint that never answered
    expect(html).toContain('data:image/svg+xml;base64,');
    expect(html).toContain('Обучение сотрудников'); // the pain-map row and its measure
    const all = await get('/admin/report?period=2026-W1&lang=en', analyst);
    expect(all.html).toContain('Order’s first half: 16 December 2025 – 15 May 2026');
    expect(all.html).toContain('All surveys</caption>');
    const range = await get(`/admin/report?survey=${ID}&from=2026-01-01&to=2026-01-31`, analyst);
    expect(range.html).toContain('01.01.2026 — 31.01.2026');
  });
});
