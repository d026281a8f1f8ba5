import type { AlertRule } from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.js';
import { pgArray, rows } from '../../platform/db/index.js';
import { todayInChina } from '../../platform/today.js';
import { latestRunId } from '../analytics/index.js';
import { type Thresholds, thresholds } from './settings.js';

/** Revenue below this (fen, ¥50,000 in six months) a year earlier is too little to call a drop. */
const MIN_PREVIOUS_REVENUE = 5_000_000;
/** After someone resolves an alert by hand, the same rule stays quiet on that account this long. */
const RESOLVED_QUIET_DAYS = 7;

const tierName = sql`case acc.tier when 'strategic' then '战略' when 'core' then '核心' else '一般' end`;

/**
 * Every rule is one SELECT of candidates: (account_id, tier, severity, reason, data, link, owner_id).
 * `acc` is every live account with its latest-run tier (general before the first run); `th` its
 * thresholds.
 */
function candidates(rule: AlertRule, today: string): SQL {
  switch (rule) {
    case 'churn_risk':
      return sql`select acc.id, acc.tier,
          case when acc.churn_risk >= greatest(th.churn_risk + 20, 80) then 'critical' else 'warning' end,
          format('流失风险 %s 分，达到%s客户的预警阈值 %s 分', acc.churn_risk, ${tierName}, th.churn_risk),
          jsonb_build_object('churnRisk', acc.churn_risk, 'threshold', th.churn_risk, 'asOf', acc.as_of,
            'reasons', coalesce(acc.details -> 'churn' -> 'reasons', '[]'::jsonb)),
          '/accounts/' || acc.id, acc.owner_id
        from acc join th on th.tier = acc.tier
        where th.churn_risk is not null and acc.churn_risk >= th.churn_risk`;
    case 'revenue_drop': {
      // the last six whole months against the same six months a year earlier
      const month = sql`date_trunc('month', ${today}::date)::date`;
      return sql`select acc.id, acc.tier,
          case when m.cur < m.prev * (1 - least(2 * th.revenue_drop_pct, 100) / 100.0) then 'critical' else 'warning' end,
          format('近6个月收入 ¥%s，同比下降 %s%%（去年同期 ¥%s）', to_char(m.cur / 100.0, 'FM999,999,999,990'),
            round(100 - 100.0 * m.cur / m.prev), to_char(m.prev / 100.0, 'FM999,999,999,990')),
          jsonb_build_object('revenue', m.cur, 'previousRevenue', m.prev, 'changePct', round(100.0 * m.cur / m.prev - 100, 1),
            'threshold', th.revenue_drop_pct, 'minLoss', th.revenue_drop_min_amount * 100, 'from', to_char(${month} - interval '6 months', 'YYYY-MM'),
            'to', to_char(${month} - interval '1 month', 'YYYY-MM')),
          '/accounts/' || acc.id, acc.owner_id
        from (select am.account_id,
                coalesce(sum(am.revenue) filter (where am.month >= ${month} - interval '6 months' and am.month < ${month}), 0) as cur,
                coalesce(sum(am.revenue) filter (where am.month >= ${month} - interval '18 months' and am.month < ${month} - interval '12 months'), 0) as prev
              from account_monthly am where am.month >= ${month} - interval '18 months' group by am.account_id) m
        join acc on acc.id = m.account_id join th on th.tier = acc.tier
        where th.revenue_drop_pct is not null and m.prev >= ${MIN_PREVIOUS_REVENUE}
          and m.cur < m.prev * (1 - th.revenue_drop_pct / 100.0) and m.prev - m.cur >= th.revenue_drop_min_amount * 100`;
    }
    case 'receivable_overdue':
      return sql`select acc.id, acc.tier,
          case when max(${today}::date - o.due_date) >= 2 * th.overdue_days then 'critical' else 'warning' end,
          format('%s 张发票逾期超过 %s 天未付清，欠款 ¥%s，最长逾期 %s 天', count(*), th.overdue_days,
            to_char(sum(o.amount - o.paid_amount) / 100.0, 'FM999,999,999,990'), max(${today}::date - o.due_date)),
          jsonb_build_object('invoices', count(*), 'overdueAmount', sum(o.amount - o.paid_amount),
            'oldestDueDate', min(o.due_date), 'maxDaysOverdue', max(${today}::date - o.due_date), 'threshold', th.overdue_days,
            'minAmount', th.overdue_min_amount * 100),
          '/accounts/' || acc.id || '?tab=orders', acc.owner_id
        from orders o join acc on acc.id = o.account_id join th on th.tier = acc.tier
        where th.overdue_days is not null and o.archived_at is null and o.status <> 'cancelled'
          and o.due_date is not null and o.paid_amount < o.amount and o.due_date < ${today}::date - th.overdue_days
        group by acc.id, acc.tier, acc.owner_id, th.overdue_days, th.overdue_min_amount
        having sum(o.amount - o.paid_amount) >= th.overdue_min_amount * 100`;
    case 'sla_breached':
      return sql`select acc.id, acc.tier,
          case when bool_or(c.severity = 'critical' or c.escalated_at is not null) then 'critical' else 'warning' end,
          format('%s 起投诉超出 SLA 未处理完：%s', count(*), string_agg(c.title, '；' order by c.resolution_due_at)),
          jsonb_build_object('complaints', count(*), 'items', jsonb_agg(jsonb_build_object('id', c.id, 'title', c.title,
            'severity', c.severity, 'responseDueAt', c.response_due_at, 'resolutionDueAt', c.resolution_due_at,
            'escalated', c.escalated_at is not null) order by c.resolution_due_at)),
          '/complaints/' || (array_agg(c.id order by c.resolution_due_at))[1], acc.owner_id
        from complaints c join acc on acc.id = c.account_id join th on th.tier = acc.tier
        where th.sla_breached and c.archived_at is null and c.status in ('open', 'in_progress')
          and ((c.responded_at is null and c.response_due_at < now()) or c.resolution_due_at < now())
        group by acc.id, acc.tier, acc.owner_id`;
    case 'no_contact':
      return sql`select acc.id, acc.tier,
          case when k.last is null or k.last < now() - make_interval(days => 2 * th.contact_cadence_days) then 'critical' else 'warning' end,
          case when k.last is null then format('从未联系过决策人（%s客户要求每 %s 天至少一次）', ${tierName}, th.contact_cadence_days)
            else format('%s 天未联系决策人（%s客户要求每 %s 天至少一次）', extract(day from now() - k.last)::int, ${tierName}, th.contact_cadence_days) end,
          jsonb_build_object('daysSinceContact', extract(day from now() - k.last)::int, 'lastContactAt', k.last,
            'cadenceDays', th.contact_cadence_days, 'contacts', k.people),
          '/accounts/' || acc.id || '?tab=contacts', acc.owner_id
        from (select ct.account_id, max(ct.last_contact_at) as last,
                jsonb_agg(jsonb_build_object('id', ct.id, 'name', ct.name, 'decisionRole', ct.decision_role,
                  'lastContactAt', ct.last_contact_at) order by ct.last_contact_at nulls first) as people
              from contacts ct where ct.archived_at is null and ct.decision_role in ('decision_maker', 'economic_buyer')
              group by ct.account_id) k
        join acc on acc.id = k.account_id join th on th.tier = acc.tier
        where acc.lifecycle in ('active', 'dormant') and th.contact_cadence_days is not null
          and (k.last is null or k.last < now() - make_interval(days => th.contact_cadence_days))`;
    case 'care_overdue': {
      // a snoozed task counts from its snooze date: snoozing is a decision, not neglect
      const late = sql`${today}::date - coalesce(t.snoozed_until, t.due_date)`;
      return sql`select acc.id, acc.tier,
          case when max(${late}) >= 2 * th.care_overdue_days then 'critical' else 'warning' end,
          format('%s 项关怀任务逾期超过 %s 天未完成：%s', count(*), th.care_overdue_days,
            string_agg(t.title || '（' || ${late} || ' 天）', '；' order by ${late} desc, t.id)),
          jsonb_build_object('tasks', count(*), 'maxDaysOverdue', max(${late}), 'threshold', th.care_overdue_days,
            'items', jsonb_agg(jsonb_build_object('id', t.id, 'title', t.title, 'templateKey', t.template_key,
              'templateParams', t.template_params, 'dueDate', coalesce(t.snoozed_until, t.due_date),
              'daysOverdue', ${late}, 'owner', u.display_name) order by ${late} desc, t.id)),
          '/tasks?view=overdue&accountId=' || acc.id, acc.owner_id
        from tasks t join users u on u.id = t.owner_id join acc on acc.id = t.account_id join th on th.tier = acc.tier
        where th.care_overdue_days is not null and t.kind = 'care' and t.status in ('open', 'snoozed')
          and t.archived_at is null and ${late} > th.care_overdue_days
        group by acc.id, acc.tier, acc.owner_id, th.care_overdue_days`;
    }
    case 'contract_expiring':
      // a contract already followed by a signed renewal, or renewing by itself, needs nobody's attention
      return sql`select acc.id, acc.tier,
          case when min(k.end_date) - ${today}::date <= least(30, th.contract_expiry_days / 3) then 'critical' else 'warning' end,
          format('%s 份合同将在 %s 天内到期：%s', count(*), max(k.end_date) - ${today}::date,
            string_agg(k.title || '（' || to_char(k.end_date, 'YYYY-MM-DD') || '）', '；' order by k.end_date)),
          jsonb_build_object('contracts', count(*), 'threshold', th.contract_expiry_days,
            'items', jsonb_agg(jsonb_build_object('id', k.id, 'code', k.code, 'title', k.title, 'kind', k.kind,
              'endDate', k.end_date, 'value', k.value, 'daysToEnd', k.end_date - ${today}::date) order by k.end_date)),
          '/accounts/' || acc.id || '?tab=contracts', acc.owner_id
        from contracts k join acc on acc.id = k.account_id join th on th.tier = acc.tier
        where th.contract_expiry_days is not null and k.archived_at is null and k.renewed_by_id is null
          and not k.auto_renew and k.end_date >= ${today}::date
          and k.end_date <= ${today}::date + th.contract_expiry_days
        group by acc.id, acc.tier, acc.owner_id, th.contract_expiry_days`;
    case 'channel_conflict':
      // agents' registrations on this account that the rules could not decide, waiting in the queue
      return sql`select acc.id, acc.tier,
          case when acc.tier = 'strategic' or count(*) > 1 then 'critical' else 'warning' end,
          format('%s 条代理商报备与该客户冲突，待渠道经理裁决：%s', count(*),
            string_agg(ag.name || '报备「' || r.company_name || '」', '；' order by r.created_at)),
          jsonb_build_object('registrations', count(*), 'items', jsonb_agg(jsonb_build_object('id', r.id,
            'agent', ag.name, 'companyName', r.company_name, 'productLine', r.product_line,
            'submittedAt', r.created_at) order by r.created_at)),
          '/channels/queue', acc.owner_id
        from registrations r join agents ag on ag.id = r.agent_id
        join acc on acc.id = r.account_id or acc.id = any(r.conflict_account_ids)
        where r.status = 'queued' and r.archived_at is null
        group by acc.id, acc.tier, acc.owner_id`;
  }
}

