import { sql } from 'drizzle-orm';
import { type Db, isoDateOrNull, rows } from '../../platform/db/index.js';

/**
 * Everything a run needs about every live account, aggregated in SQL from the rollups, the orders'
 * invoices, the contacts and their conversations, and competitor presence: one row per account,
 * never one per order line.
 */
export type AccountFeatures = {
  id: string;
  industry: string | null;
  sizeBand: string | null;
  lifecycle: string;
  walletEstimate: number | null;
  marketInfluence: number | null;
  strategicFit: number | null;
  revenue12: number;
  margin12: number;
  revenuePrev12: number;
  abcRevenue: number;
  abcMargin: number;
  abcOrders: number;
  rfmOrders: number;
  rfmRevenue: number;
  orders12: number;
  discountedOrders12: number;
  activeMonths12: number;
  revenueTotal: number;
  marginTotal: number;
  ordersTotal: number;
  firstOrder: string | null;
  lastOrder: string | null;
  receivables: number;
  overdue: number;
  revenue90: number;
  /** Of the last 365 days' order revenue, how much came through agents (7P: performance by channel). */
  agentRevenue365: number;
  revenue365: number;
  dueRecent: number;
  onTimeRecent: number;
  duePrev: number;
  onTimePrev: number;
  meanDaysLate: number | null;
  contacts: number;
  strongContacts: number;
  coveredRoles: string[];
  decisionMakers: number;
  decisionMakerLastContact: string | null;
  categories: string[];
  /** Complaints open at asOf whose response or resolution deadline had passed. */
  complaintsPastSla: number;
  /** Mean satisfaction on the 1–5 scale (CSAT, follow-up visits, NPS mapped 0–10 → 1–5) in the last 182 days and the 182 before. */
  satisfactionRecent: number | null;
  satisfactionPrev: number | null;
  /** Volume-weighted competitors' share of the account's categories as observed at asOf and a year before. */
  competitorShare: number | null;
  competitorSharePrev: number | null;
  override: { tier: 'strategic' | 'core' | 'general'; expiresAt: string | null } | null;
};

/** The buying-centre roles whose coverage counts (DOMAIN.md: relationship coverage). */
export const KEY_ROLES = ['decision_maker', 'economic_buyer', 'technical_evaluator', 'user', 'influencer'] as const;

/** First day of the month `offset` months from the month of `iso`. */
export function monthStart(iso: string, offset = 0): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + offset, 1));
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

type Windows = { abcMonths: number; rfmMonths: number };

