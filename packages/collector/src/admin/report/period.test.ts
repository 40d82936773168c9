import { describe, expect, it } from 'vitest';
import { parseReportPeriod, quarterOf } from './period.js';

const ok = (q: Record<string, string>) => {
  const r = parseReportPeriod(q);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value;
};

describe('report periods', () => {
  it('reads quarters, half-years and years with the period just before', () => {
    expect(ok({ period: '2026-Q1' })).toMatchObject({
      from: '2026-01-01',
      to: '2026-03-31',
      label: { ru: 'I квартал 2026' },
      previous: { from: '2025-10-01', to: '2025-12-31', label: { ru: 'IV квартал 2025' } },
    });
    expect(ok({ period: '2026-H1' })).toMatchObject({
      from: '2026-01-01',
      to: '2026-06-30',
      previous: { from: '2025-07-01', to: '2025-12-31' },
    });
    expect(ok({ period: '2026' })).toMatchObject({
      from: '2026-01-01',
      to: '2026-12-31',
      previous: { from: '2025-01-01', to: '2025-12-31' },
    });
  });

  it('reads the orders’ windows ending 15 May and 15 December', () => {
    expect(ok({ period: '2026-W1' })).toMatchObject({
      from: '2025-12-16',
      to: '2026-05-15',
      previous: { from: '2025-05-16', to: '2025-12-15' },
    });
    expect(ok({ period: '2026-W2' })).toMatchObject({
      from: '2026-05-16',
      to: '2026-12-15',
      previous: { from: '2025-12-16', to: '2026-05-15' },
    });
    expect(ok({ period: '2026-W1' }).label.ru).toBe(
      'Первое полугодие по порядку: 16 декабря 2025 г. — 15 мая 2026 г.',
    );
  });

  it('reads a range, compared with as many months or days just before', () => {
    expect(ok({ from: '2026-04-01', to: '2026-05-31' }).previous).toMatchObject({
      from: '2026-02-01',
      to: '2026-03-31',
    });
    expect(ok({ from: '2026-04-10', to: '2026-04-16' }).previous).toMatchObject({
      from: '2026-04-03',
      to: '2026-04-09',
    });
  });

  it('names the field of a bad period', () => {
    for (const [q, field] of [
      [{ period: '2026-Q5' }, 'period'],
      [{ period: '2026-W3' }, 'period'],
      [{ period: '26' }, 'period'],
      [{ from: '2026-02-30', to: '2026-03-01' }, 'from'],
      [{ from: '2026-03-01' }, 'to'],
      [{ from: '2026-03-02', to: '2026-03-01' }, 'to'],
    ] as const) {
      const r = parseReportPeriod(q);
      expect(r.ok ? null : r.error.field, JSON.stringify(q)).toBe(field);
    }
  });

  it('defaults to the quarter of a day', () => {
    expect(quarterOf(new Date('2026-11-30T12:00:00Z'))).toBe('2026-Q4');
  });
});
