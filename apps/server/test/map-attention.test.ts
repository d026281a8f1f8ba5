import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, accountTeam } from '../src/modules/accounts/index.js';
import { runAnalysis } from '../src/modules/analytics/index.js';
import { accountPlans, planActions } from '../src/modules/plans/index.js';
import { tasks } from '../src/modules/tasks/index.js';
import { sql } from '../src/platform/db/index.js';
import { todayInChina } from '../src/platform/today.js';
import { as, login, type Session, seedFixture, testApp, testDatabase } from './helpers.js';

// The attention list counts overdue tasks and plan actions (20 points each at most) only for the accounts
// whose alerts and churn could still carry them into the first five. These accounts test that bound.
let database: Awaited<ReturnType<typeof testDatabase>>;
let app: FastifyInstance;
let director: Session;
const ids: Record<string, string> = {};

const today = todayInChina();
const daysAgo = (n: number) => new Date(Date.parse(today) - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  database = await testDatabase();
  const fx = await seedFixture(database);
  app = await testApp(database);
  director = await login(app, 'director');
  const { db } = database;
  const kamUser = fx.users.kam;
  // six general accounts with two critical alerts each (80 points); `lifted`, strategic, with one warning
  // (20) and four overdue tasks and actions (20 + 20): 60 × 1.5 = 90; `capped`, strategic, with overdue
  // tasks and actions only: 40 × 1.5 = 60; `core`, a warning and overdue tasks: 40 × 1.2 = 48
  for (const key of ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'lifted', 'capped', 'core']) {
    const [row] = await db
      .insert(accounts)
      .values({
        code: `T-${key}`,
        name: `测试客户 ${key}`,
        ownerId: kamUser.id,
        orgUnitId: fx.orgUnits.shanghai.id,
        lifecycle: 'active',
        industry: 'C',
        province: '上海',
      })
      .returning();
    await db.insert(accountTeam).values({ accountId: row!.id, userId: kamUser.id, role: 'owner' });
    ids[key] = row!.id;
  }
  await runAnalysis(db, { asOf: today, trigger: 'cli', startedBy: null });
  await db.execute(sql`update analysis_results set churn_risk = 0, tier = 'general'`);
  await db.execute(
    sql`update analysis_results set tier = 'strategic' where account_id in (${ids.lifted}, ${ids.capped})`,
  );
  await db.execute(sql`update analysis_results set tier = 'core' where account_id = ${ids.core}`);
  const alert = (accountId: string, rule: string, severity: 'critical' | 'warning') =>
    sql`(${accountId}, ${rule}, 'general', ${severity}, '测试', '{}'::jsonb, ${`/accounts/${accountId}`}, ${kamUser.id})`;
  await db.execute(
    sql`insert into alerts (account_id, rule, tier, severity, reason, data, link, owner_id) values ${sql.join(
      [
        ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].flatMap((k) => [
          alert(ids[k]!, 'churn_risk', 'critical'),
          alert(ids[k]!, 'revenue_drop', 'critical'),
        ]),
        alert(ids.lifted!, 'no_contact', 'warning'),
        alert(ids.core!, 'no_contact', 'warning'),
      ],
      sql`, `,
    )}`,
  );
  const overdue = (key: string) =>
    [1, 2, 3, 4].map((n) => ({
      accountId: ids[key]!,
      ownerId: kamUser.id,
      kind: 'follow_up' as const,
      title: `跟进 ${n}`,
      dueDate: daysAgo(n),
    }));
  await db.insert(tasks).values([...overdue('lifted'), ...overdue('capped'), ...overdue('core')]);
  const plans = await db
    .insert(accountPlans)
    .values(
      ['lifted', 'capped'].map((key) => ({
        accountId: ids[key]!,
        year: Number(today.slice(0, 4)),
        title: '年度客户计划',
        tier: 'strategic' as const,
        status: 'approved' as const,
        goals: {},
        swot: {},
        strategies: {},
      })),
    )
    .returning();
  await db.insert(planActions).values(
    plans.flatMap((plan) =>
      [1, 2, 3, 4].map((n) => ({
        planId: plan.id,
        accountId: plan.accountId,
        ownerId: kamUser.id,
        strategy: 'product' as const,
        title: `方案交流 ${n}`,
        dueDate: daysAgo(n),
        status: 'not_started' as const,
      })),
    ),
  );
});

afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('the attention list at the bound', () => {
  it('ranks an account lifted by its overdue work above alerts alone, and leaves out those that cannot reach the five', async () => {
    const res = await as(app, director).get('/map/attention');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as {
      accountId: string;
      points: number;
      reasons: { kind: string; value: number; drill: unknown }[];
    }[];
    const highs = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((k) => ids[k]!).sort();
    expect(items.map((i) => i.accountId)).toEqual([ids.lifted, ...highs.slice(0, 4)]);
    expect(items.map((i) => i.points)).toEqual([90, 80, 80, 80, 80]);
    expect(items[0]!.reasons.map((r) => [r.kind, r.value])).toEqual([
      ['action_overdue', 4],
      ['alert', 1],
      ['task_overdue', 4],
    ]);
    // each count opens that account's records behind it
    expect(items[0]!.reasons.filter((r) => r.kind !== 'alert').map((r) => r.drill)).toEqual([
      { path: '/plans', query: { view: 'overdue', accountId: ids.lifted } },
      { path: '/tasks', query: { view: 'overdue', accountId: ids.lifted } },
    ]);
  });

  it('counts overdue work for every account where alerts alone set no bar above it', async () => {
    // resolve all but one high account's alerts: the fifth-largest alert sum is now 20, below the 60
    // overdue work alone can score, so `capped` (60) ranks, and above `core` (48)
    await database.db.execute(
      sql`update alerts set status = 'resolved' where account_id in (${ids.h2}, ${ids.h3}, ${ids.h4}, ${ids.h5}, ${ids.h6})`,
    );
    const items = (await as(app, director).get('/map/attention')).json().items as {
      accountId: string;
      points: number;
    }[];
    expect(items.map((i) => [i.accountId, i.points])).toEqual([
      [ids.lifted, 90],
      [ids.h1, 80],
      [ids.capped, 60],
      [ids.core, 48],
    ]);
  });
  it('ranks by what the reader may see: a reader without alerts gets churn and overdue work', async () => {
    const analyst = await login(app, 'analyst');
    const res = await as(app, analyst).get('/map/attention');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { accountId: string; points: number; reasons: { kind: string }[] }[];
    // the same accounts as the director's list without the alerts: overdue work weighed by tier
    expect(items.map((i) => i.points)).toEqual([60, 60, 24]);
    expect(
      items
        .slice(0, 2)
        .map((i) => i.accountId)
        .sort(),
    ).toEqual([ids.lifted!, ids.capped!].sort());
    expect(items[2]!.accountId).toBe(ids.core);
    expect(items.flatMap((i) => i.reasons.map((r) => r.kind))).not.toContain('alert');
  });
});
