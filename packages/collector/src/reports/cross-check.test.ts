/**
 * The report read from the rollup and core's accumulator over the raw responses must give the same
 * figures (docs/metrics.md is one set of definitions). Random answers to every template, with some
 * answers the figures must leave out (off the scale, unknown options, duplicates, unknown rows).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccumulator, type Survey } from '@otklik/core';
import { templates } from '@otklik/core/templates';
import type { Db } from '../store/db.js';
import { computeReport } from './index.js';
import { DB_KINDS, openDb } from './test-db.js';
import {
  SAMPLE,
  insertResponses,
  insertSurvey,
  randomResponses as responses,
} from './test-seed.js';

/** A survey with many questions and values (1,250 scale points beside SAMPLE's every kind). */
const WIDE: Survey = {
  ...SAMPLE,
  id: 'wide',
  questions: [
    ...Array.from({ length: 125 }, (_, i) => ({
      id: `w${i + 1}`,
      type: 'scale' as const,
      min: 1,
      max: 10,
      title: { ru: `Оценка ${i + 1}` },
    })),
    ...SAMPLE.questions,
  ],
};

const SURVEYS: Survey[] = [SAMPLE, ...Object.values(templates), WIDE];

describe.each(DB_KINDS)('report from the rollup = core accumulator, on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb(kind, 'otklik_test_cross');
  });
  afterAll(async () => db?.close());

  it.each(SURVEYS.map((s, i) => [s.id, s, i] as const))('%s', async (_id, survey, i) => {
    await insertSurvey(db, survey);
    const rs = responses(survey, 300, 1000 + i);
    await insertResponses(
      db,
      survey.id,
      rs.map((r) => ({
        answers: r.answers,
        channel: r.context.channel,
        touchpoint: r.context.touchpoint ?? null,
        answeredAt: r.answeredAt ?? '',
        version: survey.version,
      })),
    );
    const acc = createAccumulator(survey);
    for (const r of rs) acc.add(r);
    const expected = acc.result();
    // The odd answers were generated: make sure the comparison covers them.
    expect(expected.skipped ?? 0).toBeGreaterThan(0);
    delete expected.skipped;

    const report = await computeReport(db, survey, { groupBy: 'period', period: 'half-year' });
    expect(report.total).toEqual(expected);
    // Key order too, so the JSON of both reads the same.
    expect(JSON.stringify(report.total)).toBe(JSON.stringify(expected));

    // Each group equals an accumulator fed that group's responses.
    const h1 = createAccumulator(survey);
    for (const r of rs) if ((r.answeredAt ?? '') < '2026-07') h1.add(r);
    const g1 = h1.result();
    delete g1.skipped;
    expect(report.groups.find((g) => g.key === '2026-H1')?.report).toEqual(g1);
  });
});
