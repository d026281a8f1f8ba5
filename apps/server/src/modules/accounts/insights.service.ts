import { desc, eq } from 'drizzle-orm';
import { assertCan } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { isoDate } from '../../platform/db/index.js';
import { users } from '../users/index.js';
import { assertAccountInScope } from './accounts.service.js';
import { accountInsights } from './accounts.table.js';

type InsightKind = (typeof accountInsights.$inferInsert)['kind'];

export async function listInsights(ctx: Ctx, accountId: string) {
  await assertAccountInScope(ctx, accountId);
  const found = await ctx.db
    .select({ i: accountInsights, authorName: users.displayName })
    .from(accountInsights)
    .leftJoin(users, eq(users.id, accountInsights.createdBy))
    .where(eq(accountInsights.accountId, accountId))
    .orderBy(desc(accountInsights.observedOn), desc(accountInsights.createdAt))
    .limit(200);
  return {
    items: found
      .filter(({ i }) => !i.archivedAt)
      .map(({ i, authorName }) => ({
        id: i.id,
        accountId: i.accountId,
        kind: i.kind,
        body: i.body,
        observedOn: isoDate(i.observedOn),
        author: i.createdBy ? { id: i.createdBy, displayName: authorName ?? '' } : null,
        version: i.version,
        createdAt: i.createdAt.toISOString(),
        updatedAt: i.updatedAt.toISOString(),
        archivedAt: null,
      })),
  };
}

export async function createInsight(
  ctx: Ctx,
  accountId: string,
  input: { kind: InsightKind; body: string; observedOn: string },
) {
  assertCan(ctx.user, 'account.write');
  await assertAccountInScope(ctx, accountId);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(accountInsights)
      .values({ ...input, accountId, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .returning({ id: accountInsights.id });
    await audit(withDb(ctx, tx), 'account.insight_add', 'account', accountId, { insightId: row!.id, kind: input.kind });
    return row!.id;
  });
  const all = await listInsights(ctx, accountId);
  return all.items.find((i) => i.id === id)!;
}
