/**
 * Memory benchmark: the RSS of a collector process on PGlite (read from /proc/PID/status every
 * 100 ms) in three phases, with the collector's settings (store/pglite/memory.ts), the same under
 * the V8 flags the deployment guide recommends, and, in the same run, with PGlite's own defaults
 * (shared_buffers 128 MB, maintenance_work_mem 64 MB…) as the reference:
 *   1. start on a fresh data folder (RSS once listening; peak of the serving process);
 *   2. ingest: 50 connections POST ~2 KB responses for MEMORY_BENCH_SECONDS (default 10);
 *   3. reporting over MEMORY_BENCH_ROWS (default 100,000) responses: the folder is filled here
 *      beforehand (raw rows, then the rollup rebuilt as `rebuild-rollup` does), then the
 *      collector serves reports (plain, grouped, compared), the public results page and a full
 *      CSV export of every response, MEMORY_BENCH_ROUNDS (default 3) times.
 * Each phase prints the median and the maximum of the samples, beside the goal (250 MB).
 * The collector runs as installed: the build (`bin/otklik-collector.js`, `pnpm build` first);
 * MEMORY_BENCH_RUN=source runs `src/cli.ts` through tsx instead, whose loader and transpiled
 * sources add to every figure.
 *   pnpm --filter @otklik/collector build && pnpm --filter @otklik/collector bench
 *   pnpm --filter @otklik/collector build && tsx --conditions=@otklik/source bench/memory.ts
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { templates } from '@otklik/core/templates';
import autocannon from 'autocannon';
import { randomResponses } from '../src/reports/test-seed.js';
import { migrate } from '../src/store/migrate.js';
import { rebuildRollup } from '../src/store/rollup.js';
import { openPglite } from '../src/store/pglite/index.js';
import { responseOfSize, pulse } from '../src/test/fixtures.js';
import type { CollectorStatus } from '../src/ops/status-route.js';
import { serveArgs, spawnServer, stopProc } from './ingest.js';

const SECONDS = Number(process.env['MEMORY_BENCH_SECONDS'] ?? 10);
const ROWS = Number(process.env['MEMORY_BENCH_ROWS'] ?? 100_000);
const ROUNDS = Number(process.env['MEMORY_BENCH_ROUNDS'] ?? 3);
const RUN = process.env['MEMORY_BENCH_RUN'] === 'source' ? 'source' : 'build';
const GOAL_MB = 250;
const TOKEN = 'bench';
const SURVEY = templates['belgorod-typical']!;

/** PostgreSQL's own defaults, which PGlite starts with unless told otherwise. */
const PGLITE_DEFAULTS =
  'shared_buffers=128MB,work_mem=4MB,maintenance_work_mem=64MB,temp_buffers=8MB,wal_buffers=4MB';

/**
 * V8 flags for a small machine (docs/deployment.md, the systemd unit): a 2 MB semi-space keeps the
 * young generation small, and under a 512 MB ceiling V8 grows the old generation in small steps
 * instead of letting garbage pile up — far above what reporting keeps live (about 60 MB).
 */
const V8_FLAGS = '--max-semi-space-size=2 --max-old-space-size=512';

const VARIANTS = [
  { name: 'collector settings', env: {} },
  { name: `collector settings, node ${V8_FLAGS}`, env: { NODE_OPTIONS: V8_FLAGS } },
  { name: "PGlite's defaults (reference)", env: { PGLITE_SETTINGS: PGLITE_DEFAULTS } },
];

async function status(pid: number): Promise<{ rss: number; hwm: number }> {
  const text = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string): number => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(text)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** Samples the RSS of `proc` while `fn` runs. */
