// Fails when the committed custom-elements.json differs from what the analyzer makes of the
// sources now: editors and docs read the committed file, so it must not go stale.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The manifest with its modules in path order: the analyzer lists them in the order its file
 * reads finish, which differs from run to run (and between `--outdir` and the package folder).
 */
function normalized(text) {
  const m = JSON.parse(text);
  m.modules = [...(m.modules ?? [])].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  return JSON.stringify(m);
}

const dir = fileURLToPath(new URL('..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'otklik-cem-'));
// The analyzer also points package.json's `customElements` at its outdir: put it back after.
const pkg = readFileSync(join(dir, 'package.json'), 'utf8');
try {
  // The analyzer takes its outdir relative to the package.
  execFileSync('node_modules/.bin/cem', ['analyze', '--outdir', relative(dir, out)], {
    cwd: dir,
    stdio: 'ignore',
  });
  const fresh = normalized(readFileSync(join(out, 'custom-elements.json'), 'utf8'));
  const committed = normalized(readFileSync(join(dir, 'custom-elements.json'), 'utf8'));
  if (fresh !== committed) {
    console.error('custom-elements.json is stale: run `pnpm --filter @otklik/widget manifest`.');
    // Not process.exit(): the finally below must put package.json back first.
    process.exitCode = 1;
  } else {
    console.log('custom-elements.json matches the sources');
  }
} finally {
  writeFileSync(join(dir, 'package.json'), pkg);
  rmSync(out, { recursive: true, force: true });
}
