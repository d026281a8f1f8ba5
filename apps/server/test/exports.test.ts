import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { exportToFile } from '../src/modules/exports/index.js';
import { suggestMapping } from '../src/modules/imports/fields.js';
import { runImport } from '../src/modules/imports/run-import.js';
import { insertOrgUnit } from '../src/modules/org/index.js';
import { insertUser, principalById } from '../src/modules/users/index.js';
import { rows, sql } from '../src/platform/db/index.js';
import { as, type Fixture, login, seedFixture, testDatabase } from './helpers.js';

let source: Awaited<ReturnType<typeof testDatabase>>;
let target: Awaited<ReturnType<typeof testDatabase>>;
let fx: Fixture;
let app: FastifyInstance;
const dir = mkdtempSync(join(tmpdir(), 'kamap-export-test-'));

beforeAll(async () => {
  source = await testDatabase();
  target = await testDatabase();
  fx = await seedFixture(source);
  app = await buildApp({ database: source, demoMode: false, logLevel: 'silent' });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await source?.dispose();
  await target?.dispose();
});

const ctxOf = async (db: typeof source, id: string) => ({
  db: db.db,
  user: { ...(await principalById(db.db, id))!, tokenScopes: null },
  ip: null,
});

const csvOf = (path: string) => readFileSync(path, 'utf8');

async function importCsv(
  db: typeof source,
  user: Awaited<ReturnType<typeof ctxOf>>['user'],
  kind: 'accounts' | 'orders',
  path: string,
) {
  const header = csvOf(path)
    .replace(/^\uFEFF/, '')
    .split('\r\n')[0]!
    .split(',');
  return runImport(db, user, {
    path,
    fileName: path,
    format: 'csv',
    kind,
    headerRow: 1,
    mapping: suggestMapping(kind, header),
    dryRun: false,
    onError: 'abort',
  });
}

