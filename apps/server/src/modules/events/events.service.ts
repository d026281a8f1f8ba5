import type {
  CreateEvent,
  CreateEventFollowUp,
  CreateInvitations,
  EventListQuery,
  UpdateEvent,
  UpdateInvitation,
} from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountIdInScope, assertCan, type Principal } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { isoDate, isoTimestamp, one, pgArray, rows } from '../../platform/db/index.js';
import { versionedUpdate } from '../../platform/db/versioned.js';
import { AppError } from '../../platform/errors.js';
import { afterCursor, orderBy, sortSpec, toPage } from '../../platform/http/paging.js';
import { checkOwner, insertTasks } from '../tasks/index.js';
import { clubEvents, eventInvitations } from './events.table.js';

type Row = Record<string, unknown> & { id: string };

/**
 * Who sees an event: its organising unit's subtree, and anyone with an invited account in scope.
 * Invitations themselves are account rows and always filtered by account scope.
 */
export function eventScope(user: Principal, alias = 'e'): SQL {
  if (user.role === 'admin') return sql`true`;
  const e = sql.raw(`"${alias}"`);
  return sql`(${e}.org_unit_id = any(${pgArray(user.orgUnitIds)}::uuid[])
    or exists (select 1 from event_invitations si where si.event_id = ${e}.id and si.archived_at is null
               and ${accountIdInScope(user, sql`si.account_id`)}))`;
}

/** An event's cost split evenly over the accounts that had someone attend (what cost to serve charges). */
export const attendingAccounts = (eventId: SQL) =>
  sql`(select count(distinct ai.account_id) from event_invitations ai
        where ai.event_id = ${eventId} and ai.status = 'attended' and ai.archived_at is null)`;

const select = (user: Principal) => sql`
  select e.*, ou.name as org_unit_name,
         (select count(*) from event_invitations i where i.event_id = e.id and i.archived_at is null
            and ${accountIdInScope(user, sql`i.account_id`)})::int as invited,
         (select count(*) from event_invitations i where i.event_id = e.id and i.archived_at is null
            and i.status = 'attended' and ${accountIdInScope(user, sql`i.account_id`)})::int as attended,
         ${attendingAccounts(sql`e.id`)}::int as attending_accounts
  from club_events e join org_units ou on ou.id = e.org_unit_id`;

const toEvent = (r: Row) => {
  const attending = r.attending_accounts as number;
  return {
    id: r.id,
    title: r.title as string,
    kind: r.kind as never,
    heldOn: isoDate(r.held_on),
    location: r.location as string | null,
    description: r.description as string | null,
    orgUnit: { id: r.org_unit_id as string, name: r.org_unit_name as string },
    cost: Number(r.cost),
    status: r.status as never,
    invited: r.invited as number,
    attended: r.attended as number,
    attendingAccounts: attending,
    costPerAttendingAccount: attending > 0 ? Math.round(Number(r.cost) / attending) : null,
    version: r.version as number,
    createdAt: isoTimestamp(r.created_at),
    updatedAt: isoTimestamp(r.updated_at),
    archivedAt: r.archived_at ? isoTimestamp(r.archived_at) : null,
  };
};

