import { needPriority } from '@kamap/analytics';
import type { Db } from '../../platform/db/index.js';
import { isoTimestamp, one, rows, sql } from '../../platform/db/index.js';
import { latestRunId } from '../analytics/index.js';
import { escalateBreachedComplaints, slaFor } from '../service/index.js';
import { createRng, type Rng } from './random.js';

type Tier = 'strategic' | 'core' | 'general';
type Severity = 'low' | 'medium' | 'high' | 'critical';
type Cause = 'product_quality' | 'delivery' | 'service' | 'billing' | 'technical' | 'communication';

/**
 * Resolved complaints caused by product quality or technology raised a need when they were resolved
 * (the source is the complaint, and its history says so); ids derive from the complaint's.
 */
async function raiseDemoNeeds(db: Db) {
  const resolved = await rows<{
    id: string;
    account_id: string;
    title: string;
    cause: string;
    severity: Severity;
    by: string;
    at: unknown;
  }>(
    db,
    sql`select c.id, c.account_id, c.title, c.root_cause as cause, c.severity, c.assignee_id as by, c.resolved_at as at
        from complaints c where c.resolved_at is not null and c.root_cause in ('product_quality', 'technical') order by c.id`,
  );
  // a version-4-shaped uuid from the complaint's id, so the same seed gives the same need
  const needId = (complaintId: string) =>
    sql`(select (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid
         from md5(${`need:${complaintId}`}) as h)`;
  for (const c of resolved) {
    const ratings = { importance: 4, urgency: { low: 2, medium: 3, high: 4, critical: 5 }[c.severity], feasibility: 3 };
    const { priority, band } = needPriority(ratings);
    const at = isoTimestamp(c.at);
    await db.execute(sql`insert into needs (id, account_id, title, description, kind, category, source_kind, source_id,
        importance, urgency, feasibility, priority, band, status, created_at, created_by, updated_at, updated_by)
      values (${needId(c.id)}, ${c.account_id}, ${`杜绝再发：${c.title}`}, '由投诉根因分析提出的改进需求', 'explicit',
        ${c.cause === 'technical' ? 'technical' : 'quality'}, 'complaint', ${c.id}, ${ratings.importance}, ${ratings.urgency},
        ${ratings.feasibility}, ${priority}, ${band}, 'planned', ${at}, ${c.by}, ${at}, ${c.by})`);
    await db.execute(sql`insert into complaint_events (complaint_id, account_id, kind, user_id, note, details, at)
      values (${c.id}, ${c.account_id}, 'need_raised', ${c.by}, ${`杜绝再发：${c.title}`},
        jsonb_build_object('needId', ${needId(c.id)}), ${at})`);
  }
}

/** What customers of an industrial-automation supplier complain about, with the cause it turns out to have. */
const PROBLEMS: { title: string; cause: Cause; severity: Severity; resolution: string }[] = [
  {
    title: '伺服驱动器批量出现过流报警',
    cause: 'product_quality',
    severity: 'high',
    resolution: '更换同批次功率模块，现场复测 72 小时无报警',
  },
  {
    title: '变频器交付延期两周，影响产线调试',
    cause: 'delivery',
    severity: 'high',
    resolution: '从华南仓调货，加急物流两天到货',
  },
  { title: '发票抬头开错，财务无法入账', cause: 'billing', severity: 'low', resolution: '作废重开并快递寄送' },
  {
    title: 'PLC 程序升级后与上位机通讯中断',
    cause: 'technical',
    severity: 'critical',
    resolution: '回退固件并提供兼容补丁，远程指导升级',
  },
  {
    title: '现场工程师未按约定时间到场',
    cause: 'service',
    severity: 'medium',
    resolution: '调整派工规则，向客户致歉并补派工程师',
  },
  { title: '报价与合同价格不一致', cause: 'billing', severity: 'medium', resolution: '按合同价重新出具报价与对账单' },
  { title: '传感器到货外包装破损', cause: 'delivery', severity: 'low', resolution: '补发并更换物流承运商' },
  {
    title: 'HMI 触摸屏触点偏移，需返修',
    cause: 'product_quality',
    severity: 'medium',
    resolution: '免费更换触摸屏并延长保修一年',
  },
  {
    title: '售后热线多次无人接听',
    cause: 'communication',
    severity: 'medium',
    resolution: '增加值班坐席，客户经理直接对接',
  },
  { title: '备件缺货，维修等待超过一周', cause: 'delivery', severity: 'high', resolution: '建立客户现场安全库存' },
];
const CHANNELS = ['phone', 'email', 'wechat', 'visit', 'web'] as const;
const COMMENTS = [
  '响应及时，工程师专业',
  '交期还需改进',
  '产品稳定，价格偏高',
  '服务态度好',
  '希望加强技术培训',
  null,
  null,
];

