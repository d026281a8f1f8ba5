import { sql } from 'drizzle-orm';
import { type AnyPgColumn, date, index, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn, trackedColumns } from '../../platform/db/columns.js';
import { accounts } from '../accounts/accounts.table.js';
import { users } from '../users/users.table.js';

/**
 * A person at an account: business fields anyone in scope sees, and the personal dossier
 * (籍贯 … address) that only dossier-allowed roles see unmasked, each view audited.
 */
export const contacts = pgTable(
  'contacts',
  {
    id: idColumn(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    name: text('name').notNull(),
    /** pinyin sort key of the name (platform/pinyin.ts) */
    nameSort: text('name_sort'),
    title: text('title'),
    department: text('department'),
    reportsToId: uuid('reports_to_id').references((): AnyPgColumn => contacts.id),
    decisionRole: text('decision_role', {
      enum: ['decision_maker', 'economic_buyer', 'technical_evaluator', 'user', 'influencer', 'coach', 'gatekeeper'],
    }),
    attitude: text('attitude', { enum: ['champion', 'supporter', 'neutral', 'sceptic', 'opponent'] }),
    influence: smallint('influence'),
    relationshipStrength: smallint('relationship_strength'),
    relationshipOwnerId: uuid('relationship_owner_id').references(() => users.id),
    email: text('email'),
    wechatId: text('wechat_id'),
    preferredChannel: text('preferred_channel', { enum: ['phone', 'wechat', 'email', 'visit', 'meeting'] }),
    preferredTime: text('preferred_time'),
    lastContactAt: timestamp('last_contact_at', { withTimezone: true }),
    // personal dossier (PIPL sensitive personal information)
    nativePlace: text('native_place'),
    birthplace: text('birthplace'),
    birthday: date('birthday'),
    birthdayCalendar: text('birthday_calendar', { enum: ['solar', 'lunar'] }),
    ageBand: text('age_band'),
    education: text('education'),
    careerHistory: text('career_history'),
    familyNotes: text('family_notes'),
    hobbies: text('hobbies'),
    dislikes: text('dislikes'),
    ethnicity: text('ethnicity'),
    homeAddress: text('home_address'),
    consentBasis: text('consent_basis', { enum: ['consent', 'contract', 'legal_duty', 'none'] })
      .notNull()
      .default('none'),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    ...trackedColumns(),
  },
  (t) => [
    index('contacts_account_idx').on(t.accountId),
    index('contacts_reports_to_idx').on(t.reportsToId),
    index('contacts_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    // strong relationships per account (coverage gaps): small enough to read whole
    index('contacts_strong_idx')
      .on(t.accountId, t.decisionRole)
      .where(sql`archived_at is null and relationship_strength >= 3`),
  ],
);

/** Phone numbers of contacts, normalised to E.164 for caller lookup. */
export const contactPhones = pgTable(
  'contact_phones',
  {
    id: idColumn(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    kind: text('kind', { enum: ['mobile', 'office', 'home', 'other'] }).notNull(),
    e164: text('e164').notNull(),
    display: text('display').notNull(),
  },
  (t) => [index('contact_phones_e164_idx').on(t.e164), index('contact_phones_contact_idx').on(t.contactId)],
);
