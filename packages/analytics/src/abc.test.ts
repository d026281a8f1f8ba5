import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abcClasses } from './index.js';

describe('abcClasses', () => {
  it('classifies a hand-computed portfolio', () => {
    // total 1000: a 500 (0→50 %), b 250 (50→75 %), c 150 (75→90 %), d 60 (90→96 %), e 40 (96→100 %)
    const result = abcClasses([
      { id: 'e', value: 40, orders: 1 },
      { id: 'a', value: 500, orders: 3 },
      { id: 'c', value: 150, orders: 2 },
      { id: 'b', value: 250, orders: 2 },
      { id: 'd', value: 60, orders: 1 },
      { id: 'z', value: 0, orders: 0 },
      { id: 'loss', value: -30, orders: 2 },
    ]);
    const byId = Object.fromEntries(result.map((r) => [r.id, r.abc]));
    expect(byId).toEqual({ a: 'A', b: 'A', c: 'A', d: 'B', e: 'C', z: 'D', loss: 'D' });
  });

  const portfolio = fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 6 }),
      value: fc.integer({ min: -100, max: 1_000_000 }),
      orders: fc.integer({ min: 0, max: 20 }),
    }),
    { selector: (r) => r.id, maxLength: 60 },
  );

  it('shares of the ranked accounts sum to 100 %', () => {
    fc.assert(
      fc.property(portfolio, (rows) => {
        const ranked = abcClasses(rows).filter((r) => r.abc !== 'D');
        if (!ranked.length) return;
        expect(ranked.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 9);
      }),
    );
  });

  it('does not depend on row order', () => {
    fc.assert(
      fc.property(portfolio, fc.integer(), (rows, seed) => {
        const shuffled = [...rows].sort(
          (x, y) => ((x.id.charCodeAt(0) * seed) % 7) - ((y.id.charCodeAt(0) * seed) % 7),
        );
        const key = (rs: ReturnType<typeof abcClasses>) => rs.map((r) => `${r.id}:${r.abc}`).sort();
        expect(key(abcClasses(shuffled))).toEqual(key(abcClasses(rows)));
      }),
    );
  });
});
