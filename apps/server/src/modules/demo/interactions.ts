import { arrayLiteral, type Cell } from './bulk.js';
import { cst, nextWorkday } from './calendar.js';
import { CATEGORIES } from './catalog.js';
import { type Contact, LAST_CONTACT_CELL } from './people.js';
import type { AccountPlan } from './plan.js';
import type { Rng } from './random.js';

/**
 * Two years of contact with each owned account: visits, calls, meetings, e-mail and WeChat, more
 * often for key accounts. About a third of strategic accounts have lost touch with their decision
 * maker for the last few months, which the no-contact alert should find.
 */

type Kind = 'visit' | 'call' | 'meeting' | 'email' | 'wechat' | 'event';
/** audience: the departments of the people such a conversation is with (the first participant). */
type Topic = { kinds: Kind[]; subject: string; audience?: string[]; notes: string; next: string[]; service?: boolean };

const TOPICS: readonly Topic[] = [
  {
    kinds: ['visit', 'meeting'],
    subject: '{cat}升级方案技术交流',
    audience: ['技术中心', '设备部', '生产部'],
    notes: '与{who}交流{cat}升级思路，客户关注兼容现有设备和停线时间，希望分阶段改造。',
    next: ['一周内提交技术方案', '安排样机到厂测试', '邀请总工参观我司样板工厂'],
  },
  {
    kinds: ['visit', 'meeting'],
    subject: '年度框架协议续签沟通',
    audience: ['采购部', '总经办'],
    notes: '{who}确认明年产能计划，年度框架协议需重新议价，客户希望在现有折扣基础上再让两个点。',
    next: ['月底前提交续签报价', '内部申请价格审批', '约采购总监二次商谈'],
  },
  {
    kinds: ['visit', 'call'],
    subject: '设备故障回访',
    audience: ['设备部', '生产部'],
    notes: '上月{cat}现场故障已处理，{who}对响应速度基本满意，提出希望在厂内常备关键备件。',
    next: ['报价常用备件包', '安排季度巡检', '整理故障分析报告发给客户'],
    service: true,
  },
  {
    kinds: ['call', 'wechat', 'email'],
    subject: '付款进度沟通',
    audience: ['财务部', '采购部'],
    notes: '与{who}核对应收账款，对方表示资金安排在下月，个别发票需要重开。',
    next: ['财务重开发票', '下周再次确认付款日期', '发送对账单'],
  },
  {
    kinds: ['visit', 'meeting'],
    subject: '新产线自动化项目需求调研',
    audience: ['技术中心', '生产部', '总经办'],
    notes: '客户计划新建产线，{who}介绍了工艺节拍和预算范围，{cat}是重点，竞争对手已提前介入。',
    next: ['两周内给出初步方案和预算', '约技术总工做方案评审', '准备同行业案例'],
  },
  {
    kinds: ['call', 'wechat'],
    subject: '交期与备货确认',
    audience: ['采购部'],
    notes: '{who}询问{cat}交期，说明下月有集中需求，希望我们提前备货。',
    next: ['与计划部确认排产', '回复客户交期', '建议签订备货协议'],
  },
  {
    kinds: ['event', 'meeting'],
    subject: '大客户俱乐部技术沙龙',
    notes: '{who}参加了我司举办的技术沙龙，对{cat}新品和节能案例很感兴趣。',
    next: ['会后发送新品资料', '安排一对一交流', '邀请参加年度客户大会'],
  },
  {
    kinds: ['visit', 'call'],
    subject: '投诉处理回访',
    audience: ['采购部', '设备部'],
    notes: '针对上次到货延误的投诉进行回访，{who}表示问题已解决，但希望今后提前通知交期变化。',
    next: ['完善交期变更通知流程', '一个月后再次回访满意度'],
    service: true,
  },
  {
    kinds: ['wechat', 'call'],
    subject: '日常问候',
    notes: '问候{who}，顺便了解了近期开工情况和明年预算编制进度。',
    next: ['约下月拜访', '寄送公司台历'],
  },
  {
    kinds: ['visit', 'meeting'],
    subject: '工业软件与数字化需求交流',
    audience: ['信息中心', '技术中心', '总经办'],
    notes: '{who}提出设备联网和能耗统计需求，目前用的是国外组态软件，授权费用高。',
    next: ['演示设备管理云平台', '提交 MES 试点方案', '安排软件工程师上门'],
  },
  {
    kinds: ['email', 'wechat'],
    subject: '报价单发送与确认',
    audience: ['采购部'],
    notes: '向{who}发送{cat}报价，对方反馈价格偏高，希望对比竞品后再定。',
    next: ['准备竞品对比材料', '申请特价', '三天后电话跟进'],
  },
  {
    kinds: ['visit'],
    subject: '季度例行拜访',
    notes: '例行拜访{who}，了解生产情况和下季度采购计划，客户整体开工率稳定。',
    next: ['更新客户采购计划', '约下季度拜访'],
  },
  {
    kinds: ['meeting', 'visit'],
    subject: '高层互访安排',
    audience: ['总经办'],
    notes: '与{who}商定高层互访，客户希望了解我司未来三年产品路线和本地化服务能力。',
    next: ['确认我司高层行程', '准备公司介绍和路线图', '安排工厂参观'],
  },
  {
    kinds: ['call', 'wechat'],
    subject: '技术支持',
    audience: ['设备部', '技术中心'],
    notes: '{who}反映调试中{cat}参数设置问题，已远程指导解决。',
    next: ['整理常见问题手册发给客户', '安排一次现场培训'],
    service: true,
  },
  {
    kinds: ['visit', 'meeting'],
    subject: '竞品测试结果沟通',
    audience: ['技术中心', '设备部'],
    notes: '客户完成{cat}比选测试，{who}认为我们的稳定性更好，但价格比竞品高约8%。',
    next: ['提出整体方案优惠', '请技术总工出具测试结论', '推动进入短名单'],
  },
  {
    kinds: ['email', 'call'],
    subject: '技术培训安排',
    audience: ['设备部', '技术中心'],
    notes: '与{who}确定设备部人员的{cat}培训时间和人数。',
    next: ['发送培训通知', '准备培训教材'],
    service: true,
  },
];

