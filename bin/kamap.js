#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../apps/server/dist/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('kamap is not built yet: run `npm run build` first.\n');
  process.exit(1);
}
await import(entry.href);
