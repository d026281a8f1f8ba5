import { sql } from 'drizzle-orm';
import { index, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, trackedColumns } from '../../platform/db/columns.js';
import { accounts } from '../accounts/accounts.table.js';

/** An account's need (DOMAIN.md, needs); its fulfilment plan is tasks of kind `need` (tasks module). */
export const needs = pgTable(
  'needs',
  {
    id: idColumn(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    title: text('title').notNull(),
    description: text('description'),
    kind: text('kind', { enum: ['explicit', 'implicit'] }).notNull(),
    category: text('category', {
      enum: ['product', 'price', 'delivery', 'quality', 'service', 'technical', 'relationship', 'other'],
    }).notNull(),
    /** complaints and surveys live in the service module: kind and id are kept, interactions are checked */
    sourceKind: text('source_kind', { enum: ['visit', 'complaint', 'survey', 'interaction'] }),
    sourceId: uuid('source_id'),
    importance: smallint('importance').notNull(),
    urgency: smallint('urgency').notNull(),
    feasibility: smallint('feasibility').notNull(),
    priority: smallint('priority').notNull(),
    band: text('band', { enum: ['P1', 'P2', 'P3'] }).notNull(),
    status: text('status', { enum: ['open', 'planned', 'in_progress', 'met', 'deferred', 'rejected'] })
      .notNull()
      .default('open'),
    ...trackedColumns(),
  },
  (t) => [
    index('needs_account_idx').on(t.accountId, t.status),
    index('needs_category_idx').on(t.category),
    // the map's open needs by band, read from the index alone
    index('needs_open_idx')
      .on(t.accountId, t.band)
      .where(sql`archived_at is null and status in ('open', 'planned', 'in_progress')`),
  ],
);
