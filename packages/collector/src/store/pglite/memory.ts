/**
 * PGlite's memory: the WASM heap only grows (a WebAssembly.Memory never shrinks), so whatever
 * PostgreSQL touches once stays in the process's RSS. PGlite starts Postgres with the server
 * defaults — `shared_buffers` 128 MB, `maintenance_work_mem` 64 MB — sized for a machine that
 * runs nothing else; here one process holds the database, the HTTP server and the reports. (The
 * heap's initial 128 MB cannot be lowered — the WASM module declares it — but pages never touched
 * cost no RSS.)
 * Measured by `bench/memory.ts` (docs/deployment.md has the figures).
 */

/** What the collector runs PGlite with; `PGLITE_SETTINGS` overrides any of them. */
export const PGLITE_SETTINGS: Readonly<Record<string, string>> = {
  // The page cache inside the heap: the OS page cache below it caches the same files again.
  shared_buffers: '16MB',
  // Per sort/hash before spilling to temp files (the default; named so the figure is visible).
  work_mem: '4MB',
  maintenance_work_mem: '16MB',
  temp_buffers: '1MB',
  wal_buffers: '512kB',
};

/**
 * Parses `PGLITE_SETTINGS` ("shared_buffers=64MB,work_mem=8MB") into settings over the defaults.
 * @throws Error naming the bad item.
 */
export function pgliteSettings(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = { ...PGLITE_SETTINGS };
  for (const item of (text ?? '').split(',')) {
    if (!item.trim()) continue;
    const m = /^\s*([a-z_][a-z0-9_.]*)\s*=\s*([^,\s]+)\s*$/i.exec(item);
    if (!m) throw new Error(`PGLITE_SETTINGS: "${item.trim()}" is not name=value`);
    out[m[1]!.toLowerCase()] = m[2]!;
  }
  return out;
}

/** Postgres start parameters: PGlite's own, then one `-c name=value` per setting. */
export function startParams(
  defaults: readonly string[],
  settings: Readonly<Record<string, string>>,
): string[] {
  return [...defaults, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
}
