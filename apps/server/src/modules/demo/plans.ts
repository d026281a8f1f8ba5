import type { Db } from '../../platform/db/index.js';
import { rows, sql } from '../../platform/db/index.js';
import { latestRunId } from '../analytics/index.js';
import {
  accountPlans,
  contracts,
  opportunities,
  opportunityContacts,
  type PlanSnapshot,
  planActions,
  planItems,
  planTemplate,
  planVersions,
  salesTargets,
} from '../plans/index.js';
import { dayOf, isoOfDay } from './calendar.js';
import { createRng, type Rng } from './random.js';

type Tier = 'strategic' | 'core' | 'general';
type Account = {
  id: string;
  code: string;
  name: string;
  owner_id: string;
  tier: Tier;
  approver: string | null;
  wallet: number | null;
  last_year: number;
  last_year_margin: number;
  sensitivity: 'low' | 'medium' | 'high' | null;
  kam: boolean;
  owner_name: string;
};

const STRENGTHS = [
  'PLC 装机量大，客户工程师熟悉我方平台',
  '本地服务网点 2 小时响应',
  '与客户技术部长期合作，口碑好',
  '产品稳定性在客户产线验证多年',
];
const WEAKNESSES = ['交期比竞品长 1–2 周', '伺服产品线客户认知度低', '高层关系薄弱，只接触到采购层', '报价流程慢'];
const OPPORTUNITIES = [
  '客户明年启动产线智能化升级',
  '客户新建华南工厂',
  '国产替代政策推动',
  '客户计划统一供应商，缩减品牌数',
];
const THREATS = [
  '竞品以低价切入伺服与变频',
  '客户采购部门推行年度招标',
  '客户资金紧张，付款周期拉长',
  '竞品与客户成立联合实验室',
];

const PRICE_BY_SENSITIVITY: Record<'low' | 'medium' | 'high', string> = {
  low: '价格敏感度低：维持目录价，以服务和方案价值取胜，不主动让价',
  medium: '价格敏感度中：框架协议锁定年度价格，按采购量阶梯返利',
  high: '价格敏感度高：对流失风险品类给予有底线的折扣，测算折后毛利，避免价格战',
};

/** An adjustment and its reason, per kind (策略调整: customer feedback, market change, competition, performance gap). */
const ADJUSTMENTS = [
  {
    kind: 'competition',
    reason: '竞品在伺服和变频报价下调约 15%，价格策略提前应对',
    threat: '竞品报价下调 15%，抢夺变频订单',
  },
  { kind: 'customer_feedback', reason: '客户反馈交期是最大顾虑，要求驻厂备件库', threat: '客户对交期的不满影响续约' },
  { kind: 'market_change', reason: '客户所在行业需求回落，采购计划推迟一个季度', threat: '行业需求回落，采购计划推迟' },
  {
    kind: 'performance_gap',
    reason: '上半年销售额仅完成目标的 38%，需加强高层拜访与方案推进',
    threat: '年度目标完成率偏低',
  },
] as const;

const WIN_REASONS = [
  '方案通过技术评审，整体拥有成本更低',
  '客户认可本地服务响应速度',
  '高层互访后获得经济决策者支持',
  '与原有 PLC 平台兼容，切换成本低',
];
const LOSS_REASONS = [
  '竞品报价低 18%，客户采购部门坚持最低价',
  '客户预算削减，项目取消',
  '技术把关者倾向竞品方案',
  '交期无法满足客户投产时间',
];
const OPPORTUNITY_TITLES = [
  '产线升级 PLC 改造',
  '新工厂自动化项目',
  '备件年度采购',
  '伺服系统替换',
  '设备联网与数据采集',
  '变频节能改造',
];
const STAGES = ['awareness', 'consideration', 'decision', 'purchase', 'renewal'] as const;
const PROBABILITY = { awareness: 10, consideration: 25, decision: 50, purchase: 80, renewal: 60 } as const;
const STANCES = ['champion', 'supporter', 'neutral', 'sceptic', 'opponent'] as const;

/** Days from asOf of each strategic template action, and the state it is in at asOf. */
const SCHEDULE: { offset: number; state: 'done' | 'in_progress' | 'not_started' | 'either' }[] = [
  { offset: -210, state: 'done' },
  { offset: -60, state: 'in_progress' },
  { offset: -240, state: 'done' },
  { offset: -20, state: 'either' },
  { offset: -120, state: 'done' },
  { offset: 25, state: 'in_progress' },
  { offset: -270, state: 'done' },
  { offset: 45, state: 'not_started' },
];

