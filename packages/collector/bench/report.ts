/**
 * Report benchmark: N synthetic responses to the belgorod-typical template (realistic answers,
 * generated once and repeated by INSERT … SELECT FROM generate_series over two years, 12 services
 * with 3 touchpoints each, 4 channels, 1 in 10 internal respondents), the rollup built from them by
 * `rebuildRollup` (set-based), then reports read from it, on PostgreSQL (TEST_DATABASE_URL or
 * DATABASE_URL, in a throwaway schema dropped at the end) and on PGlite (a temp directory).
 *
 * Each report runs RUNS times: median and min–max, and beside it the reference of the same run —
 * one `count(*)` over the raw responses the report covers, the least any engine that reads
 * responses must do (the engine before the rollup took 5.6 s at 1,000,000 on PostgreSQL).
 *   pnpm --filter @otklik/collector bench              (with the ingest benchmark)
 *   tsx --conditions=@otklik/source bench/report.ts     (alone; REPORT_BENCH_ROWS / REPORT_BENCH_PGLITE_ROWS)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { templates } from '@otklik/core/templates';
import pg from 'pg';
import { computeReport, type ReportOptions } from '../src/reports/index.js';
import type { Db } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { openPglite } from '../src/store/pglite/index.js';
import { openPostgres } from '../src/store/postgres/index.js';
import { rebuildRollup } from '../src/store/rollup.js';
import { insertSynthetic } from './seed.js';

const SURVEY = templates['belgorod-typical'];
const RUNS = Number(process.env['REPORT_BENCH_RUNS'] ?? 7);

const ROLLUP_TABLES = ['report_rollup', 'report_rollup_month', 'report_rollup_last'] as const;

/**
 * Copies the rollup rows of `from` into `to`, in chunks through JSON. Bench only: rebuilding the
 * rollup of 1,000,000 responses in PGlite takes about half an hour (160 s per 100,000 measured),
 * while the same SQL over the same rows already built it on PostgreSQL.
 */
async function copyRollup(from: Db, to: Db): Promise<void> {
  for (const t of ROLLUP_TABLES) {
    await to.query(`DELETE FROM ${t}`);
    for await (const chunk of from.stream<Record<string, unknown>>(
      `SELECT * FROM ${t}`,
      [],
      50_000,
    ))
      await to.query(
        `INSERT INTO ${t} SELECT * FROM jsonb_populate_recordset(NULL::${t}, $1::jsonb)`,
        [JSON.stringify(chunk)],
      );
  }
}

/**
 * Inserts `n` responses and builds their rollup: by `rebuildRollup`, or, given `rollupOf` (a
 * database already filled the same way), by copying its rollup rows.
 */