/** `accountId` narrows to one account (its live view); runs load every account. */
export async function loadFeatures(
  db: Db,
  asOf: string,
  windows: Windows,
  accountId?: string,
): Promise<AccountFeatures[]> {
  // the planner carries a.id = … into the parts grouped by account; these two it cannot reach
  const only = (column: string) => (accountId ? sql`and ${sql.raw(column)} = ${accountId}` : sql``);
  const am = monthStart(asOf);
  const w12 = monthStart(asOf, -11);
  const w24 = monthStart(asOf, -23);
  const wAbc = monthStart(asOf, -(windows.abcMonths - 1));
  const wRfm = monthStart(asOf, -(windows.rfmMonths - 1));
  const found = await rows<Record<string, unknown>>(
    db,
    sql`
    with m as (
      select account_id,
             sum(revenue) filter (where month >= ${w12}::date) as revenue12,
             sum(revenue - cost) filter (where month >= ${w12}::date) as margin12,
             sum(revenue) filter (where month >= ${w24}::date and month < ${w12}::date) as revenue_prev12,
             sum(revenue) filter (where month >= ${wAbc}::date) as abc_revenue,
             sum(revenue - cost) filter (where month >= ${wAbc}::date) as abc_margin,
             sum(orders) filter (where month >= ${wAbc}::date) as abc_orders,
             sum(orders) filter (where month >= ${wRfm}::date) as rfm_orders,
             sum(revenue) filter (where month >= ${wRfm}::date) as rfm_revenue,
             sum(orders) filter (where month >= ${w12}::date) as orders12,
             sum(discounted_orders) filter (where month >= ${w12}::date) as discounted_orders12,
             count(*) filter (where month >= ${w12}::date) as active_months12,
             sum(revenue) as revenue_total, sum(revenue - cost) as margin_total, sum(orders) as orders_total,
             min(first_order) as first_order, max(last_order) as last_order
        from account_monthly
       where month <= ${am}::date
       group by account_id
    ), p as (
      select o.account_id,
             sum(x.outstanding) as receivables,
             sum(x.outstanding) filter (where o.due_date < ${asOf}::date) as overdue,
             sum(o.amount) filter (where o.order_date > ${asOf}::date - 90) as revenue90,
             sum(o.amount) filter (where o.order_date > ${asOf}::date - 365 and o.channel = 'agent') as agent_revenue365,
             sum(o.amount) filter (where o.order_date > ${asOf}::date - 365) as revenue365,
             count(*) filter (where o.due_date > ${asOf}::date - 182 and o.due_date <= ${asOf}::date) as due_recent,
             count(*) filter (where o.due_date > ${asOf}::date - 182 and o.due_date <= ${asOf}::date
                                and x.on_time) as on_time_recent,
             count(*) filter (where o.due_date > ${asOf}::date - 364 and o.due_date <= ${asOf}::date - 182) as due_prev,
             count(*) filter (where o.due_date > ${asOf}::date - 364 and o.due_date <= ${asOf}::date - 182
                                and x.on_time) as on_time_prev,
             avg(o.paid_date - o.due_date) filter (where x.paid and o.paid_date > o.due_date
                                                   and o.paid_date > ${asOf}::date - 365) as mean_days_late
        from orders o
        -- as it stood at asOf: a payment made later does not count yet
        cross join lateral (
          select o.paid_date <= ${asOf}::date as paid,
                 o.amount - case when o.paid_date <= ${asOf}::date then o.paid_amount else 0 end as outstanding,
                 coalesce(o.paid_date <= o.due_date and o.paid_date <= ${asOf}::date
                          and o.paid_amount >= o.amount, false) as on_time
        ) x
       where o.archived_at is null and o.status <> 'cancelled' and o.order_date <= ${asOf}::date
         and (o.order_date > ${asOf}::date - 730 or x.outstanding > 0)
       group by o.account_id
    ), last_contact as (
      select c.contact_id, max(i.occurred_at) as last_at
        from interactions i cross join lateral unnest(i.contact_ids) as c(contact_id)
       -- an interaction's contacts are its account's (checked when it is logged)
       where i.archived_at is null and i.occurred_at < ${asOf}::date + 1 ${only('i.account_id')}
       group by c.contact_id
    ), c as (
      select ct.account_id, count(*) as contacts,
             count(*) filter (where ct.relationship_strength >= 3) as strong,
             array_agg(distinct ct.decision_role) filter (
               where ct.relationship_strength >= 3 and lc.last_at >= ${asOf}::date - 90
                 and ct.decision_role is not null) as covered_roles,
             count(*) filter (where ct.decision_role in ('decision_maker', 'economic_buyer')) as decision_makers,
             max(lc.last_at) filter (where ct.decision_role in ('decision_maker', 'economic_buyer')) as dm_last
        from contacts ct left join last_contact lc on lc.contact_id = ct.id
       where ct.archived_at is null
       group by ct.account_id
    ), svc as (
      select account_id,
             count(*) filter (
               where coalesce(resolved_at, closed_at) is null or coalesce(resolved_at, closed_at) >= ${asOf}::date + 1
             ) as complaints_past_sla
        from complaints
       where archived_at is null and received_at < ${asOf}::date + 1
         and (resolution_due_at < ${asOf}::date + 1
              or (response_due_at < ${asOf}::date + 1
                  and (responded_at is null or responded_at >= ${asOf}::date + 1)))
       group by account_id
    ), sat as (
      select account_id,
             avg(score) filter (where at >= ${asOf}::date - 181) as sat_recent,
             avg(score) filter (where at < ${asOf}::date - 181) as sat_prev
        from (select account_id, answered_at as at,
                     case kind when 'nps' then 1 + score * 0.4 else score end as score
                from surveys where score is not null and answered_at is not null
              union all
              select account_id, follow_up_at, follow_up_satisfaction
                from complaints where follow_up_satisfaction is not null and follow_up_at is not null
                 and archived_at is null) s
       where at >= ${asOf}::date - 363 and at < ${asOf}::date + 1
       group by account_id
    ), share_at as (
      -- the latest observation of every (account, competitor, category) at each of the two dates
      select o.account_id, d.at,
             sum(o.est_annual_volume * (1 - o.our_share)) / nullif(sum(o.est_annual_volume), 0) as share
        from (values (${asOf}::date, 'now'), (${asOf}::date - 365, 'prev')) as d(on_date, at)
        cross join lateral (
          select distinct on (account_id, competitor_id, category_id)
                 account_id, est_annual_volume, our_share, present
            from competitor_share_observations
           where observed_on <= d.on_date ${only('account_id')}
           order by account_id, competitor_id, category_id, observed_on desc, id desc
        ) o
       where o.present and o.our_share is not null and o.est_annual_volume > 0
       group by o.account_id, d.at
    ), share as (
      select account_id,
             max(share) filter (where at = 'now') as competitor_share,
             max(share) filter (where at = 'prev') as competitor_share_prev
        from share_at group by account_id
    ), cat as (
      select account_id, array_agg(category_id::text order by category_id) as categories
        from account_category_spend group by account_id
    )
    select a.id, a.industry, a.size_band, a.lifecycle, a.wallet_estimate, a.market_influence, a.strategic_fit,
           m.*, p.receivables, p.overdue, p.revenue90, p.agent_revenue365, p.revenue365, p.due_recent, p.on_time_recent, p.due_prev, p.on_time_prev,
           p.mean_days_late, c.contacts, c.strong, c.covered_roles, c.decision_makers, c.dm_last,
           cat.categories, svc.complaints_past_sla, sat.sat_recent, sat.sat_prev,
           share.competitor_share, share.competitor_share_prev, t.tier as override_tier, t.expires_at as override_expires
      from accounts a
      left join m on m.account_id = a.id
      left join p on p.account_id = a.id
      left join c on c.account_id = a.id
      left join cat on cat.account_id = a.id
      left join svc on svc.account_id = a.id
      left join sat on sat.account_id = a.id
      left join share on share.account_id = a.id
      left join tier_overrides t on t.account_id = a.id
     where a.archived_at is null ${only('a.id')}
     order by a.id`,
  );
  const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
  const nOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const arr = (v: unknown): string[] =>
    Array.isArray(v) ? (v as string[]) : typeof v === 'string' && v.length > 2 ? v.slice(1, -1).split(',') : [];
  return found.map((r) => ({
    id: r.id as string,
    industry: (r.industry as string | null) ?? null,
    sizeBand: (r.size_band as string | null) ?? null,
    lifecycle: r.lifecycle as string,
    walletEstimate: nOrNull(r.wallet_estimate),
    marketInfluence: nOrNull(r.market_influence),
    strategicFit: nOrNull(r.strategic_fit),
    revenue12: n(r.revenue12),
    margin12: n(r.margin12),
    revenuePrev12: n(r.revenue_prev12),
    abcRevenue: n(r.abc_revenue),
    abcMargin: n(r.abc_margin),
    abcOrders: n(r.abc_orders),
    rfmOrders: n(r.rfm_orders),
    rfmRevenue: n(r.rfm_revenue),
    orders12: n(r.orders12),
    discountedOrders12: n(r.discounted_orders12),
    activeMonths12: n(r.active_months12),
    revenueTotal: n(r.revenue_total),
    marginTotal: n(r.margin_total),
    ordersTotal: n(r.orders_total),
    firstOrder: isoDateOrNull(r.first_order),
    lastOrder: isoDateOrNull(r.last_order),
    receivables: n(r.receivables),
    overdue: n(r.overdue),
    revenue90: n(r.revenue90),
    agentRevenue365: n(r.agent_revenue365),
    revenue365: n(r.revenue365),
    dueRecent: n(r.due_recent),
    onTimeRecent: n(r.on_time_recent),
    duePrev: n(r.due_prev),
    onTimePrev: n(r.on_time_prev),
    meanDaysLate: nOrNull(r.mean_days_late),
    contacts: n(r.contacts),
    strongContacts: n(r.strong),
    coveredRoles: arr(r.covered_roles),
    decisionMakers: n(r.decision_makers),
    decisionMakerLastContact: r.dm_last ? new Date(r.dm_last as string).toISOString().slice(0, 10) : null,
    categories: arr(r.categories),
    complaintsPastSla: n(r.complaints_past_sla),
    satisfactionRecent: nOrNull(r.sat_recent),
    satisfactionPrev: nOrNull(r.sat_prev),
    competitorShare: nOrNull(r.competitor_share),
    competitorSharePrev: nOrNull(r.competitor_share_prev),
    override: r.override_tier
      ? {
          tier: r.override_tier as 'strategic' | 'core' | 'general',
          expiresAt: isoDateOrNull(r.override_expires),
        }
      : null,
  }));
}
