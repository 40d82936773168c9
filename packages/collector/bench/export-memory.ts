/**
 * Export memory benchmark: is the peak RSS of a collector serving a full export flat in the
 * number of responses? The belgorod-typical template is filled with synthetic responses
 * (bench/seed.ts; raw rows only — exports never read the rollup) in a throwaway PostgreSQL
 * database (TEST_DATABASE_URL or DATABASE_URL), first 100,000, then grown to 1,000,000, and in a
 * PGlite folder (100,000 by default: PGlite at 1,000,000 takes too long to fill for a routine run).
 *
 * Each run starts the real collector (`cli.ts serve`) as a child process, waits until it idles
 * (baseline RSS), resets its peak (/proc/PID/clear_refs 5), fetches `/v1/surveys/…/export.csv` or
 * `export.xlsx` over a real socket and reads the whole body, sampling /proc/PID/status every 50 ms;
 * the peak is the larger of the sampled VmRSS and the kernel's VmHWM. The reference, in the same
 * run: a bare child process that opens the same database and reads the same rows, in the same
 * order, through the store's cursor (`db.stream`, 500 a batch) and drops them — the least any
 * export must hold — with its own peak (`process.resourceUsage().maxRSS`).
 *
 * The exports are checked, not just timed: the CSV's records (newlines outside quotes) equal the
 * responses; the XLSX of the first run of each size is unpacked and its `<row>` elements counted,
 * and at 100,000 also read through exceljs's streaming reader.
 *   pnpm --filter @otklik/collector bench                      (with the other benchmarks)
 *   pnpm --filter @otklik/collector exec tsx --conditions=@otklik/source bench/export-memory.ts
 * Environment: EXPORT_BENCH_ROWS (default 100000,1000000), EXPORT_BENCH_PGLITE_ROWS (default
 * 100000; 0 skips PGlite), EXPORT_BENCH_RUNS (default 3).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { templates } from '@otklik/core/templates';
import ExcelJS from 'exceljs';
import pg from 'pg';
import type { Db } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { openDb } from '../src/store/open.js';
import { serveArgs, spawnServer, stopProc } from './ingest.js';
import { insertSynthetic } from './seed.js';

const SURVEY = templates['belgorod-typical']!;
const TOKEN = 'bench';
const RUNS = Number(process.env['EXPORT_BENCH_RUNS'] ?? 3);
const SIZES = (process.env['EXPORT_BENCH_ROWS'] ?? '100000,1000000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
  .sort((a, b) => a - b);
const PGLITE_SIZES = (process.env['EXPORT_BENCH_PGLITE_ROWS'] ?? '100000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
  .sort((a, b) => a - b);
/** Up to this many rows the XLSX is also read by exceljs (its reader is slow: 13–19 s per 100,000 here). */
const EXCELJS_MAX = 100_000;
const SAMPLE_MS = 50;
const HERE = fileURLToPath(import.meta.url);
const PKG = fileURLToPath(new URL('../', import.meta.url));

/** Where a child process finds the database: a PostgreSQL URL or a PGlite folder. */
type Storage = { url: string } | { dir: string };

const storageEnv = (s: Storage): NodeJS.ProcessEnv =>
  'url' in s ? { DATABASE_URL: s.url } : { DATABASE_URL: '', DATA_DIR: s.dir };

// ─── measuring a process ──────────────────────────────────────────────────────────────────────

async function status(pid: number): Promise<{ rss: number; hwm: number }> {
  const text = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string): number => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(text)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/**
 * Runs `fn` while sampling the RSS of `pid`. The peak is the sampled maximum or VmHWM; `late` is
 * the sampled maximum over the second half of the export alone — about `peak` when memory levels
 * off early, well below it never, and climbing with the size when something is kept per row.
 */
