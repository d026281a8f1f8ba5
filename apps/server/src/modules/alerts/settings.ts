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
 * Built-in thresholds (a renewal needs more lead time the bigger the account, so contracts alert 90 / 60 /
 * 30 days before they end): the more an account matters, the earlier it alerts; general accounts are watched
 * for churn, money and complaints only, so an inbox does not drown in the long tail.
 */
const DEFAULTS: Record<Tier, Omit<Thresholds, 'tier'>> = {
  strategic: {
    churnRisk: 50,
    revenueDropPct: 30,
    overdueDays: 30,
    contactCadenceDays: 45,
    slaBreached: true,
    contractExpiryDays: 90,
  },
  core: {
    churnRisk: 60,
    revenueDropPct: 40,
    overdueDays: 60,
    contactCadenceDays: 90,
    slaBreached: true,
    contractExpiryDays: 60,
  },
  general: {
    churnRisk: 70,
    revenueDropPct: null,
    overdueDays: 90,
    contactCadenceDays: null,
    slaBreached: true,
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
