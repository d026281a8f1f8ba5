import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BgNbdParams, bgNbdExpectedPurchases, type ClvInput, discountedClv } from './index.js';

const PAPER: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
// the server's shape: weeks as the time unit, 36 monthly periods
const BASE: ClvInput = {
  bgNbd: PAPER,
  row: { x: 5, tx: 40, T: 52 },
  expectedOrderValue: 2000,
  marginRate: 0.25,
  horizonPeriods: 36,
  periodLength: 52 / 12,
  annualDiscountRate: 0.1,
  periodsPerYear: 12,
};

describe('discountedClv', () => {
  it('splits the horizon into per-period increments of the conditional expectation', () => {
    const result = discountedClv(BASE);
    expect(result.perPeriod).toHaveLength(36);
    const total = bgNbdExpectedPurchases(PAPER, 36 * (52 / 12), BASE.row);
    expect(result.expectedOrders).toBeCloseTo(total, 12);
    expect(result.perPeriod.reduce((s, p) => s + p.expectedOrders, 0)).toBeCloseTo(total, 12);
    const third = result.perPeriod[2];
    const orders = bgNbdExpectedPurchases(PAPER, 13, BASE.row) - bgNbdExpectedPurchases(PAPER, 52 / 6, BASE.row);
    expect(third?.period).toBe(3);
    expect(third?.expectedOrders).toBeCloseTo(orders, 12);
    expect(third?.expectedMargin).toBeCloseTo(orders * 2000 * 0.25, 9);
    expect(third?.discounted).toBeCloseTo((orders * 500) / 1.1 ** 0.25, 9);
    expect(result.clv).toBeCloseTo(
      result.perPeriod.reduce((s, p) => s + p.discounted, 0),
      9,
    );
  });

  it('discounts at the end of each period: two yearly periods at 10 %', () => {
    const input = { ...BASE, horizonPeriods: 2, periodLength: 52, periodsPerYear: 1 };
    const [y1, y2] = [52, 104].map((t) => bgNbdExpectedPurchases(PAPER, t, BASE.row)) as [number, number];
    expect(discountedClv(input).clv).toBeCloseTo((y1 * 500) / 1.1 + ((y2 - y1) * 500) / 1.21, 9);
    // undiscounted it is simply orders × value × margin rate
    expect(discountedClv({ ...input, annualDiscountRate: 0 }).clv).toBeCloseTo(y2 * 500, 9);
  });

  it('is zero over an empty horizon', () => {
    expect(discountedClv({ ...BASE, horizonPeriods: 0 })).toEqual({ clv: 0, expectedOrders: 0, perPeriod: [] });
  });

  it('grows with the horizon and the order value, shrinks with the discount rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        fc.integer({ min: 0, max: 20 }),
        (horizon, extra, rate, higher, x) => {
          const input = {
            ...BASE,
            horizonPeriods: horizon,
            annualDiscountRate: rate,
            row: { x, tx: x ? 30 : 0, T: 52 },
          };
          const clv = discountedClv(input).clv;
          expect(discountedClv({ ...input, horizonPeriods: horizon + extra }).clv).toBeGreaterThanOrEqual(clv);
          expect(discountedClv({ ...input, annualDiscountRate: rate + higher }).clv).toBeLessThanOrEqual(clv);
          expect(discountedClv({ ...input, expectedOrderValue: 4000 }).clv).toBeCloseTo(2 * clv, 6);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses a horizon, period or rate that makes no sense', () => {
    expect(() => discountedClv({ ...BASE, horizonPeriods: 1.5 })).toThrow(/horizonPeriods/);
    expect(() => discountedClv({ ...BASE, periodLength: 0 })).toThrow(/periodLength/);
    expect(() => discountedClv({ ...BASE, periodsPerYear: 0 })).toThrow(/periodsPerYear/);
    expect(() => discountedClv({ ...BASE, annualDiscountRate: -1 })).toThrow(/annualDiscountRate/);
    expect(() => discountedClv({ ...BASE, row: { x: 1, tx: 60, T: 52 } })).toThrow(/tx must/);
  });
});
