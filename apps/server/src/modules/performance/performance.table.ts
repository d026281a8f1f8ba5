import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, trackedColumns } from '../../platform/db/columns.js';
import { accounts } from '../accounts/accounts.table.js';
import { productCategories } from '../products/products.table.js';
import { users } from '../users/users.table.js';

/**
 * What a KPI measures. Built-in kinds are computed by fixed queries; `custom` is an aggregate of one
 * measure from a fixed list, optionally narrowed by product category and province (never free SQL).
 */
export const kpiDefinitions = pgTable(
  'kpi_definitions',
  {
    id: idColumn(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', {
      enum: [
        'sales',
        'margin_rate',
        'growth',
        'share_of_wallet',
        'satisfaction',
        'complaint_sla_rate',
        'visit_coverage',
        'relationship_coverage',
        'plan_action_completion',
        'custom',
      ],
    }).notNull(),
    unit: text('unit', { enum: ['money', 'ratio', 'score', 'count'] }).notNull(),
    higherIsBetter: boolean('higher_is_better').notNull().default(true),
    /** attainment at or above `green_at` is green, at or above `amber_at` amber, below red */
    greenAt: doublePrecision('green_at').notNull().default(1),
    amberAt: doublePrecision('amber_at').notNull().default(0.9),
    measure: text('measure', {
      enum: [
        'revenue',
        'margin',
        'cost',
        'discount',
        'quantity',
        'orders',
        'ordering_accounts',
        'visits',
        'complaints',
      ],
    }),
    aggregation: text('aggregation', { enum: ['total', 'per_account', 'share_of_total'] }),
    categoryId: uuid('category_id').references(() => productCategories.id),
    province: text('province'),
    builtIn: boolean('built_in').notNull().default(false),
    ...trackedColumns(),
  },
  (t) => [uniqueIndex('kpi_definitions_code_uq').on(t.code)],
);

/**
 * A target for one KPI, one subject and one period ('2026', '2026-Q4' or '2026-11'). Subjects: an
 * account, a KAM (the accounts they own), a team (accounts owned by the members of an org unit) or an
 * org unit (the accounts of its subtree). Only targets are typed in; actuals are always computed.
 */
export const kpiTargets = pgTable(
  'kpi_targets',
  {
    id: idColumn(),
    kpiId: uuid('kpi_id')
      .notNull()
      .references(() => kpiDefinitions.id),
    subjectKind: text('subject_kind', { enum: ['account', 'kam', 'team', 'org_unit'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    period: text('period').notNull(),
    target: doublePrecision('target').notNull(),
    ...trackedColumns(),
  },
  (t) => [
    uniqueIndex('kpi_targets_subject_uq')
      .on(t.kpiId, t.subjectKind, t.subjectId, t.period)
      .where(sql`archived_at is null`),
    index('kpi_targets_period_idx').on(t.period, t.subjectKind),
  ],
);

/** Cost-to-serve rates and incentive points: one row, changed by admins, each change audited. */
export const performanceSettings = pgTable('performance_settings', {
  id: integer('id').primaryKey().default(1),
  visitCost: bigint('visit_cost', { mode: 'number' }).notNull(),
  complaintCost: jsonb('complaint_cost').notNull(),
  incentivePoints: jsonb('incentive_points').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/**
 * A periodic review (step 5) of an account, a KAM or a team. `account_id` is set for account reviews
 * and `org_unit_id` for all, so the scope filter needs no join through the subject.
 */
export const reviews = pgTable(
  'reviews',
  {
    id: idColumn(),
    subjectKind: text('subject_kind', { enum: ['account', 'kam', 'team'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    accountId: uuid('account_id').references(() => accounts.id),
    orgUnitId: uuid('org_unit_id').notNull(),
    period: text('period').notNull(),
    heldOn: date('held_on').notNull(),
    summary: text('summary'),
    status: text('status', { enum: ['draft', 'closed'] })
      .notNull()
      .default('draft'),
    /** its gaps by status, kept by the database's triggers as the gaps are written (migration 0018) */
    greenGaps: integer('green_gaps').notNull().default(0),
    amberGaps: integer('amber_gaps').notNull().default(0),
    redGaps: integer('red_gaps').notNull().default(0),
    ...trackedColumns(),
  },
  (t) => [
    uniqueIndex('reviews_subject_period_uq').on(t.subjectKind, t.subjectId, t.period).where(sql`archived_at is null`),
    index('reviews_account_idx').on(t.accountId),
    // a subject's reviews in the order they were held: "the next review" of an improvement action
    index('reviews_subject_held_idx').on(t.subjectKind, t.subjectId, t.heldOn).where(sql`archived_at is null`),
    // the subjects whose actions' effects the rollup triggers recount (migration 0018) are found by id
    index('reviews_subject_idx').on(t.subjectId),
  ],
);

/** A KPI gap as it stood when the review took its snapshot: later orders do not rewrite history. */
export const reviewGaps = pgTable(
  'review_gaps',
  {
    id: idColumn(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    kpiId: uuid('kpi_id')
      .notNull()
      .references(() => kpiDefinitions.id),
    target: doublePrecision('target').notNull(),
    actual: doublePrecision('actual'),
    gap: doublePrecision('gap'),
    attainment: doublePrecision('attainment'),
    status: text('status', { enum: ['green', 'amber', 'red', 'none'] }).notNull(),
    snapshotAt: timestamp('snapshot_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('review_gaps_review_kpi_uq').on(t.reviewId, t.kpiId),
    // the map's step 5 reads a review's gap statuses (and a KPI's at the next review) from the index alone
    index('review_gaps_review_status_idx').on(t.reviewId, t.kpiId, t.status),
  ],
);

/** A cause found in the problem analysis, with its 5-whys or fishbone notes and the records behind it. */
export const reviewCauses = pgTable(
  'review_causes',
  {
    id: idColumn(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    kpiId: uuid('kpi_id').references(() => kpiDefinitions.id),
    category: text('category', {
      enum: ['product', 'price', 'service', 'relationship', 'competition', 'internal_process'],
    }).notNull(),
    method: text('method', { enum: ['five_whys', 'fishbone'] }).notNull(),
    statement: text('statement').notNull(),
    whys: text('whys').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes'),
    /** [{ kind: 'order' | 'complaint' | 'interaction' | 'need', id }] — checked to belong to the review's accounts */
    evidence: jsonb('evidence').notNull().default(sql`'[]'::jsonb`),
    ...trackedColumns(),
  },
  (t) => [index('review_causes_review_idx').on(t.reviewId)],
);

/** An improvement action: its effect is read at the subject's next review, on the KPI it addresses. */
export const reviewActions = pgTable(
  'review_actions',
  {
    id: idColumn(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    causeId: uuid('cause_id').references(() => reviewCauses.id),
    kpiId: uuid('kpi_id').references(() => kpiDefinitions.id),
    measure: text('measure').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    dueDate: date('due_date').notNull(),
    status: text('status', { enum: ['open', 'in_progress', 'done', 'cancelled'] })
      .notNull()
      .default('open'),
    doneOn: date('done_on'),
    /**
     * Its effect: the status of its KPI at the subject's next review (null while there is none, or the
     * KPI has no gap there), kept by the database's triggers as reviews and gaps are written (0018).
     */
    effectStatus: text('effect_status', { enum: ['green', 'amber', 'red', 'none'] }),
    ...trackedColumns(),
  },
  (t) => [index('review_actions_review_idx').on(t.reviewId), index('review_actions_owner_idx').on(t.ownerId)],
);
