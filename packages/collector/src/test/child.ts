import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));
const PKG = fileURLToPath(new URL('../../', import.meta.url));

export interface ChildCollector {
  url: string;
  proc: ChildProcess;
  /** Resolves with the exit code (or the signal name) when the process ends. */
  exited: Promise<number | string>;
  output: () => string;
}

/** A PostgreSQL URL whose connections all work in `schema`. */
export function urlWithSchema(base: string, schema: string): string {
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/**
 * Starts `otklik-collector serve` in a separate Node process (through tsx, from source) and waits
 * until it listens.
 */
export async function spawnCollector(
  databaseUrl: string,
  extra: string[] = [],
): Promise<ChildCollector> {
  const proc = spawn(
    process.execPath,
    [
      '--conditions=@otklik/source',
      '--import',
      'tsx',
      CLI,
      'serve',
      '--port',
      '0',
      '--admin-token',
      'tok',
      '--rate-limit',
      'off',
      ...extra,
    ],
    {
      cwd: PKG,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((resolve) =>
    proc.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`collector did not start:\n${out}`)), 90_000);
    const check = (): void => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`collector exited (${code}) before listening:\n${out}`));
    });
  });
  return { url, proc, exited, output: () => out };
}
