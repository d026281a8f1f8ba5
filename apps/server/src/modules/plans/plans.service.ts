import type {
  AdjustPlan,
  CreatePlan,
  PlanDecision,
  PlanGoalInput,
  PlanListQuery,
  PlanStatus,
  UpdatePlan,
} from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountIdInScope, assertCan } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { type Db, isoDate, isoTimestamp, isoTimestampOrNull, one, rows } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { afterCursor, orderBy, sortSpec, toPage } from '../../platform/http/paging.js';
import { todayInChina } from '../../platform/today.js';
import { assertAccountInScope } from '../accounts/index.js';
import { latestTier } from '../analytics/index.js';
import { toPlanAction } from './plan-actions.service.js';
import { applyContent, snapshotOf } from './plan-content.js';
import type { PlanSnapshot } from './plan-diff.js';
import { diffPlans } from './plan-diff.js';
import { accountPlans, planVersions } from './plans.table.js';
import { endOfMonth, planTemplate } from './templates.js';

type Row = Record<string, unknown> & { id: string; account_id: string };
type Goal = z.infer<typeof PlanGoalInput>;

const select = sql`
  select p.*, a.name as account_name, a.org_unit_id, a.wallet_estimate,
         ap.display_name as approved_by_name, cu.display_name as created_by_name
    from account_plans p join accounts a on a.id = p.account_id
    left join users ap on ap.id = p.approved_by left join users cu on cu.id = p.created_by`;

const completionSql = (today: string) => sql`
  count(*) filter (where pa.status <> 'cancelled' and pa.due_date <= ${today}::date)::int as due,
  count(*) filter (where pa.status = 'done' and pa.due_date <= ${today}::date)::int as done`;

const completion = (due: number, done: number) => ({ due, done, rate: due > 0 ? done / due : null });

/** Goal actuals for the plan year, always computed from orders, the wallet estimate and contacts. */
async function goalActuals(db: Db, plan: Row, goals: Goal[]) {
  const year = plan.year as number;
  const money = await one<{ revenue: number; margin: number }>(
    db,
    sql`select coalesce(sum(revenue), 0)::float8 as revenue, coalesce(sum(revenue - cost), 0)::float8 as margin
          from account_monthly where account_id = ${plan.account_id}
           and month >= make_date(${year}, 1, 1) and month < make_date(${year} + 1, 1, 1)`,
  );
  const covered = new Set(
    (
      await rows<{ decision_role: string }>(
        db,
        sql`select distinct decision_role from contacts where account_id = ${plan.account_id} and archived_at is null
             and relationship_strength >= 3 and last_contact_at > now() - interval '90 days' and decision_role is not null`,
      )
    ).map((r) => r.decision_role),
  );
  const wallet = plan.wallet_estimate === null ? null : Number(plan.wallet_estimate);
  const today = todayInChina();
  const start = Date.parse(`${year}-01-01`);
  const elapsed = Math.min(1, Math.max(0, (Date.parse(today) - start) / (Date.parse(`${year + 1}-01-01`) - start)));
  return goals.map((g) => {
    let actual: number | null = null;
    if (g.kind === 'revenue') actual = Math.round(money?.revenue ?? 0);
    if (g.kind === 'margin') actual = Math.round(money?.margin ?? 0);
    if (g.kind === 'share_of_wallet' && wallet) actual = Math.round((1000 * (money?.revenue ?? 0)) / wallet) / 10;
    if (g.kind === 'relationship' && g.role) actual = covered.has(g.role) ? 1 : 0;
    const met = (() => {
      if (actual === null) return null;
      if (g.kind === 'relationship') return actual === 1;
      if (g.target === null || elapsed === 0) return null;
      if (actual >= g.target) return true;
      // during the year a money goal is held against its share of the year gone by; share of wallet as a whole
      return g.kind === 'share_of_wallet' ? (elapsed < 1 ? null : false) : actual >= g.target * elapsed;
    })();
    return { ...g, actual, met };
  });
}

/** The quarterly review dates of an annual plan: the last day of each quarter. */
const reviews = (year: number) => [1, 2, 3, 4].map((quarter) => ({ quarter, date: endOfMonth(year, quarter * 3) }));

