import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { portfolioQuadrant } from './index.js';

describe('portfolioQuadrant', () => {
  it.each([
    [0.8, 0.9, 'strategic'],
    [0.2, 0.9, 'development'],
    [0.8, 0.1, 'status'],
    [0.2, 0.1, 'streamline'],
    [0.5, 0.5, 'strategic'], // the threshold itself counts as high
    [0.49, 0.5, 'development'],
  ] as const)('strength %d, attractiveness %d → %s', (strength, attractiveness, quadrant) => {
    expect(portfolioQuadrant(strength, attractiveness)).toBe(quadrant);
  });

  it('takes another threshold', () => {
    expect(portfolioQuadrant(0.6, 0.6, 0.7)).toBe('streamline');
    expect(portfolioQuadrant(0.6, 0.6, 0.6)).toBe('strategic');
  });

  it('never moves an account to a weaker column when its strength rises', () => {
    const weak = new Set(['development', 'streamline']);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (s, a) => {
        if (!weak.has(portfolioQuadrant(s, a)))
          expect(weak.has(portfolioQuadrant(Math.min(1, s + 0.1), a))).toBe(false);
      }),
    );
  });

  it('refuses non-finite inputs', () => {
    expect(() => portfolioQuadrant(Number.NaN, 0.5)).toThrow(/strength/);
  });
});
