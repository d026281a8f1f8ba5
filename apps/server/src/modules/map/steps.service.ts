import type { MapFigure, MapQuery, MapStep, MapStepKey } from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { assertCan, can } from '../../platform/access/index.js';
import type { Ctx } from '../../platform/context.js';
import { one, rows } from '../../platform/db/index.js';
import { todayInChina } from '../../platform/today.js';
import { registrationScope } from '../channels/index.js';
import { periodRange, subjectVisible } from '../performance/index.js';
import { breachedSql } from '../service/index.js';
import {
  accountFilter,
  cellFilter,
  drillFilters,
  findLatestRun,
  inAccountFilter,
  type LatestRun,
  mapPeriod,
} from './filters.js';

/** The live figures of one step of the key-account map (大客户营销管理图), each with its drill-down. */

type Figure = MapFigure;
const fig = (
  key: string,
  value: number | string | null | undefined,
  path: string,
  query: Record<string, string> = {},
  opts: { amount?: number | string | null; tone?: Figure['tone'] } = {},
): Figure => {
  const n = Number(value ?? 0);
  const amount = opts.amount === undefined || opts.amount === null ? null : Number(opts.amount);
  return { key, value: n, amount, tone: n > 0 ? (opts.tone ?? 'neutral') : 'neutral', drill: { path, query } };
};

type StepFigures = { figures: Figure[]; trend?: MapStep['trend'] };
type StepInput = {
  ctx: Ctx;
  q: MapQuery;
  run: LatestRun | undefined;
  inFilter: (alias: string) => SQL;
  /** the same filter on an `account_id` column (`inAccountFilter`) */
  inAccounts: (column: SQL) => SQL;
  period: string;
};

const TIERS = ['strategic', 'core', 'general'] as const;
const CLASSES = ['A', 'B', 'C', 'D'] as const;

async function identify({ ctx, q, run, inFilter }: StepInput): Promise<Figure[]> {
  if (!run) return [];
  const results = (key: string, filters: Record<string, string>, value: unknown, amount?: unknown) =>
    fig(key, value as number, '/identification', { tab: 'results', ...filters }, { amount: amount as number });
  const counts = await one<Record<string, string | number>>(ctx.db, identifyCounts(ctx, q, run, inFilter));
  const c = counts ?? {};
  return [
    ...TIERS.map((t) => results(`tier.${t}`, { tier: t }, c[`tier_${t}`], c[`rev_${t}`])),
    ...CLASSES.map((k) => results(`abc.${k}`, { abc: k }, c[`abc_${k}`], c[`rev_${k}`])),
    fig('movers.up', c.moved_up, '/identification', { tab: 'runs' }, { tone: 'good' }),
    fig('movers.down', c.moved_down, '/identification', { tab: 'runs' }, { tone: 'warning' }),
    fig(
      'churn.atRisk',
      c.at_risk,
      '/identification',
      { tab: 'results', churnMin: String(run.churnThreshold), sort: 'churn' },
      { amount: c.at_risk_revenue, tone: 'danger' },
    ),
  ];
}

/**
 * Step 1's counts in one statement: from the run's cells (a few thousand rows) where they can answer
 * the scope and filters, else from the run's results joined to the accounts in the filter. Both count
 * the same: accounts not archived, tier moves (up = towards strategic) against the run before.
 */
