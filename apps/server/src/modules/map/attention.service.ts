import type { AlertRule, AttentionItem, MapAttention, MapDrill, MapQuery, Tier } from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { assertCan, can } from '../../platform/access/index.js';
import type { Ctx } from '../../platform/context.js';
import { isoTimestamp, pgArray, rows } from '../../platform/db/index.js';
import { todayInChina } from '../../platform/today.js';
import { breachedSql } from '../service/index.js';
import { findLatestRun, inAccountFilter } from './filters.js';

const LIST = 5;
const FEED = 8;
/** The most points overdue tasks, or overdue plan actions, add to an account (5 each, up to 4). */
const CAPPED_MAX = 20;
/** The largest tier weight (strategic). */
const MAX_WEIGHT = 1.5;

/**
 * "Which accounts need my attention today, and why?": every account in the filter with an active
 * alert, a churn risk over the run's threshold, a complaint past its SLA, or overdue tasks or plan
 * actions; each reason has points (critical alert 40, warning 20, churn risk its score / 2, breached
 * complaint 25, each overdue task or action 5 up to 20), the sum weighted by tier (strategic ×1.5,
 * core ×1.2). Ranked in SQL; the first five come back with their reasons.
 */
export async function mapAttention(ctx: Ctx, q: MapQuery): Promise<MapAttention> {
  assertCan(ctx.user, 'analytics.read');
  const run = await findLatestRun(ctx);
  const today = todayInChina();
  const inAccounts = (column: SQL) => inAccountFilter(ctx, q, run, column);
  const readsAlerts = can(ctx.user, 'alert.read');
  const readsService = can(ctx.user, 'service.read');
  const readsPlans = can(ctx.user, 'plan.read');
  // the reasons worth many points (alerts, churn, complaints past SLA) and the capped ones (overdue tasks
  // and plan actions, 20 points each at most), each as rows of (account, kind, rule, severity, tier, value,
  // alert id, points); `only` narrows them to a list of accounts
  const among = (only: SQL | undefined, column: SQL) => (only ? sql`and ${column} = any(${only})` : sql``);
  const strong = (only?: SQL) =>
    [
      readsAlerts
        ? sql`select al.account_id, 'alert' as kind, al.rule, al.severity, al.tier, 1::float8 as value, al.id as alert_id,
                   (case al.severity when 'critical' then 40 else 20 end)::float8 as points
              from alerts al where al.status in ('open', 'acknowledged') ${among(only, sql`al.account_id`)}`
        : undefined,
      run
        ? sql`select res.account_id, 'churn', null, null, null, res.churn_risk::float8, null::uuid, res.churn_risk / 2.0
              from analysis_results res where res.run_id = ${run.id} and res.churn_risk >= ${run.churnThreshold}
               ${among(only, sql`res.account_id`)}`
        : undefined,
      readsService
        ? sql`select c.account_id, 'complaint_breached', null, null, null, count(*)::float8, null::uuid, 25.0
              from complaints c where c.status in ('open', 'in_progress') and c.archived_at is null and ${breachedSql}
               ${among(only, sql`c.account_id`)}
             group by c.account_id`
        : undefined,
    ].filter((s) => s !== undefined);
  const capped = (only?: SQL) =>
    [
      sql`select t.account_id, 'task_overdue', null, null, null, count(*)::float8, null::uuid, least(count(*) * 5, ${CAPPED_MAX})::float8
            from tasks t where t.status in ('open', 'snoozed') and t.archived_at is null
             and coalesce(t.snoozed_until, t.due_date) < ${today}::date ${among(only, sql`t.account_id`)}
           group by t.account_id`,
      readsPlans
        ? sql`select p.account_id, 'action_overdue', null, null, null, count(*)::float8, null::uuid, least(count(*) * 5, ${CAPPED_MAX})::float8
                from plan_actions pa join account_plans p on p.id = pa.plan_id and p.archived_at is null
               where pa.archived_at is null and pa.status in ('not_started', 'in_progress') and pa.due_date < ${today}::date
                 ${among(only, sql`p.account_id`)}
               group by p.account_id`
        : undefined,
    ].filter((s) => s !== undefined);
  // the most overdue tasks and actions together add to an account
  const cappedMost = (readsPlans ? 2 : 1) * CAPPED_MAX;
  // Only an account whose strong points, plus the most its capped ones can add, weighed by the largest
  // weight, reach the fifth-largest strong sum can be among the first five (that sum is a floor for the
  // fifth-largest score). Where that floor is above what capped reasons alone can score, only those
  // accounts need their overdue tasks and actions counted: a few hundred of 100,000, not 30,000.
  const strongSources = strong();
  const candidates = strongSources.length
    ? (
        await rows<{ account_id: string }>(
          ctx.db,
          sql`with summed as (select r.account_id, sum(r.points) as points
                                from (${sql.join(strongSources, sql` union all `)}) as r (account_id, kind, rule, severity, tier, value, alert_id, points)
                               where ${inAccounts(sql`r.account_id`)} group by r.account_id),
                   fifth as (select s.points from summed s order by s.points desc offset ${LIST - 1} limit 1)
              select s.account_id from summed s, fifth f
               where f.points > ${cappedMost * MAX_WEIGHT}
                 and (s.points + ${cappedMost}) * ${MAX_WEIGHT} >= f.points`,
        )
      ).map((r) => r.account_id)
    : [];
  const only = candidates.length ? sql`${pgArray(candidates)}::uuid[]` : undefined;
  const sources = [...strong(only), ...capped(only)];
  type Row = {
    account_id: string;
    name: string;
    owner_id: string | null;
    owner_name: string | null;
    tier: AttentionItem['tier'];
    churn_risk: number | null;
    revenue: string | null;
    points: number;
    reasons: {
      kind: AttentionItem['reasons'][number]['kind'];
      rule: AlertRule | null;
      severity: 'warning' | 'critical' | null;
      tier: Tier | null;
      value: number;
      text: string | null;
      data: Record<string, unknown> | null;
      points: number;
    }[];
  };
  // points per account first, over the accounts in the filter; the reasons only for the few ranked first
  const ranking = rows<Row>(
    ctx.db,
    sql`with reason (account_id, kind, rule, severity, tier, value, alert_id, points) as materialized (${sql.join(sources, sql` union all `)}),
         summed as materialized (select r.account_id, sum(r.points) as points from reason r
                                  where ${inAccounts(sql`r.account_id`)} group by r.account_id),
         -- the fifth-largest sum before weighing: the fifth-largest weighed sum is at least this, and a
         -- weight is at most 1.5, so only accounts whose sum reaches two thirds of it need their tier
         floor as (select s.points from summed s order by s.points desc offset ${LIST - 1} limit 1),
         scored as (
           select s.account_id, lt.tier,
                  s.points * (case lt.tier when 'strategic' then 1.5 when 'core' then 1.2 else 1 end) as points
             from summed s
             left join analysis_results lt on lt.run_id = ${run?.id ?? null} and lt.account_id = s.account_id
            where s.points * 1.5 >= coalesce((select f.points from floor f), 0)
            order by points desc, s.account_id limit ${LIST}),
         -- the reasons of the accounts ranked first, in one pass over them (an alert's words and figures
         -- are read for these only)
         reasons as (
           select r.account_id,
                  jsonb_agg(jsonb_build_object('kind', r.kind, 'rule', r.rule, 'severity', r.severity, 'tier', r.tier,
                                               'value', r.value, 'text', al.reason, 'data', al.data, 'points', r.points) order by r.points desc, r.kind, r.rule) as reasons
             from reason r join scored s on s.account_id = r.account_id left join alerts al on al.id = r.alert_id
            group by r.account_id)
        select s.account_id, a.name, a.owner_id, u.display_name as owner_name, s.tier, s.points::float8 as points,
               x.reasons, res.churn_risk, res.revenue
          from scored s join reasons x on x.account_id = s.account_id join accounts a on a.id = s.account_id
          left join users u on u.id = a.owner_id
          left join analysis_results res on res.run_id = ${run?.id ?? null} and res.account_id = s.account_id
         order by s.points desc, s.account_id`,
  );
  // the alert feed and how many alerts are active, in one statement (the count is taken before the limit)
  const feeding = readsAlerts
    ? rows<{
        id: string;
        account_id: string;
        account_name: string;
        rule: AlertRule;
        severity: 'warning' | 'critical';
        tier: Tier;
        reason: string;
        data: Record<string, unknown>;
        last_seen_at: unknown;
        active: number;
      }>(
        ctx.db,
        sql`select f.id, f.account_id, a.name as account_name, f.rule, f.severity, f.tier, f.reason, f.data, f.last_seen_at,
                   f.active
              from (select al.id, al.account_id, al.rule, al.severity, al.tier, al.reason, al.data, al.last_seen_at,
                           (case al.severity when 'critical' then 10 else 0 end) + (case al.tier when 'strategic' then 3 when 'core' then 2 else 1 end) as rank,
                           count(*) over ()::int as active
                      from alerts al
                     where al.status in ('open', 'acknowledged') and ${inAccounts(sql`al.account_id`)}
                     order by rank desc, al.last_seen_at desc, al.id
                     limit ${FEED}) f
              join accounts a on a.id = f.account_id
             order by f.rank desc, f.last_seen_at desc, f.id`,
      )
    : Promise.resolve([]);
  const [ranked, feed] = await Promise.all([ranking, feeding]);
  const active = readsAlerts ? { n: feed[0]?.active ?? 0 } : undefined;
  return {
    today,
    items: ranked.map((r) => ({
      accountId: r.account_id,
      accountName: r.name,
      tier: r.tier,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      churnRisk: r.churn_risk,
      revenue: r.revenue === null ? null : Number(r.revenue),
      points: Math.round(Number(r.points) * 10) / 10,
      reasons: r.reasons.map((x) => ({
        kind: x.kind,
        rule: x.rule,
        severity: x.severity,
        tier: x.tier,
        value: Number(x.value),
        text: x.text,
        data: x.data,
        points: Math.round(Number(x.points) * 10) / 10,
        drill: reasonDrill(x.kind, x.rule, r.account_id),
      })),
    })),
    alerts: feed.map((f) => ({
      id: f.id,
      accountId: f.account_id,
      accountName: f.account_name,
      rule: f.rule,
      severity: f.severity,
      tier: f.tier,
      reason: f.reason,
      data: f.data,
      lastSeenAt: isoTimestamp(f.last_seen_at),
    })),
    activeAlerts: active?.n ?? 0,
  };
}

function reasonDrill(
  kind: AttentionItem['reasons'][number]['kind'],
  rule: AlertRule | null,
  accountId: string,
): MapDrill {
  switch (kind) {
    case 'alert':
      return { path: '/alerts', query: { accountId, ...(rule ? { rule } : {}) } };
    case 'churn':
      return { path: `/accounts/${accountId}`, query: {} };
    case 'complaint_breached':
      return { path: '/complaints', query: { accountId, view: 'breached' } };
    case 'task_overdue':
      return { path: '/tasks', query: { accountId, view: 'overdue' } };
    case 'action_overdue':
      return { path: '/plans', query: { view: 'overdue', accountId } };
  }
}
