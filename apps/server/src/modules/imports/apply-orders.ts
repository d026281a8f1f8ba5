import { sql } from 'drizzle-orm';
import { can } from '../../platform/access/index.js';
import { suspendConstraints } from '../../platform/db/bulk-load.js';
import type { Session } from '../../platform/db/session.js';
import { refreshRollupsForAccounts } from '../analytics/index.js';
import { createMissingAccounts, duplicates, keepBefore, resolveAccounts } from './resolve.js';
import {
  type Applier,
  type ApplyContext,
  type Collector,
  copyWriter,
  type RowError,
  STAGING,
  scratchTable,
} from './staging.js';

const S = sql.raw(STAGING);
/** One row per order (its first line in the file): the header, its customer, and what became of it. */
const HEADS = 'import_order_heads';
const H = sql.raw(HEADS);
/** One row per product code (its first line): what a product created from the file is made of. */
const PRODUCTS = 'import_products';
const P = sql.raw(PRODUCTS);

function affected(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
}

/**
 * While the file streams by: each line gets its line number (its own, or its place among its order's
 * lines in the file, so a re-import numbers it the same and no line is merged away) and its net
 * price, discount and amount; each order's first line becomes its header and each product code's first
 * line its description, in two small side tables. So the SQL that follows never rewrites the big
 * staging table: it joins it once, into order_lines.
 */
function ordersCollector(): Collector {
  const seen = new Map<string, number>();
  const products = new Set<string>();
  let heads: ReturnType<typeof copyWriter>;
  let productRows: ReturnType<typeof copyWriter>;
  let lastOrder: string | null = null;
  return {
    columns: [
      ['line_key', 'int'],
      ['net_price', 'bigint'],
      ['net_discount', 'bigint'],
      ['net_amount', 'bigint'],
      ['net_cost', 'bigint'],
    ],
    async open(session: Session) {
      await scratchTable(
        session,
        HEADS,
        `row_no int, order_no text, order_date date, due_date date, channel text, status text, account_code text,
         account_name text, credit_code text, account_id uuid, order_id uuid, existed boolean not null default false`,
      );
      await scratchTable(
        session,
        PRODUCTS,
        'product_code text, product_name text, category text, unit_price bigint, unit_cost bigint, product_id uuid, standard_cost bigint',
      );
      heads = copyWriter(session, HEADS, [
        'row_no',
        'order_no',
        'order_date',
        'due_date',
        'channel',
        'status',
        'account_code',
        'account_name',
        'credit_code',
      ]);
      productRows = copyWriter(session, PRODUCTS, [
        'product_code',
        'product_name',
        'category',
        'unit_price',
        'unit_cost',
      ]);
    },
    async row(v, rowNo) {
      const orderNo = v.order_no as string;
      const count = (seen.get(orderNo) ?? 0) + 1;
      seen.set(orderNo, count);
      const quantity = Number(v.quantity);
      const rate = v.discount_rate === null || v.discount_rate === undefined ? 0 : Number(v.discount_rate);
      const given = (k: string) => (v[k] === null || v[k] === undefined ? null : (v[k] as number));
      let price = given('unit_price');
      let amount = given('amount');
      if (price === null && amount === null) {
        return { row: rowNo, column: 'amount', value: null, reason: '缺少金额或单价 / amount or unit price required' };
      }
      if (price === null) price = quantity && rate < 1 ? Math.round(amount! / quantity / (1 - rate)) : 0;
      const gross = Math.round(price * quantity);
      if (amount === null) amount = gross - (given('discount') ?? Math.round(gross * rate));
      const discount = given('discount') ?? Math.max(gross - amount, 0);
      const cost = given('cost') ?? (given('profit') === null ? null : amount - given('profit')!);
      if (orderNo !== lastOrder) {
        lastOrder = orderNo;
        await heads.add([
          rowNo,
          orderNo,
          v.order_date,
          v.due_date,
          v.channel,
          v.status,
          v.account_code,
          v.account_name,
          v.credit_code,
        ]);
      }
      const code = v.product_code as string;
      if (!products.has(code)) {
        products.add(code);
        await productRows.add([
          code,
          v.product_name,
          v.category,
          price,
          cost === null || !quantity ? null : Math.round(cost / quantity),
        ]);
      }
      return [v.line_no ?? count, price, discount, amount, cost];
    },
    async close() {
      await heads.flush();
      await productRows.flush();
    },
  };
}

