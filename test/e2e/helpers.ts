import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningCollector {
  url: string;
  token: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts the real collector CLI (`serve --demo`) on a free port with a throwaway data dir. */
export async function startCollector(env: Record<string, string> = {}): Promise<RunningCollector> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'otklik-e2e-'));
  const token = 'e2e-admin-token-0123456789';
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(root, 'packages/collector/scripts/cli-source.mjs'),
      'serve',
      '--demo',
      '--port',
      String(port),
      '--data-dir',
      dataDir,
      '--admin-token',
      token,
    ],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`collector exited early:\n${out}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`collector did not start in 120 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    token,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Debian's Chromium, headless, with the flags a machine without internet access needs: no sandbox
 * (containers), no GPU, no background updates, sync or QUIC probes that would wait on the network.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
  });
}

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** axe-core's violations on the page (injected through the debugger, so the CSP stays strict). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run: (o: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
    };
    const r = await w.axe.run({ resultTypes: ['violations'] });
    return r.violations.map(
      (v) =>
        `${v.id}: ${(v.nodes as { target: string[] }[]).map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
}

/** Presses Tab until `selector`'s control has focus, then `key`: the page works from the keyboard. */
export async function keyTo(page: Page, selector: string, key = 'Enter'): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.locator(selector).evaluate((e) => e === document.activeElement)) {
      await page.keyboard.press(key);
      return;
    }
  }
  throw new Error(`${selector} never took the focus from Tab`);
}
