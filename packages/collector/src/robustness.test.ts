import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ERRORS, MAX_ISSUES } from './middleware/errors.js';
import type { Db } from './store/db.js';
import { backends } from './test/backends.js';
import { pulse, response } from './test/fixtures.js';
import { admin, makeApp, postJson } from './test/harness.js';

const URL_ = `/v1/surveys/${pulse.id}/responses`;

describe.each(backends)('every failure is a clear status on $name', (backend) => {
  let db: Db;
  let app: Hono;
  const lines: string[] = [];
  beforeAll(async () => {
    db = await backend.open();
    ({ app } = await makeApp(db, { log: (l) => lines.push(l) }));
  });
  afterAll(async () => {
    await db.close();
  });

  it('an id that is not an id (NUL, too long, bad characters) gets 400 invalid_id on every route', async () => {
    const bad = [`${pulse.id}%00`, 'a%0Ab', 'x'.repeat(65), '1abc', '%D0%B6'];
    for (const id of bad) {
      for (const [path, headers] of [
        [`/v1/surveys/${id}`, {}],
        [`/v1/surveys/${id}/versions/1`, {}],
        [`/s/${id}`, {}],
        [`/results/${id}`, {}],
        [`/results/${id}.json`, {}],
        [`/v1/surveys/${id}/responses`, admin],
        [`/v1/surveys/${id}/report`, admin],
        [`/v1/surveys/${id}/export.csv`, admin],
      ] as const) {
        const res = await app.request(path, { headers });
        expect(res.status, path).toBe(400);
        expect(await res.json()).toMatchObject({ error: 'invalid_id' });
      }
      const post = await postJson(app, `/v1/surveys/${id}/responses`, response());
      expect(post.status).toBe(400);
    }
  });

  it('the access log escapes control characters: %0D%0A cannot forge a line', async () => {
    lines.length = 0;
    await app.request('/nothing%0D%0AGET%20/v1/surveys%20200%200.1ms%1B[31m');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/[\r\n]/);
    expect(lines[0]).not.toContain(String.fromCharCode(0x1b));
    expect(lines[0]).toContain('\\x0d\\x0a');
  });

  it('same-origin comes from PUBLIC_URL, never from Host: a forged Host is refused', async () => {
    const forged = await postJson(app, `http://evil.example${URL_}`, response(), {
      host: 'evil.example',
      origin: 'http://evil.example',
    });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ error: 'origin_not_allowed' });
    const own = await postJson(app, URL_, response(), { origin: 'https://collector.local' });
    expect(own.status).toBe(201);
  });

  it('X-Content-Type-Options: nosniff on every answer, success and error alike', async () => {
    const all = await Promise.all([
      app.request('/healthz'),
      app.request('/nope'),
      app.request(`/v1/surveys/${pulse.id}`),
      app.request(`/s/${pulse.id}`),
      app.request(`/results/${pulse.id}`),
      app.request('/v1/surveys', { headers: admin }),
      app.request('/v1/surveys'),
      postJson(app, URL_, response()),
      postJson(app, URL_, '{'),
    ]);
    for (const r of all) expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('thousands of unknown keys: at most MAX_ISSUES issues listed, the rest counted', async () => {
    const body: Record<string, unknown> = { ...response() };
    const answers: Record<string, unknown> = {};
    for (let i = 0; i < 4000; i++) answers[`k${i}`] = i;
    body.answers = answers;
    const sent = JSON.stringify(body);
    const res = await postJson(app, URL_, sent);
    expect(res.status).toBe(422);
    const text = await res.text();
    const json = JSON.parse(text) as { issues: unknown[]; issuesOmitted: number };
    expect(json.issues).toHaveLength(MAX_ISSUES);
    expect(json.issuesOmitted).toBeGreaterThan(3900);
    // The answer is not many times the body (it was 15× before the cap).
    expect(text.length).toBeLessThan(sent.length);
  });

  it('every error code has Russian and English text, and error bodies carry both', async () => {
    for (const [code, m] of Object.entries(API_ERRORS)) {
      expect(m.ru.length, code).toBeGreaterThan(5);
      expect(m.en.length, code).toBeGreaterThan(5);
      expect(m.ru, code).toMatch(/[а-яё]/i);
    }
    const res = await app.request('/v1/surveys/none');
    expect(await res.json()).toEqual({
      error: 'unknown_survey',
      message: API_ERRORS.unknown_survey,
      detail: 'No survey "none"',
    });
  });

  const unstorableSurveys: [unknown, (string | number)[]][] = [
    [{ ...pulse, version: 90, title: { ru: 'Пульс\u0000' } }, ['title', 'ru']],
    [{ ...pulse, version: 91, title: { ru: 'Пульс \ud800' } }, ['title', 'ru']],
    [{ ...pulse, version: 2 ** 31 }, ['version']],
  ];

  it('publishing text with U+0000 or an unpaired surrogate, or version ≥ 2^31: a specific 422, never 500', async () => {
    for (const [survey] of unstorableSurveys) {
      const res = await postJson(app, '/v1/surveys', survey, admin);
      expect(res.status).toBe(422);
      const body = (await res.json()) as { error: string };
      expect(['invalid_survey', 'unstorable_survey']).toContain(body.error);
    }
    const stored = await db.query('SELECT version FROM surveys WHERE id = $1 AND version >= 90', [
      pulse.id,
    ]);
    expect(stored).toEqual([]);
  });

  // Passes once core's survey schema refuses such strings and versions with a JSON path.
  it('publishing such values: the 422 names the JSON path of the offending value', async () => {
    for (const [survey, path] of unstorableSurveys) {
      const res = await postJson(app, '/v1/surveys', survey, admin);
      const body = (await res.json()) as { error: string; issues?: { path: unknown[] }[] };
      expect(body.issues?.map((i) => i.path) ?? []).toContainEqual(path);
    }
  });
});

describe('own origins on a loopback demo', () => {
  it('127.0.0.1 and localhost on the same port are the same collector; another port is not', async () => {
    const db = await backends[0]!.open();
    try {
      const { app, deps } = await makeApp(db);
      deps.config.publicUrl = 'http://127.0.0.1:8787';
      for (const origin of ['http://127.0.0.1:8787', 'http://localhost:8787'])
        expect((await postJson(app, URL_, response(), { origin })).status).toBe(201);
      for (const origin of ['http://localhost:8788', 'https://localhost:8787', 'null'])
        expect((await postJson(app, URL_, response(), { origin })).status).toBe(403);
    } finally {
      await db.close();
    }
  });
});

describe('public pages are rate-limited per client', () => {
  it('/results/* answers 429 with Retry-After past its burst; /s/* has its own bucket', async () => {
    const db = await backends[0]!.open();
    try {
      const { app } = await makeApp(db, {
        pageRateLimit: {
          results: { perSecond: 0.001, burst: 3 },
          hosted: { perSecond: 0.001, burst: 5 },
        },
      });
      const results = [];
      for (let i = 0; i < 4; i++) results.push((await app.request(`/results/${pulse.id}`)).status);
      expect(results).toEqual([200, 200, 200, 429]);
      const limited = await app.request(`/results/${pulse.id}.json`);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await app.request(`/s/${pulse.id}`)).status).toBe(200);
    } finally {
      await db.close();
    }
  });
});