async function fill(
  db: Db,
  n: number,
  rollupOf?: Db,
): Promise<{ insertS: number; rollupS: number; copied: boolean }> {
  await db.query('INSERT INTO surveys (id, version, definition) VALUES ($1, $2, $3)', [
    SURVEY.id,
    SURVEY.version,
    JSON.stringify(SURVEY),
  ]);
  // The raw rows first, the rollup after in one set-based pass (as `rebuild-rollup` does).
  await db.query('ALTER TABLE responses DISABLE TRIGGER responses_rollup');
  const t0 = performance.now();
  await insertSynthetic(db, SURVEY, 0, n);
  const t1 = performance.now();
  await db.query('ALTER TABLE responses ENABLE TRIGGER responses_rollup');
  if (rollupOf) await copyRollup(rollupOf, db);
  else await rebuildRollup(db);
  await db.query('ANALYZE responses');
  await db.query('ANALYZE report_rollup');
  await db.query('ANALYZE report_rollup_month');
  return {
    insertS: (t1 - t0) / 1000,
    rollupS: (performance.now() - t1) / 1000,
    copied: rollupOf !== undefined,
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

async function timed(fn: () => Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return ms;
}

const fmt = (ms: number[]): string =>
  `median ${median(ms).toFixed(0)} ms (${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)})`;

interface Case {
  label: string;
  opts: ReportOptions;
  /** The raw responses the report covers, for the reference count. */
  raw: { from: string; to: string; channels: string[] | null };
}

const CASES: Case[] = [
  {
    label: 'service × quarter, 2026, channels site+kiosk, with the previous year',
    opts: {
      from: '2026-01-01',
      to: '2026-12-31',
      groupBy: ['object', 'period'],
      period: 'quarter',
      channel: ['site', 'kiosk'],
      compare: true,
    },
    raw: { from: '2026-01-01', to: '2027-01-01', channels: ['site', 'kiosk'] },
  },
  {
    label: 'service × quarter, all time, no filter',
    opts: { groupBy: ['object', 'period'], period: 'quarter' },
    raw: { from: '2000-01-01', to: '2100-01-01', channels: null },
  },
  {
    label: 'touchpoint, 15 Mar–20 Sep 2026 (edges from the daily counts), internal respondents',
    opts: {
      from: '2026-03-15',
      to: '2026-09-20',
      groupBy: 'touchpoint',
      respondent: ['internal'],
    },
    raw: { from: '2026-03-15', to: '2026-09-21', channels: null },
  },
];

async function benchOne(name: string, db: Db, n: number, rollupOf?: Db): Promise<void> {
  const f = await fill(db, n, rollupOf);
  const [size] = await db.query<{ d: number; m: number }>(
    `SELECT (SELECT count(*) FROM report_rollup)::float8 AS d, (SELECT count(*) FROM report_rollup_month)::float8 AS m`,
  );
  console.log(
    `report bench [${name}] ${n.toLocaleString('en')} responses inserted in ${f.insertS.toFixed(1)} s; ` +
      `rollup ${f.copied ? 'copied from PostgreSQL' : 'rebuilt'} in ${f.rollupS.toFixed(1)} s: ${size?.d.toLocaleString('en')} daily rows, ` +
      `${size?.m.toLocaleString('en')} monthly rows`,
  );
  for (const c of CASES) {
    let groups = 0;
    let responses = 0;
    const report = await timed(async () => {
      const r = await computeReport(db, SURVEY, c.opts);
      groups = r.groups.length;
      responses = r.total.responses;
    });
    const raw = await timed(() =>
      db.query(
        `SELECT count(*) FROM responses WHERE survey_id = $1 AND answered_at >= $2::timestamptz
            AND answered_at < $3::timestamptz AND ($4::text[] IS NULL OR channel = ANY($4::text[]))`,
        [SURVEY.id, `${c.raw.from}T00:00:00+03:00`, `${c.raw.to}T00:00:00+03:00`, c.raw.channels],
      ),
    );
    console.log(
      `report bench [${name}] ${c.label}: ${fmt(report)}; ${groups} groups, ` +
        `${responses.toLocaleString('en')} responses | reference, count(*) over those raw responses: ` +
        `${fmt(raw)} | report/reference ${(median(report) / median(raw)).toFixed(2)}`,
    );
  }
}

/** The report benchmark on PostgreSQL (if a URL is set) and PGlite. */
export async function runReportBench(): Promise<void> {
  const url = process.env['TEST_DATABASE_URL'] ?? process.env['DATABASE_URL'];
  const rows = Number(process.env['REPORT_BENCH_ROWS'] ?? 1_000_000);
  const pgliteRows = Number(process.env['REPORT_BENCH_PGLITE_ROWS'] ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'otklik-bench-report-'));
  const schema = `otklik_bench_report_${process.pid}`;
  const pgDb =
    url && rows > 0
      ? await openPostgres({ connectionString: url, schema, max: 2, queryTimeoutMs: 1_800_000 })
      : null;
  try {
    if (pgDb) {
      await migrate(pgDb);
      await benchOne('postgres', pgDb, rows);
    } else {
      console.log(
        'report bench [postgres] skipped: no TEST_DATABASE_URL/DATABASE_URL, or REPORT_BENCH_ROWS=0',
      );
    }
    if (pgliteRows > 0) {
      const db = await openPglite({ dataDir: dir });
      try {
        await migrate(db);
        // The same rows as on PostgreSQL: its rollup is copied rather than rebuilt in WASM.
        await benchOne('pglite', db, pgliteRows, pgDb && pgliteRows === rows ? pgDb : undefined);
      } finally {
        await db.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (pgDb) {
      await pgDb.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    }
  }
}

/** Entry for bench/run.ts. */
export const run = runReportBench;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  await runReportBench();