async function peakDuring(
  pid: number,
  fn: () => Promise<void>,
): Promise<{ peak: number; early: number; late: number }> {
  // Resets VmHWM to the current RSS, so it holds this export's peak only.
  await writeFile(`/proc/${pid}/clear_refs`, '5');
  const samples: { t: number; rss: number }[] = [];
  let on = true;
  const loop = (async () => {
    while (on) {
      samples.push({ t: performance.now(), rss: (await status(pid)).rss });
      await new Promise((r) => setTimeout(r, SAMPLE_MS));
    }
  })();
  const t0 = performance.now();
  try {
    await fn();
  } finally {
    on = false;
    await loop;
  }
  const mid = (t0 + performance.now()) / 2;
  const s = await status(pid);
  const max = (xs: number[]): number => Math.max(0, ...xs);
  return {
    peak: Math.max(max(samples.map((x) => x.rss)), s.rss, s.hwm),
    early: max(samples.filter((x) => x.t < mid).map((x) => x.rss)),
    late: max(samples.filter((x) => x.t >= mid).map((x) => x.rss)),
  };
}

// ─── checking what was exported ───────────────────────────────────────────────────────────────

/** Counts CSV records: line feeds outside quoted fields (answers may hold line breaks). */
function csvCounter(): { feed(b: Uint8Array): void; readonly records: number } {
  let quoted = false;
  let records = 0;
  return {
    feed(b) {
      for (let i = 0; i < b.length; i++) {
        const c = b[i];
        if (c === 0x22) quoted = !quoted;
        else if (c === 0x0a && !quoted) records++;
      }
    },
    get records() {
      return records;
    },
  };
}

/** `<row ` elements in the workbook's sheet, unpacked by `unzip` (a reader outside Node). */
async function xlsxRows(file: string): Promise<number> {
  const p = spawn('unzip', ['-p', file, 'xl/worksheets/sheet1.xml'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const needle = Buffer.from('<row ');
  let rows = 0;
  let tail = Buffer.alloc(0);
  for await (const chunk of p.stdout as AsyncIterable<Buffer>) {
    const b = Buffer.concat([tail, chunk]);
    for (let i = b.indexOf(needle); i !== -1; i = b.indexOf(needle, i + 1)) rows++;
    tail = b.subarray(Math.max(0, b.length - needle.length + 1));
  }
  await new Promise((r) => p.once('close', r));
  return rows;
}

/** Rows exceljs's streaming reader finds, and the text of the first cell of row 3. */
async function exceljsRows(file: string): Promise<{ rows: number; firstId: string }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    worksheets: 'emit',
  });
  let rows = 0;
  let firstId = '';
  for await (const sheet of reader)
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      rows++;
      if (row.number === 3) firstId = String(row.getCell(1).value);
    }
  return { rows, firstId };
}

// ─── one export, one reference ────────────────────────────────────────────────────────────────

interface Sample {
  baseline: number;
  peak: number;
  /** Sampled maxima over the first and the second half of the export (0 for the reference). */
  early: number;
  late: number;
  ms: number;
  bytes: number;
  records: number;
}

const serverArgs = serveArgs(TOKEN);

