import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { templates } from '@otklik/core/templates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from './config.js';
import { startCollector, type Collector } from './server.js';
import { freshSchema, TEST_DATABASE_URL } from './test/backends.js';
import { pulse, response } from './test/fixtures.js';
import { openPostgres } from './store/postgres/index.js';

const seed = { ...templates, [pulse.id]: pulse };
const post = (base: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/v1/surveys/${pulse.id}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('server on a real socket (PGlite in a temp folder)', () => {
  let dir: string;
  let c: Collector;
  const lines: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'otklik-collector-'));
    c = await startCollector(
      resolveConfig({ port: '0', 'data-dir': dir, 'admin-token': 'tok' }, {}),
      {
        seed,
        log: (l) => lines.push(l),
      },
    );
  });
  afterAll(async () => {
    await c.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves healthz, the seeded templates and takes a response', async () => {
    expect(await (await fetch(`${c.url}/healthz`)).json()).toEqual({ status: 'ok', db: 'pglite' });
    for (const id of Object.keys(templates)) {
      expect((await fetch(`${c.url}/v1/surveys/${id}`)).status).toBe(200);
    }
    const res = await post(c.url, response());
    expect(res.status).toBe(201);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('cuts off an oversized chunked body (no Content-Length) with 413, and bad JSON with 400', async () => {
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${c.url}/v1/surveys/${pulse.id}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      });
      req.on('response', (r) => {
        let body = '';
        r.on('data', (d: Buffer) => (body += d.toString()));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      for (let i = 0; i < 5; i++) req.write('x'.repeat(16 * 1024));
      req.end();
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ error: 'body_too_large' });
    const bad = await fetch(`${c.url}/v1/surveys/${pulse.id}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":',
    });
    expect(bad.status).toBe(400);
  });

  it('stores no address or user agent anywhere and logs only method, path, status, time', async () => {
    const ua = 'PrivacyProbe/1.0 (ua-marker-5f2c)';
    const r = response();
    const res = await post(c.url, r, {
      'user-agent': ua,
      'x-forwarded-for': '203.0.113.77',
      referer: 'https://ref.example/p?x=1',
    });
    expect(res.status).toBe(201);
    await fetch(`${c.url}/v1/surveys/${pulse.id}?probe=1`, { headers: { 'user-agent': ua } });
    const tables = await c.deps.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`,
    );
    expect(tables.map((t) => t.table_name).sort()).toEqual([
      'otklik_migrations',
      'report_question_spec',
      'report_rollup',
      'report_rollup_last',
      'report_rollup_month',
      'report_rollup_zone',
      'responses',
      'surveys',
    ]);
    let scanned = 0;
    for (const { table_name } of tables) {
      const rows = await c.deps.db.query<{ j: string }>(
        `SELECT row_to_json(t)::text AS j FROM ${table_name} t`,
      );
      for (const { j } of rows) {
        scanned++;
        for (const needle of [
          '127.0.0.1',
          '::1',
          '203.0.113.77',
          'ua-marker',
          'PrivacyProbe',
          'ref.example',
        ]) {
          expect(j).not.toContain(needle);
        }
      }
    }
    expect(scanned).toBeGreaterThan(2);
    const cols = await c.deps.db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()`,
    );
    for (const { column_name } of cols)
      expect(column_name).not.toMatch(/(^|_)(ip|ua)$|addr|agent|cookie/i);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(line).toMatch(/^[A-Z]+ \/\S* \d{3} \d+\.\dms$/);
      expect(line).not.toMatch(/203\.0\.113|127\.0\.0\.1|ua-marker|probe=1/);
    }
  });

  it('survives a restart on the same folder: data persisted, retries are duplicates', async () => {
    const r = response();
    const first = (await (await post(c.url, r)).json()) as { receipt: string };
    await c.close();
    c = await startCollector(resolveConfig({ port: '0', 'data-dir': dir }, {}), { seed });
    const again = await post(c.url, r);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'duplicate', receipt: first.receipt });
  });

  it('closes gracefully: requests in flight finish and are stored', async () => {
    const rs = Array.from({ length: 40 }, () => response());
    const inflight = rs.map((r) => post(c.url, r));
    await new Promise((r) => setTimeout(r, 30));
    const closing = c.close();
    const statuses = await Promise.all(
      inflight.map((p) =>
        p.then(
          (x) => x.status,
          () => 0,
        ),
      ),
    );
    await closing;
    c = await startCollector(resolveConfig({ port: '0', 'data-dir': dir }, {}), { seed });
    // Each request either completed (201) or never got in (connection refused = 0): no 5xx.
    for (const s of statuses) expect([0, 201]).toContain(s);
    const acked = rs.filter((_, i) => statuses[i] === 201);
    expect(acked.length).toBeGreaterThan(0);
    const stored = await c.deps.db.query<{ response_id: string }>(
      'SELECT response_id FROM responses WHERE response_id = ANY($1::uuid[])',
      [acked.map((r) => r.responseId)],
    );
    expect(stored).toHaveLength(acked.length);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('server on PostgreSQL', () => {
  it('migrates, seeds and serves from a DATABASE_URL', async () => {
    const schema = freshSchema();
    const c = await startCollector(
      resolveConfig({ port: '0', 'database-url': TEST_DATABASE_URL! }, {}),
      { seed, schema },
    );
    try {
      expect(await (await fetch(`${c.url}/healthz`)).json()).toEqual({
        status: 'ok',
        db: 'postgres',
      });
      expect((await post(c.url, response())).status).toBe(201);
    } finally {
      await c.close();
      const db = await openPostgres({ connectionString: TEST_DATABASE_URL! });
      await db.query(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    }
  });
});
