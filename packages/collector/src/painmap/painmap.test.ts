import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import ExcelJS from 'exceljs';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PainMap } from '../reports/pain-map.js';
import { DB_KINDS, openDb } from '../reports/test-db.js';
import { SAMPLE, insertResponses } from '../reports/test-seed.js';
import type { Db } from '../store/db.js';
import { admin, makeApp } from '../test/harness.js';
import type { Decision } from './decisions.js';
import type { Change, PainRow } from './store.js';
import { PAIN_MAP_COLUMNS } from './xlsx.js';

const run = promisify(execFile);
const RIGHT = '7K3M9QXA';
const TYPED = 'Не работал терминал';
const SECRET_TEXT = 'секретная жалоба 4711';

/** The page's skeleton: its elements' names in order, without text or attributes' values. */
const skeleton = (html: string): string[] =>
  [...html.matchAll(/<(h1|h2|section|form|label|input|button)\b/g)].map((m) => m[1]!);

describe.each(DB_KINDS)('pain map, decisions and receipts on %s', (kind) => {
  let db: Db;
  let app: Hono;
  const json = (method: string, path: string, body?: unknown) =>
    Promise.resolve(
      app.request(path, {
        method,
        headers: { ...admin, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );

  beforeAll(async () => {
    db = await openDb(kind, 'otklik_test_painmap');
    const made = await makeApp(db);
    app = made.app;
    expect((await made.deps.surveys.publish(SAMPLE)).status).toBe('created');
    await made.deps.catalogs.put('services', [
      { id: 'svc-1', text: { ru: 'Выдача справок', en: 'Certificates' } },
    ]);
    const other = (t: string) => ({
      object: 'svc-1',
      answers: { q3: ['other'], q2: 2 },
      specify: { q3: { other: t } },
    });
    await insertResponses(db, SAMPLE.id, [
      other(TYPED),
      other('  не работал   терминал. '),
      other(SECRET_TEXT),
      { object: 'svc-1', answers: { q3: ['queue'], q2: 1 } },
      { object: 'svc-1', answers: { q3: ['none'], q2: 5 } },
      { object: 'svc-2', answers: { q3: ['none'], q2: 5 } },
    ]);
    await db.query(
      `UPDATE responses SET receipt = $1 WHERE response_id = (SELECT response_id FROM responses WHERE object = 'svc-1' LIMIT 1)`,
      [RIGHT],
    );
  });
  afterAll(async () => db?.close());

  it('names the problems typed into «укажите» fields, grouping wordings that differ in case and spacing', async () => {
    const res = await json('GET', '/v1/surveys/sample/pain-map');
    const map = (await res.json()) as PainMap;
    const items = map.objects.find((o) => o.object === 'svc-1')!.items;
    const typed = items.filter((i) => i.option === 'other');
    expect(typed.map((i) => [i.problem, i.count])).toEqual([
      [TYPED, 2],
      [SECRET_TEXT, 1],
    ]);
    expect(typed[0]!.texts).toHaveLength(2);
    expect(items.some((i) => i.problem === 'Другое (укажите)')).toBe(false);
  });

  let rowId = 0;
  it('stores suggested and hand-made rows, edits them and keeps who changed what', async () => {
    const sug = await json('POST', '/v1/surveys/sample/pain-map/rows/suggested?period=2026-Q1');
    expect(sug.status).toBe(200);
    const body = (await sug.json()) as { added: number; items: PainRow[] };
    expect(body.added).toBeGreaterThan(2);
    expect(body.items.find((r) => r.problem === TYPED)).toMatchObject({
      process: 'Выдача справок',
      source: 'problem',
      prevalence: 'high',
      evidence: { count: 2, responses: 5 },
    });
    // Again: nothing new, nothing doubled.
    const again = (await (
      await json('POST', '/v1/surveys/sample/pain-map/rows/suggested?period=2026-Q1')
    ).json()) as { added: number };
    expect(again.added).toBe(0);

    const made = await json('POST', '/v1/surveys/sample/pain-map/rows?period=2026-Q1', {
      object: 'svc-1',
      process: 'Выдача справок',
      problem: 'Жалобы на запись по телефону (обращения)',
      source: 'appeal',
      prevalence: 'medium',
    });
    expect(made.status).toBe(201);
    rowId = ((await made.json()) as PainRow).id;
    const patched = await json('PATCH', `/v1/surveys/sample/pain-map/rows/${rowId}`, {
      measures: 'Открыть онлайн-запись',
      responsible: 'Отдел приёма',
      deadline: '2026-06-30',
      priority: 'Высокая',
      status: 'in-progress',
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({
      status: 'in-progress',
      measures: 'Открыть онлайн-запись',
    });
    const hist = (await (
      await json('GET', `/v1/surveys/sample/pain-map/rows/${rowId}/history`)
    ).json()) as { items: Change[] };
    expect(hist.items.map((c) => [c.field, c.old, c.new])).toEqual([
      ['created', null, 'Жалобы на запись по телефону (обращения)'],
      ['priority', '', 'Высокая'],
      ['measures', '', 'Открыть онлайн-запись'],
      ['responsible', '', 'Отдел приёма'],
      ['deadline', '', '2026-06-30'],
      ['status', 'planned', 'in-progress'],
    ]);
    expect(hist.items.every((c) => /^token:[0-9a-f]{8}$/.test(c.actor))).toBe(true);
    expect(JSON.stringify(hist)).not.toContain('test-admin-token');
  });

  it('refuses bad rows with the field named in ru and en, and unknown rows with 404', async () => {
    const bad = await json('PATCH', `/v1/surveys/sample/pain-map/rows/${rowId}`, {
      status: 'someday',
      colour: 'red',
    });
    expect(bad.status).toBe(400);
    const b = (await bad.json()) as {
      error: string;
      issues: { path: string[]; message: { ru: string; en: string } }[];
    };
    expect(b.error).toBe('invalid_body');
    expect(b.issues.map((i) => i.path[0]).sort()).toEqual(['colour', 'status']);
    expect(b.issues[0]!.message.ru).toMatch(/«/);
    expect(
      (await json('PATCH', '/v1/surveys/sample/pain-map/rows/999999', { status: 'done' })).status,
    ).toBe(404);
    expect(
      (await json('PATCH', '/v1/surveys/sample/pain-map/rows/abc', { status: 'done' })).status,
    ).toBe(404);
    expect((await json('GET', '/v1/surveys/sample/pain-map/rows?period=2026-Q5')).status).toBe(400);
    expect((await app.request('/v1/surveys/sample/pain-map/rows')).status).toBe(401);
  });

  it('exports the template table as XLSX, read back cell by cell, print-ready', async () => {
    const res = await json('GET', '/v1/surveys/sample/pain-map.xlsx?period=2026-Q1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(PAIN_MAP_COLUMNS.map((_, i) => ws.getRow(2).getCell(i + 1).value)).toEqual([
      ...PAIN_MAP_COLUMNS,
    ]);
    const rows = (await (
      await json('GET', '/v1/surveys/sample/pain-map/rows?period=2026-Q1')
    ).json()) as {
      items: PainRow[];
    };
    rows.items.forEach((r, i) => {
      const row = ws.getRow(3 + i);
      expect(row.getCell(3).value).toBe(r.problem);
      expect(row.getCell(6).value).toBe(r.measures);
      expect(row.getCell(7).value).toBe(r.responsible);
      expect(row.getCell(8).value).toBe(r.deadline);
    });
    expect(ws.getRow(3).getCell(1).value).toBe('1.');
    expect(ws.getRow(3).getCell(2).value).toBe('Выдача справок');
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1 });
    expect(ws.pageSetup.printTitlesRow).toBe('2:2');
    expect(ws.getRow(3).getCell(3).alignment?.wrapText).toBe(true);
  });

  it.runIf(kind === 'pglite')(
    'converts to PDF with LibreOffice, and the PDF holds the row’s text',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'otklik-painmap-'));
      try {
        const res = await json('GET', '/v1/surveys/sample/pain-map.xlsx?period=2026-Q1');
        await writeFile(join(dir, 'map.xlsx'), new Uint8Array(await res.arrayBuffer()));
        await run(
          'soffice',
          [
            '--headless',
            `-env:UserInstallation=file://${dir}/profile`,
            '--convert-to',
            'pdf',
            '--outdir',
            dir,
            join(dir, 'map.xlsx'),
          ],
          { timeout: 120_000 },
        );
        await run('pdftotext', ['-layout', join(dir, 'map.pdf'), join(dir, 'map.txt')]);
        const text = (await readFile(join(dir, 'map.txt'), 'utf8')).replace(/\s+/g, ' ');
        expect(text).toContain('Открыть онлайн-запись');
        expect(text).toContain('Наименование процесса');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    150_000,
  );

  it('publishes only published decisions on the results page, never respondents’ texts', async () => {
    const pub = await json('POST', '/v1/surveys/sample/decisions', {
      object: 'svc-1',
      painRowId: rowId,
      text: { ru: 'Открыта онлайн-запись на приём', en: 'Online booking opened' },
      status: 'done',
      decidedOn: '2026-04-01',
      doneOn: '2026-05-15',
      published: true,
    });
    expect(pub.status).toBe(201);
    const draft = await json('POST', '/v1/surveys/sample/decisions', {
      object: 'svc-1',
      text: { ru: 'Черновик решения' },
      status: 'planned',
    });
    expect(((await draft.json()) as Decision).published).toBe(false);
    const badLink = await json('POST', '/v1/surveys/sample/decisions', {
      painRowId: 987654,
      text: { ru: 'x' },
      status: 'done',
      decidedOn: '2026-02-30',
    });
    expect(badLink.status).toBe(400);
    const html = await (await app.request('/results/sample')).text();
    expect(html).toContain('Вы сказали — мы сделали');
    expect(html).toContain('Выдача справок');
    expect(html).toContain('Открыта онлайн-запись на приём');
    expect(html).not.toContain('Черновик решения');
    expect(html).not.toContain(SECRET_TEXT);
    expect(html).not.toContain(TYPED);
    expect(html).toContain('action="/r"');
    const en = await (await app.request('/results/sample?lang=en')).text();
    expect(en).toContain('You said — we did');
    expect(en).toContain('Online booking opened');
  });

  it('answers a right and a wrong receipt with the same status and page shape, showing nothing of the response', async () => {
    const right = await app.request(`/r/${RIGHT}`);
    const wrong = await app.request('/r/ZZZZZZZZ');
    const junk = await app.request('/r/%3Cscript%3E');
    const viaForm = await app.request(`/r?code=${RIGHT.toLowerCase()}`);
    for (const r of [right, wrong, junk, viaForm]) expect(r.status).toBe(200);
    const [a, b, c, d] = await Promise.all([
      right.text(),
      wrong.text(),
      junk.text(),
      viaForm.text(),
    ]);
    expect(skeleton(b)).toEqual(skeleton(a));
    expect(skeleton(c)).toEqual(skeleton(a));
    expect([...right.headers.keys()].sort()).toEqual([...wrong.headers.keys()].sort());
    expect(a).toContain('Открыта онлайн-запись на приём');
    expect(a).toContain('Выдача справок');
    // The service's own results, and its figures as published (too few answers here: withheld).
    expect(a).toContain('href="/results/sample?service=svc-1"');
    expect(a).toContain('<h4>Опубликованные показатели</h4>');
    expect(a).toContain('её результаты не публикуются');
    expect(d).toContain('Открыта онлайн-запись на приём');
    expect(b).not.toContain('Открыта онлайн-запись на приём');
    expect(c).not.toContain('<script>');
    // No inline script or style: the pages' CSP would block them.
    for (const page of [a, b, c, d]) {
      expect(page).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/);
      expect(page).toContain('<label for="receipt-code">');
    }
    for (const page of [a, d]) {
      expect(page).not.toContain('2026-03-15');
      expect(page).not.toContain(SECRET_TEXT);
      expect(page).not.toContain('Черновик решения');
    }
    const en = await (await app.request(`/r/${RIGHT}?lang=en`)).text();
    expect(en).toContain('Online booking opened');
  });

  it('keeps the appeal link per survey, https only, on the hosted and results pages', async () => {
    const http = await json('PUT', '/v1/surveys/sample/settings', {
      appealUrl: 'http://pos.example',
    });
    expect(http.status).toBe(400);
    const url = 'https://pos.gosuslugi.ru/form/?opaId=1&x="y"';
    expect((await json('PUT', '/v1/surveys/sample/settings', { appealUrl: url })).status).toBe(200);
    expect(await (await json('GET', '/v1/surveys/sample/settings')).json()).toEqual({
      appealUrl: url,
    });
    const hosted = await (await app.request('/s/sample')).text();
    expect(hosted).toContain(
      'official-reply-url="https://pos.gosuslugi.ru/form/?opaId=1&amp;x=&quot;y&quot;"',
    );
    expect(hosted).toContain('подать обращение');
    expect(await (await app.request('/results/sample?lang=en')).text()).toContain('file an appeal');
  });
});

