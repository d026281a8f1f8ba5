import type { AlertAction, AlertListQuery } from '@kamap/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountIdInScope, assertCan } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { isoTimestamp, isoTimestampOrNull, one, pgArray, rows } from '../../platform/db/index.js';
import { versionedUpdate } from '../../platform/db/versioned.js';
import { AppError } from '../../platform/errors.js';
import { afterCursor, orderBy, sortSpec, toPage } from '../../platform/http/paging.js';
import { alertReads, alerts } from './alerts.table.js';

type Row = Record<string, unknown> & { id: string; last_seen_at: unknown };

const select = (ctx: Ctx) => sql`
  select al.*, a.name as account_name, u.display_name as owner_name,
    exists (select 1 from alert_reads rd where rd.alert_id = al.id and rd.user_id = ${ctx.user.id}) as read,
    ${priority} as priority
  from alerts al join accounts a on a.id = al.account_id left join users u on u.id = al.owner_id`;

const toAlert = (r: Row) => ({
  id: r.id,
  accountId: r.account_id as string,
  accountName: r.account_name as string,
  tier: r.tier as never,
  rule: r.rule as never,
  status: r.status as never,
  severity: r.severity as never,
  reason: r.reason as string,
  data: r.data as Record<string, unknown>,
  link: r.link as string,
  owner: r.owner_id ? { id: r.owner_id as string, displayName: r.owner_name as string } : null,
  read: Boolean(r.read),
  firstSeenAt: isoTimestamp(r.first_seen_at),
  lastSeenAt: isoTimestamp(r.last_seen_at),
  snoozedUntil: isoTimestampOrNull(r.snoozed_until),
  acknowledgedAt: isoTimestampOrNull(r.acknowledged_at),
  resolvedAt: isoTimestampOrNull(r.resolved_at),
  version: r.version as number,
});

/** Critical before warning, then strategic, core, general: what to look at first. */
const priority = sql`((case al.severity when 'critical' then 10 else 0 end) + (case al.tier when 'strategic' then 3 when 'core' then 2 else 1 end))`;

const active = sql`al.status in ('open', 'acknowledged')`;
const unread = (ctx: Ctx) =>
  sql`not exists (select 1 from alert_reads rd where rd.alert_id = al.id and rd.user_id = ${ctx.user.id})`;

/** The inbox: alerts on accounts in the caller's scope. */
export async function listAlerts(ctx: Ctx, q: z.infer<typeof AlertListQuery>) {
  assertCan(ctx.user, 'alert.read');
  const spec = sortSpec(q.sort, { lastSeenAt: sql`al.last_seen_at`, priority });
  const filter = sql.join(
    [
      accountIdInScope(ctx.user, sql`al.account_id`),
      q.status ? sql`al.status = ${q.status}` : undefined,
      q.active === undefined ? undefined : q.active ? active : sql`not ${active}`,
      q.rule ? sql`al.rule = ${q.rule}` : undefined,
      q.accountId ? sql`al.account_id = ${q.accountId}` : undefined,
      q.unread === undefined ? undefined : q.unread ? unread(ctx) : sql`not ${unread(ctx)}`,
      q.q ? sql`al.reason ilike ${`%${q.q}%`}` : undefined,
    ].filter((p) => p !== undefined),
    sql` and `,
  );
  const [fetched, total] = await Promise.all([
    rows<Row>(
      ctx.db,
      sql`${select(ctx)} where ${filter} and ${afterCursor(spec, sql`al.id`, q.cursor)} order by ${orderBy(spec, sql`al.id`)} limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(ctx.db, sql`select count(*)::int as n from alerts al where ${filter}`),
  ]);
  return toPage(
    fetched,
    q.limit,
    (r) => [spec.key === 'priority' ? Number(r.priority) : String(r.last_seen_at), r.id],
    toAlert,
    total?.n ?? 0,
  );
}

/** The header bell: active alerts in scope the caller has not opened, and active ones by rule. */
export async function alertCounts(ctx: Ctx) {
  assertCan(ctx.user, 'alert.read');
  const found = await rows<{ rule: string; active: number; unread: number }>(
    ctx.db,
    sql`select al.rule, count(*)::int as active, count(*) filter (where ${unread(ctx)})::int as unread
        from alerts al where ${accountIdInScope(ctx.user, sql`al.account_id`)} and ${active} group by al.rule`,
  );
  return {
    unread: found.reduce((n, r) => n + r.unread, 0),
    active: found.reduce((n, r) => n + r.active, 0),
    byRule: Object.fromEntries(found.map((r) => [r.rule, r.active])),
  };
}

export async function getAlert(ctx: Ctx, id: string) {
  assertCan(ctx.user, 'alert.read');
  const r = await one<Row>(
    ctx.db,
    sql`${select(ctx)} where al.id = ${id} and ${accountIdInScope(ctx.user, sql`al.account_id`)}`,
  );
  if (!r) throw AppError.notFound('Alert');
  return toAlert(r);
}

export async function markRead(ctx: Ctx, ids: string[] | 'all') {
  assertCan(ctx.user, 'alert.read');
  const which = ids === 'all' ? active : sql`al.id = any(${pgArray(ids)}::uuid[])`;
  await ctx.db.execute(
    sql`insert into alert_reads (alert_id, user_id)
        select al.id, ${ctx.user.id} from alerts al where ${which} and ${accountIdInScope(ctx.user, sql`al.account_id`)}
        on conflict do nothing`,
  );
  return alertCounts(ctx);
}

/** Acknowledge (seen, working on it), resolve (handled), snooze (until a time), reopen. */
export async function actOnAlert(ctx: Ctx, id: string, input: z.infer<typeof AlertAction>) {
  assertCan(ctx.user, 'alert.act');
  const current = await getAlert(ctx, id);
  const now = new Date();
  let changes: Record<string, unknown>;
  switch (input.action) {
    case 'acknowledge':
      if (current.status !== 'open' && current.status !== 'snoozed')
        throw AppError.invalid('body.action', `cannot acknowledge an alert that is ${current.status}`);
      changes = { status: 'acknowledged', acknowledgedAt: now, acknowledgedBy: ctx.user.id, snoozedUntil: null };
      break;
    case 'resolve':
      if (current.status === 'resolved') throw AppError.invalid('body.action', 'the alert is already resolved');
      changes = { status: 'resolved', resolvedAt: now, resolvedBy: ctx.user.id, snoozedUntil: null };
      break;
    case 'snooze': {
      if (current.status === 'resolved') throw AppError.invalid('body.action', 'a resolved alert cannot be snoozed');
      const until = input.snoozeUntil ? new Date(input.snoozeUntil) : null;
      if (!until) throw AppError.invalid('body.snoozeUntil', 'say until when');
      if (until <= now || until.getTime() > now.getTime() + 90 * 86_400_000)
        throw AppError.invalid('body.snoozeUntil', 'must be in the next 90 days');
      changes = { status: 'snoozed', snoozedUntil: until };
      break;
    }
    case 'reopen':
      if (current.status !== 'acknowledged' && current.status !== 'snoozed')
        throw AppError.invalid('body.action', `cannot reopen an alert that is ${current.status}`);
      changes = { status: 'open', snoozedUntil: null };
      break;
  }
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, alerts, 'Alert', id, input.version, changes);
    await tx.insert(alertReads).values({ alertId: id, userId: ctx.user.id }).onConflictDoNothing();
    await audit(withDb(ctx, tx), `alert.${input.action}`, 'account', current.accountId, {
      alertId: id,
      rule: current.rule,
      note: input.note ?? null,
    });
  });
  return getAlert(ctx, id);
}
