import type { Db } from '../../platform/db/index.js';
import { one, rows, sql } from '../../platform/db/index.js';
import { latestRunId } from '../analytics/index.js';
import { clubEvents, eventInvitations, valueAddedServices } from '../events/index.js';
import { interactions } from '../interactions/index.js';
import {
  ensureBuiltInKpis,
  kpiDefinitions,
  kpiTargets,
  periodRange,
  previousPeriod,
  quarterOf,
  reviewActions,
  reviewCauses,
  reviews,
  snapshotGaps,
} from '../performance/index.js';
import { tasks } from '../tasks/index.js';
import { principalById } from '../users/index.js';
import { createRng, type Rng } from './random.js';

type Account = { id: string; name: string; owner_id: string; org_unit_id: string; kam: boolean };
type Gap = { kpi_id: string; code: string; kind: string; status: string; attainment: number | null };
type Cause = 'product' | 'price' | 'service' | 'relationship' | 'competition' | 'internal_process';

const DAY = 86_400_000;
const addDays = (day: string, n: number) => new Date(Date.parse(day) + n * DAY).toISOString().slice(0, 10);
const cst = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const round10k = (fen: number) => Math.max(1_000_000, Math.round(fen / 1_000_000) * 1_000_000);

/** What a KAM writes in a problem analysis, by the cause category the gap's KPI points to. */
const CAUSES: Record<Cause, { statement: string; whys: string[]; notes: string }[]> = {
  competition: [
    {
      statement: '竞品以低价切入伺服与变频器份额，本季度订单被分流',
      whys: [
        '本季度订单金额低于目标',
        '两条产线的扩产项目选择了竞品',
        '竞品报价比我方低约 12%',
        '我方未及时提供整线方案与总拥有成本对比',
      ],
      notes: '鱼骨图：人—客户经理更换；机—竞品新品；法—报价流程慢；环—客户降本压力大',
    },
    {
      statement: '客户引入第二供应商，份额被稀释',
      whys: ['采购额下降', '客户推行双供应商策略', '我方交期在上半年两次延误', '备件库存策略未覆盖该客户'],
      notes: '需与采购总监确认双供应商比例与考核口径',
    },
  ],
  price: [
    {
      statement: '为保单给出的额外折扣压低了毛利率',
      whys: ['毛利率低于目标', '三笔大单折扣超过 8%', '客户以竞品报价施压', '缺少按价格敏感度分层的折扣政策'],
      notes: '建议以年度框架协议价替代单笔特价',
    },
  ],
  product: [
    {
      statement: '新一代 PLC 未通过客户技术评估，替换项目推迟',
      whys: [
        '预期订单未落地',
        '技术把关者对通讯兼容性有疑虑',
        '样机测试发现与上位机协议不兼容',
        '兼容补丁发布晚于客户评估窗口',
      ],
      notes: '联合研发中心已排期兼容性测试',
    },
  ],
  service: [
    {
      statement: '投诉处理超时影响客户满意度',
      whys: [
        '满意度与 SLA 达成率下降',
        '两起投诉未在时限内解决',
        '现场工程师排班不足',
        '该区域服务资源未按客户层级配置',
      ],
      notes: '首问负责人需全程跟进至回访完成',
    },
  ],
  relationship: [
    {
      statement: '本季度未拜访关键决策人，关系覆盖出现缺口',
      whys: [
        '拜访覆盖率未达标',
        '客户经理本季度拜访集中在小客户',
        '缺少按客户层级的拜访节奏提醒',
        '拜访计划未纳入客户计划跟踪',
      ],
      notes: '经济决策者已 3 个月未接触',
    },
  ],
  internal_process: [
    {
      statement: '内部报价与技术支持流程响应慢',
      whys: ['客户反馈响应慢', '报价审批平均 5 个工作日', '审批链条过长', '未按客户层级设置快速通道'],
      notes: '与销售运营共同梳理审批节点',
    },
  ],
};