describe('receipt look-ups are rate-limited', () => {
  it('answers 429 past the burst', async () => {
    const db = await openDb('pglite', 'unused');
    try {
      const { app } = await makeApp(db, {
        pageRateLimit: {
          results: { perSecond: 0.01, burst: 3 },
          hosted: { perSecond: 1, burst: 1 },
        },
      });
      const codes = ['AAAAAAAA', 'BBBBBBBB', 'CCCCCCCC', 'DDDDDDDD'];
      const statuses: number[] = [];
      for (const c of codes) statuses.push((await app.request(`/r/${c}`)).status);
      statuses.push((await app.request('/r?code=EEEEEEEE')).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await db.close();
    }
  });

  it('limits per client address over a real socket', async () => {
    const db = await openDb('pglite', 'unused');
    const { app } = await makeApp(db, {
      pageRateLimit: { results: { perSecond: 0.01, burst: 2 }, hosted: { perSecond: 1, burst: 1 } },
    });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    try {
      await new Promise<void>((r) => (server.listening ? r() : server.once('listening', r)));
      const { port } = server.address() as AddressInfo;
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`http://127.0.0.1:${port}/r/ABCDEFGH`);
        await res.arrayBuffer();
        statuses.push(res.status);
        if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await new Promise((r) => server.close(r));
      await db.close();
    }
  });
});