export type PlansDemoSummary = {
  plans: number;
  adjusted: number;
  opportunities: number;
  contracts: number;
  targets: number;
};

/**
 * Step 4 of the demo company, after its analysis runs: every strategic account of the latest run has an
 * approved plan for asOf's year (actions done, in progress, overdue and not started), a third of them
 * (and always `kam`'s first) adjusted once with a reason; opportunities at every buying stage, won and
 * lost with reasons, some from the run's recommendations; contracts of every type, some expiring within
 * the alert window; monthly sales targets per org unit and KAM. Deterministic for a seed and asOf.
 */
export async function generatePlansDemo(db: Db, opts: { seed: number; asOf: string }): Promise<PlansDemoSummary> {
  const asOf = dayOf(opts.asOf);
  const year = Number(opts.asOf.slice(0, 4));
  const yearEnd = dayOf(`${year}-12-31`);
  const kamId = (await rows<{ id: string }>(db, sql`select id from users where username = 'kam'`))[0]?.id ?? null;
  const accounts = await rows<Account>(
    db,
    sql`select a.id, a.code, a.name, a.owner_id, r.tier, a.wallet_estimate::float8 as wallet, a.price_sensitivity as sensitivity,
          a.owner_id = ${kamId} as kam, (select display_name from users where id = a.owner_id) as owner_name,
          (select u.id from users u join org_units du on du.id = u.org_unit_id
            where u.role = 'director' and u.disabled_at is null and au.path like du.path || '%'
            order by length(du.path) desc, u.id limit 1) as approver,
          coalesce((select sum(m.revenue) from account_monthly m where m.account_id = a.id
            and m.month >= make_date(${year - 1}, 1, 1) and m.month < make_date(${year}, 1, 1)), 0)::float8 as last_year,
          coalesce((select sum(m.revenue - m.cost) from account_monthly m where m.account_id = a.id
            and m.month >= make_date(${year - 1}, 1, 1) and m.month < make_date(${year}, 1, 1)), 0)::float8 as last_year_margin
        from accounts a join org_units au on au.id = a.org_unit_id
        join analysis_results r on r.account_id = a.id and r.run_id = ${latestRunId}
        where a.archived_at is null and a.owner_id is not null and r.tier in ('strategic', 'core')
        order by a.owner_id = ${kamId} desc, r.tier = 'strategic' desc, r.score desc, a.id`,
  );
  const summary: PlansDemoSummary = { plans: 0, adjusted: 0, opportunities: 0, contracts: 0, targets: 0 };
  const strategic = accounts.filter((a) => a.tier === 'strategic');
  const at = (day: number) => new Date(`${isoOfDay(day)}T10:00:00+08:00`);
  const due = (offset: number) =>
    isoOfDay(offset > 0 ? Math.max(asOf + 1, Math.min(asOf + offset, yearEnd)) : asOf + offset);

  for (const [index, a] of strategic.entries()) {
    const rng = createRng(opts.seed, 'plans', index);
    const planId = rng.uuid();
    const template = planTemplate('strategic');
    const target = (v: number, growth: number) => Math.max(1_000_000, Math.round((v * growth) / 1_000_000) * 1_000_000);
    const goals = template.goals.map((g) => {
      if (g.kind === 'revenue') return { ...g, target: target(a.last_year, 1.05 + rng.int(0, 15) / 100) };
      if (g.kind === 'margin') return { ...g, target: target(a.last_year_margin, 1.05 + rng.int(0, 10) / 100) };
      if (g.kind === 'share_of_wallet')
        return {
          ...g,
          target: a.wallet ? Math.min(90, Math.round((100 * a.last_year) / a.wallet) + rng.int(3, 10)) : null,
        };
      return g;
    });
    const swot = {
      strengths: rng.sample(STRENGTHS, 2),
      weaknesses: rng.sample(WEAKNESSES, 2),
      opportunities: rng.sample(OPPORTUNITIES, 2),
      threats: rng.sample(THREATS, 1 + rng.int(0, 1)),
    };
    const strategies = { ...template.strategies, price: PRICE_BY_SENSITIVITY[a.sensitivity ?? 'medium'] };
    const actions = template.actions.map((t, i) => {
      const s = SCHEDULE[i] as (typeof SCHEDULE)[number];
      const state: 'done' | 'in_progress' | 'not_started' | 'cancelled' =
        s.state === 'either' ? (rng.chance(0.5) ? 'done' : 'not_started') : s.state;
      // each account's calendar differs a little; past stays past and future stays future
      const jitter = rng.int(-12, 12);
      const dueDate = due(s.offset < 0 ? Math.min(-3, s.offset + jitter) : Math.max(3, s.offset + jitter));
      return {
        id: rng.uuid(),
        planId,
        accountId: a.id,
        strategy: t.strategy,
        title: t.title,
        ownerId: a.owner_id,
        dueDate,
        status: state as 'done' | 'in_progress' | 'not_started' | 'cancelled',
        resources: t.resources,
        budget: t.strategy === 'promotion' || t.strategy === 'channel' ? rng.int(2, 12) * 1_000_000 : null,
        doneAt: state === 'done' ? at(dayOf(dueDate) - rng.int(0, 5)) : null,
        createdAt: at(asOf - 300),
        createdBy: a.owner_id,
        updatedAt: at(asOf - 1),
        updatedBy: a.owner_id,
      };
    });
    const items = [
      {
        id: rng.uuid(),
        planId,
        accountId: a.id,
        kind: 'long_term_agreement' as const,
        title: '三年战略供货协议',
        terms: `年采购额不低于 ¥${Math.max(100, Math.round(a.last_year / 1_000_000))} 万，价格年降 2%，优先供货`,
        startDate: `${year}-01-01`,
        endDate: `${year + 2}-12-31`,
      },
      ...(rng.chance(0.4)
        ? [
            {
              id: rng.uuid(),
              planId,
              accountId: a.id,
              kind: rng.chance(0.5) ? ('joint_rd' as const) : ('benefit_sharing' as const),
              title: rng.chance(0.5) ? '产线数据采集联合研发项目' : '节能改造收益分享',
              terms: '双方各投入工程师 2 名，成果共享；节能收益按 3:7 分成',
              startDate: isoOfDay(asOf - rng.int(60, 200)),
              endDate: isoOfDay(asOf + rng.int(200, 500)),
            },
          ]
        : []),
    ];
    const adjusted = index % 3 === 0;
    const snapshot = (list: typeof actions, s: typeof swot, st: typeof strategies): PlanSnapshot => ({
      title: `${a.name} ${year} 年度客户计划`,
      goals,
      swot: s,
      strategies: st,
      actions: list
        .filter((x) => x.status !== 'cancelled')
        .map((x) => ({
          id: x.id,
          strategy: x.strategy,
          title: x.title,
          ownerId: x.ownerId,
          ownerName: a.owner_name,
          dueDate: x.dueDate,
          status: x.status,
          resources: x.resources,
          budget: x.budget,
        })),
      items: items.map((i) => ({
        id: i.id,
        kind: i.kind,
        title: i.title,
        terms: i.terms,
        startDate: i.startDate,
        endDate: i.endDate,
      })),
    });
    const first = snapshot(actions, swot, strategies);
    let finalSwot = swot;
    let finalStrategies = strategies;
    const versions: (typeof planVersions.$inferInsert)[] = [
      {
        planId,
        revision: 1,
        snapshot: first,
        reasonKind: 'initial',
        reason: null,
        changedBy: a.owner_id,
        changedAt: at(asOf - 300),
      },
    ];
    if (adjusted) {
      const adjustment = ADJUSTMENTS[index % ADJUSTMENTS.length] as (typeof ADJUSTMENTS)[number];
      // the promotion event moves a month later, the half-year price review is dropped, a new price action comes in
      const moved = actions[4] as (typeof actions)[number];
      moved.dueDate = isoOfDay(dayOf(moved.dueDate) + 30);
      if (moved.status === 'done') moved.doneAt = at(dayOf(moved.dueDate) - 2);
      (actions[3] as (typeof actions)[number]).status = 'cancelled';
      (actions[3] as (typeof actions)[number]).doneAt = null;
      actions.push({
        ...(actions[2] as (typeof actions)[number]),
        id: rng.uuid(),
        title:
          adjustment.kind === 'customer_feedback'
            ? '在客户现场建立驻厂备件库'
            : '针对竞品报价提供阶梯返利与延保组合方案',
        dueDate: due(-5),
        status: 'in_progress',
        doneAt: null,
        budget: rng.int(5, 30) * 1_000_000,
        createdAt: at(asOf - 90),
      });
      finalSwot = { ...swot, threats: [...swot.threats, adjustment.threat] };
      finalStrategies = {
        ...strategies,
        price: `${strategies.price}；${adjustment.kind === 'competition' ? '对伺服、变频两类给予限时项目价' : '以服务和交期承诺替代降价'}`,
      };
      versions.push({
        planId,
        revision: 2,
        snapshot: snapshot(actions, finalSwot, finalStrategies),
        reasonKind: adjustment.kind,
        reason: adjustment.reason,
        changedBy: a.owner_id,
        changedAt: at(asOf - 90),
      });
      summary.adjusted++;
    }
    await db.insert(accountPlans).values({
      id: planId,
      accountId: a.id,
      year,
      title: `${a.name} ${year} 年度客户计划`,
      tier: 'strategic',
      status: 'approved',
      goals,
      swot: finalSwot,
      strategies: finalStrategies,
      revision: versions.length,
      submittedAt: at(asOf - 305),
      approvedAt: at(asOf - 300),
      approvedBy: a.approver,
      approvalNote: a.approver ? '同意，按季度复盘' : null,
      createdAt: at(asOf - 310),
      createdBy: a.owner_id,
      updatedAt: at(asOf - (adjusted ? 90 : 300)),
      updatedBy: a.owner_id,
    });
    await db.insert(planActions).values(actions);
    await db.insert(planItems).values(
      items.map((i) => ({
        ...i,
        createdAt: at(asOf - 300),
        createdBy: a.owner_id,
        updatedAt: at(asOf - 300),
        updatedBy: a.owner_id,
      })),
    );
    await db.insert(planVersions).values(versions);
    summary.plans++;

    // contracts: the year's framework, a long-term agreement under the plan item, maintenance (often expiring), a past project
    const contractRows: (typeof contracts.$inferInsert)[] = [
      contract(
        rng,
        a,
        'framework',
        `${year}-01-01`,
        `${year}-12-31`,
        Math.max(a.last_year, 10_000_000),
        '到期前 30 天按上年度执行情况续签',
      ),
      contract(
        rng,
        a,
        'long_term_agreement',
        `${year}-01-01`,
        `${year + 2}-12-31`,
        Math.max(a.last_year * 3, 30_000_000),
        '期满前 90 天协商续约',
      ),
      contract(
        rng,
        a,
        'maintenance',
        isoOfDay(asOf - 320),
        isoOfDay(rng.chance(0.1) ? asOf + rng.int(10, 85) : asOf + rng.int(120, 300)),
        rng.int(20, 80) * 1_000_000,
        '到期前 60 天续签，服务内容可调整',
      ),
      contract(
        rng,
        a,
        'project',
        isoOfDay(asOf - 500),
        isoOfDay(asOf - rng.int(30, 200)),
        rng.int(50, 300) * 1_000_000,
        null,
      ),
    ];
    // in the last quarter nearly every framework is already renewed for next year: those stop alerting
    const framework = contractRows[0] as typeof contracts.$inferInsert & { id: string };
    if (dayOf(framework.endDate) - asOf <= 90 && rng.chance(0.9)) {
      const renewal = contract(
        rng,
        a,
        'framework',
        `${year + 1}-01-01`,
        `${year + 1}-12-31`,
        Math.max(a.last_year * 1.1, 10_000_000),
        '到期前 30 天按上年度执行情况续签',
      );
      framework.renewedById = renewal.id;
      contractRows.push(renewal);
    }
    await db.insert(contracts).values(contractRows);
    await db.execute(sql`insert into contract_plan_items (contract_id, plan_item_id)
      values (${contractRows[1]!.id}, ${items[0]!.id})`);
    summary.contracts += contractRows.length;
  }

  // opportunities: kam's accounts cycle through every stage, won and lost; the rest draw theirs
  const recommendations = await rows<{
    account_id: string;
    category_id: string;
    category: string;
    because: string;
    support: number;
    confidence: number;
    lift: number;
    peers: number;
    run_id: string;
    bought: boolean;
  }>(
    db,
    sql`select r.account_id, r.category_id, c.name as category, b.name as because, r.support, r.confidence, r.lift, r.peers, r.run_id,
          exists (select 1 from account_category_spend s where s.account_id = r.account_id and s.category_id = r.category_id and s.revenue > 0) as bought
        from analysis_recommendations r join product_categories c on c.id = r.category_id
        join product_categories b on b.id = r.because_category_id
        where r.run_id = ${latestRunId} order by r.account_id, r.lift desc, r.category_id`,
  );
  const byAccount = new Map<string, typeof recommendations>();
  for (const r of recommendations) byAccount.set(r.account_id, [...(byAccount.get(r.account_id) ?? []), r]);
  const categories = await rows<{ id: string }>(
    db,
    sql`select c.id from product_categories c where exists (select 1 from products p where p.category_id = c.id) order by c.code`,
  );
  const competitorIds = (await rows<{ id: string }>(db, sql`select id from competitors order by name`)).map(
    (c) => c.id,
  );
  let cycle = 0;
  const opportunityRows: (typeof opportunities.$inferInsert)[] = [];
  const memberRows: (typeof opportunityContacts.$inferInsert)[] = [];
  const withOpportunities = accounts.slice(0, 400);
  for (const [index, a] of withOpportunities.entries()) {
    const rng = createRng(opts.seed, 'opportunities', index);
    const people = await rows<{ id: string; decision_role: string | null }>(
      db,
      sql`select id, decision_role from contacts where account_id = ${a.id} and archived_at is null
           order by influence desc nulls last, id limit 3`,
    );
    const count = a.kam ? 3 : a.tier === 'strategic' ? rng.int(1, 3) : rng.int(0, 2);
    const recs = byAccount.get(a.id) ?? [];
    for (let j = 0; j < count; j++) {
      const outcome = a.kam ? cycle++ % 7 : rng.int(0, 6);
      const status = outcome === 5 ? 'won' : outcome === 6 ? 'lost' : 'open';
      const stage =
        status === 'won'
          ? 'purchase'
          : status === 'lost'
            ? (STAGES[rng.int(1, 2)] as (typeof STAGES)[number])
            : (STAGES[outcome] as (typeof STAGES)[number]);
      const rec = j === 0 && recs.length && rng.chance(a.kam ? 1 : 0.4) ? recs[0] : undefined;
      const amount = Math.max(
        500_000,
        Math.round(((a.last_year || 20_000_000) * (0.05 + rng.float() * 0.3)) / 10_000) * 10_000,
      );
      const closedOn = status === 'open' ? null : isoOfDay(asOf - rng.int(5, 300));
      const id = rng.uuid();
      opportunityRows.push({
        id,
        accountId: a.id,
        title: rec ? `${rec.category}${rec.bought ? '增购' : '交叉销售'}` : (rng.pick(OPPORTUNITY_TITLES) as string),
        kind: rec ? (rec.bought ? 'upsell' : 'cross_sell') : stage === 'renewal' ? 'renewal' : 'new_business',
        amount,
        categoryIds: rec ? [rec.category_id] : [rng.pick(categories).id],
        expectedClose: closedOn ?? isoOfDay(asOf + rng.int(-10, 270)),
        probability: status === 'won' ? 100 : status === 'lost' ? 0 : PROBABILITY[stage],
        stage,
        status,
        ownerId: a.owner_id,
        competitorId:
          status === 'lost' || rng.chance(0.3) ? (competitorIds.length ? rng.pick(competitorIds) : null) : null,
        closeReason: status === 'won' ? rng.pick(WIN_REASONS) : status === 'lost' ? rng.pick(LOSS_REASONS) : null,
        closedOn,
        sourceKind: rec ? 'recommendation' : 'manual',
        sourceRunId: rec?.run_id ?? null,
        sourceCategoryId: rec?.category_id ?? null,
        sourceEvidence: rec
          ? {
              category: rec.category,
              because: rec.because,
              support: rec.support,
              confidence: rec.confidence,
              lift: rec.lift,
              peers: rec.peers,
            }
          : null,
        createdAt: at(asOf - rng.int(30, 330)),
        createdBy: a.owner_id,
        updatedAt: at(asOf - rng.int(0, 20)),
        updatedBy: a.owner_id,
      });
      // each person's stance at every stage reached so far, warming (or not) as the deal moves on
      const reached = STAGES.slice(0, STAGES.indexOf(stage) + 1);
      for (const p of people) {
        let stance = rng.int(1, 3);
        for (const s of reached) {
          memberRows.push({
            opportunityId: id,
            contactId: p.id,
            stage: s,
            role: p.decision_role ?? 'influencer',
            stance: STANCES[stance] as (typeof STANCES)[number],
            updatedAt: at(asOf - 20),
            updatedBy: a.owner_id,
          });
          stance = Math.max(0, Math.min(4, stance + (status === 'lost' ? 1 : -1) * rng.int(0, 1)));
        }
      }
      summary.opportunities++;
    }
  }

  for (let i = 0; i < opportunityRows.length; i += 500)
    await db.insert(opportunities).values(opportunityRows.slice(i, i + 500));
  for (let i = 0; i < memberRows.length; i += 500)
    await db.insert(opportunityContacts).values(memberRows.slice(i, i + 500));
  summary.targets = await writeTargets(db, year, opts.asOf, createRng(opts.seed, 'targets'), at(asOf - 330));
  return summary;
}

