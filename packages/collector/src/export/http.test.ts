import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { Db } from '../store/db.js';
import { admin, makeApp } from '../test/harness.js';
import { DB_KINDS, openDb } from '../reports/test-db.js';
import { SAMPLE, insertResponses } from '../reports/test-seed.js';

describe.each(DB_KINDS)('export routes on %s', (kind) => {
  let db: Db;
  let app: Hono;
  beforeAll(async () => {
    db = await openDb(kind, 'otklik_test_export_http');
    const made = await makeApp(db);
    app = made.app;
    await made.deps.surveys.publish(SAMPLE);
    await insertResponses(db, SAMPLE.id, [
      { answers: { q7: '=2+2', q2: 4 }, answeredAt: '2026-04-01T00:00:00Z' },
      { answers: { q7: 'Старый' }, answeredAt: '2025-04-01T00:00:00Z' },
    ]);
  });
  afterAll(async () => db?.close());

  const get = (path: string, auth = true) =>
    Promise.resolve(app.request(path, { headers: auth ? admin : {} }));

  it('needs the admin token', async () => {
    expect((await get('/v1/surveys/sample/export.csv', false)).status).toBe(401);
    expect((await get('/v1/surveys/sample/export.xlsx', false)).status).toBe(401);
  });

  it('streams CSV as an attachment for the period', async () => {
    const res = await get('/v1/surveys/sample/export.csv?from=2026-01-01&titles=1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="sample_2026-01-01.csv"',
    );
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    const lines = text.split('\r\n');
    expect(lines[0]?.startsWith('\uFEFFresponse_id,')).toBe(true);
    expect(lines[1]?.startsWith('ID ответа,Код квитанции,')).toBe(true);
    expect(lines).toHaveLength(4); // two header rows, one response, the final CRLF
    expect(lines[2]?.endsWith(",'=2+2")).toBe(true);
  });

  it('streams an XLSX workbook', async () => {
    const res = await get('/v1/surveys/sample/export.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const dir = mkdtempSync(join(tmpdir(), 'otklik-xlsx-'));
    try {
      const file = join(dir, 'x.xlsx');
      writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      const sheet = execFileSync('unzip', ['-p', file, 'xl/worksheets/sheet1.xml'], {
        encoding: 'utf8',
      });
      expect(sheet).toContain('Старый');
      expect(sheet).toContain('&apos;=2+2');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('400 on a bad date, 404 on an unknown survey', async () => {
    expect((await get('/v1/surveys/sample/export.csv?from=yesterday')).status).toBe(400);
    expect((await get('/v1/surveys/nope/export.xlsx')).status).toBe(404);
  });
});
