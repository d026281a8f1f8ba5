import { date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
