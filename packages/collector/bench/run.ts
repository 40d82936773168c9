/**
 * `pnpm --filter @otklik/collector bench`: the ingest benchmark, then every other bench/*.ts that
 * exports `run()` (analytics adds its report benchmark that way).
 */
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { benchIngest } from './ingest.js';

await benchIngest();

const here = fileURLToPath(new URL('./', import.meta.url));
for (const f of (await readdir(here)).sort()) {
  if (!/\.ts$/.test(f) || /^(run|ingest|bare-server|naive-server|soak)\.ts$|\.d\.ts$/.test(f))
    continue;
  const mod = (await import(`./${f}`)) as { run?: () => Promise<unknown> };
  if (typeof mod.run === 'function') await mod.run();
}
