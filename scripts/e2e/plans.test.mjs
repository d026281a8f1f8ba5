// Browser journey of step 4: a KAM opens the overdue plan actions, goes to the plan, adjusts it with a
// reason from the UI alone, and reads the new revision's diff; a director approves next year's strategic
// plan. Screenshots under docs/screenshots/plan-*.png.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shot, startKamap } from './harness.mjs';

const kamap = startKamap({ name: 'plans', startWithinMs: 240_000 });
const { base } = kamap;

const signIn = (username) => kamap.open(username);

describe('account plans in the browser', () => {
  let planId;

  it('a KAM sees the overdue plan actions and adjusts the plan with a reason', async () => {
    const page = await signIn('kam');
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.getByRole('menuitem', { name: '客户计划' }).click();
    await page.locator('.ant-table-row').first().waitFor({ timeout: 30_000 });
    assert.ok((await page.locator('.ant-table-row').count()) > 0, 'the KAM has overdue actions');
    await page.screenshot({ path: shot('plan-overdue-zh-CN.png') });

    await page.locator('.ant-table-row td').first().click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}/);
    planId = page.url().split('/').pop();
    await page.getByText('SWOT 分析').waitFor();
    await page.getByText(/项行动已逾期/).waitFor();
    const before =
      (await page
        .locator('.ant-tag', { hasText: /^第 \d+ 版$/ })
        .first()
        .textContent()) ?? '';
    const revision = Number(before.replace(/\D/g, ''));

    await page.getByRole('button', { name: /策略调整/ }).click();
    const modal = page.locator('.ant-modal');
    await modal.waitFor();
    // the reason picker: open it, pick, and check the pick took (a click during the dropdown's opening
    // animation can miss on a busy machine)
    const reason = modal.locator('.ant-select').first();
    // the modal's own opening animation moves the select: wait until it stands still
    await page.waitForFunction(
      () => !document.querySelector('.ant-modal[class*="-appear"], .ant-modal[class*="-enter"]'),
    );
    for (let attempt = 0; attempt < 5; attempt++) {
      await reason.click();
      const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '竞争态势' });
      // a dropdown that closes under the pointer is opened again on the next attempt
      const picked = await option
        .click({ timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (picked && (await reason.locator('[title="竞争态势"]').count()) > 0) break;
    }
    await reason.locator('[title="竞争态势"]').waitFor({ timeout: 5_000 });
    await modal.locator('input[placeholder^="说明"]').fill('竞品伺服报价下调 15%，价格策略提前');
    await modal.locator('textarea').nth(1).fill('框架协议锁定年度价格；对伺服、变频两类给予限时项目价，不打价格战');
    await modal.locator('.ant-table-row').last().locator('button').last().click();
    await page.screenshot({ path: shot('plan-adjust-zh-CN.png') });
    await page.getByRole('button', { name: '保存调整' }).click();
    await modal.waitFor({ state: 'detached' });
    await page.getByText(`第 ${revision + 1} 版 · 竞争态势`).waitFor();

    const versions = page.locator('.ant-card', { hasText: '版本与调整记录' });
    await versions.getByText('竞品伺服报价下调 15%，价格策略提前').waitFor();
    await versions.locator('.ant-table-row').first().waitFor();
    const changes = await versions.locator('.ant-table-row').allTextContents();
    assert.ok(
      changes.some((c) => c.includes('删除')),
      'the removed action is in the diff',
    );
    assert.ok(
      changes.some((c) => c.includes('价格') && c.includes('修改')),
      'the price strategy change is in the diff',
    );
    await versions.scrollIntoViewIfNeeded();
    await versions.screenshot({ path: shot('plan-diff-zh-CN.png') });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: shot('plan-print-zh-CN.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('a director approves next year’s strategic plan', async () => {
    const kam = await signIn('kam');
    const me = await (await kam.request.get(`${base}/api/v1/auth/me`)).json();
    const headers = { 'x-csrf-token': me.csrfToken };
    const plan = await (await kam.request.get(`${base}/api/v1/plans/${planId}`)).json();
    const next = await (
      await kam.request.post(`${base}/api/v1/accounts/${plan.accountId}/plans`, {
        headers,
        data: { year: plan.year + 1 },
      })
    ).json();
    const submitted = await kam.request.post(`${base}/api/v1/plans/${next.id}/submit`, {
      headers,
      data: { version: next.version },
    });
    assert.equal((await submitted.json()).status, 'submitted');
    await kam.context().close();

    const page = await signIn('director');
    await page.goto(`${base}/plans/${next.id}`);
    await page.getByText('计划已提交，等待所属组织总监审批').waitFor();
    await page.getByRole('button', { name: /批\s*准/ }).click();
    await page.locator('.ant-modal textarea').fill('同意，重点推进伺服替换');
    await page.locator('.ant-modal .ant-btn-primary').click();
    await page.getByText(/周建华 于 .* 批准/).waitFor();
    await page.screenshot({ path: shot('plan-approved-zh-CN.png') });
    await page.context().close();
  });
});