async function sampled(proc: ChildProcess, fn: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  let on = true;
  const loop = (async () => {
    while (on) {
      samples.push((await status(proc.pid!)).rss);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    await fn();
  } finally {
    on = false;
    await loop;
  }
  samples.push((await status(proc.pid!)).rss);
  return samples;
}

/**
 * Where the memory is, by the collector's own account (`GET /v1/status`): the JavaScript heap
 * (and how much of it is live), and outside it PGlite's WASM heap and buffers.
 */
async function breakdown(url: string): Promise<string> {
  const res = await fetch(`${url}/v1/status`, { headers: { authorization: `Bearer ${TOKEN}` } });
  const { memory: m } = (await res.json()) as CollectorStatus;
  const to = (b: number): string => mb(b / 1024 / 1024);
  const db = m.databaseHeap ?? 0;
  return (
    `RSS ${to(m.rss)}: JS heap ${to(m.jsHeap)} (live ${to(m.jsHeapUsed)}), outside it ` +
    `${to(m.external)} of which PGlite's WASM heap ${to(db)} (counted in RSS as far as touched)`
  );
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (x: number): string => `${Math.round(x)} MB`;
const line = (phase: string, samples: number[]): string =>
  `${phase}: median ${mb(median(samples))}, max ${mb(Math.max(...samples))}`;

/** The collector's command line: the built CLI, or its source (`serveArgs` names `src/cli.ts`). */
const serverArgs = (dir: string): string[] => {
  const [source, ...rest] = serveArgs(TOKEN, '--data-dir', dir);
  return [RUN === 'build' ? 'bin/otklik-collector.js' : source!, ...rest];
};
const serverEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
  DATABASE_URL: '',
  PAGE_RATE_LIMIT: 'off',
  ...extra,
});

/** A folder with ROWS responses to the belgorod-typical template and their rollup. */
async function seededFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'otklik-bench-mem-seed-'));
  const db = await openPglite({ dataDir: dir });
  const t0 = performance.now();
  try {
    await migrate(db);
    await db.query('INSERT INTO surveys (id, version, definition) VALUES ($1, $2, $3)', [
      SURVEY.id,
      SURVEY.version,
      JSON.stringify(SURVEY),
    ]);
    const answers = JSON.stringify(randomResponses(SURVEY, 5_000, 7, 0).map((r) => r.answers));
    // Raw rows first, then the rollup in one set-based pass (what `rebuild-rollup` does): the
    // insert trigger over 10,000-row batches takes many times longer in PGlite.
    await db.query('ALTER TABLE responses DISABLE TRIGGER responses_rollup');
    const batch = 20_000;
    for (let from = 0; from < ROWS; from += batch) {
      await db.query(
        `INSERT INTO responses (response_id, survey_id, survey_version, answered_at, lang, channel,
                                object, touchpoint, respondent, answers, body_hash, receipt)
         SELECT gen_random_uuid(), $1, $2,
                timestamptz '2025-01-01 09:00+03' + ((i::bigint * 7919) % 730) * interval '1 day', 'ru',
                (ARRAY['site','kiosk','email','qr'])[(i::bigint * 31) % 4 + 1],
                'svc-' || (t % 12), 'tp-' || t,
                CASE WHEN i % 10 = 0 THEN 'internal' ELSE 'external' END,
                a.arr -> (i % 5000), md5(i::text), 'B' || i
           FROM generate_series($3::int, $4::int) AS i
          CROSS JOIN LATERAL (SELECT (i::bigint * 104729) % 36 AS t) AS tp, (SELECT $5::jsonb AS arr) AS a`,
        [SURVEY.id, SURVEY.version, from, Math.min(ROWS, from + batch) - 1, answers],
      );
    }
    await db.query('ALTER TABLE responses ENABLE TRIGGER responses_rollup');
    await rebuildRollup(db);
    await db.query('CHECKPOINT');
  } finally {
    await db.close();
  }
  console.log(
    `  (filled ${ROWS.toLocaleString('en')} responses in ${((performance.now() - t0) / 1000).toFixed(0)} s)`,
  );
  return dir;
}

const template = JSON.stringify(
  responseOfSize(2048, { responseId: '00000000-0000-4000-8000-000000000000' }),
);

