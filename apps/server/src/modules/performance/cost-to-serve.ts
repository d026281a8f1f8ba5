import type { CostToServe, CostToServeListQuery } from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountScope, assertCan } from '../../platform/access/index.js';
import type { Ctx } from '../../platform/context.js';
import { type Db, pgArray, rows } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { assertAccountInScope } from '../accounts/index.js';
import { latestRunId } from '../analytics/index.js';
import { periodRange, type Range } from './periods.js';
import { loadSettings } from './settings.service.js';

type Row = z.infer<typeof CostToServe>;

/** China business days: timestamps are compared with the range's days in Asia/Shanghai. */
export const dayStart = (day: string) => sql`(${day}::date)::timestamp at time zone 'Asia/Shanghai'`;
export const dayEnd = (day: string) => sql`(${day}::date + 1)::timestamp at time zone 'Asia/Shanghai'`;

/**
 * Contribution after cost to serve, per account and range, for the accounts `accounts` selects (a SQL
 * query of ids; callers apply scope). Revenue is order amounts (net of discount), so gross revenue −
 * discounts − cost of goods = gross margin. Costs: complaints received × the handling effort of their
 * severity; each held event's cost split evenly over the accounts that had someone attend; value-added
 * services delivered; visits × the cost of a visit.
 */
async function costToServeOf(db: Db, accounts: SQL, range: Range): Promise<Row[]> {
  const settings = await loadSettings(db);
  const cc = settings.complaintCost;
  const found = await rows<Record<string, unknown>>(
    db,
    sql`with acc as (${accounts}),
      o as (select o.account_id, sum(o.amount) as revenue, sum(o.cost) as cogs, sum(o.discount) as discounts
              from orders o where o.account_id in (select id from acc) and o.archived_at is null
               and o.status <> 'cancelled' and o.order_date between ${range.from}::date and ${range.to}::date
             group by 1),
      c as (select c.account_id, count(*) as n,
                   sum(case c.severity when 'low' then ${cc.low}::bigint when 'medium' then ${cc.medium}::bigint
                                       when 'high' then ${cc.high}::bigint else ${cc.critical}::bigint end) as cost
              from complaints c where c.account_id in (select id from acc) and c.archived_at is null
               and c.received_at >= ${dayStart(range.from)} and c.received_at < ${dayEnd(range.to)}
             group by 1),
      att as (select distinct i.event_id, i.account_id from event_invitations i
               where i.status = 'attended' and i.archived_at is null),
      share as (select e.id, e.cost::float8 / count(*) as per_account from club_events e join att on att.event_id = e.id
                 where e.status = 'held' and e.archived_at is null
                   and e.held_on between ${range.from}::date and ${range.to}::date group by e.id, e.cost),
      ev as (select att.account_id, count(*) as n, round(sum(share.per_account))::bigint as cost
               from att join share on share.id = att.event_id
              where att.account_id in (select id from acc) group by 1),
      v as (select v.account_id, count(*) as n, sum(v.cost) as cost from value_added_services v
             where v.account_id in (select id from acc) and v.archived_at is null
               and v.delivered_on between ${range.from}::date and ${range.to}::date group by 1),
      vi as (select i.account_id, count(*) as n from interactions i
              where i.account_id in (select id from acc) and i.archived_at is null and i.kind = 'visit'
                and i.occurred_at >= ${dayStart(range.from)} and i.occurred_at < ${dayEnd(range.to)} group by 1)
    select a.id, a.name, a.owner_id, u.display_name as owner_name,
           coalesce(o.revenue, 0) as revenue, coalesce(o.cogs, 0) as cogs, coalesce(o.discounts, 0) as discounts,
           coalesce(c.n, 0) as complaints, coalesce(c.cost, 0) as complaint_cost,
           coalesce(ev.n, 0) as events, coalesce(ev.cost, 0) as event_cost,
           coalesce(v.n, 0) as vas, coalesce(v.cost, 0) as vas_cost, coalesce(vi.n, 0) as visits,
           (select ar.clv from analysis_results ar where ar.run_id = ${latestRunId} and ar.account_id = a.id) as clv
      from accounts a join acc on acc.id = a.id left join users u on u.id = a.owner_id
      left join o on o.account_id = a.id left join c on c.account_id = a.id left join ev on ev.account_id = a.id
      left join v on v.account_id = a.id left join vi on vi.account_id = a.id
     where o.account_id is not null or c.account_id is not null or ev.account_id is not null
        or v.account_id is not null or vi.account_id is not null`,
  );
  return found.map((r) => {
    const n = (k: string) => Number(r[k] ?? 0);
    const revenue = n('revenue');
    const grossMargin = revenue - n('cogs');
    const visitCost = n('visits') * settings.visitCost;
    const costToServe = n('complaint_cost') + n('event_cost') + n('vas_cost') + visitCost;
    const contribution = grossMargin - costToServe;
    return {
      accountId: r.id as string,
      accountName: r.name as string,
      owner: r.owner_id ? { id: r.owner_id as string, displayName: r.owner_name as string } : null,
      from: range.from,
      to: range.to,
      grossRevenue: revenue + n('discounts'),
      discounts: n('discounts'),
      revenue,
      costOfGoods: n('cogs'),
      grossMargin,
      complaints: n('complaints'),
      complaintCost: n('complaint_cost'),
      eventsAttended: n('events'),
      eventCost: n('event_cost'),
      valueAddedServices: n('vas'),
      valueAddedServiceCost: n('vas_cost'),
      visits: n('visits'),
      visitCost,
      costToServe,
      contribution,
      contributionRate: revenue > 0 ? contribution / revenue : null,
      clv: r.clv === null || r.clv === undefined ? null : Number(r.clv),
    };
  });
}

