/**
 * Public results under load: latency of valid POSTs (2 connections) alone, then while 10
 * connections hammer `/results/:id` — without the results cache (the reference: every request
 * computes the report), with the cache, and with the cache plus the default per-client page limit.
 * The collector runs on PGlite in its own process with SEED_RESPONSES stored responses (default
 * 3000). BENCH_SECONDS (default 5) per phase.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { pulse, response } from '../src/test/fixtures.js';
import { serveArgs, spawnServer, stopProc } from './ingest.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const SEED = Number(process.env.SEED_RESPONSES ?? 3000);
const POST_PATH = `/v1/surveys/${pulse.id}/responses`;
const template = JSON.stringify(response({ responseId: '00000000-0000-4000-8000-000000000000' }));

interface Variant {
  name: string;
  env: Record<string, string>;
  hammer: boolean;
}

const VARIANTS: Variant[] = [
  { name: 'POSTs alone', env: { PAGE_RATE_LIMIT: 'off' }, hammer: false },
  {
    name: '+10 conns on /results, no cache (reference)',
    env: { PAGE_RATE_LIMIT: 'off', RESULTS_CACHE: 'off' },
    hammer: true,
  },
  { name: '+10 conns on /results, cache', env: { PAGE_RATE_LIMIT: 'off' }, hammer: true },
  { name: '+10 conns on /results, cache + page limit', env: {}, hammer: true },
];

const posts = (url: string): Promise<Result> =>
  autocannon({
    url,
    connections: 2,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        path: POST_PATH,
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({
          ...req,
          body: template.replace('00000000-0000-4000-8000-000000000000', randomUUID()),
        }),
      },
    ],
  });

const results = (url: string): Promise<Result> =>
  autocannon({ url: `${url}/results/${pulse.id}`, connections: 10, duration: SECONDS });

async function seed(url: string): Promise<void> {
  const res = await fetch(`${url}/v1/surveys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
    body: JSON.stringify(pulse),
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`publish failed: ${res.status}`);
  for (let i = 0; i < SEED; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, SEED - i) }, async (_, k) => {
        const r = response({ answers: { q1: 1 + ((i + k) % 5), q2: ['queue'], q3: 'ok' } });
        delete r.specify;
        const p = await fetch(`${url}${POST_PATH}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(r),
        });
        await p.arrayBuffer();
      }),
    );
  }
}

/** Runs each variant on a fresh server and prints POST latency next to the POSTs-alone reference. */
export async function run(): Promise<void> {
  console.log(
    `\nResults load: POST latency (2 connections) with 10 connections on /results, ${SEED} stored responses, PGlite, ${SECONDS} s per phase`,
  );
  const rows: string[] = [];
  let alone = 0;
  for (const v of VARIANTS) {
    const dir = await mkdtemp(join(tmpdir(), 'otklik-bench-results-'));
    const { url, proc } = await spawnServer(serveArgs('bench', '--data-dir', dir), {
      DATABASE_URL: '',
      ...v.env,
    });
    try {
      await seed(url);
      const [p, r] = await Promise.all([posts(url), v.hammer ? results(url) : undefined]);
      if (!v.hammer) alone = p.latency.p50;
      const res = r ? `${Math.round(r['2xx'] / r.duration)} 2xx/s, ${r.non2xx} non-2xx` : '—';
      rows.push(
        `| ${v.name} | ${p.latency.p50} | ${p.latency.p99} | ${p.latency.max} | ${(p.latency.p50 / Math.max(alone, 1)).toFixed(1)}× | ${p.non2xx} | ${res} |`,
      );
    } finally {
      await stopProc(proc);
      await rm(dir, { recursive: true, force: true });
    }
  }
  console.log(
    '\n| phase | POST p50 ms | POST p99 ms | POST max ms | p50 vs alone | POST non-2xx | /results |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
}

if (process.argv[1] && /results-load\.ts$/.test(process.argv[1])) {
  await run();
}
