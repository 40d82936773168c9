#!/usr/bin/env node
// The installed command: runs the built collector (dist/, made by `pnpm build`). Inside the
// repository, scripts/cli-source.mjs (or `pnpm start`) runs the TypeScript source instead.
import { main } from '../dist/cli.js';

const code = await main(process.argv.slice(2));
if (code !== 0) process.exit(code);
