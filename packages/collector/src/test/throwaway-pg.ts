import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = '/usr/lib/postgresql/15/bin';

/** True when a PostgreSQL 15 server can be started here (tests that stop a database skip otherwise). */
export const canRunThrowawayPg = existsSync(join(BIN, 'initdb'));

/** A PostgreSQL cluster of our own, on its own port, which tests may stop, freeze and resume. */
export interface ThrowawayPg {
  url: string;
  start(): Promise<void>;
  /** Immediate shutdown: the database is gone, connections die. */
  stop(): Promise<void>;
  /** SIGSTOP (`true`) or SIGCONT (`false`) to the postmaster and every backend: a hung server. */
  freeze(on: boolean): Promise<void>;
  destroy(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * initdb + pg_ctl in a temp folder, never the shared server. initdb refuses to run as root, so
 * under root the cluster runs as the `postgres` user.
 *
 * @example
 * const pg = await throwawayPg(); await pg.stop(); … await pg.start(); await pg.destroy();
 */
export async function throwawayPg(): Promise<ThrowawayPg> {
  const dir = await mkdtemp(join(tmpdir(), 'otklik-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const exec = (cmd: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', cmd, ...args]) : run(cmd, args);
  if (asRoot) {
    await chmod(dir, 0o777);
  }
  await exec(join(BIN, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-N']);
  const ctl = (...args: string[]) => exec(join(BIN, 'pg_ctl'), ['-D', data, ...args]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const pids = async (): Promise<number[]> => {
    const pm = Number((await readFile(join(data, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    const { stdout } = await run('pgrep', ['-P', String(pm)]).catch(() => ({ stdout: '' }));
    return [pm, ...stdout.split('\n').filter(Boolean).map(Number)];
  };
  const pg: ThrowawayPg = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async start() {
      await ctl('-o', options, '-w', '-l', join(dir, 'log'), 'start');
    },
    async stop() {
      await ctl('-m', 'immediate', '-w', 'stop');
    },
    async freeze(on) {
      for (const pid of await pids()) process.kill(pid, on ? 'SIGSTOP' : 'SIGCONT');
    },
    async destroy() {
      await pg.freeze(false).catch(() => undefined);
      await ctl('-m', 'immediate', '-w', 'stop').catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
  await pg.start();
  return pg;
}
