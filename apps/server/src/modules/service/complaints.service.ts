import type {
  ComplaintFollowUp,
  ComplaintListQuery,
  ComplaintStatus,
  CreateComplaint,
  RaiseNeedFromComplaint,
  UpdateComplaint,
} from '@kamap/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountIdInScope, assertCan, can, type Principal } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { type Db, isoTimestamp, isoTimestampOrNull, one, rows } from '../../platform/db/index.js';
import { versionedUpdate } from '../../platform/db/versioned.js';
import { AppError } from '../../platform/errors.js';
import { afterCursor, orderBy, sortSpec, toPage } from '../../platform/http/paging.js';
import { assertAccountInScope } from '../accounts/index.js';
import { latestTier } from '../analytics/index.js';
import { createNeed, getNeed } from '../needs/index.js';
import { complaintEvents, complaints } from './service.table.js';
import { slaFor } from './sla.js';

type Row = Record<string, unknown> & { id: string; received_at: unknown; resolution_due_at: unknown };

const select = sql`
  select c.*, a.name as account_name, ct.name as contact_name,
    fo.display_name as first_owner_name, asg.display_name as assignee_name, esc.display_name as escalated_to_name
  from complaints c
  join accounts a on a.id = c.account_id
  join users fo on fo.id = c.first_owner_id
  left join users asg on asg.id = c.assignee_id
  left join users esc on esc.id = c.escalated_to_id
  left join contacts ct on ct.id = c.contact_id`;

/** met: done in time; breached: late (done late, or still open past due); running: still open, in time. */
function clock(due: Date, doneAt: Date | null, now: Date): 'met' | 'running' | 'breached' {
  if (doneAt) return doneAt <= due ? 'met' : 'breached';
  return now > due ? 'breached' : 'running';
}

const ref = (id: unknown, name: unknown) => (id ? { id: id as string, displayName: (name as string) ?? '' } : null);

function toComplaint(r: Row, now = new Date()) {
  const responseDue = new Date(isoTimestamp(r.response_due_at));
  const resolutionDue = new Date(isoTimestamp(r.resolution_due_at));
  const responded = isoTimestampOrNull(r.responded_at);
  const resolved = isoTimestampOrNull(r.resolved_at);
  return {
    id: r.id,
    accountId: r.account_id as string,
    accountName: r.account_name as string,
    contact: r.contact_id ? { id: r.contact_id as string, name: r.contact_name as string } : null,
    title: r.title as string,
    description: r.description as string | null,
    severity: r.severity as never,
    channel: r.channel as never,
    status: r.status as ComplaintStatus,
    tier: r.tier as never,
    firstOwner: ref(r.first_owner_id, r.first_owner_name) as { id: string; displayName: string },
    assignee: ref(r.assignee_id, r.assignee_name),
    receivedAt: isoTimestamp(r.received_at),
    respondedAt: responded,
    resolvedAt: resolved,
    closedAt: isoTimestampOrNull(r.closed_at),
    sla: {
      responseDueAt: responseDue.toISOString(),
      resolutionDueAt: resolutionDue.toISOString(),
      response: clock(responseDue, responded ? new Date(responded) : null, now),
      resolution: clock(resolutionDue, resolved ? new Date(resolved) : null, now),
    },
    escalatedAt: isoTimestampOrNull(r.escalated_at),
    escalatedTo: ref(r.escalated_to_id, r.escalated_to_name),
    rootCause: r.root_cause as never,
    resolution: r.resolution as string | null,
    followUpAt: isoTimestampOrNull(r.follow_up_at),
    followUpSatisfaction: r.follow_up_satisfaction as number | null,
    followUpNotes: r.follow_up_notes as string | null,
    version: r.version as number,
    createdAt: isoTimestamp(r.created_at),
    updatedAt: isoTimestamp(r.updated_at),
    archivedAt: isoTimestampOrNull(r.archived_at),
  };
}

