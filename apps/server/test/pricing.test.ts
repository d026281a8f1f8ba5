import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costToServe } from '../src/modules/performance/index.js';
import { DEFAULT_PRICING_RULES } from '../src/modules/pricing/approval-chain.js';
import { lastQuarter } from '../src/modules/pricing/discounts.service.js';
import { recommend, sensitivityScore } from '../src/modules/pricing/guidance.js';
import { requiredLevel } from '../src/modules/pricing/index.js';
import { one } from '../src/platform/db/index.js';
import { todayInChina } from '../src/platform/today.js';
import { setRun } from './channels-fixture.js';
import { as, type Fixture, login, type Session, seedFixture, testApp, testDatabase } from './helpers.js';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: FastifyInstance;
let fx: Fixture;
const s: Record<string, Session> = {};

beforeAll(async () => {
  database = await testDatabase();
  fx = await seedFixture(database);
  await setRun(database, {
    [fx.accounts.group.id]: { tier: 'strategic', churn: 72, clv: 120_000_000 },
    [fx.accounts.sub.id]: { tier: 'core', churn: 20 },
    [fx.accounts.solo.id]: { tier: 'general', churn: 10 },
    [fx.accounts.other.id]: { tier: 'general', churn: 15 },
  });
  app = await testApp(database);
  for (const u of ['admin', 'director', 'kam', 'kam2', 'agent', 'analyst']) s[u] = await login(app, u);
});

afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('approval chain by discount depth × tier', () => {
  const custom = {
    ...DEFAULT_PRICING_RULES,
    approvalChain: {
      ...DEFAULT_PRICING_RULES.approvalChain,
      strategic: [
        { upToPct: 8, level: 'kam' as const },
        { upToPct: 15, level: 'director' as const },
      ],
    },
  };
  it.each([
    [3, 'general', false, DEFAULT_PRICING_RULES, 'kam'],
    [5, 'general', false, DEFAULT_PRICING_RULES, 'kam'],
    [5.01, 'general', false, DEFAULT_PRICING_RULES, 'director'],
    [12, 'core', false, DEFAULT_PRICING_RULES, 'director'],
    [12.5, 'core', false, DEFAULT_PRICING_RULES, 'admin'],
    [30, 'strategic', false, DEFAULT_PRICING_RULES, 'admin'],
    [2, 'general', true, DEFAULT_PRICING_RULES, 'admin'],
    [7, 'strategic', false, custom, 'kam'],
    [7, 'general', false, custom, 'director'],
    [14, 'strategic', false, custom, 'director'],
    [16, 'strategic', false, custom, 'admin'],
  ] as const)('%s%% for %s (below cost: %s) → %s', (pct, tier, belowCost, rules, expected) =>
    expect(requiredLevel(pct, tier, rules, belowCost)).toBe(expected),
  );
});

