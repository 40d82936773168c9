/**
 * Ingest benchmark: 50 connections on loopback POST ~2 KB valid responses with unique ids, against
 * (1) a bare node:http server (read body, 204) — the ceiling — then (2) the collector on PGlite
 * (on disk, durable: acknowledged after COMMIT) and (3) on PostgreSQL (DATABASE_URL or
 * TEST_DATABASE_URL; skipped with a message when unset), each with the report rollup kept by the
 * insert (as in production) and with its trigger disabled, so the cost of the rollup reads as a
 * ratio from one run; and (4) the reference: a naive Hono server that stores each response with
 * its own INSERT (bench/naive-server.ts), on the same PostgreSQL.
 * Each server runs in its own process; the load generator runs here. Every target runs
 * BENCH_ROUNDS times (default 3), the rounds interleaved so a busy moment of the machine hits all
 * targets alike: medians and min–max per target, ratios of medians. BENCH_SECONDS (default 10).
 *
 * The collector runs with `--rate-limit off` (all load comes from one address) and acknowledges
 * only after COMMIT, as in production.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import { migrate } from '../src/store/migrate.js';
import { openPglite } from '../src/store/pglite/index.js';
import { responseOfSize, pulse } from '../src/test/fixtures.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const CONNECTIONS = 50;
const PKG = fileURLToPath(new URL('../', import.meta.url));
const PG_URL = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;

interface Target {
  name: string;
  start(): Promise<{ url: string; stop(): Promise<void> }>;
}

/** One target's rounds. */
export interface IngestFigure {
  name: string;
  /** 2xx responses per second, one per round. */
  rps: number[];
  p50: number[];
  p99: number[];
  non2xx: number;
  errors: number;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
/** «median (min–max)» of a round's figures. */
const spread = (xs: readonly number[], digits = 0): string =>
  `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;

export async function spawnServer(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ url: string; proc: ChildProcess }> {
  // A TypeScript entry runs from source through tsx; a JavaScript one (the build) as installed.
  const source = args[0]?.endsWith('.ts') ? ['--conditions=@otklik/source', '--import', 'tsx'] : [];
  const proc = spawn(process.execPath, [...source, ...args], {
    cwd: PKG,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    proc.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  // The collector logs one line per request; drain stdout so it never blocks.
  proc.stdout!.resume();
  return { url, proc };
}

export const stopProc = (proc: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (proc.exitCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
  });

async function publishFixture(url: string): Promise<void> {
  const res = await fetch(`${url}/v1/surveys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
    body: JSON.stringify(pulse),
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`publish failed: ${res.status}`);
}

/** `cli.ts serve` on a free port, with `token` as the admin token and no rate limit (all bench load comes from one address), then `more`. */
export const serveArgs = (token: string, ...more: string[]): string[] => [
  'src/cli.ts',
  'serve',
  '--port',
  '0',
  '--admin-token',
  token,
  '--rate-limit',
  'off',
  ...more,
];

const collectorArgs = serveArgs('bench');

const targets: Target[] = [
  {
    name: 'bare node:http, 204 (ceiling)',
    async start() {
      const { url, proc } = await spawnServer(['bench/bare-server.ts']);
      return { url, stop: () => stopProc(proc) };
    },
  },
];

/** Bench only: the trigger that keeps the rollup, off, to measure ingest without it. */
const NO_ROLLUP = 'ALTER TABLE responses DISABLE TRIGGER responses_rollup';
const rollupLabel = (rollup: boolean): string => (rollup ? 'with rollup' : 'WITHOUT rollup');

/** The collector on PGlite in a temp folder; without the rollup, the folder is prepared here first. */
function pgliteTarget(rollup: boolean): Target {
  return {
    name: `collector, PGlite (on disk), ${rollupLabel(rollup)}`,
    async start() {
      const dir = await mkdtemp(join(tmpdir(), 'otklik-bench-'));
      if (!rollup) {
        const db = await openPglite({ dataDir: dir });
        await migrate(db);
        await db.query(NO_ROLLUP);
        await db.close();
      }
      const { url, proc } = await spawnServer([...collectorArgs, '--data-dir', dir], {
        DATABASE_URL: '',
      });
      await publishFixture(url);
      return {
        url,
        async stop() {
          await stopProc(proc);
          await rm(dir, { recursive: true, force: true });
        },
      };
    },
  };
}

targets.push(pgliteTarget(true), pgliteTarget(false));