export async function getPlan(ctx: Ctx, id: string) {
  assertCan(ctx.user, 'plan.read');
  const r = await one<Row>(
    ctx.db,
    sql`${select} where p.id = ${id} and p.archived_at is null and ${accountIdInScope(ctx.user, sql`p.account_id`)}`,
  );
  if (!r) throw AppError.notFound('Plan');
  const today = todayInChina();
  const [actions, items, goals] = await Promise.all([
    rows<Row>(
      ctx.db,
      sql`select pa.*, u.display_name as owner_name from plan_actions pa join users u on u.id = pa.owner_id
           where pa.plan_id = ${id} and pa.archived_at is null order by pa.strategy, pa.due_date, pa.id`,
    ),
    rows<Row>(
      ctx.db,
      sql`select i.*, (select coalesce(json_agg(json_build_object('id', k.id, 'code', k.code, 'title', k.title) order by k.start_date), '[]')
                         from contract_plan_items cp join contracts k on k.id = cp.contract_id
                        where cp.plan_item_id = i.id and k.archived_at is null) as contracts
            from plan_items i where i.plan_id = ${id} and i.archived_at is null order by i.start_date, i.id`,
    ),
    goalActuals(ctx.db, r, r.goals as Goal[]),
  ]);
  const mapped = actions.map((a) => toPlanAction(a, today));
  const due = mapped.filter((a) => a.status !== 'cancelled' && a.dueDate <= today);
  return {
    id: r.id,
    accountId: r.account_id,
    accountName: r.account_name as string,
    orgUnitId: r.org_unit_id as string,
    year: r.year as number,
    title: r.title as string,
    tier: r.tier as 'strategic' | 'core' | 'general',
    needsApproval: r.tier === 'strategic',
    status: r.status as PlanStatus,
    goals,
    swot: r.swot as PlanSnapshot['swot'],
    strategies: r.strategies as PlanSnapshot['strategies'],
    actions: mapped,
    items: items.map((i) => ({
      id: i.id,
      kind: i.kind as never,
      title: i.title as string,
      terms: i.terms as string,
      startDate: isoDate(i.start_date),
      endDate: i.end_date ? isoDate(i.end_date) : null,
      contracts: i.contracts as { id: string; code: string; title: string }[],
    })),
    revision: r.revision as number,
    reviews: reviews(r.year as number),
    completion: completion(due.length, due.filter((a) => a.status === 'done').length),
    submittedAt: isoTimestampOrNull(r.submitted_at),
    approvedAt: isoTimestampOrNull(r.approved_at),
    approvedBy: r.approved_by
      ? { id: r.approved_by as string, displayName: (r.approved_by_name as string) ?? '' }
      : null,
    approvalNote: (r.approval_note as string | null) ?? null,
    createdBy: r.created_by ? { id: r.created_by as string, displayName: (r.created_by_name as string) ?? '' } : null,
    version: r.version as number,
    createdAt: isoTimestamp(r.created_at),
    updatedAt: isoTimestamp(r.updated_at),
  };
}

