import type { PerformanceSettings, UpdatePerformanceSettings } from '@kamap/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { assertCan } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { type Db, isoTimestamp, one } from '../../platform/db/index.js';
import { performanceSettings } from './performance.table.js';

type Settings = z.infer<typeof PerformanceSettings>;

/** Until an admin changes them: a visit ¥800, a complaint ¥500–¥10,000 by severity, points as below. */
export const defaultSettings: Omit<Settings, 'updatedAt' | 'updatedBy'> = {
  visitCost: 80_000,
  complaintCost: { low: 50_000, medium: 150_000, high: 400_000, critical: 1_000_000 },
  incentivePoints: {
    kpiGreen: 10,
    kpiAmber: 4,
    visit: 1,
    eventAttendee: 2,
    valueAddedService: 3,
    actionDoneOnTime: 5,
    gapClosed: 15,
  },
};

export async function loadSettings(db: Db): Promise<Settings> {
  const r = await one<Record<string, unknown>>(
    db,
    sql`select s.*, u.display_name as updated_by_name from performance_settings s
          left join users u on u.id = s.updated_by where s.id = 1`,
  );
  if (!r) return { ...defaultSettings, updatedAt: null, updatedBy: null };
  return {
    visitCost: Number(r.visit_cost),
    complaintCost: r.complaint_cost as Settings['complaintCost'],
    incentivePoints: { ...defaultSettings.incentivePoints, ...(r.incentive_points as object) },
    updatedAt: isoTimestamp(r.updated_at),
    updatedBy: r.updated_by ? { id: r.updated_by as string, displayName: r.updated_by_name as string } : null,
  };
}

export async function getSettings(ctx: Ctx) {
  assertCan(ctx.user, 'performance.read');
  return loadSettings(ctx.db);
}

export async function updateSettings(ctx: Ctx, input: z.infer<typeof UpdatePerformanceSettings>) {
  assertCan(ctx.user, 'performance.configure');
  const current = await loadSettings(ctx.db);
  const next = {
    visitCost: input.visitCost ?? current.visitCost,
    complaintCost: input.complaintCost ?? current.complaintCost,
    incentivePoints: input.incentivePoints ?? current.incentivePoints,
  };
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(performanceSettings)
      .values({ id: 1, ...next, updatedBy: ctx.user.id })
      .onConflictDoUpdate({
        target: performanceSettings.id,
        set: { ...next, updatedAt: new Date(), updatedBy: ctx.user.id },
      });
    await audit(withDb(ctx, tx), 'performance.settings', 'settings', null, { before: current, after: next });
  });
  return loadSettings(ctx.db);
}