function identifyCounts(ctx: Ctx, q: MapQuery, run: LatestRun, inFilter: (alias: string) => SQL): SQL {
  const cells = cellFilter(ctx, q, run, 'c');
  type Source = { n: SQL; revenue: SQL; alias: string };
  const by = (column: 'tier' | 'abc', value: string, source: Source) => {
    const where = sql`${sql.raw(`${source.alias}.${column}`)} = ${value}`;
    return sql`coalesce(${source.n} filter (where ${where}), 0)::int as ${sql.raw(`"${column}_${value}"`)},
               coalesce(${source.revenue} filter (where ${where}), 0) as ${sql.raw(`"rev_${value}"`)}`;
  };
  const groups = (source: Source) => [
    ...TIERS.map((t) => by('tier', t, source)),
    ...CLASSES.map((k) => by('abc', k, source)),
  ];
  if (cells) {
    const source = { n: sql`sum(c.accounts)`, revenue: sql`sum(c.revenue)`, alias: 'c' };
    return sql`select ${sql.join(groups(source), sql`, `)},
                      coalesce(sum(c.at_risk), 0)::int as at_risk, coalesce(sum(c.at_risk_revenue), 0) as at_risk_revenue,
                      coalesce(sum(c.moved_up), 0)::int as moved_up, coalesce(sum(c.moved_down), 0)::int as moved_down
                 from analysis_cells c where ${cells}`;
  }
  const rank = (alias: string) =>
    sql.raw(`(case ${alias}.tier when 'strategic' then 3 when 'core' then 2 when 'general' then 1 end)`);
  const source = { n: sql`count(*)`, revenue: sql`sum(res.revenue)`, alias: 'res' };
  return sql`select ${sql.join(groups(source), sql`, `)},
                    count(*) filter (where res.churn_risk >= ${run.churnThreshold})::int as at_risk,
                    coalesce(sum(res.revenue) filter (where res.churn_risk >= ${run.churnThreshold}), 0) as at_risk_revenue,
                    count(*) filter (where ${rank('res')} > ${rank('prev')})::int as moved_up,
                    count(*) filter (where ${rank('res')} < ${rank('prev')})::int as moved_down
               from analysis_results res join accounts a on a.id = res.account_id and ${inFilter('a')}
               left join analysis_results prev on prev.run_id = ${run.previousRunId} and prev.account_id = res.account_id
              where res.run_id = ${run.id}`;
}

async function needs({ ctx, q, inAccounts }: StepInput): Promise<Figure[]> {
  const today = todayInChina();
  // open needs by band and overdue fulfilment tasks, joined to the accounts in the filter once
  const open = await one<{ p1: number; p2: number; p3: number; overdue: number }>(
    ctx.db,
    sql`select count(*) filter (where x.kind = 'P1')::int as p1, count(*) filter (where x.kind = 'P2')::int as p2,
               count(*) filter (where x.kind = 'P3')::int as p3, count(*) filter (where x.kind = 'overdue')::int as overdue
          from (select n.account_id, n.band as kind from needs n
                 where n.archived_at is null and n.status in ('open', 'planned', 'in_progress')
                union all
                select t.account_id, 'overdue' from tasks t
                 where t.kind = 'need' and t.status in ('open', 'snoozed') and t.archived_at is null
                   and coalesce(t.snoozed_until, t.due_date) < ${today}::date) x
         where ${inAccounts(sql`x.account_id`)}`,
  );
  const tier = drillFilters(q, ['tier']);
  return [
    fig('needs.p1', open?.p1, '/needs', { view: 'matrix', band: 'P1', ...tier }, { tone: 'warning' }),
    fig('needs.p2', open?.p2, '/needs', { view: 'matrix', band: 'P2', ...tier }),
    fig('needs.p3', open?.p3, '/needs', { view: 'matrix', band: 'P3', ...tier }),
    fig('needs.overdueTasks', open?.overdue, '/needs', { view: 'overdue' }, { tone: 'danger' }),
  ];
}

