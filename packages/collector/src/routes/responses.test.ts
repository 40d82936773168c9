import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { backends } from '../test/backends.js';
import { bare, pulse, response, responseOfSize } from '../test/fixtures.js';
import { makeApp, postJson } from '../test/harness.js';
import type { Db } from '../store/db.js';

const URL_ = `/v1/surveys/${pulse.id}/responses`;

describe.each(backends)('POST responses on $name', (backend) => {
  let db: Db;
  let app: Hono;
  beforeAll(async () => {
    db = await backend.open();
    ({ app } = await makeApp(db));
  });
  afterAll(async () => {
    await db.close();
  });

  const rowsFor = (id: string) =>
    db.query<Record<string, unknown>>('SELECT * FROM responses WHERE response_id = $1', [id]);

  it('stores a valid response: 201 with a receipt, no cookie, not cacheable', async () => {
    const r = response();
    const res = await postJson(app, URL_, r);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { status: string; responseId: string; receipt: string };
    expect(body).toMatchObject({ status: 'created', responseId: r.responseId });
    expect(body.receipt).toMatch(/^[0-9A-Z]{8}$/);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await rowsFor(r.responseId)).toHaveLength(1);
  });

  it('is idempotent: the same body again → 200 with the same receipt, one row', async () => {
    const r = response();
    const first = (await (await postJson(app, URL_, r)).json()) as { receipt: string };
    // Same response with keys in another order is the same normalised body.
    const { context, answers, ...rest } = r;
    const reordered = { context, answers, ...rest };
    const again = await postJson(app, URL_, reordered);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({
      status: 'duplicate',
      responseId: r.responseId,
      receipt: first.receipt,
    });
    expect(await rowsFor(r.responseId)).toHaveLength(1);
  });

  it('refuses the same responseId with another body: 409 conflict, the stored row unchanged', async () => {
    const r = response();
    await postJson(app, URL_, r);
    const res = await postJson(app, URL_, { ...r, answers: { ...r.answers, q1: 1 } });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      error: 'conflict',
      message: { ru: expect.any(String), en: expect.any(String) },
    });
    expect((await rowsFor(r.responseId))[0]!.answers).toMatchObject({ q1: 4 });
  });

  it('keeps exact row counts under 100 concurrent posts with duplicates', async () => {
    const before = Number(
      (await db.query<{ n: string }>('SELECT count(*) n FROM responses'))[0]!.n,
    );
    const distinct = Array.from({ length: 70 }, () => response());
    const posts = [...distinct, ...distinct.slice(0, 30)].map((r) => postJson(app, URL_, r));
    const statuses = (await Promise.all(posts)).map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(70);
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    const after = Number((await db.query<{ n: string }>('SELECT count(*) n FROM responses'))[0]!.n);
    expect(after - before).toBe(70);
  });

  it('accepts a response to an older version, checked against that version', async () => {
    const v1 = await postJson(app, URL_, bare({ q1: 5 }));
    expect(v1.status).toBe(201);
    // 7 is out of range in v1 (1–5) but valid in v2 (1–10).
    const bad = await postJson(app, URL_, bare({ q1: 7 }));
    expect(bad.status).toBe(422);
    const v2 = await postJson(app, URL_, bare({ q1: 7 }, { surveyVersion: 2 }));
    expect(v2.status).toBe(201);
  });

  it('files answered_at under the device time only when plausible', async () => {
    const recent = new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString();
    const r1 = response({ answeredAt: recent });
    await postJson(app, URL_, r1);
    expect(((await rowsFor(r1.responseId))[0]!.answered_at as Date).toISOString()).toBe(recent);
    const r2 = response({ answeredAt: '2020-01-01T00:00:00Z' });
    await postJson(app, URL_, r2);
    const row = (await rowsFor(r2.responseId))[0]!;
    expect((row.answered_at as Date).toISOString()).toBe((row.received_at as Date).toISOString());
  });

  it('415 unsupported_media_type for a non-JSON content type', async () => {
    const res = await app.request(URL_, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({
      error: 'unsupported_media_type',
      message: { ru: expect.any(String), en: expect.any(String) },
    });
  });

  it('413 body_too_large when over 64 KB — declared, or streamed without a length', async () => {
    const big = JSON.stringify({ ...response(), pad: 'x'.repeat(70 * 1024) });
    const declared = await postJson(app, URL_, big);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ error: 'body_too_large' });
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(ctl) {
        // An endless body: the server must stop reading, not wait for the end.
        sent++;
        ctl.enqueue(chunk);
        if (sent > 1000) ctl.close();
      },
    });
    const streamed = await app.request(URL_, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(20);
  });

  it('400 invalid_json for malformed JSON', async () => {
    const res = await postJson(app, URL_, '{"responseId": ');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: 'invalid_json',
      detail: expect.stringContaining('JSON'),
    });
  });

  it('404 unknown_survey for a survey that does not exist', async () => {
    const res = await postJson(
      app,
      '/v1/surveys/no-such-survey/responses',
      response({ surveyId: 'no-such-survey' }),
    );
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'unknown_survey' });
  });

  it('422 wrong_version for a version never published', async () => {
    const res = await postJson(app, URL_, response({ surveyVersion: 9 }));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      error: 'wrong_version',
      issues: [{ path: ['surveyVersion'], code: 'wrong_version' }],
    });
  });

  it('422 invalid_response with every issue and its path', async () => {
    const r = response();
    const res = await postJson(app, URL_, {
      ...r,
      responseId: 'not-a-uuid',
      answers: { q1: 6, nope: 1 },
      context: { channel: 'pigeon', respondent: 'external' },
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      error: string;
      issues: { path: unknown[]; code: string }[];
    };
    expect(body.error).toBe('invalid_response');
    const codes = body.issues.map((i) => `${i.path.join('.')}:${i.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'responseId:invalid_value',
        'answers.q1:out_of_range',
        'answers.nope:unknown_question',
        'context.channel:invalid_value',
      ]),
    );
    for (const bad of [[], 'text', 42, null]) {
      const res2 = await postJson(app, URL_, JSON.stringify(bad));
      expect(res2.status).toBe(422);
      expect(await res2.json()).toMatchObject({ error: 'invalid_response' });
    }
    // The survey in the body must be the one in the path.
    const other = await postJson(app, URL_, { ...response(), surveyId: 'kiosk-pulse' });
    expect(await other.json()).toMatchObject({ issues: [{ code: 'wrong_survey' }] });
  });

  it('accepts a 2 KB response and never stores a partial row on rejection', async () => {
    const ok = responseOfSize(2048);
    expect(Buffer.byteLength(JSON.stringify(ok))).toBeGreaterThan(1900);
    expect((await postJson(app, URL_, ok)).status).toBe(201);
    const bad = bare({ q1: 99 });
    await postJson(app, URL_, bad);
    expect(await rowsFor(bad.responseId)).toHaveLength(0);
  });
});