const topicsByKind = new Map<Kind, Topic[]>(
  (['visit', 'call', 'meeting', 'email', 'wechat', 'event'] as const).map((k) => [
    k,
    TOPICS.filter((t) => t.kinds.includes(k)),
  ]),
);
const PLACES = ['厂区', '办公楼', '生产车间', '会议室', '设备部'];
const categoryName = new Map(CATEGORIES.map((c) => [c.code, c.name]));

export const INTERACTION_COLUMNS = {
  table: 'interactions',
  columns: [
    ['id', 'uuid'],
    ['account_id', 'uuid'],
    ['kind', 'text'],
    ['occurred_at', 'timestamptz'],
    ['subject', 'text'],
    ['notes', 'text'],
    ['next_step', 'text'],
    ['user_id', 'uuid'],
    ['contact_ids', 'uuid[]'],
    ['colleague_ids', 'uuid[]'],
    ['check_in_place', 'text'],
    ['check_in_at', 'timestamptz'],
    ['created_at', 'timestamptz'],
    ['created_by', 'uuid'],
    ['updated_at', 'timestamptz'],
    ['next_step_due', 'date'],
    ['next_step_owner_id', 'uuid'],
  ],
} as const;

/** Where the next step's due date and owner sit in an interaction row (filled by demo/needs.ts). */
export const NEXT_STEP_DUE_CELL = 15;

function cadence(account: AccountPlan): number {
  if (account.strategic) return 9;
  if (account.key) return 18;
  if (account.lifecycle === 'prospect') return 45;
  if (account.lifecycle === 'active') return 55;
  return 80;
}

function pickContacts(rng: Rng, pool: Contact[], n: number, audience: string[] | undefined): Contact[] {
  const chosen: Contact[] = [];
  const left = pool.slice();
  const fitting = audience ? left.filter((c) => audience.includes(c.post.dept)) : [];
  if (fitting.length > 0) {
    const lead = rng.pick(fitting);
    chosen.push(lead);
    left.splice(left.indexOf(lead), 1);
  }
  while (chosen.length < n && left.length > 0) {
    const c = rng.weighted(
      left,
      left.map((x) => x.influence + 1),
    );
    chosen.push(c);
    left.splice(left.indexOf(c), 1);
  }
  return chosen;
}

