import { type SQL, sql } from 'drizzle-orm';
import type { Database, Db } from '../../platform/db/index.js';
import { type Session, withSession } from '../../platform/db/session.js';

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
 * A rollup table, the query that loads it, and the slices of the account ids it is loaded in. On
 * PostgreSQL every slice loads on a connection of its own, since PostgreSQL will not parallelise an
 * INSERT … SELECT: the monthly table, with twice the rows to write, comes in two halves (uuids are
 * random, so halves by value are halves by count), the category table in one piece, so that the
 * three loads take about as long as each other.
 */
type Rollup = { table: string; columns: SQL; load: (where: SQL) => SQL; account: SQL; slices: readonly SQL[] };

const WHOLE = [sql`is not null`];
const HALVES = [
  sql`< '80000000-0000-0000-0000-000000000000'::uuid`,
  sql`>= '80000000-0000-0000-0000-000000000000'::uuid`,
];

const ROLLUPS: readonly Rollup[] = [
  {
    table: 'account_monthly',
    columns: MONTHLY_COLUMNS,
    load: monthlySelect,
    account: sql`o.account_id`,
    slices: HALVES,
  },
  {
    table: 'account_category_spend',
    columns: CATEGORY_COLUMNS,
    load: categorySelect,
    account: sql`l.account_id`,
    slices: WHOLE,
  },
];

/**
 * Rebuilds every rollup from the orders into fresh tables that replace the old ones in one commit:
 * readers see the old rows until then, never an empty table; order writes wait (their refresh needs
 * the old table, which the rebuild holds in share mode) and afterwards refresh the new one. The keys
 * are built once per table after the load, a sorted build that beats a million index insertions.
 *
 * On PostgreSQL the slices load on parallel connections (the pool needs two or more), each in its own
 * transaction into a table nobody reads yet; the swap is the one step the readers see.
 * The embedded store has one connection, so it does the same steps in one transaction.
 */
export async function recomputeRollups(database: Database): Promise<{ monthly: number; categories: number }> {
  const next = (r: Rollup) => `${r.table}_rebuild`;
  const prepare = async (session: Session) => {
    for (const r of ROLLUPS) {
      await session.query(`drop table if exists ${next(r)}`); // left by a rebuild that died mid-way
      await session.query(`create table ${next(r)} (like ${r.table})`);
    }
  };
  const load = async (session: Session, r: Rollup, slice: SQL) => {
    if (session.driver === 'postgres') {
      // the grouping fits in memory instead of spilling in batches; the rows are derived, so a crash
      // that loses this commit loses nothing a rerun cannot rebuild
      await session.query(`set local work_mem = '256MB'`);
      await session.query('set local synchronous_commit = off');
    }
    const rows = r.load(sql`${r.account} ${slice}`);
    return affected(await session.db.execute(sql`insert into ${sql.raw(next(r))} ${r.columns} ${rows}`));
  };
  /** The old table's keys and indexes, built on the new one under names of its own (renamed at the swap). */
  const key = async (session: Session, r: Rollup): Promise<string[]> => {
    if (session.driver === 'postgres') await session.query(`set local maintenance_work_mem = '512MB'`);
    const renames: string[] = [];
    // not-null constraints (their own kind on PGlite's PostgreSQL 17) came with the columns
    const constraints = await session.query<{ name: string; def: string }>(
      `select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
        where conrelid = $1::regclass and contype <> 'n' order by contype <> 'p', conname`,
      [r.table],
    );
    for (const c of constraints) {
      await session.query(`alter table ${next(r)} add constraint "${c.name}_rebuild" ${c.def}`);
      renames.push(`alter table ${r.table} rename constraint "${c.name}_rebuild" to "${c.name}"`);
    }
    const indexes = await session.query<{ name: string; def: string }>(
      `select i.relname as name, pg_get_indexdef(i.oid) as def from pg_index x join pg_class i on i.oid = x.indexrelid
        where x.indrelid = $1::regclass and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`,
      [r.table],
    );
    for (const index of indexes) {
      await session.query(
        index.def.replace(/INDEX (\S+) ON (\S+\.)?(\S+) /, (_m, name: string, schema = '') => {
          return `INDEX "${name.replaceAll('"', '')}_rebuild" ON ${schema}${next(r)} `;
        }),
      );
      renames.push(`alter index "${index.name}_rebuild" rename to "${index.name}"`);
    }
    await session.query(`analyze ${next(r)}`);
    return renames;
  };
  const swap = async (session: Session, renames: string[][]) => {
    for (const [i, r] of ROLLUPS.entries()) {
      await session.query(`drop table ${r.table}`);
      await session.query(`alter table ${next(r)} rename to ${r.table}`);
      for (const rename of renames[i] ?? []) await session.query(rename);
    }
  };
  const counts = (loaded: number[][]) => {
    const [monthly = 0, categories = 0] = loaded.map((slices) => slices.reduce((a, b) => a + b, 0));
    return { monthly, categories };
  };

  if (database.driver === 'pglite') {
    return withSession(database, async (session) => {
      await prepare(session);
      const built = [];
      for (const r of ROLLUPS) {
        const slices = [];
        for (const slice of r.slices) slices.push(await load(session, r, slice));
        built.push({ slices, renames: await key(session, r) });
      }
      await swap(
        session,
        built.map((b) => b.renames),
      );
      return counts(built.map((b) => b.slices));
    });
  }
  return withSession(database, async (owner) => {
    // one rebuild at a time; from here on no order write can change the old rollups under us
    await owner.query(`select pg_advisory_xact_lock(hashtext('kamap.recomputeRollups'))`);
    await owner.query(`lock table ${ROLLUPS.map((r) => r.table).join(', ')} in share mode`);
    await withSession(database, prepare);
    // a table's key is built as soon as its own slices are in, while the other table still loads
    const built = await Promise.all(
      ROLLUPS.map(async (r) => {
        const slices = await Promise.all(r.slices.map((slice) => withSession(database, (s) => load(s, r, slice))));
        return { slices, renames: await withSession(database, (s) => key(s, r)) };
      }),
    );
    await owner.query('set local synchronous_commit = off');
    await swap(
      owner,
      built.map((b) => b.renames),
    );
    return counts(built.map((b) => b.slices));
  }).catch(async (err: unknown) => {
    // the half-built tables are nobody's (once no other rebuild runs); the next rebuild drops them too
    await withSession(database, async (s) => {
      await s.query(`select pg_advisory_xact_lock(hashtext('kamap.recomputeRollups'))`);
      for (const r of ROLLUPS) await s.query(`drop table if exists ${next(r)}`);
    }).catch(() => {});
    throw err;
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
