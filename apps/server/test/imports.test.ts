import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withCreditCheck } from '@kamap/contracts';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { suggestMapping } from '../src/modules/imports/fields.js';
import { undoBatch } from '../src/modules/imports/imports.service.js';
import { runImport } from '../src/modules/imports/run-import.js';
import { principalById } from '../src/modules/users/index.js';
import { rows, sql } from '../src/platform/db/index.js';
import { as, type Fixture, login, seedFixture, testDatabase } from './helpers.js';

let database: Awaited<ReturnType<typeof testDatabase>>;
let fx: Fixture;
let app: FastifyInstance;
const dir = mkdtempSync(join(tmpdir(), 'kamap-import-test-'));

beforeAll(async () => {
  database = await testDatabase();
  fx = await seedFixture(database);
  app = await buildApp({ database, demoMode: false, logLevel: 'silent' });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

const principal = async (name: keyof Fixture['users']) => ({
  ...(await principalById(database.db, fx.users[name].id))!,
  tokenScopes: null,
});

/** Everything an import can write, as one comparable snapshot. */
async function snapshot() {
  return rows<{ t: string; n: number; s: string }>(
    database.db,
    sql`select 'accounts' t, count(*)::int n, coalesce(sum(length(name)), 0)::text s from accounts
        union all select 'orders', count(*)::int, coalesce(sum(amount), 0)::text from orders
        union all select 'lines', count(*)::int, coalesce(sum(amount), 0)::text from order_lines
        union all select 'products', count(*)::int, '' from products
        union all select 'contacts', count(*)::int, '' from contacts
        union all select 'monthly', count(*)::int, coalesce(sum(revenue), 0)::text from account_monthly
        union all select 'batches', count(*)::int, '' from import_batches where status = 'committed'`,
  );
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const mappingFor = (kind: Parameters<typeof suggestMapping>[0], header: string) =>
  suggestMapping(
    kind,
    header.split(',').map((h) => h),
  );

describe('import of order lines', () => {
  const header = '订单号,订单日期,客户编号,客户名称,产品编号,产品名称,数量,单价,金额,利润';
  const lines = [
    'SO-1001,2024/1/5,G001,上海精工机械集团有限公司,PLC-100,KM-100 小型PLC,2,"¥3,800.00","¥7,600.00",3400',
    'SO-1001,2024年1月5日,G001,上海精工机械集团有限公司,PLC-100,KM-100 小型PLC,1,3800,3800,1700',
    'SO-1002,45296,N900,新客户制造有限公司,NEW-1,新产品,10,"1,000.00",1.2万,2000',
  ];

  it('reads a GB18030 CSV with Chinese headers, creates the new customer and product, numbers lines and refreshes rollups', async () => {
    const path = file('lines-gbk.csv', iconv.encode([header, ...lines].join('\r\n'), 'gb18030'));
    const admin = await principal('admin');
    const opts = {
      path,
      fileName: 'lines-gbk.csv',
      format: 'csv' as const,
      kind: 'orders' as const,
      headerRow: 1,
      mapping: mappingFor('orders', header),
      onError: 'abort' as const,
    };
    const before = await snapshot();
    const dry = await runImport(database, admin, { ...opts, dryRun: true });
    expect(dry.status).toBe('dry_run');
    expect(dry.errorCount).toBe(0);
    expect(dry.counts).toMatchObject({ linesCreated: 3, ordersCreated: 2, accountsCreated: 1, productsCreated: 1 });
    expect(await snapshot()).toEqual(before);

    const done = await runImport(database, admin, { ...opts, dryRun: false });
    expect(done.status).toBe('committed');
    const got = await rows<{ order_no: string; line_no: number; amount: number; cost: number; order_date: string }>(
      database.db,
      sql`select o.order_no, l.line_no, l.amount::int, l.cost::int, l.order_date::text from order_lines l join orders o on o.id = l.order_id
           where o.order_no like 'SO-10%' order by 1, 2`,
    );
    expect(got).toEqual([
      { order_no: 'SO-1001', line_no: 1, amount: 760000, cost: 420000, order_date: '2024-01-05' },
      { order_no: 'SO-1001', line_no: 2, amount: 380000, cost: 210000, order_date: '2024-01-05' },
      { order_no: 'SO-1002', line_no: 1, amount: 1200000, cost: 1000000, order_date: '2024-01-05' },
    ]);
    const [monthly] = await rows<{ revenue: number }>(
      database.db,
      sql`select sum(revenue)::bigint as revenue from account_monthly m join accounts a on a.id = m.account_id
           where a.code in ('G001', 'N900') and month = '2024-01-01'`,
    );
    expect(Number(monthly!.revenue)).toBe(760000 + 380000 + 1200000);

    // the same file again changes nothing
    const again = await runImport(database, admin, { ...opts, dryRun: false });
    expect(again.counts).toMatchObject({
      linesCreated: 0,
      linesUpdated: 0,
      linesUnchanged: 3,
      ordersCreated: 0,
      ordersUpdated: 0,
    });
    const [count] = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int n from order_lines l join orders o on o.id = l.order_id where o.order_no like 'SO-10%'`,
    );
    expect(count!.n).toBe(3);

    // undo of the second (a no-op) then the first batch removes what the first created
    await undoBatch(database, admin, again.batchId!);
    await undoBatch(database, admin, done.batchId!);
    const after = await snapshot();
    expect(after.filter((r) => r.t !== 'batches')).toEqual(before.filter((r) => r.t !== 'batches'));
  });

  it('a KAM imports only into its scope; the failed import leaves the store unchanged and is in the history', async () => {
    const kam = await principal('kam');
    const path = file(
      'lines-scope.csv',
      `\uFEFF${header}\nSO-2001,2024-02-01,G001,,PLC-100,,1,3800,3800,1700\nSO-2002,2024-02-01,B001,,PLC-100,,1,3800,3800,1700\n`,
    );
    const before = await snapshot();
    const result = await runImport(database, kam, {
      path,
      fileName: 'lines-scope.csv',
      format: 'csv',
      kind: 'orders',
      headerRow: 1,
      mapping: mappingFor('orders', header),
      dryRun: false,
      onError: 'abort',
    });
    expect(result.status).toBe('failed');
    expect(result.errors).toEqual([
      { row: 3, column: 'account_code', value: 'B001', reason: '客户不在您的权限范围内 / customer outside your scope' },
    ]);
    expect(await snapshot()).toEqual(before);
    const [failed] = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int n from import_batches where status = 'failed'`,
    );
    expect(failed!.n).toBe(1);

    const skipped = await runImport(database, kam, {
      path,
      fileName: 'lines-scope.csv',
      format: 'csv',
      kind: 'orders',
      headerRow: 1,
      mapping: mappingFor('orders', header),
      dryRun: false,
      onError: 'skip',
    });
    expect(skipped.status).toBe('committed');
    expect(skipped.counts).toMatchObject({ linesCreated: 1, ordersCreated: 1 });
    await undoBatch(database, kam, skipped.batchId!);
  });
});

describe('import of accounts', () => {
  it('reads a workbook with a merged title row, Excel dates, 万 amounts, numbers as text; reports a duplicate and a bad credit code', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('客户清单');
    sheet.addRow(['2024 年客户清单（华东）']);
    sheet.mergeCells('A1:F1');
    sheet.addRow(['客户编号', '客户名称', '统一社会信用代码', '年营业额', '员工人数', '首次接触日期']);
    const good = withCreditCheck('91310000MA1K00001');
    const bad = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    sheet.addRow(['C100', '上海新辰自动化有限公司', good, '12.5万', '320', new Date(Date.UTC(2024, 0, 5))]);
    sheet.addRow(['C101', '杭州明远电气有限公司', bad, '¥3,000,000', 80, 45296]);
    sheet.addRow(['C100', '上海新辰自动化有限公司', good, '12.5万', '320', '2024/1/5']);
    sheet.addRow(['C102', '南京科华仪表有限公司', null, '800000', '1,200', '2024年3月1日']);
    const path = join(dir, 'accounts.xlsx');
    await book.xlsx.writeFile(path);

    const director = await principal('director');
    const preview = await app.inject({ method: 'GET', url: '/api/health' });
    expect(preview.statusCode).toBe(200);
    const headers = ['客户编号', '客户名称', '统一社会信用代码', '年营业额', '员工人数', '首次接触日期'];
    const opts = {
      path,
      fileName: 'accounts.xlsx',
      format: 'xlsx' as const,
      kind: 'accounts' as const,
      headerRow: 2,
      mapping: suggestMapping('accounts', headers),
      onError: 'abort' as const,
    };
    expect(Object.values(opts.mapping)).toEqual([
      'code',
      'name',
      'credit_code',
      'annual_revenue_estimate',
      'employee_count',
      'first_contact_date',
    ]);
    const before = await snapshot();
    const failed = await runImport(database, director, { ...opts, dryRun: false });
    expect(failed.status).toBe('failed');
    expect(failed.errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [
        4,
        'credit_code',
        '统一社会信用代码校验位不符 / the check character (18th) does not match: mistyped credit code',
      ],
      [5, 'code', '与第 3 行重复 / duplicate of row 3'],
      [5, 'credit_code', '与第 3 行重复 / duplicate of row 3'],
    ]);
    expect(await snapshot()).toEqual(before);

    const done = await runImport(database, director, { ...opts, dryRun: false, onError: 'skip' });
    expect(done.counts).toEqual({ accountsCreated: 2, accountsUpdated: 0, accountsUnchanged: 0 });
    const got = await rows<{
      code: string;
      annual_revenue_estimate: number;
      employee_count: number;
      first_contact_date: string;
    }>(
      database.db,
      sql`select code, annual_revenue_estimate::bigint, employee_count, first_contact_date::text from accounts where code in ('C100', 'C102') order by code`,
    );
    expect(got.map((r) => ({ ...r, annual_revenue_estimate: Number(r.annual_revenue_estimate) }))).toEqual([
      { code: 'C100', annual_revenue_estimate: 12_500_000, employee_count: 320, first_contact_date: '2024-01-05' },
      { code: 'C102', annual_revenue_estimate: 80_000_000, employee_count: 1200, first_contact_date: '2024-03-01' },
    ]);
  });
});

