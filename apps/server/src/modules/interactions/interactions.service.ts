import type { CreateInteraction, InteractionListQuery, UpdateInteraction } from '@kamap/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountIdInScope, assertCan } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import {
  type Db,
  isoDateOrNull,
  isoTimestamp,
  isoTimestampOrNull,
  one,
  pgArray,
  rows,
} from '../../platform/db/index.js';
import { versionedUpdate } from '../../platform/db/versioned.js';
import { AppError } from '../../platform/errors.js';
import { afterCursor, orderBy, sortSpec, toPage } from '../../platform/http/paging.js';
import { assertAccountInScope } from '../accounts/index.js';
import { checkOwner, insertTasks } from '../tasks/index.js';
import { interactions } from './interactions.table.js';

type Row = Record<string, unknown> & { id: string; occurred_at: unknown };

const select = sql`
  select i.*, a.name as account_name, u.display_name as user_name, nu.display_name as next_step_owner_name,
    (select t.id from tasks t where t.source_kind = 'interaction' and t.source_id = i.id order by t.created_at limit 1) as next_step_task_id,
    (select coalesce(json_agg(json_build_object('id', c.id, 'name', c.name) order by c.name), '[]'::json)
       from contacts c where c.id = any(i.contact_ids)) as contacts,
    (select coalesce(json_agg(json_build_object('id', cu.id, 'displayName', cu.display_name) order by cu.display_name), '[]'::json)
       from users cu where cu.id = any(i.colleague_ids)) as colleagues
  from interactions i join accounts a on a.id = i.account_id join users u on u.id = i.user_id
  left join users nu on nu.id = i.next_step_owner_id`;

const toInteraction = (r: Row) => ({
  id: r.id,
  accountId: r.account_id as string,
  accountName: r.account_name as string,
  kind: r.kind as never,
  occurredAt: isoTimestamp(r.occurred_at),
  subject: r.subject as string,
  notes: r.notes as string | null,
  nextStep: r.next_step as string | null,
  nextStepDue: isoDateOrNull(r.next_step_due),
  nextStepOwner: r.next_step_owner_id
    ? { id: r.next_step_owner_id as string, displayName: (r.next_step_owner_name as string) ?? '' }
    : null,
  nextStepTaskId: (r.next_step_task_id as string | null) ?? null,
  user: { id: r.user_id as string, displayName: r.user_name as string },
  contacts: r.contacts as { id: string; name: string }[],
  colleagues: r.colleagues as { id: string; displayName: string }[],
  checkInPlace: r.check_in_place as string | null,
  checkInAt: isoTimestampOrNull(r.check_in_at),
  version: r.version as number,
  createdAt: isoTimestamp(r.created_at),
  updatedAt: isoTimestamp(r.updated_at),
  archivedAt: isoTimestampOrNull(r.archived_at),
});

