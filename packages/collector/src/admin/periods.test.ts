import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config.js';
import { filterQuery, joinRepeated, parseFilter } from './filters.js';
import { periodRange, previousPeriod } from './periods.js';

describe('period keys', () => {
  it('gives the days of every kind of key, leap years included', () => {
    expect(periodRange('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodRange('2026-H2')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(periodRange('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodRange('Q1')).toBeNull();
  });

  it('steps back one period across year ends', () => {
    expect(previousPeriod('2026-Q1', 'quarter')).toBe('2025-Q4');
    expect(previousPeriod('2026-01', 'month')).toBe('2025-12');
    expect(previousPeriod('2026-H1', 'half-year')).toBe('2025-H2');
    expect(previousPeriod('2026-H2', 'half-year')).toBe('2026-H1');
    expect(previousPeriod('2026', 'year')).toBe('2025');
  });
});

describe('dashboard filter', () => {
  it('names the bad parameter in both languages', () => {
    const r = parseFilter({ channel: 'kiosk,' });
    expect(r).toMatchObject({ ok: false, error: { field: 'channel' } });
    expect(parseFilter({ minLevel: '101' })).toMatchObject({
      ok: false,
      error: { field: 'minLevel', message: { ru: '«minLevel»: целое число 0…100' } },
    });
    expect(parseFilter({ sort: '-nope' })).toMatchObject({ ok: false, error: { field: 'sort' } });
    expect(
      parseFilter({ object: 'svc:1,svc-2', respondent: 'internal', sort: '-delta' }),
    ).toMatchObject({
      ok: true,
      value: {
        only: { object: ['svc:1', 'svc-2'], respondent: ['internal'] },
        sort: 'delta',
        desc: true,
      },
    });
  });

  it('reads repeated parameters (a form) as the comma-joined ones (a link)', () => {
    const form = parseFilter(joinRepeated({ channel: ['kiosk', 'site'], object: [''] }));
    const link = parseFilter({ channel: 'kiosk,site' });
    expect(form).toEqual(link);
    expect(form).toMatchObject({ ok: true, value: { only: { channel: ['kiosk', 'site'] } } });
    if (form.ok) expect(filterQuery(form.value, 'ru')).toBe('?channel=kiosk%2Csite');
  });
});

describe('roles in the configuration', () => {
  it('reads analysts’ tokens and the session secret', () => {
    const cfg = resolveConfig(
      { 'analyst-token': 'a1, a2' },
      { ADMIN_TOKENS: 'x', SESSION_SECRET: 's' },
    );
    expect(cfg.adminTokens).toEqual(['x']);
    expect(cfg.analystTokens).toEqual(['a1', 'a2']);
    expect(cfg.sessionSecret).toBe('s');
    expect(resolveConfig({}, { ANALYST_TOKENS: 'b' }).analystTokens).toEqual(['b']);
  });
});
