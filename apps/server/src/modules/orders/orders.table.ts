import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, trackedColumns } from '../../platform/db/columns.js';
import { accounts } from '../accounts/accounts.table.js';
import { agents } from '../channels/channels.table.js';
import { products } from '../products/products.table.js';
import { users } from '../users/users.table.js';

/** An order with its invoice terms: due date, paid date and paid amount make receivables and payment habits. */
export const orders = pgTable(
  'orders',
  {
    id: idColumn(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    orderNo: text('order_no').notNull(),
    orderDate: date('order_date').notNull(),
    channel: text('channel', { enum: ['direct', 'agent'] })
      .notNull()
      .default('direct'),
    agentId: uuid('agent_id').references(() => agents.id),
    salesRepId: uuid('sales_rep_id').references(() => users.id),
    currency: text('currency').notNull().default('CNY'),
    amount: bigint('amount', { mode: 'number' }).notNull().default(0),
    cost: bigint('cost', { mode: 'number' }).notNull().default(0),
    /** Sum of the lines' discounts: how much of the list price this order gave away. */
    discount: bigint('discount', { mode: 'number' }).notNull().default(0),
    dueDate: date('due_date'),
    paidDate: date('paid_date'),
    paidAmount: bigint('paid_amount', { mode: 'number' }).notNull().default(0),
    status: text('status', { enum: ['open', 'fulfilled', 'cancelled'] })
      .notNull()
      .default('fulfilled'),
    ...trackedColumns(),
  },
  (t) => [
    uniqueIndex('orders_order_no_uq').on(t.orderNo),
    index('orders_account_date_idx').on(t.accountId, t.orderDate),
  ],
);

/** Order lines: money in fen; `margin` is derived so it can never disagree with amount and cost. */
export const orderLines = pgTable(
  'order_lines',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    orderDate: date('order_date').notNull(),
    quantity: numeric('quantity', { precision: 14, scale: 3 }).notNull(),
    unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
    discount: bigint('discount', { mode: 'number' }).notNull().default(0),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    cost: bigint('cost', { mode: 'number' }).notNull(),
    margin: bigint('margin', { mode: 'number' }).generatedAlwaysAs(sql`amount - cost`),
  },
  (t) => [
    uniqueIndex('order_lines_order_line_uq').on(t.orderId, t.lineNo),
    index('order_lines_account_date_idx').on(t.accountId, t.orderDate),
    index('order_lines_product_idx').on(t.productId),
  ],
);
