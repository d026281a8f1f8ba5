import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, trackedColumns } from '../../platform/db/columns.js';
import { accounts } from '../accounts/accounts.table.js';
import { users } from '../users/users.table.js';

const tierEnum = ['strategic', 'core', 'general'] as const;

/** Thresholds per tier (a missing row means the built-in defaults). */
export const alertSettings = pgTable('alert_settings', {
  tier: text('tier', { enum: tierEnum }).primaryKey(),
  thresholds: jsonb('thresholds').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/**
 * One alert per account and rule while it is not resolved (the partial unique index is the
 * deduplication); the evaluation refreshes its reason and data while the condition holds.
 */
export const alerts = pgTable(
  'alerts',
  {
    id: idColumn(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    rule: text('rule', {
      enum: [
        'churn_risk',
        'revenue_drop',
        'receivable_overdue',
        'sla_breached',
        'no_contact',
        'care_overdue',
        'contract_expiring',
        'channel_conflict',
      ],
    }).notNull(),
    tier: text('tier', { enum: tierEnum }).notNull(),
    status: text('status', { enum: ['open', 'acknowledged', 'snoozed', 'resolved'] })
      .notNull()
      .default('open'),
    severity: text('severity', { enum: ['warning', 'critical'] }).notNull(),
    reason: text('reason').notNull(),
    data: jsonb('data').notNull(),
    link: text('link').notNull(),
    ownerId: uuid('owner_id').references(() => users.id),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    snoozedUntil: timestamp('snoozed_until', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    /** Set once the alert went out by webhook, so a target hears of it once. */
    pushedAt: timestamp('pushed_at', { withTimezone: true }),
    ...trackedColumns(),
  },
  (t) => [
    uniqueIndex('alerts_open_account_rule_uq').on(t.accountId, t.rule).where(sql`status <> 'resolved'`),
    index('alerts_status_seen_idx').on(t.status, t.lastSeenAt),
  ],
);

/** Which user has opened which alert: the inbox's unread count. */
export const alertReads = pgTable(
  'alert_reads',
  {
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.alertId, t.userId] })],
);

/** Group robots of WeCom, DingTalk and Feishu; the URL's host must be on the allow-list. */
export const webhookTargets = pgTable('webhook_targets', {
  id: idColumn(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['wecom', 'dingtalk', 'feishu'] }).notNull(),
  url: text('url').notNull(),
  secret: text('secret'),
  minSeverity: text('min_severity', { enum: ['warning', 'critical'] })
    .notNull()
    .default('warning'),
  enabled: boolean('enabled').notNull().default(true),
  ...trackedColumns(),
});

/** Hosts an admin allowed outgoing webhooks to; private and loopback addresses only with `allow_private`. */
export const webhookAllowedHosts = pgTable('webhook_allowed_hosts', {
  host: text('host').primaryKey(),
  allowPrivate: boolean('allow_private').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by').references(() => users.id),
});

/** Every webhook push and digest e-mail, with its outcome. */
export const alertDeliveries = pgTable(
  'alert_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    channel: text('channel', { enum: ['webhook', 'email'] }).notNull(),
    target: text('target').notNull(),
    targetId: uuid('target_id'),
    status: text('status', { enum: ['sent', 'failed', 'refused'] }).notNull(),
    attempts: integer('attempts').notNull(),
    alertIds: uuid('alert_ids').array().notNull().default(sql`'{}'::uuid[]`),
    httpStatus: integer('http_status'),
    error: text('error'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('alert_deliveries_at_idx').on(t.at)],
);
