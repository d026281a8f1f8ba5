import type { KpiKind, KpiMeasure, KpiSubjectKind } from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Principal } from '../../platform/access/index.js';
import { type Db, isoDate, one, rows } from '../../platform/db/index.js';
import { dayEnd, dayStart } from './cost-to-serve.js';
import { daysIn, type Range, yearBefore } from './periods.js';
import { subjectAccounts } from './subjects.js';

export type KpiSpec = {
  id: string;
  kind: KpiKind;
  measure: KpiMeasure | null;
  aggregation: 'total' | 'per_account' | 'share_of_total' | null;
  categoryId: string | null;
  province: string | null;
};
/** What an actual was computed from: a code the UI words, with its counts. */
export type Basis = { code: BasisCode; counts: Record<string, number> };
export type BasisCode =
  | 'orders'
  | 'orders_vs_year_before'
  | 'wallet_accounts'
  | 'csat_answers'
  | 'complaints_in_time'
  | 'accounts_visited'
  | 'accounts_covered'
  | 'records'
  | 'records_per_account'
  | 'records_of_total'
  | 'no_revenue'
  | 'no_revenue_year_before'
  | 'no_wallet'
  | 'no_csat'
  | 'no_complaint_due'
  | 'no_accounts'
  | 'nothing_in_total'
  | 'actions_done'
  | 'no_action_due';
export type Actual = { value: number | null; missing: 'no_data' | null; basis: Basis };
const basis = (code: BasisCode, counts: Record<string, number> = {}): Basis => ({ code, counts });
export type Scope = { db: Db; user: Principal; kind: KpiSubjectKind; id: string; range: Range };

export const KEY_ROLES = ['decision_maker', 'economic_buyer', 'technical_evaluator', 'user', 'influencer'];
const keyRoles = sql.raw(KEY_ROLES.map((r) => `'${r}'`).join(', '));

const liveOrder = (r: Range) =>
  sql`o.archived_at is null and o.status <> 'cancelled' and o.order_date between ${r.from}::date and ${r.to}::date`;

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Order lines of the category (and those below it) when the KPI narrows to one. */
function categoryFilter(categoryId: string | null): SQL {
  if (!categoryId) return sql`true`;
  return sql`l.product_id in (select p.id from products p join product_categories pc on pc.id = p.category_id
      where pc.id in (with recursive sub(id) as (select ${categoryId}::uuid
                       union all select c.id from product_categories c join sub on c.parent_id = sub.id)
                     select id from sub))`;
}

const lineMeasure: Partial<Record<KpiMeasure, SQL>> = {
  revenue: sql`l.amount`,
  margin: sql`(l.amount - l.cost)`,
  cost: sql`l.cost`,
  discount: sql`l.discount`,
  quantity: sql`l.quantity`,
};

async function sales(db: Db, accounts: SQL, r: Range) {
  return one<{ revenue: unknown; cost: unknown; orders: number; accounts: number }>(
    db,
    sql`select sum(o.amount) as revenue, sum(o.cost) as cost, count(*)::int as orders,
               count(distinct o.account_id)::int as accounts
          from orders o where o.account_id in (${accounts}) and ${liveOrder(r)}`,
  );
}

