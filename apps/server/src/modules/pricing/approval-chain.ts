import type { ApprovalLevel, PricingRules } from '@kamap/contracts';

type Tier = 'strategic' | 'core' | 'general';

const defaultChain = [
  { upToPct: 5, level: 'kam' as const },
  { upToPct: 12, level: 'director' as const },
];

/** Defaults of the issue: up to 5% the KAM, up to 12% the director, beyond that the admin; at risk from 50. */
export const DEFAULT_PRICING_RULES: PricingRules = {
  approvalChain: { strategic: defaultChain, core: defaultChain, general: defaultChain },
  atRiskChurn: 50,
};

const rank: Record<ApprovalLevel, number> = { kam: 1, director: 2, admin: 3 };

/** Who must approve a discount of `pct` percent for an account of `tier`; below cost always the admin. */
export function requiredLevel(pct: number, tier: Tier, rules: PricingRules, belowCost: boolean): ApprovalLevel {
  if (belowCost) return 'admin';
  const steps = [...(rules.approvalChain[tier] ?? defaultChain)].sort((a, b) => a.upToPct - b.upToPct);
  return steps.find((s) => pct <= s.upToPct + 1e-9)?.level ?? 'admin';
}

/** Whether a role holds the authority a level asks for (a higher level may decide a lower one). */
export function holdsLevel(role: string, level: ApprovalLevel): boolean {
  const own = role === 'admin' || role === 'director' || role === 'kam' ? rank[role] : 0;
  return own >= rank[level];
}
