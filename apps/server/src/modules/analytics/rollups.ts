import { type SQL, sql } from 'drizzle-orm';
import { suspendConstraints } from '../../platform/db/bulk-load.js';
import type { Database, Db } from '../../platform/db/index.js';
import { withSession } from '../../platform/db/session.js';

/**
 * Per-account rollups (ARCHITECTURE.md §6), aggregated in SQL, never in JavaScript. Only live orders
 * count: not archived, not cancelled. An order write refreshes the rows it can have touched, from
 * the orders themselves rather than by adding deltas, so the rollups cannot drift from the truth.
 */

const LIVE_ORDER = sql`o.archived_at is null and o.status <> 'cancelled'`;

const monthlySelect = (where: SQL) => sql`
  select o.account_id, date_trunc('month', o.order_date)::date as month,
         sum(o.amount), sum(o.cost), sum(o.discount), count(*)::int,
         (count(*) filter (where o.discount > 0))::int, min(o.order_date), max(o.order_date)
    from orders o
   where ${LIVE_ORDER} and ${where}
   group by 1, 2`;

/** Lines of cancelled or archived orders are left out: a hash anti-join in a recompute, key lookups for one account. */
const categorySelect = (where: SQL) => sql`
  select l.account_id, p.category_id, sum(l.amount), sum(l.amount - l.cost), count(*)::int, max(l.order_date)
    from order_lines l
    join products p on p.id = l.product_id
   where ${where}
     and not exists (select 1 from orders o where o.id = l.order_id and not (${LIVE_ORDER}))
   group by 1, 2`;

const MONTHLY_COLUMNS = sql`(account_id, month, revenue, cost, discount, orders, discounted_orders, first_order, last_order)`;
const CATEGORY_COLUMNS = sql`(account_id, category_id, revenue, margin, lines, last_order)`;

/** The reference for the benchmark: the same aggregates as `recomputeRollups`, computed but not stored. */
export const rollupReferenceQuery = sql`
  select (select count(*) from (${monthlySelect(sql`true`)}) m) + (select count(*) from (${categorySelect(sql`true`)}) c) as rows`;

/**
 * Rebuilds every rollup from the orders. Each table is rebuilt in its own transaction (readers and
 * order writes wait for it, then see the new rows): emptied, loaded, then its keys rebuilt, since one sorted index
 * build beats millions of random inserts. On PostgreSQL the two tables load at the same time on two
 * connections, which is the parallelism an INSERT … SELECT does not get from the planner.
 */
export async function recomputeRollups(database: Database): Promise<{ monthly: number; categories: number }> {
  const monthly = () =>
    rebuild(
      database,
      'account_monthly',
      sql`insert into account_monthly ${MONTHLY_COLUMNS} ${monthlySelect(sql`true`)}`,
    );
  const categories = () =>
    rebuild(
      database,
      'account_category_spend',
      sql`insert into account_category_spend ${CATEGORY_COLUMNS} ${categorySelect(sql`true`)}`,
    );
  if (database.driver === 'postgres') {
    const [m, c] = await Promise.all([monthly(), categories()]);
    return { monthly: m, categories: c };
  }
  return { monthly: await monthly(), categories: await categories() };
}

async function rebuild(database: Database, table: string, load: SQL): Promise<number> {
  return withSession(database, async (session) => {
    if (session.driver === 'postgres') {
      // the grouping fits in memory instead of spilling in batches; the rows are derived, so a crash
      // that loses this commit loses nothing a rerun cannot rebuild
      await session.query(`set local work_mem = '256MB'`);
      await session.query('set local synchronous_commit = off');
    }
    await session.query(`truncate ${table}`);
    const suspended = await suspendConstraints(session.query, session.driver, [table], { primaryKeys: true });
    const loaded = affected(await session.db.execute(load));
    await suspended.restore();
    if (session.driver === 'postgres') await session.query(`analyze ${table}`);
    return loaded;
  });
}

function affected(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
}

/**
 * After an order is created, changed or archived: refresh that account's rows for the order's month
 * (and a previous month when the order date moved) and for the categories on the order's lines.
 * Runs inside the order's transaction, so the rollups commit or roll back with it.
 */
export async function refreshAccountRollups(
  tx: Db,
  accountId: string,
  orderDates: readonly string[],
  orderId: string,
): Promise<void> {
  const firsts = [...new Set(orderDates.map((d) => `${d.slice(0, 7)}-01`))];
  const months = sql.join(
    firsts.map((m) => sql`${m}::date`),
    sql`, `,
  );
  const inMonths = sql.join(
    firsts.map((m) => sql`(o.order_date >= ${m}::date and o.order_date < ${m}::date + interval '1 month')`),
    sql` or `,
  );
  const categories = sql`(select distinct p.category_id from order_lines l join products p on p.id = l.product_id
                          where l.order_id = ${orderId})`;
  // one statement, one round trip: upsert the recomputed rows, delete those left without live orders
  // (the two touch different keys, so their order within the statement does not matter)
  await tx.execute(sql`
    with m as (
      ${monthlySelect(sql`o.account_id = ${accountId} and (${inMonths})`)}
    ), c as (
      ${categorySelect(sql`l.account_id = ${accountId} and p.category_id in ${categories}`)}
    ), gone_m as (
      delete from account_monthly x where x.account_id = ${accountId} and x.month in (${months})
         and not exists (select 1 from m where m.month = x.month)
    ), gone_c as (
      delete from account_category_spend x where x.account_id = ${accountId} and x.category_id in ${categories}
         and not exists (select 1 from c where c.category_id = x.category_id)
    ), put_m as (
      insert into account_monthly ${MONTHLY_COLUMNS} select * from m
      on conflict (account_id, month) do update set
        revenue = excluded.revenue, cost = excluded.cost, discount = excluded.discount, orders = excluded.orders,
        discounted_orders = excluded.discounted_orders, first_order = excluded.first_order, last_order = excluded.last_order
    )
    insert into account_category_spend ${CATEGORY_COLUMNS} select * from c
    on conflict (account_id, category_id) do update set
      revenue = excluded.revenue, margin = excluded.margin, lines = excluded.lines, last_order = excluded.last_order`);
}

/**
 * After a bulk write (an import): refresh every rollup row of the accounts `accountIds` selects, set
 * based, inside the caller's transaction. Cheaper than a recompute while the batch touches a part of
 * the accounts, and atomic with the batch (a recompute commits on its own connections).
 */
export async function refreshRollupsForAccounts(tx: Db, accountIds: SQL): Promise<void> {
  await tx.execute(sql`delete from account_monthly where account_id in (${accountIds})`);
  await tx.execute(
    sql`insert into account_monthly ${MONTHLY_COLUMNS} ${monthlySelect(sql`o.account_id in (${accountIds})`)}`,
  );
  await tx.execute(sql`delete from account_category_spend where account_id in (${accountIds})`);
  await tx.execute(
    sql`insert into account_category_spend ${CATEGORY_COLUMNS} ${categorySelect(sql`l.account_id in (${accountIds})`)}`,
  );
}
