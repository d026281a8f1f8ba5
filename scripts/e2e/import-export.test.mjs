// Browser journey for import and export: a built kamap with demo data (a fresh data directory, or the
// server at KAMAP_E2E_BASE), the system Chromium. A director imports an order-lines CSV saved by
// Chinese Excel (GB18030, merged-title-like first row, ¥ and 万 amounts) through the wizard — dry run
// with an error, skip, commit — and sees it in the history; exports the customer list; a KAM asks to
// export contacts and the director approves it. Screenshots under docs/screenshots/.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { shot, startKamap } from './harness.mjs';

const kamap = startKamap({ name: 'import', startWithinMs: 300_000 });
const { base, signIn } = kamap;

async function accountCodes(page) {
  const res = await page.request.get(`${base}/api/v1/accounts?limit=2`);
  return (await res.json()).items.map((a) => a.code);
}

describe('import and export in the browser', () => {
  it('a director imports order lines through the wizard and exports the customer list', async () => {
    const context = await kamap.browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'director');
    const [a, b] = await accountCodes(page);
    const product = (await (await page.request.get(`${base}/api/v1/products?limit=1`)).json()).items[0].code;
    const csv = [
      '2026年11月 华东订单导出（ERP）',
      '订单号,订单日期,客户编号,产品编号,数量,单价,金额,利润',
      `E2E-0001,2026/11/3,${a},${product},2,"¥1,200.00","¥2,400.00",800`,
      `E2E-0001,2026年11月3日,${a},${product},1,1200,1200,400`,
      `E2E-0002,46330,${b},${product},10,"1,000",1万,3000`,
      `E2E-0003,2026/13/40,${b},${product},1,1000,1000,300`,
    ].join('\r\n');
    const file = join(kamap.dataDir, '华东订单.csv');
    writeFileSync(file, iconv.encode(csv, 'gb18030'));

    await page.goto(`${base}/imports`);
    await page.getByText('订单明细').first().click();
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByText('GB18030 / GBK').waitFor({ timeout: 30_000 });
    await page.locator('.ant-table-row').first().waitFor();
    await page.screenshot({ path: shot('import-sheet-zh-CN.png') });
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('导入到字段').waitFor();
    await page.screenshot({ path: shot('import-mapping-zh-CN.png') });
    await page.getByText('跳过出错的行').click();
    await page.getByRole('button', { name: /试运行/ }).click();
    await page.getByText('试运行完成').waitFor({ timeout: 60_000 });
    await page.getByText('not a calendar date').first().waitFor();
    await page.screenshot({ path: shot('import-dry-run-zh-CN.png') });
    await page.getByRole('button', { name: '正式导入' }).click();
    await page.getByText('导入完成').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: shot('import-committed-zh-CN.png') });
    await page.getByRole('tab', { name: '导入历史' }).click();
    await page.getByText('华东订单.csv').first().waitFor();
    await page.waitForTimeout(600);
    await page.screenshot({ path: shot('import-history-zh-CN.png') });

    await page.goto(`${base}/accounts?lifecycle=active`);
    await page.locator('.ant-table-row').first().waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: /导出/ }).hover();
    await page.getByText('CSV（Excel 可直接打开）').waitFor();
    await page.screenshot({ path: shot('export-accounts-zh-CN.png') });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByText('CSV（Excel 可直接打开）').click(),
    ]);
    const text = await (await download.createReadStream()).toArray();
    const body = Buffer.concat(text).toString('utf8');
    assert.ok(body.startsWith('\uFEFF客户编号,客户名称'), 'CSV with BOM and the import headers');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a KAM asks to export contacts, the director approves, the KAM downloads once (English)', async () => {
    const admin = await kamap.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const adminPage = await admin.newPage();
    await signIn(adminPage, 'admin');
    const me = await (await adminPage.request.get(`${base}/api/v1/auth/me`)).json();
    const set = await adminPage.request.put(`${base}/api/v1/exports/settings`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { personalDataNeedsApproval: true },
    });
    assert.equal(set.status(), 200);
    await admin.close();

    const kamContext = await kamap.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const kam = await kamContext.newPage();
    await signIn(kam, 'kam');
    await kam.evaluate(() => localStorage.setItem('kamap.language', 'en'));
    await kam.goto(`${base}/contacts`);
    await kam.locator('.ant-table-row').first().waitFor({ timeout: 30_000 });
    await kam.getByRole('button', { name: /Request export/ }).hover();
    await kam.getByText('Excel workbook (.xlsx)').click();
    await kam.locator('.ant-modal textarea').fill('Visit plan for Q1');
    await kam.mouse.move(700, 600);
    await kam.waitForTimeout(400);
    await kam.screenshot({ path: shot('export-request-en.png') });
    await kam.getByRole('button', { name: 'Send request' }).click();
    await kam.waitForURL(/export-requests/);
    await kam.getByText('Pending').first().waitFor();

    const directorContext = await kamap.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const director = await directorContext.newPage();
    await signIn(director, 'director');
    await director.goto(`${base}/export-requests`);
    await director.getByText('待审批').first().waitFor({ timeout: 30_000 });
    await director.waitForTimeout(300);
    await director.screenshot({ path: shot('export-approvals-zh-CN.png') });
    await director
      .getByRole('button', { name: /批\s*准/ })
      .first()
      .click();
    await director.getByText('已批准').first().waitFor();
    await directorContext.close();

    await kam.reload();
    await kam.getByRole('link', { name: 'Download' }).first().waitFor({ timeout: 30_000 });
    await kam.screenshot({ path: shot('export-approved-en.png') });
    await kamContext.close();
  });
});