const ACTIONS: Record<string, string[]> = {
  sales: [
    '提交年度框架协议方案，锁定明年采购量',
    '组织整线方案技术交流会，对标竞品总拥有成本',
    '推动试用新一代伺服样机，争取替换订单',
  ],
  margin_rate: ['以框架协议价替代单笔特价，折扣超过 8% 需总监审批', '推广高毛利的软件与维保服务包'],
  visit_coverage: ['恢复每月一次高层拜访，拜访后填写纪要', '安排技术总监随访，覆盖技术把关者'],
  relationship_coverage: ['约见经济决策者，汇报合作成果', '邀请使用部门负责人参加客户沙龙'],
  satisfaction: ['针对低分问卷逐一回访并闭环', '为客户配置驻厂服务工程师'],
  complaint_sla_rate: ['投诉升级规则调整为超时前 4 小时预警', '补充区域服务工程师排班'],
  custom: ['制定伺服产品推广计划，安排样机试用'],
};

const causeFor = (kind: string, rng: Rng): Cause =>
  kind === 'sales'
    ? rng.pick(['competition', 'competition', 'product', 'internal_process'] as const)
    : kind === 'margin_rate'
      ? 'price'
      : kind === 'visit_coverage' || kind === 'relationship_coverage'
        ? 'relationship'
        : kind === 'satisfaction' || kind === 'complaint_sla_rate'
          ? 'service'
          : 'product';

export type PerformanceDemoSummary = {
  events: number;
  invitations: number;
  valueAddedServices: number;
  targets: number;
  reviews: number;
  effects: { closed: number; notClosed: number };
};

/**
 * Step 4–5 data for the demo company, after the analysis runs and the service demo: club events with
 * invitations, attendance and follow-up tasks; value-added services; KPI targets for last and this
 * quarter (every strategic account, every KAM and team, the regions); and for every strategic account
 * a review of each quarter with its gaps snapshotted, a problem analysis and improvement actions. Last
 * quarter's actions were carried out or not: a visit action done leads to a visit this quarter, so
 * this quarter's review shows some gaps closed and some not. Deterministic for a seed and asOf.
 */
