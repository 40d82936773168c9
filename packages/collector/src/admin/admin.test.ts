import type { Survey } from '@otklik/core';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodLabel } from '../pages/results.js';
import type { ReportResult } from '../reports/index.js';
import { DB_KINDS, openDb } from '../reports/test-db.js';
import { SAMPLE, insertResponses } from '../reports/test-seed.js';
import type { Db } from '../store/db.js';
import { ADMIN_TOKEN, admin, makeApp } from '../test/harness.js';
import { response } from '../test/fixtures.js';
import { adminPageRoutes } from './routes.js';
import { numbers } from './i18n.js';
import { sessions } from '../middleware/session.js';

const ANALYST = 'test-analyst-token-9876543210';
const ORIGIN = 'http://localhost';
const XSS = '<img src=x onerror=alert(1)>';

const DASH: Survey = {
  ...SAMPLE,
  id: 'dash',
  catalogs: {
    services: [
      { id: 'svc-1', text: { ru: 'Выдача справок', en: 'Certificates' } },
      { id: 'svc-2', text: { ru: 'Приём документов', en: 'Documents' } },
      { id: 'svc-silent', text: { ru: 'Молчащая услуга', en: 'Silent service' } },
    ],
  },
};

/** The Cookie header value of a Set-Cookie. */
const cookieOf = (res: Response): string => (res.headers.get('set-cookie') ?? '').split(';')[0]!;

