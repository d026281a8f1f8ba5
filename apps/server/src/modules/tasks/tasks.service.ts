import type { CompleteTask, CreateTask, SkipTask, SnoozeTask, TaskListQuery } from '@kamap/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountIdInScope, assertCan, type Principal } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import {
  type Db,
  isoDate,
  isoDateOrNull,
  isoTimestamp,
  isoTimestampOrNull,
  one,
  rows,
} from '../../platform/db/index.js';
import { versionedUpdate } from '../../platform/db/versioned.js';
import { AppError } from '../../platform/errors.js';
import { afterCursor, orderBy, sortSpec, toPage } from '../../platform/http/paging.js';
import { todayInChina } from '../../platform/today.js';
import { assertAccountInScope } from '../accounts/index.js';
import { tasks } from './tasks.table.js';

export type TaskRow = Record<string, unknown> & { id: string; account_id: string; effective_date: unknown };
type TaskValues = typeof tasks.$inferInsert;

/** The day a task is due for its owner: the snooze date while snoozed. */
const effective = sql`coalesce(t.snoozed_until, t.due_date)`;

export const taskSelect = sql`
  select t.*, ${effective} as effective_date, a.name as account_name, u.display_name as owner_name, c.name as contact_name
  from tasks t join accounts a on a.id = t.account_id join users u on u.id = t.owner_id
  left join contacts c on c.id = t.contact_id`;

export function toTask(r: TaskRow, today = todayInChina()) {
  const effectiveDate = isoDate(r.effective_date);
  const status = r.status as 'open' | 'done' | 'snoozed' | 'skipped';
  return {
    id: r.id,
    accountId: r.account_id,
    accountName: r.account_name as string,
    owner: { id: r.owner_id as string, displayName: r.owner_name as string },
    kind: r.kind as 'care' | 'follow_up' | 'need',
    title: r.title as string,
    suggestedAction: r.suggested_action as string | null,
    template: r.template_key
      ? { key: r.template_key as string, params: (r.template_params as Record<string, unknown>) ?? {} }
      : null,
    dueDate: isoDate(r.due_date),
    status,
    snoozedUntil: isoDateOrNull(r.snoozed_until),
    effectiveDate,
    skipReason: r.skip_reason as string | null,
    sourceKind: r.source_kind as never,
    sourceId: r.source_id as string | null,
    contact: r.contact_id ? { id: r.contact_id as string, name: r.contact_name as string } : null,
    doneAt: isoTimestampOrNull(r.done_at),
    doneInteractionId: r.done_interaction_id as string | null,
    overdue: (status === 'open' || status === 'snoozed') && effectiveDate < today,
    version: r.version as number,
    createdAt: isoTimestamp(r.created_at),
    updatedAt: isoTimestamp(r.updated_at),
  };
}

export async function listTasks(ctx: Ctx, q: z.infer<typeof TaskListQuery>) {
  const spec = sortSpec(q.sort, { dueDate: effective });
  const filter = sql.join(
    [
      accountIdInScope(ctx.user, sql`t.account_id`),
      sql`t.archived_at is null`,
      q.mine ? sql`t.owner_id = ${ctx.user.id}` : undefined,
      q.ownerId ? sql`t.owner_id = ${q.ownerId}` : undefined,
      q.accountId ? sql`t.account_id = ${q.accountId}` : undefined,
      q.kind ? sql`t.kind = ${q.kind}` : undefined,
      q.status ? sql`t.status = ${q.status}` : undefined,
      q.active === true ? sql`t.status in ('open', 'snoozed')` : undefined,
      q.active === false ? sql`t.status in ('done', 'skipped')` : undefined,
      q.dueBy ? sql`${effective} <= ${q.dueBy}::date` : undefined,
      q.dueFrom ? sql`${effective} >= ${q.dueFrom}::date` : undefined,
      q.q ? sql`(t.title ilike ${`%${q.q}%`} or a.name ilike ${`%${q.q}%`})` : undefined,
    ].filter((p) => p !== undefined),
    sql` and `,
  );
  const [fetched, total] = await Promise.all([
    rows<TaskRow>(
      ctx.db,
      sql`${taskSelect} where ${filter} and ${afterCursor(spec, sql`t.id`, q.cursor)}
          order by ${orderBy(spec, sql`t.id`)} limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from tasks t join accounts a on a.id = t.account_id where ${filter}`,
    ),
  ]);
  const today = todayInChina();
  return toPage(
    fetched,
    q.limit,
    (r) => [isoDate(r.effective_date), r.id],
    (r) => toTask(r, today),
    total?.n ?? 0,
  );
}

/** How many of your open tasks are overdue, due today, and due within the next seven days. */
export async function taskCounts(ctx: Ctx) {
  const today = todayInChina();
  const r = await one<{ overdue: number; today: number; week: number }>(
    ctx.db,
    sql`select count(*) filter (where ${effective} < ${today}::date)::int as overdue,
               count(*) filter (where ${effective} = ${today}::date)::int as today,
               count(*) filter (where ${effective} between ${today}::date and ${today}::date + 6)::int as week
        from tasks t where t.owner_id = ${ctx.user.id} and t.status in ('open', 'snoozed') and t.archived_at is null
          and ${accountIdInScope(ctx.user, sql`t.account_id`)}`,
  );
  return { overdue: r?.overdue ?? 0, today: r?.today ?? 0, week: r?.week ?? 0 };
}