export async function generatePerformanceDemo(
  db: Db,
  opts: { seed: number; asOf: string },
): Promise<PerformanceDemoSummary> {
  const current = quarterOf(opts.asOf);
  const last = previousPeriod(current);
  const currentRange = periodRange(current);
  const admin = await one<{ id: string }>(db, sql`select id from users where username = 'admin'`);
  const kamUser = await one<{ id: string }>(db, sql`select id from users where username = 'kam'`);
  const principal = admin ? await principalById(db, admin.id) : undefined;
  if (!principal || !kamUser)
    return {
      events: 0,
      invitations: 0,
      valueAddedServices: 0,
      targets: 0,
      reviews: 0,
      effects: { closed: 0, notClosed: 0 },
    };
  const accounts = await rows<Account>(
    db,
    sql`select a.id, a.name, a.owner_id, a.org_unit_id, a.owner_id = ${kamUser.id} as kam
          from accounts a join analysis_results r on r.account_id = a.id and r.run_id = ${latestRunId}
         where r.tier = 'strategic' and a.archived_at is null and a.owner_id is not null
         order by a.owner_id = ${kamUser.id} desc, r.score desc, a.id`,
  );
  await ensureBuiltInKpis(db);
  const kpi = Object.fromEntries(
    (await rows<{ id: string; code: string }>(db, sql`select id, code from kpi_definitions`)).map((d) => [
      d.code,
      d.id,
    ]),
  ) as Record<string, string>;

  const events = await writeEvents(db, opts.seed, opts.asOf, accounts);
  const vas = await writeValueAddedServices(db, opts.seed, opts.asOf, accounts);
  const targets = await writeTargets(db, opts.seed, [last, current], accounts, kpi, principal.id);

  let reviewCount = 0;
  const effects = { closed: 0, notClosed: 0 };
  let kamVisitForced = false;
  for (const [index, account] of accounts.entries()) {
    const rng = createRng(opts.seed, 'performance-review', index);
    const lastHeld = addDays(currentRange.from, rng.int(3, 12));
    const heldLast = lastHeld <= opts.asOf ? lastHeld : currentRange.from;
    const lastId = rng.uuid();
    await writeReview(db, rng, principal, account, last, heldLast, lastId);
    const gaps = await gapsOf(db, lastId);
    const chosen = weakest(gaps);
    const doneVisits: string[] = [];
    for (const gap of chosen) {
      const causeId = await writeCause(db, rng, account, lastId, gap, heldLast, periodRange(last));
      const forceDone = account.kam && !kamVisitForced && gap.kind === 'visit_coverage' && gap.status !== 'green';
      if (forceDone) kamVisitForced = true;
      const status = forceDone ? 'done' : rng.weighted(['done', 'in_progress', 'open'] as const, [55, 25, 20]);
      const due = addDays(heldLast, rng.int(20, 60));
      const doneOn = status === 'done' ? addDays(heldLast, rng.int(3, 25)) : null;
      const doneDay = doneOn && doneOn > opts.asOf ? opts.asOf : doneOn;
      await db.insert(reviewActions).values({
        id: rng.uuid(),
        reviewId: lastId,
        causeId,
        kpiId: gap.kpi_id,
        measure: rng.pick(ACTIONS[gap.kind] ?? (ACTIONS.custom as string[])),
        ownerId: account.owner_id,
        dueDate: due,
        status,
        doneOn: doneDay,
        createdBy: account.owner_id,
        updatedBy: account.owner_id,
        createdAt: cst(heldLast, 16),
        updatedAt: cst(doneDay ?? heldLast, 17),
      });
      if (status === 'done' && gap.kind === 'visit_coverage' && doneDay) doneVisits.push(doneDay);
    }
    // the improvement carried out: the visit the action asked for
    for (const day of doneVisits) {
      await db.insert(interactions).values({
        id: rng.uuid(),
        accountId: account.id,
        kind: 'visit',
        occurredAt: cst(day, 14),
        subject: '高层拜访（改进措施）',
        notes: '按季度复盘的改进措施拜访客户，回顾合作并确认下季度需求',
        userId: account.owner_id,
        createdBy: account.owner_id,
        updatedBy: account.owner_id,
        createdAt: cst(day, 18),
        updatedAt: cst(day, 18),
      });
    }
    const currentId = rng.uuid();
    await writeReview(db, rng, principal, account, current, opts.asOf, currentId);
    const now = await gapsOf(db, currentId);
    for (const gap of chosen) {
      const after = now.find((g) => g.kpi_id === gap.kpi_id);
      if (!after || after.status === 'none') continue;
      if (after.status === 'green') effects.closed += 1;
      else effects.notClosed += 1;
    }
    for (const gap of weakest(now).slice(0, 1)) {
      const causeId = await writeCause(db, rng, account, currentId, gap, opts.asOf, currentRange);
      await db.insert(reviewActions).values({
        id: rng.uuid(),
        reviewId: currentId,
        causeId,
        kpiId: gap.kpi_id,
        measure: rng.pick(ACTIONS[gap.kind] ?? (ACTIONS.custom as string[])),
        ownerId: account.owner_id,
        dueDate: addDays(opts.asOf, rng.int(14, 75)),
        status: rng.chance(0.4) ? 'in_progress' : 'open',
        createdBy: account.owner_id,
        updatedBy: account.owner_id,
        createdAt: cst(opts.asOf, 16),
        updatedAt: cst(opts.asOf, 16),
      });
    }
    reviewCount += 2;
  }
  return {
    events: events.events,
    invitations: events.invitations,
    valueAddedServices: vas,
    targets,
    reviews: reviewCount,
    effects,
  };
}

/** Not-green gaps first, weakest attainment first; at least one gap, so every review has an analysis. */
function weakest(gaps: Gap[]): Gap[] {
  const ranked = gaps
    .filter((g) => g.status !== 'none')
    .sort((a, b) => (a.attainment ?? 0) - (b.attainment ?? 0) || a.code.localeCompare(b.code));
  const open = ranked.filter((g) => g.status !== 'green');
  return (open.length ? open : ranked).slice(0, 2);
}

