import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kaScores, type ScoreCriterion } from './index.js';

const criteria: ScoreCriterion[] = [
  { key: 'revenue', weight: 50, normalisation: 'percentile' },
  { key: 'influence', weight: 30, normalisation: 'rating' },
  { key: 'potential', weight: 20, normalisation: 'cap', cap: 1000 },
];

describe('kaScores', () => {
  it('scores a hand-computed portfolio, in input order', () => {
    // revenue percentile over [100, 200, 200, 400]: a 0/3, b and c (tied) 2/3, d 3/3
    // influence rating: 5 → 1, 3 → 0.5, null → 0, 1 → 0; potential cap 1000: 0.5, 1 (capped), 0 (negative), 0 (null)
    const result = kaScores(
      [
        { id: 'a', values: { revenue: 100, influence: 5, potential: 500 } },
        { id: 'b', values: { revenue: 200, influence: 3, potential: 1500 } },
        { id: 'c', values: { revenue: 200, influence: null, potential: -10 } },
        { id: 'd', values: { revenue: 400, influence: 1 } },
      ],
      criteria,
    );
    expect(result.map((r) => [r.id, r.score])).toEqual([
      ['a', 40],
      ['b', 68.33],
      ['c', 33.33],
      ['d', 50],
    ]);
    const b = result[1];
    expect(b?.contributions.map((c) => [c.key, c.value, c.weight])).toEqual([
      ['revenue', 200, 50],
      ['influence', 3, 30],
      ['potential', 1500, 20],
    ]);
    expect(b?.contributions.map((c) => c.normalised)).toEqual([2 / 3, 0.5, 1]);
    const points = b?.contributions.map((c) => c.points) ?? [];
    for (const [i, p] of [100 / 3, 15, 20].entries()) expect(points[i]).toBeCloseTo(p, 12);
    expect(result[3]?.contributions[2]).toEqual({
      key: 'potential',
      value: null,
      normalised: 0,
      weight: 20,
      points: 0,
    });
  });

  it('inverts "lower is better" criteria, keeping ties together', () => {
    const result = kaScores(
      [
        { id: 'a', values: { dso: 30, complaints: 500 } },
        { id: 'b', values: { dso: 60, complaints: 250 } },
        { id: 'c', values: { dso: 60, complaints: 2000 } },
        { id: 'd', values: { dso: 90, complaints: null } },
      ],
      [
        { key: 'dso', weight: 60, normalisation: 'percentile', invert: true },
        { key: 'complaints', weight: 40, normalisation: 'cap', cap: 1000, invert: true },
      ],
    );
    // dso: a is at least as good as all 3 others → 1; b and c tie at 2/3 (not 1/3); d → 0
    // complaints: 1 − 0.5, 1 − 0.25, 1 − 1, and null earns nothing even inverted
    expect(result.map((r) => r.contributions.map((c) => c.normalised))).toEqual([
      [1, 0.5],
      [2 / 3, 0.75],
      [2 / 3, 0],
      [0, 0],
    ]);
    expect(result.map((r) => r.score)).toEqual([80, 70, 40, 0]);
  });

  it('ranks only the rows that have a value; a lone value ranks 1 and equal values all rank 1', () => {
    const lone = kaScores(
      [
        { id: 'a', values: { v: 7 } },
        { id: 'b', values: { v: null } },
      ],
      [{ key: 'v', weight: 100, normalisation: 'percentile' }],
    );
    expect(lone.map((r) => r.score)).toEqual([100, 0]);
    const tied = kaScores(
      ['a', 'b', 'c'].map((id) => ({ id, values: { v: 3 } })),
      [{ key: 'v', weight: 100, normalisation: 'percentile' }],
    );
    expect(tied.map((r) => r.score)).toEqual([100, 100, 100]);
  });

  it('maps ratings (x − 1) / 4 and clamps them to [0, 1]', () => {
    const result = kaScores(
      [0, 1, 2, 4.5, 5, 9].map((v) => ({ id: String(v), values: { v } })),
      [{ key: 'v', weight: 100, normalisation: 'rating' }],
    );
    expect(result.map((r) => r.score)).toEqual([0, 0, 25, 87.5, 100, 100]);
  });

  it('refuses weights that do not add up to 100, duplicate keys, a cap criterion without a cap, non-finite values', () => {
    const row = [{ id: 'a', values: { v: 1 } }];
    expect(() => kaScores(row, [{ key: 'v', weight: 90, normalisation: 'rating' }])).toThrow(/add up to 100.*90/);
    expect(() =>
      kaScores(row, [
        { key: 'v', weight: 50, normalisation: 'rating' },
        { key: 'v', weight: 50, normalisation: 'rating' },
      ]),
    ).toThrow(/more than once/);
    expect(() => kaScores(row, [{ key: 'v', weight: 100, normalisation: 'cap' }])).toThrow(/positive cap/);
    expect(() => kaScores(row, [{ key: 'v', weight: 100, normalisation: 'cap', cap: 0 }])).toThrow(/positive cap/);
    expect(() =>
      kaScores([{ id: 'a', values: { v: Number.NaN } }], [{ key: 'v', weight: 100, normalisation: 'percentile' }]),
    ).toThrow(RangeError);
    expect(() =>
      kaScores(row, [
        { key: 'v', weight: 110, normalisation: 'rating' },
        { key: 'w', weight: -10, normalisation: 'rating' },
      ]),
    ).toThrow(/non-negative/);
  });

  describe('properties', () => {
    const value = fc.option(fc.integer({ min: -50, max: 1500 }), { nil: null, freq: 5 });
    const rows = fc.uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 4 }),
        values: fc.record({
          p: value,
          q: value,
          c: value,
          r: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        }),
      }),
      { selector: (r) => r.id, minLength: 1, maxLength: 40 },
    );
    // three cut points in 0–100 split the 100 weight points over four criteria
    const weighted = fc
      .array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 })
      .map((cuts): ScoreCriterion[] => {
        const [x, y, z] = [...cuts].sort((u, v) => u - v) as [number, number, number];
        return [
          { key: 'p', weight: x, normalisation: 'percentile' },
          { key: 'q', weight: y - x, normalisation: 'percentile', invert: true },
          { key: 'c', weight: z - y, normalisation: 'cap', cap: 1000 },
          { key: 'r', weight: 100 - z, normalisation: 'rating' },
        ];
      });

    it('does not depend on row order', () => {
      fc.assert(
        fc.property(
          rows.chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length }))),
          weighted,
          ([original, shuffled], cs) => {
            const byId = (scored: ReturnType<typeof kaScores>) => new Map(scored.map((s) => [s.id, s]));
            expect(byId(kaScores(shuffled, cs))).toEqual(byId(kaScores(original, cs)));
          },
        ),
      );
    });

    it('keeps the score in [0, 100] and the contributions within 0.01 of it', () => {
      fc.assert(
        fc.property(rows, weighted, (rs, cs) => {
          for (const s of kaScores(rs, cs)) {
            expect(s.score).toBeGreaterThanOrEqual(0);
            expect(s.score).toBeLessThanOrEqual(100);
            expect(Math.abs(s.contributions.reduce((t, c) => t + c.points, 0) - s.score)).toBeLessThanOrEqual(
              0.005 + 1e-9,
            );
          }
        }),
      );
    });

    it('never lowers an account’s score when one of its (higher-is-better) values rises', () => {
      fc.assert(
        fc.property(
          rows,
          weighted,
          fc.nat(),
          fc.constantFrom('p', 'c', 'r'),
          fc.integer({ min: 0, max: 2000 }),
          (rs, cs, pick, key, raise) => {
            const i = pick % rs.length;
            const before = rs[i] as (typeof rs)[number];
            const old = before.values[key as 'p'];
            const raised = { ...before, values: { ...before.values, [key]: old === null ? raise - 50 : old + raise } };
            const after = rs.map((r, j) => (j === i ? raised : r));
            expect(kaScores(after, cs)[i]?.score).toBeGreaterThanOrEqual(kaScores(rs, cs)[i]?.score as number);
          },
        ),
      );
    });

    it('never lowers an account’s score when a lower-is-better value falls', () => {
      fc.assert(
        fc.property(rows, weighted, fc.nat(), fc.integer({ min: 1, max: 2000 }), (rs, cs, pick, drop) => {
          const i = pick % rs.length;
          const before = rs[i] as (typeof rs)[number];
          if (before.values.q === null) return;
          const after = rs.map((r, j) =>
            j === i ? { ...r, values: { ...r.values, q: (r.values.q as number) - drop } } : r,
          );
          expect(kaScores(after, cs)[i]?.score).toBeGreaterThanOrEqual(kaScores(rs, cs)[i]?.score as number);
        }),
      );
    });
  });
});