/** A custom measure's total over the accounts, with the category filter when given. */
async function customTotal(db: Db, spec: KpiSpec, accounts: SQL, r: Range, withCategory: boolean) {
  const m = spec.measure as KpiMeasure;
  const lines = sql`from order_lines l join orders o on o.id = l.order_id
      where l.account_id in (${accounts}) and ${liveOrder(r)} and ${withCategory ? categoryFilter(spec.categoryId) : sql`true`}`;
  const query =
    m in lineMeasure
      ? sql`select sum(${lineMeasure[m] as SQL})::float8 as v, count(distinct o.id)::int as n ${lines}`
      : m === 'orders'
        ? sql`select count(distinct o.id)::float8 as v, count(distinct o.id)::int as n ${lines}`
        : m === 'ordering_accounts'
          ? sql`select count(distinct o.account_id)::float8 as v, count(distinct o.account_id)::int as n ${lines}`
          : m === 'visits'
            ? sql`select count(*)::float8 as v, count(*)::int as n from interactions i
                   where i.account_id in (${accounts}) and i.kind = 'visit' and i.archived_at is null
                     and i.occurred_at >= ${dayStart(r.from)} and i.occurred_at < ${dayEnd(r.to)}`
            : sql`select count(*)::float8 as v, count(*)::int as n from complaints c
                   where c.account_id in (${accounts}) and c.archived_at is null
                     and c.received_at >= ${dayStart(r.from)} and c.received_at < ${dayEnd(r.to)}`;
  const row = await one<{ v: unknown; n: number }>(db, query);
  return { value: num(row?.v) ?? 0, records: row?.n ?? 0 };
}

async function accountCount(db: Db, accounts: SQL) {
  return (await one<{ n: number }>(db, sql`select count(*)::int as n from (${accounts}) x`))?.n ?? 0;
}

