// The release as a user gets it: build the three packages, `pnpm pack` them (workspace:* becomes
// a real version), `npm i ./*.tgz` into an empty folder, start the installed `otklik-collector`
// (the build, no tsx: dev dependencies are not installed) on a free port, fetch /healthz, the
// hosted survey page and the widget script it loads, the admin's survey editor module, then stop
// it with SIGTERM.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath, URLSearchParams } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sh = promisify(execFile);
const PACKAGES = ['core', 'widget', 'editor', 'collector'];

const work = await mkdtemp(join(tmpdir(), 'otklik-release-'));
after(() => rm(work, { recursive: true, force: true }));

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const run = (cmd, args, cwd) =>
  sh(cmd, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CI: 'true' } });

test('packed tarballs install into an empty folder and the collector serves from there', async () => {
  const filters = PACKAGES.flatMap((p) => ['--filter', `@otklik/${p}`]);
  await run('pnpm', [...filters, 'build'], root);
  const tarballs = join(work, 'tarballs');
  for (const p of PACKAGES)
    await run('pnpm', ['pack', '--pack-destination', tarballs], join(root, 'packages', p));
  const files = (await readdir(tarballs)).filter((f) => f.endsWith('.tgz')).sort();
  assert.equal(files.length, PACKAGES.length, `a tarball per package, got ${files.join(', ')}`);

  // `npm i @otklik/collector` must bring every other package: the collector names them all.
  const collector = files.find((f) => f.includes('collector'));
  const { stdout: manifest } = await run('tar', [
    '-xzOf',
    join(tarballs, collector),
    'package/package.json',
  ]);
  const deps = Object.keys(JSON.parse(manifest).dependencies ?? {});
  for (const p of PACKAGES.filter((p) => p !== 'collector'))
    assert.ok(deps.includes(`@otklik/${p}`), `the collector depends on @otklik/${p}`);

  // No workspace protocol left in what npm will read.
  for (const f of files) {
    const { stdout } = await run('tar', ['-xzOf', join(tarballs, f), 'package/package.json']);
    assert.doesNotMatch(stdout, /workspace:/, `${f} still names workspace:`);
    const { stdout: list } = await run('tar', ['-tzf', join(tarballs, f)]);
    assert.doesNotMatch(list, /\.test\.(ts|js)$/m, `${f} ships tests`);
  }

  const app = join(work, 'app');
  await run('mkdir', ['-p', app]);
  await run(
    'npm',
    ['i', '--no-audit', '--no-fund', '--loglevel=error', ...files.map((f) => join(tarballs, f))],
    app,
  );
  const bin = join(app, 'node_modules', '.bin', 'otklik-collector');
  const { stdout: version } = await run(bin, ['--version'], app);
  assert.match(version, /^otklik-collector \d+\.\d+\.\d+\n$/);

  const port = await freePort();
  const child = spawn(
    bin,
    ['serve', '--port', String(port), '--data-dir', join(app, 'data'), '--admin-token', 'release'],
    { cwd: app, env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start in 120 s:\n${out}`)), 120_000);
      child.stdout.on('data', () => {
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      exited.then((code) => reject(new Error(`exited ${code}:\n${out}`)));
    });
    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    const page = await fetch(`${url}/s/belgorod-typical`);
    assert.equal(page.status, 200);
    const html = await page.text();
    const script = /<script[^>]+src="([^"]*feedback-survey[^"]*)"/.exec(html)?.[1];
    assert.ok(script, 'the hosted page loads the widget script');
    const js = await fetch(new URL(script, url));
    assert.equal(js.status, 200, `${script} is served`);
    assert.match(js.headers.get('content-type') ?? '', /javascript/);
    assert.match(await js.text(), /feedback-survey/);
    // The survey editor's module: without it an installed collector cannot create a survey.
    const signIn = await fetch(`${url}/admin/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url },
      body: new URLSearchParams({ token: 'release' }).toString(),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    assert.ok(cookie, `signed in (${signIn.status})`);
    const editor = await fetch(`${url}/admin/assets/editor.js`, { headers: { cookie } });
    assert.equal(editor.status, 200, '/admin/assets/editor.js is served');
    assert.match(editor.headers.get('content-type') ?? '', /javascript/);
    assert.match(await editor.text(), /otklik-editor/);
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited, 0, `stopped cleanly on SIGTERM:\n${out}`);
});
