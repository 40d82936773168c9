// The reliability suite: the long variants of the collector's fault tests, with their figures.
// `pnpm test` runs each of them small; this runs them at full size (minutes, not seconds).
// FUZZ_RUNS (default 10000) and FUZZ_SEED pass through; TEST_DATABASE_URL adds PostgreSQL.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS ?? '10000' };
const files = ['src/fuzz.test.ts', 'src/poison.test.ts', 'src/db-outage.test.ts'];
const r = spawnSync('pnpm', ['--filter', '@otklik/collector', 'exec', 'vitest', 'run', ...files], {
  stdio: 'inherit',
  env,
});
process.exit(r.status ?? 1);
