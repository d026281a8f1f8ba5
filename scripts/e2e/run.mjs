// Runs the browser journeys (`npm run test:e2e [files…]`). The demo data is loaded once, into a
// template data directory; each journey file then starts kamap on its own copy of it, so every file
// still begins from the same untouched demo without paying for loading it again.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const files = process.argv.slice(2);
const template = mkdtempSync(join(tmpdir(), 'kamap-e2e-template-'));
const run = (args, env) =>
  spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' });

let status = 1;
try {
  const demo = run(['bin/kamap.js', 'demo'], { KAMAP_DATA_DIR: template, LOG_LEVEL: 'warn' });
  if (demo.status !== 0) throw new Error('loading the demo data into the template failed');
  const tests = run(['--test', '--test-concurrency=1', ...(files.length ? files : ['scripts/e2e/'])], {
    KAMAP_E2E_TEMPLATE: template,
  });
  status = tests.status ?? 1;
} finally {
  rmSync(template, { recursive: true, force: true });
}
process.exit(status);
