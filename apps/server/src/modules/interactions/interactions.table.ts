import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn, trackedColumns } from '../../platform/db/columns.js';
import { accounts } from '../accounts/accounts.table.js';
import { users } from '../users/users.table.js';

export const interactions = pgTable(
  'interactions',
  {
    id: idColumn(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    kind: text('kind', { enum: ['visit', 'call', 'meeting', 'email', 'wechat', 'event'] }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    subject: text('subject').notNull(),
    notes: text('notes'),
    nextStep: text('next_step'),
    nextStepDue: date('next_step_due'),
    nextStepOwnerId: uuid('next_step_owner_id').references(() => users.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    contactIds: uuid('contact_ids').array().notNull().default(sql`'{}'::uuid[]`),
    colleagueIds: uuid('colleague_ids').array().notNull().default(sql`'{}'::uuid[]`),
    checkInPlace: text('check_in_place'),
    checkInAt: timestamp('check_in_at', { withTimezone: true }),
    ...trackedColumns(),
  },
  (t) => [index('interactions_account_at_idx').on(t.accountId, t.occurredAt)],
);
