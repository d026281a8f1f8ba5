import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, trackedColumns } from '../../platform/db/columns.js';
import { accounts } from '../accounts/accounts.table.js';
import { productCategories } from '../products/products.table.js';
import { users } from '../users/users.table.js';

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

/**
 * Every state a competitor presence has been in, dated, so that churn risk can see a competitor's
 * share rising (DOMAIN.md: rising competitor share). Written with each presence write; `present`
 * false records that the competitor left the category.
 */
export const competitorShareObservations = pgTable(
  'competitor_share_observations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    competitorId: uuid('competitor_id')
      .notNull()
      .references(() => competitors.id),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => productCategories.id),
    observedOn: date('observed_on').notNull(),
    estAnnualVolume: bigint('est_annual_volume', { mode: 'number' }),
    ourShare: numeric('our_share', { precision: 5, scale: 4 }),
    present: boolean('present').notNull().default(true),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('competitor_share_observations_key_idx').on(t.accountId, t.competitorId, t.categoryId, t.observedOn)],
);
