import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../store/pglite/index.js';
import type { Db } from '../store/db.js';
import { pulse, response } from '../test/fixtures.js';
import { admin, makeApp, postJson } from '../test/harness.js';
import { rateLimit } from './rate-limit.js';
import { parseAllowedOrigins } from '../config.js';

const URL_ = `/v1/surveys/${pulse.id}/responses`;

describe('respondent and admin middleware (PGlite)', () => {
  let db: Db;
  let app: Hono;
  beforeAll(async () => {
    db = await openPglite();
    ({ app } = await makeApp(db));
  });
  afterAll(async () => {
    await db.close();
  });

  it('CORS: allows listed origins per survey and through "*", answers preflight', async () => {
    for (const origin of ['https://kiosk.example.ru', 'https://a.gov.ru']) {
      const pre = await app.request(URL_, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe(origin);
      expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
      expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
      const post = await postJson(app, URL_, response(), { origin });
      expect(post.status).toBe(201);
      expect(post.headers.get('access-control-allow-origin')).toBe(origin);
    }
  });

  it('CORS: refuses other origins (403 origin_not_allowed) before storing anything', async () => {
    const r = response();
    const res = await postJson(app, URL_, r, { origin: 'https://evil.example.com' });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'origin_not_allowed' });
    expect(
      await db.query('SELECT 1 FROM responses WHERE response_id = $1', [r.responseId]),
    ).toEqual([]);
    const pre = await app.request(URL_, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.com' },
    });
    expect(pre.status).toBe(403);
  });

  it('CORS: no Origin (curl) and same-origin (hosted page) pass', async () => {
    expect((await postJson(app, URL_, response())).status).toBe(201);
    const same = await postJson(app, `http://collector.local${URL_}`, response(), {
      origin: 'https://collector.local',
      host: 'collector.local',
    });
    expect(same.status).toBe(201);
  });

  it('GET a survey: ETag, Cache-Control, 304 on If-None-Match; exact versions are immutable', async () => {
    const res = await app.request(`/v1/surveys/${pulse.id}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { version: number }).version).toBe(2);
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect(res.headers.get('cache-control')).toContain('max-age');
    const again = await app.request(`/v1/surveys/${pulse.id}`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    const v1 = await app.request(`/v1/surveys/${pulse.id}/versions/1`);
    expect(v1.status).toBe(200);
    expect(v1.headers.get('cache-control')).toContain('immutable');
    expect(v1.headers.get('etag')).not.toBe(etag);
    expect((await app.request(`/v1/surveys/${pulse.id}/versions/7`)).status).toBe(404);
    expect((await app.request(`/v1/surveys/${pulse.id}/versions/x`)).status).toBe(404);
    expect(await (await app.request('/v1/surveys/none')).json()).toMatchObject({
      error: 'unknown_survey',
    });
  });

  it('admin: 401 without or with a malformed header, 403 with a wrong token, no detail', async () => {
    for (const headers of [{}, { authorization: 'Basic abc' }, { authorization: 'Bearer' }]) {
      const res = await app.request('/v1/surveys', { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    }
    for (const token of ['wrong', 'test-admin-token-012345678', 'test-admin-token-0123456789x']) {
      const res = await app.request('/v1/surveys', {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({
        error: 'forbidden',
        message: { ru: 'Этот токен не допущен.', en: 'This token is not allowed.' },
        detail: 'This token is not allowed',
      });
    }
    // Report and export paths (analytics' routes) are behind the same guard.
    for (const p of [
      `/v1/surveys/${pulse.id}/report`,
      `/v1/surveys/${pulse.id}/export.csv`,
      `/v1/surveys/${pulse.id}/responses`,
    ]) {
      expect((await app.request(p)).status).toBe(401);
    }
  });

  it('admin: publish (201, 200 idempotent, 409 conflict, 422 invalid) and list', async () => {
    const v3 = { ...pulse, version: 3 };
    const created = await postJson(app, '/v1/surveys', v3, admin);
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ status: 'created', id: pulse.id, version: 3 });
    expect((await postJson(app, '/v1/surveys', v3, admin)).status).toBe(200);
    const conflict = await postJson(app, '/v1/surveys', { ...v3, title: { ru: 'Иначе' } }, admin);
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toMatchObject({ error: 'version_conflict' });
    const invalid = await postJson(
      app,
      '/v1/surveys',
      { id: 'x', version: 0, questions: 'no' },
      admin,
    );
    expect(invalid.status).toBe(422);
    const body = (await invalid.json()) as { error: string; issues: unknown[] };
    expect(body.error).toBe('invalid_survey');
    expect(body.issues.length).toBeGreaterThan(0);
    expect((await postJson(app, '/v1/surveys', '{', admin)).status).toBe(400);
    const list = (await (await app.request('/v1/surveys', { headers: admin })).json()) as {
      items: { id: string; version: number }[];
    };
    expect(list.items).toContainEqual({ id: pulse.id, version: 3, title: pulse.title });
  });

  it('admin: pages responses with a cursor; rejects bad limit and cursor', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const res = await app.request(`${URL_}${q}`, { headers: admin });
      expect(res.status).toBe(200);
      const page = (await res.json()) as {
        items: { responseId: string }[];
        nextCursor: string | null;
      };
      for (const i of page.items) seen.add(i.responseId);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    const total = Number((await db.query<{ n: string }>('SELECT count(*) n FROM responses'))[0]!.n);
    expect(seen.size).toBe(total);
    expect((await app.request(`${URL_}?limit=0`, { headers: admin })).status).toBe(400);
    expect(
      await (await app.request(`${URL_}?cursor=zzz`, { headers: admin })).json(),
    ).toMatchObject({ error: 'invalid_cursor' });
    expect((await app.request('/v1/surveys/none/responses', { headers: admin })).status).toBe(404);
  });

  it('never sets a cookie on any respondent route, success or error', async () => {
    const origin = { origin: 'https://a.gov.ru' };
    const responses = await Promise.all([
      app.request(`/v1/surveys/${pulse.id}`, { headers: origin }),
      app.request(`/v1/surveys/${pulse.id}/versions/1`, { headers: origin }),
      app.request(`/v1/surveys/${pulse.id}/versions/99`),
      app.request('/v1/surveys/none'),
      app.request(URL_, {
        method: 'OPTIONS',
        headers: { ...origin, 'access-control-request-method': 'POST' },
      }),
      postJson(app, URL_, response(), origin),
      postJson(app, URL_, '{', origin),
      postJson(app, URL_, { nope: 1 }, origin),
      postJson(app, URL_, response(), { origin: 'https://evil.example.com' }),
      app.request('/healthz'),
    ]);
    expect(responses.map((r) => r.status)).toEqual([
      200, 200, 404, 404, 204, 201, 400, 422, 403, 200,
    ]);
    for (const r of responses) expect(r.headers.get('set-cookie')).toBeNull();
  });

  it('healthz pings the database; unknown routes give a JSON 404', async () => {
    expect(await (await app.request('/healthz')).json()).toEqual({ status: 'ok', db: 'pglite' });
    expect(await (await app.request('/nope')).json()).toMatchObject({ error: 'not_found' });
  });
});

describe('rate limit', () => {
  it('lets a burst through, then 429 with Retry-After, and refills over time', async () => {
    let now = 1_000_000;
    const app = new Hono();
    let address = '10.0.0.1';
    app.use('*', rateLimit({ perSecond: 2, burst: 3, addressOf: () => address, now: () => now }));
    app.post('/', (c) => c.body(null, 204));
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await app.request('/', { method: 'POST' })).status);
    expect(statuses).toEqual([204, 204, 204, 429]);
    const limited = await app.request('/', { method: 'POST' });
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toMatchObject({ error: 'rate_limited' });
    address = '10.0.0.2'; // another client has its own bucket
    expect((await app.request('/', { method: 'POST' })).status).toBe(204);
    address = '10.0.0.1';
    now += 1000; // 2 tokens back
    expect((await app.request('/', { method: 'POST' })).status).toBe(204);
  });
});

describe('config', () => {
  it('parses ALLOWED_ORIGINS and names the bad part', () => {
    expect(parseAllowedOrigins('*=https://a.gov.ru,https://b.gov.ru;kiosk-pulse=*')).toEqual({
      '*': ['https://a.gov.ru', 'https://b.gov.ru'],
      'kiosk-pulse': ['*'],
    });
    expect(() => parseAllowedOrigins('https://a.gov.ru')).toThrow(/surveyId=origin/);
    expect(() => parseAllowedOrigins('*=a.gov.ru')).toThrow(/a\.gov\.ru/);
  });
});
