import { type SQL, sql } from 'drizzle-orm';
import { accountScope, type Principal } from '../../platform/access/index.js';
import { type Db, isoDateOrNull, isoTimestamp, isoTimestampOrNull, one, rows } from '../../platform/db/index.js';

export type AccountSummaryRow = {
  id: string;
  code: string;
  name: string;
  name_sort: string | null;
  short_name: string | null;
  parent_id: string | null;
  industry: string | null;
  province: string | null;
  city: string | null;
  lifecycle: 'prospect' | 'active' | 'dormant' | 'lost';
  size_band: 'micro' | 'small' | 'medium' | 'large' | 'xlarge' | null;
  owner_id: string | null;
  owner_name: string | null;
  org_unit_id: string;
  org_unit_name: string;
  child_count: number;
  updated_at: unknown;
  created_at: unknown;
  archived_at: unknown;
};

/** Columns of an account summary over `accounts a`; children are counted within the caller's scope. */
export const summaryColumns = (user: Principal): SQL => sql`
  a.id, a.code, a.name, a.name_sort, a.short_name, a.parent_id, a.industry, a.province, a.city, a.lifecycle, a.size_band,
  a.owner_id, ow.display_name as owner_name, a.org_unit_id, ou.name as org_unit_name,
  (select count(*) from accounts ch where ch.parent_id = a.id and ch.archived_at is null and ${accountScope(user, 'ch')})::int as child_count,
  a.updated_at, a.created_at, a.archived_at`;

export const summaryJoins = sql`
  left join users ow on ow.id = a.owner_id
  join org_units ou on ou.id = a.org_unit_id`;

export function toAccountSummary(r: AccountSummaryRow) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    parentId: r.parent_id,
    industry: r.industry,
    province: r.province,
    city: r.city,
    lifecycle: r.lifecycle,
    sizeBand: r.size_band,
    owner: r.owner_id ? { id: r.owner_id, displayName: r.owner_name ?? '' } : null,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    childCount: r.child_count,
    updatedAt: isoTimestamp(r.updated_at),
    archivedAt: isoTimestampOrNull(r.archived_at),
  };
}

export async function selectSummaries(db: Db, user: Principal, where: SQL, tail: SQL = sql``) {
  return rows<AccountSummaryRow>(
    db,
    sql`select ${summaryColumns(user)} from accounts a ${summaryJoins} where ${accountScope(user, 'a')} and ${where} ${tail}`,
  );
}

type RollupRow = {
  accounts: number;
  contacts: number;
  orders12m: number;
  revenue12m: number;
  margin12m: number;
  revenue_prev12m: number;
  receivables: number;
  overdue: number;
  last_order_date: unknown;
};

/** An agent's rollups count the orders placed through it, never the company's or other agents'. */
const agentOrdersOnly = (user: Principal) => (user.role === 'agent' ? sql`and o.agent_id = ${user.agentId}` : sql``);

/**
 * Revenue, margin, receivables and counts for an account alone or for its group subtree.
 * The subtree walk applies the caller's scope, so a rollup never counts what the caller cannot see.
 */
export async function rollup(db: Db, user: Principal, accountId: string, subtree: boolean) {
  const members = subtree
    ? sql`with recursive sub as (
        select id from accounts where id = ${accountId}
        union all
        select c.id from accounts c join sub on c.parent_id = sub.id where c.archived_at is null and ${accountScope(user, 'c')}
      )`
    : sql`with sub as (select ${accountId}::uuid as id)`;
  const r = await one<RollupRow>(
    db,
    sql`${members}
    select
      (select count(*) from sub)::int as accounts,
      (select count(*) from contacts ct where ct.account_id in (select id from sub) and ct.archived_at is null)::int as contacts,
      count(*) filter (where o.order_date > current_date - interval '12 months')::int as orders12m,
      coalesce(sum(o.amount) filter (where o.order_date > current_date - interval '12 months'), 0)::bigint as revenue12m,
      coalesce(sum(o.amount - o.cost) filter (where o.order_date > current_date - interval '12 months'), 0)::bigint as margin12m,
      coalesce(sum(o.amount) filter (where o.order_date <= current_date - interval '12 months'
        and o.order_date > current_date - interval '24 months'), 0)::bigint as revenue_prev12m,
      coalesce(sum(greatest(o.amount - o.paid_amount, 0)), 0)::bigint as receivables,
      coalesce(sum(greatest(o.amount - o.paid_amount, 0)) filter (where o.due_date < current_date), 0)::bigint as overdue,
      max(o.order_date) as last_order_date
    from orders o
    where o.account_id in (select id from sub) and o.status <> 'cancelled' and o.archived_at is null
      ${agentOrdersOnly(user)}`,
  );
  return {
    accounts: r?.accounts ?? 1,
    contacts: r?.contacts ?? 0,
    orders12m: r?.orders12m ?? 0,
    revenue12m: r?.revenue12m ?? 0,
    margin12m: r?.margin12m ?? 0,
    revenuePrev12m: r?.revenue_prev12m ?? 0,
    receivables: r?.receivables ?? 0,
    overdue: r?.overdue ?? 0,
    lastOrderDate: isoDateOrNull(r?.last_order_date),
  };
}
