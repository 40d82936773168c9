/**
 * Test-only child process (disclosure/memory.test.ts): the public figures of SERVICES services
 * (default 12) over YEARS years (default 3) of the belgorod-typical template, each scope with the
 * same report of 3,000 random responses — the table's size depends on the number of scopes and of
 * counts per report, not on what they hold. Prints the number of services and of scopes published.
 */
import { createAccumulator, headlineQuestion } from '@otklik/core';
import { templates } from '@otklik/core/templates';
import { discloseReports, LEVELS, type Level, type PeriodTree } from '../disclosure/index.js';
import { reportQuestions } from '../reports/questions.js';
import { randomResponses } from '../reports/test-seed.js';

const survey = templates['belgorod-typical']!;
const services = Number(process.env['SERVICES'] ?? 12);
const years = Number(process.env['YEARS'] ?? 3);

const acc = createAccumulator(survey);
for (const r of randomResponses(survey, 3_000, 7, 0)) acc.add(r);
const report = acc.result();

const keys: Record<Level, string[]> = { year: [], 'half-year': [], quarter: [], month: [] };
for (let y = 2024; y < 2024 + years; y++) {
  keys.year.push(String(y));
  for (let h = 1; h <= 2; h++) keys['half-year'].push(`${y}-H${h}`);
  for (let q = 1; q <= 4; q++) keys.quarter.push(`${y}-Q${q}`);
  for (let m = 1; m <= 12; m++) keys.month.push(`${y}-${String(m).padStart(2, '0')}`);
}
const tree = (): PeriodTree<typeof report> => ({
  total: report,
  groups: {
    year: keys.year.map((key) => ({ key, report })),
    'half-year': keys['half-year'].map((key) => ({ key, report })),
    quarter: keys.quarter.map((key) => ({ key, report })),
    month: keys.month.map((key) => ({ key, report })),
  },
});

const pub = discloseReports(
  {
    ...tree(),
    services: Array.from({ length: services }, (_, i) => ({ service: `svc-${i}`, ...tree() })),
  },
  { k: 5, questions: reportQuestions([survey]), headline: headlineQuestion(survey) },
);
console.log(
  JSON.stringify({
    services: pub.services.length,
    scopes: 1 + LEVELS.reduce((n, level) => n + pub.groups[level].length, 0),
  }),
);
