import type { CreateValueAddedService, UpdateValueAddedService, ValueAddedServiceListQuery } from '@kamap/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountIdInScope, assertCan } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { isoDate, isoTimestamp, one, rows } from '../../platform/db/index.js';
import { versionedUpdate } from '../../platform/db/versioned.js';
import { AppError } from '../../platform/errors.js';
import { afterCursor, orderBy, sortSpec, toPage } from '../../platform/http/paging.js';
import { assertAccountInScope } from '../accounts/index.js';
import { checkOwner } from '../tasks/index.js';
import { valueAddedServices } from './events.table.js';

type Row = Record<string, unknown> & { id: string; account_id: string };

const select = sql`
  select v.*, a.name as account_name, u.display_name as delivered_by_name
  from value_added_services v join accounts a on a.id = v.account_id left join users u on u.id = v.delivered_by_id`;

const toService = (r: Row) => ({
  id: r.id,
  accountId: r.account_id,
  accountName: r.account_name as string,
  kind: r.kind as never,
  title: r.title as string,
  deliveredOn: isoDate(r.delivered_on),
  deliveredBy: r.delivered_by_id
    ? { id: r.delivered_by_id as string, displayName: (r.delivered_by_name as string) ?? '' }
    : null,
  cost: Number(r.cost),
  feedbackScore: (r.feedback_score as number | null) ?? null,
  feedback: r.feedback as string | null,
  version: r.version as number,
  createdAt: isoTimestamp(r.created_at),
  updatedAt: isoTimestamp(r.updated_at),
  archivedAt: r.archived_at ? isoTimestamp(r.archived_at) : null,
});

export async function listValueAddedServices(ctx: Ctx, q: z.infer<typeof ValueAddedServiceListQuery>) {
  assertCan(ctx.user, 'performance.read');
  const spec = sortSpec(q.sort, { deliveredOn: sql`v.delivered_on`, cost: sql`v.cost` });
  const filter = sql.join(
    [
      accountIdInScope(ctx.user, sql`v.account_id`),
      q.includeArchived ? undefined : sql`v.archived_at is null`,
      q.accountId ? sql`v.account_id = ${q.accountId}` : undefined,
      q.kind ? sql`v.kind = ${q.kind}` : undefined,
      q.from ? sql`v.delivered_on >= ${q.from}::date` : undefined,
      q.to ? sql`v.delivered_on <= ${q.to}::date` : undefined,
      q.q ? sql`(v.title ilike ${`%${q.q}%`} or a.name ilike ${`%${q.q}%`})` : undefined,
    ].filter((p) => p !== undefined),
    sql` and `,
  );
  const [fetched, total] = await Promise.all([
    rows<Row>(
      ctx.db,
      sql`${select} where ${filter} and ${afterCursor(spec, sql`v.id`, q.cursor)}
          order by ${orderBy(spec, sql`v.id`)} limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from value_added_services v join accounts a on a.id = v.account_id where ${filter}`,
    ),
  ]);
  return toPage(
    fetched,
    q.limit,
    (r) => [spec.key === 'cost' ? Number(r.cost) : isoDate(r.delivered_on), r.id],
    toService,
    total?.n ?? 0,
  );
}

export async function getValueAddedService(ctx: Ctx, id: string) {
  assertCan(ctx.user, 'performance.read');
  const r = await one<Row>(
    ctx.db,
    sql`${select} where v.id = ${id} and v.archived_at is null and ${accountIdInScope(ctx.user, sql`v.account_id`)}`,
  );
  if (!r) throw AppError.notFound('Value-added service');
  return toService(r);
}

export async function createValueAddedService(
  ctx: Ctx,
  accountId: string,
  input: z.infer<typeof CreateValueAddedService>,
) {
  assertCan(ctx.user, 'event.write');
  await assertAccountInScope(ctx, accountId);
  if (input.deliveredById) await checkOwner(ctx.db, input.deliveredById, 'body.deliveredById');
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(valueAddedServices)
      .values({ ...input, accountId, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .returning({ id: valueAddedServices.id });
    await audit(withDb(ctx, tx), 'value_added_service.create', 'account', accountId, { serviceId: row!.id });
    return row!.id;
  });
  return getValueAddedService(ctx, id);
}

export async function updateValueAddedService(ctx: Ctx, id: string, input: z.infer<typeof UpdateValueAddedService>) {
  assertCan(ctx.user, 'event.write');
  const current = await getValueAddedService(ctx, id);
  const { version, ...fields } = input;
  if (fields.deliveredById) await checkOwner(ctx.db, fields.deliveredById, 'body.deliveredById');
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, valueAddedServices, 'Value-added service', id, version, fields);
    await audit(withDb(ctx, tx), 'value_added_service.update', 'account', current.accountId, {
      serviceId: id,
      fields: Object.keys(fields),
    });
  });
  return getValueAddedService(ctx, id);
}