describe('exports', () => {
  it('neutralises formulas, keeps to the scope and masks personal data; contacts export is audited', async () => {
    await source.db.execute(sql`update accounts set short_name = '=HYPERLINK("http://x")' where code = 'G001'`);
    const kam2 = await ctxOf(source, fx.users.kam2.id);
    const path = join(dir, 'kam2-accounts.csv');
    expect(await exportToFile(kam2, 'accounts', 'csv', path)).toBe(1);
    expect(csvOf(path)).toContain('B001');
    expect(csvOf(path)).not.toContain('G001');
    const admin = await ctxOf(source, fx.users.admin.id);
    await exportToFile(admin, 'accounts', 'csv', path);
    const text = csvOf(path);
    expect(text.startsWith('\uFEFF客户编号,')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    await source.db.execute(sql`update accounts set short_name = null where code = 'G001'`);

    const analyst = await ctxOf(source, fx.users.analyst.id);
    const contacts = join(dir, 'contacts.csv');
    await exportToFile(analyst, 'contacts', 'csv', contacts);
    expect(csvOf(contacts)).toContain('王建国');
    expect(csvOf(contacts)).not.toContain('钓鱼');
    expect(csvOf(contacts)).not.toContain('13800138000');
    const vcf = join(dir, 'contacts.vcf');
    await exportToFile(admin, 'contacts', 'vcf', vcf);
    expect(csvOf(vcf)).toContain('BEGIN:VCARD');
    expect(csvOf(vcf)).toContain('FN:王建国');
    const [audited] = await rows<{ n: number }>(
      source.db,
      sql`select count(*)::int n from audit_log where action = 'export.personal_data'`,
    );
    expect(audited!.n).toBe(2);
  });

  it('round trip: exported accounts and order lines imported into an empty store give the same records and totals', async () => {
    const admin = await ctxOf(source, fx.users.admin.id);
    const lines = join(dir, 'lines-in.csv');
    const header = '订单号,订单日期,客户编号,客户名称,产品编号,产品名称,数量,单价,金额,成本';
    const body = [header];
    for (let i = 0; i < 60; i++) {
      const account = ['G001', 'G002', 'A001', 'B001'][i % 4];
      body.push(
        `SO-${Math.floor(i / 3)},2025/${1 + (i % 12)}/${1 + (i % 27)},${account},,PLC-100,,${1 + (i % 5)},"¥3,800.00",,${1000 + i}`,
      );
    }
    const { writeFileSync } = await import('node:fs');
    writeFileSync(lines, `${body.join('\n')}\n`);
    expect((await importCsv(source, admin.user, 'orders', lines)).status).toBe('committed');

    const accountsOut = join(dir, 'accounts-out.csv');
    const linesOut = join(dir, 'lines-out.csv');
    await exportToFile(admin, 'accounts', 'csv', accountsOut);
    await exportToFile(admin, 'order-lines', 'csv', linesOut);

    const root = await insertOrgUnit(target.db, { parentId: null, code: 'HQ', name: '总部' });
    await insertOrgUnit(target.db, { parentId: root.id, code: 'EAST', name: '华东' });
    const east = (await rows<{ id: string }>(target.db, sql`select id from org_units where code = 'EAST'`))[0]!;
    await insertOrgUnit(target.db, { parentId: east.id, code: 'SH', name: '上海' });
    await insertOrgUnit(target.db, { parentId: root.id, code: 'SOUTH', name: '华南' });
    const targetAdmin = await insertUser(target.db, {
      username: 'admin',
      displayName: 'admin',
      role: 'admin',
      orgUnitId: root.id,
      password: 'round-trip-pass',
      agentId: null,
    });
    for (const name of ['kam', 'kam2']) {
      await insertUser(target.db, {
        username: name,
        displayName: name,
        role: 'kam',
        orgUnitId: root.id,
        password: 'round-trip-pass',
        agentId: null,
      });
    }
    const targetUser = (await ctxOf(target, targetAdmin.id)).user;
    await target.db.execute(sql`insert into product_categories (code, name) values ('PLC', '可编程控制器')`);
    await target.db.execute(sql`insert into products (code, name, category_id, list_price, standard_cost)
                                select 'PLC-100', 'KM-100 小型PLC', id, 380000, 210000 from product_categories`);
    expect((await importCsv(target, targetUser, 'accounts', accountsOut)).status).toBe('committed');
    expect((await importCsv(target, targetUser, 'orders', linesOut)).status).toBe('committed');

    const facts = (db: typeof source) =>
      rows<{
        code: string;
        name: string;
        credit_code: string | null;
        owner: string | null;
        unit: string;
        revenue: string;
        lines: number;
      }>(
        db.db,
        sql`select a.code, a.name, a.credit_code, u.username as owner, ou.code as unit,
                   coalesce((select sum(revenue) from account_monthly m where m.account_id = a.id), 0)::text as revenue,
                   (select count(*)::int from order_lines l where l.account_id = a.id) as lines
              from accounts a left join users u on u.id = a.owner_id join org_units ou on ou.id = a.org_unit_id order by a.code`,
      );
    expect(await facts(target)).toEqual(await facts(source));
    const lineFacts = (db: typeof source) =>
      rows(
        db.db,
        sql`select o.order_no, l.line_no, l.quantity::text, l.amount, l.cost, l.order_date::text
                        from order_lines l join orders o on o.id = l.order_id order by 1, 2`,
      );
    expect(await lineFacts(target)).toEqual(await lineFacts(source));
  });

  it('personal-data exports need a director’s approval when configured: request → approve → one download', async () => {
    const admin = as(app, await login(app, 'admin'));
    const kam = as(app, await login(app, 'kam'));
    const kam2 = as(app, await login(app, 'kam2'));
    const director = as(app, await login(app, 'director'));
    expect((await kam.get('/exports/contacts?format=csv')).statusCode).toBe(200);
    expect((await kam.put('/exports/settings', { personalDataNeedsApproval: true })).statusCode).toBe(403);
    expect((await admin.put('/exports/settings', { personalDataNeedsApproval: true })).json()).toEqual({
      personalDataNeedsApproval: true,
    });
    expect((await kam.get('/exports/contacts?format=csv')).statusCode).toBe(403);
    expect((await kam.get('/exports/accounts?format=csv')).statusCode).toBe(200);
    expect((await director.get('/exports/contacts?format=csv')).statusCode).toBe(200);

    const made = await kam.post('/exports/requests', { kind: 'contacts', format: 'csv', reason: '年度拜访计划' });
    expect(made.statusCode).toBe(201);
    const id = made.json().id;
    const other = (
      await kam2.post('/exports/requests', { kind: 'contacts', format: 'xlsx', reason: '客户回访' })
    ).json().id;
    expect((await kam.get(`/exports/requests/${id}/download`)).statusCode).toBe(409);
    expect((await kam2.post(`/exports/requests/${id}/decision`, { decision: 'approved' })).statusCode).toBe(403);
    // the east director sees its unit's request, not the south's
    expect(
      (await director.get('/exports/requests?status=pending')).json().items.map((r: { id: string }) => r.id),
    ).toEqual([id]);
    expect((await director.post(`/exports/requests/${other}/decision`, { decision: 'approved' })).statusCode).toBe(404);
    const approved = await director.post(`/exports/requests/${id}/decision`, { decision: 'approved', note: '同意' });
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: { displayName: 'director' } });
    expect((await kam2.get(`/exports/requests/${id}/download`)).statusCode).toBe(404);
    const download = await kam.get(`/exports/requests/${id}/download`);
    expect(download.statusCode).toBe(200);
    expect(download.body).toContain('王建国');
    expect(download.body).not.toContain('李明');
    expect((await kam.get(`/exports/requests/${id}/download`)).statusCode).toBe(409);
    const trail = await rows<{ action: string }>(
      source.db,
      sql`select action from audit_log where action like 'export.%' and entity = 'export_request' order by id`,
    );
    expect(trail.map((t) => t.action)).toEqual([
      'export.request',
      'export.request',
      'export.approve',
      'export.download',
    ]);
    await admin.put('/exports/settings', { personalDataNeedsApproval: false });
  });

  it('needs, alerts and complaints export in scope; roles without the list are refused before anything is sent', async () => {
    for (const [account, title] of [
      [fx.accounts.group.id, '缩短交期'],
      [fx.accounts.other.id, '华南专属需求'],
    ] as const) {
      await source.db.execute(sql`insert into needs (account_id, title, kind, category, importance, urgency, feasibility, priority, band)
                                  values (${account}, ${title}, 'explicit', 'delivery', 5, 4, 3, 60, 'P1')`);
    }
    const kam = as(app, await login(app, 'kam'));
    const res = await kam.get('/exports/needs?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('缩短交期');
    expect(res.body).not.toContain('华南专属需求');
    const filtered = await kam.get(`/exports/needs?format=csv&accountId=${fx.accounts.solo.id}`);
    expect(filtered.body).not.toContain('缩短交期');
    expect((await kam.get('/exports/needs?format=csv&accountId=nope')).statusCode).toBe(400);
    const agent = as(app, await login(app, 'agent'));
    expect((await agent.get('/exports/needs?format=csv')).statusCode).toBe(403);
    expect((await agent.get('/exports/complaints?format=xlsx')).statusCode).toBe(403);
    expect((await kam.get('/exports/alerts?format=xlsx')).statusCode).toBe(200);
    expect((await kam.get('/exports/accounts?format=vcf')).statusCode).toBe(400);
  });

  it('tasks, interactions and surveys export with the list filters and in scope; interactions and surveys are audited as personal data', async () => {
    const { group, other } = fx.accounts;
    const { kamContact, otherContact } = fx.contacts;
    const { kam: kamUser, kam2: kam2User } = fx.users;
    await source.db.execute(sql`insert into tasks (account_id, owner_id, kind, title, due_date, status) values
      (${group.id}, ${kamUser.id}, 'follow_up', '回访王总', '2025-03-01', 'open'),
      (${group.id}, ${kamUser.id}, 'follow_up', '已完成的回访', '2025-02-01', 'done'),
      (${other.id}, ${kam2User.id}, 'follow_up', '华南回访', '2025-03-01', 'open')`);
    await source.db.execute(sql`insert into interactions (account_id, kind, occurred_at, subject, notes, user_id, contact_ids) values
      (${group.id}, 'visit', '2025-03-02T02:00:00Z', '季度拜访', '=cmd|/c calc', ${kamUser.id}, ${`{${kamContact.id}}`}::uuid[]),
      (${other.id}, 'visit', '2025-03-02T03:00:00Z', '华南拜访', null, ${kam2User.id}, '{}'::uuid[])`);
    await source.db.execute(sql`insert into surveys (account_id, contact_id, kind, token_hash, sent_by, expires_at, answered_at, score, comment) values
      (${group.id}, ${kamContact.id}, 'nps', 'export-test-1', ${kamUser.id}, now() + interval '14 days', now(), 9, '交期改善明显'),
      (${other.id}, ${otherContact.id}, 'nps', 'export-test-2', ${kam2User.id}, now() + interval '14 days', now(), 3, '华南意见')`);
    const kam = as(app, await login(app, 'kam'));

    const tasks = await kam.get('/exports/tasks?format=csv&mine=true&active=true');
    expect(tasks.statusCode).toBe(200);
    expect(tasks.body.startsWith('\uFEFF客户编号,客户名称,任务,')).toBe(true);
    expect(tasks.body).toContain('回访王总');
    expect(tasks.body).not.toContain('已完成的回访');
    expect(tasks.body).not.toContain('华南回访');
    expect((await kam.get('/exports/tasks?format=csv&active=false')).body).toContain('已完成的回访');
    expect((await kam.get('/exports/tasks?format=csv&active=maybe')).statusCode).toBe(400);

    const interactions = await kam.get('/exports/interactions?format=csv');
    expect(interactions.statusCode).toBe(200);
    expect(interactions.body).toContain('季度拜访');
    expect(interactions.body).toContain('王建国');
    expect(interactions.body).toContain("'=cmd|/c calc");
    expect(interactions.body).not.toContain('华南拜访');
    expect((await kam.get('/exports/interactions?format=csv&kind=call')).body).not.toContain('季度拜访');
    expect((await kam.get('/exports/interactions?format=xlsx')).statusCode).toBe(200);

    const surveys = await kam.get('/exports/surveys?format=csv');
    expect(surveys.statusCode).toBe(200);
    expect(surveys.body).toContain('交期改善明显');
    expect(surveys.body).not.toContain('华南意见');
    expect((await kam.get('/exports/surveys?format=csv&answered=false')).body).not.toContain('交期改善明显');
    expect((await as(app, await login(app, 'agent')).get('/exports/surveys?format=csv')).statusCode).toBe(403);

    const [audited] = await rows<{ n: number }>(
      source.db,
      sql`select count(*)::int n from audit_log where action = 'export.personal_data' and entity in ('interactions', 'surveys')`,
    );
    expect(audited!.n).toBe(5);

    // personal data waits for a director's approval when configured; tasks do not
    const admin = as(app, await login(app, 'admin'));
    await admin.put('/exports/settings', { personalDataNeedsApproval: true });
    expect((await kam.get('/exports/interactions?format=csv')).statusCode).toBe(403);
    expect((await kam.get('/exports/surveys?format=csv')).statusCode).toBe(403);
    expect((await kam.get('/exports/tasks?format=csv')).statusCode).toBe(200);
    await admin.put('/exports/settings', { personalDataNeedsApproval: false });
  });
});
