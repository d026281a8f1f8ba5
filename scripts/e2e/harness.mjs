// What every browser journey needs: a built kamap serving its demo data from a fresh data directory
// (a copy of the template at KAMAP_E2E_TEMPLATE when `run.mjs` made one, else loaded on start; or
// the server at KAMAP_E2E_BASE), the system Chromium, signing in as a demo user, and where
// screenshots go. `startKamap` registers the file's before/after hooks.

import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const root = new URL('../../', import.meta.url);
const shots = new URL('docs/screenshots/', root);

/** A path under docs/screenshots/. */
export const shot = (name) => new URL(name, shots).pathname;

export function startKamap({ name, startWithinMs }) {
  const port = 3900 + Math.floor(Math.random() * 90);
  const base = process.env.KAMAP_E2E_BASE ?? `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), `kamap-e2e-${name}-`));
  const kamap = { base, dataDir, browser: undefined };
  let server;

  async function waitForHealth(deadline) {
    while (Date.now() < deadline) {
      try {
        const res = await fetch(`${base}/api/health`);
        if (res.ok) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error('kamap did not start in time');
  }

  before(async () => {
    if (!process.env.KAMAP_E2E_BASE) {
      if (process.env.KAMAP_E2E_TEMPLATE) cpSync(process.env.KAMAP_E2E_TEMPLATE, dataDir, { recursive: true });
      server = spawn(process.execPath, ['bin/kamap.js', 'serve', '--demo', '--port', String(port)], {
        cwd: root,
        env: { ...process.env, KAMAP_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
    }
    await waitForHealth(Date.now() + startWithinMs);
    kamap.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
    });
  });

  after(async () => {
    await kamap.browser?.close();
    if (server) {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Signs in on the login page as a demo user (password kamap-demo) and waits to leave it. */
  kamap.signIn = async (page, username) => {
    await page.goto(`${base}/login`);
    await page.locator('input').first().fill(username);
    await page.locator('input[type="password"]').fill('kamap-demo');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 30_000 });
  };
  /** A fresh browser context at the given size and language, signed in as a demo user: its page. */
  kamap.open = async (username, { width = 1440, height = 900, locale = 'zh-CN' } = {}) => {
    const context = await kamap.browser.newContext({ viewport: { width, height }, locale });
    const page = await context.newPage();
    await kamap.signIn(page, username);
    return page;
  };
  return kamap;
}