const HOUR = 3_600_000;

export type ServiceDemoSummary = { complaints: number; escalated: number; surveys: number };

/**
 * Complaints and satisfaction surveys for the demo company, after its analysis runs (the SLA follows
 * each account's tier): most complaints met their SLA and had a follow-up; a few were late; one
 * critical complaint of `kam`'s top strategic account, received two days before asOf and assigned to
 * `service`, was never answered, so it breaches and the scheduler's escalation reaches the director.
 * Survey answers improve over the year, so the trend has a shape. Deterministic for a seed and asOf.
 */
export async function generateServiceDemo(db: Db, opts: { seed: number; asOf: string }): Promise<ServiceDemoSummary> {
  const rng = createRng(opts.seed, 'service');
  // the end of asOf's working day, or now when that is still ahead
  const end = Math.min(Date.parse(`${opts.asOf}T18:00:00+08:00`), Date.now());
  const users = Object.fromEntries(
    (
      await rows<{ username: string; id: string }>(
        db,
        sql`select username, id from users where username in ('kam', 'service')`,
      )
    ).map((u) => [u.username, u.id]),
  ) as Record<'kam' | 'service', string>;
  const accounts = await rows<{
    id: string;
    owner_id: string | null;
    tier: Tier;
    contact_id: string | null;
    kam: boolean;
  }>(
    db,
    sql`select a.id, a.owner_id, r.tier, a.owner_id = ${users.kam} as kam,
          (select c.id from contacts c where c.account_id = a.id and c.archived_at is null
            order by c.influence desc nulls last, c.id limit 1) as contact_id
        from accounts a join analysis_results r on r.account_id = a.id and r.run_id = ${latestRunId}
        where a.lifecycle = 'active' and r.tier in ('strategic', 'core') and a.archived_at is null
        order by a.owner_id = ${users.kam} desc, r.score desc, a.id limit 80`,
  );
  if (!accounts.length || !users.kam || !users.service) return { complaints: 0, escalated: 0, surveys: 0 };
  let complaintCount = 0;

  const insertComplaint = async (
    account: (typeof accounts)[number],
    problem: (typeof PROBLEMS)[number],
    receivedAt: number,
    handling: { respondAfterH: number | null; resolveAfterH: number | null; followUp: number | null },
    owners?: { firstOwner: string; assignee: string },
  ) => {
    const sla = await slaFor(db, account.tier, problem.severity);
    const firstOwner = owners?.firstOwner ?? (rng.chance(0.5) ? users.service : (account.owner_id ?? users.service));
    const assignee = owners?.assignee ?? (rng.chance(0.7) ? users.service : firstOwner);
    const at = (h: number | null) => (h === null ? null : new Date(receivedAt + h * HOUR).toISOString());
    const responded = at(handling.respondAfterH);
    const resolved = at(handling.resolveAfterH);
    const closed = resolved && handling.followUp !== null ? at((handling.resolveAfterH as number) + 72) : null;
    const status = closed ? 'closed' : resolved ? 'resolved' : responded ? 'in_progress' : 'open';
    const id = rng.uuid();
    const received = new Date(receivedAt).toISOString();
    await db.execute(sql`insert into complaints (id, account_id, contact_id, title, severity, channel, status, tier, first_owner_id,
        assignee_id, received_at, response_due_at, resolution_due_at, responded_at, resolved_at, closed_at, root_cause, resolution,
        follow_up_at, follow_up_satisfaction, follow_up_notes, created_at, created_by, updated_at, updated_by)
      values (${id}, ${account.id}, ${account.contact_id}, ${problem.title}, ${problem.severity}, ${rng.pick(CHANNELS)}, ${status},
        ${account.tier}, ${firstOwner}, ${assignee}, ${received}, ${at(sla.responseHours)}, ${at(sla.resolutionHours)},
        ${responded}, ${resolved}, ${closed}, ${resolved ? problem.cause : null}, ${resolved ? problem.resolution : null},
        ${closed ? at((handling.resolveAfterH as number) + 48) : null}, ${closed ? handling.followUp : null},
        ${closed ? '电话回访，客户确认问题已解决' : null}, ${received}, ${firstOwner}, ${resolved ?? responded ?? received}, ${assignee})`);
    const events: [string, string | null, string | null, string | null, string | null][] = [
      ['received', null, 'open', firstOwner, received],
    ];
    if (assignee !== firstOwner) events.push(['assigned', null, null, firstOwner, received]);
    if (responded)
      events.push(
        ['responded', null, null, assignee, responded],
        ['status', 'open', 'in_progress', assignee, responded],
      );
    if (resolved) events.push(['status', 'in_progress', 'resolved', assignee, resolved]);
    if (closed)
      events.push(
        ['follow_up', null, null, firstOwner, at((handling.resolveAfterH as number) + 48)],
        ['status', 'resolved', 'closed', firstOwner, closed],
      );
    for (const [kind, from, to, user, when] of events)
      await db.execute(sql`insert into complaint_events (complaint_id, account_id, kind, from_status, to_status, user_id, at)
        values (${id}, ${account.id}, ${kind}, ${from}, ${to}, ${user}, ${when})`);
    complaintCount++;
  };

  // the last half year: 36 complaints, most handled in time
  for (let i = 0; i < 36; i++) {
    const account = rng.pick(accounts);
    const problem = rng.pick(PROBLEMS);
    const receivedAt = end - rng.int(5, 180) * 24 * HOUR - rng.int(0, 8) * HOUR - rng.int(0, 59) * 60_000;
    const sla = await slaFor(db, account.tier, problem.severity);
    const late = rng.chance(0.15);
    await insertComplaint(account, problem, receivedAt, {
      respondAfterH: Math.max(0.25, sla.responseHours * (late ? 1.6 : rng.float() * 0.8)),
      resolveAfterH: sla.resolutionHours * (late ? 1.3 + rng.float() : 0.3 + rng.float() * 0.6),
      followUp: late ? rng.int(2, 4) : rng.int(3, 5),
    });
  }
  await raiseDemoNeeds(db);
  // still open: one in time, and the critical one that breached (kam's top strategic account)
  const top = accounts.find((a) => a.kam && a.tier === 'strategic') ?? accounts[0]!;
  await insertComplaint(rng.pick(accounts), PROBLEMS[4]!, end - 3 * HOUR, {
    respondAfterH: 1,
    resolveAfterH: null,
    followUp: null,
  });
  await insertComplaint(
    top,
    PROBLEMS[3]!,
    end - 44 * HOUR,
    { respondAfterH: null, resolveAfterH: null, followUp: null },
    { firstOwner: users.kam, assignee: users.service },
  );
  // the scheduler's quarter-hourly watch escalated it soon after its response time ran out
  const due = await one<{ at: unknown }>(
    db,
    sql`select response_due_at as at from complaints where account_id = ${top.id} and status = 'open'`,
  );
  const escalated = due
    ? await escalateBreachedComplaints(db, new Date(Date.parse(isoTimestamp(due.at)) + 11 * 60_000))
    : 0;

  const surveys = await writeSurveys(db, rng, accounts, end);
  return { complaints: complaintCount, escalated, surveys };
}