async function gapsOf(db: Db, reviewId: string) {
  return rows<Gap>(
    db,
    sql`select g.kpi_id, d.code, d.kind, g.status, g.attainment from review_gaps g join kpi_definitions d on d.id = g.kpi_id
         where g.review_id = ${reviewId} order by d.code`,
  );
}

async function writeReview(
  db: Db,
  rng: Rng,
  principal: NonNullable<Awaited<ReturnType<typeof principalById>>>,
  account: Account,
  period: string,
  heldOn: string,
  id: string,
) {
  await db.insert(reviews).values({
    id,
    subjectKind: 'account',
    subjectId: account.id,
    accountId: account.id,
    orgUnitId: account.org_unit_id,
    period,
    heldOn,
    summary: rng.pick([
      '季度客户经营复盘：对照目标逐项分析差距，明确改进措施与责任人。',
      '与客户团队共同回顾本季度合作，聚焦未达标指标的原因与下季度行动。',
      '季度复盘会：回顾订单、服务与关系指标，确认改进计划。',
    ]),
    status: period === quarterOf(heldOn) ? 'draft' : 'closed',
    createdBy: account.owner_id,
    updatedBy: account.owner_id,
    createdAt: cst(heldOn, 15),
    updatedAt: cst(heldOn, 15),
  });
  await snapshotGaps(principal, db, id, 'account', account.id, period, cst(heldOn, 15));
}

async function writeCause(
  db: Db,
  rng: Rng,
  account: Account,
  reviewId: string,
  gap: Gap,
  heldOn: string,
  range: { from: string; to: string },
) {
  const category = causeFor(gap.kind, rng);
  const text = rng.pick(CAUSES[category]);
  const orderEvidence = await rows<{ id: string }>(
    db,
    sql`select o.id from orders o where o.account_id = ${account.id} and o.archived_at is null and o.status <> 'cancelled'
          and o.order_date <= ${range.to}::date order by (o.order_date >= ${range.from}::date) desc, o.amount desc, o.id limit 2`,
  );
  const talk = await rows<{ id: string }>(
    db,
    sql`select i.id from interactions i where i.account_id = ${account.id} and i.archived_at is null
          and i.occurred_at < ${cst(heldOn, 0).toISOString()} order by i.occurred_at desc, i.id limit 2`,
  );
  const complaint = await rows<{ id: string }>(
    db,
    sql`select c.id from complaints c where c.account_id = ${account.id} order by c.received_at desc, c.id limit 1`,
  );
  const need = await rows<{ id: string }>(
    db,
    sql`select n.id from needs n where n.account_id = ${account.id} and n.archived_at is null order by n.priority desc, n.id limit 1`,
  );
  const evidence = [
    ...(category === 'relationship' ? talk.map((r) => ({ kind: 'interaction', id: r.id })) : []),
    ...(category === 'service' ? complaint.map((r) => ({ kind: 'complaint', id: r.id })) : []),
    ...(category === 'product' || category === 'competition' ? need.map((r) => ({ kind: 'need', id: r.id })) : []),
    ...orderEvidence.map((r) => ({ kind: 'order', id: r.id })),
  ];
  const id = rng.uuid();
  const fishbone = rng.chance(0.3);
  await db.insert(reviewCauses).values({
    id,
    reviewId,
    kpiId: gap.kpi_id,
    category,
    method: fishbone ? 'fishbone' : 'five_whys',
    statement: text.statement,
    whys: fishbone ? [] : text.whys,
    notes: text.notes,
    evidence,
    createdBy: account.owner_id,
    updatedBy: account.owner_id,
    createdAt: cst(heldOn, 15),
    updatedAt: cst(heldOn, 15),
  });
  return id;
}

