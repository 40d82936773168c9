/**
 * The cost of suppressing public figures per service as well as per period: `publicResults`
 * (every period level and every service, one suppression) against the same computation without
 * the service dimension (the periods alone, as before services were published), on PostgreSQL
 * when TEST_DATABASE_URL is set, else PGlite. SEED_RESPONSES (default 5000) responses over
 * SERVICES (default 20) services and 24 months; RUNS (default 7) runs each, interleaved.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test tsx --conditions=@otklik/source bench/public-services.ts
 */
import { headlineQuestion } from '@otklik/core';
import { kioskPulse } from '@otklik/core/templates';
import { discloseReports, LEVELS, MIN_CELL, publicResults } from '../src/disclosure/index.js';
import type { PeriodReports } from '../src/disclosure/index.js';
import { computeReport } from '../src/reports/index.js';
import { reportQuestions } from '../src/reports/questions.js';
import { DB_KINDS, openDb } from '../src/reports/test-db.js';
import { insertResponses, insertSurvey, type SeedResponse } from '../src/reports/test-seed.js';
import { migrate } from '../src/store/migrate.js';

const N = Number(process.env.SEED_RESPONSES ?? 5000);
const SERVICES = Number(process.env.SERVICES ?? 20);
const RUNS = Number(process.env.RUNS ?? 7);

const kind = DB_KINDS.at(-1)!;
const db = await openDb(kind, 'otklik_bench_public_services');
await migrate(db);
await insertSurvey(db, kioskPulse);
const rs: SeedResponse[] = [];
for (let i = 0; i < N; i++) {
  // Services of very different sizes, so that small cells exist.
  const svc = Math.floor(SERVICES * Math.sqrt(((i * 7919) % N) / N));
  const month = String((i % 12) + 1).padStart(2, '0');
  rs.push({
    version: kioskPulse.version,
    object: svc === 0 ? null : `svc-${svc}`,
    answeredAt: `${2025 + (i % 2)}-${month}-10T10:00:00Z`,
    channel: i % 5 === 0 ? 'kiosk' : 'qr',
    answers: { q1: `svc-${svc}`, q2: 1 + ((i * 31) % 5) },
  });
}
for (let i = 0; i < rs.length; i += 1000)
  await insertResponses(db, kioskPulse.id, rs.slice(i, i + 1000));
const versions = [kioskPulse];

async function periodsOnly(): Promise<unknown> {
  const total = (await computeReport(db, versions)).total;
  const groups = {} as PeriodReports['groups'];
  for (const level of LEVELS)
    groups[level] = (
      await computeReport(db, versions, { groupBy: 'period', period: level })
    ).groups.flatMap((g) => (g.key === null ? [] : [{ key: g.key, report: g.report }]));
  return discloseReports(
    { total, groups },
    { k: MIN_CELL, questions: reportQuestions(versions), headline: headlineQuestion(kioskPulse) },
  );
}

const time = async (f: () => Promise<unknown>): Promise<number> => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};
const a: number[] = [];
const b: number[] = [];
await periodsOnly();
await publicResults(db, versions, MIN_CELL);
for (let i = 0; i < RUNS; i++) {
  a.push(await time(periodsOnly));
  b.push(await time(() => publicResults(db, versions, MIN_CELL)));
}
const med = (x: number[]) => [...x].sort((p, q) => p - q)[Math.floor(x.length / 2)]!;
const fmt = (x: number[]) =>
  `median ${med(x).toFixed(0)} ms (min ${Math.min(...x).toFixed(0)}, max ${Math.max(...x).toFixed(0)})`;
const pub = await publicResults(db, versions, MIN_CELL);
console.log(`${kind}, ${N} responses, ${pub.services.length} service groups, ${RUNS} runs`);
console.log(`periods only (reference):  ${fmt(a)}`);
console.log(`periods × services:        ${fmt(b)}   ratio ${(med(b) / med(a)).toFixed(2)}×`);
await db.query('DROP SCHEMA IF EXISTS otklik_bench_public_services CASCADE').catch(() => {});
await db.close();
