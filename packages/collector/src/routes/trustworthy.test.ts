import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { kioskPulse } from '@otklik/core/templates';
import { backends } from '../test/backends.js';
import { admin, makeApp, postJson } from '../test/harness.js';
import type { Db } from '../store/db.js';

const URL_ = `/v1/surveys/${kioskPulse.id}/responses`;

let seq = 0;
const response = (answers: Record<string, unknown>, context: Record<string, unknown> = {}) => ({
  responseId: `5a000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`,
  surveyId: kioskPulse.id,
  surveyVersion: kioskPulse.version,
  lang: 'ru',
  answers,
  context: { channel: 'kiosk', ...context },
});

/**
 * What the database receives is what core's checks let through: texts PostgreSQL would refuse
 * are a 422 with the path (never a 500, never a failed batch for the others), surveys likewise,
 * and the service the respondent picked is the stored object.
 */
describe.each(backends)('trustworthy data on $name', (backend) => {
  let db: Db;
  let app: Hono;
  beforeAll(async () => {
    db = await backend.open();
    ({ app } = await makeApp(db));
    expect((await postJson(app, '/v1/surveys', kioskPulse, admin)).status).toBe(201);
  });
  afterAll(async () => {
    await db.close();
  });

  const objectOf = async (id: string) =>
    (
      await db.query<{ object: string | null }>(
        'SELECT object FROM responses WHERE response_id = $1',
        [id],
      )
    )[0]?.object;

  it('refuses U+0000 and unpaired surrogates with 422 invalid_text; the batch around them is stored', async () => {
    const good = [response({ q2: 5 }), response({ q2: 4 })];
    const bad = [
      response({ q2: 5, q3: 'a\u0000b' }),
      response({ q2: 5, q3: 'x\uD800' }),
      response({ q2: 5 }, { touchpoint: '\uDC00' }),
    ];
    const res = await Promise.all([...good, ...bad].map((r) => postJson(app, URL_, r)));
    expect(res.map((r) => r.status)).toEqual([201, 201, 422, 422, 422]);
    const issues = await Promise.all(
      res.slice(2).map(async (r) => ((await r.json()) as { issues: unknown[] }).issues),
    );
    expect(issues).toEqual([
      [expect.objectContaining({ path: ['answers', 'q3'], code: 'invalid_text' })],
      [expect.objectContaining({ path: ['answers', 'q3'], code: 'invalid_text' })],
      [expect.objectContaining({ path: ['context', 'touchpoint'], code: 'invalid_text' })],
    ]);
    for (const r of good) expect(await objectOf(r.responseId)).toBeNull();
  });

  it('stores the service picked in the bound question as the object, over the embed’s', async () => {
    const picked = response({ q1: 'example-documents', q2: 5 }, { object: 'page-object' });
    const fixed = response({ q2: 5 }, { object: 'page-object' });
    for (const r of [picked, fixed]) expect((await postJson(app, URL_, r)).status).toBe(201);
    expect(await objectOf(picked.responseId)).toBe('example-documents');
    expect(await objectOf(fixed.responseId)).toBe('page-object');
  });

  it('refuses a survey with texts or a version the columns cannot hold: 422 with the path', async () => {
    const nul = { ...structuredClone(kioskPulse), id: 'bad-text', title: { ru: 'a\u0000' } };
    const big = { ...structuredClone(kioskPulse), id: 'big-version', version: 2 ** 31 };
    const res = await Promise.all([nul, big].map((s) => postJson(app, '/v1/surveys', s, admin)));
    expect(res.map((r) => r.status)).toEqual([422, 422]);
    const [a, b] = (await Promise.all(res.map((r) => r.json()))) as { issues: unknown[] }[];
    expect(a!.issues).toEqual([
      expect.objectContaining({ path: ['title', 'ru'], code: 'invalid_text' }),
    ]);
    expect(b!.issues).toEqual([expect.objectContaining({ path: ['version'] })]);
  });
});
