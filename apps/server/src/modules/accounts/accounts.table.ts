import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, trackedColumns } from '../../platform/db/columns.js';
import { orgUnits } from '../org/org.table.js';
import { users } from '../users/users.table.js';

export const accounts = pgTable(
  'accounts',
  {
    id: idColumn(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** pinyin sort key of the name (platform/pinyin.ts) */
    nameSort: text('name_sort'),
    shortName: text('short_name'),
    creditCode: text('credit_code'),
    parentId: uuid('parent_id').references((): AnyPgColumn => accounts.id),
    industry: text('industry'),
    province: text('province'),
    city: text('city'),
    sizeBand: text('size_band', { enum: ['micro', 'small', 'medium', 'large', 'xlarge'] }),
    employeeCount: integer('employee_count'),
    annualRevenueEstimate: bigint('annual_revenue_estimate', { mode: 'number' }),
    walletEstimate: bigint('wallet_estimate', { mode: 'number' }),
    website: text('website'),
    address: text('address'),
    phone: text('phone'),
    phoneE164: text('phone_e164'),
    ownerId: uuid('owner_id').references(() => users.id),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    lifecycle: text('lifecycle', { enum: ['prospect', 'active', 'dormant', 'lost'] })
      .notNull()
      .default('prospect'),
    priceSensitivity: text('price_sensitivity', { enum: ['low', 'medium', 'high'] }),
    marketInfluence: smallint('market_influence'),
    strategicFit: smallint('strategic_fit'),
    creditLimit: bigint('credit_limit', { mode: 'number' }),
    paymentTermsDays: integer('payment_terms_days'),
    currency: text('currency').notNull().default('CNY'),
    tags: text('tags').array().notNull().default([]),
    firstContactDate: date('first_contact_date'),
    ...trackedColumns(),
  },
  (t) => [
    uniqueIndex('accounts_code_uq').on(t.code),
    uniqueIndex('accounts_credit_code_uq').on(t.creditCode).where(sql`credit_code is not null`),
    index('accounts_parent_idx').on(t.parentId),
    index('accounts_name_sort_idx').on(t.nameSort, t.id),
    index('accounts_updated_idx').on(t.updatedAt, t.id),
    index('accounts_owner_idx').on(t.ownerId),
    // the archived few: "every live account" as an anti-join on these instead of a read of them all
    index('accounts_archived_idx').on(t.id).where(sql`archived_at is not null`),
    // by org unit (a director's scope) with what the map filters on: the scope's subqueries and the
    // map's figures read the accounts from the index alone instead of the wide rows
    index('accounts_org_unit_idx').on(t.orgUnitId, t.id, t.archivedAt, t.ownerId, t.industry, t.province),
    index('accounts_phone_idx').on(t.phoneE164),
    index('accounts_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('accounts_short_name_trgm_idx').using('gin', sql`${t.shortName} gin_trgm_ops`),
  ],
);

export const accountTeam = pgTable(
  'account_team',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ['owner', 'sales', 'service', 'technical', 'executive_sponsor'] }).notNull(),
    since: timestamp('since', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.userId] }), index('account_team_user_idx').on(t.userId)],
);

/** Dated, authored notes about the customer (seed 002 items 3–5). */
export const accountInsights = pgTable(
  'account_insights',
  {
    id: idColumn(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    kind: text('kind', {
      enum: ['goals', 'likes', 'dislikes', 'situation', 'plans_affecting_us', 'market_competitors'],
    }).notNull(),
    body: text('body').notNull(),
    observedOn: date('observed_on').notNull(),
    ...trackedColumns(),
  },
  (t) => [index('account_insights_account_idx').on(t.accountId)],
);
