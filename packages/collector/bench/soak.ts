/**
 * `pnpm --filter @otklik/collector soak` (part of `pnpm test:reliability`): the collector at a
 * steady rate for SOAK_SECONDS (default 600), its RSS sampled every SOAK_SAMPLE seconds (default
 * 10). Prints the samples, the least-squares trend of RSS over the second half (MB per minute), the
 * latency, and checks that every acknowledged response was stored exactly once. PGlite by default;
 * DATABASE_URL soaks PostgreSQL instead.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pulse, response } from '../src/test/fixtures.js';
import { serveArgs, spawnServer, stopProc } from './ingest.js';

const SECONDS = Number(process.env['SOAK_SECONDS'] ?? 600);
const SAMPLE = Number(process.env['SOAK_SAMPLE'] ?? 10);
const RATE = Number(process.env['SOAK_RATE'] ?? 100);
const PG_URL = process.env['DATABASE_URL'];

const rssMb = (pid: number): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

/** Slope of the least-squares line through (x, y), per unit of x. */
export function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-soak-'));
  let schema: string | undefined;
  const env: NodeJS.ProcessEnv = {};
  if (PG_URL) {
    schema = `otklik_soak_${Date.now()}`;
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`CREATE SCHEMA ${schema}`);
    await c.end();
    const u = new URL(PG_URL);
    u.searchParams.set('options', `-c search_path=${schema}`);
    env['DATABASE_URL'] = u.toString();
  } else env['DATABASE_URL'] = '';
  const args = serveArgs('soak');
  const { url, proc } = await spawnServer(PG_URL ? args : [...args, '--data-dir', dir], env);
  const pub = await fetch(`${url}/v1/surveys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer soak' },
    body: JSON.stringify(pulse),
  });
  if (!pub.ok) throw new Error(`publish: ${pub.status}`);

  const started = Date.now();
  const samples: { t: number; mb: number }[] = [{ t: 0, mb: rssMb(proc.pid!) }];
  const latencies: number[] = [];
  let acked = 0;
  let failed = 0;
  /** Every answer that was not 201, by status (0: no answer at all). */
  const refused: Record<number, number> = {};
  const inflight = new Set<Promise<void>>();
  const sampler = setInterval(() => {
    samples.push({ t: (Date.now() - started) / 1000, mb: rssMb(proc.pid!) });
  }, SAMPLE * 1000);

  // Open-loop arrivals at RATE per second, as visitors come regardless of how the server fares.
  let sent = 0;
  while (Date.now() - started < SECONDS * 1000) {
    const due = Math.floor(((Date.now() - started) / 1000) * RATE);
    for (; sent < due; sent++) {
      const t0 = performance.now();
      const p = fetch(`${url}/v1/surveys/${pulse.id}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(response()),
      })
        .then(async (r) => {
          await r.arrayBuffer();
          if (r.status === 201) acked++;
          else {
            failed++;
            refused[r.status] = (refused[r.status] ?? 0) + 1;
          }
          latencies.push(performance.now() - t0);
        })
        .catch(() => {
          failed++;
          refused[0] = (refused[0] ?? 0) + 1;
        })
        .finally(() => inflight.delete(p));
      inflight.add(p);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  await Promise.all(inflight);
  clearInterval(sampler);
  samples.push({ t: (Date.now() - started) / 1000, mb: rssMb(proc.pid!) });

  const report = await fetch(`${url}/v1/surveys/${pulse.id}/report`, {
    headers: { authorization: 'Bearer soak' },
  });
  const total = ((await report.json()) as { total: { responses: number } }).total.responses;
  await stopProc(proc);
  rmSync(dir, { recursive: true, force: true });
  if (schema) {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`DROP SCHEMA ${schema} CASCADE`);
    await c.end();
  }

  const half = samples.filter((s) => s.t >= SECONDS / 2);
  const trend = slope(
    half.map((s) => s.t / 60),
    half.map((s) => s.mb),
  );
  const mbs = samples.map((s) => s.mb);
  console.log(`\nSoak, ${PG_URL ? 'PostgreSQL' : 'PGlite'}: ${RATE}/s for ${SECONDS} s`);
  console.log(`  RSS samples (MB, every ${SAMPLE} s): ${mbs.map((m) => m.toFixed(0)).join(' ')}`);
  console.log(
    `  RSS min ${Math.min(...mbs).toFixed(0)} / median ${pct(mbs, 50).toFixed(0)} / max ${Math.max(...mbs).toFixed(0)} MB; ` +
      `trend over the second half ${trend >= 0 ? '+' : ''}${trend.toFixed(2)} MB/min`,
  );
  console.log(
    `  ${sent} sent, ${acked} acknowledged, ${failed} failed ${JSON.stringify(refused)}; p50 ${pct(latencies, 50).toFixed(1)} ms, ` +
      `p99 ${pct(latencies, 99).toFixed(1)} ms; stored ${total}${total === acked ? ' (= acknowledged)' : ' (≠ acknowledged!)'}`,
  );
  if (total !== acked || failed > 0) process.exitCode = 1;
}

await main();