describe('import routes', () => {
  it('upload → preview → dry run → commit over HTTP, with progress and the history; a KAM sees only its own batches', async () => {
    const s = as(app, await login(app, 'director'));
    const csv = '\uFEFF产品编号,产品名称,产品类别,标准价,标准成本\nPLC-200,KM-200 中型PLC,PLC,"¥12,800.00",7000\n';
    const session = await login(app, 'director');
    const up = await app.inject({
      method: 'POST',
      url: '/api/v1/imports/uploads?fileName=products.csv',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(csv),
    });
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ format: 'csv', encoding: 'utf-8-bom' });
    const uploadId = up.json().uploadId;
    const preview = await s.get(`/imports/uploads/${uploadId}/preview?kind=products`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json().mapping).toEqual({
      0: 'code',
      1: 'name',
      2: 'category',
      3: 'list_price',
      4: 'standard_cost',
    });
    const wait = async (runId: string) => {
      for (;;) {
        const r = (
          await app.inject({ method: 'GET', url: `/api/v1/imports/runs/${runId}`, headers: { cookie: session.cookie } })
        ).json();
        if (r.state !== 'running') return r;
        await new Promise((res) => setTimeout(res, 50));
      }
    };
    const body = { kind: 'products', headerRow: 1, mapping: preview.json().mapping, dryRun: true };
    const dry = await wait((await s.post(`/imports/uploads/${uploadId}/runs`, body)).json().runId);
    expect(dry.result).toMatchObject({ status: 'dry_run', counts: { productsCreated: 1 } });
    const run = await wait(
      (await s.post(`/imports/uploads/${uploadId}/runs`, { ...body, dryRun: false })).json().runId,
    );
    expect(run.result.status).toBe('committed');
    const history = await s.get('/imports/batches');
    expect(history.json().items[0]).toMatchObject({ kind: 'products', fileName: 'products.csv', status: 'committed' });
    const kam = as(app, await login(app, 'kam2'));
    expect((await kam.get('/imports/batches')).json().items).toEqual([]);
    expect((await kam.get(`/imports/batches/${run.result.batchId}`)).statusCode).toBe(404);
    expect((await kam.get(`/imports/uploads/${uploadId}/preview?kind=products`)).statusCode).toBe(404);
  });
});

