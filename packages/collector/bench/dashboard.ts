/**
 * Dashboard benchmark: how long a survey's dashboard page takes next to the one report-API call it
 * is made of the most (`groupBy=period`), on the same data, in the same run. N synthetic responses
 * to belgorod-typical over two years, 25 touchpoints, 4 services, on PostgreSQL (TEST_DATABASE_URL,
 * in a throwaway schema) or else PGlite in memory. Prints medians and min–max of 5 runs each.
 *   tsx --conditions=@otklik/source bench/dashboard.ts   (DASHBOARD_BENCH_ROWS, default 50,000)
 */
import { templates } from '@otklik/core/templates';
import { createApp } from '../src/app.js';
import { createBatcher } from '../src/ingest/batcher.js';
import type { Db } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { openPglite } from '../src/store/pglite/index.js';
import { openPostgres } from '../src/store/postgres/index.js';
import { createCatalogStore } from '../src/store/catalogs.js';
import { createSurveyStore } from '../src/store/surveys.js';
import { responseWriter } from '../src/store/writer.js';
import { randomResponses } from '../src/reports/test-seed.js';

const SURVEY = templates['belgorod-typical'];
const N = Number(process.env['DASHBOARD_BENCH_ROWS'] ?? 50_000);
const TOKEN = 'bench-admin-token-0123456789';
const RUNS = 5;

async function open(): Promise<{ db: Db; name: string; drop: () => Promise<void> }> {
  const url = process.env['TEST_DATABASE_URL'];
  if (!url) return { db: await openPglite(), name: 'PGlite', drop: async () => undefined };
  const schema = `otklik_bench_dash_${process.pid}`;
  const db = await openPostgres({ connectionString: url, schema });
  return {
    db,
    name: 'PostgreSQL',
    drop: async () => void (await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)),
  };
}

async function timed(fn: () => Promise<void>): Promise<string> {
  const t: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return `median ${t[RUNS >> 1]!.toFixed(0)} ms (${t[0]!.toFixed(0)}–${t.at(-1)!.toFixed(0)})`;
}

const { db, name, drop } = await open();
try {
  await migrate(db);
  const surveys = createSurveyStore(db);
  await surveys.publish(SURVEY);
  const answers = JSON.stringify(randomResponses(SURVEY, 5_000, 7, 0).map((r) => r.answers));
  await db.query(
    `INSERT INTO responses (response_id, survey_id, survey_version, answered_at, lang, channel, object, touchpoint,
                            respondent, answers, body_hash, receipt)
     SELECT gen_random_uuid(), $1, 1, timestamptz '2025-01-01' + (i % 730) * interval '1 day', 'ru',
            (ARRAY['site','kiosk','email','qr'])[i % 4 + 1], 'example-' || (ARRAY['accreditation','licensing','diploma','attestation'])[i % 4 + 1],
            'tp-' || (i % 25), 'external', a.arr -> (i % 5000), md5(i::text), 'B' || i
       FROM generate_series(0, $2::int - 1) AS i, (SELECT $3::jsonb AS arr) AS a`,
    [SURVEY.id, N, answers],
  );
  await db.query('ANALYZE responses');
  const app = createApp({
    db,
    surveys,
    catalogs: createCatalogStore(db),
    batcher: createBatcher({ writer: responseWriter(db) }),
    config: { adminTokens: [TOKEN], allowedOrigins: {}, widgetDir: '/nonexistent', demo: false },
    rateLimit: false,
  });
  const signIn = await app.request('/admin/sign-in', {
    method: 'POST',
    headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: TOKEN }).toString(),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  const get = (path: string, headers: Record<string, string>) => async () => {
    const r = await app.request(path, { headers });
    if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
    await r.arrayBuffer();
  };
  const id = SURVEY.id;
  console.log(`dashboard bench [${name}] ${N.toLocaleString('en')} responses`);
  console.log(
    `  report API groupBy=period (reference): ${await timed(get(`/v1/surveys/${id}/report?groupBy=period`, { authorization: `Bearer ${TOKEN}` }))}`,
  );
  console.log(
    `  dashboard page:                        ${await timed(get(`/admin/surveys/${id}`, { cookie }))}`,
  );
  console.log(
    `  dashboard page, channel=kiosk,site&respondent=internal: ${await timed(get(`/admin/surveys/${id}?channel=kiosk,site&respondent=internal`, { cookie }))}`,
  );
} finally {
  await drop();
  await db.close();
}
