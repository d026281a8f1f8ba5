import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lnBeta, lnGamma, logAddExp } from './special-functions.js';

const sumOfLogs = (from: number, to: number) => {
  let s = 0;
  for (let k = from; k <= to; k++) s += Math.log(k);
  return s;
};

describe('lnGamma', () => {
  it.each([
    [1, 0],
    [2, 0],
    [5, Math.log(24)],
    [100, sumOfLogs(1, 99)],
    [0.5, 0.5 * Math.log(Math.PI)],
    // Γ(n + ½) = √π · ∏ (k − ½), k = 1 … n
    [
      10.5,
      0.5 * Math.log(Math.PI) + Array.from({ length: 10 }, (_, k) => Math.log(k + 0.5)).reduce((s, v) => s + v, 0),
    ],
    // published constants Γ(0.1) and Γ(1/3)
    [0.1, Math.log(9.513507698668732)],
    [1 / 3, Math.log(2.678938534707747)],
  ])('lnΓ(%d) = %d', (x, expected) => {
    expect(lnGamma(x)).toBeCloseTo(expected, 12);
  });

  it('agrees with Stirling’s series for large arguments', () => {
    for (const x of [1e3, 1e5, 1e8]) {
      const stirling = (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3);
      expect(lnGamma(x) / stirling).toBeCloseTo(1, 13);
    }
  });

  it('satisfies Γ(x + 1) = x Γ(x)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-4, max: 1e4, noNaN: true }), (x) => {
        const lhs = lnGamma(x + 1);
        expect(Math.abs(lhs - (lnGamma(x) + Math.log(x)))).toBeLessThan(1e-11 * (1 + Math.abs(lhs)));
      }),
    );
  });

  it('refuses non-positive arguments', () => {
    expect(() => lnGamma(0)).toThrow(RangeError);
    expect(() => lnGamma(-1.5)).toThrow(RangeError);
    expect(() => lnGamma(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('lnBeta and logAddExp', () => {
  it('B(2, 3) = 1/12 and B(½, ½) = π', () => {
    expect(lnBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 13);
    expect(lnBeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 13);
  });

  it('adds in log space without overflow', () => {
    expect(logAddExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 14);
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 12);
    expect(logAddExp(Number.NEGATIVE_INFINITY, -5)).toBe(-5);
  });
});
