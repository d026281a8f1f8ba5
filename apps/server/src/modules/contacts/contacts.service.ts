import {
  type ContactListQuery,
  type CreateContact,
  type DossierField,
  dossierFieldNames,
  type UpdateContact,
} from '@kamap/contracts';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountIdInScope, assertCan, dossierAccess, seesContactDetails } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { type Db, isoDateOrNull, isoTimestamp, isoTimestampOrNull, one, rows } from '../../platform/db/index.js';
import { versionedUpdate } from '../../platform/db/versioned.js';
import { AppError } from '../../platform/errors.js';
import { afterCursor, orderBy, sortSpec, toPage } from '../../platform/http/paging.js';
import { displayPhone, maskPhone, toE164 } from '../../platform/phone.js';
import { nameSortKey } from '../../platform/pinyin.js';
import { assertAccountInScope } from '../accounts/index.js';
import { contactPhones, contacts } from './contacts.table.js';

type Row = Record<string, unknown> & {
  id: string;
  account_id: string;
  account_name: string;
  name: string;
  phones: { kind: string; e164: string }[] | null;
};

const dossierColumns: Record<DossierField, string> = {
  nativePlace: 'native_place',
  birthplace: 'birthplace',
  birthday: 'birthday',
  birthdayCalendar: 'birthday_calendar',
  ageBand: 'age_band',
  education: 'education',
  careerHistory: 'career_history',
  familyNotes: 'family_notes',
  hobbies: 'hobbies',
  dislikes: 'dislikes',
  ethnicity: 'ethnicity',
  homeAddress: 'home_address',
};

const baseSelect = sql`
  select c.*, a.name as account_name, ro.display_name as relationship_owner_name,
    (select coalesce(json_agg(json_build_object('kind', p.kind, 'e164', p.e164) order by p.kind, p.e164), '[]'::json)
       from contact_phones p where p.contact_id = c.id) as phones
  from contacts c
  join accounts a on a.id = c.account_id
  left join users ro on ro.id = c.relationship_owner_id`;

function maskText(value: string): string {
  return value.length <= 1 ? '*' : `${value.slice(0, 1)}${'*'.repeat(Math.min(value.length - 1, 6))}`;
}

/** The fields of a person's place in the account's org chart, shared by every contact view. */
const chartFields = (r: Row) => ({
  id: r.id,
  name: r.name,
  title: r.title as string | null,
  department: r.department as string | null,
  reportsToId: r.reports_to_id as string | null,
  decisionRole: r.decision_role as never,
  attitude: r.attitude as never,
  influence: r.influence as number | null,
  relationshipStrength: r.relationship_strength as number | null,
});

function toSummary(ctx: Ctx, r: Row) {
  const details = seesContactDetails(ctx.user);
  return {
    ...chartFields(r),
    accountId: r.account_id,
    accountName: r.account_name,
    relationshipOwner: r.relationship_owner_id
      ? { id: r.relationship_owner_id as string, displayName: (r.relationship_owner_name as string) ?? '' }
      : null,
    phones: (r.phones ?? []).map((p) => ({
      kind: p.kind as never,
      display: details ? displayPhone(p.e164) : maskPhone(p.e164),
      e164: details ? p.e164 : null,
    })),
    email: r.email
      ? details
        ? (r.email as string)
        : `${maskText(String(r.email).split('@')[0] ?? '')}@${String(r.email).split('@')[1] ?? ''}`
      : null,
    lastContactAt: isoTimestampOrNull(r.last_contact_at),
    archivedAt: isoTimestampOrNull(r.archived_at),
  };
}

function dossierOf(r: Row, access: 'full' | 'masked' | 'none') {
  if (access === 'none') return null;
  return Object.fromEntries(
    dossierFieldNames.map((f) => {
      const raw = r[dossierColumns[f]];
      if (raw === null || raw === undefined) return [f, null];
      const text = f === 'birthday' ? isoDateOrNull(raw)! : String(raw);
      if (access === 'full' || f === 'birthdayCalendar') return [f, text];
      return [f, f === 'birthday' ? '****-**-**' : maskText(text)];
    }),
  ) as Record<DossierField, string | null>;
}

