import type { Writable } from 'node:stream';
import type { ExportFormat } from '@kamap/contracts';
import { sql } from 'drizzle-orm';
import { assertCan, type Principal } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { type Db, isoTimestamp, isoTimestampOrNull, pgArray, rows } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { type ExportKind, personalKinds } from './export-lists.js';
import { writeExport } from './exports.service.js';

/**
 * Personal data leaves the system only on purpose: when the setting asks for it, an export of
 * personal data (contacts, interactions, surveys) by anyone but a director or admin is a request (with a reason) that a director whose
 * org unit covers the requester, or an admin, approves or rejects; the requester then downloads it
 * once, with the requester's own scope and masking. Every step is audited.
 */
const SETTING = 'personalDataNeedsApproval';

export async function exportSettings(db: Db): Promise<{ personalDataNeedsApproval: boolean }> {
  const [found] = await rows<{ value: boolean }>(db, sql`select value from export_settings where key = ${SETTING}`);
  return { personalDataNeedsApproval: found?.value === true };
}

export async function updateExportSettings(ctx: Ctx, input: { personalDataNeedsApproval: boolean }) {
  assertCan(ctx.user, 'user.manage');
  await ctx.db.execute(sql`
    insert into export_settings (key, value, updated_by) values (${SETTING}, ${JSON.stringify(input.personalDataNeedsApproval)}::jsonb, ${ctx.user.id})
    on conflict (key) do update set value = excluded.value, updated_by = excluded.updated_by, updated_at = now()`);
  await audit(ctx, 'export.settings', 'export_settings', SETTING, input);
  return exportSettings(ctx.db);
}

const approver = (user: Principal) => user.role === 'admin' || user.role === 'director';

/** Whether this export must go through a request first. */
export async function needsApproval(ctx: Ctx, kind: ExportKind): Promise<boolean> {
  if (!personalKinds.includes(kind) || approver(ctx.user)) return false;
  return (await exportSettings(ctx.db)).personalDataNeedsApproval;
}

type RequestRow = {
  id: string;
  kind: ExportKind;
  format: ExportFormat;
  filters: Record<string, string>;
  reason: string;
  status: 'pending' | 'approved' | 'rejected' | 'downloaded';
  requested_by: string;
  requester_name: string;
  requester_unit: string;
  requested_at: unknown;
  decided_by: string | null;
  decider_name: string | null;
  decided_at: unknown;
  decision_note: string | null;
};

const toRequest = (r: RequestRow) => ({
  id: r.id,
  kind: r.kind,
  format: r.format,
  filters: r.filters,
  reason: r.reason,
  status: r.status,
  requestedBy: { id: r.requested_by, displayName: r.requester_name },
  requestedAt: isoTimestamp(r.requested_at),
  decidedBy: r.decided_by ? { id: r.decided_by, displayName: r.decider_name ?? '' } : null,
  decidedAt: isoTimestampOrNull(r.decided_at),
  decisionNote: r.decision_note,
});

/** Requests the caller may see: its own, and (approvers) those of users in its org-unit subtree. */
function visible(user: Principal) {
  if (user.role === 'admin') return sql`true`;
  if (user.role === 'director') {
    return sql`(r.requested_by = ${user.id} or ru.org_unit_id = any(${pgArray(user.orgUnitIds)}::uuid[]))`;
  }
  return sql`r.requested_by = ${user.id}`;
}

const SELECT = sql`
  select r.*, ru.display_name as requester_name, ru.org_unit_id as requester_unit, du.display_name as decider_name
    from export_requests r join users ru on ru.id = r.requested_by left join users du on du.id = r.decided_by`;

export async function listExportRequests(ctx: Ctx, q: { status?: string | undefined }) {
  const found = await rows<RequestRow>(
    ctx.db,
    sql`${SELECT} where ${visible(ctx.user)} and ${q.status ? sql`r.status = ${q.status}` : sql`true`}
        order by r.requested_at desc limit 200`,
  );
  return { items: found.map(toRequest) };
}

async function getRequest(ctx: Ctx, id: string) {
  const [found] = await rows<RequestRow>(ctx.db, sql`${SELECT} where r.id = ${id} and ${visible(ctx.user)}`);
  if (!found) throw AppError.notFound('Export request');
  return found;
}

export async function requestExport(
  ctx: Ctx,
  input: { kind: ExportKind; format: ExportFormat; filters: Record<string, string>; reason: string },
) {
  if (!personalKinds.includes(input.kind))
    throw AppError.invalid('kind', 'only exports of personal data need a request');
  if (input.format === 'vcf' && input.kind !== 'contacts')
    throw AppError.invalid('format', 'vCard is for contacts only');
  return ctx.db.transaction(async (tx) => {
    const [made] = await rows<{ id: string }>(
      tx,
      sql`insert into export_requests (kind, format, filters, reason, requested_by)
          values (${input.kind}, ${input.format}, ${JSON.stringify(input.filters)}::jsonb, ${input.reason}, ${ctx.user.id})
          returning id`,
    );
    await audit({ ...ctx, db: tx }, 'export.request', 'export_request', made!.id, {
      kind: input.kind,
      format: input.format,
    });
    return toRequest((await rows<RequestRow>(tx, sql`${SELECT} where r.id = ${made!.id}`))[0]!);
  });
}

export async function decideExportRequest(
  ctx: Ctx,
  id: string,
  input: { decision: 'approved' | 'rejected'; note?: string | undefined },
) {
  if (!approver(ctx.user)) throw new AppError('forbidden', 'Only a director or an admin decides export requests');
  const found = await getRequest(ctx, id);
  if (found.requested_by === ctx.user.id) throw new AppError('forbidden', 'Nobody approves their own export request');
  if (found.status !== 'pending') throw new AppError('conflict', `This request is already ${found.status}`);
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`
      update export_requests set status = ${input.decision}, decided_by = ${ctx.user.id}, decided_at = now(), decision_note = ${input.note ?? null}
       where id = ${id} and status = 'pending'`);
    await audit(
      { ...ctx, db: tx },
      `export.${input.decision === 'approved' ? 'approve' : 'reject'}`,
      'export_request',
      id,
      {
        note: input.note ?? null,
      },
    );
  });
  return toRequest(await getRequest(ctx, id));
}

/** The approved export, once, written as the requester (its scope and masking), by the requester only. */
export async function downloadApprovedExport(ctx: Ctx, id: string, out: Writable) {
  const found = await getRequest(ctx, id);
  if (found.requested_by !== ctx.user.id) throw AppError.notFound('Export request');
  if (found.status !== 'approved') {
    throw new AppError(
      'conflict',
      found.status === 'downloaded' ? 'This export was already downloaded' : `This request is ${found.status}`,
    );
  }
  const claimed = await rows<{ id: string }>(
    ctx.db,
    sql`update export_requests set status = 'downloaded', downloaded_at = now() where id = ${id} and status = 'approved' returning id`,
  );
  if (!claimed.length) throw new AppError('conflict', 'This export was already downloaded');
  await audit(ctx, 'export.download', 'export_request', id, { kind: found.kind, format: found.format });
  return {
    kind: found.kind,
    format: found.format,
    write: () => writeExport(ctx, found.kind, found.format, out, found.filters),
  };
}
