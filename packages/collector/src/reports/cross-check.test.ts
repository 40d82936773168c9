/**
 * The SQL report and core's accumulator must give the same figures for the same responses
 * (docs/metrics.md is one set of definitions). Random answers to every template, with some answers
 * the figures must leave out (off the scale, unknown options, duplicates, unknown rows).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, createAccumulator, type AnswerValue, type Answers, type Question, type Survey, type SurveyResponse } from '@otklik/core';
import { templates } from '@otklik/core/templates';
import type { Db } from '../store/db.js';
import { computeReport } from './index.js';
import { DB_KINDS, openDb } from './test-db.js';
import { SAMPLE, insertResponses, insertSurvey } from './test-seed.js';

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  let a = seed;
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T,>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;
  return { next, int, pick };
}

type Rng = ReturnType<typeof rng>;

function answer(q: Question, s: Survey, r: Rng): AnswerValue | undefined {
  const odd = r.next() < 0.05; // an answer the figures must not count
  switch (q.type) {
    case 'scale': {
      if (odd) return r.pick([q.max + 1, 2.5, 'nonsense']);
      const extra = (q.extraOptions ?? []).map((o) => o.id);
      return extra.length > 0 && r.next() < 0.15 ? r.pick(extra) : r.int(q.min, q.max);
    }
    case 'single':
      return odd ? 'no-such-option' : r.pick(q.options).id;
    case 'multiple': {
      const ids = q.options.map((o) => o.id);
      const chosen = ids.filter(() => r.next() < 0.4);
      if (chosen.length === 0) chosen.push(r.pick(ids));
      if (odd) chosen.push('no-such-option', chosen[0] ?? 'x');
      return chosen;
    }
    case 'list': {
      const ids = q.options?.map((o) => o.id) ?? (q.catalog ? (s.catalogs?.[q.catalog] ?? []).map((e) => e.id) : []);
      const one = ids.length > 0 ? r.pick(ids) : `entry-${r.int(1, 4)}`;
      return q.multiple ? [one] : one;
    }
    case 'matrix': {
      const m: Record<string, number | string> = {};
      const extra = (q.extraOptions ?? []).map((o) => o.id);
      for (const row of q.rows) {
        if (r.next() < 0.3) continue;
        m[row.id] = extra.length > 0 && r.next() < 0.15 ? r.pick(extra) : r.int(q.scale.min, q.scale.max);
      }
      if (odd) m['no-such-row'] = 3;
      return m;
    }
    case 'text':
      return r.pick(['Спасибо', 'Очередь, "долго"\nждали', '<script>alert(1)</script>', '']);
    case 'statement':
      return undefined;
  }
}

function responses(s: Survey, n: number, seed: number): SurveyResponse[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => {
    const answers: Answers = {};
    for (const q of s.questions) {
      if (r.next() < 0.2) continue;
      const a = answer(q, s, r);
      if (a !== undefined) answers[q.id] = a;
    }
    return {
      responseId: randomUUID(),
      surveyId: s.id,
      surveyVersion: s.version,
      lang: 'ru',
      answers,
      context: { channel: r.pick(CHANNELS.slice(0, 4)), respondent: 'external', touchpoint: r.pick(['mfc-1', 'mfc-2']) },
      answeredAt: new Date(Date.UTC(2026, r.int(0, 11), r.int(1, 28))).toISOString(),
    };
  });
}

const SURVEYS: Survey[] = [SAMPLE, ...Object.values(templates)];

describe.each(DB_KINDS)('SQL report = core accumulator, on %s', (kind) => {
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
      rs.map((r) => ({ answers: r.answers, channel: r.context.channel, touchpoint: r.context.touchpoint ?? null, answeredAt: r.answeredAt ?? '' })),
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
