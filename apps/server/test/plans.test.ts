import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../src/modules/analytics/index.js';
import { planActionCompletion } from '../src/modules/plans/index.js';
import { insertUser } from '../src/modules/users/index.js';
import { one, sql } from '../src/platform/db/index.js';
import { todayInChina } from '../src/platform/today.js';
import { as, contentDigest, type Fixture, login, PASSWORD, seedFixture, testApp, testDatabase } from './helpers.js';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: FastifyInstance;
let fx: Fixture;
let kam: ReturnType<typeof as>;
let kam2: ReturnType<typeof as>;
let director: ReturnType<typeof as>;
let southDirector: ReturnType<typeof as>;
let service: ReturnType<typeof as>;
let agent: ReturnType<typeof as>;

const today = todayInChina();
const year = Number(today.slice(0, 4));
const daysFrom = (days: number) => new Date(Date.parse(today) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  database = await testDatabase();
  fx = await seedFixture(database);
  await insertUser(database.db, {
    username: 'director2',
    displayName: 'director2',
    role: 'director',
    orgUnitId: fx.orgUnits.south.id,
    password: PASSWORD,
    agentId: null,
  });
  app = await testApp(database);
  kam = as(app, await login(app, 'kam'));
  kam2 = as(app, await login(app, 'kam2'));
  director = as(app, await login(app, 'director'));
  southDirector = as(app, await login(app, 'director2'));
  service = as(app, await login(app, 'service'));
  agent = as(app, await login(app, 'agent'));
  await runAnalysis(database.db, { asOf: today, trigger: 'cli', startedBy: null });
  await database.db.execute(sql`update analysis_results set tier = 'general'`);
  await database.db.execute(
    sql`update analysis_results set tier = 'strategic' where account_id = ${fx.accounts.group.id}`,
  );
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

/** The response has the status, and the database (audit log aside) is exactly as before. */
async function unchanged(send: () => Promise<{ statusCode: number; body: string }>, status: number) {
  const before = await contentDigest(database.db);
  const res = await send();
  expect(res.statusCode, res.body).toBe(status);
  const after = await contentDigest(database.db);
  delete before.audit_log;
  delete after.audit_log;
  expect(after).toEqual(before);
  return res.json() as { errors?: { path: string }[] };
}

type PlanBody = {
  id: string;
  version: number;
  status: string;
  revision: number;
  actions: {
    id: string;
    title: string;
    strategy: string;
    dueDate: string;
    status: string;
    version: number;
    owner: { id: string };
    resources: string | null;
    budget: number | null;
  }[];
  goals: { kind: string; role: string | null; actual: number | null }[];
};

const keep = (a: PlanBody['actions'][number]) => ({
  id: a.id,
  strategy: a.strategy,
  title: a.title,
  ownerId: a.owner.id,
  dueDate: a.dueDate,
  resources: a.resources,
  budget: a.budget,
});

describe('account plans', () => {
  let plan: PlanBody;

  it('starts a strategic account’s plan from the strategic template', async () => {
    const res = await kam.post(`/accounts/${fx.accounts.group.id}/plans`, { year });
    expect(res.statusCode, res.body).toBe(201);
    plan = res.json();
    expect(plan).toMatchObject({ status: 'draft', revision: 1, tier: 'strategic', needsApproval: true });
    expect(new Set(plan.actions.map((a) => a.strategy))).toEqual(new Set(['product', 'price', 'promotion', 'channel']));
    expect(plan.goals.some((g) => g.kind === 'relationship' && g.role === 'economic_buyer')).toBe(true);
    expect(res.json().reviews).toHaveLength(4);
  });

  it('keeps one plan per account and year', async () => {
    await unchanged(() => kam.post(`/accounts/${fx.accounts.group.id}/plans`, { year }), 409);
  });

  it('is not found outside the scope, and lists only what is in scope', async () => {
    expect((await kam2.get(`/plans/${plan.id}`)).statusCode).toBe(404);
    expect((await kam2.get(`/plans/${plan.id}/versions`)).statusCode).toBe(404);
    expect((await kam2.get(`/plans/${plan.id}/diff?from=1&to=1`)).statusCode).toBe(404);
    await unchanged(() => kam2.post(`/accounts/${fx.accounts.group.id}/plans`, { year }), 404);
    await unchanged(() => kam2.patch(`/plans/${plan.id}`, { version: plan.version, title: 'x' }), 404);
    await unchanged(() => kam2.post(`/plans/${plan.id}/submit`, { version: plan.version }), 404);
    await unchanged(
      () =>
        kam2.post(`/plans/${plan.id}/adjustments`, {
          version: plan.version,
          reasonKind: 'competition',
          reason: 'x',
          title: 'x',
        }),
      404,
    );
    const action = plan.actions[0]!;
    await unchanged(
      () => kam2.patch(`/plans/${plan.id}/actions/${action.id}`, { version: action.version, status: 'done' }),
      404,
    );
    expect((await kam2.get('/plans')).json().total).toBe(0);
    expect((await kam2.get('/plan-actions')).json().total).toBe(0);
    expect((await kam.get('/plans')).json().total).toBe(1);
    expect((await agent.get('/plans')).statusCode).toBe(403);
  });

  it('edits a draft, refusing a bad owner with a 400 naming the field', async () => {
    const bad = await unchanged(
      () =>
        kam.patch(`/plans/${plan.id}`, {
          version: plan.version,
          actions: [{ ...keep(plan.actions[0]!), ownerId: fx.accounts.group.id }],
        }),
      400,
    );
    expect(bad.errors?.[0]?.path).toBe('body.actions.0.ownerId');
    const res = await kam.patch(`/plans/${plan.id}`, {
      version: plan.version,
      swot: {
        strengths: ['PLC 装机量第一'],
        weaknesses: ['交期偏长'],
        opportunities: ['产线升级'],
        threats: ['西门子降价'],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    plan = res.json();
    expect(plan.revision).toBe(1);
  });

  it('needs the approval of a director of the account’s org unit (or an admin), audited', async () => {
    plan = (await kam.post(`/plans/${plan.id}/submit`, { version: plan.version })).json();
    expect(plan.status).toBe('submitted');
    await unchanged(() => kam.post(`/plans/${plan.id}/approve`, { version: plan.version }), 403);
    await unchanged(() => service.post(`/plans/${plan.id}/approve`, { version: plan.version }), 403);
    await unchanged(() => southDirector.post(`/plans/${plan.id}/approve`, { version: plan.version }), 404);
    const res = await director.post(`/plans/${plan.id}/approve`, {
      version: plan.version,
      note: '同意，重点盯住价格策略',
    });
    expect(res.statusCode, res.body).toBe(200);
    plan = res.json();
    expect(res.json()).toMatchObject({ status: 'approved', approvedBy: { displayName: 'director' } });
    const logged = await one<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where action = 'plan.approve' and entity_id = ${fx.accounts.group.id}
            and details->>'planId' = ${plan.id}`,
    );
    expect(logged?.n).toBe(1);
  });

  it('sends a strategic plan back to draft only with a note, by a director of its org unit, audited', async () => {
    const next = (await kam.post(`/accounts/${fx.accounts.group.id}/plans`, { year: year + 1 })).json();
    const sent = (await kam.post(`/plans/${next.id}/submit`, { version: next.version })).json();
    expect(sent.status).toBe('submitted');
    await unchanged(() => southDirector.post(`/plans/${next.id}/return`, { version: sent.version, note: '再议' }), 404);
    await unchanged(() => kam.post(`/plans/${next.id}/return`, { version: sent.version, note: '再议' }), 403);
    const noNote = await unchanged(() => director.post(`/plans/${next.id}/return`, { version: sent.version }), 400);
    expect(noNote.errors?.[0]?.path).toBe('body.note');
    const res = await director.post(`/plans/${next.id}/return`, {
      version: sent.version,
      note: '收入目标偏低，请上调',
    });
    expect(res.json()).toMatchObject({ status: 'draft', approvalNote: '收入目标偏低，请上调' });
    const logged = await one<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where action = 'plan.return' and details->>'planId' = ${next.id}`,
    );
    expect(logged?.n).toBe(1);
  });

  it('lets a plan below strategic take effect when submitted', async () => {
    const created = (await kam.post(`/accounts/${fx.accounts.solo.id}/plans`, { year })).json();
    expect(created).toMatchObject({ tier: 'general', needsApproval: false });
    const res = await kam.post(`/plans/${created.id}/submit`, { version: created.version });
    expect(res.json()).toMatchObject({ status: 'approved', approvedBy: null });
  });

  it('does not edit an approved plan directly: that is an adjustment', async () => {
    await unchanged(() => kam.patch(`/plans/${plan.id}`, { version: plan.version, title: '改名' }), 409);
    const noReason = await unchanged(
      () =>
        kam.post(`/plans/${plan.id}/adjustments`, { version: plan.version, title: '改名', reasonKind: 'competition' }),
      400,
    );
    expect(noReason.errors?.[0]?.path).toBe('body.reason');
  });

  it('adjusts with a reason: a new revision whose diff reads what changed', async () => {
    const [moved, dropped, ...rest] = plan.actions;
    const res = await kam.post(`/plans/${plan.id}/adjustments`, {
      version: plan.version,
      reasonKind: 'competition',
      reason: '竞争对手降价 15%，价格策略提前',
      actions: [
        { ...keep(moved!), dueDate: daysFrom(-10) },
        ...rest.map(keep),
        {
          strategy: 'price',
          title: '针对竞品降价提供阶梯返利方案',
          ownerId: fx.users.kam.id,
          dueDate: daysFrom(20),
          resources: null,
          budget: 5_000_000,
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    plan = res.json();
    expect(plan.revision).toBe(2);
    expect(plan.actions.find((a) => a.id === dropped!.id)?.status).toBe('cancelled');
    const versions = (await kam.get(`/plans/${plan.id}/versions`)).json().items;
    expect(versions.map((v: { revision: number; reasonKind: string }) => [v.revision, v.reasonKind])).toEqual([
      [2, 'competition'],
      [1, 'initial'],
    ]);
    expect(versions[0].changedBy.displayName).toBe('kam');
    const diff = (await kam.get(`/plans/${plan.id}/diff?from=1&to=2`)).json();
    const changes = diff.changes as {
      section: string;
      change: string;
      label: string;
      field: string | null;
      after: string | null;
    }[];
    expect(changes).toContainEqual(
      expect.objectContaining({
        section: 'actions',
        change: 'changed',
        label: moved!.title,
        field: 'dueDate',
        after: daysFrom(-10),
      }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({ section: 'actions', change: 'removed', label: dropped!.title }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({ section: 'actions', change: 'added', label: '针对竞品降价提供阶梯返利方案' }),
    );
    expect((await kam.get(`/plans/${plan.id}/diff?from=1&to=9`)).json().errors[0].path).toBe('querystring.to');
  });

  it('lists overdue actions in scope and counts completion from the data', async () => {
    const overdue = (await kam.get(`/plan-actions?overdue=true&accountId=${fx.accounts.group.id}`)).json();
    const moved = overdue.items.find((a: { dueDate: string }) => a.dueDate === daysFrom(-10));
    expect(moved).toMatchObject({ overdue: true, daysOverdue: 10, accountName: fx.accounts.group.name });
    expect((await kam2.get('/plan-actions?overdue=true')).json().total).toBe(0);
    const res = await kam.patch(`/plans/${plan.id}/actions/${moved.id}`, { version: moved.version, status: 'done' });
    expect(res.statusCode, res.body).toBe(200);
    plan = res.json();
    expect(plan.revision).toBe(2);
    const live = plan.actions.filter((a) => a.status !== 'cancelled');
    const due = live.filter((a) => a.dueDate >= `${year}-01-01` && a.dueDate <= today);
    const done = due.filter((a) => a.status === 'done');
    const completion = await planActionCompletion(
      database.db,
      { accountId: fx.accounts.group.id },
      { from: `${year}-01-01`, to: today },
    );
    expect(completion).toMatchObject({ due: due.length, done: done.length, rate: done.length / due.length });
    expect(done.length).toBe(1);
    const byUnit = await planActionCompletion(
      database.db,
      { orgUnitId: fx.orgUnits.south.id },
      { from: `${year}-01-01`, to: today },
    );
    expect(byUnit.due).toBe(0);
    const byEast = await planActionCompletion(
      database.db,
      { orgUnitId: fx.orgUnits.east.id },
      { from: `${year}-01-01`, to: today },
    );
    expect(byEast.due).toBeGreaterThanOrEqual(due.length);
  });
});

describe('opportunities', () => {
  let opp: { id: string; version: number; probability: number; stage: string };
  let second: { id: string; version: number };

  beforeAll(async () => {
    const [category] = await database.db
      .execute<{ id: string }>(
        sql`insert into product_categories (code, name) values ('SERVO', '伺服系统') returning id`,
      )
      .then((r) => (Array.isArray(r) ? r : (r as { rows: { id: string }[] }).rows));
    await database.db.execute(sql`insert into products (code, name, category_id, list_price, standard_cost)
      values ('SV-1', '伺服驱动器', ${category!.id}, 100000, 60000)`);
    await database.db.execute(sql`insert into analysis_recommendations (run_id, account_id, category_id, because_category_id, support, confidence, lift, peers)
      values ((select id from analysis_runs order by started_at desc limit 1), ${fx.accounts.group.id}, ${category!.id}, ${fx.category.id}, 0.2, 0.6, 2.5, 12)`);
  });

  it('records an opportunity with the stage’s probability', async () => {
    const res = await kam.post(`/accounts/${fx.accounts.group.id}/opportunities`, {
      title: '二期产线 PLC 改造',
      amount: 120_000_000,
      categoryIds: [fx.category.id],
      expectedClose: daysFrom(40),
      stage: 'consideration',
    });
    expect(res.statusCode, res.body).toBe(201);
    opp = res.json();
    expect(res.json()).toMatchObject({
      probability: 25,
      weighted: 30_000_000,
      kind: 'new_business',
      source: { kind: 'manual' },
    });
  });

  it('keeps the recommendation an opportunity came from', async () => {
    const category = await one<{ id: string }>(
      database.db,
      sql`select id from product_categories where code = 'SERVO'`,
    );
    const res = await kam.post(`/accounts/${fx.accounts.group.id}/opportunities`, {
      title: '伺服系统交叉销售',
      amount: 30_000_000,
      expectedClose: daysFrom(70),
      fromRecommendation: category!.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    second = res.json();
    expect(res.json()).toMatchObject({
      kind: 'cross_sell',
      categories: [{ id: category!.id }],
      source: { kind: 'recommendation', categoryId: category!.id, evidence: { because: '可编程控制器', lift: 2.5 } },
    });
    const bad = await unchanged(
      () =>
        kam.post(`/accounts/${fx.accounts.solo.id}/opportunities`, {
          title: 'x',
          amount: 1,
          expectedClose: daysFrom(1),
          fromRecommendation: category!.id,
        }),
      400,
    );
    expect(bad.errors?.[0]?.path).toBe('body.fromRecommendation');
    const value = (await kam.get(`/accounts/${fx.accounts.group.id}/value`)).json();
    expect(value.whitespace.find((w: { categoryId: string }) => w.categoryId === category!.id)).toMatchObject({
      state: 'opportunity',
      opportunityId: second.id,
    });
  });

  it('is not found outside the scope, and lists only what is in scope', async () => {
    expect((await kam2.get(`/opportunities/${opp.id}`)).statusCode).toBe(404);
    await unchanged(() => kam2.patch(`/opportunities/${opp.id}`, { version: opp.version, stage: 'decision' }), 404);
    await unchanged(
      () => kam2.post(`/opportunities/${opp.id}/close`, { version: opp.version, outcome: 'won', reason: 'x' }),
      404,
    );
    await unchanged(
      () =>
        kam2.put(`/opportunities/${opp.id}/buying-centre/${fx.contacts.kamContact.id}`, {
          role: 'user',
          stance: 'neutral',
        }),
      404,
    );
    await unchanged(
      () =>
        kam2.post(`/accounts/${fx.accounts.group.id}/opportunities`, {
          title: 'x',
          amount: 1,
          expectedClose: daysFrom(1),
        }),
      404,
    );
    await unchanged(() => kam2.delete(`/opportunities/${opp.id}/buying-centre/${fx.contacts.kamContact.id}`), 404);
    expect((await kam2.get('/opportunities')).json().total).toBe(0);
    expect((await kam.get('/opportunities')).json().total).toBe(2);
    expect(
      (await kam2.get('/opportunities/pipeline')).json().stages.every((s: { count: number }) => s.count === 0),
    ).toBe(true);
    expect(
      (await kam2.get(`/opportunities/forecast?from=${today.slice(0, 7)}&months=3`))
        .json()
        .months.every((m: { weighted: number }) => m.weighted === 0),
    ).toBe(true);
  });

  it('moves along the buying stages with each person’s stance at the stage', async () => {
    let res = await kam.put(`/opportunities/${opp.id}/buying-centre/${fx.contacts.kamContact.id}`, {
      role: 'economic_buyer',
      stance: 'sceptic',
    });
    expect(res.json().buyingCentre).toMatchObject([{ name: '王建国', role: 'economic_buyer', stance: 'sceptic' }]);
    opp = res.json();
    res = await kam.patch(`/opportunities/${opp.id}`, { version: opp.version, stage: 'decision' });
    expect(res.json()).toMatchObject({ stage: 'decision', probability: 50 });
    expect(res.json().buyingCentre[0].stance).toBeNull();
    opp = res.json();
    res = await kam.put(`/opportunities/${opp.id}/buying-centre/${fx.contacts.kamContact.id}`, {
      role: 'economic_buyer',
      stance: 'supporter',
    });
    expect(res.json().buyingCentre[0]).toMatchObject({
      stance: 'supporter',
      stances: [{ stage: 'consideration' }, { stage: 'decision' }],
    });
    opp = res.json();
    await unchanged(
      () =>
        kam.put(`/opportunities/${opp.id}/buying-centre/${fx.contacts.otherContact.id}`, {
          role: 'user',
          stance: 'neutral',
        }),
      404,
    );
  });

  it('wins or loses only with a reason', async () => {
    const missing = await unchanged(
      () => kam.post(`/opportunities/${opp.id}/close`, { version: opp.version, outcome: 'won' }),
      400,
    );
    expect(missing.errors?.[0]?.path).toBe('body.reason');
    const res = await kam.post(`/opportunities/${opp.id}/close`, {
      version: opp.version,
      outcome: 'won',
      reason: '方案通过技术评审，价格有竞争力',
    });
    expect(res.json()).toMatchObject({ status: 'won', probability: 100, stage: 'purchase', closedOn: today });
    const lost = await kam.post(`/opportunities/${second.id}/close`, {
      version: second.version,
      outcome: 'lost',
      reason: '预算推迟到明年',
    });
    expect(lost.json()).toMatchObject({ status: 'lost', probability: 0 });
  });

  it('shows the pipeline and the forecast against the target', async () => {
    const third = await kam.post(`/accounts/${fx.accounts.solo.id}/opportunities`, {
      title: '传感器年度采购',
      amount: 10_000_000,
      expectedClose: `${today.slice(0, 7)}-28`,
      stage: 'decision',
    });
    expect(third.statusCode, third.body).toBe(201);
    const pipe = (await kam.get('/opportunities/pipeline')).json();
    expect(pipe.stages.find((s: { stage: string }) => s.stage === 'decision')).toMatchObject({
      count: 1,
      amount: 10_000_000,
      weighted: 5_000_000,
    });
    expect(pipe).toMatchObject({ won: { count: 1, amount: 120_000_000 }, lost: { count: 1 }, winRate: 0.5 });

    const months = Array.from({ length: 12 }, (_, i) => (i === Number(today.slice(5, 7)) - 1 ? 200_000_000 : null));
    await unchanged(() => kam.put('/sales-targets', { userId: fx.users.kam.id, year, months }), 403);
    await unchanged(() => southDirector.put('/sales-targets', { userId: fx.users.kam.id, year, months }), 404);
    expect((await director.put('/sales-targets', { userId: fx.users.kam.id, year, months })).statusCode).toBe(200);
    expect((await kam2.get(`/sales-targets?userId=${fx.users.kam.id}&year=${year}`)).statusCode).toBe(404);
    expect((await kam.get(`/sales-targets?userId=${fx.users.kam.id}&year=${year}`)).json().months).toEqual(months);

    const forecast = (await kam.get(`/opportunities/forecast?from=${today.slice(0, 7)}&months=2`)).json();
    expect(forecast.target).toMatchObject({ kind: 'user', id: fx.users.kam.id });
    expect(forecast.months[0]).toMatchObject({
      month: today.slice(0, 7),
      weighted: 5_000_000,
      won: 120_000_000,
      target: 200_000_000,
    });
    expect(forecast.months[1].target).toBeNull();
  });
});

describe('contracts', () => {
  let contract: { id: string; version: number };

  it('records a contract linked to a plan item, expiring within the tier’s window', async () => {
    const plan = (await kam.get(`/plans?accountId=${fx.accounts.group.id}&year=${year}`)).json().items[0];
    const full = (await kam.get(`/plans/${plan.id}`)).json();
    const adjusted = await kam.post(`/plans/${plan.id}/adjustments`, {
      version: full.version,
      reasonKind: 'customer_feedback',
      reason: '客户提出签订三年长期协议',
      items: [
        {
          kind: 'long_term_agreement',
          title: '三年供货协议',
          terms: '年采购额不低于 800 万，价格年降 2%',
          startDate: `${year}-01-01`,
          endDate: `${year + 2}-12-31`,
        },
      ],
    });
    expect(adjusted.statusCode, adjusted.body).toBe(200);
    const item = adjusted.json().items[0];
    const res = await kam.post(`/accounts/${fx.accounts.group.id}/contracts`, {
      code: 'HT-2024-001',
      title: '维保服务合同',
      kind: 'maintenance',
      value: 48_000_000,
      startDate: daysFrom(-300),
      endDate: daysFrom(45),
      renewalTerms: '到期前 60 天协商续签',
      planItemIds: [item.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    contract = res.json();
    expect(res.json()).toMatchObject({ state: 'expiring', daysToEnd: 45, planItems: [{ id: item.id }] });
    expect((await kam.get(`/plans/${plan.id}`)).json().items[0].contracts).toMatchObject([{ code: 'HT-2024-001' }]);
    const bad = await unchanged(
      () =>
        kam.post(`/accounts/${fx.accounts.group.id}/contracts`, {
          code: 'HT-X',
          title: 'x',
          kind: 'project',
          value: 1,
          startDate: daysFrom(0),
          endDate: daysFrom(-1),
        }),
      400,
    );
    expect(bad.errors?.[0]?.path).toBe('body.endDate');
  });

  it('is not found outside the scope, and lists only what is in scope', async () => {
    expect((await kam2.get(`/contracts/${contract.id}`)).statusCode).toBe(404);
    await unchanged(() => kam2.patch(`/contracts/${contract.id}`, { version: contract.version, title: 'x' }), 404);
    await unchanged(() => kam2.delete(`/contracts/${contract.id}?version=${contract.version}`), 404);
    await unchanged(
      () =>
        kam2.post(`/accounts/${fx.accounts.group.id}/contracts`, {
          code: 'HT-Y',
          title: 'x',
          kind: 'project',
          value: 1,
          startDate: daysFrom(0),
          endDate: daysFrom(1),
        }),
      404,
    );
    expect((await kam2.get('/contracts')).json().total).toBe(0);
    expect((await kam.get('/contracts?state=expiring')).json().total).toBe(1);
    expect((await kam.get('/contracts?state=expired')).json().total).toBe(0);
  });

  it('raises one contract-expiring alert per account until a renewal is signed', async () => {
    const { evaluateAlerts } = await import('../src/modules/alerts/index.js');
    const first = await evaluateAlerts(database.db);
    expect(first.byRule.contract_expiring).toBe(1);
    const alert = await one<{ reason: string; link: string; severity: string }>(
      database.db,
      sql`select reason, link, severity from alerts where rule = 'contract_expiring' and status = 'open' and account_id = ${fx.accounts.group.id}`,
    );
    expect(alert).toMatchObject({ link: `/accounts/${fx.accounts.group.id}?tab=contracts`, severity: 'warning' });
    expect(alert?.reason).toContain('维保服务合同');
    const again = await evaluateAlerts(database.db);
    const count = await one<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from alerts where rule = 'contract_expiring'`,
    );
    expect(again.byRule.contract_expiring).toBe(1);
    expect(count?.n).toBe(1);
    const renewal = await kam.post(`/accounts/${fx.accounts.group.id}/contracts`, {
      code: 'HT-2025-001',
      title: '维保服务合同（续签）',
      kind: 'maintenance',
      value: 50_000_000,
      startDate: daysFrom(46),
      endDate: daysFrom(46 + 365),
      renews: contract.id,
    });
    expect(renewal.statusCode, renewal.body).toBe(201);
    expect((await kam.get(`/contracts/${contract.id}`)).json()).toMatchObject({
      state: 'renewed',
      renewedBy: { code: 'HT-2025-001' },
    });
    await evaluateAlerts(database.db);
    const open = await one<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from alerts where rule = 'contract_expiring' and status <> 'resolved'`,
    );
    expect(open?.n).toBe(0);
  });
});
