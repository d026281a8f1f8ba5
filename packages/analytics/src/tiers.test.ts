import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignTiers, DEFAULT_TIER_CONFIG, effectiveTier, type TierConfig } from './index.js';

const rankShare: TierConfig = { ...DEFAULT_TIER_CONFIG, mode: 'rank_share' };

describe('assignTiers', () => {
  it('uses the default thresholds 75 and 50, ranks ties by id, answers in input order', () => {
    const result = assignTiers(
      [
        { id: 'c', score: 50 },
        { id: 'a', score: 75 },
        { id: 'd', score: 49.99 },
        { id: 'b', score: 75 },
        { id: 'e', score: 90 },
      ],
      DEFAULT_TIER_CONFIG,
    );
    expect(result).toEqual([
      { id: 'c', tier: 'core', rank: 4, basis: 'score>=50' },
      { id: 'a', tier: 'strategic', rank: 2, basis: 'score>=75' },
      { id: 'd', tier: 'general', rank: 5, basis: 'score<50' },
      { id: 'b', tier: 'strategic', rank: 3, basis: 'score>=75' },
      { id: 'e', tier: 'strategic', rank: 1, basis: 'score>=75' },
    ]);
  });

  it('in rank-share mode takes the top ⌈5 %⌉ and the next ⌈15 %⌉', () => {
    // 100 accounts: 5 strategic, 15 core (0.15 × 100 is 15.000000000000002 in floating point, still 15)
    const scores = Array.from({ length: 100 }, (_, i) => ({ id: `acc-${String(i).padStart(3, '0')}`, score: i }));
    const result = assignTiers(scores, rankShare);
    const count = (tier: string) => result.filter((r) => r.tier === tier).length;
    expect([count('strategic'), count('core'), count('general')]).toEqual([5, 15, 80]);
    expect(result[99]).toEqual({ id: 'acc-099', tier: 'strategic', rank: 1, basis: 'top 5%' });
    expect(result[80]).toEqual({ id: 'acc-080', tier: 'core', rank: 20, basis: 'next 15%' });
    expect(result[79]).toEqual({ id: 'acc-079', tier: 'general', rank: 21, basis: 'rest' });
  });

  it('rounds rank shares up, so a small portfolio still has a strategic account', () => {
    // 7 accounts: ⌈0.35⌉ = 1 strategic, ⌈1.05⌉ = 2 core; the tie at 80 is split by id
    const result = assignTiers(
      [
        { id: 'g', score: 10 },
        { id: 'b', score: 80 },
        { id: 'a', score: 80 },
        { id: 'c', score: 70 },
        { id: 'd', score: 60 },
        { id: 'e', score: 50 },
        { id: 'f', score: 40 },
      ],
      rankShare,
    );
    expect(result.map((r) => `${r.id}:${r.tier}:${r.rank}`)).toEqual([
      'g:general:7',
      'b:core:2',
      'a:strategic:1',
      'c:core:3',
      'd:general:4',
      'e:general:5',
      'f:general:6',
    ]);
    expect(assignTiers([], rankShare)).toEqual([]);
  });

  it('refuses inconsistent configurations', () => {
    expect(() => assignTiers([], { ...DEFAULT_TIER_CONFIG, coreMin: 80 })).toThrow(/coreMin/);
    expect(() => assignTiers([], { ...rankShare, strategicShare: 0.6, coreShare: 0.5 })).toThrow(/exceed 1/);
    expect(() => assignTiers([], { ...rankShare, coreShare: -0.1 })).toThrow(/coreShare/);
    expect(() => assignTiers([{ id: 'a', score: Number.NaN }], rankShare)).toThrow(/finite/);
  });

  const portfolio = fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 5 }),
      score: fc.integer({ min: 0, max: 20 }).map((s) => s * 5),
    }),
    { selector: (r) => r.id, maxLength: 60 },
  );
  const config = fc.record({
    mode: fc.constantFrom('threshold' as const, 'rank_share' as const),
    strategicMin: fc.integer({ min: 50, max: 100 }),
    coreMin: fc.integer({ min: 0, max: 50 }),
    strategicShare: fc.integer({ min: 0, max: 30 }).map((p) => p / 100),
    coreShare: fc.integer({ min: 0, max: 70 }).map((p) => p / 100),
  });

  it('does not depend on row order', () => {
    fc.assert(
      fc.property(
        portfolio.chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length }))),
        config,
        ([original, shuffled], c) => {
          const byId = (rs: ReturnType<typeof assignTiers>) => new Map(rs.map((r) => [r.id, r]));
          expect(byId(assignTiers(shuffled, c))).toEqual(byId(assignTiers(original, c)));
        },
      ),
    );
  });

  it('ranks 1..n, and a higher score never gets a lower tier', () => {
    const order = { strategic: 0, core: 1, general: 2 };
    fc.assert(
      fc.property(portfolio, config, (rs, c) => {
        const result = assignTiers(rs, c);
        expect(result.map((r) => r.rank).sort((u, v) => u - v)).toEqual(rs.map((_, i) => i + 1));
        const byRank = [...result].sort((u, v) => u.rank - v.rank);
        for (let i = 1; i < byRank.length; i++) {
          expect(order[byRank[i]?.tier ?? 'general']).toBeGreaterThanOrEqual(order[byRank[i - 1]?.tier ?? 'general']);
        }
      }),
    );
  });
});

describe('effectiveTier', () => {
  it.each([
    ['no override', null, '2025-03-01', { tier: 'general', overridden: false }],
    [
      'an open-ended override',
      { tier: 'strategic', expiresAt: null },
      '2025-03-01',
      { tier: 'strategic', overridden: true },
    ],
    ['before expiry', { tier: 'core', expiresAt: '2025-06-30' }, '2025-06-29', { tier: 'core', overridden: true }],
    ['on the expiry date', { tier: 'core', expiresAt: '2025-06-30' }, '2025-06-30', { tier: 'core', overridden: true }],
    ['after expiry', { tier: 'core', expiresAt: '2025-06-30' }, '2025-07-01', { tier: 'general', overridden: false }],
    [
      'naming the computed tier',
      { tier: 'general', expiresAt: null },
      '2025-03-01',
      { tier: 'general', overridden: true },
    ],
  ] as const)('%s', (_, override, asOf, expected) => {
    expect(effectiveTier('general', override, asOf)).toEqual(expected);
  });

  it('refuses dates that are not YYYY-MM-DD', () => {
    expect(() => effectiveTier('core', null, '2025-3-1')).toThrow(/asOf/);
    expect(() => effectiveTier('core', { tier: 'general', expiresAt: '2025-06-30T00:00:00Z' }, '2025-03-01')).toThrow(
      /expiresAt/,
    );
  });
});
