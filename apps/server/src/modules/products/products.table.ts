import { sql } from 'drizzle-orm';
import { type AnyPgColumn, bigint, boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, trackedColumns } from '../../platform/db/columns.js';

export const productCategories = pgTable('product_categories', {
  id: idColumn(),
  parentId: uuid('parent_id').references((): AnyPgColumn => productCategories.id),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  ...trackedColumns(),
});

export const products = pgTable(
  'products',
  {
    id: idColumn(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => productCategories.id),
    unit: text('unit').notNull().default('台'),
    listPrice: bigint('list_price', { mode: 'number' }).notNull(),
    standardCost: bigint('standard_cost', { mode: 'number' }).notNull(),
    currency: text('currency').notNull().default('CNY'),
    active: boolean('active').notNull().default(true),
    ...trackedColumns(),
  },
  (t) => [
    index('products_category_idx').on(t.categoryId),
    index('products_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);
