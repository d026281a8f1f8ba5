/**
 * McDonald's key-account portfolio matrix (DOMAIN.md, formulas): our relative strength at the
 * account against the account's attractiveness, both scaled to [0, 1].
 */

export type PortfolioQuadrant = 'strategic' | 'status' | 'development' | 'streamline';

/**
 * - strategic: attractive and strong; invest to keep it.
 * - development: attractive but weak; invest to grow.
 * - status: strong but unattractive; maintain efficiently.
 * - streamline: neither; serve at least cost.
 * A value at the threshold counts as high. Values outside [0, 1] are allowed (only the comparison
 * matters), so a computed 1.0000000001 does not stop a run.
 */
export function portfolioQuadrant(strength: number, attractiveness: number, threshold = 0.5): PortfolioQuadrant {
  for (const [name, v] of Object.entries({ strength, attractiveness, threshold })) {
    if (!Number.isFinite(v)) throw new RangeError(`${name} must be a finite number, got ${v}`);
  }
  const strong = strength >= threshold;
  if (attractiveness >= threshold) return strong ? 'strategic' : 'development';
  return strong ? 'status' : 'streamline';
}
