// Browser smoke test: a built kamap with demo data in a fresh data directory, driven by the system
// Chromium. Signs in, opens the accounts list, an account, a contact, uses caller lookup, switches
// language, follows a director from the key-account pyramid to one strategic account's value,
// checks the director's alert inbox on the demo, and moves a person on a relationship map by drag
// and drop; saves screenshots under docs/screenshots/.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shot, startKamap } from './harness.mjs';

const kamap = startKamap({ name: 'smoke', startWithinMs: 180_000 });
const { base, signIn } = kamap;

describe('kamap in the browser', () => {
  it('a KAM signs in, finds an account, opens it and a contact, and looks up a caller', async () => {
    const context = await kamap.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'kam');

    await page.goto(`${base}/accounts`);
    const firstRow = page.locator('.ant-table-row').first();
    await firstRow.waitFor({ timeout: 30_000 });
    assert.ok((await page.locator('.ant-table-row').count()) > 5, 'the KAM sees a portfolio');
    await page.screenshot({ path: shot('e2e-accounts-zh-CN.png') });

    await firstRow.click();
    await page.waitForURL(/\/accounts\/[0-9a-f-]{36}/);
    await page.locator('.ant-tabs').first().waitFor();
    await page.screenshot({ path: shot('e2e-account-zh-CN.png') });

    const res = await page.request.get(`${base}/api/v1/contacts?limit=1`);
    const contact = (await res.json()).items[0];
    assert.ok(contact, 'the KAM has contacts');
    await page.goto(`${base}/contacts/${contact.id}`);
    await page.getByText(contact.name).first().waitFor();
    await page.screenshot({ path: shot('e2e-contact-zh-CN.png') });

    const phone = contact.phones[0]?.display;
    assert.ok(phone, 'the contact has a phone');
    const box = page.locator('header input').first();
    await box.fill(phone);
    await box.press('Enter');
    await page.locator('.ant-drawer .ant-card').first().waitFor({ timeout: 30_000 });
    await page.locator('.ant-drawer').getByText(contact.name).first().waitFor();
    await page.screenshot({ path: shot('e2e-lookup-zh-CN.png') });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the English switch translates the interface', async () => {
    const context = await kamap.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signIn(page, 'director');
    await page.evaluate(() => localStorage.setItem('kamap.language', 'en'));
    await page.goto(`${base}/accounts`);
    await page.locator('.ant-table-row').first().waitFor({ timeout: 30_000 });
    const text = (await page.locator('body').textContent()) ?? '';
    assert.match(text, /Accounts/);
    await page.screenshot({ path: shot('e2e-accounts-en.png') });
    await context.close();
  });

  it('a director drills from the tier pyramid to a strategic account and sees why it is strategic', async () => {
    const context = await kamap.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'director');

    // a fresh demo may not have been analysed yet: run the analysis once (synchronous, a few seconds)
    const portfolio = await (await page.request.get(`${base}/api/v1/analytics/portfolio`)).json();
    if (!portfolio.run) {
      const me = await (await page.request.get(`${base}/api/v1/auth/me`)).json();
      const run = await page.request.post(`${base}/api/v1/analytics/runs`, {
        headers: { 'x-csrf-token': me.csrfToken },
        data: {},
        timeout: 180_000,
      });
      assert.equal(run.status(), 201, await run.text());
    }

    await page.goto(`${base}/identification`);
    const pyramid = page.locator('.ant-card', { hasText: '客户分级金字塔' });
    await pyramid.getByRole('button', { name: /战略客户/ }).click({ timeout: 30_000 });
    await page.waitForURL((url) => url.searchParams.get('tier') === 'strategic');
    // rows that link to accounts: the result list's, not the overview's ABC table still on screen for a moment
    const results = page.locator('.ant-table-row', { has: page.locator('a[href*="/accounts/"]') });
    const firstRow = results.first();
    await firstRow.waitFor({ timeout: 30_000 });
    const rows = await results.count();
    const tags = await results.locator('.ant-tag').allTextContents();
    assert.ok(rows > 0);
    assert.equal(tags.filter((tag) => tag.startsWith('战略客户')).length, rows, 'every account listed is strategic');
    await page.screenshot({ path: shot('e2e-identification-strategic-zh-CN.png') });

    await firstRow.locator('a').first().click();
    await page.waitForURL(/\/accounts\/[0-9a-f-]{36}/);
    await page.getByRole('tab', { name: '价值分析' }).click();
    await page.locator('.ant-card', { hasText: '评分构成' }).locator('canvas').first().waitFor({ timeout: 30_000 });
    await page.getByText('流失风险').first().waitFor();
    // let the charts finish their entry animation before the picture
    await page.waitForTimeout(1000);
    await page.screenshot({ path: shot('e2e-account-value-zh-CN.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the director’s demo inbox is a readable list of explained alerts, one of them an escalated SLA breach', async () => {
    const context = await kamap.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, 'director');
    const inbox = await (await page.request.get(`${base}/api/v1/alerts?active=true&limit=200`)).json();
    assert.ok(inbox.total >= 10 && inbox.total < 100, `tens of alerts, not hundreds: ${inbox.total}`);
    const kinds = new Set(inbox.items.map((a) => a.rule));
    assert.ok(kinds.size >= 4, `at least four kinds: ${[...kinds].join(', ')}`);
    for (const a of inbox.items) {
      assert.ok(a.reason.length > 0 && Object.keys(a.data).length > 0 && a.link.startsWith('/'), a.id);
    }
    // most severe first
    const order = inbox.items.map((a) => (a.severity === 'critical' ? 0 : 1));
    assert.deepEqual(
      order,
      [...order].sort((x, y) => x - y),
    );
    const sla = inbox.items.find((a) => a.rule === 'sla_breached' && a.data.items.some((c) => c.escalated));
    assert.ok(sla, 'an SLA-breached complaint that was escalated');
    const complaint = await (await page.request.get(`${base}/api/v1${sla.link}`)).json();
    assert.ok(complaint.escalatedAt, 'the linked complaint was escalated');
    await page.goto(`${base}/alerts`);
    await page.locator('.ant-list-item, .ant-table-row').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: shot('e2e-alerts-inbox-zh-CN.png') });
    await context.close();
  });

  it('a KAM moves a person on the relationship map by drag and drop; a stale version is refused and said so', async () => {
    const context = await kamap.browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'kam');
    const api = async (path) => (await page.request.get(`${base}/api/v1${path}`)).json();
    const { csrfToken } = await api('/auth/me');
    // an account of the KAM's with at least four people on its map
    const { items: accounts } = await api('/accounts?limit=50');
    let map;
    for (const a of accounts) {
      const m = await api(`/accounts/${a.id}/relationship-map`);
      if (m.people.length >= 4) {
        map = m;
        break;
      }
    }
    assert.ok(map, 'the KAM has an account with a relationship map');
    const leaves = map.people.filter((p) => !map.people.some((q) => q.reportsToId === p.id));
    const mover = leaves[0];
    const target = map.people.find((p) => p.id !== mover.id && p.id !== mover.reportsToId);
    assert.ok(mover && target);

    const card = (id) => page.locator(`.react-flow__node[data-id="${id}"]`);
    async function drag(from, to) {
      await card(from).scrollIntoViewIfNeeded();
      const a = await card(from).boundingBox();
      const b = await card(to).boundingBox();
      await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
      await page.mouse.down();
      await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 10, { steps: 3 });
      await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 15 });
      await page.mouse.up();
      // the dialog names the two people: the drop landed on the card aimed at
      const people = map.people;
      const named = (id) => people.find((p) => p.id === id).name;
      const dialog = page.locator('.ant-modal-confirm');
      await dialog.waitFor({ timeout: 15_000 });
      const text = await dialog.locator('.ant-modal-confirm-content').textContent();
      assert.ok(
        text.includes(named(from)) && text.includes(named(to)),
        `the dialog asks about the right move: ${text}`,
      );
      await dialog.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    }

    await page.goto(`${base}/accounts/${map.accountId}?tab=relationships`);
    await page.locator('html[data-interactive]').waitFor({ state: 'attached' });
    await card(mover.id).waitFor({ timeout: 30_000 });
    // the chart's code arrives with the tab, then it fits the view: drag once the cards stand still
    await page.waitForFunction(
      (id) =>
        new Promise((resolve) => {
          const at = () => document.querySelector(`.react-flow__node[data-id="${id}"]`)?.getBoundingClientRect().x;
          const first = at();
          setTimeout(() => resolve(first !== undefined && at() === first), 300);
        }),
      mover.id,
      { timeout: 15_000 },
    );
    await drag(mover.id, target.id);
    const notice = page.locator('.ant-message-notice').first();
    await notice.waitFor({ timeout: 15_000 });
    assert.equal((await notice.textContent())?.trim(), `${mover.name} 现在向 ${target.name} 汇报`);
    const moved = await api(`/contacts/${mover.id}`);
    assert.equal(moved.reportsToId, target.id, 'the new manager was saved');
    await page.waitForTimeout(1000);
    await page.screenshot({ path: shot('e2e-relationship-map-zh-CN.png') });

    // someone else changes another person meanwhile: the page still holds the old version
    const other = leaves.find((p) => p.id !== mover.id && p.id !== target.id);
    const otherTarget = map.people.find((p) => p.id !== other.id && p.id !== other.reportsToId);
    const current = await api(`/contacts/${other.id}`);
    const bumped = await page.request.patch(`${base}/api/v1/contacts/${other.id}`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { version: current.version, reportsToId: current.reportsToId },
    });
    assert.equal(bumped.status(), 200, await bumped.text());
    await drag(other.id, otherTarget.id);
    await page.getByText('该联系人刚被他人修改').waitFor({ timeout: 15_000 });
    assert.equal((await api(`/contacts/${other.id}`)).reportsToId, current.reportsToId, 'nothing was changed');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('an agent never sees a personal dossier', async () => {
    const context = await kamap.browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'agent');
    const res = await page.request.get(`${base}/api/v1/contacts?limit=5`);
    const { items } = await res.json();
    for (const c of items) {
      const detail = await (await page.request.get(`${base}/api/v1/contacts/${c.id}`)).json();
      assert.equal(detail.dossierAccess, 'none');
      assert.equal(detail.dossier, null);
    }
    await context.close();
  });
});
