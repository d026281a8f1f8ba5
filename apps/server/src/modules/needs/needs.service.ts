import { needPriority } from '@kamap/analytics';
import {
  type CreateNeed,
  type CreateNeedTask,
  type NeedListQuery,
  type NeedStatsQuery,
  type NeedStatus,
  needTransitions,
  type OverdueQuery,
  type UpdateNeed,
  type UpdateNeedTask,
} from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountIdInScope, assertCan } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { type Db, isoDate, isoTimestamp, one, rows } from '../../platform/db/index.js';
import { versionedUpdate } from '../../platform/db/versioned.js';
import { AppError } from '../../platform/errors.js';
import { afterCursor, decodeCursor, encodeCursor, orderBy, sortSpec, toPage } from '../../platform/http/paging.js';
import { todayInChina } from '../../platform/today.js';
import { assertAccountInScope } from '../accounts/index.js';
import {
  assertMayActOnTask,
  checkOwner,
  insertTasks,
  type TaskRow,
  taskSelect,
  tasks,
  toTask,
} from '../tasks/index.js';
import { needs } from './needs.table.js';

type Row = Record<string, unknown> & { id: string; account_id: string };

/** The latest finished analysis run: its tiers are the ones needs are grouped by. */
const latestRun = sql`(select r.id from analysis_runs r where r.status = 'done' order by r.finished_at desc nulls last, r.started_at desc limit 1)`;

const select = sql`
  select n.*, a.name as account_name, cu.display_name as created_by_name,
    (select ar.tier from analysis_results ar where ar.run_id = ${latestRun} and ar.account_id = n.account_id) as tier
  from needs n join accounts a on a.id = n.account_id left join users cu on cu.id = n.created_by`;

const toNeedTask = (r: TaskRow, today: string) => {
  const t = toTask(r, today);
  return {
    id: t.id,
    needId: t.sourceId as string,
    measure: t.title,
    owner: t.owner,
    dueDate: t.dueDate,
    status: t.status,
    overdue: t.overdue,
    version: t.version,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    archivedAt: null,
  };
};

async function tasksOf(db: Db, needIds: string[]) {
  if (!needIds.length) return new Map<string, ReturnType<typeof toNeedTask>[]>();
  const found = await rows<TaskRow>(
    db,
    sql`${taskSelect} where t.kind = 'need' and t.archived_at is null
          and t.source_id in (${sql.join(
            needIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )}) order by t.due_date, t.id`,
  );
  const today = todayInChina();
  const by = new Map<string, ReturnType<typeof toNeedTask>[]>();
  for (const r of found) {
    const list = by.get(r.source_id as string) ?? [];
    list.push(toNeedTask(r, today));
    by.set(r.source_id as string, list);
  }
  return by;
}

const toNeed = (r: Row, plan: ReturnType<typeof toNeedTask>[]) => ({
  id: r.id,
  accountId: r.account_id,
  accountName: r.account_name as string,
  title: r.title as string,
  description: r.description as string | null,
  kind: r.kind as never,
  category: r.category as never,
  sourceKind: r.source_kind as never,
  sourceId: r.source_id as string | null,
  importance: r.importance as number,
  urgency: r.urgency as number,
  feasibility: r.feasibility as number,
  priority: r.priority as number,
  band: r.band as never,
  status: r.status as NeedStatus,
  tier: (r.tier as never) ?? null,
  tasks: plan,
  createdBy: r.created_by ? { id: r.created_by as string, displayName: (r.created_by_name as string) ?? '' } : null,
  version: r.version as number,
  createdAt: isoTimestamp(r.created_at),
  updatedAt: isoTimestamp(r.updated_at),
  archivedAt: r.archived_at ? isoTimestamp(r.archived_at) : null,
});

function needFilter(ctx: Ctx, q: Partial<z.infer<typeof NeedListQuery>>): SQL {
  return sql.join(
    [
      accountIdInScope(ctx.user, sql`n.account_id`),
      q.includeArchived ? undefined : sql`n.archived_at is null`,
      q.accountId ? sql`n.account_id = ${q.accountId}` : undefined,
      q.status ? sql`n.status = ${q.status}` : undefined,
      q.open === true ? sql`n.status in ('open', 'planned', 'in_progress')` : undefined,
      q.open === false ? sql`n.status in ('met', 'deferred', 'rejected')` : undefined,
      q.kind ? sql`n.kind = ${q.kind}` : undefined,
      q.category ? sql`n.category = ${q.category}` : undefined,
      q.band ? sql`n.band = ${q.band}` : undefined,
      q.tier
        ? sql`exists (select 1 from analysis_results ar where ar.run_id = ${latestRun} and ar.account_id = n.account_id and ar.tier = ${q.tier})`
        : undefined,
      q.q ? sql`(n.title ilike ${`%${q.q}%`} or n.description ilike ${`%${q.q}%`})` : undefined,
    ].filter((p) => p !== undefined),
    sql` and `,
  );
}

