import { AbcClass, RfmSegment, Tier } from '@kamap/contracts';
import type { AbcClassValue, PortfolioData, QuadrantValue, RfmSegmentValue, TierValue } from '../../app/api/types';

/**
 * A portfolio as the overview draws it: every level, class, cell and segment present (zero when the
 * run found none), in a fixed order, so the figures keep their place from one run to the next.
 */

export type PyramidLevel = {
  tier: TierValue;
  accounts: number;
  revenue: number;
  accountShare: number;
  revenueShare: number;
};

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** Strategic at the top, general at the base, with each level's share of accounts and revenue. */
export function pyramidLevels(portfolio: PortfolioData): PyramidLevel[] {
  const accounts = portfolio.pyramid.reduce((s, l) => s + l.accounts, 0);
  const revenue = portfolio.pyramid.reduce((s, l) => s + l.revenue, 0);
  return Tier.options.map((tier) => {
    const level = portfolio.pyramid.find((l) => l.tier === tier);
    return {
      tier,
      accounts: level?.accounts ?? 0,
      revenue: level?.revenue ?? 0,
      accountShare: share(level?.accounts ?? 0, accounts),
      revenueShare: share(level?.revenue ?? 0, revenue),
    };
  });
}

export type AbcRow = PortfolioData['abc'][number];

export function abcRows(portfolio: PortfolioData): AbcRow[] {
  return AbcClass.options.map(
    (abc) =>
      portfolio.abc.find((row) => row.abc === abc) ?? {
        abc,
        accounts: 0,
        accountShare: 0,
        revenue: 0,
        revenueShare: 0,
        margin: 0,
        marginShare: 0,
      },
  );
}

export type RfmCell = { r: number; f: number; accounts: number; revenue: number };

/** All 25 cells of the R × F grid, R and F from 1 to 5. */
export function rfmCells(portfolio: PortfolioData): RfmCell[] {
  const cells: RfmCell[] = [];
  for (let f = 1; f <= 5; f++) {
    for (let r = 1; r <= 5; r++) {
      const found = portfolio.rfm.find((c) => c.r === r && c.f === f);
      cells.push({ r, f, accounts: found?.accounts ?? 0, revenue: found?.revenue ?? 0 });
    }
  }
  return cells;
}

export type SegmentRow = { segment: RfmSegmentValue; accounts: number; revenue: number; accountShare: number };

/** The 11 RFM segments in the standard order, from champions to lost. */
export function segmentRows(portfolio: PortfolioData): SegmentRow[] {
  const total = portfolio.segments.reduce((s, x) => s + x.accounts, 0);
  return RfmSegment.options.map((segment) => {
    const found = portfolio.segments.find((s) => s.segment === segment);
    return {
      segment,
      accounts: found?.accounts ?? 0,
      revenue: found?.revenue ?? 0,
      accountShare: share(found?.accounts ?? 0, total),
    };
  });
}

export type QuadrantCell = { quadrant: QuadrantValue; accounts: number; revenue: number };

/**
 * McDonald's matrix as a 2 × 2 grid, top row first: attractive accounts above, our strength rising
 * to the right (strategic top right, streamline bottom left).
 */
export const quadrantOrder: readonly QuadrantValue[] = ['development', 'strategic', 'streamline', 'status'];

export function quadrantGrid(portfolio: PortfolioData): QuadrantCell[] {
  return quadrantOrder.map((quadrant) => {
    const found = portfolio.quadrants.find((q) => q.quadrant === quadrant);
    return { quadrant, accounts: found?.accounts ?? 0, revenue: found?.revenue ?? 0 };
  });
}

/** The Pareto curve in percent, starting at the origin. */
export function paretoSeries(portfolio: PortfolioData): [number, number][] {
  const points = [...portfolio.pareto].sort((a, b) => a.accountShare - b.accountShare);
  const series: [number, number][] = points.map((p) => [round(p.accountShare * 100), round(p.revenueShare * 100)]);
  if (series.length === 0 || series[0]?.[0] !== 0) series.unshift([0, 0]);
  return series;
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The share of accounts that brings `target` of the revenue, interpolated between the curve's
 * points ("the top 18% of accounts bring 80% of revenue"); null when the curve never gets there.
 */
export function accountShareAt(portfolio: PortfolioData, target: number): number | null {
  const points = [{ accountShare: 0, revenueShare: 0 }, ...portfolio.pareto].sort(
    (a, b) => a.accountShare - b.accountShare,
  );
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as (typeof points)[number];
    const b = points[i] as (typeof points)[number];
    if (b.revenueShare >= target) {
      if (b.revenueShare === a.revenueShare) return b.accountShare;
      const t = (target - a.revenueShare) / (b.revenueShare - a.revenueShare);
      return a.accountShare + t * (b.accountShare - a.accountShare);
    }
  }
  return null;
}

/**
 * The ABC class a point of the Pareto curve falls in, from the classes' own revenue shares: the
 * curve up to A's share is A, up to A + B is B, the rest C. Used to drill from a click on the curve.
 */
export function paretoZone(revenueShare: number, rows: readonly AbcRow[]): AbcClassValue {
  const a = rows.find((r) => r.abc === 'A')?.revenueShare ?? 0;
  const b = rows.find((r) => r.abc === 'B')?.revenueShare ?? 0;
  const epsilon = 1e-9;
  if (revenueShare <= a + epsilon) return 'A';
  if (revenueShare <= a + b + epsilon) return 'B';
  return 'C';
}

/** How many accounts the run analysed in this scope. */
export const portfolioAccounts = (portfolio: PortfolioData) => portfolio.pyramid.reduce((s, l) => s + l.accounts, 0);
