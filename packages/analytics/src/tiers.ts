/**
 * Tiers (DOMAIN.md, formulas): strategic, core or general, either by score thresholds or by rank
 * share, and the manual override that wins until it expires.
 */

export type Tier = 'strategic' | 'core' | 'general';
export type TierConfig = {
  mode: 'threshold' | 'rank_share';
  strategicMin: number;
  coreMin: number;
  strategicShare: number;
  coreShare: number;
};
export const DEFAULT_TIER_CONFIG: TierConfig = {
  mode: 'threshold',
  strategicMin: 75,
  coreMin: 50,
  strategicShare: 0.05,
  coreShare: 0.15,
};
/** `basis` says why, machine-readable: `score>=75`, `score>=50`, `score<50`, `top 5%`, `next 15%`, `rest`. */
export type TierResult = { id: string; tier: Tier; rank: number; basis: string };
/** `expiresAt` is an ISO date (YYYY-MM-DD); null means the override never expires. */
export type TierOverride = { tier: Tier; expiresAt: string | null };

// shares times counts such as 0.15 × 100 = 15.000000000000002 must not round up to 16
const SHARE_EPSILON = 1e-9;

/**
 * Assigns a tier to every account, in input order. `rank` is 1-based by score descending, ties by
 * id, in both modes. In rank-share mode the top ⌈strategicShare × n⌉ ranks are strategic and the
 * next ⌈coreShare × n⌉ core, so a share never rounds down to nobody; equal scores can fall on
 * either side of a cut and the id decides, which keeps the counts exact.
 */
export function assignTiers(scores: readonly { id: string; score: number }[], config: TierConfig): TierResult[] {
  checkConfig(config);
  for (const s of scores) {
    if (!Number.isFinite(s.score)) throw new RangeError(`account ${s.id}: score must be finite, got ${s.score}`);
  }
  const order = scores
    .map((s, index) => ({ ...s, index }))
    .sort((u, v) => v.score - u.score || (u.id < v.id ? -1 : u.id > v.id ? 1 : 0));
  const n = scores.length;
  const strategicCount = Math.ceil(config.strategicShare * n - SHARE_EPSILON);
  const coreCount = Math.ceil(config.coreShare * n - SHARE_EPSILON);
  const percent = (share: number) => `${Number((share * 100).toFixed(4))}%`;

  const classify = (score: number, rank: number): [Tier, string] => {
    if (config.mode === 'threshold') {
      if (score >= config.strategicMin) return ['strategic', `score>=${config.strategicMin}`];
      if (score >= config.coreMin) return ['core', `score>=${config.coreMin}`];
      return ['general', `score<${config.coreMin}`];
    }
    if (rank <= strategicCount) return ['strategic', `top ${percent(config.strategicShare)}`];
    if (rank <= strategicCount + coreCount) return ['core', `next ${percent(config.coreShare)}`];
    return ['general', 'rest'];
  };

  const out = new Array<TierResult>(n);
  order.forEach((s, i) => {
    const [tier, basis] = classify(s.score, i + 1);
    out[s.index] = { id: s.id, tier, rank: i + 1, basis };
  });
  return out;
}

/**
 * The tier that applies at `asOf`: the override while it is active, else the computed tier.
 * An override is valid through its expiry date (active while asOf ≤ expiresAt), so "until
 * 2025-06-30" still holds on the 30th. `overridden` is true whenever an override is active, even
 * if it names the computed tier: the manual decision is what holds the account there.
 */
export function effectiveTier(
  computed: Tier,
  override: TierOverride | null | undefined,
  asOf: string,
): { tier: Tier; overridden: boolean } {
  checkIsoDate('asOf', asOf);
  if (!override) return { tier: computed, overridden: false };
  if (override.expiresAt !== null) {
    checkIsoDate('expiresAt', override.expiresAt);
    // ISO dates compare correctly as strings
    if (asOf > override.expiresAt) return { tier: computed, overridden: false };
  }
  return { tier: override.tier, overridden: true };
}

function checkConfig(c: TierConfig): void {
  if (c.coreMin > c.strategicMin) {
    throw new RangeError(`coreMin (${c.coreMin}) must not exceed strategicMin (${c.strategicMin})`);
  }
  for (const [name, share] of [
    ['strategicShare', c.strategicShare],
    ['coreShare', c.coreShare],
  ] as const) {
    if (!(share >= 0 && share <= 1)) throw new RangeError(`${name} must be within [0, 1], got ${share}`);
  }
  if (c.strategicShare + c.coreShare > 1 + SHARE_EPSILON) {
    throw new RangeError(`strategicShare + coreShare must not exceed 1, got ${c.strategicShare + c.coreShare}`);
  }
}

function checkIsoDate(name: string, value: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new RangeError(`${name} must be an ISO date YYYY-MM-DD, got "${value}"`);
}