export async function listPlans(ctx: Ctx, q: z.infer<typeof PlanListQuery>) {
  assertCan(ctx.user, 'plan.read');
  const today = todayInChina();
  const filter = sql.join(
    [
      accountIdInScope(ctx.user, sql`p.account_id`),
      q.includeArchived ? undefined : sql`p.archived_at is null`,
      q.accountId ? sql`p.account_id = ${q.accountId}` : undefined,
      q.year ? sql`p.year = ${q.year}` : undefined,
      q.status ? sql`p.status = ${q.status}` : undefined,
      q.tier ? sql`p.tier = ${q.tier}` : undefined,
      q.q ? sql`(p.title ilike ${`%${q.q}%`} or a.name ilike ${`%${q.q}%`})` : undefined,
    ].filter((p): p is SQL => p !== undefined),
    sql` and `,
  );
  const spec = sortSpec('-updatedAt', { updatedAt: sql`p.updated_at` });
  const [fetched, total] = await Promise.all([
    rows<Row>(
      ctx.db,
      sql`select p.id, p.account_id, a.name as account_name, p.year, p.title, p.tier, p.status, p.revision, p.updated_at,
                 s.actions, s.overdue, s.due, s.done
            from account_plans p join accounts a on a.id = p.account_id
            cross join lateral (select count(*) filter (where pa.status <> 'cancelled')::int as actions,
                   count(*) filter (where pa.status in ('not_started', 'in_progress') and pa.due_date < ${today}::date)::int as overdue,
                   ${completionSql(today)}
                   from plan_actions pa where pa.plan_id = p.id and pa.archived_at is null) s
           where ${filter} and ${afterCursor(spec, sql`p.id`, q.cursor)}
           order by ${orderBy(spec, sql`p.id`)} limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from account_plans p join accounts a on a.id = p.account_id where ${filter}`,
    ),
  ]);
  return toPage(
    fetched,
    q.limit,
    (r) => [String(r.updated_at instanceof Date ? r.updated_at.toISOString() : r.updated_at), r.id],
    (r) => ({
      id: r.id,
      accountId: r.account_id,
      accountName: r.account_name as string,
      year: r.year as number,
      title: r.title as string,
      tier: r.tier as never,
      status: r.status as PlanStatus,
      revision: r.revision as number,
      actions: r.actions as number,
      overdue: r.overdue as number,
      completion: completion(r.due as number, r.done as number),
      updatedAt: isoTimestamp(r.updated_at),
    }),
    total?.n ?? 0,
  );
}

async function writeVersion(
  db: Db,
  ctx: Ctx,
  planId: string,
  revision: number,
  reasonKind: string,
  reason: string | null,
) {
  const snapshot = await snapshotOf(db, planId);
  await db
    .insert(planVersions)
    .values({ planId, revision, snapshot, reasonKind: reasonKind as never, reason, changedBy: ctx.user.id })
    .onConflictDoUpdate({
      target: [planVersions.planId, planVersions.revision],
      set: { snapshot, changedBy: ctx.user.id, changedAt: new Date() },
    });
}

/** A new plan for the account and year, started from its tier's template unless content is given. */
export async function createPlan(ctx: Ctx, accountId: string, input: z.infer<typeof CreatePlan>) {
  assertCan(ctx.user, 'plan.write');
  await assertAccountInScope(ctx, accountId);
  const account = await one<{
    name: string;
    owner_id: string | null;
    tier: 'strategic' | 'core' | 'general';
    revenue: number;
  }>(
    ctx.db,
    sql`select a.name, a.owner_id, ${latestTier(sql`a.id`)} as tier,
          (select coalesce(sum(revenue), 0)::float8 from account_monthly m where m.account_id = a.id
            and m.month >= make_date(${input.year} - 1, 1, 1) and m.month < make_date(${input.year}, 1, 1)) as revenue
        from accounts a where a.id = ${accountId}`,
  );
  if (!account) throw AppError.notFound('Account');
  const taken = await one<{ id: string }>(
    ctx.db,
    sql`select id from account_plans where account_id = ${accountId} and year = ${input.year} and archived_at is null`,
  );
  if (taken)
    throw new AppError('conflict', `The account already has a plan for ${input.year}`, [
      { path: 'body.year', message: 'taken' },
    ]);
  const template = planTemplate(account.tier);
  const ownerId = account.owner_id ?? ctx.user.id;
  // a template's revenue target is last year's revenue plus a tenth, rounded to ¥10,000
  const lastYear = Math.round(account.revenue);
  const goals = template.goals.map((g) =>
    g.kind === 'revenue' && lastYear > 0 ? { ...g, target: Math.round((lastYear * 1.1) / 1_000_000) * 1_000_000 } : g,
  );
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(accountPlans)
      .values({
        accountId,
        year: input.year,
        title: input.title ?? `${account.name} ${input.year} 年度客户计划`,
        tier: account.tier,
        goals: input.goals ?? goals,
        swot: input.swot ?? { strengths: [], weaknesses: [], opportunities: [], threats: [] },
        strategies: input.strategies ?? template.strategies,
        createdBy: ctx.user.id,
        updatedBy: ctx.user.id,
      })
      .returning({ id: accountPlans.id });
    const planId = row!.id;
    await applyContent(
      tx,
      withDb(ctx, tx),
      { id: planId, accountId },
      {
        actions:
          input.actions ??
          template.actions.map((a) => ({
            strategy: a.strategy,
            title: a.title,
            ownerId,
            dueDate: endOfMonth(input.year, a.monthOfYear),
            resources: a.resources,
            budget: null,
          })),
        items: input.items ?? [],
      },
    );
    await writeVersion(tx, ctx, planId, 1, 'initial', null);
    await audit(withDb(ctx, tx), 'plan.create', 'account', accountId, { planId, year: input.year, tier: account.tier });
    return planId;
  });
  return getPlan(ctx, id);
}

