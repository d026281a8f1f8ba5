import type { ComplaintSeverity, SlaPolicy, UpdateSlaMatrix } from '@kamap/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { assertCan } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { type Db, rows } from '../../platform/db/index.js';
import { slaPolicies } from './service.table.js';

type Tier = 'strategic' | 'core' | 'general';
type Policy = z.infer<typeof SlaPolicy>;

export const TIERS: readonly Tier[] = ['strategic', 'core', 'general'];
export const SEVERITIES: readonly ComplaintSeverity[] = ['critical', 'high', 'medium', 'low'];

/** Built-in hours [response, resolution]: the better the tier and the worse the problem, the faster. */
const DEFAULTS: Record<Tier, Record<ComplaintSeverity, [number, number]>> = {
  strategic: { critical: [1, 8], high: [2, 24], medium: [4, 48], low: [8, 72] },
  core: { critical: [2, 12], high: [4, 48], medium: [8, 72], low: [24, 120] },
  general: { critical: [4, 24], high: [8, 72], medium: [24, 120], low: [48, 168] },
};

/** The whole matrix: stored cells over the defaults, strategic first, critical first. */
export async function slaMatrix(db: Db): Promise<Policy[]> {
  const stored = await rows<{
    tier: Tier;
    severity: ComplaintSeverity;
    response_hours: number;
    resolution_hours: number;
  }>(db, sql`select tier, severity, response_hours, resolution_hours from sla_policies`);
  const byKey = new Map(stored.map((r) => [`${r.tier}/${r.severity}`, r]));
  return TIERS.flatMap((tier) =>
    SEVERITIES.map((severity) => {
      const row = byKey.get(`${tier}/${severity}`);
      const [response, resolution] = DEFAULTS[tier][severity];
      return {
        tier,
        severity,
        responseHours: row?.response_hours ?? response,
        resolutionHours: row?.resolution_hours ?? resolution,
      };
    }),
  );
}

export async function slaFor(db: Db, tier: Tier, severity: ComplaintSeverity): Promise<Policy> {
  const matrix = await slaMatrix(db);
  return matrix.find((p) => p.tier === tier && p.severity === severity) as Policy;
}

export async function getSlaMatrix(ctx: Ctx) {
  assertCan(ctx.user, 'service.read');
  return { items: await slaMatrix(ctx.db) };
}

/** Changes apply to complaints received from now on; open ones keep the due times they were given. */
export async function updateSlaMatrix(ctx: Ctx, input: z.infer<typeof UpdateSlaMatrix>) {
  assertCan(ctx.user, 'service.configure');
  await ctx.db.transaction(async (tx) => {
    for (const p of input.items) {
      await tx
        .insert(slaPolicies)
        .values({ ...p, updatedBy: ctx.user.id })
        .onConflictDoUpdate({
          target: [slaPolicies.tier, slaPolicies.severity],
          set: {
            responseHours: p.responseHours,
            resolutionHours: p.resolutionHours,
            updatedAt: new Date(),
            updatedBy: ctx.user.id,
          },
        });
    }
    await audit(withDb(ctx, tx), 'sla.update', 'sla_policies', null, { items: input.items });
  });
  return getSlaMatrix(ctx);
}
