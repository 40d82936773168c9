/**
 * Core benchmark: skip-logic paths, response validation and the scoring accumulator.
 * Prints figures; never fails on time (timing goals belong here, not in unit tests).
 *
 *   pnpm --filter @otklik/core bench
 */
import { cpus, loadavg } from 'node:os';
import { createAccumulator, parseSurvey, validateResponse, visiblePath } from '@otklik/core';
import type { Answers, Survey, SurveyResponse } from '@otklik/core';
import { bigSurvey, randomResponse, rng, typicalSurvey } from './gen.js';

const MB = 1024 * 1024;
const fmt = (x: number, digits = 1): string =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Runs `fn` over the inputs round-robin for about `ms` (after a short warm-up); ns per call. */
function time<T>(
  inputs: readonly T[],
  fn: (x: T) => unknown,
  ms: number,
): { calls: number; nsPerCall: number } {
  let sink = 0;
  for (let i = 0; i < Math.min(2000, inputs.length * 10); i++)
    sink ^= fn(inputs[i % inputs.length]!) ? 1 : 0;
  let calls = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(ms) * 1_000_000n;
  let now = start;
  while (now < deadline) {
    for (let k = 0; k < 100; k++) sink ^= fn(inputs[calls++ % inputs.length]!) ? 1 : 0;
    now = process.hrtime.bigint();
  }
  if (sink === 2) console.log(''); // keeps the calls from being optimised away
  return { calls, nsPerCall: Number(now - start) / calls };
}

function checked(s: Survey): Survey {
  const r = parseSurvey(s);
  if (!r.ok)
    throw new Error(`bench survey ${s.id} is invalid: ${JSON.stringify(r.issues.slice(0, 3))}`);
  return r.value;
}

function responsesFor(survey: Survey, n: number, seed: number): SurveyResponse[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const v = validateResponse(survey, randomResponse(survey, r, i));
    if (!v.ok) throw new Error(`bench response invalid: ${JSON.stringify(v.issues.slice(0, 3))}`);
    return v.value;
  });
}

const rows: [string, string, string][] = [];
const row = (what: string, figure: string, note: string) => rows.push([what, figure, note]);

// (a) visiblePath on a 250-question survey with conditions and jumps.
const big = checked(bigSurvey(250));
const bigResponses = responsesFor(big, 500, 1);
const answers: Answers[] = bigResponses.map((r) => r.answers);
const pathLen = answers.reduce((s, a) => s + visiblePath(big, a).length, 0) / answers.length;
const answered = answers.reduce((s, a) => s + Object.keys(a).length, 0) / answers.length;
const vp = time(answers, (a) => visiblePath(big, a).length, 3000);
row(
  'visiblePath, 250 questions',
  `${fmt(vp.nsPerCall / 1000, 2)} µs/call`,
  `${fmt(1e9 / vp.nsPerCall, 0)} ops/s; path ≈ ${fmt(pathLen, 0)} questions`,
);

// (b) validateResponse, the collector's per-request check.
const raw = bigResponses.map((r) => JSON.parse(JSON.stringify(r)) as unknown);
const vr = time(raw, (x) => validateResponse(big, x).ok, 3000);
row(
  'validateResponse, 250 questions',
  `${fmt(vr.nsPerCall / 1000, 1)} µs/response`,
  `${fmt(answered, 0)} answers per response`,
);
const typical = checked(typicalSurvey());
const typicalPool = responsesFor(typical, 10_000, 2);
const rawTypical = typicalPool.slice(0, 2000).map((r) => JSON.parse(JSON.stringify(r)) as unknown);
const vt = time(rawTypical, (x) => validateResponse(typical, x).ok, 2000);
row(
  'validateResponse, typical (16 q.)',
  `${fmt(vt.nsPerCall / 1000, 1)} µs/response`,
  '001-sized questionnaire',
);

// (c) the accumulator over 1,000,000 responses (a pool of 10,000 distinct ones, cycled).
const N = 1_000_000;
const typicalAnswers =
  typicalPool.reduce((s, r) => s + Object.keys(r.answers).length, 0) / typicalPool.length;
function accumulate(survey: Survey, pool: readonly SurveyResponse[], n: number) {
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const acc = createAccumulator(survey);
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    acc.add(pool[i % pool.length]!);
    if (i % 50_000 === 0) {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }
  }
  const ns = Number(process.hrtime.bigint() - start) / n;
  const r0 = process.hrtime.bigint();
  const report = acc.result();
  const resultMs = Number(process.hrtime.bigint() - r0) / 1e6;
  const stateKb = JSON.stringify(acc).length / 1024;
  return { ns, before, peakRss, peakHeap, report, resultMs, stateKb };
}
const c = accumulate(typical, typicalPool, N);
row(
  'accumulator.add, typical',
  `${fmt(c.ns, 0)} ns/response`,
  `${N.toLocaleString('en-US')} responses, ≈ ${fmt(typicalAnswers, 1)} answers each`,
);
row(
  '  memory: rss',
  `${fmt(c.before.rss / MB)} → peak ${fmt(c.peakRss / MB)} MB`,
  'sampled every 50,000 responses',
);
row(
  '  memory: heapUsed',
  `${fmt(c.before.heapUsed / MB)} → peak ${fmt(c.peakHeap / MB)} MB`,
  'includes the 10,000-response pool',
);
row(
  '  result() / state size',
  `${fmt(c.resultMs, 2)} ms / ${fmt(c.stateKb)} KB`,
  `report of ${c.report.responses.toLocaleString('en-US')} responses`,
);
const b = accumulate(big, bigResponses, 100_000);
row(
  'accumulator.add, 250 questions',
  `${fmt(b.ns, 0)} ns/response`,
  `100,000 responses, ≈ ${fmt(answered, 0)} answers each`,
);

const widths = [0, 1, 2].map((i) =>
  Math.max(...rows.map((r) => r[i]!.length), ['what', 'figure', 'note'][i]!.length),
);
const line = (r: readonly string[]) => r.map((x, i) => x.padEnd(widths[i]!)).join(' | ');
console.log(
  `\n@otklik/core benchmark — Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores, load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}\n`,
);
console.log(line(['what', 'figure', 'note']));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const r of rows) console.log(line(r));
console.log(
  `\nsanity: satisfaction level ${c.report.summary.satisfactionLevel}, NPS ${c.report.summary.nps}, effort index ${c.report.summary.effortIndex}`,
);
