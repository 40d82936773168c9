// Browser tests run in real headless Chromium (Debian's /usr/bin/chromium), TypeScript served
// through esbuild, workspace packages resolved to their sources.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { middleware } from './test/middleware.mjs';

/**
 * `executeServerCommand('media-features', [{ name: 'forced-colors', value: 'active' }, …])`:
 * emulateMedia of @web/test-runner-commands drops forced-colors on Chromium, CDP takes it.
 */
const mediaFeatures = {
  name: 'media-features',
  async executeCommand({ command, payload, session }) {
    if (command !== 'media-features') return undefined;
    const page = session.browser.getPage(session.id);
    await page.emulateMediaFeatures(payload);
    return true;
  },
};

/**
 * `executeServerCommand('accessible-name', { selector: 'feedback-survey >>> fieldset' })`: the name
 * Chromium's accessibility tree gives the element (what a screen reader announces); `>>>` pierces
 * shadow roots.
 */
const accessibleName = {
  name: 'accessible-name',
  async executeCommand({ command, payload, session }) {
    if (command !== 'accessible-name') return undefined;
    const page = session.browser.getPage(session.id);
    const root = await page.$(payload.selector);
    if (!root) throw new Error(`accessible-name: nothing matches ${payload.selector}`);
    const node = await page.accessibility.snapshot({ root, interestingOnly: false });
    await root.dispose();
    return node?.name ?? null;
  },
};

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export default {
  // Every file in one run. Files that send responses give each test its own IndexedDB databases,
  // Web Lock and memory queue (`stores`), and the runner blanks each page when its file is done.
  files: ['src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['@otklik/source', 'browser', 'development'] },
  rootDir: fileURLToPath(new URL('../..', import.meta.url)),
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
    mediaFeatures,
    accessibleName,
  ],
  middleware,
  // The Mocha runner, then a guard that keeps a failed assertion on a DOM node reportable (see it).
  testRunnerHtml: (framework) =>
    `<!DOCTYPE html><html><head></head><body>
      <script type="module" src="${framework}"></script>
      <script type="module" src="/packages/widget/src/test/report-guard.ts"></script>
    </body></html>`,
  // One test file at a time: the queue tests share the fake collector and IndexedDB with other
  // pages, and a background tab may never get the animation frame a test waits for.
  concurrency: 1,
  // Generous: on two busy cores a retry cycle can take seconds; a hang still fails.
  testFramework: { config: { timeout: 30000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
        ],
      },
    }),
  ],
};