function contract(
  rng: Rng,
  a: Account,
  kind: 'framework' | 'long_term_agreement' | 'maintenance' | 'project',
  startDate: string,
  endDate: string,
  value: number,
  renewalTerms: string | null,
) {
  const titles = {
    framework: '年度采购框架协议',
    long_term_agreement: '长期战略合作协议',
    maintenance: '设备维保服务合同',
    project: '产线自动化改造项目合同',
  };
  return {
    id: rng.uuid(),
    accountId: a.id,
    // the start year keeps a framework and its renewal apart (each kind comes once a year per account)
    code: `HT-${a.code}-${startDate.slice(0, 4)}${kind.slice(0, 2).toUpperCase()}${rng.int(100, 999)}`,
    title: titles[kind],
    kind,
    value: Math.round(value / 10_000) * 10_000,
    startDate,
    endDate,
    renewalTerms,
    autoRenew: false,
    noticeDays: renewalTerms ? 60 : null,
    // recorded when signed, a little before the term starts
    createdAt: new Date(`${startDate}T09:00:00+08:00`),
    createdBy: a.owner_id,
    updatedAt: new Date(`${startDate}T09:00:00+08:00`),
    updatedBy: a.owner_id,
  };
}

/**
 * Monthly targets per org unit and per KAM for asOf's year and the next: the same month's revenue a year
 * earlier plus a tenth (for next year, the latest twelve whole months stand in for it).
 */