/** A fresh collector, idle, then one full export read to the end over its socket. */
async function exportOnce(
  storage: Storage,
  format: 'csv' | 'xlsx',
  keep?: string,
): Promise<Sample> {
  const env = {
    ...storageEnv(storage),
    PAGE_RATE_LIMIT: 'off',
    TIME_ZONE: 'Europe/Moscow',
  };
  const { url, proc } = await spawnServer(serverArgs, env);
  try {
    const health = await fetch(`${url}/healthz`);
    if (!health.ok) throw new Error(`healthz ${health.status}`);
    await health.arrayBuffer();
    await new Promise((r) => setTimeout(r, 500));
    const baseline = (await status(proc.pid!)).rss;
    let bytes = 0;
    let ms = 0;
    const counter = csvCounter();
    const { peak, early, late } = await peakDuring(proc.pid!, async () => {
      const t0 = performance.now();
      const res = await fetch(`${url}/v1/surveys/${SURVEY.id}/export.${format}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      if (!res.ok) throw new Error(`export.${format}: ${res.status} ${await res.text()}`);
      const out = keep ? createWriteStream(keep) : null;
      for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        if (format === 'csv') counter.feed(chunk);
        if (out && !out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      }
      if (out) await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())));
      ms = performance.now() - t0;
    });
    return { baseline, peak, early, late, ms, bytes, records: counter.records };
  } finally {
    await stopProc(proc);
  }
}

/** The reference: a bare child reading the same rows through the store's cursor. */
async function referenceOnce(storage: Storage): Promise<Sample> {
  const proc: ChildProcess = spawn(
    process.execPath,
    ['--conditions=@otklik/source', '--import', 'tsx', HERE],
    {
      cwd: PKG,
      env: {
        ...process.env,
        ...storageEnv(storage),
        EXPORT_BENCH_CHILD: 'cursor',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((r) => proc.once('exit', r));
  if (code !== 0) throw new Error(`reference child exited ${code}: ${out}`);
  return JSON.parse(out.trim().split('\n').pop()!) as Sample;
}

/** Child mode: stream every response of the survey through `db.stream`, then report. */
async function cursorChild(): Promise<void> {
  const db = await openDb({
    databaseUrl: process.env['DATABASE_URL'] || undefined,
    dataDir: process.env['DATA_DIR'] ?? './data',
    queryTimeoutMs: 600_000,
  });
  try {
    await new Promise((r) => setTimeout(r, 500));
    const baseline = process.memoryUsage().rss / 2 ** 20;
    const t0 = performance.now();
    let records = 0;
    for await (const rows of db.stream(
      `SELECT * FROM responses WHERE survey_id = $1 ORDER BY answered_at, response_id`,
      [SURVEY.id],
      500,
    ))
      records += rows.length;
    const ms = performance.now() - t0;
    const peak = process.resourceUsage().maxRSS / 1024;
    console.log(
      JSON.stringify({
        baseline,
        peak,
        early: 0,
        late: 0,
        ms,
        bytes: 0,
        records,
      }),
    );
  } finally {
    await db.close();
  }
}

// ─── figures ──────────────────────────────────────────────────────────────────────────────────

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: number[], f: (x: number) => string): string =>
  `median ${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
const mb = (x: number): string => `${x.toFixed(0)} MB`;
const sec = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

type Kind = 'csv' | 'xlsx' | 'cursor';
const LABEL: Record<Kind, string> = {
  csv: 'CSV   ',
  xlsx: 'XLSX  ',
  cursor: 'cursor (reference)',
};

/** Every kind at one size, RUNS times (interleaved, so drifting load hits each alike). */
async function measureSize(
  engine: string,
  storage: Storage,
  n: number,
): Promise<Record<Kind, Sample[]>> {
  const got: Record<Kind, Sample[]> = { csv: [], xlsx: [], cursor: [] };
  const tmp = await mkdtemp(join(tmpdir(), 'otklik-bench-export-'));
  try {
    for (let run = 0; run < RUNS; run++) {
      got.cursor.push(await referenceOnce(storage));
      got.csv.push(await exportOnce(storage, 'csv'));
      got.xlsx.push(await exportOnce(storage, 'xlsx', run === 0 ? join(tmp, 'x.xlsx') : undefined));
    }
    for (const s of got.csv)
      if (s.records !== n + 2)
        throw new Error(`CSV has ${s.records - 2} records, expected ${n} (+ 2 header rows)`);
    for (const s of got.cursor)
      if (s.records !== n) throw new Error(`cursor read ${s.records} rows, expected ${n}`);
    const file = join(tmp, 'x.xlsx');
    const rows = await xlsxRows(file);
    if (rows !== n + 2) throw new Error(`XLSX has ${rows} <row> elements, expected ${n + 2}`);
    let check = `XLSX unzipped: ${rows.toLocaleString('en')} rows`;
    if (n <= EXCELJS_MAX) {
      const t0 = performance.now();
      const x = await exceljsRows(file);
      if (x.rows !== n + 2) throw new Error(`exceljs read ${x.rows} rows, expected ${n + 2}`);
      if (!/^[0-9a-f-]{36}$/.test(x.firstId)) throw new Error(`row 3 A: ${x.firstId}`);
      check += `, exceljs reader ${x.rows.toLocaleString('en')} rows in ${sec(performance.now() - t0)}`;
    }
    console.log(
      `  [${engine}] ${n.toLocaleString('en')}: CSV ${(n + 2).toLocaleString('en')} records ` +
        `(2 header rows) ✓; ${check} ✓`,
    );
    for (const k of ['csv', 'xlsx', 'cursor'] as const) {
      const xs = got[k];
      console.log(
        `  [${engine}] ${n.toLocaleString('en')} ${LABEL[k]}: peak ${range(
          xs.map((s) => s.peak),
          mb,
        )}, baseline ${mb(median(xs.map((s) => s.baseline)))}, growth ${range(
          xs.map((s) => s.peak - s.baseline),
          mb,
        )}, ${range(
          xs.map((s) => s.ms),
          sec,
        )}${
          k === 'cursor'
            ? ''
            : `, ${(median(xs.map((s) => s.bytes)) / 2 ** 20).toFixed(1)} MiB; max RSS 1st half ` +
              `${mb(median(xs.map((s) => s.early)))}, 2nd half ${mb(median(xs.map((s) => s.late)))}`
        }`,
      );
    }
    return got;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

function ratios(engine: string, sizes: number[], all: Record<Kind, Sample[]>[]): void {
  if (all.length < 2) return;
  const lo = all[0]!;
  const hi = all[all.length - 1]!;
  const span = `${sizes[sizes.length - 1]!.toLocaleString('en')}/${sizes[0]!.toLocaleString('en')}`;
  for (const k of ['csv', 'xlsx', 'cursor'] as const) {
    const peak = median(hi[k].map((s) => s.peak)) / median(lo[k].map((s) => s.peak));
    const grow = (xs: Sample[]): number => median(xs.map((s) => s.peak - s.baseline));
    console.log(
      `  [${engine}] ${LABEL[k]} peak ${span}: ×${peak.toFixed(2)} ` +
        `(growth over baseline ${mb(grow(lo[k]))} → ${mb(grow(hi[k]))})`,
    );
  }
}

async function seed(db: Db, from: number, to: number): Promise<number> {
  const t0 = performance.now();
  if (from === 0) {
    await migrate(db);
    await db.query('INSERT INTO surveys (id, version, definition) VALUES ($1, $2, $3)', [
      SURVEY.id,
      SURVEY.version,
      JSON.stringify(SURVEY),
    ]);
    // Exports read raw rows only: the rollup is not built.
    await db.query('ALTER TABLE responses DISABLE TRIGGER responses_rollup');
  }
  await insertSynthetic(db, SURVEY, from, to);
  await db.query('ANALYZE responses');
  return (performance.now() - t0) / 1000;
}

async function bench(engine: string, storage: Storage, sizes: number[], db: Db): Promise<void> {
  const all: Record<Kind, Sample[]>[] = [];
  let have = 0;
  for (const n of sizes) {
    const s = await seed(db, have, n);
    console.log(`  [${engine}] filled to ${n.toLocaleString('en')} responses in ${s.toFixed(0)} s`);
    have = n;
    // PGlite allows one process on a folder: the seeding handle steps aside while children run.
    if (engine === 'pglite') await db.close();
    all.push(await measureSize(engine, storage, n));
    if (engine === 'pglite' && n !== sizes[sizes.length - 1]) db = await reopen(storage);
  }
  ratios(engine, sizes, all);
}

const reopen = (s: Storage): Promise<Db> =>
  'url' in s ? openDb({ databaseUrl: s.url }) : openDb({ dataDir: s.dir });

export async function run(): Promise<void> {
  console.log(
    `\nExport memory (peak RSS of a fresh collector process serving one full export over a ` +
      `socket; ${RUNS} runs; sampled every ${SAMPLE_MS} ms + VmHWM)`,
  );
  const base = process.env['TEST_DATABASE_URL'] ?? process.env['DATABASE_URL'];
  if (base && SIZES.length > 0) {
    const name = `otklik_bench_export_${process.pid}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(base);
    u.pathname = `/${name}`;
    const url = u.toString();
    const db = await openDb({ databaseUrl: url, queryTimeoutMs: 1_800_000 });
    try {
      await bench('postgres', { url }, SIZES, db);
    } finally {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  } else {
    console.log('  [postgres] skipped: no TEST_DATABASE_URL/DATABASE_URL, or EXPORT_BENCH_ROWS=0');
  }
  if (PGLITE_SIZES.length > 0) {
    const dir = await mkdtemp(join(tmpdir(), 'otklik-bench-export-pglite-'));
    try {
      await bench('pglite', { dir }, PGLITE_SIZES, await openDb({ dataDir: dir }));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

if (process.env['EXPORT_BENCH_CHILD'] === 'cursor') await cursorChild();
else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
