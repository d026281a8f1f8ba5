import { sql } from 'drizzle-orm';
import { can } from '../../platform/access/index.js';
import { refreshRollupsForAccounts } from '../analytics/index.js';
import { createMissingAccounts, duplicates, keepBefore, resolveAccounts, writtenCounts } from './resolve.js';
import { type Applier, type RowError, STAGING } from './staging.js';

const S = sql.raw(STAGING);

/**
 * Order lines: one row per line, the order's header repeated on each. Accounts and products the
 * file names but the store lacks are created; lines without a line number are numbered by their
 * place in the file within their order, so re-importing the same file numbers them the same way and
 * no line is merged away. Upsert key: order number + line number.
 */
export const ordersApplier: Applier = {
  extraColumns:
    'account_id uuid, product_id uuid, order_id uuid, line_key int, header_date date, net_amount bigint, net_price bigint, net_discount bigint, net_cost bigint',
  async check(w) {
    const errors: RowError[] = [];
    await w.exec(sql`
      update ${S} s set line_key = coalesce(s.line_no, n.numbered)
        from (select row_no,
                     coalesce(max(line_no) over (partition by order_no), 0)
                       + row_number() over (partition by order_no, line_no is null order by row_no) as numbered
                from ${S}) n
       where n.row_no = s.row_no`);
    errors.push(...(await duplicates(w, 'order_no, line_key', 'line_no', "order_no || ' #' || line_key")));
    errors.push(...(await resolveAccounts(w, true)));
    await w.exec(sql`update ${S} s set product_id = p.id from products p where p.code = s.product_code`);
    const mayCreate = can(w.user, 'product.write');
    errors.push(
      ...(await w.select<RowError>(sql`
        select row_no as row, 'product_code' as column, product_code as value,
               ${mayCreate ? 'unknown product: give its name (产品名称) to create it' : 'unknown product: your role may not create products'}::text as reason
          from ${S} where product_id is null and ${mayCreate ? sql`product_name is null` : sql`true`}`)),
    );
    await w.exec(sql`update ${S} s set order_id = o.id from orders o where o.order_no = s.order_no`);
    errors.push(
      ...(await w.select<RowError>(sql`
        select s.row_no as row, 'order_no' as column, s.order_no as value,
               case when not (${w.scope('a')}) then 'order of a customer outside your scope'
                    else 'order belongs to another customer' end as reason
          from ${S} s join orders o on o.id = s.order_id join accounts a on a.id = o.account_id
         where not (${w.scope('a')}) or (s.account_id is not null and o.account_id <> s.account_id)`)),
    );
    errors.push(
      ...(await w.select<RowError>(sql`
        select row_no as row, 'amount' as column, null as value, 'amount (金额) or unit price (单价) required' as reason
          from ${S} where amount is null and unit_price is null`)),
    );
    return errors;
  },

  async apply(w) {
    // nobody else writes lines meanwhile, so the ids this batch takes are one range: undo needs it
    await w.exec(sql`lock table order_lines in share row exclusive mode`);
    const accountsCreated = await createMissingAccounts(w);
    const productsCreated = await createMissingProducts(w);
    await w.exec(
      sql`update ${S} s set product_id = p.id from products p where s.product_id is null and p.code = s.product_code`,
    );
    // the whole order takes the date of its first line; amounts are completed from what the row has
    await w.exec(sql`
      update ${S} s set header_date = h.order_date
        from (select distinct on (order_no) order_no, order_date from ${S} order by order_no, row_no) h
       where h.order_no = s.order_no`);
    await w.exec(sql`
      update ${S} s set
        net_price = coalesce(s.unit_price, round(s.amount / nullif(s.quantity, 0) / nullif(1 - coalesce(s.discount_rate, 0), 0)), 0),
        net_amount = coalesce(s.amount, round(s.unit_price * s.quantity)
                       - coalesce(s.discount, round(s.unit_price * s.quantity * coalesce(s.discount_rate, 0)), 0))`);
    await w.exec(sql`
      update ${S} s set
        net_discount = coalesce(s.discount, greatest(round(s.net_price * s.quantity) - s.net_amount, 0)),
        net_cost = coalesce(s.cost, s.net_amount - s.profit, round(s.quantity * p.standard_cost))
        from products p where p.id = s.product_id`);

    await keepBefore(w, 'orders', `t.order_no in (select order_no from ${STAGING})`);
    await w.exec(sql`
      insert into orders (account_id, order_no, order_date, due_date, channel, status, created_by, updated_by)
      select distinct on (order_no) account_id, order_no, header_date, due_date, coalesce(channel, 'direct'),
             coalesce(status, 'fulfilled'), ${w.user.id}::uuid, ${w.user.id}::uuid
        from ${S} order by order_no, row_no
      on conflict (order_no) do update set
        order_date = excluded.order_date,
        due_date = coalesce(excluded.due_date, orders.due_date),
        channel = excluded.channel, status = excluded.status,
        version = orders.version + 1, updated_at = now(), updated_by = excluded.updated_by
      where (orders.order_date, orders.due_date, orders.channel, orders.status)
            is distinct from (excluded.order_date, coalesce(excluded.due_date, orders.due_date), excluded.channel, excluded.status)`);
    await w.exec(
      sql`update ${S} s set order_id = o.id from orders o where s.order_id is null and o.order_no = s.order_no`,
    );

    const [before] = await w.select<{ id: number }>(sql`select coalesce(max(id), 0)::bigint as id from order_lines`);
    await w.exec(sql`
      insert into import_batch_changes (batch_id, entity, record_id, before)
      select ${w.batchId}::uuid, 'order_lines', l.id::text, to_jsonb(l)
        from order_lines l join ${S} s on s.order_id = l.order_id and s.line_key = l.line_no
       where (l.product_id, l.order_date, l.quantity, l.unit_price, l.discount, l.amount, l.cost)
             is distinct from (s.product_id, s.header_date, s.quantity, s.net_price, s.net_discount, s.net_amount, s.net_cost)`);
    const [lines] = await w.select<{ created: number; updated: number; total: number }>(sql`
      with up as (
        insert into order_lines (order_id, account_id, line_no, product_id, order_date, quantity, unit_price, discount, amount, cost)
        select order_id, account_id, line_key, product_id, header_date, quantity, net_price, net_discount, net_amount, net_cost
          from ${S}
        on conflict (order_id, line_no) do update set
          product_id = excluded.product_id, order_date = excluded.order_date, quantity = excluded.quantity,
          unit_price = excluded.unit_price, discount = excluded.discount, amount = excluded.amount, cost = excluded.cost
        where (order_lines.product_id, order_lines.order_date, order_lines.quantity, order_lines.unit_price,
               order_lines.discount, order_lines.amount, order_lines.cost)
              is distinct from (excluded.product_id, excluded.order_date, excluded.quantity, excluded.unit_price,
               excluded.discount, excluded.amount, excluded.cost)
        returning (xmax = 0) as inserted)
      select count(*) filter (where inserted)::int as created, count(*) filter (where not inserted)::int as updated,
             (select count(*) from ${S})::int as total
        from up`);
    const [after] = await w.select<{ id: number }>(sql`select coalesce(max(id), 0)::bigint as id from order_lines`);

    await w.exec(sql`
      update orders o set amount = t.amount, cost = t.cost, discount = t.discount,
             version = o.version + 1, updated_at = now(), updated_by = ${w.user.id}::uuid
        from (select l.order_id, sum(l.amount)::bigint as amount, sum(l.cost)::bigint as cost, sum(l.discount)::bigint as discount
                from order_lines l where l.order_id in (select distinct order_id from ${S}) group by l.order_id) t
       where o.id = t.order_id and (o.amount, o.cost, o.discount) is distinct from (t.amount, t.cost, t.discount)`);
    const orders = await writtenCounts(w, 'orders', `t.order_no in (select order_no from ${STAGING})`);
    await refreshRollupsForAccounts(w.session.db, sql`select distinct account_id from ${S}`);
    return {
      linesCreated: lines!.created,
      linesUpdated: lines!.updated,
      linesUnchanged: lines!.total - lines!.created - lines!.updated,
      ordersCreated: orders.created,
      ordersUpdated: orders.updated,
      ordersUnchanged: orders.unchanged,
      accountsCreated,
      productsCreated,
      linesAfterId: Number(before!.id),
      linesUpToId: Number(after!.id),
    };
  },
};

