import { describe, expect, it } from 'vitest';
import type { PortfolioData } from '../../app/api/types';
import {
  abcRows,
  accountShareAt,
  paretoSeries,
  paretoZone,
  portfolioAccounts,
  pyramidLevels,
  quadrantGrid,
  rfmCells,
  segmentRows,
} from './portfolio-view';

const portfolio = (patch: Partial<PortfolioData> = {}): PortfolioData => ({
  run: null,
  pyramid: [
    { tier: 'general', accounts: 80, revenue: 2_000_00, margin: 500_00 },
    { tier: 'strategic', accounts: 5, revenue: 6_000_00, margin: 2_000_00 },
    { tier: 'core', accounts: 15, revenue: 2_000_00, margin: 700_00 },
  ],
  abc: [
    {
      abc: 'A',
      accounts: 20,
      accountShare: 0.2,
      revenue: 8_000_00,
      revenueShare: 0.8,
      margin: 0,
      marginShare: 0,
    },
    {
      abc: 'B',
      accounts: 30,
      accountShare: 0.3,
      revenue: 1_500_00,
      revenueShare: 0.15,
      margin: 0,
      marginShare: 0,
    },
  ],
  pareto: [
    { accountShare: 0.5, revenueShare: 0.9 },
    { accountShare: 0.1, revenueShare: 0.6 },
    { accountShare: 1, revenueShare: 1 },
  ],
  rfm: [
    { r: 5, f: 5, accounts: 7, revenue: 100 },
    { r: 1, f: 2, accounts: 3, revenue: 10 },
  ],
  segments: [
    { segment: 'lost', accounts: 10, revenue: 0 },
    { segment: 'champions', accounts: 30, revenue: 500 },
  ],
  quadrants: [{ quadrant: 'strategic', accounts: 4, revenue: 99 }],
  atRisk: { accounts: 0, revenue: 0, aAccounts: 0 },
  ...patch,
});

describe('pyramidLevels', () => {
  it('puts strategic on top and gives each level its share of accounts and revenue', () => {
    const levels = pyramidLevels(portfolio());
    expect(levels.map((l) => l.tier)).toEqual(['strategic', 'core', 'general']);
    expect(levels[0]).toMatchObject({ accounts: 5, accountShare: 0.05, revenueShare: 0.6 });
    expect(levels[2]).toMatchObject({ accounts: 80, accountShare: 0.8, revenueShare: 0.2 });
  });

  it('shows an empty level as zero and never divides by zero', () => {
    const levels = pyramidLevels(portfolio({ pyramid: [] }));
    expect(levels.map((l) => [l.accounts, l.accountShare, l.revenueShare])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });
});

describe('abcRows', () => {
  it('lists A to D in order, a class the run did not find as zero', () => {
    const rows = abcRows(portfolio());
    expect(rows.map((r) => r.abc)).toEqual(['A', 'B', 'C', 'D']);
    expect(rows[2]).toMatchObject({ accounts: 0, revenueShare: 0 });
  });
});

describe('rfmCells', () => {
  it('fills all 25 cells, R and F from 1 to 5', () => {
    const cells = rfmCells(portfolio());
    expect(cells).toHaveLength(25);
    expect(cells.find((c) => c.r === 5 && c.f === 5)?.accounts).toBe(7);
    expect(cells.find((c) => c.r === 1 && c.f === 2)?.accounts).toBe(3);
    expect(cells.reduce((s, c) => s + c.accounts, 0)).toBe(10);
    expect(new Set(cells.map((c) => `${c.r}-${c.f}`)).size).toBe(25);
  });
});

describe('segmentRows', () => {
  it('keeps the standard order of the 11 segments, with shares of accounts', () => {
    const rows = segmentRows(portfolio());
    expect(rows).toHaveLength(11);
    expect(rows[0]).toMatchObject({ segment: 'champions', accounts: 30, accountShare: 0.75 });
    expect(rows.at(-1)).toMatchObject({ segment: 'lost', accounts: 10, accountShare: 0.25 });
  });
});

describe('quadrantGrid', () => {
  it('reads as McDonald: development and strategic on top, strategic top right', () => {
    expect(quadrantGrid(portfolio()).map((q) => [q.quadrant, q.accounts])).toEqual([
      ['development', 0],
      ['strategic', 4],
      ['streamline', 0],
      ['status', 0],
    ]);
  });
});

describe('Pareto curve', () => {
  it('sorts the points, in percent, from the origin', () => {
    expect(paretoSeries(portfolio())).toEqual([
      [0, 0],
      [10, 60],
      [50, 90],
      [100, 100],
    ]);
  });

  it('finds the share of accounts that brings 80% of revenue by interpolation', () => {
    // between (10%, 60%) and (50%, 90%): 60% + (80 - 60) / 30 × 40% = 36.67%
    expect(accountShareAt(portfolio(), 0.8)).toBeCloseTo(0.3667, 3);
    expect(accountShareAt(portfolio(), 0.3)).toBeCloseTo(0.05, 6);
    expect(accountShareAt(portfolio({ pareto: [{ accountShare: 1, revenueShare: 0.5 }] }), 0.8)).toBeNull();
  });

  it('puts a point of the curve in the ABC class whose revenue it covers', () => {
    const rows = abcRows(portfolio());
    expect(paretoZone(0.5, rows)).toBe('A');
    expect(paretoZone(0.8, rows)).toBe('A');
    expect(paretoZone(0.9, rows)).toBe('B');
    expect(paretoZone(0.95, rows)).toBe('B');
    expect(paretoZone(0.99, rows)).toBe('C');
  });
});

it('counts the accounts of the pyramid', () => {
  expect(portfolioAccounts(portfolio())).toBe(100);
});
