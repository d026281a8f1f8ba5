import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The care rules (one row, key `default`), versioned for optimistic locking. */
export const careConfig = pgTable('care_config', {
  key: text('key').primaryKey(),
  config: jsonb('config').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
