import type { CreateOrder, OrderListQuery, UpdateOrder } from '@kamap/contracts';
import { inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountIdInScope, assertCan, type Principal } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { isoDate, isoDateOrNull, isoTimestamp, isoTimestampOrNull, one, rows } from '../../platform/db/index.js';
import { versionedUpdate } from '../../platform/db/versioned.js';
import { AppError } from '../../platform/errors.js';
import { afterCursor, orderBy, sortSpec, toPage } from '../../platform/http/paging.js';
import { assertAccountInScope } from '../accounts/index.js';
import { refreshAccountRollups } from '../analytics/index.js';
import { products } from '../products/index.js';
import { orderLines, orders } from './orders.table.js';

/** Orders a user may see: those of accounts in scope; an agent only the orders placed through it. */
export function orderScope(user: Principal, alias = 'o'): SQL {
  const o = sql.raw(alias);
  const base = accountIdInScope(user, sql`${o}.account_id`);
  return user.role === 'agent' ? sql`(${base} and ${o}.agent_id = ${user.agentId})` : base;
}

type Row = Record<string, unknown> & {
  id: string;
  account_id: string;
  order_no: string;
  order_date: unknown;
  amount: number;
  cost: number;
  paid_amount: number;
  due_date: unknown;
  paid_date: unknown;
};

const select = sql`
  select o.*, a.name as account_name, sr.display_name as sales_rep_name,
    (select count(*) from order_lines l where l.order_id = o.id)::int as line_count,
    case when o.due_date < current_date and o.paid_amount < o.amount and o.status <> 'cancelled'
      then (current_date - o.due_date) end as days_overdue
  from orders o join accounts a on a.id = o.account_id left join users sr on sr.id = o.sales_rep_id`;

const toSummary = (r: Row) => ({
  id: r.id,
  accountId: r.account_id,
  accountName: r.account_name as string,
  orderNo: r.order_no,
  orderDate: isoDate(r.order_date),
  channel: r.channel as 'direct' | 'agent',
  agentId: r.agent_id as string | null,
  salesRep: r.sales_rep_id ? { id: r.sales_rep_id as string, displayName: (r.sales_rep_name as string) ?? '' } : null,
  status: r.status as 'open' | 'fulfilled' | 'cancelled',
  amount: r.amount,
  cost: r.cost,
  margin: r.amount - r.cost,
  dueDate: isoDateOrNull(r.due_date),
  paidDate: isoDateOrNull(r.paid_date),
  paidAmount: r.paid_amount,
  outstanding: r.status === 'cancelled' ? 0 : Math.max(r.amount - r.paid_amount, 0),
  daysOverdue: (r.days_overdue as number | null) ?? null,
  lineCount: r.line_count as number,
});

