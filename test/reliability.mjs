// The reliability suite: the long variants of the fault tests, with their figures. `pnpm test` runs
// each of them small; this runs them at full size (about 20 minutes):
// - hostile payloads (FUZZ_RUNS, default 10,000), the poison batch under load, the database stopped
//   and hung, kill -9 under load (CRASH_ROUNDS, default 20, per database);
// - the browser offline/online flapping with reloads (FLAP_VISITORS, default 40 per layout);
// - the soak: a steady rate for SOAK_SECONDS (default 600) with RSS sampled.
// TEST_DATABASE_URL adds PostgreSQL to the collector tests; the soak runs on PGlite.
import { spawnSync } from 'node:child_process';

const env = {
  ...process.env,
  FUZZ_RUNS: process.env.FUZZ_RUNS ?? '10000',
  CRASH_ROUNDS: process.env.CRASH_ROUNDS ?? '20',
  FLAP_VISITORS: process.env.FLAP_VISITORS ?? '40',
};
const steps = [
  [
    'pnpm',
    [
      '--filter',
      '@otklik/collector',
      'exec',
      'vitest',
      'run',
      'src/fuzz.test.ts',
      'src/poison.test.ts',
      'src/db-outage.test.ts',
      'src/crash.test.ts',
    ],
  ],
  ['node', ['test/e2e/run.mjs', 'flapping']],
  ['pnpm', ['--filter', '@otklik/collector', 'soak']],
];
let failed = 0;
for (const [cmd, args] of steps) {
  console.log(`\n+ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, DATABASE_URL: '' } });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
