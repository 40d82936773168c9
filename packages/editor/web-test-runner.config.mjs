// Browser tests of the editor in real headless Chromium (Debian's /usr/bin/chromium), TypeScript
// served through esbuild; workspace packages — and the widget the preview imports — from source.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';

export default {
  files: ['src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['@otklik/source', 'browser', 'development'] },
  rootDir: fileURLToPath(new URL('../..', import.meta.url)),
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 30000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
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
