// Prints the gzip -9 size of both builds and fails when the IIFE (every question kind, both
// languages) is over budget. `--build` builds first, so `pnpm test` catches a size regression.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * Hard limit for the IIFE, in bytes of gzip -9: at most the achieved size plus 0.5 KB, so that any
 * growth has to be paid for. Now 22.99 KB (23 545 bytes): 22.93 before the size pass of issue 10
 * (no toStringTag on the global, engine messages as pairs, short private CSS properties: -55
 * bytes), then +120 bytes to show the first question before the rest of a slow page has loaded.
 * The limit stays 23.0, under the +0.5 the rule allows; the aim was 15 KB (docs/benchmarks.md
 * says why it is not reached with Lit).
 */
const BUDGET = 23.0 * 1024;
const dir = fileURLToPath(new URL('..', import.meta.url));

if (process.argv.includes('--build')) {
  const vite = 'node_modules/.bin/vite';
  const modes = ['production', 'iife', 'results', 'results-iife'];
  execSync(modes.map((m) => `${vite} build --mode ${m} --logLevel warn`).join(' && '), {
    cwd: dir,
    stdio: 'inherit',
  });
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let failed = false;
for (const [file, budget] of [
  ['dist/feedback-survey.js', undefined],
  ['dist/feedback-survey.iife.js', BUDGET],
  // <feedback-results> is its own file: listed for the record, never counted in the survey's.
  ['dist/feedback-results.js', undefined],
  ['dist/feedback-results.iife.js', undefined],
]) {
  const raw = readFileSync(new URL(`../${file}`, import.meta.url));
  const gz = gzipSync(raw, { level: 9 }).length;
  const over = budget !== undefined && gz > budget;
  failed ||= over;
  console.log(
    `${file}: ${kb(raw.length)} minified, ${kb(gz)} gzip -9${budget ? ` (budget ${kb(budget)})` : ''}${over ? '  OVER BUDGET' : ''}`,
  );
}
if (failed) process.exit(1);
