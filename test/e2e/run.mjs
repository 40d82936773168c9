// End-to-end tests: the built widget on the collector's pages in real headless Chromium.
// Builds the widget and the editor first when their bundles are missing, then runs node's test runner.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
for (const [pkg, file] of [
  ['@otklik/widget', 'packages/widget/dist/feedback-survey.js'],
  ['@otklik/editor', 'packages/editor/dist/editor.js'],
]) {
  if (existsSync(`${root}/${file}`)) continue;
  const b = spawnSync('pnpm', ['--filter', pkg, 'build'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const files = readdirSync(fileURLToPath(new URL('.', import.meta.url)))
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => `test/e2e/${f}`);
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--conditions=@otklik/source', '--test', '--test-concurrency=1', ...files],
  { cwd: root, stdio: 'inherit' },
);
process.exit(r.status ?? 1);