/** SQL: the complaint is past a due time it has not met (the same rule as `clock`). */
export const breachedSql = sql`((c.responded_at is null and c.response_due_at < now()) or c.responded_at > c.response_due_at
  or (c.resolved_at is null and c.resolution_due_at < now()) or c.resolved_at > c.resolution_due_at)`;

export async function listComplaints(ctx: Ctx, q: z.infer<typeof ComplaintListQuery>) {
  assertCan(ctx.user, 'service.read');
  const spec = sortSpec(q.sort, { receivedAt: sql`c.received_at`, resolutionDueAt: sql`c.resolution_due_at` });
  const filter = sql.join(
    [
      accountIdInScope(ctx.user, sql`c.account_id`),
      q.includeArchived ? undefined : sql`c.archived_at is null`,
      q.accountId ? sql`c.account_id = ${q.accountId}` : undefined,
      q.status ? sql`c.status = ${q.status}` : undefined,
      q.severity ? sql`c.severity = ${q.severity}` : undefined,
      q.open === undefined
        ? undefined
        : q.open
          ? sql`c.status in ('open', 'in_progress')`
          : sql`c.status in ('resolved', 'closed')`,
      q.breached === undefined ? undefined : q.breached ? breachedSql : sql`not ${breachedSql}`,
      q.mine ? sql`(c.first_owner_id = ${ctx.user.id} or c.assignee_id = ${ctx.user.id})` : undefined,
      q.q ? sql`(c.title ilike ${`%${q.q}%`} or c.description ilike ${`%${q.q}%`})` : undefined,
    ].filter((p) => p !== undefined),
    sql` and `,
  );
  const [fetched, total] = await Promise.all([
    rows<Row>(
      ctx.db,
      sql`${select} where ${filter} and ${afterCursor(spec, sql`c.id`, q.cursor)} order by ${orderBy(spec, sql`c.id`)} limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(ctx.db, sql`select count(*)::int as n from complaints c where ${filter}`),
  ]);
  const now = new Date();
  return toPage(
    fetched,
    q.limit,
    (r) => [String(spec.key === 'receivedAt' ? r.received_at : r.resolution_due_at), r.id],
    (r) => toComplaint(r, now),
    total?.n ?? 0,
  );
}

async function findComplaint(ctx: Ctx, id: string) {
  assertCan(ctx.user, 'service.read');
  const r = await one<Row>(
    ctx.db,
    sql`${select} where c.id = ${id} and ${accountIdInScope(ctx.user, sql`c.account_id`)}`,
  );
  if (!r) throw AppError.notFound('Complaint');
  return toComplaint(r);
}

export async function getComplaint(ctx: Ctx, id: string) {
  const complaint = await findComplaint(ctx, id);
  const history = await rows<Record<string, unknown>>(
    ctx.db,
    sql`select e.*, u.display_name as user_name from complaint_events e left join users u on u.id = e.user_id
        where e.complaint_id = ${id} order by e.at, e.id`,
  );
  const raised = await rows<Record<string, unknown>>(
    ctx.db,
    sql`select n.id, n.title, n.status, n.band, n.created_at from needs n
        where n.source_kind = 'complaint' and n.source_id = ${id} and n.account_id = ${complaint.accountId}
          and n.archived_at is null order by n.created_at, n.id`,
  );
  return {
    ...complaint,
    needs: raised.map((n) => ({
      id: n.id as string,
      title: n.title as string,
      status: n.status as never,
      band: n.band as never,
      createdAt: isoTimestamp(n.created_at),
    })),
    history: history.map((e) => ({
      id: Number(e.id),
      kind: e.kind as never,
      fromStatus: (e.from_status as ComplaintStatus | null) ?? null,
      toStatus: (e.to_status as ComplaintStatus | null) ?? null,
      user: ref(e.user_id, e.user_name),
      note: (e.note as string | null) ?? null,
      at: isoTimestamp(e.at),
    })),
  };
}

/** An assignee must be an active colleague (not a channel agent). */
async function checkAssignee(db: Db, assigneeId: string | null | undefined) {
  if (!assigneeId) return;
  const found = await one<{ id: string }>(
    db,
    sql`select id from users where id = ${assigneeId} and disabled_at is null and role <> 'agent'`,
  );
  if (!found) throw AppError.invalid('body.assigneeId', 'not an active colleague');
}

export async function createComplaint(ctx: Ctx, input: z.infer<typeof CreateComplaint>) {
  assertCan(ctx.user, 'complaint.write');
  await assertAccountInScope(ctx, input.accountId).catch(() => {
    throw AppError.invalid('body.accountId', 'no such account');
  });
  if (input.contactId) {
    const contact = await one<{ id: string }>(
      ctx.db,
      sql`select id from contacts where id = ${input.contactId} and account_id = ${input.accountId} and archived_at is null`,
    );
    if (!contact) throw AppError.invalid('body.contactId', 'not a contact of this account');
  }
  await checkAssignee(ctx.db, input.assigneeId);
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date();
  if (receivedAt.getTime() > Date.now() + 60_000) throw AppError.invalid('body.receivedAt', 'is in the future');
  const tierRow = await one<{ tier: 'strategic' | 'core' | 'general' }>(
    ctx.db,
    sql`select ${latestTier(sql`${input.accountId}::uuid`)} as tier`,
  );
  const tier = tierRow?.tier ?? 'general';
  const sla = await slaFor(ctx.db, tier, input.severity);
  const hours = (h: number) => new Date(receivedAt.getTime() + h * 3_600_000);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(complaints)
      .values({
        accountId: input.accountId,
        contactId: input.contactId,
        title: input.title,
        description: input.description,
        severity: input.severity,
        channel: input.channel,
        tier,
        firstOwnerId: ctx.user.id,
        assigneeId: input.assigneeId,
        receivedAt,
        responseDueAt: hours(sla.responseHours),
        resolutionDueAt: hours(sla.resolutionHours),
        createdBy: ctx.user.id,
        updatedBy: ctx.user.id,
      })
      .returning({ id: complaints.id });
    const complaintId = row!.id;
    await tx.insert(complaintEvents).values({
      complaintId,
      accountId: input.accountId,
      kind: 'received',
      toStatus: 'open',
      userId: ctx.user.id,
      at: receivedAt,
      details: { tier, responseHours: sla.responseHours, resolutionHours: sla.resolutionHours },
    });
    if (input.assigneeId)
      await tx.insert(complaintEvents).values({
        complaintId,
        accountId: input.accountId,
        kind: 'assigned',
        userId: ctx.user.id,
        details: { assigneeId: input.assigneeId },
      });
    await audit(withDb(ctx, tx), 'complaint.create', 'account', input.accountId, { complaintId });
    return complaintId;
  });
  return getComplaint(ctx, id);
}

/** Allowed moves; a closed complaint stays closed (a new problem is a new complaint). */
const transitions: Record<ComplaintStatus, ComplaintStatus[]> = {
  open: ['in_progress', 'resolved'],
  in_progress: ['resolved'],
  resolved: ['in_progress', 'closed'],
  closed: [],
};

export async function updateComplaint(ctx: Ctx, id: string, input: z.infer<typeof UpdateComplaint>) {
  assertCan(ctx.user, 'complaint.write');
  const current = await findComplaint(ctx, id);
  const { version, note, status, ...fields } = input;
  if (current.status === 'closed') throw new AppError('conflict', 'The complaint is closed');
  await checkAssignee(ctx.db, fields.assigneeId);
  const changes: Record<string, unknown> = { ...fields };
  const now = new Date();
  if (status && status !== current.status) {
    if (!transitions[current.status].includes(status))
      throw AppError.invalid('body.status', `cannot go from ${current.status} to ${status}`);
    if (status === 'resolved' && !(fields.resolution ?? current.resolution))
      throw AppError.invalid('body.resolution', 'say how it was resolved before resolving it');
    if (status === 'resolved' && !(fields.rootCause ?? current.rootCause))
      throw AppError.invalid('body.rootCause', 'record the root cause before resolving it');
    changes.status = status;
    if (!current.respondedAt) changes.respondedAt = now;
    if (status === 'resolved') changes.resolvedAt = now;
    if (status === 'in_progress') changes.resolvedAt = null;
    if (status === 'closed') changes.closedAt = now;
  }
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, complaints, 'Complaint', id, version, changes);
    const event = (kind: 'status' | 'assigned' | 'responded' | 'updated', extra: Record<string, unknown> = {}) =>
      tx.insert(complaintEvents).values({
        complaintId: id,
        accountId: current.accountId,
        kind,
        userId: ctx.user.id,
        at: now,
        note: note ?? null,
        ...extra,
      });
    if (changes.respondedAt) await event('responded', { note: null });
    if (changes.status) await event('status', { fromStatus: current.status, toStatus: status });
    if (fields.assigneeId !== undefined && fields.assigneeId !== (current.assignee?.id ?? null))
      await event('assigned', { details: { assigneeId: fields.assigneeId, from: current.assignee?.id ?? null } });
    else if (!changes.status && note) await event('updated');
    await audit(withDb(ctx, tx), 'complaint.update', 'account', current.accountId, {
      complaintId: id,
      fields: Object.keys(changes),
    });
  });
  return getComplaint(ctx, id);
}

/** The need category a root cause most often points to. */
const categoryOfCause: Record<string, z.infer<typeof RaiseNeedFromComplaint>['category']> = {
  product_quality: 'quality',
  delivery: 'delivery',
  service: 'service',
  billing: 'price',
  technical: 'technical',
  communication: 'relationship',
  other: 'other',
};
const urgencyOfSeverity = { low: 2, medium: 3, high: 4, critical: 5 } as const;

/**
 * A complaint can raise a need (DOMAIN.md, service): the need's source is the complaint, and the
 * complaint's history records it; both in one transaction.
 */
export async function raiseNeedFromComplaint(ctx: Ctx, id: string, input: z.infer<typeof RaiseNeedFromComplaint>) {
  assertCan(ctx.user, 'need.write');
  const complaint = await findComplaint(ctx, id);
  const needId = await ctx.db.transaction(async (tx) => {
    const need = await createNeed(withDb(ctx, tx), complaint.accountId, {
      title: input.title ?? complaint.title,
      description: input.description !== undefined ? input.description : complaint.description,
      kind: input.kind,
      category: input.category ?? (complaint.rootCause ? categoryOfCause[complaint.rootCause] : undefined) ?? 'service',
      sourceKind: 'complaint',
      sourceId: id,
      importance: input.importance ?? 3,
      urgency: input.urgency ?? urgencyOfSeverity[complaint.severity as keyof typeof urgencyOfSeverity],
      feasibility: input.feasibility ?? 3,
    });
    await tx.insert(complaintEvents).values({
      complaintId: id,
      accountId: complaint.accountId,
      kind: 'need_raised',
      userId: ctx.user.id,
      note: need.title,
      details: { needId: need.id },
    });
    return need.id;
  });
  return getNeed(ctx, needId);
}

/** The follow-up visit (回访) after resolution, with the customer's satisfaction. */
export async function recordFollowUp(ctx: Ctx, id: string, input: z.infer<typeof ComplaintFollowUp>) {
  assertCan(ctx.user, 'complaint.write');
  const current = await findComplaint(ctx, id);
  if (current.status !== 'resolved' && current.status !== 'closed')
    throw AppError.invalid('body', 'a follow-up comes after the complaint is resolved');
  const at = input.at ? new Date(input.at) : new Date();
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, complaints, 'Complaint', id, input.version, {
      followUpAt: at,
      followUpSatisfaction: input.satisfaction,
      followUpNotes: input.notes,
    });
    await tx.insert(complaintEvents).values({
      complaintId: id,
      accountId: current.accountId,
      kind: 'follow_up',
      userId: ctx.user.id,
      at,
      note: input.notes,
      details: { satisfaction: input.satisfaction },
    });
    await audit(withDb(ctx, tx), 'complaint.follow_up', 'account', current.accountId, { complaintId: id });
  });
  return getComplaint(ctx, id);
}

/**
 * Escalates every open complaint past a due time that has not been escalated yet: to the director of
 * the assignee's (or else the first owner's) org unit or the nearest unit above it, or an admin when
 * no unit has one. Recorded in the history; returns how many it escalated.
 */
export async function escalateBreachedComplaints(db: Db, now = new Date()): Promise<number> {
  const due = await rows<{ id: string; account_id: string; handler_id: string; breach: string; due_at: unknown }>(
    db,
    sql`select c.id, c.account_id, coalesce(c.assignee_id, c.first_owner_id) as handler_id,
          case when c.responded_at is null and c.response_due_at < ${now} then 'response' else 'resolution' end as breach,
          case when c.responded_at is null and c.response_due_at < ${now} then c.response_due_at else c.resolution_due_at end as due_at
        from complaints c
        where c.status in ('open', 'in_progress') and c.escalated_at is null and c.archived_at is null
          and ((c.responded_at is null and c.response_due_at < ${now}) or c.resolution_due_at < ${now})`,
  );
  for (const c of due) {
    const to = await one<{ id: string }>(
      db,
      sql`select d.id from users h join org_units hu on hu.id = h.org_unit_id
          join org_units du on hu.path like du.path || '%'
          join users d on d.org_unit_id = du.id and d.role = 'director' and d.disabled_at is null and d.id <> h.id
          where h.id = ${c.handler_id}
          order by length(du.path) desc, d.created_at, d.id limit 1`,
    );
    const target =
      to ??
      (await one<{ id: string }>(
        db,
        sql`select id from users where role = 'admin' and disabled_at is null order by created_at, id limit 1`,
      ));
    await db.transaction(async (tx) => {
      const done = await rows<{ id: string }>(
        tx,
        sql`update complaints set escalated_at = ${now}, escalated_to_id = ${target?.id ?? null}
            where id = ${c.id} and escalated_at is null returning id`,
      );
      if (!done.length) return;
      await tx.insert(complaintEvents).values({
        complaintId: c.id,
        accountId: c.account_id,
        kind: 'escalated',
        at: now,
        note: null,
        details: { breach: c.breach, dueAt: isoTimestamp(c.due_at), to: target?.id ?? null, handler: c.handler_id },
      });
    });
  }
  return due.length;
}

/**
 * The timeline source for complaints: when each was received, escalated and resolved, linking to it.
 * The id is the history event's, so one complaint can appear several times. Only for roles that read
 * complaints (a channel agent sees the account's timeline without them).
 */
export const complaintTimelineSource = (accountId: string, user: Principal) =>
  sql`select 'complaint' as kind, e.id::text as id, e.at, c.title,
             case when e.kind = 'status' then e.to_status else e.kind end as subtype,
             null::bigint as amount, e.user_id as actor_id, u.display_name as actor_name,
             '/complaints/' || c.id as link, null::int as score
      from complaint_events e join complaints c on c.id = e.complaint_id left join users u on u.id = e.user_id
      where e.account_id = ${accountId} and c.archived_at is null
        and (e.kind in ('received', 'escalated') or (e.kind = 'status' and e.to_status in ('resolved', 'closed')))
        and ${can(user, 'service.read') ? sql`true` : sql`false`}`;
