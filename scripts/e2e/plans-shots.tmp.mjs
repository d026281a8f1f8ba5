import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3102';
const out = '/work/wt-plans/docs/screenshots/';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'] });
async function session(user, lang = 'zh-CN') {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: lang });
  const page = await ctx.newPage();
  await page.goto(`${base}/login`);
  await page.evaluate((l) => localStorage.setItem('kamap.language', l), lang);
  await page.goto(`${base}/login`);
  await page.locator('input').first().fill(user);
  await page.locator('input[type="password"]').fill('kamap-demo');
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}
const step = process.argv[2] ?? 'all';
const page = await session('kam', process.argv[3] ?? 'zh-CN');
const sfx = process.argv[3] === 'en' ? 'en' : 'zh-CN';
await page.goto(`${base}/plans`);
await page.waitForSelector('.ant-table-row');
await page.screenshot({ path: `${out}plan-overdue-${sfx}.png` });
await page.locator('.ant-table-row td').first().click();
await page.waitForSelector('text=SWOT');
await page.waitForTimeout(800);
await page.screenshot({ path: `${out}plan-${sfx}.png`, fullPage: true });
console.log('plan url', page.url());
if (step === 'all') {
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${out}plan-print-${sfx}.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
}
await page.goto(`${base}/pipeline`);
await page.waitForSelector('canvas');
await page.waitForTimeout(1200);
await page.screenshot({ path: `${out}pipeline-${sfx}.png`, fullPage: true });
await page.locator('a[href^="/opportunities/"]').first().click();
await page.waitForSelector('.ant-steps');
await page.waitForTimeout(500);
await page.screenshot({ path: `${out}pipeline-opportunity-${sfx}.png`, fullPage: true });
await page.goto(`${base}/contracts`);
await page.waitForSelector('.ant-table-row');
await page.screenshot({ path: `${out}contracts-${sfx}.png` });
await browser.close();
