import { sql } from 'drizzle-orm';
import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Primary key shared by business tables: a random UUID the database assigns unless the caller gives one. */
export const idColumn = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);

/** Columns every mutable business row carries: optimistic-lock version, who and when, soft deletion. */
export const trackedColumns = () => ({
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
});
