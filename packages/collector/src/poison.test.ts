import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from './config.js';
import { startCollector, type Collector } from './server.js';
import { freshSchema, TEST_DATABASE_URL } from './test/backends.js';
import { pulse, response } from './test/fixtures.js';
import { openPostgres } from './store/postgres/index.js';

const seed = { [pulse.id]: pulse };

/** Bodies PostgreSQL cannot store as they are: NUL in a text answer, specify text, context field. */
function poisonBodies(): string[] {
  const nulText = response();
  nulText.answers.q3 = 'до\u0000после';
  const nulSpecify = response();
  nulSpecify.specify = { q2: { other: 'x\u0000' } };
  const nulContext = response();
  nulContext.context = { ...nulContext.context, object: 'svc\u0000' };
  // JSON.stringify writes U+0000 as \u0000 and a lone surrogate as \ud800: both reach the server.
  const surrogate = JSON.stringify({ ...response(), answers: { q1: 2, q3: 'a\ud800b' } });
  return [...[nulText, nulSpecify, nulContext].map((b) => JSON.stringify(b)), surrogate];
}

const targets = [
  { name: 'pglite', url: undefined as string | undefined },
  ...(TEST_DATABASE_URL ? [{ name: 'postgres', url: TEST_DATABASE_URL }] : []),
];

describe.each(targets)('poison bodies among good clients, real socket, $name', ({ url }) => {
  let c: Collector;
  let dir: string;
  const schema = freshSchema();
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'otklik-poison-'));
    c = await startCollector(
      resolveConfig(
        {
          port: '0',
          'data-dir': dir,
          'rate-limit': 'off',
          ...(url ? { 'database-url': url } : {}),
        },
        {},
      ),
      { seed, ...(url ? { schema } : {}) },
    );
  }, 60_000);
  afterAll(async () => {
    await c.close();
    if (url) {
      const db = await openPostgres({ connectionString: url });
      await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await db.close();
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('20 good clients never see a non-2xx while 2 clients resend unstorable bodies', async () => {
    const send = (body: string) =>
      fetch(`${c.url}/v1/surveys/${pulse.id}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    const goodStatuses: number[] = [];
    const goodIds: string[] = [];
    const poisonStatuses = new Map<number, number>();
    const poisonCodes = new Set<string>();
    const poison = poisonBodies();
    let stop = false;
    const goodClient = async () => {
      for (let i = 0; i < 15; i++) {
        const r = response();
        const res = await send(JSON.stringify(r));
        await res.arrayBuffer();
        goodStatuses.push(res.status);
        goodIds.push(r.responseId);
      }
    };
    const poisonClient = async (k: number) => {
      // Like a widget that would retry forever: resend until the good clients are done.
      for (let i = 0; !stop; i++) {
        const res = await send(poison[(i + k) % poison.length]!);
        poisonStatuses.set(res.status, (poisonStatuses.get(res.status) ?? 0) + 1);
        poisonCodes.add(((await res.json()) as { error: string }).error);
      }
    };
    const poisoners = [poisonClient(0), poisonClient(1)];
    await Promise.all(Array.from({ length: 20 }, goodClient));
    stop = true;
    await Promise.all(poisoners);

    const non2xx = goodStatuses.filter((s) => s < 200 || s > 299);
    const sent = [...poisonStatuses.values()].reduce((a, b) => a + b, 0);
    console.info(
      `[poison] ${goodStatuses.length} good → ${non2xx.length} non-2xx; ${sent} poison → ` +
        JSON.stringify(Object.fromEntries(poisonStatuses)),
    );
    expect(non2xx).toEqual([]);
    // The poison is refused for good with a specific 4xx code (validation or storage), never 5xx.
    expect([...poisonStatuses.keys()].every((s) => s === 422)).toBe(true);
    for (const code of poisonCodes) expect(['invalid_response', 'unstorable']).toContain(code);
    const res = await fetch(`${c.url}/healthz`);
    expect(res.status).toBe(200);
    // Every acknowledged good response is stored; no poison row is.
    const db = c.deps.db;
    const stored = await db.query<{ n: string }>(
      'SELECT count(*) AS n FROM responses WHERE response_id = ANY($1::uuid[])',
      [goodIds],
    );
    expect(Number(stored[0]!.n)).toBe(goodIds.length);
    const all = await db.query<{ n: string }>('SELECT count(*) AS n FROM responses');
    expect(Number(all[0]!.n)).toBe(goodIds.length);
  }, 120_000);
});