async function lockedPlan(ctx: Ctx, id: string, version: number, allowed: PlanStatus[], what: string) {
  const plan = await getPlan(ctx, id);
  if (plan.version !== version) throw AppError.staleVersion('Plan');
  if (!allowed.includes(plan.status))
    throw new AppError('conflict', `A ${plan.status} plan cannot be ${what}; allowed when ${allowed.join(' or ')}`);
  return plan;
}

async function bump(db: Db, ctx: Ctx, id: string, version: number, set: SQL) {
  const done = await rows<{ id: string }>(
    db,
    sql`update account_plans set ${set}, version = version + 1, updated_at = now(), updated_by = ${ctx.user.id}
        where id = ${id} and version = ${version} returning id`,
  );
  if (!done.length) throw AppError.staleVersion('Plan');
}

/** Edits a plan that is still a draft; it stays revision 1, whose snapshot follows it. */
export async function updatePlan(ctx: Ctx, id: string, input: z.infer<typeof UpdatePlan>) {
  assertCan(ctx.user, 'plan.write');
  const { version, ...content } = input;
  const plan = await lockedPlan(ctx, id, version, ['draft'], 'edited (adjust an approved plan instead)');
  await ctx.db.transaction(async (tx) => {
    await bump(tx, ctx, id, version, sql`status = 'draft'`);
    await applyContent(tx, withDb(ctx, tx), plan, content);
    await writeVersion(tx, ctx, id, plan.revision, 'initial', null);
    await audit(withDb(ctx, tx), 'plan.update', 'account', plan.accountId, {
      planId: id,
      fields: Object.keys(content),
    });
  });
  return getPlan(ctx, id);
}

/** A strategic plan goes to its director; any other plan takes effect when submitted. */
export async function submitPlan(ctx: Ctx, id: string, input: z.infer<typeof PlanDecision>) {
  assertCan(ctx.user, 'plan.write');
  const plan = await lockedPlan(ctx, id, input.version, ['draft'], 'submitted');
  await ctx.db.transaction(async (tx) => {
    await bump(
      tx,
      ctx,
      id,
      input.version,
      plan.needsApproval
        ? sql`status = 'submitted', submitted_at = now()`
        : sql`status = 'approved', submitted_at = now(), approved_at = now(), approved_by = null, approval_note = null`,
    );
    await audit(withDb(ctx, tx), 'plan.submit', 'account', plan.accountId, {
      planId: id,
      needsApproval: plan.needsApproval,
    });
  });
  return getPlan(ctx, id);
}

/**
 * Only a director whose org unit (subtree) holds the account, or an admin, decides on a strategic plan;
 * everyone else gets a 403 and the plan stays as it was. The decision is audited in the same transaction.
 */
