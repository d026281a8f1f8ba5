import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, trackedColumns } from '../../platform/db/columns.js';
import { accounts } from '../accounts/accounts.table.js';
import { products } from '../products/products.table.js';

/** A price list for a period; the latest one valid on a day gives that day's list price. */
export const priceLists = pgTable('price_lists', {
  id: idColumn(),
  name: text('name').notNull(),
  currency: text('currency').notNull().default('CNY'),
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to'),
  note: text('note'),
  ...trackedColumns(),
});

export const priceListItems = pgTable(
  'price_list_items',
  {
    priceListId: uuid('price_list_id')
      .notNull()
      .references(() => priceLists.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    listPrice: bigint('list_price', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.priceListId, t.productId] }), index('price_list_items_product_idx').on(t.productId)],
);

/** An account-specific price for a product, valid for a period (综合服务协议). */
export const priceAgreements = pgTable(
  'price_agreements',
  {
    id: idColumn(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    price: bigint('price', { mode: 'number' }).notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to').notNull(),
    note: text('note'),
    ...trackedColumns(),
  },
  (t) => [index('price_agreements_account_idx').on(t.accountId, t.productId)],
);

/**
 * A request to sell below the effective price. `requiredLevel` comes from the approval chain
 * (depth × tier) at the time of the request; `guidance` is the evidence shown to the approver.
 */
export const discountRequests = pgTable(
  'discount_requests',
  {
    id: idColumn(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    quantity: numeric('quantity', { precision: 14, scale: 3 }).notNull(),
    basePrice: bigint('base_price', { mode: 'number' }).notNull(),
    requestedPrice: bigint('requested_price', { mode: 'number' }).notNull(),
    unitCost: bigint('unit_cost', { mode: 'number' }).notNull(),
    discountPct: numeric('discount_pct', { precision: 6, scale: 2 }).notNull(),
    tier: text('tier', { enum: ['strategic', 'core', 'general'] }).notNull(),
    requiredLevel: text('required_level', { enum: ['kam', 'director', 'admin'] }).notNull(),
    reason: text('reason').notNull(),
    belowCostJustification: text('below_cost_justification'),
    status: text('status', { enum: ['pending', 'approved', 'rejected', 'countered', 'withdrawn'] }).notNull(),
    guidance: jsonb('guidance').notNull(),
    churnRisk: integer('churn_risk'),
    recommendation: text('recommendation', { enum: ['approve', 'counter_offer', 'decline'] }).notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    counterOffer: text('counter_offer'),
    requestedBy: uuid('requested_by').notNull(),
    ...trackedColumns(),
  },
  (t) => [
    index('discount_requests_account_idx').on(t.accountId),
    index('discount_requests_status_idx').on(t.status, t.requiredLevel),
    index('discount_requests_decided_idx').on(t.decidedAt),
  ],
);

/** Approval chain and guidance thresholds; every change is a new version. */
export const pricingRules = pgTable('pricing_rules', {
  version: integer('version').primaryKey(),
  rules: jsonb('rules').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type DiscountRequestRow = typeof discountRequests.$inferSelect;
