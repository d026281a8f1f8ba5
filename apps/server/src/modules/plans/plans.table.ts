import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, trackedColumns } from '../../platform/db/columns.js';
import { accounts } from '../accounts/accounts.table.js';
import { competitors } from '../competitors/competitors.table.js';
import { contacts } from '../contacts/contacts.table.js';
import { orgUnits } from '../org/org.table.js';
import { productCategories } from '../products/products.table.js';
import { users } from '../users/users.table.js';

const strategyEnum = ['product', 'price', 'promotion', 'channel'] as const;

/**
 * One account plan per account and year (DOMAIN.md, plans). Goals, SWOT and the four strategies'
 * texts are documents; actions and plan items are rows so they can be queried (overdue, completion).
 */
export const accountPlans = pgTable(
  'account_plans',
  {
    id: idColumn(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    year: smallint('year').notNull(),
    title: text('title').notNull(),
    /** the tier whose template the plan started from; a strategic tier makes approval necessary */
    tier: text('tier', { enum: ['strategic', 'core', 'general'] }).notNull(),
    status: text('status', { enum: ['draft', 'submitted', 'approved', 'closed'] })
      .notNull()
      .default('draft'),
    goals: jsonb('goals').notNull(),
    swot: jsonb('swot').notNull(),
    strategies: jsonb('strategies').notNull(),
    /** the current revision; every adjustment after approval adds one */
    revision: integer('revision').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvalNote: text('approval_note'),
    ...trackedColumns(),
  },
  (t) => [
    uniqueIndex('account_plans_account_year_uq').on(t.accountId, t.year).where(sql`archived_at is null`),
    // a plan's account, from the index alone (the map joins open actions to their plans' accounts)
    index('account_plans_live_idx').on(t.id, t.accountId).where(sql`archived_at is null`),
  ],
);

/** An action under one of the four strategies: who, by when, with what, and how far it got. */
export const planActions = pgTable(
  'plan_actions',
  {
    id: idColumn(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => accountPlans.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    strategy: text('strategy', { enum: strategyEnum }).notNull(),
    title: text('title').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    dueDate: date('due_date').notNull(),
    status: text('status', { enum: ['not_started', 'in_progress', 'done', 'cancelled'] })
      .notNull()
      .default('not_started'),
    resources: text('resources'),
    budget: bigint('budget', { mode: 'number' }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    ...trackedColumns(),
  },
  (t) => [
    index('plan_actions_plan_idx').on(t.planId),
    index('plan_actions_due_idx').on(t.status, t.dueDate),
    // open actions by due day with their plan: the map's overdue actions from the index alone
    index('plan_actions_open_due_idx')
      .on(t.dueDate, t.planId)
      .where(sql`archived_at is null and status in ('not_started', 'in_progress')`),
    index('plan_actions_owner_idx').on(t.ownerId, t.dueDate),
  ],
);

/** Long-term agreements, joint R&D projects and benefit-sharing arrangements (seed 001). */
export const planItems = pgTable(
  'plan_items',
  {
    id: idColumn(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => accountPlans.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    kind: text('kind', { enum: ['long_term_agreement', 'joint_rd', 'benefit_sharing'] }).notNull(),
    title: text('title').notNull(),
    terms: text('terms').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    ...trackedColumns(),
  },
  (t) => [index('plan_items_plan_idx').on(t.planId)],
);

/**
 * A plan's revisions: the whole plan as it stood (snapshot), and for an adjustment (策略调整) why it
 * changed and who changed it. Revision 1 follows the draft until approval.
 */
export const planVersions = pgTable(
  'plan_versions',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => accountPlans.id),
    revision: integer('revision').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    reasonKind: text('reason_kind', {
      enum: ['initial', 'customer_feedback', 'market_change', 'competition', 'performance_gap', 'other'],
    }).notNull(),
    reason: text('reason'),
    changedBy: uuid('changed_by').references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.revision] })],
);

/** A deal at an account, staged along the customer's buying stages (DOMAIN.md, opportunities). */
export const opportunities = pgTable(
  'opportunities',
  {
    id: idColumn(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    title: text('title').notNull(),
    kind: text('kind', { enum: ['new_business', 'cross_sell', 'upsell', 'renewal'] }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull().default('CNY'),
    categoryIds: uuid('category_ids').array().notNull().default(sql`'{}'::uuid[]`),
    expectedClose: date('expected_close').notNull(),
    probability: smallint('probability').notNull(),
    stage: text('stage', { enum: ['awareness', 'consideration', 'decision', 'purchase', 'renewal'] }).notNull(),
    status: text('status', { enum: ['open', 'won', 'lost'] })
      .notNull()
      .default('open'),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    competitorId: uuid('competitor_id').references(() => competitors.id),
    closeReason: text('close_reason'),
    closedOn: date('closed_on'),
    /** a recommendation it came from: the run, the category, and the evidence as it was */
    sourceKind: text('source_kind', { enum: ['manual', 'recommendation'] })
      .notNull()
      .default('manual'),
    sourceRunId: uuid('source_run_id'),
    sourceCategoryId: uuid('source_category_id').references(() => productCategories.id),
    sourceEvidence: jsonb('source_evidence'),
    ...trackedColumns(),
  },
  (t) => [
    index('opportunities_account_idx').on(t.accountId, t.status),
    index('opportunities_close_idx').on(t.status, t.expectedClose),
  ],
);

/** The buying centre: who takes part, in which decision role, and their stance at each stage. */
export const opportunityContacts = pgTable(
  'opportunity_contacts',
  {
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    stage: text('stage', { enum: ['awareness', 'consideration', 'decision', 'purchase', 'renewal'] }).notNull(),
    role: text('role').notNull(),
    stance: text('stance', { enum: ['champion', 'supporter', 'neutral', 'sceptic', 'opponent'] }).notNull(),
    note: text('note'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.opportunityId, t.contactId, t.stage] })],
);

/** Monthly sales targets of an org unit or a KAM, the line the weighted forecast is held against. */
export const salesTargets = pgTable(
  'sales_targets',
  {
    id: idColumn(),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    userId: uuid('user_id').references(() => users.id),
    month: date('month').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('sales_targets_unit_month_uq').on(t.orgUnitId, t.month).where(sql`user_id is null`),
    uniqueIndex('sales_targets_user_month_uq').on(t.userId, t.month).where(sql`org_unit_id is null`),
  ],
);

/** Contracts with an account; a renewal alert watches their end dates. */
export const contracts = pgTable(
  'contracts',
  {
    id: idColumn(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    kind: text('kind', { enum: ['framework', 'long_term_agreement', 'maintenance', 'project'] }).notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
    currency: text('currency').notNull().default('CNY'),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    renewalTerms: text('renewal_terms'),
    autoRenew: boolean('auto_renew').notNull().default(false),
    noticeDays: integer('notice_days'),
    /** set when a follow-on contract was signed: the alert then stays quiet */
    renewedById: uuid('renewed_by_id'),
    ...trackedColumns(),
  },
  (t) => [
    uniqueIndex('contracts_code_uq').on(t.code),
    index('contracts_account_idx').on(t.accountId),
    index('contracts_end_idx').on(t.endDate),
  ],
);

export const contractPlanItems = pgTable(
  'contract_plan_items',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    planItemId: uuid('plan_item_id')
      .notNull()
      .references(() => planItems.id),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.planItemId] })],
);