async function relationships({ ctx, q, run, inFilter, inAccounts, period }: StepInput): Promise<StepFigures> {
  const today = todayInChina();
  const due = sql`coalesce(t.snoozed_until, t.due_date)`;
  const range = periodRange(period);
  const readsService = can(ctx.user, 'service.read');
  const cells = run ? cellFilter(ctx, q, run, 'c') : undefined;
  // care due, complaints and the key accounts' coverage as one set of facts per account, joined to the
  // accounts in the filter once. Coverage: key accounts where one person carries the relationship, or no
  // decision maker is held (the account list's `coverage` rule, accounts/coverage.ts); read from the
  // run's cells where they answer the scope and filters, else counted here over the contacts.
  const facts = [
    sql`select t.account_id, 'care' as kind, ${due} as day, null::boolean as breached, null::int as strong, null::int as deciders
          from tasks t
         where t.kind = 'care' and t.status in ('open', 'snoozed') and t.archived_at is null and ${due} <= ${today}::date`,
    readsService
      ? sql`select c.account_id, 'complaint', null, ${breachedSql}, null, null
              from complaints c where c.status in ('open', 'in_progress') and c.archived_at is null`
      : undefined,
    run && !cells
      ? sql`select kr.account_id, 'key', null, null, coalesce(s.strong, 0)::int, coalesce(s.deciders, 0)::int
              from analysis_results kr
              left join (select cg.account_id, count(*) as strong,
                                count(*) filter (where cg.decision_role in ('decision_maker', 'economic_buyer')) as deciders
                           from contacts cg where cg.archived_at is null and cg.relationship_strength >= 3
                          group by cg.account_id) s on s.account_id = kr.account_id
             where kr.run_id = ${run.id} and kr.tier in ('strategic', 'core')`
      : undefined,
  ].filter((f) => f !== undefined);
  const [counts, trend] = await Promise.all([
    one<{ today: number; overdue: number; open: number; breached: number; single: number; uncovered: number }>(
      ctx.db,
      sql`select count(*) filter (where x.kind = 'care' and x.day = ${today}::date)::int as today,
                 count(*) filter (where x.kind = 'care' and x.day < ${today}::date)::int as overdue,
                 count(*) filter (where x.kind = 'complaint')::int as open,
                 count(*) filter (where x.kind = 'complaint' and x.breached)::int as breached,
                 ${
                   cells
                     ? sql`(select coalesce(sum(c.single_threaded), 0) from analysis_cells c where ${cells})::int as single,
                           (select coalesce(sum(c.decision_uncovered), 0) from analysis_cells c where ${cells})::int as uncovered`
                     : sql`count(*) filter (where x.kind = 'key' and x.strong <= 1)::int as single,
                           count(*) filter (where x.kind = 'key' and x.deciders = 0)::int as uncovered`
                 }
            from (${sql.join(facts, sql` union all `)}) x where ${inAccounts(sql`x.account_id`)}`,
    ),
    readsService
      ? rows<{ month: string; responses: number; csat: number | null; nps: number | null }>(
          ctx.db,
          sql`select to_char(s.answered_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*)::int as responses,
                     avg(s.score) filter (where s.kind = 'csat')::float8 as csat,
                     (100.0 * (count(*) filter (where s.kind = 'nps' and s.score >= 9) - count(*) filter (where s.kind = 'nps' and s.score <= 6))
                       / nullif(count(*) filter (where s.kind = 'nps'), 0))::float8 as nps
                from surveys s join accounts a on a.id = s.account_id and ${inFilter('a')}
               where s.answered_at is not null and s.score is not null
                 and s.answered_at >= (${range.from}::date)::timestamp at time zone 'Asia/Shanghai'
                 and s.answered_at < (${range.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'
               group by 1 order by 1`,
        )
      : [],
  ]);
  const care = counts;
  const coverage = run ? { single: counts?.single ?? 0, uncovered: counts?.uncovered ?? 0 } : undefined;
  const complaints = readsService ? { open: counts?.open ?? 0, breached: counts?.breached ?? 0 } : undefined;
  const figures = [
    fig('care.today', care?.today, '/tasks', { view: 'today', kind: 'care', whose: 'scope' }),
    fig(
      'care.overdue',
      care?.overdue,
      '/tasks',
      { view: 'overdue', kind: 'care', whose: 'scope' },
      { tone: 'warning' },
    ),
    ...(coverage
      ? [
          fig('coverage.singleThreaded', coverage.single, '/accounts', { coverage: 'single' }, { tone: 'warning' }),
          fig(
            'coverage.decisionUncovered',
            coverage.uncovered,
            '/accounts',
            { coverage: 'uncovered' },
            { tone: 'danger' },
          ),
        ]
      : []),
    ...(complaints
      ? [
          fig('complaints.open', complaints.open, '/complaints', { view: 'open' }),
          fig('complaints.breached', complaints.breached, '/complaints', { view: 'breached' }, { tone: 'danger' }),
          fig(
            'surveys.answered',
            trend.reduce((s, p) => s + p.responses, 0),
            '/surveys',
          ),
        ]
      : []),
  ];
  return {
    figures,
    trend: trend.map((p) => ({
      month: p.month,
      responses: p.responses,
      csat: p.csat === null ? null : Math.round(Number(p.csat) * 100) / 100,
      nps: p.nps === null ? null : Math.round(Number(p.nps)),
    })),
  };
}

const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'closed'] as const;
const STAGES = ['awareness', 'consideration', 'decision', 'purchase', 'renewal'] as const;