/** The actual of one KPI for one subject and range, always computed from the records. */
export async function computeActual(scope: Scope, spec: KpiSpec): Promise<Actual> {
  const { db, range: r } = scope;
  const accounts = subjectAccounts(
    scope.user,
    scope.kind,
    scope.id,
    spec.province ? sql`a.province = ${spec.province}` : sql`true`,
  );
  const none = (code: BasisCode): Actual => ({ value: null, missing: 'no_data', basis: basis(code) });
  switch (spec.kind) {
    case 'sales': {
      const s = await sales(db, accounts, r);
      return {
        value: num(s?.revenue) ?? 0,
        missing: null,
        basis: basis('orders', { orders: s?.orders ?? 0, accounts: s?.accounts ?? 0 }),
      };
    }
    case 'margin_rate': {
      const s = await sales(db, accounts, r);
      const revenue = num(s?.revenue) ?? 0;
      if (!revenue) return none('no_revenue');
      return {
        value: (revenue - (num(s?.cost) ?? 0)) / revenue,
        missing: null,
        basis: basis('orders', { orders: s?.orders ?? 0, accounts: s?.accounts ?? 0 }),
      };
    }
    case 'growth': {
      const [now, before] = await Promise.all([sales(db, accounts, r), sales(db, accounts, yearBefore(r))]);
      const prior = num(before?.revenue) ?? 0;
      if (!prior) return none('no_revenue_year_before');
      return {
        value: (num(now?.revenue) ?? 0) / prior - 1,
        missing: null,
        basis: basis('orders_vs_year_before', { orders: now?.orders ?? 0, before: before?.orders ?? 0 }),
      };
    }
    case 'share_of_wallet': {
      const row = await one<{ revenue: unknown; wallet: unknown; accounts: number }>(
        db,
        sql`select (select sum(o.amount) from orders o where ${liveOrder(r)} and o.account_id in
                      (select w.id from accounts w where w.id in (${accounts}) and w.wallet_estimate > 0)) as revenue,
                   sum(w.wallet_estimate)::float8 * ${daysIn(r)} / 365 as wallet, count(*)::int as accounts
              from accounts w where w.id in (${accounts}) and w.wallet_estimate > 0`,
      );
      const wallet = num(row?.wallet) ?? 0;
      if (!wallet) return none('no_wallet');
      return {
        value: (num(row?.revenue) ?? 0) / wallet,
        missing: null,
        basis: basis('wallet_accounts', { accounts: row?.accounts ?? 0 }),
      };
    }
    case 'satisfaction': {
      const row = await one<{ v: unknown; n: number }>(
        db,
        sql`select avg(s.score)::float8 as v, count(*)::int as n from surveys s
             where s.account_id in (${accounts}) and s.kind = 'csat' and s.score is not null
               and s.answered_at >= ${dayStart(r.from)} and s.answered_at < ${dayEnd(r.to)}`,
      );
      if (!row?.n) return none('no_csat');
      return { value: num(row.v), missing: null, basis: basis('csat_answers', { answers: row.n }) };
    }
    case 'complaint_sla_rate': {
      const row = await one<{ due: number; met: number }>(
        db,
        sql`select count(*) filter (where c.resolved_at is not null or c.resolution_due_at < now())::int as due,
                   count(*) filter (where c.resolved_at <= c.resolution_due_at)::int as met
              from complaints c where c.account_id in (${accounts}) and c.archived_at is null
               and c.received_at >= ${dayStart(r.from)} and c.received_at < ${dayEnd(r.to)}`,
      );
      if (!row?.due) return none('no_complaint_due');
      return {
        value: row.met / row.due,
        missing: null,
        basis: basis('complaints_in_time', { met: row.met, due: row.due }),
      };
    }
    case 'visit_coverage': {
      const row = await one<{ n: number; visited: number }>(
        db,
        sql`select count(*)::int as n, count(*) filter (where exists (
                     select 1 from interactions i where i.account_id = x.id and i.kind = 'visit' and i.archived_at is null
                       and i.occurred_at >= ${dayStart(r.from)} and i.occurred_at < ${dayEnd(r.to)}))::int as visited
              from accounts x where x.id in (${accounts}) and x.archived_at is null and x.lifecycle <> 'lost'`,
      );
      if (!row?.n) return none('no_accounts');
      return {
        value: row.visited / row.n,
        missing: null,
        basis: basis('accounts_visited', { visited: row.visited, accounts: row.n }),
      };
    }
    case 'relationship_coverage': {
      const row = await one<{ v: unknown; n: number }>(
        db,
        sql`select avg(cov.share)::float8 as v, count(*)::int as n from (${coverageRows(accounts, r)}) cov`,
      );
      if (!row?.n) return none('no_accounts');
      return {
        value: num(row.v),
        missing: null,
        basis: basis('accounts_covered', { accounts: row.n, roles: KEY_ROLES.length }),
      };
    }
    case 'plan_action_completion': {
      const row = await one<{ due: number; done: number }>(
        db,
        sql`select count(*)::int as due, count(*) filter (where q.counts)::int as done from (${planActions(accounts, r)}) q`,
      );
      if (!row?.due) return none('no_action_due');
      return {
        value: row.done / row.due,
        missing: null,
        basis: basis('actions_done', { done: row.done, due: row.due }),
      };
    }
    case 'custom': {
      const filtered = await customTotal(db, spec, accounts, r, true);
      if (spec.aggregation === 'per_account') {
        const n = await accountCount(db, accounts);
        if (!n) return none('no_accounts');
        return {
          value: filtered.value / n,
          missing: null,
          basis: basis('records_per_account', { records: filtered.records, accounts: n }),
        };
      }
      if (spec.aggregation === 'share_of_total') {
        const all = await customTotal(db, spec, subjectAccounts(scope.user, scope.kind, scope.id), r, false);
        if (!all.value) return none('nothing_in_total');
        return {
          value: filtered.value / all.value,
          missing: null,
          basis: basis('records_of_total', { records: filtered.records, total: all.records }),
        };
      }
      return { value: filtered.value, missing: null, basis: basis('records', { records: filtered.records }) };
    }
  }
}

/** Per account: the share of key roles held by a contact of strength ≥ 3 spoken to in the 90 days to the range's end. */
function coverageRows(accounts: SQL, r: Range): SQL {
  return sql`select x.id as account_id, x.name as account_name,
        coalesce((select count(distinct ct.decision_role) from contacts ct
                   where ct.account_id = x.id and ct.archived_at is null and ct.relationship_strength >= 3
                     and ct.decision_role in (${keyRoles})
                     and exists (select 1 from interactions i where i.account_id = x.id and i.archived_at is null
                                   and ct.id = any(i.contact_ids)
                                   and i.occurred_at >= ${dayStart(r.to)} - interval '90 days'
                                   and i.occurred_at < ${dayEnd(r.to)})), 0)::float8 / ${KEY_ROLES.length} as share
      from accounts x where x.id in (${accounts}) and x.archived_at is null and x.lifecycle <> 'lost'`;
}

