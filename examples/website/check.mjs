// Smoke check of the example under its strict CSP, in real Chromium: the page loads the built
// widget, the survey renders, no CSP violation is reported, and a response goes through.
// Run: pnpm --filter @otklik/example-website check  (after building the widget).
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const port = 8790 + Math.floor(Math.random() * 100) + 10;
const server = spawn('tsx', ['--conditions=@otklik/source', 'serve.mjs'], {
  cwd: new URL('.', import.meta.url),
  env: { ...process.env, PORT: String(port) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let log = '';
server.stdout.on('data', (d) => (log += d));
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
let failed = false;
const fail = (m) => {
  failed = true;
  console.error('FAIL', m);
};
try {
  for (let i = 0; i < 50 && !log.includes('Example site'); i++) await sleep(100);
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  await page.goto(`http://127.0.0.1:${port}/?object=example-licensing`);
  const q = page.locator('feedback-survey [part=question]');
  await q.first().waitFor({ timeout: 10_000 });
  console.log('questions shown:', await q.count());
  // Answer the three required questions and send.
  await page.locator('feedback-survey [data-q=q1] input').first().check();
  await page.locator('feedback-survey [data-q=q2] input[type=search]').fill('а');
  await page.locator('feedback-survey [data-q=q2] .opts input').first().check();
  await page.locator('feedback-survey [data-q=q3] input').first().check();
  await page.locator('feedback-survey button[type=submit]').click();
  await page.locator('feedback-survey [part=completion]').waitFor({ timeout: 10_000 });
  console.log(
    'completion:',
    (await page.locator('feedback-survey [part=completion]').innerText()).replace(/\s+/g, ' '),
  );
  if (!log.includes('"object":"example-licensing"'))
    fail('the server did not log the response with its object');
  if (problems.length) fail(problems.join('\n'));
} catch (e) {
  fail(e);
} finally {
  await browser.close();
  server.kill();
}
console.log(failed ? 'example check failed' : 'example check passed: no CSP violations');
process.exit(failed ? 1 : 0);
