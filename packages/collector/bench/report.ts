/**
 * Report benchmark: N synthetic responses to the belgorod-typical template (realistic answers,
 * generated once and repeated by one INSERT … SELECT FROM generate_series), then computeReport
 * grouped by channel and by quarter, on PostgreSQL (TEST_DATABASE_URL or DATABASE_URL, in a
 * throwaway schema dropped at the end) and on PGlite (a temp directory).
 *
 * Prints seconds per report and the peak RSS of this process while the report ran.
 *   pnpm --filter @otklik/collector bench              (with the ingest benchmark)
 *   tsx --conditions=@otklik/source bench/report.ts     (alone; REPORT_BENCH_ROWS / REPORT_BENCH_PGLITE_ROWS)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { templates } from '@otklik/core/templates';
import pg from 'pg';
import { computeReport, type GroupBy, type ReportOptions } from '../src/reports/index.js';
import { randomResponses } from '../src/reports/test-seed.js';
import type { Db } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { openPglite } from '../src/store/pglite/index.js';
import { openPostgres } from '../src/store/postgres/index.js';

const SURVEY = templates['belgorod-typical'];
// Distinct answer sets, repeated: enough that PostgreSQL cannot cache its way through (Memoize).
const DISTINCT = 20_000;
const BATCH = 100_000;

async function fill(db: Db, n: number): Promise<number> {
  await db.query('INSERT INTO surveys (id, version, definition) VALUES ($1, $2, $3)', [
    SURVEY.id,
    SURVEY.version,
    JSON.stringify(SURVEY),
  ]);
  const answers = JSON.stringify(randomResponses(SURVEY, DISTINCT, 7, 0).map((r) => r.answers));
  const t0 = performance.now();
  for (let from = 0; from < n; from += BATCH) {
    await db.query(
      `INSERT INTO responses (response_id, survey_id, survey_version, answered_at, lang, channel, touchpoint,
                              respondent, answers, body_hash, receipt)
       SELECT gen_random_uuid(), $1, $2, timestamptz '2025-01-01' + (i % 730) * interval '1 day', 'ru',
              (ARRAY['site','kiosk','email','qr'])[i % 4 + 1], 'tp-' || (i % 25), 'external',
              a.arr -> (i % $3), md5(i::text), 'B' || i
         FROM generate_series($4::int, $5::int) AS i, (SELECT $6::jsonb AS arr) AS a`,
      [SURVEY.id, SURVEY.version, DISTINCT, from, Math.min(n, from + BATCH) - 1, answers],
    );
  }
  await db.query('ANALYZE responses');
  return (performance.now() - t0) / 1000;
}

/** Runs `fn` while sampling RSS every 10 ms; returns its seconds and the peak RSS seen. */
async function measure(fn: () => Promise<unknown>): Promise<{ s: number; rssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const t0 = performance.now();
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return { s: (performance.now() - t0) / 1000, rssMb: Math.round(peak / 1048576) };
}

async function benchOne(name: string, db: Db, n: number): Promise<void> {
  const fillS = await fill(db, n);
  console.log(
    `report bench [${name}] ${n.toLocaleString('en')} responses inserted in ${fillS.toFixed(1)} s`,
  );
  const cases: [string, ReportOptions][] = [
    ['groupBy=channel', { groupBy: 'channel' as GroupBy }],
    ['groupBy=period (quarter)', { groupBy: 'period', period: 'quarter' }],
  ];
  for (const [label, opts] of cases) {
    let responses = 0;
    const m = await measure(async () => {
      responses = (await computeReport(db, SURVEY, opts)).total.responses;
    });
    console.log(
      `report bench [${name}] ${label}: ${m.s.toFixed(2)} s, peak RSS ${m.rssMb} MB (${responses.toLocaleString('en')} responses)`,
    );
  }
}

/** The report benchmark on PostgreSQL (if a URL is set) and PGlite. */
export async function runReportBench(): Promise<void> {
  const url = process.env['TEST_DATABASE_URL'] ?? process.env['DATABASE_URL'];
  const rows = Number(process.env['REPORT_BENCH_ROWS'] ?? 1_000_000);
  // PGlite runs PostgreSQL in WASM in this process, single-threaded: 1M rows take minutes to
  // insert and a few GB; a smaller set shows its speed per row well enough.
  const pgliteRows = Number(process.env['REPORT_BENCH_PGLITE_ROWS'] ?? 100_000);
  if (url) {
    const schema = `otklik_bench_report_${process.pid}`;
    const db = await openPostgres({ connectionString: url, schema, max: 2 });
    try {
      await migrate(db);
      await benchOne('postgres', db, rows);
    } finally {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    }
  } else {
    console.log('report bench [postgres] skipped: set TEST_DATABASE_URL or DATABASE_URL');
  }
  const dir = mkdtempSync(join(tmpdir(), 'otklik-bench-report-'));
  const db = await openPglite({ dataDir: dir });
  try {
    await migrate(db);
    await benchOne('pglite', db, pgliteRows);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Entry for bench/run.ts. */
export const run = runReportBench;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  await runReportBench();
