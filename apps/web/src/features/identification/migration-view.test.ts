import { describe, expect, it } from 'vitest';
import type { AnalysisRunData, TierMigrationData } from '../../app/api/types';
import { migrationGrid, migrationSummary, moveDirection } from './migration-view';

const run = { id: 'r' } as AnalysisRunData;
const migration: TierMigrationData = {
  from: run,
  to: run,
  cells: [
    { from: 'strategic', to: 'strategic', accounts: 4 },
    { from: 'core', to: 'strategic', accounts: 2 },
    { from: 'strategic', to: 'general', accounts: 1 },
    { from: 'general', to: 'general', accounts: 50 },
    { from: null, to: 'core', accounts: 3 },
    { from: 'general', to: null, accounts: 6 },
  ],
};

describe('tier migration', () => {
  it('tells up from down by tier rank, and new from gone', () => {
    expect(moveDirection('core', 'strategic')).toBe('up');
    expect(moveDirection('strategic', 'general')).toBe('down');
    expect(moveDirection('core', 'core')).toBe('same');
    expect(moveDirection(null, 'general')).toBe('new');
    expect(moveDirection('general', null)).toBe('gone');
  });

  it('fills the 4 × 4 grid, rows = earlier run, absent last', () => {
    expect(migrationGrid(migration)).toEqual([
      { from: 'strategic', counts: [4, 0, 1, 0] },
      { from: 'core', counts: [2, 0, 0, 0] },
      { from: 'general', counts: [0, 0, 50, 6] },
      { from: null, counts: [0, 3, 0, 0] },
    ]);
  });

  it('sums the moves by direction', () => {
    expect(migrationSummary(migration)).toEqual({ same: 54, up: 2, down: 1, new: 3, gone: 6 });
  });
});
