import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rfmScores, rfmSegment } from './index.js';

describe('rfmScores', () => {
  it('scores a hand-computed portfolio by mid-rank quintiles', () => {
    // five buyers: R by recency 5 < 20 < 60 < 200 < 400 days → 5, 4, 3, 2, 1
    // F over [1, 2, 6, 6, 10]: the tied 6s sit at mid-rank (2 + 2/2) / 5 = 0.6 → both 4
    // M over [100, 800, 1200, 3000, 5000] → 1 … 5; the account that never ordered is 1-1-1
    const result = rfmScores([
      { id: 'a', recencyDays: 5, frequency: 10, monetary: 5000 },
      { id: 'b', recencyDays: 20, frequency: 6, monetary: 3000 },
      { id: 'c', recencyDays: 60, frequency: 6, monetary: 800 },
      { id: 'd', recencyDays: 200, frequency: 1, monetary: 100 },
      { id: 'e', recencyDays: 400, frequency: 2, monetary: 1200 },
      { id: 'z', recencyDays: null, frequency: 0, monetary: 0 },
    ]);
    expect(result).toEqual([
      { id: 'a', r: 5, f: 5, m: 5, segment: 'champions' },
      { id: 'b', r: 4, f: 4, m: 4, segment: 'loyal' },
      { id: 'c', r: 3, f: 4, m: 2, segment: 'need_attention' },
      { id: 'd', r: 2, f: 1, m: 1, segment: 'hibernating' },
      { id: 'e', r: 1, f: 2, m: 3, segment: 'lost' },
      { id: 'z', r: 1, f: 1, m: 1, segment: 'lost' },
    ]);
  });

  it('puts a tie group where its middle lies', () => {
    // six accounts with one order, two with two, then 5 and 9: mid-ranks 0.3, 0.7, 0.85, 0.95
    const frequencies = [1, 1, 1, 1, 1, 1, 2, 2, 5, 9];
    const result = rfmScores(frequencies.map((f, i) => ({ id: `a${i}`, recencyDays: 10, frequency: f, monetary: 1 })));
    expect(result.map((r) => r.f)).toEqual([2, 2, 2, 2, 2, 2, 4, 4, 5, 5]);
    // every recency and value equal: all in the middle quintile
    expect(new Set(result.map((r) => `${r.r}${r.m}`))).toEqual(new Set(['33']));
  });

  it('refuses negative recency or frequency and non-finite values', () => {
    expect(() => rfmScores([{ id: 'a', recencyDays: -1, frequency: 1, monetary: 1 }])).toThrow(/recencyDays/);
    expect(() => rfmScores([{ id: 'a', recencyDays: 1, frequency: -1, monetary: 1 }])).toThrow(/frequency/);
    expect(() => rfmScores([{ id: 'a', recencyDays: 1, frequency: 1, monetary: Number.NaN }])).toThrow(/monetary/);
  });

  const rows = fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 5 }),
      recencyDays: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null, freq: 6 }),
      frequency: fc.integer({ min: 0, max: 8 }),
      monetary: fc.integer({ min: -5, max: 20 }).map((m) => m * 100),
    }),
    { selector: (r) => r.id, maxLength: 60 },
  );

  it('does not depend on row order', () => {
    fc.assert(
      fc.property(
        rows.chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length }))),
        ([original, shuffled]) => {
          const byId = (rs: ReturnType<typeof rfmScores>) => new Map(rs.map((r) => [r.id, r]));
          expect(byId(rfmScores(shuffled))).toEqual(byId(rfmScores(original)));
        },
      ),
    );
  });

  it('gives equal values equal scores and better values scores at least as good', () => {
    fc.assert(
      fc.property(rows, (rs) => {
        const result = rfmScores(rs);
        const buyers = rs.flatMap((row, i) =>
          row.recencyDays === null ? [] : [{ row, s: result[i] as (typeof result)[0] }],
        );
        for (const u of buyers) {
          for (const v of buyers) {
            if (u.row.frequency >= v.row.frequency) expect(u.s.f).toBeGreaterThanOrEqual(v.s.f);
            if (u.row.monetary >= v.row.monetary) expect(u.s.m).toBeGreaterThanOrEqual(v.s.m);
            if ((u.row.recencyDays as number) <= (v.row.recencyDays as number))
              expect(u.s.r).toBeGreaterThanOrEqual(v.s.r);
          }
        }
        for (const s of result) for (const v of [s.r, s.f, s.m]) expect(v >= 1 && v <= 5).toBe(true);
      }),
    );
  });

  it('splits distinct values into five equal quintiles', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.uniqueArray(fc.integer(), { minLength: 100, maxLength: 100 }),
        (k, values) => {
          const result = rfmScores(
            values.slice(0, 5 * k).map((v, i) => ({ id: `${i}`, recencyDays: 1, frequency: 1, monetary: v })),
          );
          const counts = [1, 2, 3, 4, 5].map((q) => result.filter((r) => r.m === q).length);
          expect(counts).toEqual([k, k, k, k, k]);
        },
      ),
    );
  });
});

describe('rfmSegment', () => {
  it.each([
    [5, 5, 5, 'champions'],
    [5, 5, 4, 'champions'],
    [3, 4, 5, 'loyal'],
    [4, 3, 2, 'potential_loyalist'],
    [5, 1, 1, 'new_customers'],
    [5, 1, 2, 'new_customers'],
    [4, 1, 1, 'promising'],
    [3, 3, 3, 'need_attention'],
    [3, 2, 2, 'about_to_sleep'],
    [2, 4, 3, 'at_risk'],
    [1, 5, 5, 'cannot_lose'],
    [2, 5, 5, 'cannot_lose'],
    [2, 2, 1, 'hibernating'],
    [1, 2, 3, 'lost'],
    [1, 1, 1, 'lost'],
  ] as const)('R%i F%i M%i → %s', (r, f, m, segment) => {
    expect(rfmSegment(r, f, m)).toBe(segment);
  });

  it('names all eleven segments and refuses scores outside 1–5', () => {
    const all = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) all.add(rfmSegment(r, f, m));
    expect(all.size).toBe(11);
    expect(() => rfmSegment(0, 3, 3)).toThrow(/^r must/);
    expect(() => rfmSegment(3, 3, 2.5)).toThrow(/^m must/);
  });
});
