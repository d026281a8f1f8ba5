import { bigint, date, index, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, trackedColumns } from '../../platform/db/columns.js';
import { accounts } from '../accounts/accounts.table.js';
import { contacts } from '../contacts/contacts.table.js';
import { orgUnits } from '../org/org.table.js';
import { tasks } from '../tasks/tasks.table.js';
import { users } from '../users/users.table.js';

/** A customer-club event (大客户俱乐部): a salon, summit, training day or factory visit, with its full cost. */
export const clubEvents = pgTable(
  'club_events',
  {
    id: idColumn(),
    title: text('title').notNull(),
    kind: text('kind', { enum: ['salon', 'summit', 'training', 'factory_visit'] }).notNull(),
    heldOn: date('held_on').notNull(),
    location: text('location'),
    description: text('description'),
    /** the organising unit: directors and service staff of its subtree see the event */
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    cost: bigint('cost', { mode: 'number' }).notNull().default(0),
    status: text('status', { enum: ['planned', 'held', 'cancelled'] })
      .notNull()
      .default('planned'),
    ...trackedColumns(),
  },
  (t) => [index('club_events_held_idx').on(t.heldOn)],
);

/** One contact invited to one event, with whether they came and the follow-up task made for it. */
export const eventInvitations = pgTable(
  'event_invitations',
  {
    id: idColumn(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => clubEvents.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    status: text('status', { enum: ['invited', 'accepted', 'declined', 'attended', 'no_show'] })
      .notNull()
      .default('invited'),
    notes: text('notes'),
    followUpTaskId: uuid('follow_up_task_id').references(() => tasks.id),
    ...trackedColumns(),
  },
  (t) => [
    uniqueIndex('event_invitations_event_contact_uq').on(t.eventId, t.contactId),
    index('event_invitations_account_idx').on(t.accountId),
  ],
);

/** A value-added service (增值服务) given to an account: consulting, training, a market report; its cost and the account's feedback. */
export const valueAddedServices = pgTable(
  'value_added_services',
  {
    id: idColumn(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    kind: text('kind', { enum: ['consulting', 'training', 'market_report', 'technical_support'] }).notNull(),
    title: text('title').notNull(),
    deliveredOn: date('delivered_on').notNull(),
    deliveredById: uuid('delivered_by_id').references(() => users.id),
    cost: bigint('cost', { mode: 'number' }).notNull().default(0),
    feedbackScore: smallint('feedback_score'),
    feedback: text('feedback'),
    ...trackedColumns(),
  },
  (t) => [index('value_added_services_account_idx').on(t.accountId, t.deliveredOn)],
);