async function strategy({ ctx, inAccounts, period }: StepInput): Promise<Figure[]> {
  const today = todayInChina();
  const year = Number(period.slice(0, 4));
  const readsPlans = can(ctx.user, 'plan.read');
  const readsPipeline = can(ctx.user, 'opportunity.read');
  const decidesDiscounts = can(ctx.user, 'discount.decide');
  const decidesRegistrations = can(ctx.user, 'registration.decide');
  // plans, overdue actions, the open pipeline, pending discounts and queued registrations as facts per
  // account, counted by kind in one statement over the accounts in the filter (joined once)
  const facts = [
    readsPlans
      ? sql`select p.account_id, 'plan' as kind, p.status as key, null::bigint as amount from account_plans p
             where p.archived_at is null and p.year = ${year}`
      : undefined,
    readsPlans
      ? sql`select p.account_id, 'action_overdue', null, null from plan_actions pa
              join account_plans p on p.id = pa.plan_id and p.archived_at is null
             where pa.archived_at is null and pa.status in ('not_started', 'in_progress') and pa.due_date < ${today}::date`
      : undefined,
    readsPipeline
      ? sql`select o.account_id, 'pipeline', o.stage, o.amount from opportunities o where o.status = 'open' and o.archived_at is null`
      : undefined,
    decidesDiscounts
      ? sql`select d.account_id, 'discount', null, null from discount_requests d where d.status = 'pending'`
      : undefined,
    decidesRegistrations
      ? sql`select r.account_id, 'registration', null, null from registrations r
             where r.status = 'queued' and r.account_id is not null and ${registrationScope(ctx.user, 'r')}`
      : undefined,
  ].filter((f) => f !== undefined);
  // a claim on a prospect nobody owns yet has no account: it counts unless the map is filtered to accounts
  const unowned = decidesRegistrations
    ? sql`union all select null, 'registration', null, null from registrations r
           where r.status = 'queued' and r.account_id is null and ${registrationScope(ctx.user, 'r')}`
    : sql``;
  const counted = facts.length
    ? await rows<{ kind: string; key: string | null; n: number; amount: string }>(
        ctx.db,
        sql`select y.kind, y.key, count(*)::int as n, coalesce(sum(y.amount), 0) as amount
              from (select x.* from (${sql.join(facts, sql` union all `)}) x where ${inAccounts(sql`x.account_id`)}
                    ${unowned}) y
             group by 1, 2`,
      )
    : [];
  const countOf = (kind: string, key: string | null = null) =>
    counted.find((c) => c.kind === kind && c.key === key) ?? { n: 0, amount: '0' };
  const plans = PLAN_STATUSES.map((status) => ({ status, n: countOf('plan', status).n }));
  const overdue = readsPlans ? countOf('action_overdue') : undefined;
  const pipeline = STAGES.map((stage) => ({ stage, ...countOf('pipeline', stage) }));
  const discounts = decidesDiscounts ? countOf('discount') : undefined;
  const registrations = decidesRegistrations ? countOf('registration') : undefined;
  const planCount = (s: string) => plans.find((p) => p.status === s)?.n ?? 0;
  return [
    ...(readsPlans
      ? [
          ...PLAN_STATUSES.map((s) =>
            fig(
              `plans.${s}`,
              planCount(s),
              '/plans',
              { view: 'plans', status: s },
              {
                tone: s === 'submitted' ? 'warning' : 'neutral',
              },
            ),
          ),
          fig('plans.overdueActions', overdue?.n, '/plans', { view: 'overdue' }, { tone: 'danger' }),
        ]
      : []),
    ...STAGES.filter(() => readsPipeline).map((stage) => {
      const p = pipeline.find((x) => x.stage === stage);
      return fig(`pipeline.${stage}`, p?.n, '/pipeline', {}, { amount: p?.amount ?? 0 });
    }),
    ...(discounts ? [fig('discounts.pending', discounts.n, '/pricing/discounts', {}, { tone: 'warning' })] : []),
    ...(registrations
      ? [fig('registrations.queued', registrations.n, '/channels/queue', {}, { tone: 'warning' })]
      : []),
  ];
}

