// Screenshots of channels and pricing against a running demo server: node scripts/e2e/channels-screens.mjs http://127.0.0.1:3104
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:3104';
const shots = new URL('../../docs/screenshots/', import.meta.url);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
});

async function session(username, language = 'zh-CN', height = 1000) {
  const context = await browser.newContext({ viewport: { width: 1440, height } });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.evaluate((l) => localStorage.setItem('kamap.language', l), language);
  await page.goto(`${base}/login`);
  await page.locator('input').first().fill(username);
  await page.locator('input[type="password"]').fill('kamap-demo');
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 30_000 });
  return { page, context };
}

const shot = (page, name) => page.screenshot({ path: new URL(name, shots).pathname, fullPage: true });
const settle = (page) => page.waitForLoadState('networkidle').then(() => page.waitForTimeout(600));

const only = process.argv[3];
const want = (name) => !only || name.startsWith(only);

for (const language of ['zh-CN', 'en']) {
  const { page, context } = await session('agent', language, 1650);
  if (want('channel-portal')) {
    await page.goto(`${base}/channels/portal`);
    await settle(page);
    await page
      .locator('.ant-table-row-expand-icon')
      .nth(1)
      .click()
      .catch(() => {});
    await settle(page);
    await page.screenshot({ path: new URL(`channel-portal-${language}.png`, shots).pathname });
  }
  if (want('registration')) {
    await page.goto(`${base}/channels/register`);
    await settle(page);
    const strategic = process.env.STRATEGIC_NAME ?? '上海东锐控股集团';
    await page.getByLabel(language === 'en' ? 'Company name' : '客户名称').fill(strategic);
    await page.waitForTimeout(1500);
    await settle(page);
    await shot(page, `registration-blocked-${language}.png`);
    if (language === 'zh-CN') {
      await page.getByLabel('客户名称').fill('苏州新锐光电科技有限公司');
      await page.waitForTimeout(1500);
      await settle(page);
      await shot(page, `registration-clear-${language}.png`);
    }
  }
  await context.close();
}

for (const language of ['zh-CN', 'en']) {
  const { page, context } = await session('director', language);
  if (want('channel-queue')) {
    await page.goto(`${base}/channels/queue`);
    await settle(page);
    await shot(page, `channel-queue-${language}.png`);
  }
  if (want('channel-decide') && language === 'zh-CN') {
    // the channel manager settles the first queued conflict: a split with its reason
    await page.goto(`${base}/channels/queue`);
    await settle(page);
    await page.getByText('分成', { exact: true }).click();
    await page.getByLabel('理由').fill('代理商先接触客户，客户经理负责集团关系；本项目按 60/40 分成');
    await page.getByLabel('报备方分成比例').fill('60');
    await page.getByRole('button', { name: '记录裁决' }).click();
    await page.waitForTimeout(1200);
    await page.getByText('已裁决', { exact: true }).click();
    await settle(page);
    await shot(page, `channel-queue-decided-${language}.png`);
  }
  if (want('channel-agents') && language === 'zh-CN') {
    await page.goto(`${base}/channels/agents`);
    await settle(page);
    await shot(page, `channel-agents-${language}.png`);
  }
  if (want('discount-report')) {
    await page.goto(`${base}/pricing/discount-report`);
    await settle(page);
    await shot(page, `discount-report-${language}.png`);
  }
  if (want('discount-inbox')) {
    await page.goto(`${base}/pricing/discounts`);
    await settle(page);
    await shot(page, `discount-inbox-${language}.png`);
    await page.locator('.ant-table-row').first().click();
    await page.waitForTimeout(800);
    await page
      .locator('.ant-drawer-content-wrapper, .ant-drawer-section')
      .first()
      .screenshot({ path: new URL(`discount-approval-${language}.png`, shots).pathname });
  }
  if (want('discount-prices') && language === 'zh-CN') {
    await page.goto(`${base}/pricing/price-lists`);
    await settle(page);
    await shot(page, `discount-price-lists-${language}.png`);
  }
  await context.close();
}

{
  const { page, context } = await session('kam');
  if (want('discount-request')) {
    await page.goto(`${base}/pricing/discounts/new`);
    await settle(page);
    await page.locator('.ant-select').first().click();
    await page.keyboard.type(process.env.KAM_ACCOUNT ?? '上海东锐控股集团');
    await page.waitForTimeout(1200);
    await page.keyboard.press('Enter');
    await page.locator('.ant-select').nth(1).click();
    await page.waitForTimeout(800);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1000);
    const hint = await page
      .locator('.ant-form-item-extra')
      .first()
      .textContent()
      .catch(() => null);
    const price = Number((hint ?? '').replace(/[^0-9.]/g, '')) || 1000;
    await page.getByLabel('申请单价（元）').fill(String(Math.round(price * 0.9)));
    await page.getByLabel('申请理由').fill('客户有流失风险，竞品报价低 10%');
    await page.waitForTimeout(1500);
    await settle(page);
    await shot(page, 'discount-request-zh-CN.png');
  }
  await context.close();
}

await browser.close();
