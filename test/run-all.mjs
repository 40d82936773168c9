// Runs every test suite of the repository in order and prints one closing line with the totals.
// Suites: type checks, lint (eslint + prettier), core (vitest), collector (vitest; PostgreSQL variants when
// TEST_DATABASE_URL is set), widget (build with size budget, then real Chromium), editor (real
// Chromium), end-to-end, release (packed tarballs installed and started; deployment configs checked).
import { spawn } from 'node:child_process';

const steps = [
  // Every package, then the repository's own tests and benches (test/tsconfig.json).
  ['typecheck', 'pnpm', ['typecheck']],
  ['lint', 'pnpm', ['lint']],
  ['core', 'pnpm', ['--filter', '@otklik/core', 'test']],
  ['collector', 'pnpm', ['--filter', '@otklik/collector', 'test']],
  ['widget', 'pnpm', ['--filter', '@otklik/widget', 'test']],
  ['editor', 'pnpm', ['--filter', '@otklik/editor', 'test']],
  ['e2e', 'node', ['test/e2e/run.mjs']],
  // The release: build, pnpm pack, npm i into an empty folder, start; the systemd unit and nginx
  // snippet of docs/deployment.md through systemd-analyze and nginx -t.
  [
    'release',
    'node',
    [
      '--test',
      '--test-reporter=tap',
      'test/release/deploy-config.test.mjs',
      'test/release/pack.test.mjs',
    ],
  ],
];

if (!process.env.TEST_DATABASE_URL) {
  console.warn(
    'TEST_DATABASE_URL is not set: the PostgreSQL variants of the collector tests are skipped.\n' +
      'Set it (e.g. postgres://postgres@127.0.0.1:5432/test) to run them; CI always does.',
  );
}

/** Runs one step, echoing its output, and returns [exitCode, output]. */
function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    for (const s of [child.stdout, child.stderr]) {
      s.on('data', (d) => {
        out += d;
        (s === child.stdout ? process.stdout : process.stderr).write(d);
      });
    }
    child.on('close', (code) => resolve([code ?? 1, out]));
  });
}

// Counts from the runners' own summaries (ANSI colours stripped).
function counts(text) {
  // eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
  const t = text.replace(/\x1b\[[0-9;]*m/g, '');
  let passed = 0;
  let failed = 0;
  for (const m of t.matchAll(/^\s*Tests\s+(?:(\d+) failed \| )?(\d+) passed/gm)) {
    failed += Number(m[1] ?? 0);
    passed += Number(m[2]);
  }
  // @web/test-runner repeats its progress line; the last one of each run is that run's total.
  for (const run of t.split(/Running \d+ test files?\.\.\./).slice(1)) {
    const wtr = [...run.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
    if (wtr) {
      passed += Number(wtr[1]);
      failed += Number(wtr[2]);
    }
  }
  for (const m of t.matchAll(/^# pass (\d+)$/gm)) passed += Number(m[1]);
  for (const m of t.matchAll(/^# fail (\d+)$/gm)) failed += Number(m[1]);
  return { passed, failed };
}

let passed = 0;
let failed = 0;
const broken = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const [code, out] = await run(cmd, args);
  const c = counts(out);
  passed += c.passed;
  failed += c.failed;
  if (code !== 0) broken.push(name);
}
console.log(`\nSuites failed: ${broken.length ? broken.join(', ') : 'none'}`);
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(broken.length ? 1 : 0);
