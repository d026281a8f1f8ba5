// The KAM's visit: a customer calls, the KAM looks the number up, opens the account on one page,
// logs the visit and closes the care task that was due; both land in the database. Also saves the
// account brief in Chinese and English and as printed (docs/screenshots/account-*.png).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shot, startKamap } from './harness.mjs';

const kamap = startKamap({ name: 'kam-visit', startWithinMs: 300_000 });
const { base, signIn } = kamap;

const api = async (page, path) => {
  const res = await page.request.get(`${base}/api/v1${path}`);
  assert.equal(res.status(), 200, `${path}: ${await res.text()}`);
  return res.json();
};

/** A care task of the KAM's that is due, at an account with a contact who has a phone number. */
async function dueCareTask(page) {
  const me = await api(page, '/auth/me');
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const tasks = await api(page, `/tasks?mine=true&kind=care&status=open&dueBy=${today}&limit=50`);
  for (const task of tasks.items) {
    if (task.owner.id !== me.id) continue;
    const contacts = await api(page, `/contacts?accountId=${task.accountId}&limit=50`);
    const caller = contacts.items.find((c) => c.phones.length > 0);
    if (caller) return { task, caller, phone: caller.phones[0].display };
  }
  throw new Error('the demo gives the KAM no due care task at an account with a phone number');
}

describe('the KAM’s visit', () => {
  it('caller lookup → account brief → log the visit → close the care task', async () => {
    const context = await kamap.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'kam');
    const { task, caller, phone } = await dueCareTask(page);

    // the phone rings: the number goes into the lookup box in the header
    const box = page.locator('header input').first();
    await box.fill(phone);
    await box.press('Enter');
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText(caller.name).first().waitFor({ timeout: 30_000 });
    await drawer.getByRole('link', { name: task.accountName }).first().click();
    await page.waitForURL(`${base}/accounts/${task.accountId}`);

    // the account on one page: the due care task is in its visit section
    const tasks = page.getByTestId('brief-tasks');
    await tasks.waitFor({ timeout: 30_000 });
    const row = tasks.locator(`[data-task-id="${task.id}"]`);
    await row.waitFor();

    // log the visit
    const subject = `拜访：${caller.name}，沟通明年采购计划`;
    await page.getByRole('button', { name: '记录拜访' }).click();
    const modal = page.locator('.ant-modal').filter({ has: page.locator('#interaction_subject') });
    await modal.locator('#interaction_subject').fill(subject);
    await modal.locator('#interaction_notes').fill('客户计划明年扩产，需求集中在伺服与PLC。');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await modal.waitFor({ state: 'hidden', timeout: 30_000 });

    // close the care task that was due
    await row.getByRole('button', { name: /完成/ }).first().click();
    await row.waitFor({ state: 'detached', timeout: 30_000 });

    // both landed
    const visits = await api(page, `/interactions?accountId=${task.accountId}&kind=visit&limit=5`);
    const visit = visits.items.find((i) => i.subject === subject);
    assert.ok(visit, 'the visit is recorded');
    const closed = await api(page, `/tasks/${task.id}`);
    assert.equal(closed.status, 'done');
    assert.ok(closed.doneAt, 'the task has its done time');

    // and the brief's recent activity shows the visit
    await page.getByText(subject).first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: shot('journey-kam-visit.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the account brief in Chinese, in English and printed', async () => {
    const context = await kamap.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'kam');
    // a strategic account of the KAM's: it has a plan and KPI targets, so every section has something to say
    const plans = await api(page, '/plans?limit=1');
    assert.ok(plans.items[0], 'the KAM has an account plan');
    const accountId = plans.items[0].accountId;

    const open = async () => {
      await page.goto(`${base}/accounts/${accountId}`);
      // the server draws the page; the app takes it over before it answers clicks
      await page.locator('html[data-interactive]').waitFor({ state: 'attached' });
      await page.getByTestId('brief-tasks').or(page.locator('.ant-card-head-title').first()).first().waitFor();
      // the charts come last: wait for the whitespace grid and the drawn radar
      const card = (title) =>
        page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: title }) });
      await card(/白区分析|Whitespace/).waitFor({ timeout: 60_000 });
      await card(/7P/).locator('canvas').first().waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(800);
    };
    await open();
    await page.screenshot({ path: shot('account-zh-CN.png'), fullPage: true });

    await page.evaluate(() => localStorage.setItem('kamap.language', 'en'));
    await open();
    const text = (await page.locator('main, .ant-layout-content').first().textContent()) ?? '';
    assert.match(text, /Relationship map/);
    assert.doesNotMatch(text, /拜访与关怀任务|关系图谱|重点未结需求/, 'no Chinese section titles in English');
    await page.screenshot({ path: shot('account-en.png'), fullPage: true });

    await page.evaluate(() => localStorage.setItem('kamap.language', 'zh-CN'));
    await open();
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.waitForTimeout(800);
    assert.equal(await page.locator('.ant-layout-sider').isVisible(), false, 'no navigation on paper');
    assert.equal(await page.locator('.kamap-brief-page .ant-btn:visible').count(), 0, 'no buttons on paper');
    await page.screenshot({ path: shot('account-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.ok(pdf.length > 10_000, 'the brief prints');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