async function decide(ctx: Ctx, id: string, input: z.infer<typeof PlanDecision>, outcome: 'approve' | 'return') {
  assertCan(ctx.user, 'plan.approve');
  const plan = await lockedPlan(ctx, id, input.version, ['submitted'], outcome === 'approve' ? 'approved' : 'returned');
  if (ctx.user.role === 'director' && !ctx.user.orgUnitIds.includes(plan.orgUnitId))
    throw new AppError('forbidden', 'Only a director of the account’s org unit may decide on its plan');
  if (outcome === 'return' && !input.note) throw AppError.invalid('body.note', 'say why the plan goes back');
  await ctx.db.transaction(async (tx) => {
    await bump(
      tx,
      ctx,
      id,
      input.version,
      outcome === 'approve'
        ? sql`status = 'approved', approved_at = now(), approved_by = ${ctx.user.id}, approval_note = ${input.note ?? null}`
        : sql`status = 'draft', approval_note = ${input.note ?? null}`,
    );
    await audit(withDb(ctx, tx), outcome === 'approve' ? 'plan.approve' : 'plan.return', 'account', plan.accountId, {
      planId: id,
      tier: plan.tier,
      note: input.note ?? null,
    });
  });
  return getPlan(ctx, id);
}

export const approvePlan = (ctx: Ctx, id: string, input: z.infer<typeof PlanDecision>) =>
  decide(ctx, id, input, 'approve');
export const returnPlan = (ctx: Ctx, id: string, input: z.infer<typeof PlanDecision>) =>
  decide(ctx, id, input, 'return');

/**
 * An adjustment (策略调整) of an approved plan: the changes apply and a new revision records the plan as
 * it now stands, why (customer feedback, market change, competition, performance gap) and who.
 */
export async function adjustPlan(ctx: Ctx, id: string, input: z.infer<typeof AdjustPlan>) {
  assertCan(ctx.user, 'plan.write');
  const { version, reasonKind, reason, ...content } = input;
  if (!Object.values(content).some((v) => v !== undefined))
    throw AppError.invalid('body', 'an adjustment changes at least one part of the plan');
  const plan = await lockedPlan(ctx, id, version, ['approved'], 'adjusted (edit a draft directly)');
  const before = await snapshotOf(ctx.db, id);
  await ctx.db.transaction(async (tx) => {
    await bump(tx, ctx, id, version, sql`revision = revision + 1`);
    await applyContent(tx, withDb(ctx, tx), plan, content);
    const after = await snapshotOf(tx, id);
    const changes = diffPlans(before, after);
    if (!changes.length) throw AppError.invalid('body', 'the adjustment changes nothing');
    await writeVersion(tx, ctx, id, plan.revision + 1, reasonKind, reason);
    await audit(withDb(ctx, tx), 'plan.adjust', 'account', plan.accountId, {
      planId: id,
      revision: plan.revision + 1,
      reasonKind,
      reason,
      changes: changes.length,
    });
  });
  return getPlan(ctx, id);
}

type VersionRow = {
  revision: number;
  reason_kind: string;
  reason: string | null;
  changed_by: string | null;
  changed_by_name: string | null;
  changed_at: unknown;
  snapshot: PlanSnapshot;
};

const toVersion = (v: VersionRow) => ({
  revision: v.revision,
  reasonKind: v.reason_kind as never,
  reason: v.reason,
  changedBy: v.changed_by ? { id: v.changed_by, displayName: v.changed_by_name ?? '' } : null,
  changedAt: isoTimestamp(v.changed_at),
});

const versionSelect = (planId: string) => sql`select v.*, u.display_name as changed_by_name
  from plan_versions v left join users u on u.id = v.changed_by where v.plan_id = ${planId}`;

export async function listPlanVersions(ctx: Ctx, id: string) {
  await getPlan(ctx, id);
  const found = await rows<VersionRow>(ctx.db, sql`${versionSelect(id)} order by v.revision desc`);
  return { items: found.map(toVersion) };
}

export async function diffPlanVersions(ctx: Ctx, id: string, from: number, to: number) {
  await getPlan(ctx, id);
  const found = await rows<VersionRow>(ctx.db, sql`${versionSelect(id)} and v.revision in (${from}, ${to})`);
  const a = found.find((v) => v.revision === from);
  const b = found.find((v) => v.revision === to);
  if (!a) throw AppError.invalid('querystring.from', `the plan has no revision ${from}`);
  if (!b) throw AppError.invalid('querystring.to', `the plan has no revision ${to}`);
  return { from: toVersion(a), to: toVersion(b), changes: diffPlans(a.snapshot, b.snapshot) };
}
