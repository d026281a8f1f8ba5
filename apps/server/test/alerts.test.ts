import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { evaluateAlerts, pushNewAlerts, sendDigests } from '../src/modules/alerts/index.js';
import { runAnalysis } from '../src/modules/analytics/index.js';
import { orders } from '../src/modules/orders/index.js';
import { one, rows, sql } from '../src/platform/db/index.js';
import { todayInChina } from '../src/platform/today.js';
import { as, contentDigest, type Fixture, login, type Session, seedFixture, testDatabase } from './helpers.js';
import { startSmtpSink } from './smtp-sink.js';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: FastifyInstance;
let fx: Fixture;
let kam: Session;
let kam2: Session;
let admin: Session;
let director: Session;

const daysAgo = (d: number) => new Date(Date.parse(todayInChina()) - d * 86_400_000).toISOString().slice(0, 10);
const monthStart = (back: number) => {
  const t = new Date(`${todayInChina().slice(0, 7)}-01T00:00:00Z`);
  t.setUTCMonth(t.getUTCMonth() - back);
  return t.toISOString().slice(0, 10);
};

beforeAll(async () => {
  database = await testDatabase();
  fx = await seedFixture(database);
  app = await buildApp({
    database,
    demoMode: false,
    logLevel: 'silent',
    webDist: '/nonexistent',
    alertDelivery: { baseDelayMs: 5 },
  });
  [kam, kam2, admin, director] = await Promise.all(['kam', 'kam2', 'admin', 'director'].map((u) => login(app, u)));
  const { db } = database;
  // churn: the group is strategic with risk 85 in the latest run; kam2's account strategic and calm,
  // everything else core and calm
  await runAnalysis(db, { asOf: todayInChina(), trigger: 'cli', startedBy: null });
  await db.execute(sql`update analysis_results set churn_risk = 0, tier = 'core'`);
  await db.execute(
    sql`update analysis_results set churn_risk = 85, tier = 'strategic',
          details = jsonb_set(details, '{churn}', '{"score": 85, "reasons": [{"code": "recency_beyond_cadence", "points": 35, "data": {}}]}')
        where account_id = ${fx.accounts.group.id}`,
  );
  await db.execute(sql`update analysis_results set tier = 'strategic' where account_id = ${fx.accounts.other.id}`);
  // revenue: the solo account bought ¥500,000 a month a year ago and ¥100,000 a month lately
  for (let back = 1; back <= 18; back++) {
    const revenue = back <= 6 ? 10_000_000 : back >= 13 ? 50_000_000 : 30_000_000;
    await db.execute(
      sql`insert into account_monthly (account_id, month, revenue, cost, discount, orders, discounted_orders, first_order, last_order)
          values (${fx.accounts.solo.id}, ${monthStart(back)}, ${revenue}, 0, 0, 1, 0, ${monthStart(back)}, ${monthStart(back)})`,
    );
  }
  // receivables: one invoice 100 days overdue with ¥1,500,000 open (core tier: 60 days, ¥1,000,000)
  await db.insert(orders).values({
    accountId: fx.accounts.solo.id,
    orderNo: 'SO-LATE',
    orderDate: daysAgo(130),
    dueDate: daysAgo(100),
    amount: 200_000_000,
    cost: 100_000_000,
    paidAmount: 50_000_000,
  });
  // the decision makers' contacts are never logged, so both accounts with one are "no contact"
  const late = await as(app, kam).post('/complaints', {
    accountId: fx.accounts.solo.id,
    title: '设备停机无人到场',
    severity: 'critical',
    channel: 'phone',
    receivedAt: new Date(Date.now() - 30 * 3_600_000).toISOString(),
  });
  expect(late.statusCode, late.body).toBe(201);
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

async function refused(send: () => Promise<{ statusCode: number; body: string }>, status: number) {
  const before = await contentDigest(database.db);
  const res = await send();
  expect(res.statusCode, res.body).toBe(status);
  const after = await contentDigest(database.db);
  delete before.audit_log;
  delete after.audit_log;
  expect(after).toEqual(before);
  return res.json() as { errors?: { path: string }[] };
}

type AlertJson = {
  id: string;
  rule: string;
  accountId: string;
  version: number;
  status: string;
  reason: string;
  data: Record<string, unknown>;
  link: string;
  owner: { id: string } | null;
};
const inbox = async (s: Session, q = '') =>
  (await as(app, s).get(`/alerts?limit=100${q}`)).json() as { items: AlertJson[]; total: number };

describe('alert rules', () => {
  it('each rule fires with its reason, data, link and owner', async () => {
    const result = await evaluateAlerts(database.db);
    expect(result.byRule).toEqual({
      churn_risk: 1,
      revenue_drop: 1,
      receivable_overdue: 1,
      sla_breached: 1,
      no_contact: 2,
      care_overdue: 0,
      // no contracts in this fixture: the plans tests cover that rule
      contract_expiring: 0,
      // no agent registrations in this fixture: the channel-conflict rule is tested in channels.test.ts
      channel_conflict: 0,
    });
    expect(result.raised).toBe(6);
    const items = (await inbox(kam)).items;
    const by = Object.fromEntries(items.map((a) => [a.rule, a]));
    expect(Object.keys(by).sort()).toEqual([
      'churn_risk',
      'no_contact',
      'receivable_overdue',
      'revenue_drop',
      'sla_breached',
    ]);
    expect(by.churn_risk).toMatchObject({ accountId: fx.accounts.group.id, owner: { id: fx.users.kam.id } });
    expect(by.churn_risk!.reason).toContain('85');
    expect(by.churn_risk!.data).toMatchObject({ churnRisk: 85, threshold: 50 });
    expect(by.revenue_drop!.data).toMatchObject({
      revenue: 60_000_000,
      previousRevenue: 300_000_000,
      changePct: -80,
      threshold: 50,
      minLoss: 100_000_000,
    });
    expect(by.revenue_drop!.reason).toContain('80%');
    expect(by.receivable_overdue!.data).toMatchObject({
      invoices: 1,
      overdueAmount: 150_000_000,
      maxDaysOverdue: 100,
      minAmount: 100_000_000,
    });
    expect(by.sla_breached!.link).toMatch(/^\/complaints\/[0-9a-f-]{36}$/);
    expect(by.no_contact!.data).toMatchObject({ cadenceDays: 90, lastContactAt: null });
    expect(by.no_contact!.link).toBe(`/accounts/${fx.accounts.group.id}?tab=contacts`);
  });

  it('deduplicates: one open alert per account and rule, refreshed on each evaluation', async () => {
    const result = await evaluateAlerts(database.db);
    expect(result).toMatchObject({ raised: 0, refreshed: 6, resolved: 0 });
    const n = await one<{ n: number }>(database.db, sql`select count(*)::int as n from alerts`);
    expect(n?.n).toBe(6);
  });

  it('outside the scope: 404, and lists and counts leave it out', async () => {
    const theirs = await inbox(kam2);
    expect(theirs.items.map((a) => [a.rule, a.accountId])).toEqual([['no_contact', fx.accounts.other.id]]);
    expect((await inbox(kam)).total).toBe(5);
    expect((await inbox(director)).total).toBe(5);
    expect((await inbox(admin)).total).toBe(6);
    const mine = (await inbox(kam)).items[0]!;
    expect((await as(app, kam2).get(`/alerts/${mine.id}`)).statusCode).toBe(404);
    await refused(
      () => as(app, kam2).post(`/alerts/${mine.id}/actions`, { version: mine.version, action: 'resolve' }),
      404,
    );
    await refused(() => as(app, kam2).post(`/alerts/${mine.id}/read`, {}), 404);
    expect((await as(app, kam2).get('/alerts/counts')).json()).toMatchObject({ unread: 1, active: 1 });
    const agent = await login(app, 'agent');
    expect((await as(app, agent).get('/alerts')).statusCode).toBe(403);
  });

  it('filters by rule, account, status and unread; reading moves the unread count', async () => {
    expect((await inbox(kam, '&rule=revenue_drop')).total).toBe(1);
    expect((await inbox(kam, `&accountId=${fx.accounts.group.id}`)).total).toBe(2);
    expect((await as(app, kam).get('/alerts/counts')).json()).toMatchObject({
      unread: 5,
      active: 5,
      byRule: { no_contact: 1 },
    });
    const first = (await inbox(kam)).items[0]!;
    expect((await as(app, kam).post(`/alerts/${first.id}/read`, {})).json().unread).toBe(4);
    expect((await inbox(kam, '&unread=true')).total).toBe(4);
    expect((await as(app, kam).post('/alerts/read-all', {})).json().unread).toBe(0);
    // reading is per user
    expect((await as(app, director).get('/alerts/counts')).json().unread).toBe(5);
  });

  it('acknowledge, snooze (and wake), resolve; a resolved alert stays quiet while its cause lasts', async () => {
    const churn = (await inbox(kam, '&rule=churn_risk')).items[0]!;
    const p = await refused(
      () => as(app, kam).post(`/alerts/${churn.id}/actions`, { version: churn.version, action: 'snooze' }),
      400,
    );
    expect(p.errors?.[0]?.path).toBe('body.snoozeUntil');
    let res = await as(app, kam).post(`/alerts/${churn.id}/actions`, { version: churn.version, action: 'acknowledge' });
    expect(res.json().status).toBe('acknowledged');
    await refused(
      () => as(app, kam).post(`/alerts/${churn.id}/actions`, { version: churn.version, action: 'resolve' }),
      409,
    );
    const until = new Date(Date.now() + 86_400_000).toISOString();
    res = await as(app, kam).post(`/alerts/${churn.id}/actions`, {
      version: res.json().version,
      action: 'snooze',
      snoozeUntil: until,
    });
    expect(res.json()).toMatchObject({ status: 'snoozed', snoozedUntil: until });
    expect((await inbox(kam, '&active=true')).total).toBe(4);
    await database.db.execute(
      sql`update alerts set snoozed_until = now() - interval '1 minute' where id = ${churn.id}`,
    );
    expect((await evaluateAlerts(database.db)).woke).toBe(1);
    const woken = (await as(app, kam).get(`/alerts/${churn.id}`)).json();
    expect(woken).toMatchObject({ status: 'open', read: false });
    res = await as(app, kam).post(`/alerts/${churn.id}/actions`, {
      version: woken.version,
      action: 'resolve',
      note: '已拜访',
    });
    expect(res.json().status).toBe('resolved');
    const again = await evaluateAlerts(database.db);
    expect(again.byRule.churn_risk).toBe(0);
    expect((await inbox(kam, '&rule=churn_risk&active=true')).total).toBe(0);
  });

  it('an alert resolves by itself once its condition is gone', async () => {
    await database.db.execute(sql`update orders set paid_amount = amount where order_no = 'SO-LATE'`);
    const result = await evaluateAlerts(database.db);
    expect(result.resolved).toBe(1);
    expect((await inbox(kam, '&rule=receivable_overdue')).items[0]?.status).toBe('resolved');
  });

  it('thresholds per tier are admin settings, validated', async () => {
    const current = (await as(app, kam).get('/alerts/settings')).json().items;
    expect(current.map((t: { tier: string }) => t.tier)).toEqual(['strategic', 'core', 'general']);
    const core = { ...current[1], revenueDropPct: 90 };
    await refused(() => as(app, director).put('/alerts/settings', { items: [core] }), 403);
    const p = await refused(
      () => as(app, admin).put('/alerts/settings', { items: [{ ...core, churnRisk: 150 }] }),
      400,
    );
    expect(p.errors?.[0]?.path).toBe('body.items.0.churnRisk');
    expect((await as(app, admin).put('/alerts/settings', { items: [core] })).statusCode).toBe(200);
    const after = await evaluateAlerts(database.db);
    expect(after.byRule.revenue_drop).toBe(0);
  });

  it('receivables alert only above the tier’s minimum amount', async () => {
    // the group is strategic: more than 30 days and at least ¥1,000,000
    await database.db.insert(orders).values({
      accountId: fx.accounts.group.id,
      orderNo: 'SO-SMALL',
      orderDate: daysAgo(70),
      dueDate: daysAgo(40),
      amount: 2_000_000,
      cost: 1_000_000,
      paidAmount: 0,
    });
    const alertsOf = async () =>
      (await inbox(admin, `&rule=receivable_overdue&accountId=${fx.accounts.group.id}&active=true`)).items;
    await evaluateAlerts(database.db);
    expect(await alertsOf()).toEqual([]);
    await database.db.execute(sql`update orders set amount = 120000000 where order_no = 'SO-SMALL'`);
    await evaluateAlerts(database.db);
    expect((await alertsOf()).map((a) => a.data)).toEqual([
      expect.objectContaining({ overdueAmount: 120_000_000, minAmount: 100_000_000, threshold: 30 }),
    ]);
    await database.db.execute(sql`update orders set paid_amount = amount where order_no = 'SO-SMALL'`);
    await evaluateAlerts(database.db);
    expect(await alertsOf()).toEqual([]);
  });

  it('care task overdue: past due by more than the tier’s days, one alert per account, resolved once done', async () => {
    const care = async (accountId: string, title: string, due: string, status = 'open') =>
      (await one<{ id: string }>(
        database.db,
        sql`insert into tasks (account_id, owner_id, kind, title, due_date, status)
              values (${accountId}, ${fx.users.kam.id}, 'care', ${title}, ${due}, ${status}) returning id`,
      ))!.id;
    // the group is strategic (7 days): two late tasks make one alert; the solo account is core (14 days)
    const late = await care(fx.accounts.group.id, '中秋节问候', daysAgo(10));
    const later = await care(fx.accounts.group.id, '定期回访', daysAgo(16));
    await care(fx.accounts.group.id, '王建国生日', daysAgo(3));
    await care(fx.accounts.group.id, '已完成的回访', daysAgo(30), 'done');
    await care(fx.accounts.solo.id, '国庆节问候', daysAgo(10));
    const result = await evaluateAlerts(database.db);
    expect(result.byRule.care_overdue).toBe(1);
    const [alert] = (await inbox(kam, '&rule=care_overdue')).items;
    expect(alert).toMatchObject({
      accountId: fx.accounts.group.id,
      severity: 'critical', // 16 days ≥ twice the threshold
      owner: { id: fx.users.kam.id },
      link: `/tasks?view=overdue&accountId=${fx.accounts.group.id}`,
    });
    expect(alert!.reason).toBe('2 项关怀任务逾期超过 7 天未完成：定期回访（16 天）；中秋节问候（10 天）');
    expect(alert!.data).toMatchObject({
      tasks: 2,
      maxDaysOverdue: 16,
      threshold: 7,
      items: [
        expect.objectContaining({ id: later, daysOverdue: 16 }),
        expect.objectContaining({ id: late, daysOverdue: 10 }),
      ],
    });
    expect((await inbox(kam2, '&rule=care_overdue')).total).toBe(0);
    // evaluating again keeps one alert; snoozing the tasks past the threshold resolves it
    expect((await evaluateAlerts(database.db)).byRule.care_overdue).toBe(1);
    await database.db.execute(
      sql`update tasks set status = 'snoozed', snoozed_until = ${daysAgo(-2)} where id in (${late}, ${later})`,
    );
    expect((await evaluateAlerts(database.db)).resolved).toBe(1);
    expect((await as(app, kam).get(`/alerts/${alert!.id}`)).json().status).toBe('resolved');
    await database.db.execute(sql`update tasks set status = 'done' where kind = 'care'`);
  });
});

type Received = { path: string; query: URLSearchParams; body: Record<string, unknown> };

function robotServer() {
  const received: Received[] = [];
  let failNext = 0;
  const server: Server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (c) => {
      text += c;
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      received.push({ path: url.pathname, query: url.searchParams, body: JSON.parse(text) });
      res.setHeader('content-type', 'application/json');
      if (failNext > 0) {
        failNext--;
        res.statusCode = 502;
        res.end('{}');
        return;
      }
      if (url.pathname === '/dingtalk') {
        const ts = url.searchParams.get('timestamp') ?? '';
        const expected = createHmac('sha256', 'SECdemo').update(`${ts}\nSECdemo`).digest('base64');
        res.end(
          JSON.stringify(
            url.searchParams.get('sign') === expected
              ? { errcode: 0, errmsg: 'ok' }
              : { errcode: 310000, errmsg: 'sign not match' },
          ),
        );
        return;
      }
      if (url.pathname === '/feishu') {
        const body = JSON.parse(text) as { timestamp: string; sign: string };
        const expected = createHmac('sha256', `${body.timestamp}\nfeishu-secret`).update('').digest('base64');
        res.end(
          JSON.stringify(
            body.sign === expected ? { code: 0, msg: 'success' } : { code: 19021, msg: 'sign match fail' },
          ),
        );
        return;
      }
      res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  return {
    received,
    failOnce: (n = 1) => {
      failNext = n;
    },
    start: () =>
      new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port))),
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('delivery', () => {
  const robot = robotServer();
  let port: number;
  beforeAll(async () => {
    port = await robot.start();
  });
  afterAll(() => robot.stop());

  it('webhook targets only for allowed hosts; admin only', async () => {
    const target = { name: '华东大客户群', kind: 'wecom', url: `http://127.0.0.1:${port}/wecom?key=abc` };
    const p = await refused(() => as(app, admin).post('/alerts/webhooks', target), 400);
    expect(p.errors?.[0]?.path).toBe('body.url');
    await refused(() => as(app, kam).post('/alerts/allowed-hosts', { host: '127.0.0.1' }), 403);
    const bad = await refused(
      () => as(app, admin).post('/alerts/allowed-hosts', { host: 'http://evil.example/' }),
      400,
    );
    expect(bad.errors?.[0]?.path).toBe('body.host');
    expect(
      (await as(app, admin).post('/alerts/allowed-hosts', { host: '127.0.0.1', allowPrivate: true })).statusCode,
    ).toBe(200);
    const created = await as(app, admin).post('/alerts/webhooks', target);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().url).toBe(`http://127.0.0.1:${port}/wecom?…`);
    const noSecret = await refused(
      () =>
        as(app, admin).post('/alerts/webhooks', {
          name: 'x',
          kind: 'dingtalk',
          url: `http://127.0.0.1:${port}/dingtalk?access_token=t`,
        }),
      400,
    );
    expect(noSecret.errors?.[0]?.path).toBe('body.secret');
    for (const t of [
      { name: '钉钉群', kind: 'dingtalk', url: `http://127.0.0.1:${port}/dingtalk?access_token=t`, secret: 'SECdemo' },
      {
        name: '飞书群',
        kind: 'feishu',
        url: `http://127.0.0.1:${port}/feishu`,
        secret: 'feishu-secret',
        minSeverity: 'critical',
      },
    ])
      expect((await as(app, admin).post('/alerts/webhooks', t)).statusCode).toBe(201);
    expect((await as(app, kam).get('/alerts/webhooks')).statusCode).toBe(403);
  });

  it('pushes new alerts in each robot’s format, signed, retrying a failure with backoff', async () => {
    robot.failOnce(1);
    const out = await pushNewAlerts(database.db, { publicUrl: 'https://kamap.example.cn', baseDelayMs: 5 });
    expect(out.map((d) => [d.target, d.status, d.attempts])).toEqual([
      ['华东大客户群', 'sent', 2],
      ['钉钉群', 'sent', 1],
      ['飞书群', 'sent', 1],
    ]);
    const wecom = robot.received.filter((r) => r.path === '/wecom');
    expect(wecom).toHaveLength(2);
    const markdown = (wecom[1]!.body.markdown as { content: string }).content;
    expect(wecom[1]!.body.msgtype).toBe('markdown');
    expect(markdown).toContain('https://kamap.example.cn/complaints/');
    const ding = robot.received.find((r) => r.path === '/dingtalk')!;
    expect(ding.query.get('access_token')).toBe('t');
    expect(ding.body).toMatchObject({ msgtype: 'markdown', markdown: { title: expect.stringContaining('预警') } });
    const feishu = robot.received.find((r) => r.path === '/feishu')!;
    expect(feishu.body).toMatchObject({
      msg_type: 'post',
      content: { post: { zh_cn: { title: expect.any(String) } } },
    });
    // the Feishu target wants critical alerts only
    const sent = await one<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from alerts where pushed_at is not null`,
    );
    expect(sent?.n).toBeGreaterThan(0);
    // already pushed: nothing goes out again
    expect(await pushNewAlerts(database.db, { baseDelayMs: 5 })).toEqual([]);
  });

  it('a wrong signature is a failure the robot reports, retried and logged', async () => {
    const targets = (await as(app, admin).get('/alerts/webhooks')).json().items;
    const ding = targets.find((t: { kind: string }) => t.kind === 'dingtalk');
    await as(app, admin).patch(`/alerts/webhooks/${ding.id}`, { version: ding.version, secret: 'SECwrong' });
    const res = await as(app, admin).post(`/alerts/webhooks/${ding.id}/test`, {});
    expect(res.json().delivery).toMatchObject({
      status: 'failed',
      attempts: 4,
      httpStatus: 200,
      error: expect.stringContaining('310000'),
    });
  });

  it('refuses a host that is not allowed, and loopback unless allowed private', async () => {
    const targets = (await as(app, admin).get('/alerts/webhooks')).json().items;
    const wecom = targets.find((t: { kind: string }) => t.kind === 'wecom');
    const before = robot.received.length;
    // allowed, but not for private addresses: 127.0.0.1 is loopback
    await as(app, admin).post('/alerts/allowed-hosts', { host: '127.0.0.1', allowPrivate: false });
    let res = await as(app, admin).post(`/alerts/webhooks/${wecom.id}/test`, {});
    expect(res.json().delivery).toMatchObject({
      status: 'refused',
      attempts: 0,
      error: expect.stringContaining('loopback'),
    });
    // localhost resolves to loopback too
    await as(app, admin).post('/alerts/allowed-hosts', { host: 'localhost' });
    await as(app, admin).patch(`/alerts/webhooks/${wecom.id}`, {
      version: wecom.version,
      url: `http://localhost:${port}/wecom`,
    });
    res = await as(app, admin).post(`/alerts/webhooks/${wecom.id}/test`, {});
    expect(res.json().delivery).toMatchObject({
      status: 'refused',
      error: expect.stringContaining('private or loopback'),
    });
    // no longer on the list at all
    expect((await as(app, admin).delete('/alerts/allowed-hosts/localhost')).statusCode).toBe(204);
    res = await as(app, admin).post(`/alerts/webhooks/${wecom.id}/test`, {});
    expect(res.json().delivery).toMatchObject({ status: 'refused', error: expect.stringContaining('allow-list') });
    expect(robot.received.length).toBe(before);
    const log = (await as(app, admin).get('/alerts/deliveries?status=refused')).json();
    expect(log.items).toHaveLength(3);
    expect((await as(app, kam).get('/alerts/deliveries')).statusCode).toBe(403);
  });

  it('the daily digest goes by e-mail to each user with alerts in scope', async () => {
    const smtp = await startSmtpSink();
    try {
      await database.db.execute(
        sql`update users set email = username || '@kamap.example.cn' where username in ('kam', 'kam2', 'director', 'analyst')`,
      );
      const out = await sendDigests(database.db, {
        smtp: { url: `smtp://127.0.0.1:${smtp.port}`, from: 'kamap <alerts@kamap.example.cn>' },
      });
      expect(out.map((d) => [d.target, d.status])).toEqual([
        ['user:director', 'sent'],
        ['user:kam', 'sent'],
        ['user:kam2', 'sent'],
      ]);
      expect(smtp.messages.map((m) => m.to).sort()).toEqual([
        'director@kamap.example.cn',
        'kam2@kamap.example.cn',
        'kam@kamap.example.cn',
      ]);
      const kam2Mail = smtp.messages.find((m) => m.to === 'kam2@kamap.example.cn')!;
      expect(kam2Mail.data).toMatch(/^Subject: /m);
      // kam2's digest holds only its own account's alert
      const ids = await rows<{ alert_ids: string[] }>(
        database.db,
        sql`select alert_ids from alert_deliveries where target = 'user:kam2'`,
      );
      expect(ids[0]?.alert_ids).toHaveLength(1);
      expect(smtp.decoded(kam2Mail)).toContain(fx.accounts.other.name);
      expect(smtp.decoded(kam2Mail)).not.toContain(fx.accounts.group.name);
    } finally {
      await smtp.stop();
    }
  });
});
