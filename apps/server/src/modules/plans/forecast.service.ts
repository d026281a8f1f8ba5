import type { ForecastQuery, PipelineQuery, SalesTargetQuery, SetSalesTargets } from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountIdInScope, assertCan, type Principal } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { one, rows } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { todayInChina } from '../../platform/today.js';

const STAGES = ['awareness', 'consideration', 'decision', 'purchase', 'renewal'] as const;

/** Opportunities in scope, narrowed to one KAM or one org unit's subtree. */
function narrowed(ctx: Ctx, q: { ownerId?: string; orgUnitId?: string }): SQL {
  return sql.join(
    [
      sql`o.archived_at is null`,
      accountIdInScope(ctx.user, sql`o.account_id`),
      q.ownerId ? sql`o.owner_id = ${q.ownerId}` : undefined,
      q.orgUnitId
        ? sql`o.account_id in (select a.id from accounts a join org_units u on u.id = a.org_unit_id
              join org_units root on root.id = ${q.orgUnitId} where u.path like root.path || '%')`
        : undefined,
    ].filter((p): p is SQL => p !== undefined),
    sql` and `,
  );
}

/** Open opportunities by buying stage, and the year's won and lost. */
export async function pipeline(ctx: Ctx, q: z.infer<typeof PipelineQuery>) {
  assertCan(ctx.user, 'opportunity.read');
  const year = q.year ?? Number(todayInChina().slice(0, 4));
  const where = narrowed(ctx, q);
  const [stages, closed] = await Promise.all([
    rows<{ stage: string; count: number; amount: number; weighted: number }>(
      ctx.db,
      sql`select o.stage, count(*)::int as count, sum(o.amount)::float8 as amount,
                 sum(o.amount * o.probability / 100.0)::float8 as weighted
            from opportunities o where ${where} and o.status = 'open' group by o.stage`,
    ),
    rows<{ status: 'won' | 'lost'; count: number; amount: number }>(
      ctx.db,
      sql`select o.status, count(*)::int as count, sum(o.amount)::float8 as amount from opportunities o
           where ${where} and o.status in ('won', 'lost') and extract(year from o.closed_on) = ${year} group by o.status`,
    ),
  ]);
  const by = new Map(stages.map((s) => [s.stage, s]));
  const won = closed.find((c) => c.status === 'won');
  const lost = closed.find((c) => c.status === 'lost');
  const decided = (won?.count ?? 0) + (lost?.count ?? 0);
  return {
    stages: STAGES.map((stage) => ({
      stage,
      count: by.get(stage)?.count ?? 0,
      amount: Math.round(by.get(stage)?.amount ?? 0),
      weighted: Math.round(by.get(stage)?.weighted ?? 0),
    })),
    won: { count: won?.count ?? 0, amount: Math.round(won?.amount ?? 0) },
    lost: { count: lost?.count ?? 0, amount: Math.round(lost?.amount ?? 0) },
    winRate: decided ? (won?.count ?? 0) / decided : null,
  };
}

/** The target a forecast is held against: a KAM's own, or else the caller's (or the chosen) org unit's. */
async function targetOwner(ctx: Ctx, q: { ownerId?: string; orgUnitId?: string }) {
  if (q.ownerId) {
    const u = await one<{ id: string; name: string }>(
      ctx.db,
      sql`select id, display_name as name from users where id = ${q.ownerId}`,
    );
    return u ? { kind: 'user' as const, ...u } : null;
  }
  if (!q.orgUnitId && ctx.user.role === 'kam')
    return { kind: 'user' as const, id: ctx.user.id, name: ctx.user.displayName };
  const unitId = q.orgUnitId ?? ctx.user.orgUnitId;
  const u = await one<{ id: string; name: string }>(ctx.db, sql`select id, name from org_units where id = ${unitId}`);
  return u ? { kind: 'org_unit' as const, ...u } : null;
}

/**
 * Weighted forecast by month: open opportunities by expected close month × probability, deals won by
 * the month they closed, and the monthly sales target beside them.
 */