/** The collector on PostgreSQL in a throwaway schema, with `flushes` group commits in flight. */
function postgresTarget(url: string, flushes: number, rollup = true): Target {
  return {
    name: `collector, PostgreSQL, ${flushes} flush${flushes > 1 ? 'es' : ''} in flight, ${rollupLabel(rollup)}`,
    async start() {
      const schema = `otklik_bench_${Date.now()}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      const s = (
        await admin.query<{ fsync: string; synchronous_commit: string }>(
          `SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit`,
        )
      ).rows[0]!;
      console.log(`  PostgreSQL fsync=${s.fsync} synchronous_commit=${s.synchronous_commit}`);
      const u = new URL(url);
      u.searchParams.set('options', `-c search_path=${schema}`);
      const { url: base, proc } = await spawnServer(collectorArgs, {
        DATABASE_URL: u.toString(),
        INGEST_FLUSHES: String(flushes),
      });
      await publishFixture(base);
      if (!rollup)
        await admin.query(`ALTER TABLE ${schema}.responses DISABLE TRIGGER responses_rollup`);
      return {
        url: base,
        async stop() {
          await stopProc(proc);
          await admin.query(`DROP SCHEMA ${schema} CASCADE`);
          await admin.end();
        },
      };
    },
  };
}

/** The naive reference on PostgreSQL: one INSERT per request, in a throwaway schema. */
function naiveTarget(url: string): Target {
  return {
    name: NAIVE,
    async start() {
      const schema = `otklik_bench_naive_${Date.now()}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      const u = new URL(url);
      u.searchParams.set('options', `-c search_path=${schema}`);
      const { url: base, proc } = await spawnServer(['bench/naive-server.ts'], {
        DATABASE_URL: u.toString(),
      });
      return {
        url: base,
        async stop() {
          await stopProc(proc);
          await admin.query(`DROP SCHEMA ${schema} CASCADE`);
          await admin.end();
        },
      };
    },
  };
}
const NAIVE = 'naive Hono, PostgreSQL, one INSERT per request, with rollup (reference)';

if (PG_URL) {
  targets.push(
    naiveTarget(PG_URL),
    postgresTarget(PG_URL, 1),
    postgresTarget(PG_URL, 1, false),
    postgresTarget(PG_URL, 2),
    postgresTarget(PG_URL, 2, false),
  );
}

/** One ~2 KB body; each request swaps in a fresh UUID (string replace: cheap for the generator). */
const template = JSON.stringify(
  responseOfSize(2048, { responseId: '00000000-0000-4000-8000-000000000000' }),
);

async function load(url: string): Promise<Result> {
  return autocannon({
    url,
    connections: CONNECTIONS,
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
}

/** Runs every target ROUNDS times, interleaved, and prints medians, min–max and ratios. */
export async function benchIngest(): Promise<IngestFigure[]> {
  console.log(
    `\nIngest: ${CONNECTIONS} connections, ${Buffer.byteLength(template)} B JSON bodies, ${SECONDS} s per target, ${ROUNDS} rounds`,
  );
  if (!PG_URL)
    console.log('  PostgreSQL SKIPPED: set DATABASE_URL or TEST_DATABASE_URL to include it.');
  // BENCH_SKIP_PGLITE=1 leaves out the PGlite target (the ceiling always runs: the ratio needs it).
  const chosen = process.env.BENCH_SKIP_PGLITE
    ? targets.filter((t) => !/PGlite/.test(t.name))
    : targets;
  const figures: IngestFigure[] = chosen.map((t) => ({
    name: t.name,
    rps: [],
    p50: [],
    p99: [],
    non2xx: 0,
    errors: 0,
  }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, t] of chosen.entries()) {
      const server = await t.start();
      try {
        const r = await load(server.url);
        const f = figures[i]!;
        f.rps.push(r['2xx'] / r.duration);
        f.p50.push(r.latency.p50);
        f.p99.push(r.latency.p99);
        f.non2xx += r.non2xx;
        f.errors += r.errors + r.timeouts;
      } finally {
        await server.stop();
      }
    }
  }
  const ceiling = median(figures[0]?.rps ?? [1]);
  console.log(
    '\n| target | 2xx responses/s, median (min–max) | p50 ms | p99 ms | of the ceiling | non-2xx | errors |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const f of figures) {
    console.log(
      `| ${f.name} | ${spread(f.rps)} | ${spread(f.p50)} | ${spread(f.p99)} | ${(median(f.rps) / ceiling).toFixed(2)} | ${f.non2xx} | ${f.errors} |`,
    );
  }
  const find = (name: string) => figures.find((f) => f.name === name);
  // The rollup's cost: each "with" target against its "without" twin (goal: at most 10 % fewer).
  for (const f of figures) {
    if (!f.name.endsWith(rollupLabel(true)) || f.name === NAIVE) continue;
    const twin = find(f.name.replace(rollupLabel(true), rollupLabel(false)));
    if (!twin) continue;
    const drops = f.rps.map((x, i) => (1 - x / twin.rps[i]!) * 100);
    console.log(
      `rollup cost [${f.name.replace(`, ${rollupLabel(true)}`, '')}]: ${Math.round(median(f.rps))} vs ${Math.round(median(twin.rps))} responses/s without, ` +
        `${((1 - median(f.rps) / median(twin.rps)) * 100).toFixed(1)} % fewer (per round ${drops.map((d) => d.toFixed(1)).join(', ')} %; goal ≤ 10 %)`,
    );
  }
  // The collector on PostgreSQL against the naive server (goal: ≥ 2×), and PGlite's floor.
  const naive = find(NAIVE);
  for (const f of figures) {
    if (!/^collector, PostgreSQL, .*with rollup$/.test(f.name) || !naive) continue;
    console.log(
      `collector vs naive [${f.name}]: ${(median(f.rps) / median(naive.rps)).toFixed(2)}× (${Math.round(median(f.rps))} vs ${Math.round(median(naive.rps))} responses/s; goal ≥ 2×)`,
    );
  }
  const lite = find(`collector, PGlite (on disk), ${rollupLabel(true)}`);
  if (lite)
    console.log(`PGlite, durable, with rollup: ${spread(lite.rps)} responses/s (goal ≥ 3,000/s)`);
  return figures;
}

if (process.argv[1] && /ingest\.ts$/.test(process.argv[1])) {
  await benchIngest();
}
