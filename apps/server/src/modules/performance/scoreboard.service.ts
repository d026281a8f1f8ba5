import type { ScoreboardQuery } from '@kamap/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountIdInScope, assertCan, type Principal } from '../../platform/access/index.js';
import type { Ctx } from '../../platform/context.js';
import { pgArray, rows } from '../../platform/db/index.js';
import { dayEnd, dayStart } from './cost-to-serve.js';
import { actualFor, judge, loadDefinition } from './kpis.service.js';
import { periodRange } from './periods.js';
import { loadSettings } from './settings.service.js';

/** The KAMs a caller may rank: all for admins, their subtree's for managers, themselves for a KAM. */
function kamsVisible(user: Principal) {
  if (user.role === 'admin') return sql`true`;
  if (user.role === 'kam') return sql`u.id = ${user.id}`;
  return sql`u.org_unit_id = any(${pgArray(user.orgUnitIds)}::uuid[])`;
}

/**
 * The KAM scoreboard (seed 001: 激励和奖励机制): points for KPI targets met (green) or nearly met
 * (amber), visits made, contacts who attended club events, value-added services delivered, improvement
 * actions done by their due date, and gaps closed at the next review; each weight is configurable.
 */
export async function scoreboard(ctx: Ctx, q: z.infer<typeof ScoreboardQuery>) {
  assertCan(ctx.user, 'performance.read');
  const range = periodRange(q.period);
  const { incentivePoints: p } = await loadSettings(ctx.db);
  const inScope = (col: ReturnType<typeof sql>) => accountIdInScope(ctx.user, col);
  const found = await rows<Record<string, unknown>>(
    ctx.db,
    sql`select u.id, u.display_name, ou.name as org_unit_name,
          (select count(*) from accounts a where a.owner_id = u.id and a.archived_at is null and ${inScope(sql`a.id`)})::int as accounts,
          (select count(*) from interactions i where i.user_id = u.id and i.kind = 'visit' and i.archived_at is null
             and ${inScope(sql`i.account_id`)}
             and i.occurred_at >= ${dayStart(range.from)} and i.occurred_at < ${dayEnd(range.to)})::int as visits,
          (select count(*) from event_invitations ei join club_events e on e.id = ei.event_id join accounts a on a.id = ei.account_id
            where a.owner_id = u.id and ei.status = 'attended' and ei.archived_at is null and e.status = 'held'
              and ${inScope(sql`ei.account_id`)}
              and e.held_on between ${range.from}::date and ${range.to}::date)::int as event_attendees,
          (select count(*) from value_added_services v join accounts a on a.id = v.account_id
            where a.owner_id = u.id and v.archived_at is null and ${inScope(sql`v.account_id`)}
              and v.delivered_on between ${range.from}::date and ${range.to}::date)::int as vas,
          (select count(*) from review_actions x where x.owner_id = u.id and x.archived_at is null and x.status = 'done'
              and x.done_on <= x.due_date and x.done_on between ${range.from}::date and ${range.to}::date)::int as actions_on_time,
          (select count(*) from review_actions x join reviews r on r.id = x.review_id
              join review_gaps g1 on g1.review_id = r.id and g1.kpi_id = x.kpi_id
              cross join lateral (select n.id, n.held_on from reviews n where n.subject_kind = r.subject_kind
                 and n.subject_id = r.subject_id and n.archived_at is null and n.held_on > r.held_on
                 order by n.held_on, n.id limit 1) nx
              join review_gaps g2 on g2.review_id = nx.id and g2.kpi_id = x.kpi_id
            where x.owner_id = u.id and x.archived_at is null and g1.status <> 'green' and g2.status = 'green'
              and nx.held_on between ${range.from}::date and ${range.to}::date)::int as gaps_closed
        from users u join org_units ou on ou.id = u.org_unit_id
       where u.role = 'kam' and u.disabled_at is null and ${kamsVisible(ctx.user)}
       order by u.id`,
  );
  const targets = await rows<{ id: string; kpi_id: string; subject_id: string; target: number }>(
    ctx.db,
    sql`select t.id, t.kpi_id, t.subject_id, t.target from kpi_targets t
         where t.subject_kind = 'kam' and t.period = ${q.period} and t.archived_at is null
           and t.subject_id = any(${pgArray(found.map((r) => r.id as string))}::uuid[])`,
  );
  const colours = new Map<string, { green: number; amber: number; red: number }>();
  for (const t of targets) {
    const def = await loadDefinition(ctx.db, t.kpi_id);
    const actual = await actualFor(ctx.db, ctx.user, def, 'kam', t.subject_id, q.period);
    const { status } = judge(def, Number(t.target), actual.value);
    const c = colours.get(t.subject_id) ?? { green: 0, amber: 0, red: 0 };
    if (status !== 'none') c[status] += 1;
    colours.set(t.subject_id, c);
  }
  const items = found.map((r) => {
    const c = colours.get(r.id as string) ?? { green: 0, amber: 0, red: 0 };
    const n = (k: string) => r[k] as number;
    const points =
      c.green * p.kpiGreen +
      c.amber * p.kpiAmber +
      n('visits') * p.visit +
      n('event_attendees') * p.eventAttendee +
      n('vas') * p.valueAddedService +
      n('actions_on_time') * p.actionDoneOnTime +
      n('gaps_closed') * p.gapClosed;
    return {
      kam: { id: r.id as string, displayName: r.display_name as string },
      orgUnitName: r.org_unit_name as string,
      accounts: n('accounts'),
      kpisGreen: c.green,
      kpisAmber: c.amber,
      kpisRed: c.red,
      visits: n('visits'),
      eventAttendees: n('event_attendees'),
      valueAddedServices: n('vas'),
      actionsDoneOnTime: n('actions_on_time'),
      gapsClosed: n('gaps_closed'),
      points: Math.round(points * 10) / 10,
      rank: 0,
    };
  });
  items.sort((a, b) => b.points - a.points || a.kam.id.localeCompare(b.kam.id));
  items.forEach((it, i) => {
    it.rank = i > 0 && (items[i - 1] as typeof it).points === it.points ? (items[i - 1] as typeof it).rank : i + 1;
  });
  return { period: q.period, ...range, points: p, items };
}