export async function listInteractions(ctx: Ctx, q: z.infer<typeof InteractionListQuery>) {
  const spec = sortSpec(q.sort, { occurredAt: sql`i.occurred_at` });
  const filter = sql.join(
    [
      accountIdInScope(ctx.user, sql`i.account_id`),
      q.includeArchived ? undefined : sql`i.archived_at is null`,
      q.accountId ? sql`i.account_id = ${q.accountId}` : undefined,
      q.kind ? sql`i.kind = ${q.kind}` : undefined,
      q.userId ? sql`i.user_id = ${q.userId}` : undefined,
      q.contactId ? sql`${q.contactId}::uuid = any(i.contact_ids)` : undefined,
      q.q ? sql`(i.subject ilike ${`%${q.q}%`} or i.notes ilike ${`%${q.q}%`})` : undefined,
    ].filter((p) => p !== undefined),
    sql` and `,
  );
  const [fetched, total] = await Promise.all([
    rows<Row>(
      ctx.db,
      sql`${select} where ${filter} and ${afterCursor(spec, sql`i.id`, q.cursor)} order by ${orderBy(spec, sql`i.id`)} limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(ctx.db, sql`select count(*)::int as n from interactions i where ${filter}`),
  ]);
  return toPage(fetched, q.limit, (r) => [String(r.occurred_at), r.id], toInteraction, total?.n ?? 0);
}

export async function getInteraction(ctx: Ctx, id: string) {
  const r = await one<Row>(
    ctx.db,
    sql`${select} where i.id = ${id} and ${accountIdInScope(ctx.user, sql`i.account_id`)}`,
  );
  if (!r) throw AppError.notFound('Interaction');
  return toInteraction(r);
}

async function checkPeople(
  db: Db,
  accountId: string,
  contactIds: string[] | undefined,
  colleagueIds: string[] | undefined,
) {
  if (contactIds?.length) {
    const found = await one<{ n: number }>(
      db,
      sql`select count(*)::int as n from contacts where id = any(${pgArray(contactIds)}::uuid[]) and account_id = ${accountId}`,
    );
    if ((found?.n ?? 0) !== new Set(contactIds).size)
      throw AppError.invalid('body.contactIds', 'not all are contacts of this account');
  }
  if (colleagueIds?.length) {
    const found = await one<{ n: number }>(
      db,
      sql`select count(*)::int as n from users where id = any(${pgArray(colleagueIds)}::uuid[])`,
    );
    if ((found?.n ?? 0) !== new Set(colleagueIds).size) throw AppError.invalid('body.colleagueIds', 'unknown user');
  }
}

async function touchContacts(db: Db, contactIds: string[], at: string) {
  if (!contactIds.length) return;
  await db.execute(
    sql`update contacts set last_contact_at = greatest(coalesce(last_contact_at, ${at}::timestamptz), ${at}::timestamptz)
        where id = any(${pgArray(contactIds)}::uuid[])`,
  );
}

export async function createInteraction(ctx: Ctx, input: z.infer<typeof CreateInteraction>) {
  assertCan(ctx.user, 'interaction.write');
  await assertAccountInScope(ctx, input.accountId).catch(() => {
    throw AppError.invalid('body.accountId', 'no such account');
  });
  await checkPeople(ctx.db, input.accountId, input.contactIds, input.colleagueIds);
  if (input.nextStepDue && !input.nextStep) throw AppError.invalid('body.nextStep', 'a due date needs a next step');
  if (input.nextStepOwnerId) {
    if (!input.nextStepDue) throw AppError.invalid('body.nextStepDue', 'an owner needs a due date');
    await checkOwner(ctx.db, input.nextStepOwnerId, 'body.nextStepOwnerId');
  }
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(interactions)
      .values({
        ...input,
        occurredAt: new Date(input.occurredAt),
        checkInAt: input.checkInAt ? new Date(input.checkInAt) : null,
        userId: ctx.user.id,
        createdBy: ctx.user.id,
        updatedBy: ctx.user.id,
      })
      .returning({ id: interactions.id });
    await touchContacts(tx, input.contactIds, input.occurredAt);
    if (input.nextStep && input.nextStepDue)
      await insertTasks(tx, [
        {
          accountId: input.accountId,
          ownerId: input.nextStepOwnerId ?? ctx.user.id,
          kind: 'follow_up',
          title: input.nextStep,
          suggestedAction: input.subject,
          dueDate: input.nextStepDue,
          sourceKind: 'interaction',
          sourceId: row!.id,
          contactId: input.contactIds[0] ?? null,
          createdBy: ctx.user.id,
          updatedBy: ctx.user.id,
        },
      ]);
    await audit(withDb(ctx, tx), 'interaction.create', 'account', input.accountId, {
      interactionId: row!.id,
      kind: input.kind,
    });
    return row!.id;
  });
  return getInteraction(ctx, id);
}

export async function updateInteraction(ctx: Ctx, id: string, input: z.infer<typeof UpdateInteraction>) {
  assertCan(ctx.user, 'interaction.write');
  const current = await getInteraction(ctx, id);
  await checkPeople(ctx.db, current.accountId, input.contactIds, input.colleagueIds);
  const { version, ...fields } = input;
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, interactions, 'Interaction', id, version, fields);
    if (fields.contactIds) await touchContacts(tx, fields.contactIds, current.occurredAt);
    await audit(withDb(ctx, tx), 'interaction.update', 'account', current.accountId, { interactionId: id });
  });
  return getInteraction(ctx, id);
}

/** The timeline source for interactions (modules/timeline merges it with the others). */
export const interactionTimelineSource = (accountId: string) =>
  sql`select 'interaction' as kind, i.id::text as id, i.occurred_at as at, i.subject as title, i.kind as subtype,
             null::bigint as amount, i.user_id as actor_id, u.display_name as actor_name
      from interactions i join users u on u.id = i.user_id
      where i.account_id = ${accountId} and i.archived_at is null`;

export async function archiveInteraction(ctx: Ctx, id: string, version: number) {
  assertCan(ctx.user, 'interaction.write');
  const current = await getInteraction(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, interactions, 'Interaction', id, version, { archivedAt: new Date() });
    await audit(withDb(ctx, tx), 'interaction.archive', 'account', current.accountId, { interactionId: id });
  });
}