/** Plan actions due in the period on live plans (cancelled ones left out); `counts` when done. */
const planActions = (accounts: SQL, r: Range) => sql`
  select pa.id, pa.account_id, a.name as account_name, pa.due_date as day, pa.title as label,
         null::float8 as value, null::float8 as secondary, pa.status = 'done' as counts
    from plan_actions pa join accounts a on a.id = pa.account_id
   where pa.account_id in (${accounts}) and pa.archived_at is null and pa.status <> 'cancelled'
     and pa.due_date between ${r.from}::date and ${r.to}::date
     and exists (select 1 from account_plans p where p.id = pa.plan_id and p.archived_at is null)`;

export type KpiRecordRow = {
  kind: 'order' | 'survey' | 'complaint' | 'account' | 'visit' | 'action';
  id: string;
  accountId: string;
  accountName: string;
  date: string | null;
  label: string;
  value: number | null;
  secondary: number | null;
  counts: boolean | null;
};

type Raw = Record<string, unknown>;
const toRecord =
  (kind: KpiRecordRow['kind']) =>
  (r: Raw): KpiRecordRow => ({
    kind,
    id: r.id as string,
    accountId: r.account_id as string,
    accountName: r.account_name as string,
    date: r.day ? isoDate(r.day) : null,
    label: (r.label as string) ?? '',
    value: num(r.value),
    secondary: num(r.secondary),
    counts: r.counts === null || r.counts === undefined ? null : Boolean(r.counts),
  });