/**
 * Generates the account's interactions (as rows) and records on each contact when we last spoke.
 * Returns the rows in time order.
 */
export function buildInteractions(rng: Rng, account: AccountPlan, contacts: Contact[], asOf: number): Cell[][] {
  const owner = account.owner;
  if (!owner || contacts.length === 0) return [];
  const rows: Cell[][] = [];
  // contacts are on file within 30 days of the first contact, before anyone talks to them
  const start = Math.max(asOf - 730, account.firstContact + 31);
  const end = account.lifecycle === 'lost' ? Math.min(asOf, account.to + 90) : asOf;
  const lapse = account.strategic && rng.chance(0.35) ? rng.int(100, 240) : 0;
  const others = contacts.filter((c) => c.decisionRole !== 'decision_maker');
  const categories = account.categories.length > 0 ? account.categories.map((c) => c.code) : ['PLC'];
  const kinds: Kind[] = ['visit', 'call', 'meeting', 'email', 'wechat', 'event'];
  const kindWeights = account.key ? [32, 26, 12, 9, 18, 3] : [18, 36, 5, 10, 30, 1];
  const mean = cadence(account);
  const days: number[] = [];
  for (
    let t = start + Math.floor(-Math.log(1 - rng.float()) * mean);
    t <= end;
    t += 1 + Math.floor(-Math.log(1 - rng.float()) * mean)
  ) {
    days.push(t);
  }
  if (account.lifecycle === 'lost') days.push(Math.min(asOf, account.to + rng.int(120, 300)));
  for (const rawDay of days) {
    const kind = rng.weighted(kinds, kindWeights);
    const topic = rng.pick(topicsByKind.get(kind) as Topic[]);
    const inPerson = kind === 'visit' || kind === 'meeting' || kind === 'event';
    let day = inPerson ? nextWorkday(rawDay) : rawDay;
    if (day > asOf) day = rawDay;
    const minute = inPerson
      ? rng.int(9 * 60 + 30, 16 * 60 + 30)
      : kind === 'wechat'
        ? rng.int(8 * 60, 21 * 60 + 30)
        : rng.int(9 * 60, 18 * 60);
    const lapsed = lapse > 0 && day > asOf - lapse;
    const pool = lapsed && others.length > 0 ? others : contacts;
    const who = pickContacts(
      rng,
      pool,
      inPerson ? rng.int(1, Math.min(3, pool.length)) : kind === 'email' ? rng.int(1, 2) : 1,
      topic.audience,
    );
    const serviceMember = account.team.find((t) => t.role === 'service')?.member;
    const user =
      topic.service && serviceMember && rng.chance(0.7)
        ? serviceMember
        : rng.chance(0.8)
          ? owner
          : rng.pick(account.team).member;
    const colleagues = inPerson
      ? rng.sample(
          account.team.filter((t) => t.member.id !== user.id),
          rng.int(0, 2),
        )
      : [];
    const at = day * 1440 + minute;
    for (const c of who) if (c.lastContact === null || c.lastContact < at) c.lastContact = at;
    const lead = who[0] as Contact;
    const occurredAt = cst(day, minute);
    const notes = topic.notes
      .replace('{who}', `${lead.name}（${lead.cells[3]}）`)
      .replace('{cat}', categoryName.get(rng.pick(categories)) ?? '产品');
    rows.push([
      rng.uuid(),
      account.id,
      kind,
      occurredAt,
      topic.subject.replace('{cat}', categoryName.get(rng.pick(categories)) ?? '产品'),
      notes,
      rng.pick(topic.next),
      user.id,
      arrayLiteral(who.map((c) => c.id)),
      arrayLiteral(colleagues.map((t) => t.member.id)),
      kind === 'visit' ? `${account.shortName}${rng.pick(PLACES)}（${account.address}）` : null,
      kind === 'visit' ? cst(day, minute - rng.int(3, 20)) : null,
      occurredAt,
      user.id,
      occurredAt,
      null,
      null,
    ]);
  }
  for (const c of contacts) {
    if (c.lastContact !== null)
      c.cells[LAST_CONTACT_CELL] = cst(Math.floor(c.lastContact / 1440), c.lastContact % 1440);
  }
  return rows;
}