async function evaluate({ ctx, q, inFilter, period }: StepInput): Promise<Figure[]> {
  if (!can(ctx.user, 'performance.read')) return [];
  const today = todayInChina();
  const accountLevel = q.ownerId || q.industry || q.region || q.tier;
  // reviews of the period (a year takes its quarters and months too) that the caller may see and the filters keep
  const reviewFilter = sql.join(
    [
      sql`r.archived_at is null`,
      sql`(r.period = ${period} or r.period like ${`${period}-%`})`,
      subjectVisible(ctx.user, sql`r.subject_kind`, sql`r.subject_id`),
      q.orgUnitId
        ? sql`r.org_unit_id in (select x.id from org_units x where x.path like (select p.path from org_units p where p.id = ${q.orgUnitId}) || '%')`
        : undefined,
      accountLevel
        ? sql`(r.account_id in (select a.id from accounts a where ${inFilter('a')})${
            q.ownerId && !q.industry && !q.region && !q.tier
              ? sql` or (r.subject_kind = 'kam' and r.subject_id = ${q.ownerId})`
              : sql``
          })`
        : undefined,
    ].filter((p) => p !== undefined),
    sql` and `,
  );
  // one statement over the reviews the filter keeps: each subject's latest review of the period (its KPI
  // gaps as they stood, counted on the review) and the improvement actions with their effect (the KPI's
  // status at the subject's next review), both kept by the database as reviews are written
  const counts = await one<{
    green: number;
    amber: number;
    red: number;
    open: number;
    overdue: number;
    closed: number;
    remains: number;
  }>(
    ctx.db,
    sql`with rv as materialized (select r.id, r.subject_kind, r.subject_id, r.held_on, r.green_gaps, r.amber_gaps, r.red_gaps
                                  from reviews r where ${reviewFilter}),
         latest as (select distinct on (rv.subject_kind, rv.subject_id) rv.green_gaps, rv.amber_gaps, rv.red_gaps from rv
                     order by rv.subject_kind, rv.subject_id, rv.held_on desc, rv.id),
         gaps as (select coalesce(sum(l.green_gaps), 0)::int as green, coalesce(sum(l.amber_gaps), 0)::int as amber,
                         coalesce(sum(l.red_gaps), 0)::int as red
                    from latest l),
         actions as (
           select count(*) filter (where x.status in ('open', 'in_progress'))::int as open,
                  count(*) filter (where x.status in ('open', 'in_progress') and x.due_date < ${today}::date)::int as overdue,
                  count(*) filter (where x.status = 'done' and x.effect_status = 'green')::int as closed,
                  count(*) filter (where x.status = 'done' and x.effect_status in ('amber', 'red'))::int as remains
             from review_actions x join rv r on r.id = x.review_id where x.archived_at is null)
        select * from gaps, actions`,
  );
  return [
    fig('kpi.green', counts?.green, '/kpis', { period, status: 'green' }, { tone: 'good' }),
    fig('kpi.amber', counts?.amber, '/kpis', { period, status: 'amber' }, { tone: 'warning' }),
    fig('kpi.red', counts?.red, '/kpis', { period, status: 'red' }, { tone: 'danger' }),
    fig('improvement.open', counts?.open, '/reviews', { period }),
    fig('improvement.overdue', counts?.overdue, '/reviews', { period }, { tone: 'danger' }),
    fig('improvement.closedGap', counts?.closed, '/reviews', { period }, { tone: 'good' }),
    fig('improvement.gapRemains', counts?.remains, '/reviews', { period }, { tone: 'warning' }),
  ];
}

const steps: Record<MapStepKey, (input: StepInput) => Promise<Figure[] | StepFigures>> = {
  identify,
  needs,
  relationships,
  strategy,
  evaluate,
};

/** One step's figures over the caller's scope and the map's filters. Agents have no map. */
export async function mapStep(ctx: Ctx, step: MapStepKey, q: MapQuery): Promise<MapStep> {
  assertCan(ctx.user, 'analytics.read');
  const run = await findLatestRun(ctx);
  const period = mapPeriod(q);
  const found = await steps[step]({
    ctx,
    q,
    run,
    period,
    inFilter: (alias) => accountFilter(ctx, q, run, alias),
    inAccounts: (column) => inAccountFilter(ctx, q, run, column),
  });
  const result = Array.isArray(found) ? { figures: found } : found;
  return { step, period, figures: result.figures, trend: result.trend ?? [] };
}