async function writeTargets(
  db: Db,
  seed: number,
  periods: string[],
  accounts: Account[],
  kpi: Record<string, string>,
  adminId: string,
) {
  const values: (typeof kpiTargets.$inferInsert)[] = [];
  const rng = createRng(seed, 'performance-targets');
  const servo = await one<{ id: string }>(db, sql`select id from product_categories where code = 'SERVO'`);
  const [custom] = servo
    ? await db
        .insert(kpiDefinitions)
        .values({
          id: rng.uuid(),
          code: 'servo_share',
          name: '伺服系统收入占比',
          kind: 'custom',
          unit: 'ratio',
          measure: 'revenue',
          aggregation: 'share_of_total',
          categoryId: servo.id,
          createdBy: adminId,
          updatedBy: adminId,
        })
        .returning({ id: kpiDefinitions.id })
    : [];
  for (const period of periods) {
    const range = periodRange(period);
    const lastYear = {
      from: `${Number(range.from.slice(0, 4)) - 1}${range.from.slice(4)}`,
      to: `${Number(range.to.slice(0, 4)) - 1}${range.to.slice(4)}`,
    };
    const base = await rows<{ id: string; owner_id: string | null; revenue: number; margin: number }>(
      db,
      sql`select a.id, a.owner_id, coalesce(sum(o.amount), 0)::float8 as revenue, coalesce(sum(o.amount - o.cost), 0)::float8 as margin
            from accounts a left join orders o on o.account_id = a.id and o.archived_at is null and o.status <> 'cancelled'
             and o.order_date between ${lastYear.from}::date and ${lastYear.to}::date
           where a.archived_at is null group by a.id, a.owner_id`,
    );
    const byId = new Map(base.map((b) => [b.id, b]));
    const add = (
      kpiId: string | undefined,
      subjectKind: 'account' | 'kam' | 'team' | 'org_unit',
      subjectId: string,
      target: number,
    ) => {
      if (kpiId)
        values.push({
          id: rng.uuid(),
          kpiId,
          subjectKind,
          subjectId,
          period,
          target,
          createdBy: adminId,
          updatedBy: adminId,
        });
    };
    for (const a of accounts) {
      const b = byId.get(a.id);
      if (b && b.revenue > 0) {
        add(kpi.sales, 'account', a.id, round10k(b.revenue * (1.05 + 0.2 * rng.float())));
        add(
          kpi.margin_rate,
          'account',
          a.id,
          Math.round((b.margin / b.revenue + 0.01 + 0.02 * rng.float()) * 1000) / 1000,
        );
      }
      add(kpi.visit_coverage, 'account', a.id, 1);
      add(kpi.relationship_coverage, 'account', a.id, 0.6);
    }
    const kams = await rows<{ id: string; org_unit_id: string }>(
      db,
      sql`select u.id, u.org_unit_id from users u where u.role = 'kam' and exists (select 1 from accounts a where a.owner_id = u.id) order by u.id`,
    );
    const byOwner = new Map<string, number>();
    for (const b of base) if (b.owner_id) byOwner.set(b.owner_id, (byOwner.get(b.owner_id) ?? 0) + b.revenue);
    const byTeam = new Map<string, number>();
    for (const k of kams) {
      const revenue = byOwner.get(k.id) ?? 0;
      byTeam.set(k.org_unit_id, (byTeam.get(k.org_unit_id) ?? 0) + revenue);
      if (revenue > 0) add(kpi.sales, 'kam', k.id, round10k(revenue * 1.1));
      add(kpi.visit_coverage, 'kam', k.id, 0.5);
      add(kpi.satisfaction, 'kam', k.id, 4.2);
      add(kpi.complaint_sla_rate, 'kam', k.id, 0.9);
    }
    for (const [unit, revenue] of [...byTeam].sort((x, y) => x[0].localeCompare(y[0]))) {
      if (revenue > 0) add(kpi.sales, 'team', unit, round10k(revenue * 1.1));
      add(kpi.visit_coverage, 'team', unit, 0.5);
    }
    const units = await rows<{ id: string; revenue: number }>(
      db,
      sql`select u.id, coalesce(sum(o.amount), 0)::float8 as revenue from org_units u
            left join org_units d on d.path like u.path || '%'
            left join accounts a on a.org_unit_id = d.id
            left join orders o on o.account_id = a.id and o.archived_at is null and o.status <> 'cancelled'
             and o.order_date between ${lastYear.from}::date and ${lastYear.to}::date
           where u.archived_at is null and (u.parent_id is null or u.parent_id in (select r.id from org_units r where r.parent_id is null))
           group by u.id order by u.id`,
    );
    for (const u of units) {
      if (u.revenue > 0) add(kpi.sales, 'org_unit', u.id, round10k(u.revenue * 1.1));
      add(kpi.complaint_sla_rate, 'org_unit', u.id, 0.9);
      add(custom?.id, 'org_unit', u.id, 0.15);
    }
  }
  for (let i = 0; i < values.length; i += 500) await db.insert(kpiTargets).values(values.slice(i, i + 500));
  return values.length;
}