async function writeSurveys(
  db: Db,
  rng: Rng,
  accounts: { id: string; contact_id: string | null; kam: boolean }[],
  end: number,
) {
  const sender = await one<{ id: string }>(db, sql`select id from users where username = 'service'`);
  let n = 0;
  for (let month = 11; month >= 0; month--) {
    // satisfaction climbs over the year: the service programme is working
    const lift = (11 - month) / 11;
    for (let k = 0; k < 12; k++) {
      // half go to kam's accounts, so the demo KAM's own trend has enough answers to read
      const mine = accounts.filter((a) => a.kam);
      const account = k % 2 === 0 && mine.length ? rng.pick(mine) : rng.pick(accounts);
      if (!account.contact_id) continue;
      const sentAt = end - (month * 30 + rng.int(2, 28)) * 24 * HOUR - rng.int(0, 9) * HOUR - rng.int(0, 59) * 60_000;
      const kind = rng.chance(0.5) ? 'nps' : 'csat';
      const answered = rng.chance(0.8);
      const base = kind === 'nps' ? 5.5 + 3 * lift + rng.normal() * 1.6 : 3.1 + 1.3 * lift + rng.normal() * 0.6;
      const score = Math.round(Math.min(kind === 'nps' ? 10 : 5, Math.max(kind === 'nps' ? 0 : 1, base)));
      await db.execute(sql`insert into surveys (id, account_id, contact_id, kind, token_hash, sent_by, sent_at, expires_at,
          answered_at, score, comment)
        values (${rng.uuid()}, ${account.id}, ${account.contact_id}, ${kind}, ${`demo-${rng.uuid()}`}, ${sender?.id},
          ${new Date(sentAt).toISOString()}, ${new Date(sentAt + 14 * 24 * HOUR).toISOString()},
          ${answered ? new Date(sentAt + rng.int(2, 72) * HOUR).toISOString() : null}, ${answered ? score : null},
          ${answered ? rng.pick(COMMENTS) : null})`);
      n++;
    }
  }
  return n;
}
