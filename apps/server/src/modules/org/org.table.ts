import { type AnyPgColumn, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, trackedColumns } from '../../platform/db/columns.js';

/** Regions and business units as a tree; `path` ('/rootId/childId/') makes subtree checks one LIKE. */
export const orgUnits = pgTable(
  'org_units',
  {
    id: idColumn(),
    parentId: uuid('parent_id').references((): AnyPgColumn => orgUnits.id),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    path: text('path').notNull(),
    ...trackedColumns(),
  },
  (t) => [index('org_units_path_idx').on(t.path)],
);
