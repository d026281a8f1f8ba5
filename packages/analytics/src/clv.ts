/**
 * Predictive customer lifetime value (DOMAIN.md, formulas): the margin BG/NBD expects an account
 * to bring in each period of the horizon, discounted at an annual rate.
 */
import { type BgNbdParams, type BgNbdRow, bgNbdExpectedPurchases } from './bg-nbd.js';

/**
 * `row`, `periodLength` and the BG/NBD parameters share one time unit (the server uses weeks with
 * months as periods: periodLength 52/12, periodsPerYear 12, horizonPeriods 36).
 */
export type ClvInput = {
  bgNbd: BgNbdParams;
  row: BgNbdRow;
  expectedOrderValue: number;
  marginRate: number;
  horizonPeriods: number;
  periodLength: number;
  annualDiscountRate: number;
  periodsPerYear: number;
};
export type ClvPeriod = { period: number; expectedOrders: number; expectedMargin: number; discounted: number };

/**
 * For period k = 1 … horizon: orders_k = E[X(k·L) | history] − E[X((k−1)·L) | history],
 * margin_k = orders_k × expected order value × margin rate, discounted to today at the end of the
 * period: margin_k / (1 + d)^(k / periodsPerYear). CLV = Σ discounted; expectedOrders = Σ orders_k.
 */
export function discountedClv(input: ClvInput): { clv: number; expectedOrders: number; perPeriod: ClvPeriod[] } {
  checkInput(input);
  const {
    bgNbd,
    row,
    expectedOrderValue,
    marginRate,
    horizonPeriods,
    periodLength,
    annualDiscountRate,
    periodsPerYear,
  } = input;
  const perPeriod: ClvPeriod[] = [];
  let before = 0;
  let clv = 0;
  for (let k = 1; k <= horizonPeriods; k++) {
    const cumulative = bgNbdExpectedPurchases(bgNbd, k * periodLength, row);
    const expectedOrders = cumulative - before;
    before = cumulative;
    const expectedMargin = expectedOrders * expectedOrderValue * marginRate;
    const discounted = expectedMargin / (1 + annualDiscountRate) ** (k / periodsPerYear);
    clv += discounted;
    perPeriod.push({ period: k, expectedOrders, expectedMargin, discounted });
  }
  return { clv, expectedOrders: before, perPeriod };
}

function checkInput(input: ClvInput): void {
  const { expectedOrderValue, marginRate, horizonPeriods, periodLength, annualDiscountRate, periodsPerYear } = input;
  if (!(Number.isInteger(horizonPeriods) && horizonPeriods >= 0)) {
    throw new RangeError(`horizonPeriods must be a non-negative integer, got ${horizonPeriods}`);
  }
  if (!(Number.isFinite(periodLength) && periodLength > 0)) {
    throw new RangeError(`periodLength must be positive, got ${periodLength}`);
  }
  if (!(Number.isFinite(periodsPerYear) && periodsPerYear > 0)) {
    throw new RangeError(`periodsPerYear must be positive, got ${periodsPerYear}`);
  }
  if (!(Number.isFinite(annualDiscountRate) && annualDiscountRate > -1)) {
    throw new RangeError(`annualDiscountRate must be above −1, got ${annualDiscountRate}`);
  }
  if (!Number.isFinite(expectedOrderValue)) {
    throw new RangeError(`expectedOrderValue must be finite, got ${expectedOrderValue}`);
  }
  if (!Number.isFinite(marginRate)) throw new RangeError(`marginRate must be finite, got ${marginRate}`);
}
