import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from '../../platform/db/columns.js';
import { users } from '../users/users.table.js';

/**
 * An export of personal data waiting for, or given, a director's approval (when the setting asks
 * for it). The approved export runs with the requester's scope and masking, once.
 */
export const exportRequests = pgTable('export_requests', {
  id: idColumn(),
  kind: text('kind').notNull(),
  format: text('format', { enum: ['csv', 'xlsx', 'vcf'] }).notNull(),
  filters: jsonb('filters').notNull(),
  reason: text('reason').notNull(),
  status: text('status', { enum: ['pending', 'approved', 'rejected', 'downloaded'] })
    .notNull()
    .default('pending'),
  requestedBy: uuid('requested_by')
    .notNull()
    .references(() => users.id),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  decisionNote: text('decision_note'),
  downloadedAt: timestamp('downloaded_at', { withTimezone: true }),
});

/** Settings of the export module (one row per key). */
export const exportSettings = pgTable('export_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
