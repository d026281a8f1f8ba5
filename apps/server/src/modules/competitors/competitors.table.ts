import { bigint, index, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, trackedColumns } from '../../platform/db/columns.js';
import { accounts } from '../accounts/accounts.table.js';
import { productCategories } from '../products/products.table.js';

export const competitors = pgTable('competitors', {
  id: idColumn(),
  name: text('name').notNull().unique(),
  country: text('country'),
  strengths: text('strengths'),
  weaknesses: text('weaknesses'),
  ...trackedColumns(),
});

/** Who else supplies this account in this product category, how much, and our share (seed 002 item 6). */
export const competitorPresence = pgTable(
  'competitor_presence',
  {
    id: idColumn(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    competitorId: uuid('competitor_id')
      .notNull()
      .references(() => competitors.id),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => productCategories.id),
    estAnnualVolume: bigint('est_annual_volume', { mode: 'number' }),
    ourShare: numeric('our_share', { precision: 5, scale: 4 }),
    notes: text('notes'),
    ...trackedColumns(),
  },
  (t) => [
    uniqueIndex('competitor_presence_uq').on(t.accountId, t.competitorId, t.categoryId),
    index('competitor_presence_account_idx').on(t.accountId),
  ],
);