/**
 * For other modules (discount guidance): contribution after cost to serve of the given accounts over a
 * period ('2026-Q4', '2026', '2026-11') or a range. No scope is applied: the caller has checked it.
 * Accounts with no activity in the period come back with zeros; unknown ids are left out.
 */
export async function costToServe(db: Db, accountIds: string[], period: string | Range): Promise<Row[]> {
  if (!accountIds.length) return [];
  const range = typeof period === 'string' ? periodRange(period) : period;
  const ids = sql`select x.id from accounts x where x.id = any(${pgArray(accountIds)}::uuid[])`;
  const found = await costToServeOf(db, ids, range);
  const got = new Set(found.map((r) => r.accountId));
  // the query keeps only accounts with activity; the others are all zeros
  const idle = accountIds.filter((id) => !got.has(id));
  if (!idle.length) return found;
  const names = await rows<{ id: string; name: string; owner_id: string | null; owner_name: string | null }>(
    db,
    sql`select a.id, a.name, a.owner_id, u.display_name as owner_name from accounts a
          left join users u on u.id = a.owner_id where a.id = any(${pgArray(idle)}::uuid[])`,
  );
  const zero = (n: (typeof names)[number]): Row => ({
    accountId: n.id,
    accountName: n.name,
    owner: n.owner_id ? { id: n.owner_id, displayName: n.owner_name ?? '' } : null,
    from: range.from,
    to: range.to,
    grossRevenue: 0,
    discounts: 0,
    revenue: 0,
    costOfGoods: 0,
    grossMargin: 0,
    complaints: 0,
    complaintCost: 0,
    eventsAttended: 0,
    eventCost: 0,
    valueAddedServices: 0,
    valueAddedServiceCost: 0,
    visits: 0,
    visitCost: 0,
    costToServe: 0,
    contribution: 0,
    contributionRate: null,
    clv: null,
  });
  return [...found, ...names.map(zero)];
}

export async function accountCostToServe(ctx: Ctx, accountId: string, period: string) {
  assertCan(ctx.user, 'performance.read');
  await assertAccountInScope(ctx, accountId);
  const [row] = await costToServe(ctx.db, [accountId], period);
  if (!row) throw AppError.notFound('Account');
  return row;
}

const sorters: Record<string, (r: Row) => number> = {
  contribution: (r) => r.contribution,
  costToServe: (r) => r.costToServe,
  revenue: (r) => r.revenue,
};

/** The portfolio after cost to serve: accounts in scope with activity in the period, least profitable first by default. */
export async function portfolioCostToServe(ctx: Ctx, q: z.infer<typeof CostToServeListQuery>) {
  assertCan(ctx.user, 'performance.read');
  const filter = sql.join(
    [
      accountScope(ctx.user, 'a'),
      sql`a.archived_at is null`,
      q.ownerId ? sql`a.owner_id = ${q.ownerId}` : undefined,
      q.q ? sql`a.name ilike ${`%${q.q}%`}` : undefined,
    ].filter((p) => p !== undefined),
    sql` and `,
  );
  const all = (
    await costToServeOf(ctx.db, sql`select a.id from accounts a where ${filter}`, periodRange(q.period))
  ).filter((r) => r.revenue !== 0 || r.costToServe !== 0);
  const wanted = q.profitable === undefined ? all : all.filter((r) => r.contribution >= 0 === q.profitable);
  const desc = q.sort.startsWith('-');
  const by = sorters[desc ? q.sort.slice(1) : q.sort] as (r: Row) => number;
  wanted.sort((a, b) => (desc ? by(b) - by(a) : by(a) - by(b)) || a.accountId.localeCompare(b.accountId));
  const sum = (k: 'revenue' | 'grossMargin' | 'costToServe' | 'contribution') => wanted.reduce((s, r) => s + r[k], 0);
  return {
    items: wanted.slice(0, q.limit),
    total: wanted.length,
    unprofitable: all.filter((r) => r.contribution < 0).length,
    totals: {
      revenue: sum('revenue'),
      grossMargin: sum('grossMargin'),
      costToServe: sum('costToServe'),
      contribution: sum('contribution'),
    },
  };
}
