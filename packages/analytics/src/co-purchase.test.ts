import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Basket, crossSellRecommendations } from './index.js';

const basket = (id: string, peerGroup: string, ...categories: string[]): Basket => ({ id, peerGroup, categories });

// steel, 10 accounts: A 5, B 4, C 5, D 4; A+B 4, C+D 3, A+C 1, B+C 1
const STEEL = [
  basket('ab1', 'steel', 'A', 'B'),
  basket('ab2', 'steel', 'A', 'B'),
  basket('ab3', 'steel', 'B', 'A'),
  basket('a1', 'steel', 'A'),
  basket('cd1', 'steel', 'C', 'D'),
  basket('cd2', 'steel', 'C', 'D'),
  basket('cd3', 'steel', 'C', 'D'),
  basket('c1', 'steel', 'C'),
  basket('abc', 'steel', 'A', 'B', 'C'),
  basket('d1', 'steel', 'D'),
];
// hospitals buy A alone: nothing to learn there, and steel's rules must not leak in
const HOSPITALS = Array.from({ length: 10 }, (_, i) => basket(`h${i}`, 'hospital', 'A'));

describe('crossSellRecommendations', () => {
  it('mines a hand-computed peer group', () => {
    // A → B: support 4/10, confidence 4/5, lift 0.8 / 0.4 = 2; C → D: 3/10, 3/5, 0.6 / 0.4 = 1.5;
    // D → C: 3/10, 3/4, 0.75 / 0.5 = 1.5; A → C and the like fail confidence (≤ 1/4)
    expect(crossSellRecommendations([...HOSPITALS, ...STEEL], { minPeers: 3 })).toEqual([
      { id: 'a1', category: 'B', because: 'A', support: 0.4, confidence: 0.8, lift: 2, peers: 4 },
      { id: 'abc', category: 'D', because: 'C', support: 0.3, confidence: 0.6, lift: 1.5, peers: 3 },
      { id: 'c1', category: 'D', because: 'C', support: 0.3, confidence: 0.6, lift: 1.5, peers: 3 },
      { id: 'd1', category: 'C', because: 'D', support: 0.3, confidence: 0.75, lift: 1.5, peers: 3 },
    ]);
  });

  it('applies each threshold', () => {
    const only = (opts: Parameters<typeof crossSellRecommendations>[1]) =>
      crossSellRecommendations(STEEL, opts).map((r) => `${r.id}:${r.category}`);
    expect(only({ minPeers: 4 })).toEqual(['a1:B']);
    expect(only({ minPeers: 3, minSupport: 0.35 })).toEqual(['a1:B']);
    expect(only({ minPeers: 3, minConfidence: 0.7 })).toEqual(['a1:B', 'd1:C']);
    expect(only({ minPeers: 3, minLift: 1.6 })).toEqual(['a1:B']);
    // the default of ten co-buyers is more evidence than this group has
    expect(only({})).toEqual([]);
  });

  it('keeps the best antecedent per category: lift, then confidence, then name', () => {
    // E 4, F 4, G 5, H 4 of 10; E+G 3, F+G 3, E+F 2
    const group = [
      basket('eg1', 'x', 'E', 'G'),
      basket('eg2', 'x', 'E', 'G'),
      basket('fg1', 'x', 'F', 'G'),
      basket('fg2', 'x', 'F', 'G'),
      basket('efg', 'x', 'E', 'F', 'G'),
      basket('target', 'x', 'F', 'E'),
      ...Array.from({ length: 4 }, (_, i) => basket(`h${i}`, 'x', 'H')),
    ];
    const byId = (id: string) =>
      crossSellRecommendations(group, { minPeers: 2 })
        .filter((r) => r.id === id)
        .map((r) => [r.category, r.because, r.lift]);
    // G from E and from F tie at lift 1.5, confidence 0.75: the name decides
    expect(byId('target')).toEqual([['G', 'E', 1.5]]);
    // F from G (lift 0.6 / 0.4 = 1.5) beats F from E (0.5 / 0.4 = 1.25)
    expect(byId('eg1')).toEqual([['F', 'G', 1.5]]);
  });

  it('keeps perAccount recommendations, the strongest first', () => {
    const recs = crossSellRecommendations(STEEL, { minPeers: 3, perAccount: 1, minConfidence: 0 });
    expect(recs.filter((r) => r.id === 'abc')).toHaveLength(1);
    expect(crossSellRecommendations(STEEL, { minPeers: 3, perAccount: 0 })).toEqual([]);
  });

  it('refuses duplicate accounts and options out of range', () => {
    expect(() => crossSellRecommendations([basket('a', 'x', 'A'), basket('a', 'y', 'B')])).toThrow(/more than one/);
    expect(() => crossSellRecommendations([], { minSupport: 2 })).toThrow(/minSupport/);
    expect(() => crossSellRecommendations([], { perAccount: 1.5 })).toThrow(/perAccount/);
  });

  const baskets = fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      peerGroup: fc.constantFrom('p', 'q'),
      categories: fc.uniqueArray(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'), { maxLength: 5 }),
    }),
    { selector: (b) => b.id, maxLength: 50 },
  );
  const opts = { minPeers: 2, minSupport: 0.05, minConfidence: 0.2, minLift: 1.05, perAccount: 3 };

  it('does not depend on the order of baskets or of categories within them', () => {
    fc.assert(
      fc.property(
        baskets.chain((bs) => fc.tuple(fc.constant(bs), fc.shuffledSubarray(bs, { minLength: bs.length }))),
        ([original, shuffled]) => {
          const reversed = shuffled.map((b) => ({ ...b, categories: [...b.categories].reverse() }));
          expect(crossSellRecommendations(reversed, opts)).toEqual(crossSellRecommendations(original, opts));
        },
      ),
    );
  });

  it('only recommends what an account lacks, because of what it has, within the thresholds', () => {
    fc.assert(
      fc.property(baskets, (bs) => {
        const byId = new Map(bs.map((b) => [b.id, new Set(b.categories)]));
        const recs = crossSellRecommendations(bs, opts);
        const pairs = new Set<string>();
        for (const r of recs) {
          const own = byId.get(r.id) as Set<string>;
          expect(own.has(r.category)).toBe(false);
          expect(own.has(r.because)).toBe(true);
          expect(r.peers).toBeGreaterThanOrEqual(opts.minPeers);
          expect(r.lift).toBeGreaterThanOrEqual(opts.minLift);
          expect(r.confidence).toBeGreaterThanOrEqual(opts.minConfidence);
          expect(pairs.has(`${r.id}|${r.category}`)).toBe(false);
          pairs.add(`${r.id}|${r.category}`);
        }
        for (const id of byId.keys())
          expect(recs.filter((r) => r.id === id).length).toBeLessThanOrEqual(opts.perAccount);
      }),
    );
  });
});