describe('import of competitor presence and contacts', () => {
  it('creates competitors, upserts presence per customer × competitor × category, and refuses an unknown category', async () => {
    const kam = await principal('kam');
    const header = '客户编号,竞争对手,产品类别,预计年采购额,我方份额,备注';
    const path = file(
      'presence.csv',
      `${header}\nG001,西门子,PLC,120万,35%,主力供应商\nA001,三菱电机,PLC,"¥800,000",0.2,\nA001,三菱电机,伺服,10万,10%,\n`,
    );
    const opts = {
      path,
      fileName: 'presence.csv',
      format: 'csv' as const,
      kind: 'competitors' as const,
      headerRow: 1,
      mapping: mappingFor('competitors', header),
      dryRun: false,
    };
    const failed = await runImport(database, kam, { ...opts, onError: 'abort' });
    expect(failed.errors.map((e) => [e.row, e.column])).toEqual([[4, 'category']]);
    const done = await runImport(database, kam, { ...opts, onError: 'skip' });
    expect(done.counts).toEqual({ presenceCreated: 2, presenceUpdated: 0, presenceUnchanged: 0 });
    const got = await rows<{ code: string; name: string; est: number; share: string }>(
      database.db,
      sql`select a.code, c.name, p.est_annual_volume::bigint as est, p.our_share::text as share
            from competitor_presence p join accounts a on a.id = p.account_id join competitors c on c.id = p.competitor_id
           order by a.code`,
    );
    expect(got.map((r) => ({ ...r, est: Number(r.est) }))).toEqual([
      { code: 'A001', name: '三菱电机', est: 80_000_000, share: '0.2000' },
      { code: 'G001', name: '西门子', est: 120_000_000, share: '0.3500' },
    ]);
    const again = await runImport(database, kam, { ...opts, onError: 'skip' });
    expect(again.counts).toEqual({ presenceCreated: 0, presenceUpdated: 0, presenceUnchanged: 2 });
  });

  it('contacts: refused for roles that may not write contacts; phones normalised to E.164', async () => {
    const header = '客户编号,姓名,职务,手机,籍贯';
    const path = file('contacts.csv', `${header}\nA001,赵磊,设备部经理,138-0013-8001,江苏南通\n`);
    const analyst = await principal('analyst');
    const opts = {
      path,
      fileName: 'contacts.csv',
      format: 'csv' as const,
      kind: 'contacts' as const,
      headerRow: 1,
      mapping: mappingFor('contacts', header),
      dryRun: false,
      onError: 'abort' as const,
    };
    await expect(runImport(database, analyst, opts)).rejects.toThrow(/contact.write/);
    const service = { ...(await principal('service')), role: 'service' as const };
    await expect(runImport(database, service, opts)).rejects.toThrow();
    const kam = await principal('kam');
    const done = await runImport(database, kam, opts);
    expect(done.counts).toMatchObject({ contactsCreated: 1 });
    const [phone] = await rows<{ e164: string }>(
      database.db,
      sql`select p.e164 from contact_phones p join contacts c on c.id = p.contact_id where c.name = '赵磊'`,
    );
    expect(phone!.e164).toBe('+8613800138001');
  });
});