export async function getTask(ctx: Ctx, id: string) {
  const r = await one<TaskRow>(
    ctx.db,
    sql`${taskSelect} where t.id = ${id} and t.archived_at is null and ${accountIdInScope(ctx.user, sql`t.account_id`)}`,
  );
  if (!r) throw AppError.notFound('Task');
  return toTask(r);
}

/** An active user may own a task; anything else is a 400 naming the field. */
export async function checkOwner(db: Db, ownerId: string, path: string) {
  const u = await one<{ id: string }>(db, sql`select id from users where id = ${ownerId} and disabled_at is null`);
  if (!u) throw AppError.invalid(path, 'no such active user');
}

/** Inserts tasks for other modules (care, interactions, needs); rows whose reason and day exist are skipped. */
export async function insertTasks(db: Db, values: TaskValues[]): Promise<string[]> {
  if (!values.length) return [];
  const done = await db.insert(tasks).values(values).onConflictDoNothing().returning({ id: tasks.id });
  return done.map((r) => r.id);
}

export async function createTask(ctx: Ctx, input: z.infer<typeof CreateTask>) {
  assertCan(ctx.user, 'task.write');
  await assertAccountInScope(ctx, input.accountId).catch(() => {
    throw AppError.invalid('body.accountId', 'no such account');
  });
  if (input.ownerId) await checkOwner(ctx.db, input.ownerId, 'body.ownerId');
  if (input.contactId) {
    const c = await one<{ id: string }>(
      ctx.db,
      sql`select id from contacts where id = ${input.contactId} and account_id = ${input.accountId}`,
    );
    if (!c) throw AppError.invalid('body.contactId', 'not a contact of this account');
  }
  const id = await ctx.db.transaction(async (tx) => {
    const [id] = await insertTasks(tx, [
      {
        ...input,
        ownerId: input.ownerId ?? ctx.user.id,
        createdBy: ctx.user.id,
        updatedBy: ctx.user.id,
      },
    ]);
    await audit(withDb(ctx, tx), 'task.create', 'account', input.accountId, { taskId: id });
    return id!;
  });
  return getTask(ctx, id);
}

/**
 * Who may complete, snooze, skip or reopen a task: its owner, or a manager over it (an admin, or a
 * director — the task is in the director's scope, so its account belongs to their unit or one below).
 * Anyone else who can see it gets a 403; outside the scope it was already a 404.
 */
export function assertMayActOnTask(user: Principal, task: { owner: { id: string } }) {
  if (task.owner.id === user.id || user.role === 'admin' || user.role === 'director') return;
  throw new AppError('forbidden', 'Only the task’s owner or a manager over it may change its status');
}

async function transition(
  ctx: Ctx,
  id: string,
  version: number,
  action: string,
  changes: (task: ReturnType<typeof toTask>) => Record<string, unknown>,
) {
  assertCan(ctx.user, 'task.write');
  const task = await getTask(ctx, id);
  assertMayActOnTask(ctx.user, task);
  const set = changes(task);
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, tasks, 'Task', id, version, set);
    await audit(withDb(ctx, tx), `task.${action}`, 'account', task.accountId, { taskId: id });
  });
  return getTask(ctx, id);
}

const assertActive = (task: { status: string }) => {
  if (task.status === 'done' || task.status === 'skipped')
    throw new AppError('conflict', `The task is already ${task.status}; reopen it first`);
};

export async function completeTask(ctx: Ctx, id: string, input: z.infer<typeof CompleteTask>) {
  if (input.interactionId) {
    const task = await getTask(ctx, id);
    assertMayActOnTask(ctx.user, task);
    const i = await one<{ id: string }>(
      ctx.db,
      sql`select id from interactions where id = ${input.interactionId} and account_id = ${task.accountId} and archived_at is null`,
    );
    if (!i) throw AppError.invalid('body.interactionId', 'not an interaction of this account');
  }
  return transition(ctx, id, input.version, 'done', (task) => {
    assertActive(task);
    return { status: 'done', doneAt: new Date(), doneInteractionId: input.interactionId, snoozedUntil: null };
  });
}

export async function snoozeTask(ctx: Ctx, id: string, input: z.infer<typeof SnoozeTask>) {
  if (input.until <= todayInChina()) throw AppError.invalid('body.until', 'must be a day after today');
  return transition(ctx, id, input.version, 'snooze', (task) => {
    assertActive(task);
    return { status: 'snoozed', snoozedUntil: input.until };
  });
}

export async function skipTask(ctx: Ctx, id: string, input: z.infer<typeof SkipTask>) {
  return transition(ctx, id, input.version, 'skip', (task) => {
    assertActive(task);
    return { status: 'skipped', skipReason: input.reason, snoozedUntil: null };
  });
}

export async function reopenTask(ctx: Ctx, id: string, version: number) {
  return transition(ctx, id, version, 'reopen', () => ({
    status: 'open',
    skipReason: null,
    doneAt: null,
    doneInteractionId: null,
    snoozedUntil: null,
  }));
}

/** The timeline source for tasks: care, follow-ups and need measures when they were done. */
export const taskTimelineSource = (accountId: string) =>
  sql`select 'task' as kind, t.id::text as id, t.done_at as at, t.title, t.kind as subtype,
             null::bigint as amount, t.owner_id as actor_id, u.display_name as actor_name
      from tasks t join users u on u.id = t.owner_id
      where t.account_id = ${accountId} and t.status = 'done' and t.done_at is not null and t.archived_at is null`;