async function ingest(url: string): Promise<number> {
  const publish = await fetch(`${url}/v1/surveys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(pulse),
  });
  if (!publish.ok) throw new Error(`publish failed: ${publish.status}`);
  const r = await autocannon({
    url,
    connections: 50,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        path: `/v1/surveys/${pulse.id}/responses`,
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({
          ...req,
          body: template.replace('00000000-0000-4000-8000-000000000000', randomUUID()),
        }),
      },
    ],
  });
  return r['2xx'];
}

async function report(url: string): Promise<void> {
  const auth = { authorization: `Bearer ${TOKEN}` };
  const base = `${url}/v1/surveys/${SURVEY.id}`;
  const paths = [
    `${base}/report`,
    `${base}/report?groupBy=object,period&period=quarter`,
    `${base}/report?from=2026-01-01&to=2026-06-30&compare=previous`,
    `${base}/report?groupBy=channel`,
    `${base}/export.csv`,
    `${url}/results/${SURVEY.id}`,
  ];
  for (let round = 0; round < ROUNDS; round++) {
    for (const p of paths) {
      const res = await fetch(p, { headers: auth });
      if (!res.ok) throw new Error(`${p}: ${res.status}`);
      // Read to the end (the export streams every response), holding nothing.
      for await (const _chunk of res.body!) void _chunk;
    }
  }
}

export async function run(): Promise<void> {
  if (RUN === 'build' && !existsSync(fileURLToPath(new URL('../dist/cli.js', import.meta.url)))) {
    console.log('\nMemory: skipped, no build (pnpm build first, or MEMORY_BENCH_RUN=source)');
    return;
  }
  console.log(
    `\nMemory (RSS of the collector process on PGlite; goal ≤ ${GOAL_MB} MB steady; ` +
      `ingest ${SECONDS} s, reports over ${ROWS.toLocaleString('en')} responses; the collector ` +
      `runs ${RUN === 'build' ? 'as built (bin/otklik-collector.js)' : 'from source through tsx'})`,
  );
  const seed = await seededFolder();
  try {
    for (const v of VARIANTS) {
      console.log(`  [${v.name}]`);
      // 1 + 2: a fresh folder, then ingest.
      const fresh = await mkdtemp(join(tmpdir(), 'otklik-bench-mem-'));
      const a = await spawnServer(serverArgs(fresh), serverEnv(v.env));
      try {
        await new Promise((r) => setTimeout(r, 1000));
        const s = await status(a.proc.pid!);
        console.log(`    fresh start: ${mb(s.rss)} a second after listening, peak ${mb(s.hwm)}`);
        console.log(`      ${await breakdown(a.url)}`);
        let acked = 0;
        const during = await sampled(a.proc, async () => {
          acked = await ingest(a.url);
        });
        console.log(
          `    ${line('ingest', during)} (${acked.toLocaleString('en')} responses stored)`,
        );
        console.log(`      after: ${await breakdown(a.url)}`);
      } finally {
        await stopProc(a.proc);
        await rm(fresh, { recursive: true, force: true });
      }
      // 3: reports over the filled folder (a copy: the reference must not see the other's pages).
      const copy = await mkdtemp(join(tmpdir(), 'otklik-bench-mem-'));
      await cp(seed, copy, { recursive: true });
      const b = await spawnServer(serverArgs(copy), serverEnv(v.env));
      try {
        const start = (await status(b.proc.pid!)).rss;
        const t0 = performance.now();
        const during = await sampled(b.proc, () => report(b.url));
        const s = await status(b.proc.pid!);
        console.log(
          `    ${line('reporting', during)} (start ${mb(start)}, after ${mb(s.rss)}, peak ` +
            `${mb(s.hwm)}; ${ROUNDS}× 6 requests in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
        );
        console.log(`      after: ${await breakdown(b.url)}`);
      } finally {
        await stopProc(b.proc);
        await rm(copy, { recursive: true, force: true });
      }
    }
  } finally {
    await rm(seed, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
