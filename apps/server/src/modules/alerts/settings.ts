import type { AlertThresholds, UpdateAlertSettings } from '@kamap/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { assertCan } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { type Db, rows } from '../../platform/db/index.js';
import { alertSettings } from './alerts.table.js';

type Tier = 'strategic' | 'core' | 'general';
export type Thresholds = z.infer<typeof AlertThresholds>;

/**
 * Built-in thresholds, most watchful on strategic accounts: the more an account matters, the earlier
 * it alerts. Money rules need a sum worth a person's time (smaller overdue amounts are the dunning
 * routine's; small drops are noise). Decision-maker contact is watched on strategic accounts; below
 * them the care job's revisit tasks keep the cadence and the care-overdue rule reports neglect. General
 * accounts alert only on severe churn risk, large long-overdue receivables and complaints, so a
 * director's inbox holds tens of alerts, not the long tail. A renewal needs more lead time the bigger the
 * account, so contracts alert 90 / 60 / 30 days before they end.
 */
const DEFAULTS: Record<Tier, Omit<Thresholds, 'tier'>> = {
  strategic: {
    churnRisk: 50,
    revenueDropPct: 30,
    revenueDropMinAmount: 500_000,
    overdueDays: 30,
    overdueMinAmount: 1_000_000,
    contactCadenceDays: 90,
    slaBreached: true,
    careOverdueDays: 7,
    contractExpiryDays: 90,
  },
  core: {
    churnRisk: 65,
    revenueDropPct: 50,
    revenueDropMinAmount: 1_000_000,
    overdueDays: 60,
    overdueMinAmount: 1_000_000,
    contactCadenceDays: null,
    slaBreached: true,
    careOverdueDays: 14,
    contractExpiryDays: 60,
  },
  general: {
    churnRisk: 85,
    revenueDropPct: null,
    revenueDropMinAmount: 1_000_000,
    overdueDays: 90,
    overdueMinAmount: 2_000_000,
    contactCadenceDays: null,
    slaBreached: true,
    careOverdueDays: null,
    contractExpiryDays: 30,
  },
};
const TIERS: Tier[] = ['strategic', 'core', 'general'];

export async function thresholds(db: Db): Promise<Thresholds[]> {
  const stored = await rows<{ tier: Tier; thresholds: Partial<Thresholds> }>(
    db,
    sql`select tier, thresholds from alert_settings`,
  );
  const byTier = new Map(stored.map((r) => [r.tier, r.thresholds]));
  return TIERS.map((tier) => ({ tier, ...DEFAULTS[tier], ...(byTier.get(tier) ?? {}) }));
}

export async function getAlertSettings(ctx: Ctx) {
  assertCan(ctx.user, 'alert.read');
  return { items: await thresholds(ctx.db) };
}

/** New thresholds apply from the next evaluation; alerts whose condition no longer holds then resolve. */
export async function updateAlertSettings(ctx: Ctx, input: z.infer<typeof UpdateAlertSettings>) {
  assertCan(ctx.user, 'alert.configure');
  await ctx.db.transaction(async (tx) => {
    for (const { tier, ...values } of input.items) {
      await tx
        .insert(alertSettings)
        .values({ tier, thresholds: values, updatedBy: ctx.user.id })
        .onConflictDoUpdate({
          target: alertSettings.tier,
          set: { thresholds: values, updatedAt: new Date(), updatedBy: ctx.user.id },
        });
    }
    await audit(withDb(ctx, tx), 'alerts.settings', 'alert_settings', null, { items: input.items });
  });
  return getAlertSettings(ctx);
}
