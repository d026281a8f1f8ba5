import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, trackedColumns } from '../../platform/db/columns.js';
import { accounts } from '../accounts/accounts.table.js';

/** Channel partners (代理商). Their users have role `agent` and `users.agent_id` set. */
export const agents = pgTable('agents', {
  id: idColumn(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  creditCode: text('credit_code'),
  regions: text('regions').array().notNull().default([]),
  productLines: text('product_lines').array().notNull().default([]),
  agentTier: text('agent_tier', { enum: ['gold', 'silver', 'bronze'] })
    .notNull()
    .default('bronze'),
  contractStart: date('contract_start'),
  contractEnd: date('contract_end'),
  contractNo: text('contract_no'),
  contactName: text('contact_name'),
  contactPhone: text('contact_phone'),
  email: text('email'),
  address: text('address'),
  ...trackedColumns(),
});

/** Which accounts an agent serves; an agent user sees exactly these. */
export const accountAgents = pgTable(
  'account_agents',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id),
    since: timestamp('since', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.agentId] }), index('account_agents_agent_idx').on(t.agentId)],
);

/** A province × product line an agent covers; `exclusive` keeps other agents' registrations out of it. */
export const agentTerritories = pgTable(
  'agent_territories',
  {
    id: idColumn(),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id),
    province: text('province').notNull(),
    productLine: text('product_line').notNull(),
    exclusive: boolean('exclusive').notNull().default(false),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    ...trackedColumns(),
  },
  (t) => [index('agent_territories_lookup_idx').on(t.province, t.productLine)],
);

/**
 * An agent's claim (报备) on a prospect or opportunity. `conflicts` keeps the evidence found when it
 * was submitted, `rule` the rule that decided it (or sent it to the channel manager's queue).
 */
export const registrations = pgTable(
  'registrations',
  {
    id: idColumn(),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id),
    companyName: text('company_name').notNull(),
    /** the name without legal forms, region prefixes and punctuation: what similarity compares */
    nameKey: text('name_key').notNull(),
    creditCode: text('credit_code'),
    groupName: text('group_name'),
    province: text('province'),
    city: text('city'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactPhoneE164: text('contact_phone_e164'),
    contactEmail: text('contact_email'),
    emailDomain: text('email_domain'),
    productLine: text('product_line').notNull(),
    expectedValue: bigint('expected_value', { mode: 'number' }),
    expectedClose: date('expected_close'),
    note: text('note'),
    /** the existing account this claim is about, when the check found one */
    accountId: uuid('account_id').references(() => accounts.id),
    /** every account the evidence names: their KAMs see the claim and hear of its decision */
    conflictAccountIds: uuid('conflict_account_ids').array().notNull().default(sql`'{}'::uuid[]`),
    status: text('status', { enum: ['queued', 'approved', 'rejected', 'expired', 'withdrawn'] }).notNull(),
    rule: text('rule').notNull(),
    conflicts: jsonb('conflicts').notNull(),
    topScore: doublePrecision('top_score'),
    decision: text('decision', {
      enum: ['auto_approve', 'auto_reject', 'approve', 'reject', 'split', 'transfer'],
    }),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** split: the agent's share of the credit in percent; the rest stays with the other side */
    splitShare: integer('split_share'),
    transferredToAgentId: uuid('transferred_to_agent_id').references(() => agents.id),
    submittedBy: uuid('submitted_by'),
    validFrom: date('valid_from'),
    expiresOn: date('expires_on'),
    renewals: integer('renewals').notNull().default(0),
    ...trackedColumns(),
  },
  (t) => [
    index('registrations_agent_idx').on(t.agentId, t.createdAt),
    index('registrations_status_idx').on(t.status, t.createdAt),
    index('registrations_credit_code_idx').on(t.creditCode),
    index('registrations_account_idx').on(t.accountId),
    index('registrations_phone_idx').on(t.contactPhoneE164),
    index('registrations_name_key_trgm_idx').using('gin', sql`${t.nameKey} gin_trgm_ops`),
  ],
);

/** What a channel decision told whom: the agent's users and the company's side each get one, as a kind and its parameters. */
export const channelNotices = pgTable(
  'channel_notices',
  {
    id: idColumn(),
    userId: uuid('user_id').notNull(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id),
    /** the decision it tells of; the reader's UI words it in its language from these fields */
    kind: text('kind').notNull(),
    companyName: text('company_name').notNull(),
    rule: text('rule').notNull(),
    /** the channel manager's reason as written (masked for agents when read); null for the rules' own decisions */
    reason: text('reason'),
    splitShare: integer('split_share'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('channel_notices_user_idx').on(t.userId, t.createdAt)],
);

/** The registration rules; every change is a new version, the highest is current. */
export const channelRules = pgTable('channel_rules', {
  version: integer('version').primaryKey(),
  rules: jsonb('rules').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