/** Errors found on a header or a product, reported on every line they stop. */
async function onLines(w: ApplyContext, join: string, found: RowError[]): Promise<RowError[]> {
  if (!found.length) return [];
  return w.select<RowError>(sql`
    select s.row_no as row, e.col as column, e.val as value, e.reason
      from ${S} s join ${sql.raw(join)}
      join unnest(${`{${found.map((f) => f.row).join(',')}}`}::int[], ${pgText(found.map((f) => f.column))}::text[],
                  ${pgText(found.map((f) => f.value))}::text[], ${pgText(found.map((f) => f.reason))}::text[])
           as e(r, col, val, reason) on e.r = k.row_no`);
}

function pgText(values: (string | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/(["\\])/g, '\\$1')}"`)).join(',')}}`;
}

/**
 * Order lines: one row per line, the order's header repeated on each (the first line's header is the
 * order's). Accounts and products the file names but the store lacks are created. Upsert key: order
 * number + line number.
 */
export const ordersApplier: Applier = {
  extraColumns: '',
  collector: ordersCollector,
  async check(w) {
    const errors: RowError[] = [];
    await w.exec(sql`delete from ${H} a using ${H} b where a.order_no = b.order_no and a.row_no > b.row_no`);
    await w.exec(sql`analyze ${H}`);
    if (w.mapped.has('line_no')) {
      errors.push(...(await duplicates(w, 'order_no, line_key', 'line_no', "order_no || ' #' || line_key")));
    }
    errors.push(...(await onLines(w, `${HEADS} k on k.order_no = s.order_no`, await resolveAccounts(w, true, HEADS))));

    await w.exec(
      sql`update ${P} t set product_id = p.id, standard_cost = p.standard_cost from products p where p.code = t.product_code`,
    );
    const mayCreate = can(w.user, 'product.write');
    errors.push(
      ...(await w.select<RowError>(sql`
        select s.row_no as row, 'product_code' as column, s.product_code as value,
               ${mayCreate ? '产品不存在：填写产品名称即可新建 / unknown product: give its name to create it' : '产品不存在，您的角色不能新建产品 / unknown product: your role may not create products'}::text as reason
          from ${S} s join ${P} t on t.product_code = s.product_code
         where t.product_id is null and ${mayCreate ? sql`t.product_name is null` : sql`true`}`)),
    );

    await w.exec(sql`update ${H} h set order_id = o.id, existed = true from orders o where o.order_no = h.order_no`);
    const foreign = await w.select<RowError>(sql`
      select h.row_no as row, 'order_no' as column, h.order_no as value,
             case when not (${w.scope('a')}) then '订单所属客户不在您的权限范围内 / order of a customer outside your scope'
                  else '订单属于另一个客户 / order belongs to another customer' end as reason
        from ${H} h join orders o on o.id = h.order_id join accounts a on a.id = o.account_id
       where not (${w.scope('a')}) or (h.account_id is not null and o.account_id <> h.account_id)`);
    errors.push(...(await onLines(w, `${HEADS} k on k.order_no = s.order_no`, foreign)));
    return errors;
  },

  async apply(w) {
    // nobody else writes lines meanwhile, so the ids this batch takes are one range: undo needs it
    await w.exec(sql`lock table order_lines in share row exclusive mode`);
    await w.exec(sql`delete from ${H} h where not exists (select 1 from ${S} s where s.order_no = h.order_no)`);
    const accountsCreated = await createMissingAccounts(w, HEADS);
    const productsCreated = await createMissingProducts(w);

    const existing = await w.select<{ n: number }>(sql`select count(*)::int as n from ${H} where existed`);
    const anyExisting = existing[0]!.n > 0;
    if (anyExisting) await keepBefore(w, 'orders', `t.id in (select order_id from ${HEADS} where existed)`);
    // new orders get their totals from their lines here; existing ones are summed again after the lines
    await w.exec(sql`
      insert into orders (account_id, order_no, order_date, due_date, channel, status, amount, cost, discount, created_by, updated_by)
      select h.account_id, h.order_no, h.order_date, h.due_date, coalesce(h.channel, 'direct'), coalesce(h.status, 'fulfilled'),
             coalesce(t.amount, 0), coalesce(t.cost, 0), coalesce(t.discount, 0), ${w.user.id}::uuid, ${w.user.id}::uuid
        from ${H} h
        left join (select s.order_no, sum(s.net_amount)::bigint as amount,
                          sum(coalesce(s.net_cost, round(s.quantity * p.standard_cost)))::bigint as cost,
                          sum(s.net_discount)::bigint as discount
                     from ${S} s join ${P} p on p.product_code = s.product_code group by s.order_no) t on t.order_no = h.order_no
      on conflict (order_no) do update set
        order_date = excluded.order_date,
        due_date = coalesce(excluded.due_date, orders.due_date),
        channel = excluded.channel, status = excluded.status,
        version = orders.version + 1, updated_at = now(), updated_by = excluded.updated_by
      where (orders.order_date, orders.due_date, orders.channel, orders.status)
            is distinct from (excluded.order_date, coalesce(excluded.due_date, orders.due_date), excluded.channel, excluded.status)`);
    await w.exec(
      sql`update ${H} h set order_id = o.id from orders o where h.order_id is null and o.order_no = h.order_no`,
    );

    const [before] = await w.select<{ id: number }>(sql`select coalesce(max(id), 0)::bigint as id from order_lines`);
    const lineValues = sql`
      select h.order_id, h.account_id, s.line_key, p.product_id, h.order_date, s.quantity, s.net_price, s.net_discount, s.net_amount,
             coalesce(s.net_cost, round(s.quantity * p.standard_cost))::bigint
        from ${S} s join ${H} h on h.order_no = s.order_no join ${P} p on p.product_code = s.product_code`;
    let linesUpdated = 0;
    let linesWritten: number;
    if (anyExisting) {
      linesUpdated = affected(
        await w.session.db.execute(sql`
          insert into import_batch_changes (batch_id, entity, record_id, before)
          select ${w.batchId}::uuid, 'order_lines', l.id::text, to_jsonb(l)
            from (${lineValues} and h.existed) n(order_id, account_id, line_no, product_id, order_date, quantity, unit_price, discount, amount, cost)
            join order_lines l on l.order_id = n.order_id and l.line_no = n.line_no
           where (l.product_id, l.order_date, l.quantity, l.unit_price, l.discount, l.amount, l.cost)
                 is distinct from (n.product_id, n.order_date, n.quantity, n.unit_price, n.discount, n.amount, n.cost)`),
      );
      linesWritten = affected(
        await w.session.db.execute(sql`
          insert into order_lines (order_id, account_id, line_no, product_id, order_date, quantity, unit_price, discount, amount, cost)
          ${lineValues}
          on conflict (order_id, line_no) do update set
            product_id = excluded.product_id, order_date = excluded.order_date, quantity = excluded.quantity,
            unit_price = excluded.unit_price, discount = excluded.discount, amount = excluded.amount, cost = excluded.cost
          where (order_lines.product_id, order_lines.order_date, order_lines.quantity, order_lines.unit_price,
                 order_lines.discount, order_lines.amount, order_lines.cost)
                is distinct from (excluded.product_id, excluded.order_date, excluded.quantity, excluded.unit_price,
                 excluded.discount, excluded.amount, excluded.cost)`),
      );
      await w.exec(sql`
        update orders o set amount = t.amount, cost = t.cost, discount = t.discount,
               version = o.version + 1, updated_at = now(), updated_by = ${w.user.id}::uuid
          from (select l.order_id, sum(l.amount)::bigint as amount, sum(l.cost)::bigint as cost, sum(l.discount)::bigint as discount
                  from order_lines l where l.order_id in (select order_id from ${H} where existed) group by l.order_id) t
         where o.id = t.order_id and (o.amount, o.cost, o.discount) is distinct from (t.amount, t.cost, t.discount)`);
    } else {
      // every order is new: no line can conflict, so a plain insert; a batch as large as the table
      // goes in without the table's indexes and foreign keys, rebuilt and checked once afterwards
      const bulk = await isBulk(w);
      const suspended = bulk ? await suspendConstraints(w.session.query, w.session.driver, ['order_lines']) : null;
      linesWritten = affected(
        await w.session.db.execute(sql`
          insert into order_lines (order_id, account_id, line_no, product_id, order_date, quantity, unit_price, discount, amount, cost)
          ${lineValues}`),
      );
      await suspended?.restore();
    }
    const [after] = await w.select<{ id: number }>(sql`select coalesce(max(id), 0)::bigint as id from order_lines`);
    const [orders] = await w.select<{ created: number; updated: number; total: number }>(sql`
      select count(*) filter (where not h.existed)::int as created,
             count(*) filter (where h.existed and o.updated_at = now())::int as updated,
             count(*)::int as total
        from ${H} h join orders o on o.id = h.order_id`);
    const [lines] = await w.select<{ n: number }>(sql`select count(*)::int as n from ${S}`);
    await refreshRollupsForAccounts(w.session.db, sql`select distinct account_id from ${H}`);
    return {
      linesCreated: linesWritten - linesUpdated,
      linesUpdated,
      linesUnchanged: lines!.n - linesWritten,
      ordersCreated: orders!.created,
      ordersUpdated: orders!.updated,
      ordersUnchanged: orders!.total - orders!.created - orders!.updated,
      accountsCreated,
      productsCreated,
      linesAfterId: Number(before!.id),
      linesUpToId: Number(after!.id),
    };
  },
};

/** Below this many lines per-row index upkeep costs less than rebuilding order_lines' indexes. */
const BULK_LINES = 10_000;

/**
 * Whether this batch's lines are many enough, against the lines already stored, for the bulk-load
 * path: dropping order_lines' secondary indexes and foreign keys, inserting, then rebuilding them
 * sorted and validating each key with one join. Every line's parents were resolved by this import
 * in this transaction, so the per-row checks would only repeat that work. The rebuild reads the
 * whole table, so it pays only when the batch is at least as large as what is there; it takes the
 * table's exclusive lock until the commit, and like everything else it is undone by a rollback.
 */
async function isBulk(w: ApplyContext): Promise<boolean> {
  const [found] = await w.select<{ staged: number; stored: number }>(sql`
    select (select count(*)::int from ${S}) as staged,
           greatest((select reltuples from pg_class where oid = 'order_lines'::regclass), 0)::float8 as stored`);
  return found!.staged >= BULK_LINES && found!.staged >= Number(found!.stored);
}

/** Products an order-lines file names but the store lacks, in their category (created when new too). */
async function createMissingProducts(w: ApplyContext): Promise<number> {
  const category = sql`coalesce(t.category, '未分类')`;
  await w.exec(sql`
    insert into product_categories (code, name, created_by, updated_by)
    select distinct ${category}, ${category}, ${w.user.id}::uuid, ${w.user.id}::uuid
      from ${P} t
     where t.product_id is null
       and not exists (select 1 from product_categories c where c.code = ${category} or c.name = ${category})
    on conflict (code) do nothing`);
  const created = affected(
    await w.session.db.execute(sql`
      insert into products (code, name, category_id, list_price, standard_cost, created_by, updated_by)
      select t.product_code, t.product_name,
             (select c.id from product_categories c where c.code = ${category} or c.name = ${category}
               order by (c.code = ${category}) desc limit 1),
             coalesce(t.unit_price, 0), coalesce(t.unit_cost, 0), ${w.user.id}::uuid, ${w.user.id}::uuid
        from ${P} t where t.product_id is null`),
  );
  await w.exec(sql`update ${P} t set product_id = p.id, standard_cost = p.standard_cost from products p
                    where t.product_id is null and p.code = t.product_code`);
  return created;
}