export async function listNeeds(ctx: Ctx, q: z.infer<typeof NeedListQuery>) {
  const spec = sortSpec(q.sort, { priority: sql`n.priority`, updatedAt: sql`n.updated_at` });
  const filter = needFilter(ctx, q);
  const [fetched, total] = await Promise.all([
    rows<Row>(
      ctx.db,
      sql`${select} where ${filter} and ${afterCursor(spec, sql`n.id`, q.cursor)}
          order by ${orderBy(spec, sql`n.id`)} limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(ctx.db, sql`select count(*)::int as n from needs n where ${filter}`),
  ]);
  const plans = await tasksOf(
    ctx.db,
    fetched.map((r) => r.id),
  );
  return toPage(
    fetched,
    q.limit,
    (r) => [spec.key === 'priority' ? (r.priority as number) : String(r.updated_at), r.id],
    (r) => toNeed(r, plans.get(r.id) ?? []),
    total?.n ?? 0,
  );
}

export async function getNeed(ctx: Ctx, id: string) {
  const r = await one<Row>(
    ctx.db,
    sql`${select} where n.id = ${id} and ${accountIdInScope(ctx.user, sql`n.account_id`)}`,
  );
  if (!r) throw AppError.notFound('Need');
  const plans = await tasksOf(ctx.db, [id]);
  return toNeed(r, plans.get(id) ?? []);
}

/** Where a source of each kind lives; a visit is an interaction too. */
const sourceTables: Record<string, SQL> = {
  interaction: sql`interactions`,
  visit: sql`interactions`,
  complaint: sql`complaints`,
  survey: sql`surveys`,
};

/** A source must be a record of that kind on the same account. */
async function checkSource(db: Db, accountId: string, kind: string | null | undefined, id: string | null | undefined) {
  if (id && !kind) throw AppError.invalid('body.sourceKind', 'required when a source id is given');
  const table = kind ? sourceTables[kind] : undefined;
  if (!table || !id) return;
  const found = await one<{ id: string }>(
    db,
    sql`select id from ${table} where id = ${id} and account_id = ${accountId}
        ${kind === 'survey' ? sql`` : sql`and archived_at is null`}`,
  );
  if (!found) throw AppError.invalid('body.sourceId', `not a ${kind} of this account`);
}

export async function createNeed(ctx: Ctx, accountId: string, input: CreateNeed) {
  assertCan(ctx.user, 'need.write');
  await assertAccountInScope(ctx, accountId);
  await checkSource(ctx.db, accountId, input.sourceKind, input.sourceId);
  const { priority, band } = needPriority(input);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(needs)
      .values({ ...input, accountId, priority, band, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .returning({ id: needs.id });
    await audit(withDb(ctx, tx), 'need.create', 'account', accountId, { needId: row!.id });
    return row!.id;
  });
  return getNeed(ctx, id);
}

export async function updateNeed(ctx: Ctx, id: string, input: UpdateNeed) {
  assertCan(ctx.user, 'need.write');
  const current = await getNeed(ctx, id);
  const { version, ...fields } = input;
  if (fields.status && fields.status !== current.status && !needTransitions[current.status].includes(fields.status))
    throw AppError.invalid(
      'body.status',
      `cannot go from ${current.status} to ${fields.status}; allowed: ${needTransitions[current.status].join(', ') || 'none'}`,
    );
  await checkSource(
    ctx.db,
    current.accountId,
    fields.sourceKind !== undefined ? fields.sourceKind : current.sourceKind,
    fields.sourceId !== undefined ? fields.sourceId : current.sourceId,
  );
  const ratings = {
    importance: fields.importance ?? current.importance,
    urgency: fields.urgency ?? current.urgency,
    feasibility: fields.feasibility ?? current.feasibility,
  };
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, needs, 'Need', id, version, { ...fields, ...needPriority(ratings) });
    await audit(withDb(ctx, tx), 'need.update', 'account', current.accountId, {
      needId: id,
      fields: Object.keys(fields),
      ...(fields.status && fields.status !== current.status ? { from: current.status, to: fields.status } : {}),
    });
  });
  return getNeed(ctx, id);
}

export async function archiveNeed(ctx: Ctx, id: string, version: number) {
  assertCan(ctx.user, 'need.write');
  const current = await getNeed(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, needs, 'Need', id, version, { archivedAt: new Date() });
    await audit(withDb(ctx, tx), 'need.archive', 'account', current.accountId, { needId: id });
  });
}

export async function addNeedTask(ctx: Ctx, needId: string, input: z.infer<typeof CreateNeedTask>) {
  assertCan(ctx.user, 'need.write');
  const need = await getNeed(ctx, needId);
  await checkOwner(ctx.db, input.ownerId, 'body.ownerId');
  await ctx.db.transaction(async (tx) => {
    const [taskId] = await insertTasks(tx, [
      {
        accountId: need.accountId,
        ownerId: input.ownerId,
        kind: 'need',
        title: input.measure,
        suggestedAction: need.title,
        dueDate: input.dueDate,
        sourceKind: 'need',
        sourceId: needId,
        createdBy: ctx.user.id,
        updatedBy: ctx.user.id,
      },
    ]);
    await audit(withDb(ctx, tx), 'need.task_add', 'account', need.accountId, { needId, taskId });
  });
  return getNeed(ctx, needId);
}

export async function updateNeedTask(ctx: Ctx, needId: string, taskId: string, input: z.infer<typeof UpdateNeedTask>) {
  assertCan(ctx.user, 'need.write');
  const need = await getNeed(ctx, needId);
  const task = need.tasks.find((t) => t.id === taskId);
  if (!task) throw AppError.notFound('Task');
  if (input.status && input.status !== task.status) assertMayActOnTask(ctx.user, task);
  if (input.ownerId) await checkOwner(ctx.db, input.ownerId, 'body.ownerId');
  const { version, measure, status, ...rest } = input;
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, tasks, 'Task', taskId, version, {
      ...rest,
      ...(measure ? { title: measure } : {}),
      ...(status ? { status, doneAt: status === 'done' ? new Date() : null, snoozedUntil: null } : {}),
    });
    await audit(withDb(ctx, tx), 'need.task_update', 'account', need.accountId, { needId, taskId });
  });
  return getNeed(ctx, needId);
}

/** The board, the importance × urgency matrix of open needs, and needs by category × tier. */
export async function needStats(ctx: Ctx, q: z.infer<typeof NeedStatsQuery>) {
  const filter = needFilter(ctx, q);
  const open = sql`n.status in ('open', 'planned', 'in_progress')`;
  const [byStatus, matrix, byCategoryTier, run] = await Promise.all([
    rows<{ status: NeedStatus; count: number }>(
      ctx.db,
      sql`select n.status, count(*)::int as count from needs n where ${filter} group by n.status order by n.status`,
    ),
    rows<{ importance: number; urgency: number; count: number }>(
      ctx.db,
      sql`select n.importance, n.urgency, count(*)::int as count from needs n where ${filter} and ${open}
          group by n.importance, n.urgency order by 1, 2`,
    ),
    rows<{ category: string; tier: string | null; count: number; open: number; accounts: number }>(
      ctx.db,
      sql`select n.category, ar.tier, count(*)::int as count, count(*) filter (where ${open})::int as open,
                 count(distinct n.account_id)::int as accounts
          from needs n left join analysis_results ar on ar.run_id = ${latestRun} and ar.account_id = n.account_id
          where ${filter} group by n.category, ar.tier order by count desc, n.category`,
    ),
    one<{ id: string; as_of: unknown }>(ctx.db, sql`select id, as_of from analysis_runs where id = ${latestRun}`),
  ]);
  return {
    byStatus,
    matrix,
    byCategoryTier: byCategoryTier as never,
    asOfRun: run ? { id: run.id, asOf: isoDate(run.as_of) } : null,
  };
}

/** Open need measures past their due date, oldest first. */
export async function overdueNeedTasks(ctx: Ctx, q: z.infer<typeof OverdueQuery>) {
  const today = todayInChina();
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const filter = sql`t.kind = 'need' and t.status in ('open', 'snoozed') and t.archived_at is null
    and coalesce(t.snoozed_until, t.due_date) < ${today}::date
    and ${accountIdInScope(ctx.user, sql`t.account_id`)}
    ${q.accountId ? sql`and t.account_id = ${q.accountId}` : sql``}
    ${q.ownerId ? sql`and t.owner_id = ${q.ownerId}` : sql``}`;
  const [found, total] = await Promise.all([
    rows<TaskRow & { need_title: string }>(
      ctx.db,
      sql`select t.*, coalesce(t.snoozed_until, t.due_date) as effective_date, a.name as account_name,
                 u.display_name as owner_name, null as contact_name, n.title as need_title
          from tasks t join accounts a on a.id = t.account_id join users u on u.id = t.owner_id
          join needs n on n.id = t.source_id
          where ${filter} ${after ? sql`and (t.due_date, t.id) > (${after[0]}::date, ${after[1]}::uuid)` : sql``}
          order by t.due_date, t.id limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(ctx.db, sql`select count(*)::int as n from tasks t where ${filter}`),
  ]);
  const more = found.length > q.limit;
  const page = more ? found.slice(0, q.limit) : found;
  const last = page[page.length - 1];
  return {
    items: page.map((r) => {
      const t = toNeedTask(r, today);
      return {
        ...t,
        accountId: r.account_id,
        accountName: r.account_name as string,
        needTitle: r.need_title,
        daysOverdue: Math.round((Date.parse(today) - Date.parse(isoDate(r.effective_date))) / 86_400_000),
      };
    }),
    nextCursor: more && last ? encodeCursor(isoDate(last.due_date), last.id) : null,
    total: total?.n ?? 0,
  };
}

/** The timeline source for needs: when each was recorded, with its current status. */
export const needTimelineSource = (accountId: string) =>
  sql`select 'need' as kind, n.id::text as id, n.created_at as at, n.title, n.status as subtype,
             null::bigint as amount, n.created_by as actor_id, u.display_name as actor_name
      from needs n left join users u on u.id = n.created_by
      where n.account_id = ${accountId} and n.archived_at is null`;
