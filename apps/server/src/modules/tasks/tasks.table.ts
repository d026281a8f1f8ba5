import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, trackedColumns } from '../../platform/db/columns.js';
import { accounts } from '../accounts/accounts.table.js';
import { contacts } from '../contacts/contacts.table.js';
import { users } from '../users/users.table.js';

/**
 * Work for one person on one account: care (revisit, birthday, festival, anniversary), the next step of
 * an interaction, or a measure of a need's fulfilment plan. `reason_key` + `due_date` is unique, so the
 * daily care job can run any number of times and never makes two tasks for the same reason and day.
 */
export const tasks = pgTable(
  'tasks',
  {
    id: idColumn(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: ['care', 'follow_up', 'need'] }).notNull(),
    title: text('title').notNull(),
    suggestedAction: text('suggested_action'),
    /**
     * Generated tasks (care) also keep what the title and suggestion say as a template key and its
     * parameters, so the web shows them in the reader's language; `title` is the zh-CN rendering.
     */
    templateKey: text('template_key'),
    templateParams: jsonb('template_params'),
    dueDate: date('due_date').notNull(),
    status: text('status', { enum: ['open', 'done', 'snoozed', 'skipped'] })
      .notNull()
      .default('open'),
    snoozedUntil: date('snoozed_until'),
    skipReason: text('skip_reason'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneInteractionId: uuid('done_interaction_id'),
    sourceKind: text('source_kind', {
      enum: ['interaction', 'need', 'revisit', 'birthday', 'festival', 'anniversary', 'event'],
    }),
    sourceId: uuid('source_id'),
    contactId: uuid('contact_id').references(() => contacts.id),
    reasonKey: text('reason_key'),
    ...trackedColumns(),
  },
  (t) => [
    index('tasks_owner_due_idx').on(t.ownerId, t.dueDate),
    index('tasks_account_idx').on(t.accountId),
    index('tasks_source_idx').on(t.sourceId),
    // open work by account and effective day: the map's overdue and due-today counts
    index('tasks_open_account_idx')
      .on(t.accountId, t.kind, sql`coalesce(${t.snoozedUntil}, ${t.dueDate})`)
      .where(sql`status in ('open', 'snoozed') and archived_at is null`),
    // open work with its days as plain columns: the map's overdue and due counts over every account read
    // the index alone (an index on the coalesce expression cannot answer them without the rows)
    index('tasks_open_kind_idx')
      .on(t.kind, t.accountId, t.dueDate, t.snoozedUntil)
      .where(sql`status in ('open', 'snoozed') and archived_at is null`),
    uniqueIndex('tasks_reason_due_uq').on(t.reasonKey, t.dueDate).where(sql`${t.reasonKey} is not null`),
  ],
);

/** Revocable, expiring secrets behind a user's ICS feed; only the SHA-256 of the token is kept. */
export const calendarTokens = pgTable(
  'calendar_tokens',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    /** The feed's rate limit: requests counted in the hour that began at `window_started_at`. */
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }),
    windowHits: integer('window_hits').notNull().default(0),
  },
  (t) => [uniqueIndex('calendar_tokens_hash_uq').on(t.tokenHash)],
);