export async function forecast(ctx: Ctx, q: z.infer<typeof ForecastQuery>) {
  assertCan(ctx.user, 'opportunity.read');
  const from = `${q.from ?? todayInChina().slice(0, 7)}-01`;
  const where = narrowed(ctx, q);
  const owner = await targetOwner(ctx, q);
  const found = await rows<{ month: string; weighted: number; won: number; target: number | null }>(
    ctx.db,
    sql`with months as (
          select to_char(m, 'YYYY-MM') as month, m::date as start
            from generate_series(${from}::date, ${from}::date + make_interval(months => ${q.months - 1}), interval '1 month') m)
        select ms.month,
          coalesce((select sum(o.amount * o.probability / 100.0) from opportunities o where ${where} and o.status = 'open'
                     and date_trunc('month', o.expected_close) = ms.start), 0)::float8 as weighted,
          coalesce((select sum(o.amount) from opportunities o where ${where} and o.status = 'won'
                     and date_trunc('month', o.closed_on) = ms.start), 0)::float8 as won,
          (select t.amount::float8 from sales_targets t where t.month = ms.start and ${
            owner?.kind === 'user'
              ? sql`t.user_id = ${owner.id} and t.org_unit_id is null`
              : sql`t.org_unit_id = ${owner?.id ?? null} and t.user_id is null`
          }) as target
        from months ms order by ms.start`,
  );
  return {
    target: owner,
    months: found.map((m) => ({
      month: m.month,
      weighted: Math.round(m.weighted),
      won: Math.round(m.won),
      target: m.target === null ? null : Math.round(m.target),
    })),
  };
}

/**
 * Who may see or set a target: admins any; directors (set and see), service and analysts (see) their
 * subtree's units and its users; a KAM sees only their own. Anything else is not found.
 */
async function checkTargetOwner(
  user: Principal,
  db: Ctx['db'],
  q: { orgUnitId?: string; userId?: string },
  write: boolean,
) {
  if (Boolean(q.orgUnitId) === Boolean(q.userId))
    throw AppError.invalid(`${write ? 'body' : 'querystring'}.orgUnitId`, 'give either orgUnitId or userId');
  if (user.role === 'admin') return;
  if (user.role === 'kam' && !write && q.userId === user.id) return;
  if (user.role === 'director' || (!write && (user.role === 'analyst' || user.role === 'service'))) {
    const unit = q.orgUnitId
      ? q.orgUnitId
      : (await one<{ org_unit_id: string }>(db, sql`select org_unit_id from users where id = ${q.userId}`))
          ?.org_unit_id;
    if (unit && user.orgUnitIds.includes(unit)) return;
  }
  throw AppError.notFound('Sales target');
}

const owned = (q: { orgUnitId?: string; userId?: string }) =>
  q.userId
    ? sql`t.user_id = ${q.userId} and t.org_unit_id is null`
    : sql`t.org_unit_id = ${q.orgUnitId ?? null} and t.user_id is null`;

export async function getSalesTargets(ctx: Ctx, q: z.infer<typeof SalesTargetQuery>) {
  assertCan(ctx.user, 'opportunity.read');
  await checkTargetOwner(ctx.user, ctx.db, q, false);
  const found = await rows<{ m: number; amount: number }>(
    ctx.db,
    sql`select extract(month from t.month)::int as m, t.amount::float8 as amount from sales_targets t
         where ${owned(q)} and extract(year from t.month) = ${q.year}`,
  );
  const months: (number | null)[] = Array.from({ length: 12 }, () => null);
  for (const f of found) months[f.m - 1] = Math.round(f.amount);
  return { orgUnitId: q.orgUnitId ?? null, userId: q.userId ?? null, year: q.year, months };
}

export async function setSalesTargets(ctx: Ctx, input: z.infer<typeof SetSalesTargets>) {
  assertCan(ctx.user, 'target.manage');
  await checkTargetOwner(ctx.user, ctx.db, input, true);
  await ctx.db.transaction(async (tx) => {
    for (const [i, amount] of input.months.entries()) {
      const month = `${input.year}-${String(i + 1).padStart(2, '0')}-01`;
      await tx.execute(sql`delete from sales_targets t where ${owned(input)} and t.month = ${month}::date`);
      if (amount !== null)
        await tx.execute(sql`insert into sales_targets (org_unit_id, user_id, month, amount, updated_by)
            values (${input.orgUnitId ?? null}, ${input.userId ?? null}, ${month}, ${amount}, ${ctx.user.id})`);
    }
    await audit(
      withDb(ctx, tx),
      'sales_target.set',
      input.userId ? 'user' : 'org_unit',
      input.userId ?? input.orgUnitId ?? null,
      {
        year: input.year,
        months: input.months,
      },
    );
  });
  return getSalesTargets(ctx, input);
}