describe('encodings', () => {
  it('a file that turns out not to be UTF-8 after its first 64 KB stops with an error, never mojibake', async () => {
    const header = '产品编号,产品名称,产品类别,标准价\n';
    const utf8 = Buffer.from(header + 'P-A,传感器,PLC,100\n'.repeat(5000));
    const gbk = iconv.encode('P-B,变频器,PLC,200\n', 'gbk');
    const path = file('mixed.csv', Buffer.concat([utf8, gbk]));
    const admin = await principal('admin');
    const before = await snapshot();
    await expect(
      runImport(database, admin, {
        path,
        fileName: 'mixed.csv',
        format: 'csv',
        kind: 'products',
        headerRow: 1,
        mapping: { 0: 'code', 1: 'name', 2: 'category', 3: 'list_price' },
        dryRun: false,
        onError: 'abort',
      }),
    ).rejects.toThrow(/not valid UTF-8/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('import templates', () => {
  const templates = () =>
    rows<{ name: string; owner: string; mapping: Record<string, string> }>(
      database.db,
      sql`select t.name, u.username as owner, t.mapping from import_templates t join users u on u.id = t.owner_id order by t.name`,
    );

  it('belong to who saved them: only the owner, an admin or a director may overwrite or delete one', async () => {
    const kam = as(app, await login(app, 'kam'));
    const kam2 = as(app, await login(app, 'kam2'));
    const director = as(app, await login(app, 'director'));
    const erp = { kind: 'orders', name: 'ERP 订单', headerRow: 2, mapping: { 订单号: 'order_no', 金额: 'amount' } };
    const saved = await kam.post('/imports/templates', erp);
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({
      name: 'ERP 订单',
      headerRow: 2,
      owner: { id: fx.users.kam.id, displayName: 'kam' },
    });
    const id = saved.json().id;
    expect((await kam2.get('/imports/templates?kind=orders')).json().items).toEqual([saved.json()]);

    // the owner may overwrite it; someone else may not, and the template stays as it was
    expect((await kam.post('/imports/templates', { ...erp, mapping: { 单号: 'order_no' } })).statusCode).toBe(201);
    const refused = await kam2.post('/imports/templates', { ...erp, mapping: { 金额: 'amount' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().detail).toContain('only its owner, an admin or a director');
    expect(await templates()).toEqual([{ name: 'ERP 订单', owner: 'kam', mapping: { 单号: 'order_no' } }]);
    expect((await kam2.delete(`/imports/templates/${id}`)).statusCode).toBe(403);
    expect(await templates()).toHaveLength(1);

    // a director looks after everyone's: overwriting keeps the owner
    const overwritten = await director.post('/imports/templates', erp);
    expect(overwritten.statusCode).toBe(201);
    expect(overwritten.json()).toMatchObject({ id, owner: { displayName: 'kam' } });
    expect(await templates()).toEqual([{ name: 'ERP 订单', owner: 'kam', mapping: erp.mapping }]);

    // another name is kam2's own
    const own = await kam2.post('/imports/templates', { ...erp, name: '华南 ERP' });
    expect(own.json().owner.displayName).toBe('kam2');
    expect((await kam2.delete(`/imports/templates/${own.json().id}`)).statusCode).toBe(204);
    expect((await kam.delete(`/imports/templates/${id}`)).statusCode).toBe(204);
    expect((await kam.delete(`/imports/templates/${id}`)).statusCode).toBe(404);
    expect(await templates()).toEqual([]);
    const [trail] = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int n from audit_log where action = 'import.template.delete'`,
    );
    expect(trail!.n).toBe(2);
  });
});
