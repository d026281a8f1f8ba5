import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateAlerts } from '../src/modules/alerts/index.js';
import { companyNameKey } from '../src/modules/channels/index.js';
import { one, rows } from '../src/platform/db/index.js';
import { secondAgent, setRun } from './channels-fixture.js';
import { as, type Fixture, login, type Session, seedFixture, testApp, testDatabase } from './helpers.js';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: FastifyInstance;
let fx: Fixture;
let agent2Id: string;
const s: Record<string, Session> = {};

beforeAll(async () => {
  database = await testDatabase();
  fx = await seedFixture(database);
  agent2Id = (await secondAgent(database, fx)).id;
  // the group is strategic, its subsidiary core; kam2's account and the agent's one are general
  await setRun(database, {
    [fx.accounts.group.id]: { tier: 'strategic' },
    [fx.accounts.sub.id]: { tier: 'core' },
    [fx.accounts.solo.id]: { tier: 'general' },
    [fx.accounts.other.id]: { tier: 'general' },
  });
  app = await testApp(database);
  for (const u of ['admin', 'director', 'kam', 'kam2', 'agent', 'agent2', 'service']) s[u] = await login(app, u);
});

afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('company names are compared without legal forms and region prefixes', () => {
  it.each([
    ['上海精工机械集团有限公司', '精工机械'],
    ['精工机械有限公司', '精工机械'],
    ['上海市精工机械股份有限公司', '精工机械'],
    ['（上海）精工机械有限责任公司', '精工机械'],
    ['广东省深圳市华强电子有限公司', '华强电子'],
    ['ＡＣＭＥ Co., Ltd.', 'acme'],
    ['Costco Inc.', 'costco'],
  ])('%s → %s', (name, key) => expect(companyNameKey(name)).toBe(key));
});

describe('conflict detection table (agent AG1 registering)', () => {
  const base = { productLine: 'SERVO' };
  const cases: [string, Record<string, unknown>, string[], 'approve' | 'reject' | 'queue', string][] = [
    [
      'exact credit code of kam2’s general account',
      { companyName: '华宇科技', creditCode: '__OTHER_CODE__' },
      ['credit_code', 'company_account'],
      'queue',
      'manual_review',
    ],
    [
      'strategic group without 有限公司',
      { companyName: '上海精工机械集团' },
      ['name', 'company_account'],
      'reject',
      'protected_account',
    ],
    [
      'strategic group with a city prefix and another legal form',
      { companyName: '上海市精工机械股份有限公司' },
      ['name', 'company_account'],
      'reject',
      'protected_account',
    ],
    [
      'strategic group, bare trade name',
      { companyName: '精工机械' },
      ['name', 'company_account'],
      'reject',
      'protected_account',
    ],
    ['a different company sharing one word', { companyName: '精工电子有限公司' }, [], 'approve', 'no_conflict'],
    [
      'a new subsidiary naming the strategic group',
      { companyName: '申城精密装配有限公司', groupName: '精工机械集团' },
      ['group'],
      'queue',
      'manual_review',
    ],
    [
      'a contact phone already on a company contact',
      { companyName: '宏达贸易有限公司', contactPhone: '138 0013 8000' },
      ['phone'],
      'queue',
      'manual_review',
    ],
    [
      'a company mail domain already known',
      { companyName: '远航物流有限公司', contactEmail: 'li@example.cn' },
      ['email_domain'],
      'queue',
      'manual_review',
    ],
    [
      'a free mail domain says nothing',
      { companyName: '远帆船舶有限公司', contactEmail: 'li@qq.com' },
      [],
      'approve',
      'no_conflict',
    ],
    [
      'another agent’s exclusive territory',
      { companyName: '浙江新昌机电有限公司', province: '浙江', productLine: 'PLC' },
      ['territory'],
      'reject',
      'exclusive_territory',
    ],
    ['its own assigned account', { companyName: '恒立精密机械' }, ['name'], 'approve', 'already_assigned'],
  ];

  it.each(cases)('%s', async (_, claim, kinds, outcome, rule) => {
    const body = { ...base, ...claim } as Record<string, unknown>;
    if (body.creditCode === '__OTHER_CODE__') body.creditCode = fx.accounts.other.creditCode;
    const res = await as(app, s.agent!).post('/registrations/check', body);
    expect(res.statusCode, res.body).toBe(200);
    const check = res.json();
    expect([...new Set(check.conflicts.map((c: { kind: string }) => c.kind))].sort()).toEqual([...kinds].sort());
    expect(check.outcome).toBe(outcome);
    expect(check.rule).toBe(rule);
    expect(check.explanation.length).toBeGreaterThan(4);
  });

  it('the name evidence gives the score, the threshold and the matched account, without its KAM for an agent', async () => {
    const check = (await as(app, s.agent!).post('/registrations/check', { companyName: '上海精工机械集团' })).json();
    const name = check.conflicts.find((c: { kind: string }) => c.kind === 'name');
    expect(name.score).toBe(1);
    expect(name.matched).toBe('上海精工机械集团有限公司');
    expect(name.account).toMatchObject({ id: null, tier: 'strategic', owner: null, ownedBy: 'company' });
    const staff = (
      await as(app, s.director!).post('/registrations/check', { companyName: '上海精工机械集团', agentId: fx.agent.id })
    ).json();
    expect(staff.conflicts.find((c: { kind: string }) => c.kind === 'name').account).toMatchObject({
      id: fx.accounts.group.id,
      owner: 'kam',
    });
  });

  it('a live registration of another agent wins for N days: first registration', async () => {
    const first = await as(app, s.agent2!).post('/registrations', {
      companyName: '明阳新材料有限公司',
      productLine: 'PLC',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'approved', rule: 'no_conflict', decision: 'auto_approve' });
    expect(first.json().expiresOn).not.toBeNull();
    const second = await as(app, s.agent!).post('/registrations', { companyName: '明阳新材料', productLine: 'SERVO' });
    expect(second.statusCode).toBe(201);
    const body = second.json();
    expect(body).toMatchObject({ status: 'rejected', rule: 'first_registration', decision: 'auto_reject' });
    const evidence = body.conflicts.find((c: { kind: string }) => c.kind === 'registration');
    // the agent learns a claim exists, not whose
    expect(evidence.registration).toMatchObject({ id: null, agentName: '其他代理商', status: 'approved' });
    expect(second.body).not.toContain('杭州钱塘');
    const notices = await as(app, s.agent!).get('/channel-notices');
    // the notice is a kind and its parameters, worded by the reader's UI in its language
    expect(notices.json().find((n: { registrationId: string }) => n.registrationId === body.id)).toMatchObject({
      kind: 'auto_reject',
      companyName: '明阳新材料',
      rule: 'first_registration',
      reason: null,
      splitShare: null,
    });
    expect(notices.body).not.toContain('杭州钱塘');
  });
});