describe('guidance math', () => {
  it('price sensitivity: hand-computed score and band', () => {
    // 35·(0.3/0.6) + 30·(0.06/0.12) + 15·(0.25/0.5) + 20·0.5 = 17.5 + 15 + 7.5 + 10 = 50
    expect(
      sensitivityScore({ discountedShare: 0.3, meanDiscount: 0.06, response: 0.25, competitorShare: 0.5 }),
    ).toEqual({
      score: 50,
      band: 'medium',
    });
    expect(
      sensitivityScore({ discountedShare: null, meanDiscount: null, response: null, competitorShare: null }).band,
    ).toBe('low');
  });

  it('lastQuarter is the previous full calendar quarter', () => {
    expect(lastQuarter('2026-11-30')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(lastQuarter('2026-02-10')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
  });
});

describe('discount requests', () => {
  let pendingDirector: { id: string; version: number };

  it('the preview computes guidance from the data without saving', async () => {
    const res = await as(app, s.kam!).post('/discount-requests/preview', {
      accountId: fx.accounts.group.id,
      productId: fx.product.id,
      quantity: 10,
      requestedPrice: 342_000,
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.discountPct).toBe(10);
    expect(p.requiredLevel).toBe('director');
    expect(p.tier).toBe('strategic');
    expect(p.guidance.churn).toMatchObject({ risk: 72, atRisk: true });
    expect(p.guidance.clv).toBe(120_000_000);
    expect(p.guidance.margin).toMatchObject({
      unitCost: 210_000,
      unitMarginAfter: 132_000,
      totalMarginAfter: 1_320_000,
      belowCost: false,
    });
    // the account's contribution after cost to serve over the 12 months before today
    const today = todayInChina();
    const from = new Date(Date.parse(today) - 364 * 86_400_000).toISOString().slice(0, 10);
    const [served] = await costToServe(database.db, [fx.accounts.group.id], { from, to: today });
    expect(p.guidance.contributionAfterCostToServe).toBe(Math.round(served!.contribution));
    expect(p.guidance.recommendation.reasons.map((r: { code: string }) => r.code)).toContain('at_risk');
    expect((await one<{ n: number }>(database.db, sql`select count(*)::int as n from discount_requests`))?.n).toBe(0);
  });

  it('a price agreement changes the base price the discount is measured from', async () => {
    const a = await as(app, s.director!).post(`/accounts/${fx.accounts.sub.id}/price-agreements`, {
      productId: fx.product.id,
      price: 360_000,
      validFrom: '2026-01-01',
      validTo: '2027-12-31',
    });
    expect(a.statusCode, a.body).toBe(201);
    const eff = (
      await as(app, s.kam!).get(
        `/accounts/${fx.accounts.sub.id}/effective-price?productId=${fx.product.id}&date=2026-06-01`,
      )
    ).json();
    expect(eff).toMatchObject({ listPrice: 380_000, effectivePrice: 360_000, source: 'agreement' });
    const lower = await as(app, s.director!).post(`/accounts/${fx.accounts.sub.id}/price-agreements`, {
      productId: fx.product.id,
      price: 200_000,
      validFrom: '2028-01-01',
      validTo: '2028-12-31',
    });
    expect(lower.statusCode).toBe(400);
    expect(lower.json().errors[0].path).toBe('body.price');
  });

  it('below cost is refused without a justification, and goes to the admin with one', async () => {
    const body = {
      accountId: fx.accounts.group.id,
      productId: fx.product.id,
      quantity: 5,
      requestedPrice: 200_000,
      reason: '年底冲量',
    };
    const refused = await as(app, s.kam!).post('/discount-requests', body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe('body.belowCostJustification');
    expect((await one<{ n: number }>(database.db, sql`select count(*)::int as n from discount_requests`))?.n).toBe(0);
    const justified = await as(app, s.kam!).post('/discount-requests', {
      ...body,
      belowCostJustification: '竞品以成本价抢单，客户是集团战略客户，保住份额后续以服务回补',
    });
    expect(justified.statusCode, justified.body).toBe(201);
    expect(justified.json()).toMatchObject({ requiredLevel: 'admin', recommendation: 'decline', status: 'pending' });
  });

  it('each level decides only what the chain gives it', async () => {
    const kamLevel = (
      await as(app, s.kam!).post('/discount-requests', {
        accountId: fx.accounts.group.id,
        productId: fx.product.id,
        quantity: 10,
        requestedPrice: 365_000,
        reason: '续约',
      })
    ).json();
    expect(kamLevel.requiredLevel).toBe('kam');
    expect(kamLevel.canDecide).toBe(true);
    pendingDirector = (
      await as(app, s.kam!).post('/discount-requests', {
        accountId: fx.accounts.group.id,
        productId: fx.product.id,
        quantity: 10,
        requestedPrice: 342_000,
        reason: '客户有流失风险，竞品报价低 10%',
      })
    ).json();
    expect(pendingDirector).toMatchObject({ requiredLevel: 'director', canDecide: false });
    const byKam = await as(app, s.kam!).post(`/discount-requests/${pendingDirector.id}/decision`, {
      version: pendingDirector.version,
      decision: 'approve',
      note: '越级批准',
    });
    expect(byKam.statusCode).toBe(403);
    expect(
      (
        await one<{ status: string }>(
          database.db,
          sql`select status from discount_requests where id = ${pendingDirector.id}`,
        )
      )?.status,
    ).toBe('pending');
    const inbox = (await as(app, s.director!).get('/discount-requests?inbox=true')).json();
    expect(inbox.items.map((r: { id: string }) => r.id)).toContain(pendingDirector.id);
    expect(inbox.items.every((r: { requiredLevel: string }) => r.requiredLevel !== 'admin')).toBe(true);
    const kamInbox = (await as(app, s.kam!).get('/discount-requests?inbox=true')).json();
    expect(kamInbox.items.map((r: { id: string }) => r.id)).toEqual([kamLevel.id]);
    const approved = await as(app, s.director!).post(`/discount-requests/${pendingDirector.id}/decision`, {
      version: pendingDirector.version,
      decision: 'approve',
      note: '流失风险高，批准 10%',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: { displayName: 'director' } });
    const audited = await one<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where action = 'discount.approve' and details ->> 'requestId' = ${pendingDirector.id}`,
    );
    expect(audited?.n).toBe(1);
    const countered = await as(app, s.kam!).post(`/discount-requests/${kamLevel.id}/decision`, {
      version: kamLevel.version,
      decision: 'counter',
      note: '不降价',
    });
    expect(countered.statusCode).toBe(400);
    expect(countered.json().errors[0].path).toBe('body.counterOffer');
  });

  it('the report shows who got what and whether they were at risk', async () => {
    await database.db.execute(
      sql`update discount_requests set decided_at = '2026-08-15T02:00:00Z' where id = ${pendingDirector.id}`,
    );
    const res = await as(app, s.director!).get('/discount-report?from=2026-07-01&to=2026-09-30');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.totals).toMatchObject({ granted: 1, discountAmount: 380_000, atRiskAmount: 380_000, atRiskShare: 1 });
    expect(report.items[0]).toMatchObject({
      accountName: '上海精工机械集团有限公司',
      tier: 'strategic',
      churnRisk: 72,
      atRisk: true,
    });
    expect(report.byTier.find((t: { tier: string }) => t.tier === 'strategic')).toMatchObject({
      granted: 1,
      atRisk: 1,
      meanPct: 10,
    });
    const kam2 = (await as(app, s.kam2!).get('/discount-requests')).json();
    expect(kam2.total).toBe(0);
    expect((await as(app, s.kam2!).get(`/discount-requests/${pendingDirector.id}`)).statusCode).toBe(404);
    expect((await as(app, s.kam2!).get('/discount-report')).statusCode).toBe(403);
  });

  it('a KAM outside the account’s scope cannot preview, request, or read its prices', async () => {
    const body = {
      accountId: fx.accounts.group.id,
      productId: fx.product.id,
      quantity: 1,
      requestedPrice: 300_000,
      reason: '测试',
    };
    expect((await as(app, s.kam2!).post('/discount-requests/preview', body)).statusCode).toBe(404);
    expect((await as(app, s.kam2!).post('/discount-requests', body)).statusCode).toBe(404);
    expect(
      (await as(app, s.kam2!).get(`/accounts/${fx.accounts.group.id}/effective-price?productId=${fx.product.id}`))
        .statusCode,
    ).toBe(404);
    const agreements = (await as(app, s.kam2!).get('/price-agreements')).json();
    expect(agreements.total).toBe(0);
    const any = (await as(app, s.kam!).get('/price-agreements')).json();
    expect((await as(app, s.kam2!).get(`/price-agreements/${any.items[0].id}`)).statusCode).toBe(404);
  });

  it('recommendation: not at risk and insensitive → a value-added service instead', () => {
    const g = {
      priceSensitivity: {
        manual: 'low' as const,
        computed: {
          score: 10,
          band: 'low' as const,
          orders: 10,
          discountedShare: 0,
          meanDiscount: 0,
          response: null,
          competitorShare: null,
        },
      },
      churn: { risk: 10, atRisk: false, reasons: [], asOf: null },
      margin: {
        unitCost: 100,
        basePrice: 200,
        requestedPrice: 190,
        unitMarginBefore: 100,
        unitMarginAfter: 90,
        marginRateAfter: 0.47,
        totalMarginAfter: 90,
        belowCost: false,
      },
      clv: null,
      contributionAfterCostToServe: 0,
      competitors: { share: null, presences: [] },
      peers: {
        industry: 'C',
        sizeBand: 'large',
        accounts: 5,
        meanOrderDiscount: 0.02,
        grantedRequests: 4,
        medianGrantedPct: 4,
        p75GrantedPct: 6,
      },
    };
    expect(recommend(g, 5).action).toBe('counter_offer');
    expect(recommend(g, 15).action).toBe('decline');
    expect(
      recommend(
        {
          ...g,
          churn: { ...g.churn, risk: 70, atRisk: true },
          priceSensitivity: { ...g.priceSensitivity, manual: 'high' },
        },
        5,
      ).action,
    ).toBe('approve');
  });
});

describe('price lists', () => {
  it('a current price list sets the list price; only managers create one', async () => {
    const body = {
      name: '2026 年标准价目表',
      validFrom: '2026-01-01',
      items: [{ productId: fx.product.id, listPrice: 390_000 }],
    };
    expect((await as(app, s.kam!).post('/price-lists', body)).statusCode).toBe(403);
    const res = await as(app, s.director!).post('/price-lists', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().current).toBe(true);
    const eff = (
      await as(app, s.kam!).get(`/accounts/${fx.accounts.solo.id}/effective-price?productId=${fx.product.id}`)
    ).json();
    expect(eff).toMatchObject({ listPrice: 390_000, source: 'price_list', priceList: { name: '2026 年标准价目表' } });
    const dup = await as(app, s.director!).post('/price-lists', { ...body, items: [body.items[0], body.items[0]] });
    expect(dup.statusCode).toBe(400);
  });
});