export const RULES: AlertRule[] = [
  'churn_risk',
  'revenue_drop',
  'receivable_overdue',
  'sla_breached',
  'no_contact',
  'care_overdue',
  'contract_expiring',
  'channel_conflict',
];

function context(settings: Thresholds[]): SQL {
  const th = settings.map((t) => ({
    tier: t.tier,
    churn_risk: t.churnRisk,
    revenue_drop_pct: t.revenueDropPct,
    revenue_drop_min_amount: t.revenueDropMinAmount,
    overdue_days: t.overdueDays,
    overdue_min_amount: t.overdueMinAmount,
    care_overdue_days: t.careOverdueDays,
    contact_cadence_days: t.contactCadenceDays,
    sla_breached: t.slaBreached,
    contract_expiry_days: t.contractExpiryDays ?? null,
  }));
  return sql`with th as (
      select * from jsonb_to_recordset(${JSON.stringify(th)}::jsonb)
        as t(tier text, churn_risk int, revenue_drop_pct int, revenue_drop_min_amount bigint, overdue_days int, overdue_min_amount bigint,
          contact_cadence_days int, sla_breached boolean, care_overdue_days int, contract_expiry_days int)
    ), acc as (
      select a.id, a.owner_id, a.lifecycle, coalesce(r.tier, 'general') as tier, r.churn_risk, r.details, run.as_of
      from accounts a
      left join analysis_results r on r.run_id = ${latestRunId} and r.account_id = a.id
      left join analysis_runs run on run.id = r.run_id
      where a.archived_at is null
    )`;
}

