import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChurnInput, churnRisk, DEFAULT_CHURN_WEIGHTS } from './index.js';

const CALM: ChurnInput = {
  daysSinceLastOrder: 10,
  meanInterOrderDays: 30,
  revenueLast12: 120,
  revenuePrev12: 100,
  pAlive: 0.95,
  complaintsPastSla: 0,
  satisfactionTrend: 0.2,
  daysSinceDecisionMakerContact: 20,
  competitorShareChange: -0.05,
  overdueAmount: 0,
  receivables: 50,
};

describe('churnRisk', () => {
  it('weighs a hand-computed account, every reason halfway or so', () => {
    const result = churnRisk({
      daysSinceLastOrder: 100, // 2.5 × the 40-day cadence: (2.5 − 1.5) / 2.5 = 0.4 of 25
      meanInterOrderDays: 40,
      revenueLast12: 80, // −20 %: 0.4 of 20
      revenuePrev12: 100,
      pAlive: 0.55, // (0.8 − 0.55) / 0.5 = 0.5 of 15
      complaintsPastSla: 1, // half of 10
      satisfactionTrend: -0.5, // half of 5
      daysSinceDecisionMakerContact: 135, // half of 10
      competitorShareChange: 0.05, // a quarter of 5
      overdueAmount: 30, // a quarter of 10
      receivables: 120,
    });
    expect(result.score).toBe(42); // 41.75
    expect(result.reasons.map((r) => r.code)).toEqual([
      'recency_beyond_cadence',
      'revenue_decline',
      'low_p_alive',
      'complaints_past_sla', // ties keep the order of the reason list
      'decision_maker_contact_lost',
      'falling_satisfaction',
      'overdue_receivables',
      'competitor_share_rising',
    ]);
    const points = result.reasons.map((r) => r.points);
    for (const [i, expected] of [10, 8, 7.5, 5, 5, 2.5, 2.5, 1.25].entries())
      expect(points[i]).toBeCloseTo(expected, 12);
    expect(result.reasons[0]?.data).toEqual({ daysSinceLastOrder: 100, meanInterOrderDays: 40, ratio: 2.5 });
    expect(result.reasons[1]?.data.change).toBeCloseTo(-0.2, 12);
    expect(result.reasons[6]?.data).toEqual({ overdueAmount: 30, receivables: 120, share: 0.25 });
  });

  it('scores a calm account 0 with no reasons, and a lost one 100', () => {
    expect(churnRisk(CALM)).toEqual({ score: 0, reasons: [] });
    const lost = churnRisk({
      daysSinceLastOrder: 400,
      meanInterOrderDays: 30,
      revenueLast12: 0,
      revenuePrev12: 100,
      pAlive: 0.1,
      complaintsPastSla: 5,
      satisfactionTrend: -2,
      daysSinceDecisionMakerContact: 365,
      competitorShareChange: 0.4,
      overdueAmount: 80,
      receivables: 80,
    });
    expect(lost.score).toBe(100);
    expect(lost.reasons.map((r) => [r.code, r.points])).toEqual(
      Object.entries(DEFAULT_CHURN_WEIGHTS).sort((u, v) => v[1] - u[1]),
    );
  });

  it('gives unknowns no points: no cadence, no previous revenue, no P(alive), no receivables', () => {
    const result = churnRisk({
      ...CALM,
      daysSinceLastOrder: 500,
      meanInterOrderDays: null,
      revenueLast12: 0,
      revenuePrev12: 0,
      pAlive: null,
      satisfactionTrend: null,
      daysSinceDecisionMakerContact: null,
      competitorShareChange: null,
      receivables: 0,
    });
    expect(result).toEqual({ score: 0, reasons: [] });
  });

  it('uses configured weights and leaves out a reason weighted 0', () => {
    const weights = { ...DEFAULT_CHURN_WEIGHTS, overdue_receivables: 0, recency_beyond_cadence: 35 };
    const result = churnRisk({ ...CALM, daysSinceLastOrder: 120, overdueAmount: 50 }, weights);
    expect(result.reasons.map((r) => [r.code, r.points])).toEqual([['recency_beyond_cadence', 35]]);
    expect(result.score).toBe(35);
  });

  it('refuses weights above 100 in total, negative weights, non-finite or negative inputs', () => {
    expect(() => churnRisk(CALM, { ...DEFAULT_CHURN_WEIGHTS, low_p_alive: 16 })).toThrow(/at most 100/);
    expect(() => churnRisk(CALM, { ...DEFAULT_CHURN_WEIGHTS, low_p_alive: -1 })).toThrow(/low_p_alive/);
    expect(() => churnRisk({ ...CALM, pAlive: Number.NaN })).toThrow(/pAlive/);
    expect(() => churnRisk({ ...CALM, receivables: -5 })).toThrow(/receivables/);
  });

  const input = fc.record({
    daysSinceLastOrder: fc.option(fc.integer({ min: 0, max: 800 }), { nil: null }),
    meanInterOrderDays: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
    revenueLast12: fc.integer({ min: 0, max: 1000 }),
    revenuePrev12: fc.integer({ min: 0, max: 1000 }),
    pAlive: fc.option(
      fc.integer({ min: 0, max: 100 }).map((p) => p / 100),
      { nil: null },
    ),
    complaintsPastSla: fc.integer({ min: 0, max: 4 }),
    satisfactionTrend: fc.option(
      fc.integer({ min: -20, max: 20 }).map((s) => s / 10),
      { nil: null },
    ),
    daysSinceDecisionMakerContact: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
    competitorShareChange: fc.option(
      fc.integer({ min: -30, max: 30 }).map((c) => c / 100),
      { nil: null },
    ),
    overdueAmount: fc.integer({ min: 0, max: 500 }),
    receivables: fc.integer({ min: 0, max: 500 }),
  });
  const by = fc.integer({ min: 1, max: 300 });

  it('never lowers the score when any input worsens', () => {
    const worsen: ((i: ChurnInput, d: number) => ChurnInput)[] = [
      (i, d) => ({ ...i, daysSinceLastOrder: i.daysSinceLastOrder === null ? null : i.daysSinceLastOrder + d }),
      (i, d) => ({ ...i, revenueLast12: i.revenueLast12 - d }),
      (i, d) => ({ ...i, revenuePrev12: i.revenuePrev12 + d }),
      (i, d) => ({ ...i, pAlive: i.pAlive === null ? null : Math.max(0, i.pAlive - d / 300) }),
      (i, d) => ({ ...i, complaintsPastSla: i.complaintsPastSla + d }),
      (i, d) => ({ ...i, satisfactionTrend: i.satisfactionTrend === null ? null : i.satisfactionTrend - d / 100 }),
      (i, d) => ({
        ...i,
        daysSinceDecisionMakerContact:
          i.daysSinceDecisionMakerContact === null ? null : i.daysSinceDecisionMakerContact + d,
      }),
      (i, d) => ({
        ...i,
        competitorShareChange: i.competitorShareChange === null ? null : i.competitorShareChange + d / 1000,
      }),
      (i, d) => ({ ...i, overdueAmount: i.overdueAmount + d, receivables: i.receivables + d }),
    ];
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: worsen.length - 1 }), by, (i, which, d) => {
        const worse = (worsen[which] as (typeof worsen)[number])(i, d);
        expect(churnRisk(worse).score).toBeGreaterThanOrEqual(churnRisk(i).score);
      }),
    );
  });

  it('keeps the score in 0–100, within rounding of its reasons, which are sorted and positive', () => {
    fc.assert(
      fc.property(input, (i) => {
        const { score, reasons } = churnRisk(i);
        expect(Number.isInteger(score) && score >= 0 && score <= 100).toBe(true);
        expect(Math.abs(reasons.reduce((s, r) => s + r.points, 0) - score)).toBeLessThanOrEqual(0.5 + 1e-9);
        for (const [k, r] of reasons.entries()) {
          expect(r.points).toBeGreaterThan(0);
          if (k > 0) expect(r.points).toBeLessThanOrEqual(reasons[k - 1]?.points as number);
        }
      }),
    );
  });
});
