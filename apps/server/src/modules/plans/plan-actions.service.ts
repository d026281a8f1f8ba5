import type { PlanActionListQuery, PlanActionStatus, UpdatePlanAction } from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountIdInScope, assertCan } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { type Db, isoDate, isoTimestampOrNull, one, rows } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/http/paging.js';
import { todayInChina } from '../../platform/today.js';

type Row = Record<string, unknown> & { id: string };

const open = (status: string) => status === 'not_started' || status === 'in_progress';

export const toPlanAction = (r: Row, today: string) => {
  const dueDate = isoDate(r.due_date);
  const status = r.status as PlanActionStatus;
  return {
    id: r.id,
    planId: r.plan_id as string,
    accountId: r.account_id as string,
    strategy: r.strategy as never,
    title: r.title as string,
    owner: { id: r.owner_id as string, displayName: (r.owner_name as string) ?? '' },
    dueDate,
    status,
    resources: (r.resources as string | null) ?? null,
    budget: r.budget === null || r.budget === undefined ? null : Number(r.budget),
    overdue: open(status) && dueDate < today,
    doneAt: isoTimestampOrNull(r.done_at),
    version: r.version as number,
  };
};

/** Plan actions in scope, by due date; `overdue=true` is the list of what is late (not done, due before today). */
export async function listPlanActions(ctx: Ctx, q: z.infer<typeof PlanActionListQuery>) {
  assertCan(ctx.user, 'plan.read');
  const today = todayInChina();
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const filter = sql.join(
    [
      accountIdInScope(ctx.user, sql`pa.account_id`),
      sql`pa.archived_at is null and p.archived_at is null`,
      q.overdue === true
        ? sql`pa.status in ('not_started', 'in_progress') and pa.due_date < ${today}::date`
        : undefined,
      q.overdue === false
        ? sql`not (pa.status in ('not_started', 'in_progress') and pa.due_date < ${today}::date)`
        : undefined,
      q.accountId ? sql`pa.account_id = ${q.accountId}` : undefined,
      q.ownerId ? sql`pa.owner_id = ${q.ownerId}` : undefined,
      q.strategy ? sql`pa.strategy = ${q.strategy}` : undefined,
      q.status ? sql`pa.status = ${q.status}` : undefined,
      q.q ? sql`(pa.title ilike ${`%${q.q}%`} or a.name ilike ${`%${q.q}%`})` : undefined,
    ].filter((p): p is SQL => p !== undefined),
    sql` and `,
  );
  const from = sql`from plan_actions pa join account_plans p on p.id = pa.plan_id join accounts a on a.id = pa.account_id`;
  const [found, total] = await Promise.all([
    rows<Row>(
      ctx.db,
      sql`select pa.*, u.display_name as owner_name, a.name as account_name, p.year as plan_year ${from}
            join users u on u.id = pa.owner_id
           where ${filter} ${after ? sql`and (pa.due_date, pa.id) > (${after[0]}::date, ${after[1]}::uuid)` : sql``}
           order by pa.due_date, pa.id limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(ctx.db, sql`select count(*)::int as n ${from} where ${filter}`),
  ]);
  const more = found.length > q.limit;
  const page = more ? found.slice(0, q.limit) : found;
  const last = page[page.length - 1];
  return {
    items: page.map((r) => {
      const a = toPlanAction(r, today);
      return {
        ...a,
        accountName: r.account_name as string,
        planYear: r.plan_year as number,
        daysOverdue: a.overdue ? Math.round((Date.parse(today) - Date.parse(a.dueDate)) / 86_400_000) : null,
      };
    }),
    nextCursor: more && last ? encodeCursor(isoDate(last.due_date), last.id) : null,
    total: total?.n ?? 0,
  };
}

/** Execution: an action moves along without making a new plan version; the move is audited. */
export async function updatePlanAction(
  ctx: Ctx,
  planId: string,
  actionId: string,
  input: z.infer<typeof UpdatePlanAction>,
  reload: (ctx: Ctx, id: string) => Promise<unknown>,
) {
  assertCan(ctx.user, 'plan.write');
  const current = await one<{ status: string; account_id: string; plan_status: string }>(
    ctx.db,
    sql`select pa.status, pa.account_id, p.status as plan_status from plan_actions pa join account_plans p on p.id = pa.plan_id
         where pa.id = ${actionId} and pa.plan_id = ${planId} and pa.archived_at is null and p.archived_at is null
           and ${accountIdInScope(ctx.user, sql`pa.account_id`)}`,
  );
  if (!current) throw AppError.notFound('Plan action');
  if (current.plan_status !== 'approved' && input.status !== current.status)
    throw new AppError('conflict', 'Actions are carried out once the plan is approved');
  await ctx.db.transaction(async (tx) => {
    const done = await rows<{ id: string }>(
      tx,
      sql`update plan_actions set status = ${input.status},
            done_at = case when ${input.status} = 'done' then coalesce(done_at, now()) else null end,
            version = version + 1, updated_at = now(), updated_by = ${ctx.user.id}
          where id = ${actionId} and version = ${input.version} returning id`,
    );
    if (!done.length) throw AppError.staleVersion('Plan action');
    await audit(withDb(ctx, tx), 'plan.action_update', 'account', current.account_id, {
      planId,
      actionId,
      from: current.status,
      to: input.status,
    });
  });
  return reload(ctx, planId);
}

export type CompletionFilter = { accountId?: string; kamId?: string; orgUnitId?: string };

/**
 * Plan-action completion (a KPI of step 5): of the actions due in [from, to] (cancelled ones left out),
 * the share done. A KAM's actions are the ones they own; an org unit's are those of accounts in its
 * subtree. Callers apply their own row scope to what they pass in. `actionIds` are the records behind
 * the figure, for drill-down.
 */
export async function planActionCompletion(
  db: Db,
  filter: CompletionFilter,
  period: { from: string; to: string },
): Promise<{ due: number; done: number; rate: number | null; actionIds: string[] }> {
  const where = sql.join(
    [
      sql`pa.archived_at is null and pa.status <> 'cancelled'`,
      sql`pa.due_date between ${period.from}::date and ${period.to}::date`,
      sql`exists (select 1 from account_plans p where p.id = pa.plan_id and p.archived_at is null)`,
      filter.accountId ? sql`pa.account_id = ${filter.accountId}` : undefined,
      filter.kamId ? sql`pa.owner_id = ${filter.kamId}` : undefined,
      filter.orgUnitId
        ? sql`pa.account_id in (select a.id from accounts a join org_units u on u.id = a.org_unit_id
              join org_units root on root.id = ${filter.orgUnitId} where u.path like root.path || '%')`
        : undefined,
    ].filter((p): p is SQL => p !== undefined),
    sql` and `,
  );
  const found = await rows<{ id: string; status: string }>(
    db,
    sql`select pa.id, pa.status from plan_actions pa where ${where} order by pa.id`,
  );
  const done = found.filter((r) => r.status === 'done').length;
  return {
    due: found.length,
    done,
    rate: found.length ? done / found.length : null,
    actionIds: found.map((r) => r.id),
  };
}
