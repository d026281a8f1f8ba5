import type { AdjustPlan, UpdatePlan } from '@kamap/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { type Db, isoDate, isoDateOrNull, one, rows } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { checkOwner } from '../tasks/index.js';
import type { PlanSnapshot } from './plan-diff.js';
import { planActions, planItems } from './plans.table.js';

type Content =
  | Omit<z.infer<typeof UpdatePlan>, 'version'>
  | Omit<z.infer<typeof AdjustPlan>, 'version' | 'reasonKind' | 'reason'>;

/**
 * Replaces the parts of a plan the input gives. Actions and items with an id are kept and changed;
 * new ones are added; the plan's live actions left out are cancelled and items left out archived,
 * so history and contract links stay intact. Ids of another plan are a 400 naming the field.
 */
export async function applyContent(db: Db, ctx: Ctx, plan: { id: string; accountId: string }, input: Content) {
  const columns: Record<string, unknown> = {};
  if (input.title !== undefined) columns.title = input.title;
  if (input.goals !== undefined) columns.goals = input.goals;
  if (input.swot !== undefined) columns.swot = input.swot;
  if (input.strategies !== undefined) columns.strategies = input.strategies;
  if (Object.keys(columns).length)
    await db.execute(sql`update account_plans set
      title = coalesce(${columns.title ?? null}, title),
      goals = coalesce(${columns.goals ? JSON.stringify(columns.goals) : null}::jsonb, goals),
      swot = coalesce(${columns.swot ? JSON.stringify(columns.swot) : null}::jsonb, swot),
      strategies = coalesce(${columns.strategies ? JSON.stringify(columns.strategies) : null}::jsonb, strategies)
      where id = ${plan.id}`);

  if (input.actions) {
    const existing = new Map(
      (
        await rows<{ id: string; status: string }>(
          db,
          sql`select id, status from plan_actions where plan_id = ${plan.id} and archived_at is null`,
        )
      ).map((r) => [r.id, r.status]),
    );
    const kept = new Set<string>();
    for (const [i, a] of input.actions.entries()) {
      await checkOwner(db, a.ownerId, `body.actions.${i}.ownerId`);
      const fields = {
        strategy: a.strategy,
        title: a.title,
        ownerId: a.ownerId,
        dueDate: a.dueDate,
        resources: a.resources,
        budget: a.budget,
      };
      if (a.id) {
        if (!existing.has(a.id)) throw AppError.invalid(`body.actions.${i}.id`, 'not an action of this plan');
        kept.add(a.id);
        await db.execute(sql`update plan_actions set strategy = ${a.strategy}, title = ${a.title},
            owner_id = ${a.ownerId}, due_date = ${a.dueDate}, resources = ${a.resources}, budget = ${a.budget},
            status = case when status = 'cancelled' then 'not_started' else status end,
            version = version + 1, updated_at = now(), updated_by = ${ctx.user.id}
          where id = ${a.id} and (strategy, title, owner_id, due_date, coalesce(resources, ''), coalesce(budget, -1), status)
            is distinct from (${a.strategy}, ${a.title}, ${a.ownerId}::uuid, ${a.dueDate}::date, ${a.resources ?? ''},
                              ${a.budget ?? -1}::bigint, case when status = 'cancelled' then 'not_started' else status end)`);
      } else {
        await db.insert(planActions).values({
          ...fields,
          planId: plan.id,
          accountId: plan.accountId,
          createdBy: ctx.user.id,
          updatedBy: ctx.user.id,
        });
      }
    }
    for (const [id, status] of existing)
      if (!kept.has(id) && status !== 'cancelled')
        await db.execute(sql`update plan_actions set status = 'cancelled', version = version + 1, updated_at = now(),
            updated_by = ${ctx.user.id} where id = ${id}`);
  }

  if (input.items) {
    const existing = new Set(
      (
        await rows<{ id: string }>(
          db,
          sql`select id from plan_items where plan_id = ${plan.id} and archived_at is null`,
        )
      ).map((r) => r.id),
    );
    const kept = new Set<string>();
    for (const [i, item] of input.items.entries()) {
      if (item.endDate && item.endDate < item.startDate)
        throw AppError.invalid(`body.items.${i}.endDate`, 'ends before it starts');
      if (item.id) {
        if (!existing.has(item.id)) throw AppError.invalid(`body.items.${i}.id`, 'not an item of this plan');
        kept.add(item.id);
        await db.execute(sql`update plan_items set kind = ${item.kind}, title = ${item.title}, terms = ${item.terms},
            start_date = ${item.startDate}, end_date = ${item.endDate}, version = version + 1, updated_at = now(),
            updated_by = ${ctx.user.id}
          where id = ${item.id} and (kind, title, terms, start_date, end_date)
            is distinct from (${item.kind}, ${item.title}, ${item.terms}, ${item.startDate}::date, ${item.endDate}::date)`);
      } else {
        const { id: _none, ...values } = item;
        await db.insert(planItems).values({
          ...values,
          planId: plan.id,
          accountId: plan.accountId,
          createdBy: ctx.user.id,
          updatedBy: ctx.user.id,
        });
      }
    }
    for (const id of existing)
      if (!kept.has(id))
        await db.execute(sql`update plan_items set archived_at = now(), version = version + 1, updated_at = now(),
            updated_by = ${ctx.user.id} where id = ${id}`);
  }
}

/** The plan as it stands, in the shape a version keeps (cancelled actions and archived items left out). */
export async function snapshotOf(db: Db, planId: string): Promise<PlanSnapshot> {
  const plan = await one<{
    title: string;
    goals: PlanSnapshot['goals'];
    swot: PlanSnapshot['swot'];
    strategies: PlanSnapshot['strategies'];
  }>(db, sql`select title, goals, swot, strategies from account_plans where id = ${planId}`);
  if (!plan) throw AppError.notFound('Plan');
  const actions = await rows<Record<string, unknown>>(
    db,
    sql`select pa.*, u.display_name as owner_name from plan_actions pa join users u on u.id = pa.owner_id
        where pa.plan_id = ${planId} and pa.archived_at is null and pa.status <> 'cancelled'
        order by pa.strategy, pa.due_date, pa.id`,
  );
  const items = await rows<Record<string, unknown>>(
    db,
    sql`select * from plan_items where plan_id = ${planId} and archived_at is null order by start_date, id`,
  );
  return {
    title: plan.title,
    goals: plan.goals,
    swot: plan.swot,
    strategies: plan.strategies,
    actions: actions.map((a) => ({
      id: a.id as string,
      strategy: a.strategy as string,
      title: a.title as string,
      ownerId: a.owner_id as string,
      ownerName: a.owner_name as string,
      dueDate: isoDate(a.due_date),
      status: a.status as string,
      resources: (a.resources as string | null) ?? null,
      budget: a.budget === null ? null : Number(a.budget),
    })),
    items: items.map((i) => ({
      id: i.id as string,
      kind: i.kind as string,
      title: i.title as string,
      terms: i.terms as string,
      startDate: isoDate(i.start_date),
      endDate: isoDateOrNull(i.end_date),
    })),
  };
}