export async function listOrders(ctx: Ctx, q: z.infer<typeof OrderListQuery>) {
  const spec = sortSpec(q.sort, { orderDate: sql`o.order_date`, amount: sql`o.amount` });
  const filter = sql.join(
    [
      orderScope(ctx.user),
      q.includeArchived ? undefined : sql`o.archived_at is null`,
      q.accountId ? sql`o.account_id = ${q.accountId}` : undefined,
      q.from ? sql`o.order_date >= ${q.from}` : undefined,
      q.to ? sql`o.order_date <= ${q.to}` : undefined,
      q.status ? sql`o.status = ${q.status}` : undefined,
      q.unpaid ? sql`(o.paid_amount < o.amount and o.status <> 'cancelled')` : undefined,
      q.overdue ? sql`(o.paid_amount < o.amount and o.status <> 'cancelled' and o.due_date < current_date)` : undefined,
      q.q ? sql`o.order_no ilike ${`%${q.q}%`}` : undefined,
    ].filter((p) => p !== undefined),
    sql` and `,
  );
  const [fetched, total] = await Promise.all([
    rows<Row>(
      ctx.db,
      sql`${select} where ${filter} and ${afterCursor(spec, sql`o.id`, q.cursor)} order by ${orderBy(spec, sql`o.id`)} limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(ctx.db, sql`select count(*)::int as n from orders o where ${filter}`),
  ]);
  const value = (r: Row) => (spec.key === 'amount' ? r.amount : isoDate(r.order_date));
  return toPage(fetched, q.limit, (r) => [value(r), r.id], toSummary, total?.n ?? 0);
}

export async function getOrder(ctx: Ctx, id: string) {
  const r = await one<Row>(ctx.db, sql`${select} where o.id = ${id} and ${orderScope(ctx.user)}`);
  if (!r) throw AppError.notFound('Order');
  const lines = await rows<Record<string, unknown>>(
    ctx.db,
    sql`select l.*, p.code as product_code, p.name as product_name from order_lines l join products p on p.id = l.product_id
        where l.order_id = ${id} order by l.line_no`,
  );
  return {
    ...toSummary(r),
    currency: r.currency as string,
    lines: lines.map((l) => ({
      id: l.id as number,
      lineNo: l.line_no as number,
      productId: l.product_id as string,
      productCode: l.product_code as string,
      productName: l.product_name as string,
      quantity: String(l.quantity),
      unitPrice: l.unit_price as number,
      discount: l.discount as number,
      amount: l.amount as number,
      cost: l.cost as number,
      margin: l.margin as number,
    })),
    version: r.version as number,
    createdAt: isoTimestamp(r.created_at),
    updatedAt: isoTimestamp(r.updated_at),
    archivedAt: isoTimestampOrNull(r.archived_at),
  };
}

/** Prices a line: list price unless given, amount = quantity × unit price − discount, cost from the standard cost. */
export async function createOrder(ctx: Ctx, input: z.infer<typeof CreateOrder>) {
  assertCan(ctx.user, 'order.write');
  await assertAccountInScope(ctx, input.accountId).catch(() => {
    throw AppError.invalid('body.accountId', 'no such account');
  });
  if (input.channel === 'agent' && !input.agentId)
    throw AppError.invalid('body.agentId', 'an agent order names its agent');
  const ids = [...new Set(input.lines.map((l) => l.productId))];
  const found = await ctx.db.select().from(products).where(inArray(products.id, ids));
  const byId = new Map(found.map((p) => [p.id, p]));
  const priced = input.lines.map((l, i) => {
    const p = byId.get(l.productId);
    if (!p) throw AppError.invalid(`body.lines.${i}.productId`, 'no such product');
    const unitPrice = l.unitPrice ?? p.listPrice;
    const gross = Math.round(l.quantity * unitPrice);
    if (l.discount > gross) throw AppError.invalid(`body.lines.${i}.discount`, 'larger than the line amount');
    return {
      lineNo: i + 1,
      productId: p.id,
      quantity: String(l.quantity),
      unitPrice,
      discount: l.discount,
      amount: gross - l.discount,
      cost: l.cost ?? Math.round(l.quantity * p.standardCost),
    };
  });
  const amount = priced.reduce((s, l) => s + l.amount, 0);
  const cost = priced.reduce((s, l) => s + l.cost, 0);
  const discount = priced.reduce((s, l) => s + l.discount, 0);
  const id = await ctx.db.transaction(async (tx) => {
    const { lines: _lines, ...header } = input;
    const [row] = await tx
      .insert(orders)
      .values({ ...header, amount, cost, discount, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .returning({ id: orders.id });
    await tx
      .insert(orderLines)
      .values(priced.map((l) => ({ ...l, orderId: row!.id, accountId: input.accountId, orderDate: input.orderDate })));
    await refreshAccountRollups(tx, input.accountId, [input.orderDate], row!.id);
    await audit(withDb(ctx, tx), 'order.create', 'order', row!.id, { accountId: input.accountId, amount });
    return row!.id;
  });
  return getOrder(ctx, id);
}

export async function updateOrder(ctx: Ctx, id: string, input: z.infer<typeof UpdateOrder>) {
  assertCan(ctx.user, 'order.write');
  const current = await getOrder(ctx, id);
  const { version, ...fields } = input;
  if ((fields.paidAmount ?? current.paidAmount) > current.amount) {
    throw AppError.invalid('body.paidAmount', 'more than the order amount');
  }
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, orders, 'Order', id, version, fields);
    await refreshAccountRollups(tx, current.accountId, [current.orderDate], id);
    await audit(withDb(ctx, tx), 'order.update', 'order', id, { fields: Object.keys(fields) });
  });
  return getOrder(ctx, id);
}

export async function archiveOrder(ctx: Ctx, id: string, version: number) {
  assertCan(ctx.user, 'order.write');
  const current = await getOrder(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, orders, 'Order', id, version, { archivedAt: new Date() });
    await refreshAccountRollups(tx, current.accountId, [current.orderDate], id);
    await audit(withDb(ctx, tx), 'order.archive', 'order', id);
  });
}

/** The timeline source for orders, with the caller's order scope (an agent sees its own orders only). */
export const orderTimelineSource = (accountId: string, user: Principal) =>
  sql`select 'order' as kind, o.id::text as id, o.order_date::timestamptz as at, o.order_no as title, o.status as subtype,
             o.amount, o.sales_rep_id as actor_id, u.display_name as actor_name
      from orders o left join users u on u.id = o.sales_rep_id
      where o.account_id = ${accountId} and o.archived_at is null and ${orderScope(user)}`;
