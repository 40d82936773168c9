import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL, freshSchema } from './test/backends.js';
import { spawnCollector, urlWithSchema, type ChildCollector } from './test/child.js';
import { pulse, response } from './test/fixtures.js';
import { openPostgres } from './store/postgres/index.js';
import type { Db } from './store/db.js';
import type { SurveyResponse } from '@otklik/core';

const post = (base: string, body: SurveyResponse): Promise<number> =>
  fetch(`${base}/v1/surveys/${pulse.id}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(
    async (r) => {
      await r.arrayBuffer();
      return r.status;
    },
    () => 0,
  );

const publish = async (base: string): Promise<void> => {
  const res = await fetch(`${base}/v1/surveys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer tok' },
    body: JSON.stringify(pulse),
  });
  expect([200, 201]).toContain(res.status);
};

describe.skipIf(!TEST_DATABASE_URL)('several processes on one PostgreSQL', () => {
  let schema: string;
  let url: string;
  let db: Db;
  const children: ChildCollector[] = [];
  beforeAll(async () => {
    schema = freshSchema();
    db = await openPostgres({ connectionString: TEST_DATABASE_URL!, schema });
    url = urlWithSchema(TEST_DATABASE_URL!, schema);
  });
  afterAll(async () => {
    for (const c of children) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
    await db.query(`DROP SCHEMA ${schema} CASCADE`);
    await db.close();
  });

  it('two collectors started together migrate once and store concurrent duplicates exactly once', async () => {
    const [a, b] = await Promise.all([spawnCollector(url), spawnCollector(url)]);
    children.push(a!, b!);
    const migrations = await db.query('SELECT version FROM otklik_migrations');
    expect(migrations.length).toBeGreaterThan(0);
    await publish(a!.url);
    const rs = Array.from({ length: 20 }, () => response());
    // Each response 4× to each process, all at once.
    const jobs = rs.flatMap((r) => [0, 1, 2, 3].flatMap(() => [post(a!.url, r), post(b!.url, r)]));
    const statuses = await Promise.all(jobs);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 200)).toHaveLength(140);
    const rows = await db.query<{ n: string; d: string }>(
      'SELECT count(*) AS n, count(DISTINCT response_id) AS d FROM responses',
    );
    expect(rows[0]).toEqual({ n: '20', d: '20' });
  });

  it('stops with exit code 0 on SIGTERM', async () => {
    const [a] = children;
    a!.proc.kill('SIGTERM');
    expect(await a!.exited).toBe(0);
  });

  it('after kill -9 under load, every acknowledged response is stored and retries add no duplicates', async () => {
    const victim = await spawnCollector(url);
    children.push(victim);
    const sent: { r: SurveyResponse; status: number }[] = [];
    let stop = false;
    const worker = async (): Promise<void> => {
      while (!stop) {
        const r = response();
        const status = await post(victim.url, r);
        sent.push({ r, status });
        if (status === 0) break; // the server is gone
      }
    };
    const workers = Array.from({ length: 16 }, worker);
    await new Promise((r) => setTimeout(r, 1500));
    victim.proc.kill('SIGKILL');
    await victim.exited;
    stop = true;
    await Promise.all(workers);
    const acked = sent.filter((s) => s.status === 201);
    expect(acked.length).toBeGreaterThan(50);
    for (const s of sent) expect([0, 201]).toContain(s.status);

    const stored = await db.query<{ response_id: string }>(
      'SELECT response_id FROM responses WHERE response_id = ANY($1::uuid[])',
      [acked.map((s) => s.r.responseId)],
    );
    expect(stored).toHaveLength(acked.length);

    // The widget retries everything it has no 2xx for (and, being cautious, may resend the rest).
    const again = await spawnCollector(url);
    children.push(again);
    const retried = await Promise.all(sent.map((s) => post(again.url, s.r)));
    sent.forEach((s, i) => {
      // Acknowledged → already stored; not acknowledged → stored now, or committed before the ack was lost.
      if (s.status === 201) expect(retried[i]).toBe(200);
      else expect([200, 201]).toContain(retried[i]);
    });
    const counts = await db.query<{ n: string; d: string }>(
      'SELECT count(*) AS n, count(DISTINCT response_id) AS d FROM responses WHERE response_id = ANY($1::uuid[])',
      [sent.map((s) => s.r.responseId)],
    );
    expect(counts[0]).toEqual({ n: String(sent.length), d: String(sent.length) });
    again.proc.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });
});
