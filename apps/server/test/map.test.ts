import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../src/modules/analytics/index.js';
import { needs } from '../src/modules/needs/index.js';
import { accountPlans, opportunities, planActions } from '../src/modules/plans/index.js';
import { complaints } from '../src/modules/service/index.js';
import { tasks } from '../src/modules/tasks/index.js';
import { sql } from '../src/platform/db/index.js';
import { todayInChina } from '../src/platform/today.js';
import { as, type Fixture, login, type Session, seedFixture, testApp, testDatabase } from './helpers.js';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: FastifyInstance;
let fx: Fixture;
let director: Session;
let kam: Session;
let kam2: Session;
let agent: Session;
let admin: Session;

const today = todayInChina();
const day = (offset: number) => new Date(Date.parse(today) + offset * 86_400_000).toISOString().slice(0, 10);
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
type Figure = {
  key: string;
  value: number;
  amount: number | null;
  drill: { path: string; query: Record<string, string> };
};
const figures = (body: { figures: Figure[] }) => Object.fromEntries(body.figures.map((f) => [f.key, f.value]));

beforeAll(async () => {
  database = await testDatabase();
  fx = await seedFixture(database);
  app = await testApp(database);
  [director, kam, kam2, agent, admin] = await Promise.all(
    ['director', 'kam', 'kam2', 'agent', 'admin'].map((u) => login(app, u)),
  );
  const { db } = database;
  const { group, sub, solo, other } = fx.accounts;
  const { kam: kamUser, kam2: kam2User } = fx.users;
  // tiers and churn of the latest run, set by hand: group strategic (risk 85), sub core, solo general, other strategic
  await runAnalysis(db, { asOf: today, trigger: 'cli', startedBy: null });
  await db.execute(sql`update analysis_results set churn_risk = 10, tier = 'general', abc = 'C', revenue = 100`);
  await db.execute(
    sql`update analysis_results set tier = 'strategic', churn_risk = 85, abc = 'A', revenue = 9000 where account_id = ${group.id}`,
  );
  await db.execute(
    sql`update analysis_results set tier = 'core', abc = 'B', revenue = 900 where account_id = ${sub.id}`,
  );
  await db.execute(sql`update analysis_results set tier = 'strategic', revenue = 5000 where account_id = ${other.id}`);
  await db.execute(sql`update accounts set province = '广东' where id = ${other.id}`);

  const need = (accountId: string, band: 'P1' | 'P2' | 'P3', status: 'open' | 'met' = 'open') => ({
    accountId,
    title: `需求 ${band}`,
    kind: 'explicit' as const,
    category: 'delivery' as const,
    importance: 3,
    urgency: 3,
    feasibility: 3,
    priority: band === 'P1' ? 80 : band === 'P2' ? 30 : 8,
    band,
    status,
  });
  await db
    .insert(needs)
    .values([
      need(group.id, 'P1'),
      need(group.id, 'P2'),
      need(solo.id, 'P3'),
      need(group.id, 'P1', 'met'),
      need(other.id, 'P1'),
    ]);
  const task = (accountId: string, ownerId: string, kind: 'care' | 'need' | 'follow_up', dueDate: string) => ({
    accountId,
    ownerId,
    kind,
    title: `${kind} ${dueDate}`,
    dueDate,
  });
  await db
    .insert(tasks)
    .values([
      task(group.id, kamUser.id, 'care', today),
      task(sub.id, kamUser.id, 'care', day(-3)),
      task(solo.id, kamUser.id, 'care', day(2)),
      task(group.id, kamUser.id, 'need', day(-1)),
      task(other.id, kam2User.id, 'care', day(-5)),
      task(other.id, kam2User.id, 'need', day(-2)),
    ]);
  const complaint = (accountId: string, resolutionDueAt: Date, status: 'open' | 'closed' = 'open') => ({
    accountId,
    title: '交付延期',
    severity: 'high' as const,
    channel: 'phone' as const,
    status,
    tier: 'strategic' as const,
    firstOwnerId: kamUser.id,
    receivedAt: hoursAgo(72),
    responseDueAt: hoursAgo(70),
    respondedAt: hoursAgo(71),
    resolutionDueAt,
  });
  await db
    .insert(complaints)
    .values([
      complaint(group.id, hoursAgo(1)),
      complaint(sub.id, new Date(Date.now() + 48 * 3_600_000)),
      complaint(solo.id, hoursAgo(5), 'closed'),
      complaint(other.id, hoursAgo(2)),
    ]);
  const year = Number(today.slice(0, 4));
  const plan = (accountId: string, status: 'draft' | 'submitted' | 'approved') => ({
    accountId,
    year,
    title: '年度客户计划',
    tier: 'strategic' as const,
    status,
    goals: {},
    swot: {},
    strategies: {},
  });
  const [groupPlan, , otherPlan] = await db
    .insert(accountPlans)
    .values([plan(group.id, 'approved'), plan(sub.id, 'submitted'), plan(other.id, 'draft')])
    .returning();
  const action = (planId: string, accountId: string, ownerId: string, dueDate: string, status = 'not_started') => ({
    planId,
    accountId,
    ownerId,
    strategy: 'product' as const,
    title: '方案交流',
    dueDate,
    status: status as 'not_started' | 'done',
  });
  await db
    .insert(planActions)
    .values([
      action(groupPlan!.id, group.id, kamUser.id, day(-10)),
      action(groupPlan!.id, group.id, kamUser.id, day(-10), 'done'),
      action(groupPlan!.id, group.id, kamUser.id, day(10)),
      action(otherPlan!.id, other.id, kam2User.id, day(-4)),
    ]);
  const deal = (accountId: string, ownerId: string, stage: 'awareness' | 'decision', amount: number) => ({
    accountId,
    ownerId,
    title: '产线改造',
    kind: 'new_business' as const,
    amount,
    expectedClose: day(60),
    probability: 50,
    stage,
  });
  await db
    .insert(opportunities)
    .values([
      deal(group.id, kamUser.id, 'decision', 1_000_000),
      deal(sub.id, kamUser.id, 'decision', 500_000),
      deal(other.id, kam2User.id, 'awareness', 700_000),
    ]);
  await db.execute(
    sql`insert into alerts (account_id, rule, tier, severity, reason, data, link, owner_id)
        values (${group.id}, 'churn_risk', 'strategic', 'critical', '流失风险 85', '{"churnRisk": 85, "threshold": 60}'::jsonb, ${`/accounts/${group.id}`}, ${kamUser.id}),
               (${solo.id}, 'no_contact', 'general', 'warning', '90 天未联系决策者', '{"daysSinceContact": 90, "cadenceDays": 60}'::jsonb, ${`/accounts/${solo.id}`}, ${kamUser.id}),
               (${other.id}, 'revenue_drop', 'strategic', 'warning', '收入下降', '{}'::jsonb, ${`/accounts/${other.id}`}, ${kam2User.id})`,
  );
});

