#!/usr/bin/env node
// Runs the collector CLI: from the TypeScript source through tsx inside the repository (so
// workspace packages are read as source), otherwise from the built dist/.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const source = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

let tsx;
try {
  tsx = import.meta.resolve('tsx');
} catch {
  tsx = undefined;
}

if (existsSync(source) && tsx) {
  const child = spawn(
    process.execPath,
    ['--conditions=@otklik/source', '--import', tsx, source, ...args],
    { stdio: 'inherit' },
  );
  // The child does the graceful shutdown; pass the signals on and leave with its code.
  for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const { main } = await import('../dist/cli.js');
  const code = await main(args);
  if (code !== 0) process.exit(code);
}
