import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, trackedColumns } from '../../platform/db/columns.js';
import { accounts } from '../accounts/accounts.table.js';
import { contacts } from '../contacts/contacts.table.js';
import { users } from '../users/users.table.js';

const tierEnum = ['strategic', 'core', 'general'] as const;
const severityEnum = ['low', 'medium', 'high', 'critical'] as const;
const statusEnum = ['open', 'in_progress', 'resolved', 'closed'] as const;

/** Response and resolution hours per tier × severity; a missing cell falls back to the built-in default. */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    tier: text('tier', { enum: tierEnum }).notNull(),
    severity: text('severity', { enum: severityEnum }).notNull(),
    responseHours: integer('response_hours').notNull(),
    resolutionHours: integer('resolution_hours').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.tier, t.severity] })],
);

/**
 * A complaint (投诉). `first_owner_id` is who received it (首问负责制) and never changes; the due times
 * are fixed when it is received, from the tier and severity it had then.
 */
export const complaints = pgTable(
  'complaints',
  {
    id: idColumn(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    contactId: uuid('contact_id').references(() => contacts.id),
    title: text('title').notNull(),
    description: text('description'),
    severity: text('severity', { enum: severityEnum }).notNull(),
    channel: text('channel', { enum: ['phone', 'email', 'wechat', 'visit', 'web', 'other'] }).notNull(),
    status: text('status', { enum: statusEnum }).notNull().default('open'),
    tier: text('tier', { enum: tierEnum }).notNull(),
    firstOwnerId: uuid('first_owner_id')
      .notNull()
      .references(() => users.id),
    assigneeId: uuid('assignee_id').references(() => users.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    responseDueAt: timestamp('response_due_at', { withTimezone: true }).notNull(),
    resolutionDueAt: timestamp('resolution_due_at', { withTimezone: true }).notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    escalatedToId: uuid('escalated_to_id').references(() => users.id),
    rootCause: text('root_cause', {
      enum: ['product_quality', 'delivery', 'service', 'billing', 'technical', 'communication', 'other'],
    }),
    resolution: text('resolution'),
    followUpAt: timestamp('follow_up_at', { withTimezone: true }),
    followUpSatisfaction: smallint('follow_up_satisfaction'),
    followUpNotes: text('follow_up_notes'),
    ...trackedColumns(),
  },
  (t) => [
    index('complaints_account_received_idx').on(t.accountId, t.receivedAt),
    index('complaints_open_due_idx').on(t.resolutionDueAt).where(sql`status in ('open', 'in_progress')`),
  ],
);

/** Everything that happened to a complaint, in order: the status history and the escalation record. */
export const complaintEvents = pgTable(
  'complaint_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    kind: text('kind', {
      enum: ['received', 'status', 'assigned', 'responded', 'escalated', 'follow_up', 'updated', 'need_raised'],
    }).notNull(),
    fromStatus: text('from_status', { enum: statusEnum }),
    toStatus: text('to_status', { enum: statusEnum }),
    userId: uuid('user_id').references(() => users.id),
    note: text('note'),
    details: jsonb('details'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('complaint_events_complaint_idx').on(t.complaintId, t.at)],
);

/**
 * A satisfaction survey sent to one contact. The link's token is 256 random bits; only its SHA-256
 * is stored, and it works once, until `expires_at`.
 */
export const surveys = pgTable(
  'surveys',
  {
    id: idColumn(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    complaintId: uuid('complaint_id').references(() => complaints.id),
    kind: text('kind', { enum: ['csat', 'nps'] }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    sentBy: uuid('sent_by')
      .notNull()
      .references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    score: smallint('score'),
    comment: text('comment'),
  },
  (t) => [index('surveys_account_sent_idx').on(t.accountId, t.sentAt)],
);

/** Requests to the public survey page per client address, for rate limiting without a login. */
export const surveyLinkHits = pgTable(
  'survey_link_hits',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ip: text('ip').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('survey_link_hits_ip_at_idx').on(t.ip, t.at)],
);
