import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../cli.js';
import { resolveConfig } from '../config.js';
import { startCollector, type Collector } from '../server.js';
import { openPglite } from '../store/pglite/index.js';
import { openPostgres } from '../store/postgres/index.js';
import { pulse, response } from '../test/fixtures.js';

const TOKEN = 'ops-test-admin-token';

/** Runs main() and returns its exit code and what it printed. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await main(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

async function serve(dataDir: string): Promise<Collector> {
  const cfg = resolveConfig(
    { port: '0', 'data-dir': dataDir, 'admin-token': TOKEN, 'rate-limit': 'off' },
    {},
  );
  const c = await startCollector(cfg, { seed: {} });
  const res = await fetch(`${c.url}/v1/surveys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(pulse),
  });
  expect(res.status).toBe(201);
  return c;
}

async function post(url: string, body: unknown): Promise<number> {
  const res = await fetch(`${url}/v1/surveys/${pulse.id}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'otklik-ops-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('online backup and restore (PGlite)', () => {
  it('backs up under load without stopping; the restore has every response acknowledged before', async () => {
    const c = await serve(join(dir, 'live'));
    const sent = new Set<string>();
    const acked: { id: string; at: number }[] = [];
    let stop = false;
    // Eight clients posting back to back until told to stop.
    const clients = Array.from({ length: 8 }, async () => {
      while (!stop) {
        const r = response();
        sent.add(r.responseId);
        const status = await post(c.url, r);
        if (status >= 200 && status < 300) acked.push({ id: r.responseId, at: performance.now() });
      }
    });
    try {
      const until = async (cond: () => boolean): Promise<void> => {
        for (let i = 0; i < 600 && !cond(); i++) await new Promise((r) => setTimeout(r, 100));
      };
      await until(() => acked.length >= 30);
      const file = join(dir, 'live.tar.gz');
      const started = performance.now();
      const b = await cli(['backup', file, '--url', c.url, '--admin-token', TOKEN]);
      const ended = performance.now();
      expect(b.err).toBe('');
      expect(b.code).toBe(0);
      expect(b.out).toMatch(/live\.tar\.gz: [\d.]+ MB in [\d.]+ s/);
      // The server's temporary copy is gone once the download ends.
      const copies = async (): Promise<string[]> =>
        (await readdir(tmpdir())).filter((f) => f.startsWith('otklik-backup-'));
      for (let i = 0; i < 100 && (await copies()).length > 0; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(await copies()).toEqual([]);
      const atEnd = acked.length;
      await until(() => acked.length >= atEnd + 10);
      stop = true;
      await Promise.all(clients);
      const before = acked.filter((a) => a.at < started).map((a) => a.id);
      // Load really went on around the backup: acknowledged during it and after it.
      expect(before.length).toBeGreaterThan(20);
      expect(acked.filter((a) => a.at > ended).length).toBeGreaterThan(0);

      const restored = join(dir, 'restored');
      const r = await cli(['restore', file, '--data-dir', restored]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/restored 1 survey versions, \d+ responses/);
      const db = await openPglite({ dataDir: restored });
      try {
        const ids = new Set(
          (await db.query<{ id: string }>('SELECT response_id AS id FROM responses')).map(
            (x) => x.id,
          ),
        );
        expect(before.filter((id) => !ids.has(id))).toEqual([]);
        // Nothing in the copy that no client sent.
        expect([...ids].filter((id) => !sent.has(id))).toEqual([]);
      } finally {
        await db.close();
      }
    } finally {
      stop = true;
      await Promise.all(clients);
      await c.close();
    }
  }, 180_000);

  it('refuses a wrong token, a file that is no backup and a folder that is not empty', async () => {
    const c = await serve(join(dir, 'refuse'));
    try {
      const denied = await cli([
        'backup',
        join(dir, 'x.tar.gz'),
        '--url',
        c.url,
        '--admin-token',
        'nope',
      ]);
      expect(denied.code).toBe(2);
      expect(denied.err).toMatch(/HTTP 403 .*forbidden/);
      const off = await cli(['backup', join(dir, 'x.tar.gz'), '--url', 'http://127.0.0.1:9']);
      expect(off.code).toBe(2);
      expect(off.err).toMatch(/no collector answers at http:\/\/127\.0\.0\.1:9/);
    } finally {
      await c.close();
    }
    const junk = join(dir, 'junk.tar.gz');
    await writeFile(junk, 'not a backup');
    const bad = await cli(['restore', junk, '--data-dir', join(dir, 'never')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/not a backup made by "otklik-collector backup"/);
    // gzip, but no tar of a database inside: refused, and the new folder is not left behind.
    const gz = join(dir, 'gz.tar.gz');
    await writeFile(gz, gzipSync('not a tar'));
    const notTar = await cli(['restore', gz, '--data-dir', join(dir, 'never')]);
    expect(notTar.code).toBe(2);
    expect(notTar.err).toMatch(/not a usable backup/);
    await expect(stat(join(dir, 'never'))).rejects.toThrow(/ENOENT/);
    const full = await cli(['restore', gz, '--data-dir', join(dir, 'refuse')]);
    expect(full.code).toBe(2);
    expect(full.err).toMatch(/refuse is not empty: restore into a new folder/);
    const noDir = await cli(['restore', junk]);
    expect(noDir.code).toBe(2);
  }, 120_000);
});

const PG_URL = process.env['TEST_DATABASE_URL'];

describe.skipIf(!PG_URL)('migrate-to PostgreSQL', () => {
  const name = `otklik_mig_${randomBytes(4).toString('hex')}`;
  let url: string;
  let admin: pg.Client;
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(PG_URL!);
    u.pathname = `/${name}`;
    url = u.toString();
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('copies every table, rebuilds the rollup, verifies, and is safe to re-run', async () => {
    const source = join(dir, 'to-move');
    const c = await serve(source);
    const ids: string[] = [];
    try {
      for (let i = 0; i < 60; i++) {
        const r = response({
          context: {
            channel: i % 2 ? 'kiosk' : 'site',
            respondent: 'external',
            touchpoint: 'office-1',
            object: 'svc-42',
          },
        });
        ids.push(r.responseId);
        expect(await post(c.url, r)).toBe(201);
      }
      await c.deps.batcher.drain();
      const put = await fetch(`${c.url}/v1/catalogs/services`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify([{ id: 'licence', text: { ru: 'Лицензия', en: 'Licence' } }]),
      });
      expect(put.status).toBeLessThan(300);
      // Analysts' data: a theme with an assignment, a pain-map row with its history, a decision.
      const db = c.deps.db;
      await db.query(
        `INSERT INTO themes (theme_id, survey_id, question, name, terms, centroid, origin)
         VALUES ('6f1c1a52-4c57-4c1e-9d39-1f4f7f0a0001', $1, 'q3', 'Очереди', '["очередь"]',
                 '{"очеред": 1}', 'analyst')`,
        [pulse.id],
      );
      await db.query(
        `INSERT INTO theme_assignments (response_id, question, survey_id, theme_id, origin)
         VALUES ($1, 'q3', $2, '6f1c1a52-4c57-4c1e-9d39-1f4f7f0a0001', 'analyst')`,
        [ids[0], pulse.id],
      );
      await db.query(
        `INSERT INTO pain_map_rows (survey_id, period, process, problem, source, prevalence, evidence)
         VALUES ($1, '', 'Приём', 'Очереди', 'theme', 'high', '{"n": 12}')`,
        [pulse.id],
      );
      await db.query(
        `INSERT INTO pain_map_changes (row_id, actor, field, old_value, new_value)
         VALUES (1, 'admin', 'status', 'planned', 'done')`,
      );
      await db.query(
        `INSERT INTO decisions (survey_id, pain_row_id, text, status, decided_on, published)
         VALUES ($1, 1, '{"ru": "Открыли второе окно"}', 'done', '2026-03-01', true)`,
        [pulse.id],
      );
    } finally {
      await c.close();
    }

    const first = await cli(['migrate-to', url, '--data-dir', source]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^responses: 60 rows copied/m);
    expect(first.out).toMatch(/^ok {3}report_rollup: [1-9]\d* rows$/m);
    expect(first.out).toMatch(/all tables match/);
    for (const t of [
      'surveys',
      'catalog_entries',
      'themes',
      'theme_assignments',
      'pain_map_rows',
      'pain_map_changes',
      'decisions',
    ])
      expect(first.out).toMatch(new RegExp(`^ok {3}${t}: [1-9]`, 'm'));

    const again = await cli(['migrate-to', url, '--data-dir', source]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^responses: 0 rows copied/m);
    expect(again.out).toMatch(/all tables match/);

    // The target is a working collector database: serial ids go on after the copied ones.
    const target = await openPostgres({ connectionString: url, max: 1 });
    try {
      const [row] = await target.query<{ id: string }>(
        `INSERT INTO pain_map_rows (survey_id, period, process, problem, source, prevalence)
         VALUES ($1, '', 'Приём', 'Новая', 'other', 'low') RETURNING id::text AS id`,
        [pulse.id],
      );
      expect(row?.id).toBe('2');
      const [n] = await target.query<{ n: number }>('SELECT count(*)::int AS n FROM responses');
      expect(n?.n).toBe(60);
    } finally {
      await target.close();
    }
    // A collector starts on the moved database and reports the moved responses; a backup there
    // is refused with the PostgreSQL way to do it.
    const pgCollector = await startCollector(
      resolveConfig({ port: '0', 'database-url': url, 'admin-token': TOKEN }, {}),
      { seed: {} },
    );
    try {
      const auth = { authorization: `Bearer ${TOKEN}` };
      const report = await fetch(`${pgCollector.url}/v1/surveys/${pulse.id}/report`, {
        headers: auth,
      });
      expect(report.status).toBe(200);
      expect(await report.json()).toMatchObject({ total: { responses: 60 } });
      const backup = await fetch(`${pgCollector.url}/v1/backup`, { method: 'POST', headers: auth });
      expect(backup.status).toBe(409);
      expect(await backup.json()).toMatchObject({
        error: 'backup_unsupported',
        message: { en: expect.stringMatching(/pg_dump/) },
      });
    } finally {
      await pgCollector.close();
    }
    // A row the source does not have shows up as a difference, not as success.
    const diff = await cli(['migrate-to', url, '--data-dir', source]);
    expect(diff.code).toBe(1);
    expect(diff.out).toMatch(/^DIFF pain_map_rows: 1 rows in PGlite, 2 in PostgreSQL/m);
  }, 180_000);
});
