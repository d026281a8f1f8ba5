import { type Invoice, paymentHabits } from '@kamap/analytics';
import type { AccountValue, AnalysisConfigVersion, AnalysisRun, Portfolio } from '@kamap/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFeatures } from '../src/modules/analytics/features.js';
import { recomputeRollups, runAnalysis } from '../src/modules/analytics/index.js';
import { DEMO_PASSWORD, generateDemo } from '../src/modules/demo/index.js';
import { rows, sql } from '../src/platform/db/index.js';
import { as, contentDigest, login, testApp, testDatabase } from './helpers.js';

/** Step 1 on a small demo company: rollups, runs, portfolio views, an account's value, scope. */

const AS_OF = '2026-11-25';
let database: Awaited<ReturnType<typeof testDatabase>>;
let app: FastifyInstance;
type Api = ReturnType<typeof as>;
let admin: Api;
let kam: Api;
let kam2: Api;
let agent: Api;
let analyst: Api;
let firstRun: AnalysisRun;
let secondRun: AnalysisRun;

const rollupDigest = async () => {
  const all = await contentDigest(database.db);
  return { monthly: all.account_monthly, categories: all.account_category_spend };
};
const idsOf = async (username: string) =>
  (
    await rows<{ id: string }>(
      database.db,
      sql`select a.id from accounts a, users u
           where u.username = ${username} and a.archived_at is null
             and (a.owner_id = u.id or exists (select 1 from account_team t where t.account_id = a.id and t.user_id = u.id))
           order by a.id`,
    )
  ).map((r) => r.id);

