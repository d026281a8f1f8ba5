import { Tier } from '@kamap/contracts';
import type { TierMigrationData, TierValue } from '../../app/api/types';

/** A tier or "not in that run" (an account new to the later run, or gone from it). */
export type MigrationTier = TierValue | null;

export const migrationTiers: readonly MigrationTier[] = [...Tier.options, null];

const rank = (tier: TierValue) => Tier.options.indexOf(tier);

export type MoveDirection = 'same' | 'up' | 'down' | 'new' | 'gone';

export function moveDirection(from: MigrationTier, to: MigrationTier): MoveDirection {
  if (from === null) return 'new';
  if (to === null) return 'gone';
  if (from === to) return 'same';
  return rank(to) < rank(from) ? 'up' : 'down';
}

/** The tier × tier grid, every cell present (0 when no account made that move), rows = earlier run. */
export function migrationGrid(migration: TierMigrationData): { from: MigrationTier; counts: number[] }[] {
  return migrationTiers.map((from) => ({
    from,
    counts: migrationTiers.map((to) => migration.cells.find((c) => c.from === from && c.to === to)?.accounts ?? 0),
  }));
}

/** How many accounts went up, down, stayed, arrived and left between the two runs. */
export function migrationSummary(migration: TierMigrationData): Record<MoveDirection, number> {
  const summary: Record<MoveDirection, number> = { same: 0, up: 0, down: 0, new: 0, gone: 0 };
  for (const cell of migration.cells) {
    if (cell.from === null && cell.to === null) continue;
    summary[moveDirection(cell.from, cell.to)] += cell.accounts;
  }
  return summary;
}
