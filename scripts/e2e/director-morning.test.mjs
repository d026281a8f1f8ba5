// Browser journey of issue 9: the director's morning. Sign in → the key-account map → a churn alert
// among what needs attention today → the alert → the account → back on the map, assign a follow-up
// to the account's KAM → the task is on the KAM's list. Screenshots: docs/screenshots/map-zh-CN.png,
// map-en.png and journey-director-morning.png.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shot, startKamap } from './harness.mjs';

/** Waits until the whole map is drawn for its screenshot: step 5's figures, both charts, no placeholder left. */
async function mapDrawn(page) {
  await page.locator('[data-figure="kpi.red"]').waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    () => document.querySelectorAll('.ant-skeleton').length === 0 && document.querySelectorAll('canvas').length >= 2,
    null,
    { timeout: 30_000 },
  );
  await page.waitForLoadState('networkidle');
}

const kamap = startKamap({ name: 'director-morning', startWithinMs: 240_000 });
const { base } = kamap;

describe("the director's morning", () => {
  it('finds a churn alert on the map, opens the account and assigns a follow-up to its KAM', async () => {
    const context = await kamap.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      // the pages the server drew are taken over as they are, not drawn again
      if (m.type() === 'error' && /drawn anew|hydrat/i.test(m.text())) errors.push(m.text());
    });
    await kamap.signIn(page, 'director');
    // the home page is the map
    await page.waitForURL(`${base}/`);
    const attention = page.getByTestId('attention');
    await attention.waitFor({ timeout: 30_000 });
    await page.getByText('大客户营销管理图').waitFor();
    for (const step of ['大客户识别', '客户需求分析', '客户关系管理', '策略制定和实施', '绩效评估和改进'])
      await page.getByRole('heading', { name: step }).waitFor();
    // every step shows live figures that link to their records
    await page.locator('[data-figure="tier.strategic"]').waitFor();
    assert.match((await page.locator('[data-figure="tier.strategic"]').getAttribute('href')) ?? '', /tier=strategic/);
    await mapDrawn(page);
    await page.screenshot({ path: shot('map-zh-CN.png'), fullPage: true });

    // an account that needs attention because of a churn alert
    const item = attention.locator('li', { has: page.locator('a[href*="rule=churn_risk"]') }).first();
    await item.waitFor();
    const accountName = (await item.locator('a[href^="/accounts/"]').first().textContent())?.trim() ?? '';
    const accountId = (await item.locator('a[href^="/accounts/"]').first().getAttribute('href'))?.split('/').pop();
    assert.ok(accountName && accountId, 'the attention list names the account');
    await item.locator('a[href*="rule=churn_risk"]').first().click();
    await page.waitForURL(/\/alerts\?/);
    const alert = page.locator('.ant-list-item', { hasText: accountName }).first();
    await alert.waitFor();
    assert.ok(await alert.getByText('流失风险').first().isVisible(), 'the churn alert is listed');
    // the alert leads to the account
    await alert.getByRole('button', { name: '去处理' }).click();
    await page.waitForURL(new RegExp(`/accounts/${accountId}`));
    await page.getByText(accountName).first().waitFor();

    // opened from a link or a bookmark, the account's page comes drawn by the server, with the answers it
    // was drawn from: the browser shows it before any script has run and takes it over without asking again
    const served = await (await context.request.get(`${base}/accounts/${accountId}`)).text();
    assert.match(served, /data-testid="brief-headline"/, 'the server drew the account page');
    assert.ok(served.includes(accountName), 'with the account in it');
    await page.goto(`${base}/accounts/${accountId}`);
    await page.getByTestId('brief-headline').waitFor();
    await page.locator('html[data-interactive]').waitFor({ state: 'attached' });
    const reads = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/v1/'))
        .map((e) => new URL(e.name).pathname),
    );
    for (const path of [
      `/api/v1/accounts/${accountId}`,
      `/api/v1/accounts/${accountId}/value`,
      '/api/v1/analytics/config',
      `/api/v1/accounts/${accountId}/timeline`,
    ])
      assert.ok(!reads.includes(path), `${path} came with the page`);

    // back on the map: assign a follow-up to the KAM from the attention list
    await page.goto(`${base}/`);
    const again = page.getByTestId('attention').locator('li', { hasText: accountName });
    await again.waitFor({ timeout: 30_000 });
    // the map too comes drawn: its buttons answer once the app has taken it over
    await page.locator('html[data-interactive]').waitFor({ state: 'attached' });
    await again.getByRole('button', { name: '指派跟进' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const title = `周一前电话回访：${accountName}`;
    await dialog.getByLabel('任务').fill(title);
    await dialog.getByRole('button', { name: /^指\s*派$/ }).click();
    await page.getByText(/已指派给/).waitFor();

    // it landed: a follow-up task for the account's KAM, open, with the reasons as the suggested action
    const tasks = await context.request.get(
      `${base}/api/v1/tasks?accountId=${accountId}&kind=follow_up&active=true&limit=50`,
    );
    assert.equal(tasks.status(), 200);
    const found = (await tasks.json()).items.find((t) => t.title === title);
    assert.ok(found, 'the follow-up task exists');
    const account = await (await context.request.get(`${base}/api/v1/accounts/${accountId}`)).json();
    assert.equal(found.owner.id, account.owner.id, 'it belongs to the account’s KAM');
    assert.match(found.suggestedAction ?? '', /流失风险/);

    // the account's task list shows it
    await page.goto(`${base}/tasks?accountId=${accountId}&view=week`);
    await page.getByText(title).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: shot('journey-director-morning.png') });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('reads the same map in English', async () => {
    const context = await kamap.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en' });
    await context.addInitScript(() => localStorage.setItem('kamap.language', 'en'));
    const page = await context.newPage();
    await kamap.signIn(page, 'director');
    await page.getByText('Needs attention today').waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Evaluate & improve' }).waitFor();
    await mapDrawn(page);
    await page.screenshot({ path: shot('map-en.png'), fullPage: true });
    await context.close();
  });
});
