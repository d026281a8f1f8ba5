import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn } from '../../platform/db/columns.js';
import { accounts } from '../accounts/accounts.table.js';
import { productCategories } from '../products/products.table.js';
import { users } from '../users/users.table.js';

/** Every version of the model configuration is kept; the highest is current. */
export const analysisConfigs = pgTable('analysis_configs', {
  version: integer('version').primaryKey(),
  config: jsonb('config').notNull(),
  note: text('note'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Per account and calendar month: what it bought (live orders only). Kept current when an order is
 * written, rebuilt in full by a recompute; every window (12 months, RFM, ABC) sums these rows.
 * The rollups carry no foreign keys: every row is derived from orders that do, and a recompute
 * replaces the tables whole, which a key on the accounts would make wait on every account write.
 */
export const accountMonthly = pgTable(
  'account_monthly',
  {
    accountId: uuid('account_id').notNull(),
    month: date('month').notNull(),
    revenue: bigint('revenue', { mode: 'number' }).notNull(),
    cost: bigint('cost', { mode: 'number' }).notNull(),
    discount: bigint('discount', { mode: 'number' }).notNull(),
    orders: integer('orders').notNull(),
    discountedOrders: integer('discounted_orders').notNull(),
    firstOrder: date('first_order').notNull(),
    lastOrder: date('last_order').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.month] })],
);

/** Per account and product category, all time: the whitespace grid's "bought" and co-purchase baskets. */
export const accountCategorySpend = pgTable(
  'account_category_spend',
  {
    accountId: uuid('account_id').notNull(),
    categoryId: uuid('category_id').notNull(),
    revenue: bigint('revenue', { mode: 'number' }).notNull(),
    margin: bigint('margin', { mode: 'number' }).notNull(),
    lines: integer('lines').notNull(),
    lastOrder: date('last_order').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.categoryId] })],
);

export const analysisRuns = pgTable(
  'analysis_runs',
  {
    id: idColumn(),
    asOf: date('as_of').notNull(),
    configVersion: integer('config_version')
      .notNull()
      .references(() => analysisConfigs.version),
    trigger: text('trigger', { enum: ['cli', 'api', 'schedule'] }).notNull(),
    status: text('status', { enum: ['running', 'done', 'failed'] }).notNull(),
    previousRunId: uuid('previous_run_id'),
    summary: jsonb('summary'),
    error: text('error'),
    startedBy: uuid('started_by').references(() => users.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('analysis_runs_started_idx').on(t.startedAt)],
);

/** One row per account per run: the headline columns for lists and diffs, the rest (the "why") in details. */
export const analysisResults = pgTable(
  'analysis_results',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => analysisRuns.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    score: doublePrecision('score').notNull(),
    computedTier: text('computed_tier', { enum: ['strategic', 'core', 'general'] }).notNull(),
    tier: text('tier', { enum: ['strategic', 'core', 'general'] }).notNull(),
    abc: text('abc', { enum: ['A', 'B', 'C', 'D'] }).notNull(),
    revenue: bigint('revenue', { mode: 'number' }).notNull(),
    margin: bigint('margin', { mode: 'number' }).notNull(),
    r: smallint('r').notNull(),
    f: smallint('f').notNull(),
    m: smallint('m').notNull(),
    segment: text('segment').notNull(),
    churnRisk: smallint('churn_risk').notNull(),
    clv: bigint('clv', { mode: 'number' }),
    quadrant: text('quadrant').notNull(),
    details: jsonb('details').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.accountId] }),
    index('analysis_results_account_idx').on(t.accountId),
    index('analysis_results_run_score_idx').on(t.runId, t.score),
    // the map's figures and portfolio read these columns of a whole run: an index-only scan instead of
    // the wide rows (each carries its `details`)
    index('analysis_results_map_idx').on(t.runId, t.accountId, t.tier, t.abc, t.churnRisk, t.revenue, t.margin),
    // the accounts at churn risk in a run (the map's attention list)
    index('analysis_results_run_churn_idx').on(t.runId, t.churnRisk, t.accountId),
    // the portfolio's largest accounts: walk the run by revenue until the filter has given enough
    index('analysis_results_run_revenue_idx').on(t.runId, t.revenue.desc().nullsFirst(), t.accountId),
  ],
);

/**
 * A run's results summed by what the map filters and groups on: the account's org unit, industry and
 * province (as they are now), tier, ABC class and revenue band (16 a decade, `analysis_revenue_band`);
 * with the at-risk and tier-move counts against the run before and the key accounts' contact coverage.
 * The map's steps 1 and 3 and its portfolio read these instead of joining 100,000 accounts to the run.
 * Kept by triggers (migration 0017) in the transaction that writes results, moves an account or
 * changes a contact, so every writer (a run, an override, an import, a restore) keeps them true.
 */
export const analysisCells = pgTable(
  'analysis_cells',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => analysisRuns.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id').notNull(),
    industry: text('industry'),
    province: text('province'),
    tier: text('tier', { enum: ['strategic', 'core', 'general'] }).notNull(),
    abc: text('abc', { enum: ['A', 'B', 'C', 'D'] }).notNull(),
    band: smallint('band').notNull(),
    accounts: integer('accounts').notNull(),
    revenue: bigint('revenue', { mode: 'number' }).notNull(),
    margin: bigint('margin', { mode: 'number' }).notNull(),
    atRisk: integer('at_risk').notNull(),
    atRiskRevenue: bigint('at_risk_revenue', { mode: 'number' }).notNull(),
    movedUp: integer('moved_up').notNull(),
    movedDown: integer('moved_down').notNull(),
    /** strategic and core accounts with at most one contact of strength ≥ 3 (contacts as they are now) */
    singleThreaded: integer('single_threaded').notNull(),
    /** strategic and core accounts with no decision maker or economic buyer of strength ≥ 3 */
    decisionUncovered: integer('decision_uncovered').notNull(),
  },
  (t) => [
    unique('analysis_cells_key')
      .on(t.runId, t.orgUnitId, t.industry, t.province, t.tier, t.abc, t.band)
      .nullsNotDistinct(),
  ],
);

/** Cross-sell recommendations a run found: category for account, because of a co-purchase with evidence. */
export const analysisRecommendations = pgTable(
  'analysis_recommendations',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => analysisRuns.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => productCategories.id),
    becauseCategoryId: uuid('because_category_id')
      .notNull()
      .references(() => productCategories.id),
    support: doublePrecision('support').notNull(),
    confidence: doublePrecision('confidence').notNull(),
    lift: doublePrecision('lift').notNull(),
    peers: integer('peers').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.accountId, t.categoryId] })],
);

/** A manual tier that wins over the computed one until it expires; history stays in the audit log. */
export const tierOverrides = pgTable('tier_overrides', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id),
  tier: text('tier', { enum: ['strategic', 'core', 'general'] }).notNull(),
  reason: text('reason').notNull(),
  expiresAt: date('expires_at'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
