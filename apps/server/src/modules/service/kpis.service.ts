import type { ServiceKpiQuery } from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountIdInScope, assertCan } from '../../platform/access/index.js';
import type { Ctx } from '../../platform/context.js';
import { rows } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { todayInChina } from '../../platform/today.js';

type KpiRow = {
  key: string;
  label: string;
  complaints: number;
  closed: number;
  response_due: number;
  response_met: number;
  resolution_due: number;
  resolution_met: number;
  avg_response_hours: number | null;
  avg_resolution_hours: number | null;
  avg_follow_up: number | null;
  escalated: number;
};

const round = (x: number | null, digits = 1) =>
  x === null ? null : Math.round(Number(x) * 10 ** digits) / 10 ** digits;

function toKpi(r: KpiRow) {
  return {
    key: r.key,
    label: r.label,
    complaints: r.complaints,
    closed: r.closed,
    responseSlaRate: r.response_due ? round(r.response_met / r.response_due, 3) : null,
    resolutionSlaRate: r.resolution_due ? round(r.resolution_met / r.resolution_due, 3) : null,
    avgResponseHours: round(r.avg_response_hours),
    avgResolutionHours: round(r.avg_resolution_hours),
    avgFollowUpSatisfaction: round(r.avg_follow_up, 2),
    escalated: r.escalated,
  };
}

/**
 * The back office's KPIs over complaints received in [from, to] (China dates): SLA hit rates count a
 * complaint once its due time has passed or it was done, so a fresh complaint does not count yet.
 * Teams are the org unit of whoever handles it (the assignee, else the first owner).
 */
export async function serviceKpis(ctx: Ctx, q: z.infer<typeof ServiceKpiQuery>) {
  assertCan(ctx.user, 'service.read');
  const to = q.to ?? todayInChina();
  const from = q.from ?? new Date(Date.parse(to) - 89 * 86_400_000).toISOString().slice(0, 10);
  if (from > to) throw AppError.invalid('querystring.from', 'is after to');
  const measures = sql`count(*)::int as complaints,
      count(*) filter (where c.status = 'closed')::int as closed,
      count(*) filter (where c.responded_at is not null or c.response_due_at < now())::int as response_due,
      count(*) filter (where c.responded_at <= c.response_due_at)::int as response_met,
      count(*) filter (where c.resolved_at is not null or c.resolution_due_at < now())::int as resolution_due,
      count(*) filter (where c.resolved_at <= c.resolution_due_at)::int as resolution_met,
      avg(extract(epoch from c.responded_at - c.received_at) / 3600)::float8 as avg_response_hours,
      avg(extract(epoch from c.resolved_at - c.received_at) / 3600)::float8 as avg_resolution_hours,
      avg(c.follow_up_satisfaction)::float8 as avg_follow_up,
      count(*) filter (where c.escalated_at is not null)::int as escalated`;
  const base = sql`from complaints c
      left join users h on h.id = coalesce(c.assignee_id, c.first_owner_id)
      left join org_units ou on ou.id = h.org_unit_id
      where ${accountIdInScope(ctx.user, sql`c.account_id`)} and c.archived_at is null
        and c.received_at >= (${from}::date)::timestamp at time zone 'Asia/Shanghai'
        and c.received_at < (${to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`;
  const grouped = (key: SQL, label: SQL) =>
    rows<KpiRow>(
      ctx.db,
      sql`select ${key} as key, ${label} as label, ${measures} ${base} group by 1, 2 order by 3 desc, 1`,
    );
  const [total, byTier, byTeam] = await Promise.all([
    rows<KpiRow>(ctx.db, sql`select 'total' as key, 'total' as label, ${measures} ${base}`),
    grouped(sql`c.tier`, sql`c.tier`),
    grouped(sql`coalesce(ou.id::text, '-')`, sql`coalesce(ou.name, '-')`),
  ]);
  const tierOrder = ['strategic', 'core', 'general'];
  return {
    from,
    to,
    total: toKpi(total[0] as KpiRow),
    byTier: byTier.map(toKpi).sort((a, b) => tierOrder.indexOf(a.key) - tierOrder.indexOf(b.key)),
    byTeam: byTeam.map(toKpi),
  };
}
