// Browser journey of the channel (step 4): the agent 苏州 registers prospects and is told why it cannot have
// them — a strategic account the company serves directly (the live check, before submitting), and a
// prospect another agent registered first (submitted and rejected) — who holds it, which rule, what happens
// next, without learning the other agent's or the KAM's name. Ends in
// docs/screenshots/journey-agent-registration.png.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shot, startKamap } from './harness.mjs';

const kamap = startKamap({ name: 'registration', startWithinMs: 240_000 });
const { base } = kamap;

const signIn = (username) => kamap.open(username);

const prospect = '合肥澜岳光电科技有限公司';

describe('the agent’s registration journey', () => {
  let strategic;
  let rivalName;

  it('another agent has registered the prospect first; the company serves a strategic account directly', async () => {
    const director = await signIn('director');
    const results = await (
      await director.request.get(`${base}/api/v1/analytics/results?tier=strategic&limit=1`)
    ).json();
    strategic = results.items[0];
    assert.ok(strategic?.ownerName, 'the demo has a strategic account with a KAM');
    await director.context().close();

    const agent2 = await signIn('agent2');
    const me = await (await agent2.request.get(`${base}/api/v1/auth/me`)).json();
    const agency = await (await agent2.request.get(`${base}/api/v1/agents/${me.agentId}`)).json();
    rivalName = agency.name;
    const res = await agent2.request.post(`${base}/api/v1/registrations`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { companyName: prospect, province: '安徽', city: '合肥', productLine: 'HMI', expectedValue: 36_000_000 },
    });
    assert.equal(res.status(), 201);
    const claim = await res.json();
    // on a fresh demo the claim is clear; on a server where this journey ran before, the first one still holds
    if (claim.status !== 'approved') {
      const mine = await (await agent2.request.get(`${base}/api/v1/registrations?status=approved&limit=500`)).json();
      assert.ok(mine.items.some((r) => r.companyName === prospect));
    }
    await agent2.context().close();
  });

  it('the agent sees the conflicts explained: who holds it, why, and what happens next', async () => {
    const page = await signIn('agent');
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.getByRole('menuitem', { name: '客户报备' }).click();
    const form = page.locator('.ant-card', { hasText: '报备内容' });
    const check = page.locator('.ant-card', { hasText: '冲突检查' });

    // 1. a strategic account under a shortened name: the live check refuses it before anything is sent
    const shortName = strategic.name.replace(/(股份)?有限(责任)?公司$/, '');
    await form.getByLabel('客户名称').fill(shortName);
    const verdict = check.locator('.kamap-verdict');
    await verdict.getByText(`「${strategic.name}」是公司直营的战略客户`).waitFor({ timeout: 30_000 });
    await check.getByText('将被拒绝').first().waitFor();
    await verdict.getByText(/代理商不能报备此客户/).waitFor();
    assert.ok(!(await check.textContent()).includes(strategic.ownerName), 'the KAM’s name stays with the company');
    await page.screenshot({ path: shot('journey-agent-registration-check.png') });

    // 2. the prospect another agent registered first, under a variant of its name: submitted and rejected
    await form.getByLabel('客户名称').fill('澜岳光电（合肥）');
    await form.getByLabel(/^联系人/).fill('韩立军');
    await form.getByLabel(/^预计金额/).fill('320000');
    const line = form.getByLabel('产品线');
    await line.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'HMI' }).click();
    await verdict
      .getByText(/先报备者优先|有效期至/)
      .first()
      .waitFor({ timeout: 30_000 });
    await form.getByRole('button', { name: '提交报备' }).click();

    const saved = check.locator('.ant-alert', { hasText: '已提交' });
    await saved.waitFor({ timeout: 30_000 });
    await saved.getByText('已拒绝').waitFor();
    const text = await saved.textContent();
    assert.match(
      text,
      new RegExp(`其他代理商已于 \\d{4}-\\d{2}-\\d{2} 报备「${prospect}」并获批准，有效期至 \\d{4}-\\d{2}-\\d{2}`),
    );
    assert.match(text, /先报备优先/, 'the rule that decided is named');
    assert.match(text, /对方的报备有效至 \d{4}-\d{2}-\d{2}.*可以重新报备/, 'what the agent may do next');
    assert.ok(!text.includes(rivalName), 'the other agent stays anonymous');
    await page.screenshot({ path: shot('journey-agent-registration.png') });

    // the decision is also among the agent's notices, worded for the agent
    await page.goto(`${base}/channels/portal`);
    const notices = page.locator('.ant-card', { hasText: '报备通知' });
    await notices
      .getByText(/澜岳光电（合肥）.*被规则拒绝/)
      .first()
      .waitFor({ timeout: 30_000 });
    assert.ok(!(await notices.textContent()).includes(rivalName));
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