const EVENTS: {
  kind: 'salon' | 'summit' | 'training' | 'factory_visit';
  title: string;
  location: string;
  cost: number;
}[] = [
  { kind: 'summit', title: '智能制造年度客户峰会', location: '上海国际会议中心', cost: 48_000_000 },
  { kind: 'salon', title: '伺服与运动控制技术沙龙', location: '苏州工业园区客户体验中心', cost: 6_500_000 },
  { kind: 'training', title: 'PLC 编程与维护培训日', location: '公司培训中心', cost: 3_800_000 },
  { kind: 'factory_visit', title: '常州生产基地参观日', location: '常州生产基地', cost: 5_200_000 },
  { kind: 'salon', title: '数字化工厂 CIO 沙龙', location: '杭州西溪', cost: 7_200_000 },
  { kind: 'training', title: '变频器节能改造培训', location: '广州客户服务中心', cost: 2_900_000 },
  { kind: 'summit', title: '大客户俱乐部新春答谢会', location: '深圳前海', cost: 36_000_000 },
];

async function writeEvents(db: Db, seed: number, asOf: string, strategic: Account[]) {
  const rng = createRng(seed, 'performance-events');
  const root = await one<{ id: string }>(db, sql`select id from org_units where parent_id is null order by id limit 1`);
  const regions = await rows<{ id: string; path: string }>(
    db,
    sql`select id, path from org_units where parent_id = ${root?.id ?? null} order by code`,
  );
  const owners = await rows<{ id: string; owner_id: string; org_path: string; tier: string; contacts: string[] }>(
    db,
    sql`select a.id, a.owner_id, u.path as org_path, r.tier,
               array(select c.id::text from contacts c where c.account_id = a.id and c.archived_at is null
                      order by c.influence desc nulls last, c.id limit 2) as contacts
          from accounts a join org_units u on u.id = a.org_unit_id
          join analysis_results r on r.account_id = a.id and r.run_id = ${latestRunId}
         where r.tier in ('strategic', 'core') and a.archived_at is null and a.owner_id is not null
         order by r.score desc, a.id`,
  );
  const kamRegion = strategic.find((a) => a.kam)?.org_unit_id;
  const kamPath = kamRegion
    ? (await one<{ path: string }>(db, sql`select path from org_units where id = ${kamRegion}`))?.path
    : undefined;
  let invitations = 0;
  for (const [i, e] of EVENTS.entries()) {
    // six held over the last half year (the first ones in the demo KAM's region), one planned next month
    const held = i < EVENTS.length - 1;
    const heldOn = held ? addDays(asOf, -(15 + i * 27)) : addDays(asOf, 24);
    const region =
      i % 2 === 0 && kamPath
        ? regions.find((r) => kamPath.startsWith(r.path))
        : regions[i % Math.max(regions.length, 1)];
    const unit = region ?? regions[0];
    if (!unit) continue;
    const id = rng.uuid();
    await db.insert(clubEvents).values({
      id,
      title: e.title,
      kind: e.kind,
      heldOn,
      location: e.location,
      description: '面向战略与核心客户的大客户俱乐部活动，邀请决策人与技术负责人参加。',
      orgUnitId: unit.id,
      cost: e.cost,
      status: held ? 'held' : 'planned',
      createdAt: cst(addDays(heldOn, -30)),
      updatedAt: cst(held ? heldOn : addDays(asOf, -1)),
    });
    const invited = rng.sample(
      owners.filter((o) => o.org_path.startsWith(unit.path) && o.contacts.length > 0),
      e.kind === 'summit' ? 24 : 10,
    );
    for (const account of invited) {
      for (const contactId of account.contacts) {
        const status = held
          ? rng.weighted(['attended', 'declined', 'no_show'] as const, [70, 18, 12])
          : rng.weighted(['invited', 'accepted', 'declined'] as const, [40, 45, 15]);
        let followUpTaskId: string | null = null;
        if (status === 'attended' && rng.chance(0.6)) {
          followUpTaskId = rng.uuid();
          const due = addDays(heldOn, 7);
          await db.insert(tasks).values({
            id: followUpTaskId,
            accountId: account.id,
            ownerId: account.owner_id,
            kind: 'follow_up',
            title: `${e.title}后回访`,
            suggestedAction: e.title,
            dueDate: due,
            status: due < asOf && rng.chance(0.8) ? 'done' : 'open',
            doneAt: due < asOf ? cst(due, 17) : null,
            sourceKind: 'event',
            sourceId: id,
            contactId,
            createdBy: account.owner_id,
            updatedBy: account.owner_id,
            createdAt: cst(heldOn, 18),
            updatedAt: cst(heldOn, 18),
          });
        }
        await db.insert(eventInvitations).values({
          id: rng.uuid(),
          eventId: id,
          accountId: account.id,
          contactId,
          status,
          followUpTaskId,
          createdAt: cst(addDays(heldOn, -21)),
          updatedAt: cst(held ? heldOn : addDays(asOf, -1)),
        });
        invitations += 1;
      }
    }
  }
  return { events: EVENTS.length, invitations };
}