describe('registering a strategic account is blocked with its evidence', () => {
  it('is stored as rejected by the protection rule and changes no assignment', async () => {
    const before = await rows(database.db, sql`select * from account_agents order by account_id, agent_id`);
    const res = await as(app, s.agent!).post('/registrations', { companyName: '精工机械集团', productLine: 'PLC' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'rejected', rule: 'protected_account', account: null });
    expect(res.json().explanation).toContain('战略客户');
    expect(await rows(database.db, sql`select * from account_agents order by account_id, agent_id`)).toEqual(before);
  });

  it('bad input names the field and saves nothing', async () => {
    const before = await one<{ n: number }>(database.db, sql`select count(*)::int as n from registrations`);
    const res = await as(app, s.agent!).post('/registrations', {
      companyName: '某公司',
      productLine: 'PLC',
      creditCode: 'XYZ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toContain('creditCode');
    const phone = await as(app, s.agent!).post('/registrations', {
      companyName: '某公司',
      productLine: 'PLC',
      contactPhone: 'abc',
    });
    expect(phone.statusCode).toBe(400);
    expect(await one(database.db, sql`select count(*)::int as n from registrations`)).toEqual(before);
  });
});

describe('the channel manager’s queue', () => {
  let queued: { id: string; version: number };

  it('an undecidable claim is queued, raises a channel-conflict alert on the account, and shows in the queue', async () => {
    const res = await as(app, s.agent!).post('/registrations', {
      companyName: '宏达贸易有限公司',
      contactPhone: '13800138000',
      productLine: 'SERVO',
    });
    expect(res.json()).toMatchObject({ status: 'queued', rule: 'manual_review' });
    queued = res.json();
    const evaluation = await evaluateAlerts(database.db);
    expect(evaluation.byRule.channel_conflict).toBe(1);
    const alert = await one<{ account_id: string; reason: string }>(
      database.db,
      sql`select account_id, reason from alerts where rule = 'channel_conflict'`,
    );
    expect(alert?.account_id).toBe(fx.accounts.group.id);
    const list = (await as(app, s.director!).get('/registrations?status=queued')).json();
    expect(list.items.map((r: { id: string }) => r.id)).toContain(queued.id);
    const item = list.items.find((r: { id: string }) => r.id === queued.id);
    expect(item.conflicts[0]).toMatchObject({ kind: 'phone', account: { id: fx.accounts.group.id } });
  });

  it('only a channel manager decides; an agent or a KAM gets 403 and nothing changes', async () => {
    for (const who of ['agent', 'kam']) {
      const res = await as(app, s[who]!).post(`/registrations/${queued.id}/decision`, {
        version: queued.version,
        decision: 'approve',
        reason: '自己批准',
      });
      expect(res.statusCode, who).toBe(403);
    }
    expect(
      (await one<{ status: string }>(database.db, sql`select status from registrations where id = ${queued.id}`))
        ?.status,
    ).toBe('queued');
  });

  it('the decision is recorded with its reason, audited, and notified to both sides', async () => {
    const res = await as(app, s.director!).post(`/registrations/${queued.id}/decision`, {
      version: queued.version,
      decision: 'split',
      reason: '代理商先接触，客户经理维护关系，按 60/40 分成',
      splitShare: 60,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'approved',
      decision: 'split',
      splitShare: 60,
      decidedBy: { displayName: 'director' },
    });
    const audited = await one<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where action = 'registration.split' and entity_id = ${queued.id}`,
    );
    expect(audited?.n).toBe(1);
    const agentNotices = (await as(app, s.agent!).get('/channel-notices')).json();
    expect(agentNotices.find((n: { registrationId: string }) => n.registrationId === queued.id)).toMatchObject({
      kind: 'split',
      reason: '代理商先接触，客户经理维护关系，按 60/40 分成',
      splitShare: 60,
    });
    const kamNotices = (await as(app, s.kam!).get('/channel-notices')).json();
    expect(kamNotices.find((n: { registrationId: string }) => n.registrationId === queued.id)).toMatchObject({
      kind: 'split',
      splitShare: 60,
    });
    expect((await as(app, s.kam2!).get('/channel-notices')).json()).toEqual([]);
    // a decided claim leaves the queue, and its alert resolves on the next evaluation
    await evaluateAlerts(database.db);
    const open = await one<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from alerts where rule = 'channel_conflict' and status <> 'resolved'`,
    );
    expect(open?.n).toBe(0);
    const again = await as(app, s.director!).post(`/registrations/${queued.id}/decision`, {
      version: res.json().version,
      decision: 'reject',
      reason: '再改',
    });
    expect(again.statusCode).toBe(400);
  });

  it('transfer gives the claim to another agent', async () => {
    const r = (
      await as(app, s.agent!).post('/registrations', {
        companyName: '远航物流有限公司',
        contactEmail: 'x@example.cn',
        productLine: 'HMI',
      })
    ).json();
    expect(r.status).toBe('queued');
    const res = await as(app, s.director!).post(`/registrations/${r.id}/decision`, {
      version: r.version,
      decision: 'transfer',
      reason: '该客户在杭州钱塘的服务半径内',
      transferToAgentId: agent2Id,
    });
    expect(res.json()).toMatchObject({ decision: 'transfer', transferredTo: { id: agent2Id } });
    expect((await as(app, s.agent2!).get(`/registrations/${r.id}`)).statusCode).toBe(200);
  });

  it('renewal opens near the expiry only', async () => {
    const r = (
      await as(app, s.agent!).post('/registrations', { companyName: '星河光电有限公司', productLine: 'SERVO' })
    ).json();
    expect(r.status).toBe('approved');
    const early = await as(app, s.agent!).post(`/registrations/${r.id}/renew`, { version: r.version });
    expect(early.statusCode).toBe(400);
    await database.db.execute(sql`update registrations set expires_on = current_date + 5 where id = ${r.id}`);
    const renewed = await as(app, s.agent!).post(`/registrations/${r.id}/renew`, { version: r.version });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json().renewals).toBe(1);
  });
});

