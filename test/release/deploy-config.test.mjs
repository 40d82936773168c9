// The systemd unit and the nginx snippet of docs/deployment.md, exactly as printed there, checked
// by the tools that will read them: `systemd-analyze verify` and `nginx -t` (Debian's systemd and
// nginx-light; CI installs them). A tool that is absent skips its check with a message.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const sh = promisify(execFile);
const doc = await readFile(
  fileURLToPath(new URL('../../docs/deployment.md', import.meta.url)),
  'utf8',
);
const work = await mkdtemp(join(tmpdir(), 'otklik-deploy-'));
after(() => rm(work, { recursive: true, force: true }));

/** The first fenced block after `<!-- check:NAME -->`. */
function block(name) {
  const m = new RegExp(`<!-- check:${name} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\``).exec(doc);
  assert.ok(m, `docs/deployment.md has a code block after <!-- check:${name} -->`);
  return `${m[1]}\n`;
}

async function which(tool) {
  for (const dir of ['/usr/bin', '/usr/sbin', '/bin', '/sbin']) {
    try {
      await sh('test', ['-x', join(dir, tool)]);
      return join(dir, tool);
    } catch {
      // not here
    }
  }
  return undefined;
}

test('the systemd unit passes systemd-analyze verify', async (t) => {
  const tool = await which('systemd-analyze');
  if (!tool) return t.skip('systemd-analyze is not installed (apt-get install systemd)');
  const unit = block('systemd');
  // The unit names /usr/bin/node as its program: verify checks that it exists.
  const node = await which('node');
  if (node !== '/usr/bin/node') return t.skip(`node is ${node ?? 'missing'}, not /usr/bin/node`);
  const file = join(work, 'otklik.service');
  await writeFile(file, unit);
  const { stdout, stderr } = await sh(tool, ['verify', file]).catch((e) => e);
  // verify also prints notes about the host's own units; only lines about ours count.
  const ours = `${stdout}${stderr}`.split('\n').filter((l) => l.includes('otklik.service'));
  assert.deepEqual(ours, [], ours.join('\n'));
  // And the unit says what the docs promise.
  for (const line of ['KillSignal=SIGTERM', 'Restart=always', 'StateDirectory=otklik'])
    assert.match(unit, new RegExp(`^${line}$`, 'm'));
});

test('a broken unit fails the same check (the check can fail)', async (t) => {
  const tool = await which('systemd-analyze');
  if (!tool) return t.skip('systemd-analyze is not installed (apt-get install systemd)');
  const file = join(work, 'broken.service');
  await writeFile(file, block('systemd').replace('KillSignal=SIGTERM', 'KillSignal=SIGNOPE'));
  const r = await sh(tool, ['verify', file]).then(
    (x) => ({ code: 0, out: x.stdout + x.stderr }),
    (e) => ({ code: e.code, out: `${e.stdout}${e.stderr}` }),
  );
  assert.match(r.out, /broken\.service/);
});

test('the nginx snippet passes nginx -t', async (t) => {
  const tool = await which('nginx');
  if (!tool) return t.skip('nginx is not installed (apt-get install nginx-light)');
  // A throw-away self-signed pair where the snippet names the body's certificate.
  const key = join(work, 'privkey.pem');
  const cert = join(work, 'fullchain.pem');
  await sh('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=otklik.test',
    '-keyout',
    key,
    '-out',
    cert,
  ]);
  const snippet = block('nginx')
    .replace('/etc/ssl/otklik/fullchain.pem', cert)
    .replace('/etc/ssl/otklik/privkey.pem', key);
  await writeFile(join(work, 'otklik.conf'), snippet);
  const conf = join(work, 'nginx.conf');
  await writeFile(
    conf,
    `pid ${join(work, 'nginx.pid')};\nerror_log ${join(work, 'error.log')};\n` +
      `events {}\nhttp {\n  include ${join(work, 'otklik.conf')};\n}\n`,
  );
  const { stderr } = await sh(tool, ['-t', '-q', '-p', work, '-c', conf]).catch((e) => {
    assert.fail(`nginx -t refused the snippet:\n${e.stderr}`);
  });
  assert.doesNotMatch(stderr, /\[emerg\]|\[error\]/);
});
