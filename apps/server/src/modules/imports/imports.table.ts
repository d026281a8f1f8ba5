import {
  bigint,
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
import { idColumn } from '../../platform/db/columns.js';
import { users } from '../users/users.table.js';

/**
 * One committed (or undone) import. It is written in the import's own transaction, so a batch that
 * is here is whole; `created_at` is that transaction's time, which is also the `created_at` of every
 * row the batch inserted — that, with `created_by`, is how undo finds them.
 */
export const importBatches = pgTable(
  'import_batches',
  {
    id: idColumn(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    sheet: text('sheet'),
    rows: integer('rows').notNull(),
    counts: jsonb('counts').notNull(),
    errorCount: integer('error_count').notNull().default(0),
    errors: jsonb('errors').notNull().default([]),
    /** Order lines the batch inserted: ids in (first, last], taken under a table lock. */
    linesAfterId: bigint('lines_after_id', { mode: 'number' }),
    linesUpToId: bigint('lines_up_to_id', { mode: 'number' }),
    status: text('status', { enum: ['committed', 'undone', 'failed'] })
      .notNull()
      .default('committed'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneBy: uuid('undone_by').references(() => users.id),
  },
  (t) => [index('import_batches_created_idx').on(t.createdAt)],
);

/** What a batch overwrote: the row as it was, so undo can put it back. */
export const importBatchChanges = pgTable(
  'import_batch_changes',
  {
    batchId: uuid('batch_id')
      .notNull()
      .references(() => importBatches.id),
    entity: text('entity').notNull(),
    recordId: text('record_id').notNull(),
    before: jsonb('before').notNull(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.entity, t.recordId] })],
);

/**
 * A saved column mapping: file header → target field, reusable for the next file of the same shape.
 * Everyone may use any template; only its owner (who saved it first), an admin or a director may
 * overwrite or delete it.
 */
export const importTemplates = pgTable(
  'import_templates',
  {
    id: idColumn(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    headerRow: integer('header_row').notNull().default(1),
    mapping: jsonb('mapping').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('import_templates_kind_name_uq').on(t.kind, t.name)],
);