beforeAll(async () => {
  database = await testDatabase();
  await generateDemo(database, { accounts: 300, orderLines: 20_000, asOf: AS_OF, seed: 11, silent: true });
  await recomputeRollups(database);
  app = await testApp(database, true);
  const session = async (u: string) => as(app, await login(app, u, DEMO_PASSWORD));
  [admin, kam, kam2, agent, analyst] = (await Promise.all(
    ['admin', 'kam', 'kam2', 'agent', 'analyst'].map(session),
  )) as [Api, Api, Api, Api, Api];
  firstRun = await runAnalysis(database.db, { asOf: '2026-10-25', trigger: 'cli', startedBy: null });
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('rollups', () => {
  it('an order written through the API updates them exactly as a full recompute would', async () => {
    const [accountId] = await idsOf('kam');
    const [product] = await rows<{ id: string }>(database.db, sql`select id from products order by code limit 1`);
    const res = await kam.post('/orders', {
      accountId,
      orderNo: 'SO-ANALYTICS-1',
      orderDate: '2026-11-20',
      lines: [{ productId: product!.id, quantity: 3, discount: 1000 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const incremental = await rollupDigest();
    const [month] = await rows<{ revenue: number; orders: number }>(
      database.db,
      sql`select revenue, orders from account_monthly where account_id = ${accountId} and month = '2026-11-01'`,
    );
    expect(Number(month?.revenue)).toBeGreaterThanOrEqual(res.json().amount);
    await recomputeRollups(database);
    expect(await rollupDigest()).toEqual(incremental);

    const archived = await kam.delete(`/orders/${res.json().id}?version=${res.json().version}`);
    expect(archived.statusCode, archived.body).toBe(204);
    const afterArchive = await rollupDigest();
    await recomputeRollups(database);
    expect(await rollupDigest()).toEqual(afterArchive);

    // an order alone in its month and in its category: archiving it removes those rows again
    const [lonely] = await rows<{ id: string }>(
      database.db,
      sql`select p.id from products p where not exists (
            select 1 from account_category_spend s where s.account_id = ${accountId} and s.category_id = p.category_id)
          order by p.code limit 1`,
    );
    const alone = await kam.post('/orders', {
      accountId,
      orderNo: 'SO-ANALYTICS-2',
      orderDate: '2016-02-03',
      lines: [{ productId: lonely!.id, quantity: 1 }],
    });
    expect(alone.statusCode, alone.body).toBe(201);
    const withAlone = await rollupDigest();
    expect(withAlone).not.toEqual(afterArchive);
    expect((await kam.delete(`/orders/${alone.json().id}?version=${alone.json().version}`)).statusCode).toBe(204);
    expect(await rollupDigest()).toEqual(afterArchive);
  });

  it('a recompute swaps in tables of the same shape, and an order written while it runs is kept', async () => {
    const shape = () =>
      rows(
        database.db,
        sql`select t.relname as table, c.conname as name, pg_get_constraintdef(c.oid) as def
              from pg_constraint c join pg_class t on t.oid = c.conrelid
             where t.relname in ('account_monthly', 'account_category_spend') and c.contype <> 'n'
            union all
            select table_name, column_name, data_type || ' ' || is_nullable from information_schema.columns
             where table_schema = current_schema() and table_name in ('account_monthly', 'account_category_spend')
            union all
            select tablename, indexname, indexdef from pg_indexes
             where schemaname = current_schema() and tablename like 'account\_%'
             order by 1, 2`,
      );
    const before = await shape();
    const [accountId] = await idsOf('kam');
    const [product] = await rows<{ id: string }>(database.db, sql`select id from products order by code desc limit 1`);
    const [, written] = await Promise.all([
      recomputeRollups(database),
      kam.post('/orders', {
        accountId,
        orderNo: 'SO-ANALYTICS-3',
        orderDate: '2026-11-21',
        lines: [{ productId: product!.id, quantity: 2 }],
      }),
    ]);
    expect(written.statusCode, written.body).toBe(201);
    expect(await shape()).toEqual(before);
    const afterBoth = await rollupDigest();
    await recomputeRollups(database);
    expect(await rollupDigest()).toEqual(afterBoth);
    const [left] = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from pg_class where relname like '%\_rebuild'`,
    );
    expect(left!.n).toBe(0);
    expect((await kam.delete(`/orders/${written.json().id}?version=${written.json().version}`)).statusCode).toBe(204);
  });
});

describe('analysis runs', () => {
  it('an admin runs the analysis; every live account gets a result with its reasons', async () => {
    const res = await admin.post('/analytics/runs', { asOf: AS_OF });
    expect(res.statusCode, res.body).toBe(201);
    secondRun = res.json();
    expect(secondRun.status).toBe('done');
    expect(secondRun.previousRunId).toBe(firstRun.id);
    const [live] = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from accounts where archived_at is null`,
    );
    const s = secondRun.summary!;
    expect(s.accounts).toBe(live!.n);
    expect(s.tiers.strategic + s.tiers.core + s.tiers.general).toBe(s.accounts);
    expect(s.abc.A + s.abc.B + s.abc.C + s.abc.D).toBe(s.accounts);
    expect(s.tiers.strategic).toBeGreaterThan(0);
    expect(s.fits.bgNbd).not.toBeNull();
    expect(s.fits.gammaGamma).not.toBeNull();
  });

  it('kam, service and agent may not start a run; a future asOf is a 400 naming the field', async () => {
    expect((await kam.post('/analytics/runs', {})).statusCode).toBe(403);
    const future = await admin.post('/analytics/runs', { asOf: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].path).toBe('body.asOf');
    expect((await admin.post('/analytics/runs', { asOf: 'yesterday' })).json().errors[0].path).toBe('body.asOf');
  });

  it('lists what changed against the previous run, and the tier migration matrix adds up', async () => {
    const changes = await admin.get(`/analytics/runs/${secondRun.id}/changes?kind=tier&limit=500`);
    expect(changes.statusCode, changes.body).toBe(200);
    expect(changes.json().total).toBe(secondRun.summary!.tierMoves);
    const migration = await admin.get(`/analytics/migration?from=${firstRun.id}&to=${secondRun.id}`);
    expect(migration.statusCode, migration.body).toBe(200);
    const cells = migration.json().cells as { from: string | null; to: string | null; accounts: number }[];
    expect(cells.reduce((s, c) => s + c.accounts, 0)).toBe(secondRun.summary!.accounts);
    const moved = cells.filter((c) => c.from && c.to && c.from !== c.to).reduce((s, c) => s + c.accounts, 0);
    expect(moved).toBe(secondRun.summary!.tierMoves);
  });
});

describe('payment habits', () => {
  it("the run's SQL agrees with the pure reference for every account", async () => {
    const invoices = await rows<{
      account_id: string;
      issue: string;
      due: string;
      paid: string | null;
      amount: number;
      paid_amount: number;
    }>(
      database.db,
      sql`select account_id, order_date::text as issue, due_date::text as due, paid_date::text as paid, amount, paid_amount
            from orders where archived_at is null and status <> 'cancelled' and due_date is not null`,
    );
    const byAccount = new Map<string, Invoice[]>();
    for (const i of invoices) {
      const list = byAccount.get(i.account_id) ?? [];
      list.push({
        issueDate: i.issue,
        dueDate: i.due,
        paidDate: i.paid,
        amount: Number(i.amount),
        paidAmount: Number(i.paid_amount),
      });
      byAccount.set(i.account_id, list);
    }
    const stored = await rows<{ account_id: string; payment: NonNullable<AccountValue['result']>['payment'] }>(
      database.db,
      sql`select account_id, details->'payment' as payment from analysis_results where run_id = ${secondRun.id}`,
    );
    let compared = 0;
    for (const { account_id, payment } of stored) {
      const expected = paymentHabits(byAccount.get(account_id) ?? [], AS_OF);
      expect(payment.receivables, account_id).toBe(expected.receivables);
      expect(payment.overdueAmount, account_id).toBe(expected.overdueAmount);
      expect(payment.dso, account_id).toBe(expected.dso === null ? null : Math.round(expected.dso));
      expect(payment.onTimeShare, account_id).toBe(expected.onTimeShare);
      expect(payment.meanDaysLate, account_id).toBe(
        expected.meanDaysLate === null ? null : Math.round(expected.meanDaysLate * 10) / 10,
      );
      if (expected.onTimeShare !== null && expected.receivables > 0) compared++;
    }
    expect(compared).toBeGreaterThan(50);
  });
});

describe('portfolio views', () => {
  it('the pyramid, ABC table and Pareto curve agree with the results behind them', async () => {
    const res = await admin.get('/analytics/portfolio');
    expect(res.statusCode, res.body).toBe(200);
    const p: Portfolio = res.json();
    expect(p.run?.id).toBe(secondRun.id);
    const revenueShares = p.abc.reduce((s, r) => s + r.revenueShare, 0);
    expect(revenueShares).toBeCloseTo(1, 6);
    expect(p.pareto.at(-1)?.revenueShare).toBeCloseTo(1, 6);
    for (const level of p.pyramid) {
      const listed = await admin.get(`/analytics/results?tier=${level.tier}&limit=1`);
      expect(listed.json().total).toBe(level.accounts);
    }
    const a = p.abc.find((r) => r.abc === 'A');
    const listedA = await admin.get('/analytics/results?abc=A&limit=500&sort=revenue');
    expect(listedA.json().total).toBe(a?.accounts);
    const revenues = listedA.json().items.map((r: { revenue: number }) => r.revenue);
    expect(revenues).toEqual([...revenues].sort((x: number, y: number) => y - x));
  });

  it('pages through results without repeats', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const url: string = `/analytics/results?limit=40&sort=churn${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await admin.get(url)).json();
      for (const item of page.items) {
        expect(seen.has(item.accountId)).toBe(false);
        seen.add(item.accountId);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.size).toBe(secondRun.summary!.accounts);
  });

  it('kam2 sees only its own accounts in every view, and gets 404 for one of kam', async () => {
    const own = await idsOf('kam2');
    const theirs = await idsOf('kam');
    const results = (await kam2.get('/analytics/results?limit=500')).json();
    expect(results.total).toBe(own.length);
    expect(results.items.every((r: { accountId: string }) => own.includes(r.accountId))).toBe(true);
    const portfolio: Portfolio = (await kam2.get('/analytics/portfolio')).json();
    expect(portfolio.pyramid.reduce((s, l) => s + l.accounts, 0)).toBe(own.length);
    const changes = (await kam2.get(`/analytics/runs/${secondRun.id}/changes?limit=500`)).json();
    expect(changes.items.every((r: { accountId: string }) => own.includes(r.accountId))).toBe(true);
    const migration = (await kam2.get(`/analytics/migration?from=${firstRun.id}&to=${secondRun.id}`)).json();
    expect(migration.cells.reduce((s: number, c: { accounts: number }) => s + c.accounts, 0)).toBe(own.length);
    expect((await kam2.get(`/accounts/${theirs[0]}/value`)).statusCode).toBe(404);
    const searched = (await kam2.get(`/analytics/results?q=${encodeURIComponent('有限公司')}&limit=500`)).json();
    expect(searched.total).toBeGreaterThan(0);
    expect(searched.items.every((r: { accountId: string }) => own.includes(r.accountId))).toBe(true);
  });

  it('the agent is refused analytics', async () => {
    expect((await agent.get('/analytics/portfolio')).statusCode).toBe(403);
    expect((await agent.get('/analytics/results')).statusCode).toBe(403);
  });
});

describe("an account's value", () => {
  it('explains the score, the tier, CLV, payment habits, churn and whitespace', async () => {
    const top = (await admin.get('/analytics/results?tier=strategic&limit=1')).json().items[0];
    const res = await kam.get(`/accounts/${top.accountId}/value`);
    const value: AccountValue = (
      res.statusCode === 404 ? await admin.get(`/accounts/${top.accountId}/value`) : res
    ).json();
    const r = value.result!;
    expect(r.tier).toBe('strategic');
    expect(r.contributions.reduce((s, c) => s + c.points, 0)).toBeCloseTo(r.score, 1);
    expect(r.clv.pAlive).toBeGreaterThan(0);
    expect(r.clv.clv).not.toBeNull();
    expect(r.sevenP).toHaveLength(7);
    expect(value.whitespace.length).toBeGreaterThan(3);
    expect(value.whitespace.some((w) => w.state === 'bought' && w.revenue > 0)).toBe(true);
    expect(value.coverage.covered.length + value.coverage.missing.length).toBe(5);
  });

  it("one account's features, loaded alone for its live view, equal its row in a whole-company load", async () => {
    const all = await loadFeatures(database.db, AS_OF, { abcMonths: 12, rfmMonths: 12 });
    // accounts with contacts touched lately and competitor observations: the parts narrowed by hand
    const covered = all.filter((f) => f.coveredRoles.length > 0 && f.competitorShare !== null);
    expect(covered.length).toBeGreaterThan(3);
    for (const f of [...covered.slice(0, 3), all[0]!]) {
      const [alone] = await loadFeatures(database.db, AS_OF, { abcMonths: 12, rfmMonths: 12 }, f.id);
      expect(alone).toEqual(f);
    }
  });

  it('competitor presence on a parent category shows in the categories below it', async () => {
    const [presence] = await rows<{ account_id: string; name: string }>(
      database.db,
      sql`select p.account_id, k.name from competitor_presence p join competitors k on k.id = p.competitor_id
           join product_categories c on c.id = p.category_id
          where exists (select 1 from product_categories child where child.parent_id = c.id) limit 1`,
    );
    expect(presence).toBeDefined();
    const value: AccountValue = (await admin.get(`/accounts/${presence!.account_id}/value`)).json();
    const held = value.whitespace.filter((w) => w.competitors.some((c) => c.name === presence!.name));
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((w) => w.state === 'competitor' || w.state === 'bought')).toBe(true);
  });

  it('an account at churn risk carries the reasons and their data', async () => {
    const risky = (await admin.get('/analytics/results?sort=churn&limit=1')).json().items[0];
    const value: AccountValue = (await admin.get(`/accounts/${risky.accountId}/value`)).json();
    const reasons = value.result!.churn.reasons;
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.reduce((s, x) => s + x.points, 0)).toBeCloseTo(value.result!.churn.score, -0.5);
    expect(Object.keys(reasons[0]!.data).length).toBeGreaterThan(0);
  });

  it('the analyst reads analytics in scope but may not override', async () => {
    const some = (await analyst.get('/analytics/results?limit=1')).json().items[0];
    expect(some).toBeDefined();
    const refused = await analyst.put(`/accounts/${some.accountId}/tier-override`, {
      tier: 'strategic',
      reason: '集团战略合作',
      expiresAt: null,
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe('tier overrides', () => {
  it('a director overrides with a reason and an expiry; it is audited and shows at once', async () => {
    const general = (await admin.get('/analytics/results?tier=general&limit=1')).json().items[0];
    const url = `/accounts/${general.accountId}/tier-override`;
    const before = await contentDigest(database.db);
    const past = await admin.put(url, { tier: 'strategic', reason: '集团战略合作', expiresAt: '2020-01-01' });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0].path).toBe('body.expiresAt');
    const noReason = await admin.put(url, { tier: 'strategic', reason: '', expiresAt: null });
    expect(noReason.json().errors[0].path).toBe('body.reason');
    expect(await contentDigest(database.db)).toEqual(before);

    const set = await admin.put(url, { tier: 'strategic', reason: '集团战略合作', expiresAt: '2099-12-31' });
    expect(set.statusCode, set.body).toBe(200);
    const value: AccountValue = (await admin.get(`/accounts/${general.accountId}/value`)).json();
    expect(value.override?.reason).toBe('集团战略合作');
    expect(value.result?.tier).toBe('strategic');
    expect(value.result?.computedTier).toBe('general');
    const [entry] = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where action = 'account.tier_override' and entity_id = ${general.accountId}`,
    );
    expect(entry?.n).toBe(1);

    const next = await runAnalysis(database.db, { asOf: AS_OF, trigger: 'cli', startedBy: null });
    const [kept] = await rows<{ tier: string; computed_tier: string }>(
      database.db,
      sql`select tier, computed_tier from analysis_results where run_id = ${next.id} and account_id = ${general.accountId}`,
    );
    expect(kept).toEqual({ tier: 'strategic', computed_tier: 'general' });
    expect((await admin.delete(url)).statusCode).toBe(204);
    expect((await admin.delete(url)).statusCode).toBe(404);
  });
});

describe('model configuration', () => {
  it('is versioned; a bad weight sum or a stale base is refused and changes nothing', async () => {
    const current: AnalysisConfigVersion = (await admin.get('/analytics/config')).json();
    const before = await contentDigest(database.db);
    const badWeights = structuredClone(current.config);
    badWeights.criteria[0]!.weight += 5;
    const bad = await admin.put('/analytics/config', { config: badWeights, note: null, basedOn: current.version });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.config.criteria');
    const stale = await admin.put('/analytics/config', {
      config: current.config,
      note: null,
      basedOn: current.version + 7,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await kam.put('/analytics/config', { config: current.config, note: null, basedOn: current.version })).statusCode,
    ).toBe(403);
    expect(await contentDigest(database.db)).toEqual(before);

    const heavier = structuredClone(current.config);
    heavier.criteria = heavier.criteria.map((c) =>
      c.key === 'revenue_12m'
        ? { ...c, weight: 60 }
        : c.key === 'market_influence' || c.key === 'strategic_fit'
          ? { ...c, weight: 0 }
          : c.key === 'potential'
            ? { ...c, weight: 5 }
            : c,
    );
    const preview = await admin.post('/analytics/preview', { config: heavier });
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p.changed).toBeGreaterThan(0);
    expect(p.moves[0].from).not.toBe(p.moves[0].to);
    const sum = (t: Record<string, number>) => t.strategic! + t.core! + t.general!;
    expect(sum(p.after)).toBe(sum(p.before));

    const saved = await admin.put('/analytics/config', {
      config: heavier,
      note: '更看重收入',
      basedOn: current.version,
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json().version).toBe(current.version + 1);
    const versions = (await admin.get('/analytics/config/versions')).json().items;
    expect(versions.map((v: AnalysisConfigVersion) => v.version).slice(0, 2)).toEqual([
      current.version + 1,
      current.version,
    ]);
  });
});

// last: it adds a run, which the tests above do not expect
describe('churn inputs from service and competition', () => {
  it('complaints past SLA, falling satisfaction and a rising competitor share count towards churn risk', async () => {
    const [target] = await rows<{
      id: string;
      contact_id: string;
      owner_id: string;
      category_id: string;
      competitor_id: string;
    }>(
      database.db,
      sql`select a.id, c.id as contact_id, a.owner_id,
                 (select id from product_categories order by code limit 1) as category_id,
                 (select id from competitors order by name limit 1) as competitor_id
            from accounts a join contacts c on c.account_id = a.id
           where a.archived_at is null and c.archived_at is null
             and not exists (select 1 from competitor_share_observations o where o.account_id = a.id)
           order by a.id limit 1`,
    );
    const t = target!;
    const codes = (v: AccountValue) => new Map(v.result!.churn.reasons.map((r) => [r.code, r]));
    expect(codes((await admin.get(`/accounts/${t.id}/value`)).json()).has('complaints_past_sla')).toBe(false);
    await database.db.execute(sql`
      insert into complaints (account_id, contact_id, title, severity, channel, status, tier, first_owner_id,
                              received_at, response_due_at, resolution_due_at, responded_at, created_by, updated_by)
      values (${t.id}, ${t.contact_id}, '交货延期三次', 'high', 'phone', 'in_progress', 'core', ${t.owner_id},
              ${AS_OF}::timestamptz - interval '10 days', ${AS_OF}::timestamptz - interval '9 days', ${AS_OF}::timestamptz - interval '5 days',
              ${AS_OF}::timestamptz - interval '9 days 12 hours', ${t.owner_id}, ${t.owner_id}),
             (${t.id}, ${t.contact_id}, '发票抬头错误', 'low', 'email', 'resolved', 'core', ${t.owner_id},
              ${AS_OF}::timestamptz - interval '40 days', ${AS_OF}::timestamptz - interval '39 days', ${AS_OF}::timestamptz - interval '30 days',
              ${AS_OF}::timestamptz - interval '39 days', ${t.owner_id}, ${t.owner_id})`);
    await database.db.execute(sql`update complaints set resolved_at = ${AS_OF}::timestamptz - interval '32 days'
                                   where account_id = ${t.id} and title = '发票抬头错误'`);
    await database.db.execute(sql`
      insert into surveys (account_id, contact_id, kind, token_hash, sent_by, sent_at, expires_at, answered_at, score)
      values (${t.id}, ${t.contact_id}, 'csat', md5(random()::text), ${t.owner_id}, ${AS_OF}::timestamptz - interval '251 days',
              ${AS_OF}::timestamptz - interval '240 days', ${AS_OF}::timestamptz - interval '250 days', 5),
             (${t.id}, ${t.contact_id}, 'nps', md5(random()::text), ${t.owner_id}, ${AS_OF}::timestamptz - interval '21 days',
              ${AS_OF}::timestamptz - interval '10 days', ${AS_OF}::timestamptz - interval '20 days', 5)`);
    await database.db.execute(sql`
      insert into competitor_share_observations (account_id, competitor_id, category_id, observed_on, est_annual_volume, our_share)
      values (${t.id}, ${t.competitor_id}, ${t.category_id}, ${AS_OF}::date - 400, 10000000, 0.8),
             (${t.id}, ${t.competitor_id}, ${t.category_id}, ${AS_OF}::date - 10, 10000000, 0.5)`);

    await runAnalysis(database.db, { asOf: AS_OF, trigger: 'cli', startedBy: null });
    const after = codes((await admin.get(`/accounts/${t.id}/value`)).json());
    // one open complaint past its resolution deadline; the resolved one was on time
    expect(after.get('complaints_past_sla')?.data).toEqual({ complaintsPastSla: 1 });
    expect(after.get('complaints_past_sla')?.points).toBeCloseTo(5, 9);
    // CSAT 5 then NPS 5 of 10 (= 3 on the 1–5 scale): two points down earns the whole weight
    expect(after.get('falling_satisfaction')?.data.satisfactionTrend).toBeCloseTo(-2, 9);
    expect(after.get('falling_satisfaction')?.points).toBeCloseTo(5, 9);
    // competitors held 20 % a year ago and 50 % now
    expect(after.get('competitor_share_rising')?.data.competitorShareChange).toBeCloseTo(0.3, 9);
    expect(after.get('competitor_share_rising')?.points).toBeCloseTo(5, 9);
  });
});
