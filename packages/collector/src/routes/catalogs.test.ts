import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import type { Survey } from '@otklik/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../test/backends.js';
import { admin, makeApp, postJson } from '../test/harness.js';
import type { Db } from '../store/db.js';

/** A survey whose service question reads the body's `services` catalogue (it ships an example). */
const withList: Survey = {
  id: 'test-services',
  version: 1,
  title: { ru: 'Услуги' },
  questions: [
    {
      id: 'q1',
      type: 'list',
      title: { ru: 'Какой услугой вы воспользовались?' },
      catalog: 'services',
      required: true,
    },
  ],
  catalogs: { services: [{ id: 'example-1', text: { ru: 'Услуга (пример)' } }] },
};

const answer = (id: string) => ({
  responseId: randomUUID(),
  surveyId: withList.id,
  surveyVersion: 1,
  lang: 'ru',
  answers: { q1: id },
  context: { channel: 'site', respondent: 'external' },
});

const put = (app: Hono, name: string, body: unknown, headers = admin) =>
  app.request(`/v1/catalogs/${name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

const licence = { id: 'licence', text: { ru: 'Выдача лицензии', en: 'Licence' } };
const grant = { id: 'grant', text: { ru: 'Субсидия' } };

describe.each(backends)('catalogues on $name', (backend) => {
  let db: Db;
  let app: Hono;
  beforeAll(async () => {
    db = await backend.open();
    ({ app } = await makeApp(db));
    expect((await postJson(app, '/v1/surveys', withList, admin)).status).toBe(201);
  });
  afterAll(async () => {
    await db.close();
  });

  it('a response naming an entry of the body’s published catalogue is stored, not refused', async () => {
    const put1 = await put(app, 'services', [licence, grant]);
    expect(put1.status).toBe(200);
    expect(await put1.json()).toEqual({
      name: 'services',
      added: 2,
      changed: 0,
      retired: 0,
      active: 2,
    });
    const res = await postJson(app, `/v1/surveys/${withList.id}/responses`, answer('licence'));
    expect(res.status).toBe(201);
  });

  it('the published catalogue supersedes the survey’s example list', async () => {
    const res = await postJson(app, `/v1/surveys/${withList.id}/responses`, answer('example-1'));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { issues: { path: unknown[]; code: string }[] };
    expect(body.issues[0]).toMatchObject({ path: ['answers', 'q1'], code: 'unknown_option' });
  });

  it('respondents get the active entries inside the survey and from /v1/catalogs, without a token', async () => {
    const survey = (await (await app.request(`/v1/surveys/${withList.id}`)).json()) as Survey;
    expect(survey.catalogs?.['services']).toEqual([licence, grant]);
    const all = (await (await app.request('/v1/catalogs')).json()) as Record<string, unknown>;
    expect(all['services']).toEqual([licence, grant]);
  });

  it('an entry left out is retired: no longer offered, still accepted and still labelled', async () => {
    const etag = (await app.request(`/v1/surveys/${withList.id}`)).headers.get('etag');
    const res = await put(app, 'services', [{ ...grant, text: { ru: 'Субсидия МСП' } }]);
    expect(await res.json()).toMatchObject({ added: 0, changed: 1, retired: 1, active: 1 });

    const served = await app.request(`/v1/surveys/${withList.id}`);
    expect(served.headers.get('etag')).not.toBe(etag);
    expect(((await served.json()) as Survey).catalogs?.['services']?.map((e) => e.id)).toEqual([
      'grant',
    ]);
    // A kiosk may send a response it queued before the entry was retired.
    const late = await postJson(app, `/v1/surveys/${withList.id}/responses`, answer('licence'));
    expect(late.status).toBe(201);

    const one = (await (await app.request('/v1/catalogs/services', { headers: admin })).json()) as {
      entries: { id: string; retired: boolean }[];
    };
    expect(one.entries.map((e) => [e.id, e.retired])).toEqual([
      ['grant', false],
      ['licence', true],
    ]);
  });

  it('listing a retired id again brings it back', async () => {
    const res = await put(app, 'services', [grant, licence]);
    expect(await res.json()).toMatchObject({ added: 0, changed: 2, retired: 0, active: 2 });
  });

  it('refuses a malformed catalogue with the path of each issue, and a bad name', async () => {
    const res = await put(app, 'services', [
      licence,
      { id: 'licence', text: { ru: 'Ещё раз' } },
      { id: '' },
    ]);
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      error: string;
      issues: { path: unknown[]; code: string }[];
    };
    expect(body.error).toBe('invalid_catalog');
    expect(body.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['2.id', '2.text']),
    );
    const dup = await put(app, 'services', [licence, { ...licence }]);
    expect(((await dup.json()) as { issues: { path: unknown[]; code: string }[] }).issues).toEqual([
      expect.objectContaining({ path: [1, 'id'], code: 'duplicate_id' }),
    ]);
    expect((await put(app, '1bad', [licence])).status).toBe(400);
  });

  it('publishing and reading one catalogue need the admin token', async () => {
    expect((await put(app, 'services', [licence], {} as typeof admin)).status).toBe(401);
    expect((await app.request('/v1/catalogs/services')).status).toBe(401);
  });
});