afterAll(async () => {
  await app.close();
  await database.dispose();
});

const step = async (s: Session, name: string, query = '') => {
  const res = await as(app, s).get(`/map/steps/${name}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { figures: Figure[]; trend: unknown[]; period: string };
};

describe('the map', () => {
  it('step 1 counts tiers, classes and churn risk of the latest run over the caller scope', async () => {
    // director: East region = group, sub, solo (other is in the South)
    const d = figures(await step(director, 'identify'));
    expect(d['tier.strategic']).toBe(1);
    expect(d['tier.core']).toBe(1);
    expect(d['tier.general']).toBe(1);
    expect([d['abc.A'], d['abc.B'], d['abc.C']]).toEqual([1, 1, 1]);
    expect(d['churn.atRisk']).toBe(1);
    const body = await step(director, 'identify');
    const strategic = body.figures.find((f) => f.key === 'tier.strategic');
    expect(strategic?.amount).toBe(9000);
    expect(strategic?.drill).toEqual({ path: '/identification', query: { tab: 'results', tier: 'strategic' } });
    // admin sees all four; kam2 only its own
    expect(figures(await step(admin, 'identify'))['tier.strategic']).toBe(2);
    const k = figures(await step(kam, 'identify'));
    expect([k['tier.strategic'], k['tier.core'], k['tier.general']]).toEqual([1, 1, 1]);
    const k2 = figures(await step(kam2, 'identify'));
    expect([k2['tier.strategic'], k2['tier.core'], k2['tier.general'], k2['churn.atRisk']]).toEqual([1, 0, 0, 0]);
  });

  it('step 2 counts open needs by band and overdue fulfilment tasks', async () => {
    const d = figures(await step(director, 'needs'));
    expect([d['needs.p1'], d['needs.p2'], d['needs.p3'], d['needs.overdueTasks']]).toEqual([1, 1, 1, 1]);
    const k2 = figures(await step(kam2, 'needs'));
    expect([k2['needs.p1'], k2['needs.p2'], k2['needs.p3'], k2['needs.overdueTasks']]).toEqual([1, 0, 0, 1]);
  });

  it('step 3 counts care due, coverage gaps and complaints past SLA', async () => {
    const d = figures(await step(director, 'relationships'));
    expect(d['care.today']).toBe(1);
    expect(d['care.overdue']).toBe(1);
    expect(d['complaints.open']).toBe(2);
    expect(d['complaints.breached']).toBe(1);
    // key accounts in the East: group (one strong economic buyer: single-threaded, covered) and sub (no contact)
    expect(d['coverage.singleThreaded']).toBe(2);
    expect(d['coverage.decisionUncovered']).toBe(1);
    // the drill-down lists the same accounts
    const list = await as(app, director).get('/accounts?coverage=uncovered');
    expect(list.json().items.map((a: { id: string }) => a.id)).toEqual([fx.accounts.sub.id]);
  });

  it('step 4 counts plans by status, overdue actions and the pipeline by stage', async () => {
    const body = await step(director, 'strategy');
    const d = figures(body);
    expect([d['plans.draft'], d['plans.submitted'], d['plans.approved']]).toEqual([0, 1, 1]);
    expect(d['plans.overdueActions']).toBe(1);
    expect(d['pipeline.decision']).toBe(2);
    expect(body.figures.find((f) => f.key === 'pipeline.decision')?.amount).toBe(1_500_000);
    expect(d['pipeline.awareness']).toBe(0);
    const k2 = figures(await step(kam2, 'strategy'));
    expect([k2['plans.draft'], k2['plans.overdueActions'], k2['pipeline.awareness']]).toEqual([1, 1, 1]);
    // a KAM decides no registrations: the figure is absent, not zero
    expect(k2['registrations.queued']).toBeUndefined();
  });

  it('filters by owner, region and tier', async () => {
    const byOwner = figures(await step(admin, 'identify', `?ownerId=${fx.users.kam2.id}`));
    expect(byOwner['tier.strategic']).toBe(1);
    expect(byOwner['tier.core']).toBe(0);
    const byRegion = figures(await step(admin, 'needs', `?region=${encodeURIComponent('广东')}`));
    expect(byRegion['needs.p1']).toBe(1);
    expect(byRegion['needs.p2']).toBe(0);
    const byTier = figures(await step(director, 'relationships', '?tier=core'));
    expect(byTier['complaints.open']).toBe(1);
    expect(byTier['care.overdue']).toBe(1);
    expect(byTier['care.today']).toBe(0);
  });

  it('ranks the accounts that need attention with their reasons', async () => {
    const res = await as(app, director).get('/map/attention');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // group: critical alert 40 + churn 42.5 + breached complaint 25 + 1 overdue task 5 + 1 overdue action 5, ×1.5
    expect(body.items[0].accountId).toBe(fx.accounts.group.id);
    expect(body.items[0].points).toBe(176.3);
    expect(body.items[0].reasons.map((r: { kind: string }) => r.kind).sort()).toEqual(
      ['action_overdue', 'alert', 'churn', 'complaint_breached', 'task_overdue'].sort(),
    );
    // the South's account never shows for the East's director
    expect(body.items.map((i: { accountId: string }) => i.accountId)).not.toContain(fx.accounts.other.id);
    // an alert reason and a feed alert carry the alert's tier and figures, for the web to word in the reader's language
    const alert = body.items[0].reasons.find((r: { kind: string }) => r.kind === 'alert');
    expect(alert).toMatchObject({ rule: 'churn_risk', tier: 'strategic', data: { churnRisk: 85, threshold: 60 } });
    expect(body.items[0].reasons.find((r: { kind: string }) => r.kind === 'churn')).toMatchObject({
      tier: null,
      data: null,
    });
    expect(body.alerts.map((a: { rule: string }) => a.rule)).toEqual(['churn_risk', 'no_contact']);
    expect(body.alerts[1]).toMatchObject({ tier: 'general', data: { daysSinceContact: 90, cadenceDays: 60 } });
    expect(body.activeAlerts).toBe(2);
    const mine = (await as(app, kam2).get('/map/attention')).json();
    expect(mine.items.map((i: { accountId: string }) => i.accountId)).toEqual([fx.accounts.other.id]);
  });

  it('gives the portfolio bubbles and Pareto curve over the filter', async () => {
    const body = (await as(app, director).get('/map/portfolio')).json();
    expect(body.accounts).toBe(3);
    expect(body.bubbles.map((b: { accountId: string }) => b.accountId)).toEqual([
      fx.accounts.group.id,
      fx.accounts.sub.id,
      fx.accounts.solo.id,
    ]);
    expect(body.pareto.at(-1)).toEqual({ accountShare: 1, revenueShare: 1 });
    expect(body.pareto[1].revenueShare).toBeCloseTo(9000 / 10_000, 6);
  });

  it('keeps steps 1 and 3 and the portfolio true when an account moves, a contact weakens, a tier is overridden or an account is archived', async () => {
    // the director's figures come from the run's cells, the KAM's from the accounts themselves
    const { group, sub, solo } = fx.accounts;
    const version = async (id: string) => (await as(app, admin).get(`/accounts/${id}`)).json().version as number;
    const moved = await as(app, admin).patch(`/accounts/${sub.id}`, {
      version: await version(sub.id),
      orgUnitId: fx.orgUnits.south.id,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const d = figures(await step(director, 'identify'));
    expect([d['tier.strategic'], d['tier.core'], d['tier.general']]).toEqual([1, 0, 1]);
    expect((await as(app, director).get('/map/portfolio')).json().accounts).toBe(2);
    expect(figures(await step(kam, 'identify'))['tier.core']).toBe(1);
    const south = figures(await step(admin, 'identify', `?orgUnitId=${fx.orgUnits.south.id}`));
    expect([south['tier.strategic'], south['tier.core']]).toEqual([1, 1]);
    // coverage: sub (no contact) has left the East; group keeps its one strong economic buyer
    const r = figures(await step(director, 'relationships'));
    expect([r['coverage.singleThreaded'], r['coverage.decisionUncovered']]).toEqual([1, 0]);
    await database.db.execute(sql`update contacts set relationship_strength = 1 where account_id = ${group.id}`);
    const weak = figures(await step(director, 'relationships'));
    expect([weak['coverage.singleThreaded'], weak['coverage.decisionUncovered']]).toEqual([1, 1]);

    const override = await as(app, admin).put(`/accounts/${solo.id}/tier-override`, {
      tier: 'strategic',
      reason: '战略合作',
      expiresAt: null,
    });
    expect(override.statusCode, override.body).toBe(200);
    const o = figures(await step(director, 'identify'));
    expect([o['tier.strategic'], o['tier.general']]).toEqual([2, 0]);

    const archived = await as(app, admin).delete(`/accounts/${group.id}?version=${await version(group.id)}`);
    expect(archived.statusCode, archived.body).toBe(204);
    const a = figures(await step(director, 'identify'));
    expect([a['tier.strategic'], a['churn.atRisk'], a['abc.A']]).toEqual([1, 0, 0]);
    const portfolio = (await as(app, director).get('/map/portfolio')).json();
    expect(portfolio.accounts).toBe(1);
    expect(portfolio.abc.map((g: { abc: string; accounts: number }) => [g.abc, g.accounts])).toEqual([['C', 1]]);
  });

  it('refuses agents and answers a bad filter with a problem naming the field', async () => {
    expect((await as(app, agent).get('/map/steps/identify')).statusCode).toBe(403);
    const bad = await as(app, director).get('/map/steps/identify?tier=platinum');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain('querystring.tier');
    const period = await as(app, director).get('/map/attention?period=2026-13');
    expect(period.statusCode).toBe(400);
    expect(JSON.stringify(period.json().errors)).toContain('period');
    expect((await as(app, director).get('/map/steps/nowhere')).statusCode).toBe(400);
    expect((await as(app, director).get('/map/portfolio?ownerId=nope')).statusCode).toBe(400);
  });
});