describe('an agent user reads only its own', () => {
  it('agents: its own agency, 404 for another', async () => {
    const list = (await as(app, s.agent!).get('/agents')).json();
    expect(list.items.map((a: { id: string }) => a.id)).toEqual([fx.agent.id]);
    expect(list.total).toBe(1);
    expect((await as(app, s.agent!).get(`/agents/${agent2Id}`)).statusCode).toBe(404);
    expect((await as(app, s.agent!).get(`/agents/${agent2Id}/accounts`)).statusCode).toBe(404);
    expect((await as(app, s.agent!).get(`/agents/${agent2Id}/orders`)).statusCode).toBe(404);
    const own = (await as(app, s.agent!).get(`/agents/${fx.agent.id}`)).json();
    expect(own.users.map((u: { username: string }) => u.username)).toEqual(['agent']);
    const accounts = (await as(app, s.agent!).get(`/agents/${fx.agent.id}/accounts`)).json();
    expect(accounts.items.map((a: { accountId: string }) => a.accountId)).toContain(fx.accounts.solo.id);
    expect(accounts.items.map((a: { accountId: string }) => a.accountId)).not.toContain(fx.accounts.other.id);
  });

  it('registrations: only its own (and those transferred to it), counted so', async () => {
    const mine = (await as(app, s.agent!).get('/registrations?limit=500')).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.total).toBe(mine.items.length);
    for (const r of mine.items) expect(r.agent.id).toBe(fx.agent.id);
    const theirs = (await as(app, s.agent2!).get('/registrations')).json();
    for (const r of theirs.items) expect(r.agent.id === agent2Id || r.transferredTo?.id === agent2Id).toBe(true);
    const other = theirs.items.find((r: { agent: { id: string } }) => r.agent.id === agent2Id);
    expect((await as(app, s.agent!).get(`/registrations/${other.id}`)).statusCode).toBe(404);
    const filtered = (await as(app, s.agent!).get(`/registrations?agentId=${agent2Id}`)).json();
    expect(filtered.total).toBe(0);
  });

  it('a KAM sees registrations about its own accounts or naming them in the evidence, and no others', async () => {
    const kam2 = (await as(app, s.kam2!).get('/registrations')).json();
    expect(kam2.items.length).toBeGreaterThan(0);
    for (const r of kam2.items) {
      const named = [r.account?.id, ...r.conflicts.map((c: { account: { id: string } | null }) => c.account?.id)];
      expect(named).toContain(fx.accounts.other.id);
    }
    const kam = (await as(app, s.kam!).get('/registrations')).json();
    const onGroup = kam.items.find((r: { account: { id: string } | null }) => r.account?.id === fx.accounts.group.id);
    expect(onGroup).toBeDefined();
    expect((await as(app, s.kam2!).get(`/registrations/${onGroup.id}`)).statusCode).toBe(404);
  });

  it('an account it serves shows the agent its own orders’ figures only', async () => {
    const line = [{ productId: fx.product.id, quantity: 3 }];
    const direct = await as(app, s.kam!).post('/orders', {
      accountId: fx.accounts.solo.id,
      orderNo: 'SO-DIRECT',
      orderDate: '2026-10-05',
      lines: line,
    });
    const via = await as(app, s.kam!).post('/orders', {
      accountId: fx.accounts.solo.id,
      orderNo: 'SO-AGENT',
      orderDate: '2026-10-06',
      channel: 'agent',
      agentId: fx.agent.id,
      lines: [{ productId: fx.product.id, quantity: 1 }],
    });
    expect(direct.statusCode, direct.body).toBe(201);
    expect(via.statusCode, via.body).toBe(201);
    const asAgent = (await as(app, s.agent!).get(`/accounts/${fx.accounts.solo.id}`)).json();
    const asKam = (await as(app, s.kam!).get(`/accounts/${fx.accounts.solo.id}`)).json();
    expect(asAgent.own.revenue12m).toBe(via.json().amount);
    expect(asKam.own.revenue12m).toBe(via.json().amount + direct.json().amount);
    const orders = (await as(app, s.agent!).get(`/orders?accountId=${fx.accounts.solo.id}`)).json();
    expect(orders.items.map((o: { orderNo: string }) => o.orderNo)).toEqual(['SO-AGENT']);
  });

  it('pricing is closed to agents and the service desk', async () => {
    for (const url of ['/price-lists', '/price-agreements', '/discount-requests', '/discount-report', '/pricing-rules'])
      for (const who of ['agent', 'service'])
        expect((await as(app, s[who]!).get(url)).statusCode, `${who} ${url}`).toBe(403);
  });

  it('no list an agent can reach carries another account', async () => {
    const lists = [
      '/accounts',
      '/contacts',
      '/orders',
      '/interactions',
      '/needs',
      '/tasks',
      '/complaints',
      '/surveys',
      `/agents/${fx.agent.id}/accounts`,
      `/agents/${fx.agent.id}/orders`,
    ];
    for (const url of lists) {
      const res = await as(app, s.agent!).get(url);
      if (res.statusCode === 403) continue;
      expect(res.statusCode, url).toBe(200);
      for (const item of res.json().items) {
        const accountId = item.accountId ?? item.id;
        expect([fx.accounts.solo.id], url).toContain(accountId);
      }
    }
    for (const url of [
      `/accounts/${fx.accounts.group.id}`,
      `/accounts/${fx.accounts.group.id}/timeline`,
      `/accounts/${fx.accounts.group.id}/relationship-map`,
      `/accounts/${fx.accounts.group.id}/value`,
      `/contacts/${fx.contacts.kamContact.id}`,
    ]) {
      const res = await as(app, s.agent!).get(url);
      expect([403, 404], url).toContain(res.statusCode);
    }
  });
});
