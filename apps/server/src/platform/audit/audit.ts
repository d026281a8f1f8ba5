import type { Ctx } from '../context.js';
import { auditLog } from './audit.table.js';

/** Writes one audit entry with the caller's connection, so it commits or rolls back with the change. */
export async function audit(
  ctx: Ctx,
  action: string,
  entity: string,
  entityId: string | null,
  details?: Record<string, unknown>,
): Promise<void> {
  await ctx.db.insert(auditLog).values({
    userId: ctx.user.id,
    action,
    entity,
    entityId,
    ip: ctx.ip,
    details: details ?? null,
  });
}
