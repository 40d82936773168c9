import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Survey } from '@otklik/core';
import type { Db } from '../store/db.js';
import { rebuildRollup } from '../store/rollup.js';
import { computeReport, ReportZoneError } from './index.js';
import { DB_KINDS, openDb } from './test-db.js';
import { SAMPLE, insertResponses, insertSurvey, type SeedResponse } from './test-seed.js';

const ROWS: SeedResponse[] = [
  {
    channel: 'site',
    object: 'A',
    touchpoint: 'T1',
    answeredAt: '2026-01-10T09:00:00Z',
    answers: {
      q1: 'yes',
      q2: 5,
      q3: ['queue', 'other'],
      q4: { site: 5, portal: 4 },
      q5: 5,
      q6: 10,
      q7: 'Спасибо',
    },
    specify: { q3: { other: 'долго ждали' } },
  },
  {
    channel: 'site',
    object: 'A',
    touchpoint: 'T1',
    answeredAt: '2026-02-20T09:00:00Z',
    answers: { q1: 'no', q2: 2, q3: ['none'], q4: { site: 2, portal: 'na' }, q5: 1, q6: 3 },
  },
  {
    channel: 'kiosk',
    object: 'B',
    touchpoint: 'T2',
    answeredAt: '2026-04-05T09:00:00Z',
    answers: { q1: 'dk', q2: 'dk', q3: ['rude'], q4: { site: 4 }, q5: 4, q6: 8, q7: '' },
  },
  {
    channel: 'kiosk',
    object: 'B',
    touchpoint: 'T2',
    answeredAt: '2026-07-01T09:00:00Z',
    answers: { q1: 'rather', q2: 4, q5: 2, q6: 9 },
  },
  // Before the period of most tests: its touchpoint must still be listed, with 0.
  { channel: 'email', touchpoint: 'T3', answeredAt: '2025-06-01T09:00:00Z', answers: { q2: 1 } },
];

