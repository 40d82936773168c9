// End-to-end tests: the built widget on the collector's pages in real headless Chromium.
// Builds the widget and the editor first when a bundle is missing, then runs node's test runner.
// Arguments narrow the files to those whose names contain one of them (`node test/e2e/run.mjs flapping`).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
for (const [pkg, files] of [
  [
    '@otklik/widget',
    ['packages/widget/dist/feedback-survey.js', 'packages/widget/dist/feedback-results.iife.js'],
  ],
  ['@otklik/editor', ['packages/editor/dist/editor.js']],
]) {
  if (files.every((f) => existsSync(`${root}/${f}`))) continue;
  const b = spawnSync('pnpm', ['--filter', pkg, 'build'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const files = readdirSync(fileURLToPath(new URL('.', import.meta.url)))
  .filter((f) => f.endsWith('.test.ts'))
  .filter((f) => process.argv.length < 3 || process.argv.slice(2).some((a) => f.includes(a)))
  .map((f) => `test/e2e/${f}`);
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--conditions=@otklik/source', '--test', '--test-concurrency=1', ...files],
  { cwd: root, stdio: 'inherit' },
);
process.exit(r.status ?? 1);