const SERVICES: { kind: 'consulting' | 'training' | 'market_report' | 'technical_support'; title: string }[] = [
  { kind: 'consulting', title: '产线自动化升级咨询' },
  { kind: 'training', title: '设备维护人员现场培训' },
  { kind: 'market_report', title: '行业市场分析报告' },
  { kind: 'technical_support', title: '节能诊断与改造建议' },
  { kind: 'consulting', title: '数字化工厂规划咨询' },
];
/** What accounts say about each kind of service. */
const FEEDBACK: Record<(typeof SERVICES)[number]['kind'], string[]> = {
  consulting: ['方案切合实际，已纳入明年预算', '内容专业，落地还需时间', '希望后续跟进落地'],
  training: ['培训效果好，操作人员反馈积极', '建议增加现场实操时间'],
  market_report: ['报告数据详实', '非常有帮助，希望定期提供'],
  technical_support: ['节能效果明显，希望推广到其他产线', '建议增加现场指导'],
};

async function writeValueAddedServices(db: Db, seed: number, asOf: string, strategic: Account[]) {
  let n = 0;
  for (const [index, account] of strategic.entries()) {
    const rng = createRng(seed, 'performance-vas', index);
    for (let k = rng.int(1, 3); k > 0; k--) {
      const s = rng.pick(SERVICES);
      const delivered = addDays(asOf, -rng.int(5, 200));
      const rated = rng.chance(0.7);
      await db.insert(valueAddedServices).values({
        id: rng.uuid(),
        accountId: account.id,
        kind: s.kind,
        title: s.title,
        deliveredOn: delivered,
        deliveredById: account.owner_id,
        cost: rng.int(5, 60) * 100_000,
        feedbackScore: rated ? rng.weighted([3, 4, 5], [15, 45, 40]) : null,
        feedback: rated ? rng.pick(FEEDBACK[s.kind]) : null,
        createdBy: account.owner_id,
        updatedBy: account.owner_id,
        createdAt: cst(delivered, 17),
        updatedAt: cst(delivered, 17),
      });
      n += 1;
    }
  }
  return n;
}
