import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('../test/disclose-load.ts', import.meta.url));
const PKG = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The public results page withholds counts across every period and service at once, in one table
 * (12 services over three years of months: about 120,000 cells in 80,000 sums). Held as strings
 * and objects, that table alone outgrew a heap capped at 96 MB (and a collector so capped died on
 * the page over 100,000 responses); numbered, it fits in a third of that.
 */
describe('disclosure memory', () => {
  it('withholds the figures of 12 services over 3 years within a 48 MB heap', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--max-old-space-size=48', '--conditions=@otklik/source', '--import', 'tsx', CHILD],
      { cwd: PKG, env: { ...process.env, SERVICES: '12', YEARS: '3' } },
    );
    const out = JSON.parse(stdout.trim().split('\n').pop()!) as {
      services: number;
      scopes: number;
    };
    // Every service and every scope (all time, 3 years, 6 half-years, 12 quarters, 36 months).
    expect(out).toEqual({ services: 12, scopes: 58 });
  }, 60_000);
});