/** Products an order-lines file names but the store lacks, in their category (created when new too). */
async function createMissingProducts(w: Parameters<Applier['apply']>[0]): Promise<number> {
  await w.exec(sql`
    insert into product_categories (code, name, created_by, updated_by)
    select distinct coalesce(s.category, '未分类'), coalesce(s.category, '未分类'), ${w.user.id}::uuid, ${w.user.id}::uuid
      from ${S} s
     where s.product_id is null
       and not exists (select 1 from product_categories c where c.code = coalesce(s.category, '未分类') or c.name = coalesce(s.category, '未分类'))
    on conflict (code) do nothing`);
  const [r] = await w.select<{ n: number }>(sql`
    with fresh as (
      insert into products (code, name, category_id, list_price, standard_cost, created_by, updated_by)
      select distinct on (s.product_code) s.product_code, s.product_name,
             (select c.id from product_categories c where c.code = coalesce(s.category, '未分类') or c.name = coalesce(s.category, '未分类')
               order by (c.code = coalesce(s.category, '未分类')) desc limit 1),
             coalesce(s.unit_price, round(s.amount / nullif(s.quantity, 0)), 0),
             coalesce(round(coalesce(s.cost, s.amount - s.profit) / nullif(s.quantity, 0)), 0),
             ${w.user.id}::uuid, ${w.user.id}::uuid
        from ${S} s where s.product_id is null
       order by s.product_code, s.row_no
      returning id)
    select count(*)::int as n from fresh`);
  return r?.n ?? 0;
}
