import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3102';
const out = '/work/wt-plans/docs/screenshots/';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'] });
async function session(user, lang = 'zh-CN') {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto(`${base}/login`);
  await page.evaluate((l) => localStorage.setItem('kamap.language', l), lang);
  await page.goto(`${base}/login`);
  await page.locator('input').first().fill(user);
  await page.locator('input[type="password"]').fill('kamap-demo');
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}
async function api(page, method, path, body) {
  const me = await (await page.request.get(`${base}/api/v1/auth/me`)).json();
  const res = await page.request.fetch(`${base}/api/v1${path}`, { method, headers: { 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' }, data: body });
  return res.json();
}
const kam = await session('kam');
// the KAM finds the overdue action, opens its plan and adjusts it with a reason
await kam.goto(`${base}/plans`);
await kam.waitForSelector('.ant-table-row');
await kam.locator('.ant-table-row td').first().click();
await kam.waitForSelector('text=SWOT');
const planUrl = kam.url();
await kam.getByRole('button', { name: /策略调整/ }).click();
await kam.waitForSelector('.ant-modal');
await kam.locator('.ant-modal .ant-select').first().click();
await kam.locator('.ant-select-item-option', { hasText: '竞争态势' }).click();
await kam.locator('.ant-modal input[placeholder^="说明"]').fill('竞品伺服报价下调 15%，取消半年价格回顾，改为针对性返利方案');
const priceBox = kam.locator('.ant-modal textarea').nth(1);
await priceBox.fill('框架协议锁定年度价格；对伺服、变频两类给予限时项目价，不打价格战');
const review = kam.locator('.ant-modal .ant-table-row:has(input[value*="半年度价格回顾"])');
await ((await review.count()) ? review : kam.locator('.ant-modal .ant-table-row').nth(3)).locator('button').last().click();
await kam.waitForTimeout(300);
await kam.screenshot({ path: `${out}plan-adjust-zh-CN.png` });
await kam.getByRole('button', { name: '保存调整' }).click();
await kam.waitForSelector('.ant-modal', { state: 'detached' });
await kam.waitForSelector('text=第 2 版');
await kam.waitForTimeout(1000);
const versions = kam.locator('.ant-card', { hasText: '版本与调整记录' });
await versions.scrollIntoViewIfNeeded();
await versions.screenshot({ path: `${out}plan-diff-zh-CN.png` });
console.log('adjusted', planUrl);
// the print view
await kam.emulateMedia({ media: 'print' });
await kam.screenshot({ path: `${out}plan-print-zh-CN.png`, fullPage: true });
await kam.emulateMedia({ media: 'screen' });
// next year's plan for the same account, submitted for the director
const plan = await (await kam.request.get(`${base}/api/v1/plans/${planUrl.split('/').pop()}`)).json();
const next = await api(kam, 'POST', `/accounts/${plan.accountId}/plans`, { year: plan.year + 1 });
const submitted = await api(kam, 'POST', `/plans/${next.id}/submit`, { version: next.version });
console.log('submitted', submitted.status);
await kam.goto(`${base}/accounts/${plan.accountId}?tab=plan`);
await kam.waitForSelector('.ant-table-row');
await kam.screenshot({ path: `${out}plan-account-tab-zh-CN.png` });
await kam.goto(`${base}/accounts/${plan.accountId}?tab=value`);
await kam.waitForSelector('text=创建商机', { timeout: 20000 }).catch(() => console.log('no create-opportunity button on this account'));
const ws = kam.locator('.ant-card', { hasText: '白' }).last();
await kam.waitForTimeout(800);
await kam.screenshot({ path: `${out}pipeline-whitespace-zh-CN.png`, fullPage: true });
const director = await session('director');
await director.goto(`${base}/plans/${next.id}`);
await director.waitForSelector('text=SWOT');
await director.getByRole('button', { name: /批\s*准/ }).click();
await director.locator('.ant-modal textarea').fill('同意，重点推进伺服替换');
await director.locator('.ant-modal .ant-btn-primary').click();
await director.waitForSelector('text=已生效');
await director.waitForTimeout(500);
await director.screenshot({ path: `${out}plan-approved-zh-CN.png` });
await browser.close();
