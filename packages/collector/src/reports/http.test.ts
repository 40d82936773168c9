import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { Db } from '../store/db.js';
import { admin, makeApp } from '../test/harness.js';
import type { PainMap } from './pain-map.js';
import type { ReportResult } from './index.js';
import { DB_KINDS, openDb } from './test-db.js';
import { SAMPLE, insertResponses } from './test-seed.js';

describe.each(DB_KINDS)('report and pain-map routes on %s', (kind) => {
  let db: Db;
  let app: Hono;
  beforeAll(async () => {
    db = await openDb(kind, 'otklik_test_report_http');
    const made = await makeApp(db);
    app = made.app;
    expect((await made.deps.surveys.publish(SAMPLE)).status).toBe('created');
    const rows = [
      {
        object: 'svc-1',
        answers: { q3: ['queue', 'other'], q2: 2 },
        specify: { q3: { other: 'Не работал <b>терминал</b>' } },
      },
      { object: 'svc-1', answers: { q3: ['queue'], q2: 1 } },
      { object: 'svc-1', answers: { q3: ['none'], q2: 5 } },
      { object: 'svc-2', answers: { q3: ['none'], q2: 5, q4: { site: 1 } } },
    ];
    await insertResponses(db, SAMPLE.id, rows);
  });
  afterAll(async () => db?.close());

  const get = (path: string, auth = true) =>
    Promise.resolve(app.request(path, { headers: auth ? admin : {} }));

  it('needs the admin token', async () => {
    expect((await get('/v1/surveys/sample/report', false)).status).toBe(401);
    expect((await get('/v1/surveys/sample/pain-map', false)).status).toBe(401);
  });

  it('returns the report grouped as asked', async () => {
    const res = await get('/v1/surveys/sample/report?groupBy=object&from=2026-01-01&to=2026-12-31');
    expect(res.status).toBe(200);
    const body = (await res.json()) as ReportResult;
    expect(body).toMatchObject({
      survey: { id: 'sample', version: 1 },
      from: '2026-01-01',
      to: '2026-12-31',
      groupBy: 'object',
    });
    expect(body.total.responses).toBe(4);
    expect(body.groups.map((g) => [g.key, g.report.responses])).toEqual([
      ['svc-1', 3],
      ['svc-2', 1],
    ]);
    expect(body.touchpoints).toEqual([
      { touchpoint: null, count: 4, lastAnsweredAt: '2026-03-15T10:00:00.000Z' },
    ]);
  });

  it('filters, groups by a pair and compares with the previous period', async () => {
    const res = await get(
      '/v1/surveys/sample/report?groupBy=object,channel&from=2026-03-01&to=2026-03-31&object=svc-1&channel=site&compare=previous&tz=UTC',
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as ReportResult;
    expect(body.groupBy).toEqual(['object', 'channel']);
    expect(body.timeZone).toBe('UTC');
    expect(body.groups.map((g) => [g.keys, g.report.responses])).toEqual([[['svc-1', 'site'], 3]]);
    expect(body.previous).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(body.previous?.total.responses).toBe(0);
    expect(body.previous?.change.total.responses).toBe(3);
  });

  it.each([
    ['groupBy=week', 'groupBy'],
    ['from=2026-13-01', 'from'],
    ['to=2026-02-30', 'to'],
    ['from=2026-05-01&to=2026-04-01', 'to'],
    ['period=decade', 'period'],
    ['version=0', 'version'],
    ['tz=Mars/Olympus', 'tz'],
    // A real zone, but not the rollup's (UTC here): its days cannot be re-cut from day counts.
    ['tz=Europe/Moscow', 'tz'],
    ['groupBy=object,object', 'groupBy'],
    ['groupBy=object,none', 'groupBy'],
    ['channel=kiosk,,site', 'channel'],
    ['compare=next', 'compare'],
  ])('400 for %s, naming %s', async (query, field) => {
    const res = await get(`/v1/surveys/sample/report?${query}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: string;
      detail: string;
      issues: { path: string[]; message: { ru: string } }[];
    };
    expect(body.error).toBe('invalid_query');
    expect(body.issues[0]?.path).toEqual(['query', field]);
    expect(body.detail).toContain(field);
    expect(body.issues[0]?.message.ru).toContain(field);
  });

  it('404 for an unknown survey', async () => {
    const res = await get('/v1/surveys/nope/report');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toBe('unknown_survey');
  });

  it('builds the pain map per object with prevalence and texts', async () => {
    const res = await get('/v1/surveys/sample/pain-map');
    expect(res.status).toBe(200);
    const map = (await res.json()) as PainMap;
    expect(map.thresholds).toEqual({ high: 20, medium: 5, lowScore: 50 });
    const svc1 = map.objects.find((o) => o.object === 'svc-1');
    expect(svc1?.responses).toBe(3);
    expect(svc1?.items).toEqual([
      expect.objectContaining({
        kind: 'problem',
        question: 'q3',
        option: 'queue',
        problem: 'Очередь',
        count: 2,
        share: 66.7,
        prevalence: 'high',
        measures: '',
        responsible: '',
        deadline: '',
      }),
      expect.objectContaining({
        kind: 'low-score',
        question: 'q2',
        count: 2,
        share: 66.7,
        prevalence: 'high',
      }),
      expect.objectContaining({
        kind: 'problem',
        option: 'other',
        count: 1,
        share: 33.3,
        texts: ['Не работал <b>терминал</b>'],
      }),
    ]);
    const svc2 = map.objects.find((o) => o.object === 'svc-2');
    expect(svc2?.items).toEqual([
      expect.objectContaining({
        kind: 'low-score',
        question: 'q4',
        row: 'site',
        problem: 'Низкая оценка: Оцените ресурсы — Сайт',
      }),
    ]);
  });

  it('gives the pain map as CSV in the template columns', async () => {
    const res = await get('/v1/surveys/sample/pain-map?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="sample-pain-map.csv"',
    );
    // Response.text() drops a BOM; decode keeping it.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(
      text.startsWith(
        '\uFEFF№,Наименование процесса,Выявленные проблемы/потенциальные потребности клиентов,Распространенность проблемы',
      ),
    ).toBe(true);
    expect(text).toContain('1.,svc-1,Очередь,Высокая,,,,,3,2,66.7,q3,\r\n');
    expect((await get('/v1/surveys/sample/pain-map?format=pdf')).status).toBe(400);
  });
});