export type Evaluation = {
  raised: number;
  refreshed: number;
  resolved: number;
  woke: number;
  byRule: Record<string, number>;
};

/**
 * Evaluates every rule in one transaction: raises new alerts, refreshes the reason and data of open
 * ones (one per account and rule: the partial unique index), resolves those whose condition no longer
 * holds, and wakes snoozed ones whose time has come.
 */
export async function evaluateAlerts(db: Db, opts: { today?: string } = {}): Promise<Evaluation> {
  const today = opts.today ?? todayInChina();
  const settings = await thresholds(db);
  return db.transaction(async (tx) => {
    const result: Evaluation = { raised: 0, refreshed: 0, resolved: 0, woke: 0, byRule: {} };
    const woke = await rows<{ id: string }>(
      tx,
      sql`update alerts set status = 'open', snoozed_until = null, version = version + 1, updated_at = now()
          where status = 'snoozed' and snoozed_until <= now() returning id`,
    );
    if (woke.length)
      await tx.execute(sql`delete from alert_reads where alert_id = any(${pgArray(woke.map((w) => w.id))}::uuid[])`);
    result.woke = woke.length;
    for (const rule of RULES) {
      const upserted = await rows<{ inserted: boolean }>(
        tx,
        sql`${context(settings)}
          insert into alerts (account_id, rule, tier, severity, reason, data, link, owner_id)
          select c.account_id, ${rule}, c.tier, c.severity, c.reason, c.data, c.link, c.owner_id
          from (${candidates(rule, today)}) as c(account_id, tier, severity, reason, data, link, owner_id)
          where not exists (select 1 from alerts x where x.account_id = c.account_id and x.rule = ${rule}
            and x.status = 'resolved' and x.resolved_by is not null
            and x.resolved_at > now() - make_interval(days => ${RESOLVED_QUIET_DAYS}))
          on conflict (account_id, rule) where status <> 'resolved' do update set
            tier = excluded.tier, severity = excluded.severity, reason = excluded.reason, data = excluded.data,
            link = excluded.link, owner_id = excluded.owner_id, last_seen_at = now()
          returning (xmax = 0) as inserted`,
      );
      const gone = await rows<{ id: string }>(
        tx,
        sql`update alerts set status = 'resolved', resolved_at = now(), version = version + 1, updated_at = now()
            where rule = ${rule} and status <> 'resolved' and last_seen_at < now() returning id`,
      );
      const raised = upserted.filter((r) => r.inserted).length;
      result.raised += raised;
      result.refreshed += upserted.length - raised;
      result.resolved += gone.length;
      result.byRule[rule] = upserted.length;
    }
    return result;
  });
}