const sortColumns = {
  name: sql`c.name_sort`,
  influence: sql`c.influence`,
  updatedAt: sql`c.updated_at`,
};

export async function listContacts(ctx: Ctx, q: z.infer<typeof ContactListQuery>) {
  const spec = sortSpec(q.sort, sortColumns);
  const filter = sql.join(
    [
      accountIdInScope(ctx.user, sql`c.account_id`),
      q.includeArchived ? undefined : sql`c.archived_at is null`,
      q.accountId ? sql`c.account_id = ${q.accountId}` : undefined,
      q.decisionRole ? sql`c.decision_role = ${q.decisionRole}` : undefined,
      q.attitude ? sql`c.attitude = ${q.attitude}` : undefined,
      q.q ? sql`(c.name ilike ${`%${q.q}%`} or c.title ilike ${`%${q.q}%`} or ${q.q} <% c.name)` : undefined,
    ].filter((p) => p !== undefined),
    sql` and `,
  );
  const [fetched, total] = await Promise.all([
    rows<Row>(
      ctx.db,
      sql`${baseSelect} where ${filter} and ${afterCursor(spec, sql`c.id`, q.cursor)}
          order by ${orderBy(spec, sql`c.id`)} limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(ctx.db, sql`select count(*)::int as n from contacts c where ${filter}`),
  ]);
  const cursorValue = (r: Row): string | number | null =>
    spec.key === 'name'
      ? r.name
      : spec.key === 'influence'
        ? ((r.influence as number | null) ?? null)
        : String(r.updated_at);
  return toPage(
    fetched,
    q.limit,
    (r) => [cursorValue(r), r.id],
    (r) => toSummary(ctx, r),
    total?.n ?? 0,
  );
}

async function findRow(ctx: Ctx, id: string): Promise<Row> {
  const row = await one<Row>(
    ctx.db,
    sql`${baseSelect} where c.id = ${id} and ${accountIdInScope(ctx.user, sql`c.account_id`)}`,
  );
  if (!row) throw AppError.notFound('Contact');
  return row;
}

/**
 * A contact with its dossier as the caller's role allows: full (audited, in the same request),
 * masked, or absent. Each unmasked view is one audit entry.
 */
export async function getContact(ctx: Ctx, id: string) {
  const r = await findRow(ctx, id);
  const access = dossierAccess(ctx.user);
  if (access === 'full') await audit(ctx, 'contact.dossier_view', 'contact', id, { accountId: r.account_id });
  const details = seesContactDetails(ctx.user);
  return {
    ...toSummary(ctx, r),
    wechatId: r.wechat_id ? (details ? (r.wechat_id as string) : maskText(String(r.wechat_id))) : null,
    preferredChannel: r.preferred_channel as never,
    preferredTime: r.preferred_time as string | null,
    consentBasis: r.consent_basis as never,
    consentAt: isoTimestampOrNull(r.consent_at),
    dossierAccess: access,
    dossier: dossierOf(r, access),
    version: r.version as number,
    createdAt: isoTimestamp(r.created_at),
    updatedAt: isoTimestamp(r.updated_at),
  };
}

function phoneRows(phones: { kind: 'mobile' | 'office' | 'home' | 'other'; number: string }[]) {
  return phones.map((p, i) => {
    const e164 = toE164(p.number);
    if (!e164) throw AppError.invalid(`body.phones.${i}.number`, 'not a possible phone number');
    return { kind: p.kind, e164, display: displayPhone(e164) };
  });
}

async function checkReportsTo(db: Db, accountId: string, reportsToId: string | null | undefined, selfId?: string) {
  if (!reportsToId) return;
  if (reportsToId === selfId) throw AppError.invalid('body.reportsToId', 'a person cannot report to themself');
  const boss = await one<{ account_id: string }>(db, sql`select account_id from contacts where id = ${reportsToId}`);
  if (!boss || boss.account_id !== accountId)
    throw AppError.invalid('body.reportsToId', 'not a contact of the same account');
  if (selfId) {
    const cycle = await one<{ hit: boolean }>(
      db,
      sql`with recursive up as (select id, reports_to_id from contacts where id = ${reportsToId}
            union all select c.id, c.reports_to_id from contacts c join up on c.id = up.reports_to_id)
          select exists (select 1 from up where id = ${selfId}) as hit`,
    );
    if (cycle?.hit) throw AppError.invalid('body.reportsToId', 'would make the reporting line a cycle');
  }
}

type ContactInput = z.infer<typeof UpdateContact> | z.infer<typeof CreateContact>;

function columnsOf(input: ContactInput) {
  const { dossier, phones: _p, ...business } = input as ContactInput & { version?: number };
  delete (business as { version?: number }).version;
  return { ...business, ...(dossier ?? {}), ...(business.name ? { nameSort: nameSortKey(business.name) } : {}) };
}

export async function createContact(ctx: Ctx, accountId: string, input: z.infer<typeof CreateContact>) {
  assertCan(ctx.user, 'contact.write');
  await assertAccountInScope(ctx, accountId);
  await checkReportsTo(ctx.db, accountId, input.reportsToId);
  const phones = phoneRows(input.phones ?? []);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(contacts)
      .values({
        ...columnsOf(input),
        name: input.name,
        accountId,
        consentAt: input.consentBasis && input.consentBasis !== 'none' ? new Date() : null,
        createdBy: ctx.user.id,
        updatedBy: ctx.user.id,
      })
      .returning({ id: contacts.id });
    if (phones.length)
      await tx.insert(contactPhones).values(phones.map((p) => ({ ...p, contactId: row!.id, accountId })));
    await audit(withDb(ctx, tx), 'contact.create', 'contact', row!.id, { accountId });
    return row!.id;
  });
  return getContact(ctx, id);
}

export async function updateContact(ctx: Ctx, id: string, input: z.infer<typeof UpdateContact>) {
  assertCan(ctx.user, 'contact.write');
  const current = await findRow(ctx, id);
  await checkReportsTo(ctx.db, current.account_id, input.reportsToId, id);
  const phones = input.phones ? phoneRows(input.phones) : undefined;
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, contacts, 'Contact', id, input.version, {
      ...columnsOf(input),
      ...(input.consentBasis && input.consentBasis !== current.consent_basis ? { consentAt: new Date() } : {}),
    });
    if (phones) {
      await tx.delete(contactPhones).where(eq(contactPhones.contactId, id));
      if (phones.length)
        await tx
          .insert(contactPhones)
          .values(phones.map((p) => ({ ...p, contactId: id, accountId: current.account_id })));
    }
    const changed = Object.keys(input).filter((k) => k !== 'version');
    await audit(withDb(ctx, tx), 'contact.update', 'contact', id, {
      fields: changed,
      dossierFields: input.dossier ? Object.keys(input.dossier) : [],
    });
  });
  return getContact(ctx, id);
}

export async function archiveContact(ctx: Ctx, id: string, version: number) {
  assertCan(ctx.user, 'contact.write');
  await findRow(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, contacts, 'Contact', id, version, { archivedAt: new Date() });
    await audit(withDb(ctx, tx), 'contact.archive', 'contact', id);
  });
}

export async function orgChart(ctx: Ctx, accountId: string) {
  await assertAccountInScope(ctx, accountId);
  const found = await rows<Row>(
    ctx.db,
    sql`select id, name, title, department, reports_to_id, decision_role, attitude, influence, relationship_strength
        from contacts where account_id = ${accountId} and archived_at is null order by name limit 1000`,
  );
  return { items: found.map(chartFields) };
}

export { baseSelect as contactSelect, type Row as ContactRow, toSummary as toContactSummary };