async function writeTargets(db: Db, year: number, asOf: string, rng: Rng, stamp: Date): Promise<number> {
  return (
    (await targetsFor(db, year, `${year - 1}-01-01`, rng, stamp)) +
    (await targetsFor(db, year + 1, monthBack(asOf, 12), rng, stamp))
  );
}

/** The first day of the month `months` before asOf's month. */
function monthBack(asOf: string, months: number): string {
  const d = new Date(`${asOf.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

async function targetsFor(db: Db, year: number, from: string, rng: Rng, stamp: Date): Promise<number> {
  const units = await rows<{ id: string; month: number; revenue: number }>(
    db,
    sql`select u.id, extract(month from m.month)::int as month, sum(m.revenue)::float8 as revenue
          from org_units u join org_units au on au.path like u.path || '%' join accounts a on a.org_unit_id = au.id
          join account_monthly m on m.account_id = a.id
         where m.month >= ${from}::date and m.month < ${from}::date + interval '12 months'
         group by u.id, 2 order by u.id, 2`,
  );
  const owners = await rows<{ id: string; month: number; revenue: number }>(
    db,
    sql`select a.owner_id as id, extract(month from m.month)::int as month, sum(m.revenue)::float8 as revenue
          from accounts a join account_monthly m on m.account_id = a.id
         where a.owner_id is not null and m.month >= ${from}::date and m.month < ${from}::date + interval '12 months'
         group by a.owner_id, 2 order by a.owner_id, 2`,
  );
  const month = (m: number) => `${year}-${String(m).padStart(2, '0')}-01`;
  const amount = (revenue: number) => Math.round((revenue * 1.1) / 1_000_000) * 1_000_000;
  const values = [
    ...units.map((u) => ({ orgUnitId: u.id, userId: null, month: month(u.month), amount: amount(u.revenue) })),
    ...owners.map((o) => ({ orgUnitId: null, userId: o.id, month: month(o.month), amount: amount(o.revenue) })),
  ].map((v) => ({ ...v, id: rng.uuid(), updatedAt: stamp }));
  for (let i = 0; i < values.length; i += 500) await db.insert(salesTargets).values(values.slice(i, i + 500));
  return values.length;
}
