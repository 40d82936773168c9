#!/usr/bin/env node
// The collector CLI from the TypeScript source through tsx, for tests and development inside the
// repository (workspace packages are read as source, no build needed). The installed command is
// bin/otklik-collector.js, which runs the build.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const child = spawn(
  process.execPath,
  [
    '--conditions=@otklik/source',
    '--import',
    import.meta.resolve('tsx'),
    source,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
// The child does the graceful shutdown; pass the signals on and leave with its code.
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
