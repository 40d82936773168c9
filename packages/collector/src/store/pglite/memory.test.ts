import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from '../../config.js';
import { openPglite } from './index.js';
import { PGLITE_SETTINGS, pgliteSettings } from './memory.js';

describe('PGlite memory settings', () => {
  it('PGLITE_SETTINGS overrides single settings and keeps the rest', () => {
    expect(pgliteSettings(undefined)).toEqual(PGLITE_SETTINGS);
    expect(pgliteSettings(' shared_buffers = 64MB ,work_mem=8MB')).toEqual({
      ...PGLITE_SETTINGS,
      shared_buffers: '64MB',
      work_mem: '8MB',
    });
  });

  it('a malformed PGLITE_SETTINGS is a configuration error naming the item', () => {
    expect(() => resolveConfig({}, { PGLITE_SETTINGS: 'shared_buffers=64MB,oops' })).toThrow(
      new ConfigError('PGLITE_SETTINGS: "oops" is not name=value'),
    );
  });

  it('PostgreSQL runs with them', async () => {
    const db = await openPglite({ settings: pgliteSettings('work_mem=8MB') });
    try {
      const [r] = await db.query<{ sb: string; wm: string }>(
        `SELECT current_setting('shared_buffers') AS sb, current_setting('work_mem') AS wm`,
      );
      expect(r).toEqual({ sb: PGLITE_SETTINGS.shared_buffers, wm: '8MB' });
    } finally {
      await db.close();
    }
  }, 60_000);
});