export async function listEvents(ctx: Ctx, q: z.infer<typeof EventListQuery>) {
  assertCan(ctx.user, 'performance.read');
  const spec = sortSpec(q.sort, { heldOn: sql`e.held_on` });
  const filter = sql.join(
    [
      eventScope(ctx.user),
      q.includeArchived ? undefined : sql`e.archived_at is null`,
      q.kind ? sql`e.kind = ${q.kind}` : undefined,
      q.status ? sql`e.status = ${q.status}` : undefined,
      q.from ? sql`e.held_on >= ${q.from}::date` : undefined,
      q.to ? sql`e.held_on <= ${q.to}::date` : undefined,
      q.q ? sql`(e.title ilike ${`%${q.q}%`} or e.location ilike ${`%${q.q}%`})` : undefined,
      q.accountId
        ? sql`exists (select 1 from event_invitations fi where fi.event_id = e.id and fi.account_id = ${q.accountId}
                        and fi.archived_at is null and ${accountIdInScope(ctx.user, sql`fi.account_id`)})`
        : undefined,
    ].filter((p) => p !== undefined),
    sql` and `,
  );
  const [fetched, total] = await Promise.all([
    rows<Row>(
      ctx.db,
      sql`${select(ctx.user)} where ${filter} and ${afterCursor(spec, sql`e.id`, q.cursor)}
          order by ${orderBy(spec, sql`e.id`)} limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(ctx.db, sql`select count(*)::int as n from club_events e where ${filter}`),
  ]);
  return toPage(fetched, q.limit, (r) => [isoDate(r.held_on), r.id], toEvent, total?.n ?? 0);
}

async function invitationsOf(ctx: Ctx, eventId: string) {
  const found = await rows<Row>(
    ctx.db,
    sql`select i.*, a.name as account_name, c.name as contact_name, c.title as contact_title,
               t.title as task_title, t.due_date as task_due, t.status as task_status, t.owner_id as task_owner_id,
               u.display_name as task_owner_name
          from event_invitations i join accounts a on a.id = i.account_id join contacts c on c.id = i.contact_id
          left join tasks t on t.id = i.follow_up_task_id left join users u on u.id = t.owner_id
         where i.event_id = ${eventId} and i.archived_at is null and ${accountIdInScope(ctx.user, sql`i.account_id`)}
         order by a.name_sort nulls last, a.name, c.name, i.id`,
  );
  return found.map((r) => ({
    id: r.id,
    eventId: r.event_id as string,
    accountId: r.account_id as string,
    accountName: r.account_name as string,
    contact: { id: r.contact_id as string, name: r.contact_name as string, title: r.contact_title as string | null },
    status: r.status as never,
    notes: r.notes as string | null,
    followUpTask: r.follow_up_task_id
      ? {
          id: r.follow_up_task_id as string,
          title: r.task_title as string,
          dueDate: isoDate(r.task_due),
          status: r.task_status as string,
          owner: { id: r.task_owner_id as string, displayName: r.task_owner_name as string },
        }
      : null,
    version: r.version as number,
    createdAt: isoTimestamp(r.created_at),
    updatedAt: isoTimestamp(r.updated_at),
    archivedAt: null,
  }));
}

export async function getEvent(ctx: Ctx, id: string) {
  assertCan(ctx.user, 'performance.read');
  const r = await one<Row>(
    ctx.db,
    sql`${select(ctx.user)} where e.id = ${id} and e.archived_at is null and ${eventScope(ctx.user)}`,
  );
  if (!r) throw AppError.notFound('Event');
  return { ...toEvent(r), invitations: await invitationsOf(ctx, id) };
}

function checkOrgUnit(user: Principal, orgUnitId: string) {
  if (user.role !== 'admin' && !user.orgUnitIds.includes(orgUnitId))
    throw AppError.invalid('body.orgUnitId', 'not your unit or a unit below it');
}

export async function createEvent(ctx: Ctx, input: z.infer<typeof CreateEvent>) {
  assertCan(ctx.user, 'event.write');
  const orgUnitId = input.orgUnitId ?? ctx.user.orgUnitId;
  checkOrgUnit(ctx.user, orgUnitId);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(clubEvents)
      .values({ ...input, orgUnitId, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .returning({ id: clubEvents.id });
    await audit(withDb(ctx, tx), 'event.create', 'event', row!.id, { title: input.title });
    return row!.id;
  });
  return getEvent(ctx, id);
}

export async function updateEvent(ctx: Ctx, id: string, input: z.infer<typeof UpdateEvent>) {
  assertCan(ctx.user, 'event.write');
  await getEvent(ctx, id);
  const { version, ...fields } = input;
  if (fields.orgUnitId) checkOrgUnit(ctx.user, fields.orgUnitId);
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, clubEvents, 'Event', id, version, fields);
    await audit(withDb(ctx, tx), 'event.update', 'event', id, { fields: Object.keys(fields) });
  });
  return getEvent(ctx, id);
}

export async function inviteContacts(ctx: Ctx, eventId: string, input: z.infer<typeof CreateInvitations>) {
  assertCan(ctx.user, 'event.write');
  await getEvent(ctx, eventId);
  const ids = [...new Set(input.contactIds)];
  const found = await rows<{ id: string; account_id: string }>(
    ctx.db,
    sql`select c.id, c.account_id from contacts c
         where c.id = any(${pgArray(ids)}::uuid[]) and c.archived_at is null
           and ${accountIdInScope(ctx.user, sql`c.account_id`)}`,
  );
  if (found.length !== ids.length)
    throw AppError.invalid('body.contactIds', 'each must be a contact of an account in your scope');
  await ctx.db.transaction(async (tx) => {
    const added = await tx
      .insert(eventInvitations)
      .values(
        found.map((c) => ({
          eventId,
          accountId: c.account_id,
          contactId: c.id,
          createdBy: ctx.user.id,
          updatedBy: ctx.user.id,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: eventInvitations.id, accountId: eventInvitations.accountId });
    for (const accountId of new Set(added.map((a) => a.accountId)))
      await audit(withDb(ctx, tx), 'event.invite', 'account', accountId, { eventId });
  });
  return getEvent(ctx, eventId);
}

async function getInvitation(ctx: Ctx, eventId: string, invitationId: string) {
  const event = await getEvent(ctx, eventId);
  const invitation = event.invitations.find((i) => i.id === invitationId);
  if (!invitation) throw AppError.notFound('Invitation');
  return { event, invitation };
}

export async function updateInvitation(
  ctx: Ctx,
  eventId: string,
  invitationId: string,
  input: z.infer<typeof UpdateInvitation>,
) {
  assertCan(ctx.user, 'event.write');
  const { invitation } = await getInvitation(ctx, eventId, invitationId);
  const { version, ...fields } = input;
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, eventInvitations, 'Invitation', invitationId, version, fields);
    await audit(withDb(ctx, tx), 'event.attendance', 'account', invitation.accountId, {
      eventId,
      invitationId,
      ...(fields.status ? { from: invitation.status, to: fields.status } : {}),
    });
  });
  return getEvent(ctx, eventId);
}

/** The follow-up after an event is a task in the tasks module, so it lands in its owner's "my tasks". */
export async function addFollowUp(
  ctx: Ctx,
  eventId: string,
  invitationId: string,
  input: z.infer<typeof CreateEventFollowUp>,
) {
  assertCan(ctx.user, 'event.write');
  assertCan(ctx.user, 'task.write');
  const { event, invitation } = await getInvitation(ctx, eventId, invitationId);
  if (invitation.followUpTask) throw new AppError('conflict', 'This invitation already has a follow-up task');
  const ownerId = input.ownerId ?? ctx.user.id;
  await checkOwner(ctx.db, ownerId, 'body.ownerId');
  await ctx.db.transaction(async (tx) => {
    const [taskId] = await insertTasks(tx, [
      {
        accountId: invitation.accountId,
        ownerId,
        kind: 'follow_up',
        title: input.title,
        suggestedAction: event.title,
        dueDate: input.dueDate,
        sourceKind: 'event',
        sourceId: eventId,
        contactId: invitation.contact.id,
        createdBy: ctx.user.id,
        updatedBy: ctx.user.id,
      },
    ]);
    await tx.execute(
      sql`update event_invitations set follow_up_task_id = ${taskId}, version = version + 1, updated_at = now(),
            updated_by = ${ctx.user.id} where id = ${invitationId}`,
    );
    await audit(withDb(ctx, tx), 'event.follow_up', 'account', invitation.accountId, { eventId, taskId });
  });
  return getEvent(ctx, eventId);
}