describe.each(DB_KINDS)('reports on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb(kind, 'otklik_test_reports');
    await insertSurvey(db, SAMPLE);
    await insertResponses(db, SAMPLE.id, ROWS);
  });
  afterAll(async () => db?.close());

  it('computes every figure of the total as defined in docs/metrics.md', async () => {
    const r = await computeReport(db, SAMPLE, { from: '2026-01-01' });
    expect(r.total).toEqual({
      surveyId: 'sample',
      responses: 4,
      problems: 3,
      channels: { site: { count: 2, share: 50 }, kiosk: { count: 2, share: 50 } },
      // The level is q2's share of 4–5 (the first satisfaction scale); matrix rows stay per row.
      summary: { satisfactionLevel: 66.7, satisfiedShare: 66.7, nps: 25, effortIndex: 0 },
      questions: [
        {
          id: 'q1',
          type: 'single',
          answered: 4,
          distribution: { yes: 1, no: 1, dk: 1, rather: 1 },
          excluded: 1,
          problems: 0,
          satisfiedShare: 66.7,
        },
        {
          id: 'q2',
          type: 'scale',
          role: 'satisfaction',
          answered: 4,
          distribution: { '5': 1, '2': 1, dk: 1, '4': 1 },
          valid: 3,
          mean: 3.67,
          topTwoShare: 66.7,
        },
        {
          id: 'q3',
          type: 'multiple',
          answered: 3,
          distribution: { queue: 1, other: 1, none: 1, rude: 1 },
          excluded: 0,
          problems: 3,
        },
        {
          id: 'q4',
          type: 'matrix',
          answered: 3,
          rows: [
            {
              id: 'site',
              answered: 3,
              valid: 3,
              mean: 3.67,
              topTwoShare: 66.7,
              distribution: { '5': 1, '2': 1, '4': 1 },
            },
            {
              id: 'portal',
              answered: 2,
              valid: 1,
              mean: 4,
              topTwoShare: 100,
              distribution: { '4': 1, na: 1 },
            },
          ],
        },
        {
          id: 'q5',
          type: 'scale',
          role: 'effort',
          answered: 4,
          distribution: { '5': 1, '1': 1, '4': 1, '2': 1 },
          valid: 4,
          mean: 3,
          topTwoShare: 50,
          effortIndex: 0,
        },
        {
          id: 'q6',
          type: 'scale',
          role: 'recommend',
          answered: 4,
          distribution: { '10': 1, '3': 1, '8': 1, '9': 1 },
          valid: 4,
          mean: 7.5,
          topTwoShare: 50,
          promoters: 50,
          detractors: 25,
          nps: 25,
        },
        { id: 'q7', type: 'text', answered: 1 },
      ],
    });
    expect(r.groups).toEqual([]);
  });

  it('groups by calendar half-year of answered_at', async () => {
    const r = await computeReport(db, SAMPLE, {
      from: '2026-01-01',
      groupBy: 'period',
      period: 'half-year',
    });
    expect(r.groups.map((g) => [g.key, g.report.responses])).toEqual([
      ['2026-H1', 3],
      ['2026-H2', 1],
    ]);
    expect(r.period).toBe('half-year');
  });

  it('groups by channel, month, quarter, year, object', async () => {
    const by = async (o: Parameters<typeof computeReport>[2]) =>
      (await computeReport(db, SAMPLE, o)).groups.map((g) => [g.key, g.report.responses]);
    expect(await by({ groupBy: 'channel' })).toEqual([
      ['email', 1],
      ['kiosk', 2],
      ['site', 2],
    ]);
    expect(await by({ groupBy: 'period', period: 'month', from: '2026-01-01' })).toEqual([
      ['2026-01', 1],
      ['2026-02', 1],
      ['2026-04', 1],
      ['2026-07', 1],
    ]);
    expect(await by({ groupBy: 'period', period: 'quarter' })).toEqual([
      ['2025-Q2', 1],
      ['2026-Q1', 2],
      ['2026-Q2', 1],
      ['2026-Q3', 1],
    ]);
    expect(await by({ groupBy: 'period', period: 'year' })).toEqual([
      ['2025', 1],
      ['2026', 4],
    ]);
    expect(await by({ groupBy: 'object' })).toEqual([
      ['A', 2],
      ['B', 2],
      [null, 1],
    ]);
  });

  it('includes the last day of "to"; partial months are read from the days', async () => {
    const r = await computeReport(db, SAMPLE, { from: '2026-01-10', to: '2026-02-20' });
    expect(r.total.responses).toBe(2);
    // Whole February and March from the monthly counts, 15–31 January and 1–5 April from the daily.
    const edges = await computeReport(db, SAMPLE, { from: '2026-01-15', to: '2026-04-05' });
    expect(edges.total.responses).toBe(2);
    expect(edges.total.channels).toEqual({
      site: { count: 1, share: 50 },
      kiosk: { count: 1, share: 50 },
    });
    const inside = await computeReport(db, SAMPLE, { from: '2026-04-02', to: '2026-04-05' });
    expect(inside.total.responses).toBe(1);
  });

  it('counts days in the rollup zone; another zone is refused, not silently re-cut', async () => {
    await expect(
      computeReport(db, SAMPLE, { groupBy: 'period', timeZone: 'Pacific/Honolulu' }),
    ).rejects.toBeInstanceOf(ReportZoneError);
    try {
      await rebuildRollup(db, { timeZone: 'Pacific/Honolulu' });
      // 2026-07-01T09:00Z is still 30 June in Honolulu (UTC−10): first half-year there.
      const h = await computeReport(db, SAMPLE, {
        from: '2026-01-01',
        groupBy: 'period',
        period: 'half-year',
        timeZone: 'Pacific/Honolulu',
      });
      expect(h.timeZone).toBe('Pacific/Honolulu');
      expect(h.groups.map((g) => [g.key, g.report.responses])).toEqual([['2026-H1', 4]]);
    } finally {
      await rebuildRollup(db, { timeZone: 'UTC' });
    }
    const u = await computeReport(db, SAMPLE, {
      from: '2026-01-01',
      groupBy: 'period',
      period: 'half-year',
    });
    expect(u.groups.map((g) => [g.key, g.report.responses])).toEqual([
      ['2026-H1', 3],
      ['2026-H2', 1],
    ]);
  });

  it('filters by channel, object, touchpoint, respondent and version', async () => {
    const count = async (o: Parameters<typeof computeReport>[2]) =>
      (await computeReport(db, SAMPLE, o)).total.responses;
    expect(await count({ channel: ['kiosk'] })).toBe(2);
    expect(await count({ channel: ['kiosk', 'email'] })).toBe(3);
    expect(await count({ object: ['A'] })).toBe(2);
    expect(await count({ touchpoint: ['T2'], from: '2026-05-01' })).toBe(1);
    expect(await count({ respondent: ['external'] })).toBe(5);
    expect(await count({ respondent: ['staff'] })).toBe(0);
    expect(await count({ version: 2 })).toBe(0);
    const k = await computeReport(db, SAMPLE, { channel: ['kiosk'] });
    expect(k.total.channels).toEqual({ kiosk: { count: 2, share: 100 } });
    expect(k.total.problems).toBe(1);
  });

  it('groups by a pair of dimensions: object × quarter', async () => {
    const r = await computeReport(db, SAMPLE, {
      from: '2026-01-01',
      groupBy: ['object', 'period'],
      period: 'quarter',
    });
    expect(r.groupBy).toEqual(['object', 'period']);
    expect(r.period).toBe('quarter');
    expect(r.groups.map((g) => [g.keys, g.report.responses])).toEqual([
      [['A', '2026-Q1'], 2],
      [['B', '2026-Q2'], 1],
      [['B', '2026-Q3'], 1],
    ]);
    expect(r.groups[0]?.key).toBe('A × 2026-Q1');
    // The groups add up to the total.
    expect(r.groups.reduce((n, g) => n + g.report.responses, 0)).toBe(r.total.responses);
  });

  it('puts the previous comparable period alongside, with the changes', async () => {
    const r = await computeReport(db, SAMPLE, {
      from: '2026-04-01',
      to: '2026-06-30',
      groupBy: 'channel',
      compare: true,
    });
    expect(r.previous?.from).toBe('2026-01-01');
    expect(r.previous?.to).toBe('2026-03-31');
    expect(r.total.responses).toBe(1);
    expect(r.previous?.total.responses).toBe(2);
    const before = r.previous!.total.summary;
    const now = r.total.summary;
    expect(r.previous?.change.total).toEqual({
      responses: -1,
      problems: r.total.problems - r.previous!.total.problems,
      satisfactionLevel:
        now.satisfactionLevel === null || before.satisfactionLevel === null
          ? null
          : Math.round((now.satisfactionLevel - before.satisfactionLevel) * 10) / 10,
      satisfiedShare:
        now.satisfiedShare === null || before.satisfiedShare === null
          ? null
          : Math.round((now.satisfiedShare - before.satisfiedShare) * 10) / 10,
      nps:
        now.nps === null || before.nps === null
          ? null
          : Math.round((now.nps - before.nps) * 10) / 10,
      effortIndex:
        now.effortIndex === null || before.effortIndex === null
          ? null
          : Math.round((now.effortIndex - before.effortIndex) * 10) / 10,
    });
    // kiosk answered only in the current quarter, site only in the previous: no common group.
    expect(r.previous?.change.groups).toEqual([]);
    const open = await computeReport(db, SAMPLE, { from: '2026-04-01', compare: true });
    expect(open.previous).toBeNull();
  });

  it('lists every touchpoint that ever answered, silent ones with 0', async () => {
    const r = await computeReport(db, SAMPLE, { from: '2026-01-01' });
    expect(r.touchpoints).toEqual([
      { touchpoint: 'T1', count: 2, lastAnsweredAt: '2026-02-20T09:00:00.000Z' },
      { touchpoint: 'T2', count: 2, lastAnsweredAt: '2026-07-01T09:00:00.000Z' },
      { touchpoint: 'T3', count: 0, lastAnsweredAt: '2025-06-01T09:00:00.000Z' },
    ]);
  });

  it('lists only the touchpoints that ever answered within the channel and other filters', async () => {
    // T1 answered only on the site, T3 only by e-mail: under «kiosk» neither fell silent, they
    // were never there, and their latest answers belong to other channels.
    const r = await computeReport(db, SAMPLE, { from: '2026-01-01', channel: ['kiosk'] });
    expect(r.touchpoints).toEqual([
      { touchpoint: 'T2', count: 2, lastAnsweredAt: '2026-07-01T09:00:00.000Z' },
    ]);
    const email = await computeReport(db, SAMPLE, { from: '2026-01-01', channel: ['email'] });
    expect(email.touchpoints).toEqual([
      { touchpoint: 'T3', count: 0, lastAnsweredAt: '2025-06-01T09:00:00.000Z' },
    ]);
  });

  it('returns empty figures, not errors, when nothing matches', async () => {
    const r = await computeReport(db, SAMPLE, { from: '2030-01-01' });
    expect(r.total.responses).toBe(0);
    expect(r.total.summary).toEqual({
      satisfactionLevel: null,
      satisfiedShare: null,
      nps: null,
      effortIndex: null,
    });
    expect(r.total.questions[1]).toMatchObject({ valid: 0, mean: null, topTwoShare: null });
  });

  it('groups answers by question id across versions', async () => {
    const v2: Survey = {
      ...SAMPLE,
      version: 2,
      questions: [
        ...SAMPLE.questions.filter((q) => q.id !== 'q7'),
        { id: 'q8', type: 'text', title: { ru: 'Новый' } },
      ],
    };
    await insertSurvey(db, v2);
    await insertResponses(db, SAMPLE.id, [
      { version: 2, answeredAt: '2026-05-01T00:00:00Z', answers: { q2: 5, q8: 'да' } },
    ]);
    const both = await computeReport(db, [SAMPLE, v2], { from: '2026-01-01' });
    expect(both.survey.version).toBe(2);
    expect(both.total.questions.map((q) => q.id)).toEqual([
      'q1',
      'q2',
      'q3',
      'q4',
      'q5',
      'q6',
      'q8',
      'q7',
    ]);
    expect(both.total.questions.find((q) => q.id === 'q2')?.answered).toBe(5);
    expect(both.total.questions.find((q) => q.id === 'q7')?.answered).toBe(1);
    const only2 = await computeReport(db, [SAMPLE, v2], { from: '2026-01-01', version: 2 });
    expect(only2.total.responses).toBe(1);
  });

  it('treats survey ids and filters as data, never as SQL', async () => {
    const r = await computeReport(db, { ...SAMPLE, id: "sample' OR '1'='1" }, {});
    expect(r.total.responses).toBe(0);
  });
});