/** The records behind an actual (largest first), and how many there are. */
export async function drillRecords(
  scope: Scope,
  spec: KpiSpec,
  limit: number,
): Promise<{ items: KpiRecordRow[]; total: number }> {
  const { db, range: r } = scope;
  const accounts = subjectAccounts(
    scope.user,
    scope.kind,
    scope.id,
    spec.province ? sql`a.province = ${spec.province}` : sql`true`,
  );
  const page = async (kind: KpiRecordRow['kind'], query: SQL, order: SQL) => {
    const [found, total] = await Promise.all([
      rows<Raw>(db, sql`select * from (${query}) q order by ${order} limit ${limit}`),
      one<{ n: number }>(db, sql`select count(*)::int as n from (${query}) q`),
    ]);
    return { items: found.map(toRecord(kind)), total: total?.n ?? 0 };
  };
  const orders = (value: SQL, secondary: SQL, lineFilter: SQL) =>
    page(
      'order',
      sql`select o.id, o.account_id, a.name as account_name, o.order_date as day, o.order_no as label,
                 ${value} as value, ${secondary} as secondary, null::boolean as counts
            from orders o join accounts a on a.id = o.account_id
           where o.account_id in (${accounts}) and ${liveOrder(r)} and ${lineFilter}`,
      sql`q.value desc nulls last, q.id`,
    );
  switch (spec.kind) {
    case 'sales':
    case 'margin_rate':
    case 'growth':
      return orders(sql`o.amount::float8`, sql`o.cost::float8`, sql`true`);
    case 'share_of_wallet':
      return page(
        'account',
        sql`select w.id, w.id as account_id, w.name as account_name, null::date as day, w.name as label,
                   coalesce((select sum(o.amount) from orders o where o.account_id = w.id and ${liveOrder(r)}), 0)::float8 as value,
                   w.wallet_estimate::float8 * ${daysIn(r)} / 365 as secondary, null::boolean as counts
              from accounts w where w.id in (${accounts}) and w.wallet_estimate > 0`,
        sql`q.value desc, q.id`,
      );
    case 'satisfaction':
      return page(
        'survey',
        sql`select s.id, s.account_id, a.name as account_name, (s.answered_at at time zone 'Asia/Shanghai')::date as day,
                   coalesce(s.comment, '') as label, s.score::float8 as value, null::float8 as secondary, null::boolean as counts
              from surveys s join accounts a on a.id = s.account_id
             where s.account_id in (${accounts}) and s.kind = 'csat' and s.score is not null
               and s.answered_at >= ${dayStart(r.from)} and s.answered_at < ${dayEnd(r.to)}`,
        sql`q.day desc, q.id`,
      );
    case 'complaint_sla_rate':
      return page(
        'complaint',
        sql`select c.id, c.account_id, a.name as account_name, (c.received_at at time zone 'Asia/Shanghai')::date as day,
                   c.title as label, null::float8 as value, null::float8 as secondary,
                   coalesce(c.resolved_at <= c.resolution_due_at, false) as counts
              from complaints c join accounts a on a.id = c.account_id
             where c.account_id in (${accounts}) and c.archived_at is null
               and (c.resolved_at is not null or c.resolution_due_at < now())
               and c.received_at >= ${dayStart(r.from)} and c.received_at < ${dayEnd(r.to)}`,
        sql`q.counts, q.day desc, q.id`,
      );
    case 'visit_coverage':
      return page(
        'account',
        sql`select x.id, x.id as account_id, x.name as account_name,
                   (select max(i.occurred_at at time zone 'Asia/Shanghai')::date from interactions i where i.account_id = x.id
                      and i.kind = 'visit' and i.archived_at is null
                      and i.occurred_at >= ${dayStart(r.from)} and i.occurred_at < ${dayEnd(r.to)}) as day,
                   x.name as label,
                   (select count(*) from interactions i where i.account_id = x.id and i.kind = 'visit' and i.archived_at is null
                      and i.occurred_at >= ${dayStart(r.from)} and i.occurred_at < ${dayEnd(r.to)})::float8 as value,
                   null::float8 as secondary, null::boolean as counts
              from accounts x where x.id in (${accounts}) and x.archived_at is null and x.lifecycle <> 'lost'`,
        sql`q.value, q.id`,
      );
    case 'relationship_coverage':
      return page(
        'account',
        sql`select cov.account_id as id, cov.account_id, cov.account_name, null::date as day, cov.account_name as label,
                   cov.share as value, null::float8 as secondary, null::boolean as counts
              from (${coverageRows(accounts, r)}) cov`,
        sql`q.value, q.id`,
      );
    case 'plan_action_completion':
      return page('action', planActions(accounts, r), sql`q.counts, q.day, q.id`);
    case 'custom': {
      const m = spec.measure as KpiMeasure;
      if (m === 'visits')
        return page(
          'visit',
          sql`select i.id, i.account_id, a.name as account_name, (i.occurred_at at time zone 'Asia/Shanghai')::date as day,
                     i.subject as label, 1::float8 as value, null::float8 as secondary, null::boolean as counts
                from interactions i join accounts a on a.id = i.account_id
               where i.account_id in (${accounts}) and i.kind = 'visit' and i.archived_at is null
                 and i.occurred_at >= ${dayStart(r.from)} and i.occurred_at < ${dayEnd(r.to)}`,
          sql`q.day desc, q.id`,
        );
      if (m === 'complaints')
        return page(
          'complaint',
          sql`select c.id, c.account_id, a.name as account_name, (c.received_at at time zone 'Asia/Shanghai')::date as day,
                     c.title as label, 1::float8 as value, null::float8 as secondary, null::boolean as counts
                from complaints c join accounts a on a.id = c.account_id
               where c.account_id in (${accounts}) and c.archived_at is null
                 and c.received_at >= ${dayStart(r.from)} and c.received_at < ${dayEnd(r.to)}`,
          sql`q.day desc, q.id`,
        );
      const lines = sql`from order_lines l where l.order_id = o.id and ${categoryFilter(spec.categoryId)}`;
      const value = m in lineMeasure ? sql`(select sum(${lineMeasure[m] as SQL})::float8 ${lines})` : sql`1::float8`;
      return orders(value, sql`o.amount::float8`, sql`exists (select 1 ${lines})`);
    }
  }
}
