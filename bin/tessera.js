#!/usr/bin/env node
// The `tessera` command. Runs the compiled build (made by `npm ci` through the prepare script, or `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('tessera: the build is missing; run `npm run build` (npm ci does it for you).\n');
  process.exit(1);
}
await import(entry.href);