describe.each(DB_KINDS)('admin dashboard on %s', (kind) => {
  let db: Db;
  let app: Hono;

  beforeAll(async () => {
    db = await openDb(kind, 'otklik_test_admin_dash');
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
    await made.deps.surveys.publish(DASH);
    // The dashboard's clock is the route factory's option; mount a second copy with a fixed one.
    app.route(
      '/fixed',
      adminPageRoutes(made.deps, { now: () => new Date('2026-03-01T00:00:00Z') }),
    );
    const q4 = '2025-11-10T10:00:00Z';
    const q1 = '2026-02-10T10:00:00Z';
    await insertResponses(db, DASH.id, [
      {
        object: 'svc-1',
        touchpoint: 'office-1',
        channel: 'kiosk',
        answeredAt: q4,
        answers: { q2: 5 },
      },
      {
        object: 'svc-1',
        touchpoint: 'office-1',
        channel: 'kiosk',
        answeredAt: q4,
        answers: { q2: 4 },
      },
      {
        object: 'svc-1',
        touchpoint: 'office-1',
        channel: 'kiosk',
        answeredAt: q1,
        answers: { q2: 2 },
      },
      {
        object: 'svc-1',
        touchpoint: 'office-1',
        channel: 'kiosk',
        answeredAt: q1,
        answers: { q2: 1 },
      },
      {
        object: 'svc-1',
        touchpoint: 'office-1',
        channel: 'site',
        answeredAt: q1,
        answers: { q2: 5 },
      },
      // Staff answering about svc-2 (respondent kind «internal»).
      {
        object: 'svc-2',
        touchpoint: XSS,
        channel: 'site',
        answeredAt: q1,
        answers: { q2: 5 },
        respondent: 'internal',
      },
      {
        object: 'svc-2',
        touchpoint: XSS,
        channel: 'site',
        answeredAt: q1,
        answers: { q2: 4 },
        respondent: 'internal',
      },
    ]);
  });
  afterAll(async () => db?.close());

  const signIn = async (token: string, headers: Record<string, string> = { origin: ORIGIN }) =>
    app.request('/admin/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ token, next: '/admin/surveys/dash' }).toString(),
    });
  const page = async (path: string, cookie: string) => {
    const res = await app.request(path, { headers: { cookie } });
    return { status: res.status, html: await res.text(), res };
  };

  it('refuses every page without a valid session, with a 401 that tells nothing', async () => {
    for (const path of ['/admin', '/admin/surveys/dash', '/admin/surveys/nope?from=bad']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(401);
      const html = await res.text();
      expect(html).toContain('name="token"');
      expect(html).not.toContain('Выдача справок');
      expect(html).not.toContain('dash<');
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    const slash = await app.request('/admin/');
    expect([slash.status, slash.headers.get('location')]).toEqual([301, '/admin']);
    const forged = await page('/admin', 'otklik_admin=admin.9999999999.abcdefabcdefabcd.AAAA');
    expect(forged.status).toBe(401);
  });

  it('signs in with a token into an HttpOnly SameSite=Strict cookie scoped to /admin', async () => {
    expect((await signIn('wrong-token')).status).toBe(401);
    // A form posted from another site (or with no Origin at all) is refused before the token is read.
    expect((await signIn(ADMIN_TOKEN, { origin: 'https://evil.example' })).status).toBe(403);
    const res = await signIn(ADMIN_TOKEN);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/surveys/dash');
    const set = res.headers.get('set-cookie') ?? '';
    expect(set).toMatch(/^otklik_admin=admin\.\d+\.[\w-]{16}\.[\w-]+;/);
    expect(set).toContain('HttpOnly');
    expect(set).toContain('SameSite=Strict');
    expect(set).toContain('Path=/admin');
    expect(set).not.toContain('Secure');
    expect(set).not.toContain(ADMIN_TOKEN);
    const list = await page('/admin', cookieOf(res));
    expect(list.status).toBe(200);
    expect(list.html).toContain('Администратор');
    expect(list.html).toMatch(/href="\/admin\/surveys\/dash"/);
    // 7 responses to «dash», the latest on 10.02.2026.
    expect(list.html).toMatch(
      /dash<\/a>[\s\S]*?<td class="num">7<\/td><td>10\.02\.2026<\/td>|<td class="num">7<\/td><td>10\.02\.2026<\/td>/,
    );
  });

  it('sets Secure on the cookie when the request came over TLS', async () => {
    const res = await app.request('https://collector.example/admin/sign-in', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://collector.example',
      },
      body: new URLSearchParams({ token: ANALYST }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('set-cookie')).toContain('Secure');
  });

  it('ends sessions that expired, were tampered with, or whose token was removed', async () => {
    let clock = Date.parse('2026-03-01T00:00:00Z');
    const s = sessions({ adminTokens: ['a-token-one'], maxAge: 60, now: () => clock });
    const probe = new (await import('hono')).Hono();
    probe.post('/in', (c) => c.text(String(s.signIn(c, 'a-token-one'))));
    probe.get('/who', (c) => c.text(s.read(c)?.role ?? 'none'));
    const cookie = cookieOf(await probe.request('/in', { method: 'POST' }));
    const who = async (c: string) =>
      (await probe.request('/who', { headers: { cookie: c } })).text();
    expect(await who(cookie)).toBe('admin');
    expect(await who(cookie.replace('admin.', 'analyst.'))).toBe('none');
    clock += 61_000;
    expect(await who(cookie)).toBe('none');
    // Same key (secret), but the token is gone from the configuration.
    clock -= 61_000;
    const a = sessions({ adminTokens: ['a-token-one', 'b'], secret: 'k', now: () => clock });
    const b = sessions({ adminTokens: ['b'], secret: 'k', now: () => clock });
    const p2 = new (await import('hono')).Hono();
    p2.post('/in', (c) => c.text(String(a.signIn(c, 'a-token-one'))));
    p2.get('/a', (c) => c.text(a.read(c)?.role ?? 'none'));
    p2.get('/b', (c) => c.text(b.read(c)?.role ?? 'none'));
    const c2 = cookieOf(await p2.request('/in', { method: 'POST' }));
    expect(await (await p2.request('/a', { headers: { cookie: c2 } })).text()).toBe('admin');
    expect(await (await p2.request('/b', { headers: { cookie: c2 } })).text()).toBe('none');
  });

  it('lets analysts read but never publish through the bearer API', async () => {
    const bearer = { authorization: `Bearer ${ANALYST}` };
    expect((await app.request('/v1/surveys/dash/report', { headers: bearer })).status).toBe(200);
    const publish = await app.request('/v1/surveys', {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ ...DASH, version: 2 }),
    });
    expect(publish.status).toBe(403);
    // The administrator's token still publishes.
    const ok = await app.request('/v1/surveys', {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ ...SAMPLE, id: 'published-by-admin' }),
    });
    expect(ok.status).toBe(201);
  });

  it('never sets a cookie on respondent routes, even for a signed-in analyst', async () => {
    const cookie = cookieOf(await signIn(ANALYST));
    const headers = { cookie, origin: 'https://a.gov.ru' };
    const res = [
      await app.request('/v1/surveys/test-pulse', { headers }),
      await app.request('/v1/surveys/test-pulse/versions/1', { headers }),
      await app.request('/v1/surveys/test-pulse/responses', {
        method: 'OPTIONS',
        headers: { ...headers, 'access-control-request-method': 'POST' },
      }),
      await app.request('/v1/surveys/test-pulse/responses', {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(response()),
      }),
      await app.request('/s/test-pulse', { headers }),
      await app.request('/results/test-pulse', { headers }),
    ];
    expect(res.map((r) => r.status)).toEqual([200, 200, 204, 201, 200, 200]);
    for (const r of res) expect(r.headers.get('set-cookie')).toBeNull();
  });

  it('shows the report engine’s figures, in Russian number format', async () => {
    const cookie = cookieOf(await signIn(ANALYST));
    const { status, html } = await page('/fixed/admin/surveys/dash', cookie);
    expect(status).toBe(200);
    const api = (await (
      await app.request('/v1/surveys/dash/report?groupBy=period&period=quarter', { headers: admin })
    ).json()) as ReportResult;
    const n = numbers('ru');
    for (const g of api.groups) {
      const row = `<tr><th scope="row">${periodLabel(g.key!, 'ru')}</th><td class="num">${n.int(g.report.responses)}</td><td class="num">${n.dec(g.report.summary.satisfactionLevel)}</td>`;
      expect(html).toContain(row);
    }
    // By hand: Q1 2026 has 2, 1, 5, 5, 4 → 3 of 5 are 4–5 = 60 %; Q4 2025 had 5 and 4 = 100 %.
    expect(html).toContain('<span class="figure">60\u00a0%</span>');
    expect(html).toContain('изменение: -40\u00a0п.\u00a0п.');
    // svc-1 in Q1: 2, 1, 5 → 33,3 % with a decimal comma.
    expect(html).toMatch(/Выдача справок[\s\S]*?33,3\u00a0%/);
    expect(html).toContain('data-figure="responses">7<');
    // Strict CSP: no script, no inline style, no handler attribute (quoted values skipped).
    const attr = '(?:\\s+[\\w-]+(?:="[^"]*")?)*\\s+';
    const inline = new RegExp(`<script|<style|<[a-z]+${attr}(?:style|on[a-z]+)=`, 'i');
    expect(html.match(inline)?.[0]).toBeUndefined();
  });

  it('narrows the figures by every filter, combined, as the report API does', async () => {
    const cookie = cookieOf(await signIn(ANALYST));
    const apiOf = async (q: string) =>
      (await (
        await app.request(`/v1/surveys/dash/report?groupBy=period&period=quarter&${q}`, {
          headers: admin,
        })
      ).json()) as ReportResult;
    const n = numbers('ru');
    // [dashboard query, report API query, responses counted by hand]
    const cases: [string, string, number][] = [
      ['channel=kiosk', 'channel=kiosk', 4],
      ['respondent=internal', 'respondent=internal', 2],
      ['respondent=external', 'respondent=external', 5],
      // Checkboxes repeat the parameter; a link joins the values with commas: the same view.
      ['channel=kiosk&channel=site&object=svc-1', 'channel=kiosk,site&object=svc-1', 5],
      ['channel=kiosk,site&object=svc-1', 'channel=kiosk,site&object=svc-1', 5],
      ['channel=site&respondent=external', 'channel=site&respondent=external', 1],
      ['channel=kiosk&respondent=internal', 'channel=kiosk&respondent=internal', 0],
      ['object=svc-2&touchpoint=' + encodeURIComponent(XSS), 'object=svc-2', 2],
      [
        'version=1&from=2026-01-01&to=2026-03-31&object=svc-1',
        'version=1&from=2026-01-01&to=2026-03-31&object=svc-1',
        3,
      ],
      ['from=2026-01-01&to=2026-03-31', 'from=2026-01-01&to=2026-03-31', 5],
    ];
    for (const [q, apiQ, count] of cases) {
      const { status, html } = await page(`/fixed/admin/surveys/dash?${q}`, cookie);
      expect(status, q).toBe(200);
      const api = await apiOf(apiQ);
      expect(api.total.responses, q).toBe(count);
      expect(html, q).toContain(`data-figure="responses">${count}<`);
      // Each period of the trend table is the API's group, figure for figure.
      for (const g of api.groups) {
        expect(html, `${q} ${g.key}`).toContain(
          `<tr><th scope="row">${periodLabel(g.key!, 'ru')}</th><td class="num">${n.int(g.report.responses)}</td><td class="num">${n.dec(g.report.summary.satisfactionLevel)}</td>`,
        );
      }
    }
    // svc-1 on kiosk only: Q1 2026 has 2 and 1 → 0 %; the services table lists svc-1 alone.
    const kiosk = (await page('/fixed/admin/surveys/dash?channel=kiosk&object=svc-1', cookie)).html;
    const services = kiosk.slice(
      kiosk.indexOf('id="services"'),
      kiosk.indexOf('</table>', kiosk.indexOf('id="services"')),
    );
    expect(services).toContain('Выдача справок');
    expect(services).not.toContain('Приём документов');
    expect(kiosk).toContain('<span class="figure">0 %</span>');
    // The view stays in the URL: the boxes come back ticked and sort links keep the filters.
    expect(kiosk).toContain('name="channel" value="kiosk" checked');
    expect(kiosk).toContain('name="object" value="svc-1" checked');
    expect(kiosk).not.toContain('name="channel" value="site" checked');
    expect(kiosk).toContain('?channel=kiosk&amp;object=svc-1&amp;sort=name');
    // Respondent kinds are offered in both languages even before anyone of a kind answered.
    expect(kiosk).toContain('value="internal"> Внутренние (сотрудники)');
    const en = (await page('/fixed/admin/surveys/dash?respondent=internal&lang=en', cookie)).html;
    expect(en).toContain('value="internal" checked> Internal (staff)');
    // The silent list follows the filters: svc-2 answered 18 days before the clock, but never on
    // the kiosk.
    const silentOf = (html: string) => html.slice(html.indexOf('id="silent-h"'));
    expect(silentOf((await page('/fixed/admin/surveys/dash', cookie)).html)).not.toContain(
      'Приём документов',
    );
    expect(silentOf((await page('/fixed/admin/surveys/dash?channel=kiosk', cookie)).html)).toMatch(
      /Приём документов<\/th><td class="num">ни одного ответа/,
    );
    const bad = await page('/fixed/admin/surveys/dash?from=2026-02-30', cookie);
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('«from»: ожидается дата ГГГГ-ММ-ДД');
    const badList = await page('/fixed/admin/surveys/dash?channel=kiosk,,site&lang=en', cookie);
    expect(badList.status).toBe(400);
    expect(badList.html).toContain('&quot;channel&quot;: comma-separated values');
    // U+0000 cannot reach the database (it answered 422 from the insert-side error mapping).
    const nul = await page('/fixed/admin/surveys/dash?object=svc%00', cookie);
    expect(nul.status).toBe(400);
    expect(nul.html).toContain('«object»: значения через запятую');
  });

  it('flags negative feedback and lists silent services with configurable thresholds', async () => {
    const cookie = cookieOf(await signIn(ANALYST));
    const section = (html: string, id: string) => {
      const i = html.indexOf(`id="${id}"`);
      return html.slice(i, html.indexOf('</section>', i));
    };
    const byDefault = (await page('/fixed/admin/surveys/dash', cookie)).html;
    expect(section(byDefault, 'negative-h')).toContain(
      '<strong>Выдача справок</strong>: 33,3\u00a0%',
    );
    expect(section(byDefault, 'negative-h')).not.toContain('Приём документов');
    const dropOnly = (await page('/fixed/admin/surveys/dash?minLevel=20', cookie)).html;
    expect(section(dropOnly, 'negative-h')).toContain('было 100\u00a0%');
    const none = (await page('/fixed/admin/surveys/dash?minLevel=20&maxDrop=80', cookie)).html;
    expect(section(none, 'negative-h')).toContain('Таких услуг нет.');

    // 2026-03-01 is 18 whole days after the last responses: silent after 10 days, not after 30.
    const silent30 = section(byDefault, 'silent-h');
    expect(silent30).toContain('Молчащая услуга');
    expect(silent30).toContain('ни одного ответа');
    expect(silent30).not.toContain('Выдача справок');
    const silent10 = section(
      (await page('/fixed/admin/surveys/dash?silentDays=10', cookie)).html,
      'silent-h',
    );
    expect(silent10).toMatch(/Выдача справок<\/th><td class="num">18</);
  });

  it('sorts the tables by links and escapes what respondents sent', async () => {
    const cookie = cookieOf(await signIn(ANALYST));
    const asc = (await page('/fixed/admin/surveys/dash?sort=level', cookie)).html;
    const desc = (await page('/fixed/admin/surveys/dash?sort=-level', cookie)).html;
    const order = (html: string) => {
      const t = html.slice(html.indexOf('id="services"'));
      return [t.indexOf('Выдача справок'), t.indexOf('Приём документов')];
    };
    expect(order(asc)[0]).toBeLessThan(order(asc)[1]!);
    expect(order(desc)[0]).toBeGreaterThan(order(desc)[1]!);
    expect(asc).toContain('aria-sort="ascending"');
    expect(asc).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(asc).not.toContain(XSS);
  });

  it('answers a survey without responses, an unknown one and odd filters without a 500', async () => {
    const cookie = cookieOf(await signIn(ANALYST));
    await app.request('/v1/surveys', {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ ...SAMPLE, id: 'empty-one' }),
    });
    const empty = await page('/admin/surveys/empty-one', cookie);
    expect(empty.status).toBe(200);
    expect(empty.html).toContain('data-figure="responses">0<');
    expect((await page('/admin/surveys/no-such-survey', cookie)).status).toBe(404);
    for (const q of [
      'touchpoint=%3Cb%3E%27%22',
      'object=',
      'respondent=nobody&channel=%00',
      'touchpoint=%ED%A0%80',
      'period=week',
      'version=0',
      'silentDays=-1',
      'tz=Mars/Base',
      'from=2026-06-01&to=2026-01-01',
    ]) {
      const r = await page(`/admin/surveys/dash?${q}`, cookie);
      expect([200, 400], q).toContain(r.status);
      expect(r.html).not.toContain('<b>\'"');
    }
  });

  it('speaks English when asked', async () => {
    const cookie = cookieOf(await signIn(ANALYST));
    const { html } = await page('/fixed/admin/surveys/dash?lang=en', cookie);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Certificates');
    expect(html).toContain('Negative feedback is high');
    const accept = await app.request('/admin', {
      headers: { cookie, 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(await accept.text()).toContain('Surveys');
  });

  it('signs out only with the session’s CSRF value', async () => {
    const cookie = cookieOf(await signIn(ANALYST));
    const html = (await page('/admin', cookie)).html;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const out = (value: string) =>
      app.request('/admin/sign-out', {
        method: 'POST',
        headers: {
          cookie,
          origin: ORIGIN,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ _csrf: value }).toString(),
      });
    expect((await out('forged')).status).toBe(403);
    const ok = await out(csrf);
    expect(ok.status).toBe(303);
    expect(ok.headers.get('set-cookie')).toMatch(/otklik_admin=;.*Max-Age=0/);
  });
});
