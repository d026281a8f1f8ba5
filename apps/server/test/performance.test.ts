import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costToServe } from '../src/modules/performance/index.js';
import { one, sql } from '../src/platform/db/index.js';
import { as, contentDigest, type Fixture, login, seedFixture, testApp, testDatabase } from './helpers.js';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: FastifyInstance;
let fx: Fixture;
let kam: ReturnType<typeof as>;
let kam2: ReturnType<typeof as>;
let director: ReturnType<typeof as>;
let agent: ReturnType<typeof as>;
const kpi: Record<string, string> = {};
/** Records of kam's accounts, for the outside-scope checks of every write endpoint at the end. */
const ids: Record<string, string> = {};

async function order(
  who: ReturnType<typeof as>,
  accountId: string,
  orderNo: string,
  orderDate: string,
  quantity: number,
  discount = 0,
) {
  const res = await who.post('/orders', {
    accountId,
    orderNo,
    orderDate,
    lines: [{ productId: fx.product.id, quantity, discount }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; amount: number; cost: number };
}

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

beforeAll(async () => {
  database = await testDatabase();
  fx = await seedFixture(database);
  app = await testApp(database);
  kam = as(app, await login(app, 'kam'));
  kam2 = as(app, await login(app, 'kam2'));
  director = as(app, await login(app, 'director'));
  agent = as(app, await login(app, 'agent'));
  for (const d of (await kam.get('/kpis')).json().items) kpi[d.code] = d.id;
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('club events', () => {
  let eventId: string;
  it('plans an event, invites contacts of in-scope accounts only, records attendance and a follow-up task', async () => {
    const res = await kam.post('/events', {
      title: '智能制造客户沙龙',
      kind: 'salon',
      heldOn: '2026-10-15',
      cost: 3_000_000,
    });
    expect(res.statusCode, res.body).toBe(201);
    eventId = res.json().id;
    expect(res.json().orgUnit.id).toBe(fx.orgUnits.shanghai.id);
    const bad = await unchanged(
      () => kam.post(`/events/${eventId}/invitations`, { contactIds: [fx.contacts.otherContact.id] }),
      400,
    );
    expect(bad.errors?.[0]?.path).toBe('body.contactIds');
    const invited = await kam.post(`/events/${eventId}/invitations`, { contactIds: [fx.contacts.kamContact.id] });
    expect(invited.statusCode, invited.body).toBe(201);
    const inv = invited.json().invitations[0];
    ids.event = eventId;
    ids.invitation = inv.id;
    expect(inv).toMatchObject({ accountId: fx.accounts.group.id, status: 'invited' });
    const attended = await kam.patch(`/events/${eventId}/invitations/${inv.id}`, {
      version: inv.version,
      status: 'attended',
    });
    expect(attended.json()).toMatchObject({ attended: 1, attendingAccounts: 1, costPerAttendingAccount: 3_000_000 });
    const follow = await kam.post(`/events/${eventId}/invitations/${inv.id}/follow-up`, {
      title: '沙龙后回访王总',
      dueDate: '2026-10-20',
    });
    expect(follow.statusCode, follow.body).toBe(201);
    const task = follow.json().invitations[0].followUpTask;
    expect(task).toMatchObject({ title: '沙龙后回访王总', status: 'open' });
    const listed = await kam.get(`/tasks?accountId=${fx.accounts.group.id}&kind=follow_up`);
    expect(listed.json().items.map((t: { id: string }) => t.id)).toContain(task.id);
    expect(
      (await kam.post(`/events/${eventId}/invitations/${inv.id}/follow-up`, { title: 'x', dueDate: '2026-10-21' }))
        .statusCode,
    ).toBe(409);
    await kam.patch(`/events/${eventId}`, { version: attended.json().version, status: 'held' });
  });

  it('is a 404 outside scope and absent from lists; agents may not read events', async () => {
    expect((await kam2.get(`/events/${eventId}`)).statusCode).toBe(404);
    expect(
      (await kam2.post(`/events/${eventId}/invitations`, { contactIds: [fx.contacts.otherContact.id] })).statusCode,
    ).toBe(404);
    expect((await kam2.get('/events')).json().total).toBe(0);
    expect((await kam.get('/events')).json().total).toBe(1);
    expect((await director.get('/events')).json().items[0]).toMatchObject({ id: eventId, invited: 1 });
    expect((await agent.get('/events')).statusCode).toBe(403);
  });
});

describe('value-added services', () => {
  let id: string;
  it('records a service with its cost and the account feedback', async () => {
    const res = await kam.post(`/accounts/${fx.accounts.group.id}/value-added-services`, {
      kind: 'market_report',
      title: '华东汽车零部件市场分析报告',
      deliveredOn: '2026-10-10',
      cost: 800_000,
    });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    ids.service = id;
    const fb = await kam.patch(`/value-added-services/${id}`, {
      version: res.json().version,
      feedbackScore: 5,
      feedback: '很有价值',
    });
    expect(fb.json()).toMatchObject({ feedbackScore: 5, feedback: '很有价值', cost: 800_000 });
    const bad = await unchanged(
      () =>
        kam.post(`/accounts/${fx.accounts.group.id}/value-added-services`, {
          kind: 'x',
          title: 'a',
          deliveredOn: '2026-10-10',
          cost: 1,
        }),
      400,
    );
    expect(bad.errors?.[0]?.path).toBe('body.kind');
    expect(
      (
        await unchanged(
          () =>
            kam.post(`/accounts/${fx.accounts.group.id}/value-added-services`, {
              kind: 'training',
              title: 'a',
              deliveredOn: '2026-10-10',
              cost: -1,
            }),
          400,
        )
      ).errors?.[0]?.path,
    ).toBe('body.cost');
  });
  it('is a 404 outside scope and filtered from lists', async () => {
    expect((await kam2.get(`/value-added-services/${id}`)).statusCode).toBe(404);
    expect(
      (
        await kam2.post(`/accounts/${fx.accounts.group.id}/value-added-services`, {
          kind: 'training',
          title: 'a',
          deliveredOn: '2026-10-10',
          cost: 1,
        })
      ).statusCode,
    ).toBe(404);
    expect((await kam2.get('/value-added-services')).json().total).toBe(0);
    expect((await kam.get('/value-added-services')).json().total).toBe(1);
  });
});

describe('cost to serve', () => {
  it('is revenue − cost of goods − discounts − complaint, event, service and visit costs', async () => {
    const o = await order(kam, fx.accounts.group.id, 'SO-CTS-1', '2026-10-08', 10, 20_000);
    await kam.post('/interactions', {
      accountId: fx.accounts.group.id,
      kind: 'visit',
      occurredAt: '2026-10-09T02:00:00Z',
      subject: '季度拜访',
    });
    const res = await kam.get(`/accounts/${fx.accounts.group.id}/cost-to-serve?period=2026-Q4`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({
      revenue: o.amount,
      discounts: 20_000,
      grossRevenue: o.amount + 20_000,
      costOfGoods: o.cost,
      eventCost: 3_000_000,
      valueAddedServiceCost: 800_000,
      visits: 1,
      visitCost: 80_000,
    });
    expect(c.contribution).toBe(o.amount - o.cost - 3_000_000 - 800_000 - 80_000);
    const [shared] = await costToServe(database.db, [fx.accounts.group.id], '2026-Q4');
    expect(shared).toEqual(c);
    const idle = await costToServe(database.db, [fx.accounts.solo.id], '2026-Q4');
    expect(idle[0]).toMatchObject({ revenue: 0, contribution: 0 });
  });
  it('follows the configured visit cost', async () => {
    const admin = as(app, await login(app, 'admin'));
    expect((await kam.put('/performance/settings', { visitCost: 1 })).statusCode).toBe(403);
    const res = await admin.put('/performance/settings', { visitCost: 100_000 });
    expect(res.json().visitCost).toBe(100_000);
    expect((await kam.get(`/accounts/${fx.accounts.group.id}/cost-to-serve?period=2026-Q4`)).json().visitCost).toBe(
      100_000,
    );
  });
  it('is a 404 outside scope and the portfolio lists only accounts in scope', async () => {
    expect((await kam2.get(`/accounts/${fx.accounts.group.id}/cost-to-serve?period=2026-Q4`)).statusCode).toBe(404);
    expect((await kam2.get('/cost-to-serve?period=2026-Q4')).json().total).toBe(0);
    const mine = (await kam.get('/cost-to-serve?period=2026-Q4')).json();
    expect(mine.items.map((r: { accountId: string }) => r.accountId)).toEqual([fx.accounts.group.id]);
    expect(mine.unprofitable).toBe(mine.items[0].contribution < 0 ? 1 : 0);
  });
});

describe('KPIs', () => {
  let salesTarget: { id: string };
  it('sets targets (directors) and computes actuals from the orders, equal to an independent SQL sum', async () => {
    expect(
      (
        await kam.post('/kpi-targets', {
          kpiId: kpi.sales,
          subjectKind: 'account',
          subjectId: fx.accounts.group.id,
          period: '2026-Q4',
          target: 1,
        })
      ).statusCode,
    ).toBe(403);
    await order(kam, fx.accounts.group.id, 'SO-KPI-2', '2026-11-02', 4);
    await order(kam, fx.accounts.group.id, 'SO-KPI-Q3', '2026-08-02', 2);
    const res = await director.post('/kpi-targets', {
      kpiId: kpi.sales,
      subjectKind: 'account',
      subjectId: fx.accounts.group.id,
      period: '2026-Q4',
      target: 10_000_000,
    });
    expect(res.statusCode, res.body).toBe(201);
    salesTarget = res.json();
    ids.target = salesTarget.id;
    const sum = await one<{ s: string }>(
      database.db,
      sql`select sum(l.amount) as s from order_lines l join orders o on o.id = l.order_id
           where o.account_id = ${fx.accounts.group.id} and o.status <> 'cancelled' and o.archived_at is null
             and o.order_date >= '2026-10-01' and o.order_date < '2027-01-01'`,
    );
    expect(res.json().actual.value).toBe(Number(sum?.s));
    expect(res.json().gap).toBe(Number(sum?.s) - 10_000_000);
    expect(res.json().status).toBe(
      Number(sum?.s) >= 10_000_000 ? 'green' : Number(sum?.s) >= 9_000_000 ? 'amber' : 'red',
    );
    const drill = await kam.get(
      `/kpi-actuals/records?kpiId=${kpi.sales}&subjectKind=account&subjectId=${fx.accounts.group.id}&period=2026-Q4`,
    );
    const items = drill.json().items as { value: number; kind: string }[];
    expect(items.every((i) => i.kind === 'order')).toBe(true);
    expect(items.reduce((s, i) => s + i.value, 0)).toBe(Number(sum?.s));
  });

  it('a KAM target adds up its accounts; an org unit target its subtree', async () => {
    const t = await director.post('/kpi-targets', {
      kpiId: kpi.sales,
      subjectKind: 'kam',
      subjectId: fx.users.kam.id,
      period: '2026-Q4',
      target: 1,
    });
    const u = await director.post('/kpi-targets', {
      kpiId: kpi.sales,
      subjectKind: 'org_unit',
      subjectId: fx.orgUnits.east.id,
      period: '2026-Q4',
      target: 1,
    });
    expect(t.json().actual.value).toBe(u.json().actual.value);
    expect(t.json().status).toBe('green');
  });

  it('custom KPIs aggregate a fixed measure by category; plan-action completion reports it is not wired', async () => {
    const bad = await unchanged(
      () =>
        director.post('/kpis', {
          code: 'bad',
          name: 'x',
          measure: 'visits',
          aggregation: 'total',
          categoryId: fx.category.id,
        }),
      400,
    );
    expect(bad.errors?.[0]?.path).toBe('body.categoryId');
    const c = await director.post('/kpis', {
      code: 'plc_share',
      name: 'PLC 销售占比',
      measure: 'revenue',
      aggregation: 'share_of_total',
      categoryId: fx.category.id,
    });
    expect(c.statusCode, c.body).toBe(201);
    const t = await director.post('/kpi-targets', {
      kpiId: c.json().id,
      subjectKind: 'account',
      subjectId: fx.accounts.group.id,
      period: '2026-Q4',
      target: 0.5,
    });
    expect(t.json().actual.value).toBe(1);
    // plan actions due in Q4: two done, one in progress, one cancelled (left out), one due in Q1 (left out)
    const target = (period: string) =>
      director.post('/kpi-targets', {
        kpiId: kpi.plan_action_completion,
        subjectKind: 'account',
        subjectId: fx.accounts.group.id,
        period,
        target: 0.8,
      });
    const before = await target('2026-Q4');
    expect(before.json().actual).toMatchObject({ value: null, missing: 'no_data' });
    await database.db.execute(sql`
      with p as (insert into account_plans (account_id, year, title, tier, goals, swot, strategies)
                 values (${fx.accounts.group.id}, 2026, '2026 客户计划', 'core', '[]', '{}', '{}') returning id)
      insert into plan_actions (plan_id, account_id, strategy, title, owner_id, due_date, status)
      select p.id, ${fx.accounts.group.id}, 'product', a.title, ${fx.users.kam.id}, a.due::date, a.status
        from p, (values ('联合测试', '2026-10-15', 'done'), ('技术交流', '2026-11-20', 'done'),
                        ('样机试用', '2026-12-10', 'in_progress'), ('取消的展会', '2026-11-01', 'cancelled'),
                        ('明年培训', '2027-01-20', 'not_started')) as a(title, due, status)`);
    const counted = await one<{ due: number; done: number }>(
      database.db,
      sql`select count(*)::int as due, count(*) filter (where status = 'done')::int as done from plan_actions
           where account_id = ${fx.accounts.group.id} and status <> 'cancelled'
             and due_date between '2026-10-01' and '2026-12-31'`,
    );
    expect(counted).toEqual({ due: 3, done: 2 });
    const p = await director.get(`/kpi-targets/${before.json().id}`);
    expect(p.json().actual.value).toBeCloseTo(counted!.done / counted!.due, 12);
    const drilled = (
      await director.get(
        `/kpi-actuals/records?kpiId=${kpi.plan_action_completion}&subjectKind=account&subjectId=${fx.accounts.group.id}&period=2026-Q4`,
      )
    ).json();
    expect(drilled.total).toBe(3);
    expect(drilled.items.filter((r: { counts: boolean }) => r.counts)).toHaveLength(2);
  });

  it('targets are a 404 outside scope, lists and drill-downs are filtered', async () => {
    expect((await kam2.get(`/kpi-targets/${salesTarget.id}`)).statusCode).toBe(404);
    expect((await kam2.get('/kpi-targets')).json().total).toBe(0);
    expect(
      (
        await kam2.get(
          `/kpi-actuals/records?kpiId=${kpi.sales}&subjectKind=account&subjectId=${fx.accounts.group.id}&period=2026-Q4`,
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await kam2.get(
          `/kpi-actuals/records?kpiId=${kpi.sales}&subjectKind=kam&subjectId=${fx.users.kam.id}&period=2026-Q4`,
        )
      ).statusCode,
    ).toBe(404);
    const kamSees = (await kam.get('/kpi-targets?period=2026-Q4')).json();
    expect(kamSees.items.every((t: { subject: { kind: string } }) => t.subject.kind !== 'org_unit')).toBe(true);
    expect((await director.get('/kpi-targets?period=2026-Q4')).json().total).toBeGreaterThan(kamSees.total);
  });
});

describe('reviews', () => {
  let q3: { id: string; version: number };
  it('snapshots the gaps, records a problem analysis with evidence and improvement actions', async () => {
    await director.post('/kpi-targets', {
      kpiId: kpi.sales,
      subjectKind: 'account',
      subjectId: fx.accounts.group.id,
      period: '2026-Q3',
      target: 50_000_000,
    });
    const res = await kam.post('/reviews', {
      subjectKind: 'account',
      subjectId: fx.accounts.group.id,
      period: '2026-Q3',
      heldOn: '2026-10-05',
    });
    expect(res.statusCode, res.body).toBe(201);
    q3 = res.json();
    ids.review = q3.id;
    const gap = res.json().gaps[0];
    expect(gap).toMatchObject({ status: 'red', target: 50_000_000 });
    const orderId = (await one<{ id: string }>(database.db, sql`select id from orders where order_no = 'SO-KPI-Q3'`))!
      .id;
    const otherOrder = await order(kam2, fx.accounts.other.id, 'SO-OTHER', '2026-08-03', 1);
    const foreign = await unchanged(
      () =>
        kam.post(`/reviews/${q3.id}/causes`, {
          category: 'price',
          method: 'five_whys',
          statement: 'x',
          evidence: [{ kind: 'order', id: otherOrder.id }],
        }),
      400,
    );
    expect(foreign.errors?.[0]?.path).toBe('body.evidence.0.id');
    const cause = await kam.post(`/reviews/${q3.id}/causes`, {
      kpiId: kpi.sales,
      category: 'competition',
      method: 'five_whys',
      statement: '竞品低价抢走 PLC 订单',
      whys: ['订单减少', '客户转向竞品', '竞品报价低 15%'],
      evidence: [{ kind: 'order', id: orderId }],
    });
    expect(cause.statusCode, cause.body).toBe(201);
    expect(cause.json().problemAnalysis[0].evidence[0]).toMatchObject({
      kind: 'order',
      id: orderId,
      date: '2026-08-02',
    });
    const action = await kam.post(`/reviews/${q3.id}/actions`, {
      causeId: cause.json().problemAnalysis[0].id,
      kpiId: kpi.sales,
      measure: '推出年度框架协议价',
      ownerId: fx.users.kam.id,
      dueDate: '2026-11-15',
    });
    expect(action.statusCode, action.body).toBe(201);
    ids.cause = cause.json().problemAnalysis[0].id;
    ids.action = action.json().improvementActions[0].id;
    expect(action.json().improvementActions[0].effect.state).toBe('pending');
  });

  it('at the next review, tells whether the improvement closed the gap', async () => {
    const next = await kam.post('/reviews', {
      subjectKind: 'account',
      subjectId: fx.accounts.group.id,
      period: '2026-Q4',
      heldOn: '2026-11-30',
    });
    expect(next.statusCode, next.body).toBe(201);
    const q4Gap = next.json().gaps.find((g: { kpi: { code: string } }) => g.kpi.code === 'sales');
    const effect = next.json().previous.actions[0].effect;
    expect(effect.nextReview.id).toBe(next.json().id);
    expect(effect.statusAfter).toBe(q4Gap.status);
    expect(effect.state).toBe(
      q4Gap.status === 'green' ? 'closed' : effect.gapAfter > effect.gapBefore ? 'narrowed' : 'not_closed',
    );
    expect((await kam.get(`/reviews/${q3.id}`)).json().improvementActions[0].effect.state).toBe(effect.state);
    ids.nextReview = next.json().id;
  });

  it('keeps each review’s gap counts and each action’s effect as reviews and gaps change', async () => {
    const stored = async () => ({
      review: await one<{ green: number; amber: number; red: number }>(
        database.db,
        sql`select green_gaps as green, amber_gaps as amber, red_gaps as red from reviews where id = ${ids.review}`,
      ),
      effect: (
        await one<{ effect_status: string | null }>(
          database.db,
          sql`select effect_status from review_actions where id = ${ids.action}`,
        )
      )?.effect_status,
    });
    const detail = (await kam.get(`/reviews/${ids.review}`)).json();
    const count = (status: string) => detail.gaps.filter((g: { status: string }) => g.status === status).length;
    const statusAfter = detail.improvementActions[0].effect.statusAfter;
    expect(statusAfter).not.toBeNull();
    expect(await stored()).toEqual({
      review: { green: count('green'), amber: count('amber'), red: count('red') },
      effect: statusAfter,
    });
    expect(detail.redGaps).toBe(count('red'));

    // the next review archived: no effect yet; restored: the effect again
    await database.db.execute(sql`update reviews set archived_at = now() where id = ${ids.nextReview}`);
    expect((await stored()).effect).toBeNull();
    await database.db.execute(sql`update reviews set archived_at = null where id = ${ids.nextReview}`);
    expect((await stored()).effect).toBe(statusAfter);
    // the next review's gaps taken again: the same answer; the action's KPI removed: no effect
    expect((await kam.post(`/reviews/${ids.nextReview}/snapshot`, {})).statusCode).toBe(200);
    expect((await stored()).effect).toBe(statusAfter);
    await database.db.execute(sql`update review_actions set kpi_id = null where id = ${ids.action}`);
    expect((await stored()).effect).toBeNull();
    await database.db.execute(sql`update review_actions set kpi_id = ${kpi.sales} where id = ${ids.action}`);
    expect((await stored()).effect).toBe(statusAfter);
  });

  it('is a 404 outside scope and filtered from lists', async () => {
    expect((await kam2.get(`/reviews/${q3.id}`)).statusCode).toBe(404);
    expect(
      (await kam2.post(`/reviews/${q3.id}/actions`, { measure: 'x', ownerId: fx.users.kam2.id, dueDate: '2026-12-01' }))
        .statusCode,
    ).toBe(404);
    expect((await kam2.get(`/reviews/${q3.id}/evidence-candidates?kind=order`)).statusCode).toBe(404);
    expect((await kam2.get('/reviews')).json().total).toBe(0);
    expect((await kam.get('/reviews')).json().total).toBe(2);
    expect((await kam.get(`/reviews?q=${encodeURIComponent('精工机械集团')}`)).json().total).toBe(2);
    expect((await kam.get(`/reviews?q=${encodeURIComponent('恒立')}`)).json().total).toBe(0);
    expect(
      (
        await kam2.post('/reviews', {
          subjectKind: 'kam',
          subjectId: fx.users.kam.id,
          period: '2026-Q4',
          heldOn: '2026-11-30',
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe('scoreboard', () => {
  it('ranks the KAMs a caller may see, with points from attainment and activities', async () => {
    const own = (await kam.get('/scoreboard?period=2026-Q4')).json();
    expect(own.items.map((r: { kam: { id: string } }) => r.kam.id)).toEqual([fx.users.kam.id]);
    const row = own.items[0];
    expect(row).toMatchObject({ visits: 1, eventAttendees: 1, valueAddedServices: 1, kpisGreen: 1 });
    const p = own.points;
    expect(row.points).toBe(
      row.kpisGreen * p.kpiGreen +
        row.kpisAmber * p.kpiAmber +
        row.visits * p.visit +
        row.eventAttendees * p.eventAttendee +
        row.valueAddedServices * p.valueAddedService +
        row.actionsDoneOnTime * p.actionDoneOnTime +
        row.gapsClosed * p.gapClosed,
    );
    const dir = (await director.get('/scoreboard?period=2026-Q4')).json();
    expect(dir.items.map((r: { kam: { id: string } }) => r.kam.id)).toEqual([fx.users.kam.id]);
  });
});

describe('every write endpoint outside scope', () => {
  it('answers 404 to kam2 for the records of kam and changes nothing', async () => {
    const admin = as(app, await login(app, 'admin'));
    // a director of 华东 cannot set or change targets of kam2's 华南 account: the subject is not in scope
    const south = await admin.post('/kpi-targets', {
      kpiId: kpi.sales,
      subjectKind: 'account',
      subjectId: fx.accounts.other.id,
      period: '2026-Q4',
      target: 1,
    });
    expect(south.statusCode, south.body).toBe(201);
    expect((await director.get(`/kpi-targets/${south.json().id}`)).statusCode).toBe(404);
    expect((await director.patch(`/kpi-targets/${south.json().id}`, { version: 1, target: 2 })).statusCode).toBe(404);
    expect((await director.delete(`/kpi-targets/${south.json().id}?version=1`)).statusCode).toBe(404);
    const refused = await unchanged(
      () =>
        director.post('/kpi-targets', {
          kpiId: kpi.margin_rate,
          subjectKind: 'account',
          subjectId: fx.accounts.other.id,
          period: '2026-Q4',
          target: 0.3,
        }),
      400,
    );
    expect(refused.errors?.[0]?.path).toBe('body.subjectId');
    const calls: [string, () => Promise<{ statusCode: number; body: string }>][] = [
      ['event', () => kam2.patch(`/events/${ids.event}`, { version: 1, title: 'x' })],
      [
        'invitation',
        () => kam2.patch(`/events/${ids.event}/invitations/${ids.invitation}`, { version: 1, status: 'declined' }),
      ],
      [
        'follow-up',
        () =>
          kam2.post(`/events/${ids.event}/invitations/${ids.invitation}/follow-up`, {
            title: 'x',
            dueDate: '2026-12-01',
          }),
      ],
      ['service', () => kam2.patch(`/value-added-services/${ids.service}`, { version: 1, feedbackScore: 1 })],
      ['review', () => kam2.patch(`/reviews/${ids.review}`, { version: 1, summary: 'x' })],
      ['snapshot', () => kam2.post(`/reviews/${ids.review}/snapshot`, {})],
      [
        'cause',
        () => kam2.post(`/reviews/${ids.review}/causes`, { category: 'price', method: 'fishbone', statement: 'x' }),
      ],
      ['cause update', () => kam2.patch(`/reviews/${ids.review}/causes/${ids.cause}`, { version: 1, statement: 'x' })],
      [
        'action update',
        () => kam2.patch(`/reviews/${ids.review}/actions/${ids.action}`, { version: 1, status: 'done' }),
      ],
    ];
    for (const [name, call] of calls) {
      const before = await contentDigest(database.db);
      const res = await call();
      expect(res.statusCode, `${name}: ${res.body}`).toBe(404);
      expect(await contentDigest(database.db), name).toEqual(before);
    }
  });
});
