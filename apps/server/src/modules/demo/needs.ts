import { needPriority } from '@kamap/analytics';
import { solarToLunar } from '../care/index.js';
import type { Cell } from './bulk.js';
import { cst, isoOfDay } from './calendar.js';
import { NEXT_STEP_DUE_CELL } from './interactions.js';
import type { Contact } from './people.js';
import type { AccountPlan } from './plan.js';
import type { Rng } from './random.js';

/**
 * Step 2 and 3 of the demo: needs of key accounts with fulfilment plans (some measures overdue), and
 * the next steps of the last three weeks' interactions as follow-up tasks. Care tasks are not
 * generated here: the care job makes them from these data, as it does every morning.
 */

type Category = 'product' | 'price' | 'delivery' | 'quality' | 'service' | 'technical' | 'relationship' | 'other';
type Template = {
  title: string;
  category: Category;
  kind: 'explicit' | 'implicit';
  description: string;
  measures: string[];
};

const TEMPLATES: readonly Template[] = [
  {
    title: '缩短备件交期至 48 小时',
    category: 'delivery',
    kind: 'explicit',
    description: '停线损失大，客户要求常用备件 48 小时内到厂。',
    measures: ['在客户附近设立寄售库', '梳理常用备件清单并备货', '与物流商签订加急配送协议'],
  },
  {
    title: '年度框架协议价格再降两个点',
    category: 'price',
    kind: 'explicit',
    description: '采购部在续签谈判中提出，竞争对手报价更低。',
    measures: ['测算降价对毛利的影响', '提交阶梯价格方案', '用增值服务替代直接降价'],
  },
  {
    title: '现场工程师驻厂支持新产线调试',
    category: 'service',
    kind: 'explicit',
    description: '新产线投产前三个月希望有工程师驻厂。',
    measures: ['安排驻厂工程师排班', '制定调试计划与验收标准'],
  },
  {
    title: '产线数据接入 MES 的通讯方案',
    category: 'technical',
    kind: 'explicit',
    description: '信息部希望 PLC 数据直接进 MES，减少人工录入。',
    measures: ['提供 OPC UA 接口样例', '组织双方技术评审', '完成试点产线接入'],
  },
  {
    title: '降低伺服驱动器早期失效率',
    category: 'quality',
    kind: 'explicit',
    description: '近两批次出现早期失效，质量部要求 8D 报告。',
    measures: ['提交 8D 分析报告', '加严出厂老化测试', '质量工程师回访确认'],
  },
  {
    title: '希望获得行业标杆案例的认可与曝光',
    category: 'relationship',
    kind: 'implicit',
    description: '总经理多次提到希望成为行业数字化标杆，可联合发布案例。',
    measures: ['邀请参加大客户俱乐部年会并演讲', '联合撰写应用案例'],
  },
  {
    title: '能耗管理与节能改造的潜在需求',
    category: 'product',
    kind: 'implicit',
    description: '拜访中注意到客户电费占比高，尚未提出但有节能改造空间。',
    measures: ['做一次免费能耗诊断', '提交节能改造方案与回报测算'],
  },
  {
    title: '操作人员培训与技能认证',
    category: 'service',
    kind: 'implicit',
    description: '新员工多，误操作导致的停机占比上升。',
    measures: ['安排两期现场培训', '提供培训教材与考核题库'],
  },
  {
    title: '付款账期延长至 90 天',
    category: 'other',
    kind: 'explicit',
    description: '客户资金紧张，财务部提出延长账期。',
    measures: ['内部信用评审', '提出分期付款或保理方案'],
  },
];

const STATUSES = ['open', 'planned', 'in_progress', 'met', 'deferred', 'rejected'] as const;

export const NEED_COLUMNS = {
  table: 'needs',
  columns: [
    ['id', 'uuid'],
    ['account_id', 'uuid'],
    ['title', 'text'],
    ['description', 'text'],
    ['kind', 'text'],
    ['category', 'text'],
    ['source_kind', 'text'],
    ['source_id', 'uuid'],
    ['importance', 'smallint'],
    ['urgency', 'smallint'],
    ['feasibility', 'smallint'],
    ['priority', 'smallint'],
    ['band', 'text'],
    ['status', 'text'],
    ['created_at', 'timestamptz'],
    ['created_by', 'uuid'],
    ['updated_at', 'timestamptz'],
  ],
} as const;

export const TASK_COLUMNS = {
  table: 'tasks',
  columns: [
    ['id', 'uuid'],
    ['account_id', 'uuid'],
    ['owner_id', 'uuid'],
    ['kind', 'text'],
    ['title', 'text'],
    ['suggested_action', 'text'],
    ['due_date', 'date'],
    ['status', 'text'],
    ['done_at', 'timestamptz'],
    ['source_kind', 'text'],
    ['source_id', 'uuid'],
    ['contact_id', 'uuid'],
    ['created_at', 'timestamptz'],
    ['created_by', 'uuid'],
    ['updated_at', 'timestamptz'],
  ],
} as const;

const dayOfCell = (cell: Cell) => Math.floor(Date.parse(`${String(cell).slice(0, 10)}T00:00:00Z`) / 86_400_000);

/** Needs and their measures for a key account, some from recent interactions. */
export function buildNeeds(rng: Rng, account: AccountPlan, interactionRows: Cell[][], asOf: number) {
  const needs: Cell[][] = [];
  const tasks: Cell[][] = [];
  const owner = account.owner;
  if (!owner || !account.key || account.lifecycle !== 'active') return { needs, tasks };
  const recent = interactionRows.filter((r) => dayOfCell(r[3] as Cell) > asOf - 180);
  const people = [owner, ...account.team.map((t) => t.member)];
  for (const t of rng.sample(TEMPLATES, rng.int(2, account.strategic ? 5 : 3))) {
    const source = recent.length > 0 && rng.chance(0.7) ? rng.pick(recent) : null;
    const created = source ? dayOfCell(source[3] as Cell) + rng.int(0, 2) : asOf - rng.int(10, 200);
    const ratings = { importance: rng.int(2, 5), urgency: rng.int(1, 5), feasibility: rng.int(2, 5) };
    const { priority, band } = needPriority(ratings);
    const status = rng.weighted(STATUSES, [25, 20, 30, 15, 6, 4]);
    const id = rng.uuid();
    const at = cst(Math.min(created, asOf), 11 * 60);
    needs.push([
      id,
      account.id,
      t.title,
      t.description,
      t.kind,
      t.category,
      source ? 'interaction' : rng.pick(['visit', 'survey', 'complaint']),
      source ? (source[0] as string) : null,
      String(ratings.importance),
      String(ratings.urgency),
      String(ratings.feasibility),
      String(priority),
      band,
      status,
      at,
      owner.id,
      at,
    ]);
    if (status === 'open' || status === 'rejected') continue;
    for (const measure of t.measures.slice(0, rng.int(1, t.measures.length))) {
      const due = asOf + rng.int(-25, 45);
      const done = status === 'met' || (status === 'in_progress' && due < asOf && rng.chance(0.6));
      const by = rng.pick(people);
      tasks.push([
        rng.uuid(),
        account.id,
        by.id,
        'need',
        measure,
        t.title,
        isoOfDay(due),
        done ? 'done' : 'open',
        done ? cst(Math.min(due, asOf), 17 * 60) : null,
        'need',
        id,
        null,
        at,
        owner.id,
        at,
      ]);
    }
  }
  return { needs, tasks };
}

/** The last three weeks' next steps get a due date and an owner, and become follow-up tasks. */
export function buildFollowUps(rng: Rng, account: AccountPlan, interactionRows: Cell[][], asOf: number): Cell[][] {
  const tasks: Cell[][] = [];
  for (const row of interactionRows) {
    const day = dayOfCell(row[3] as Cell);
    if (day <= asOf - 21 || !row[6]) continue;
    const due = day + rng.int(3, 14);
    const owner = row[7] as string;
    row[NEXT_STEP_DUE_CELL] = isoOfDay(due);
    row[NEXT_STEP_DUE_CELL + 1] = owner;
    const done = due < asOf && rng.chance(0.7);
    const contacts = String(row[8]).replace(/[{}"]/g, '').split(',').filter(Boolean);
    tasks.push([
      rng.uuid(),
      account.id,
      owner,
      'follow_up',
      row[6] as string,
      row[4] as string,
      isoOfDay(due),
      done ? 'done' : 'open',
      done ? cst(due, 16 * 60) : null,
      'interaction',
      row[0] as string,
      contacts[0] ?? null,
      row[3] as string,
      owner,
      row[3] as string,
    ]);
  }
  return tasks;
}

/**
 * Gives one key person of the account a lunar birthday that falls on `day` this year, so the care
 * job has a lunar birthday to remind its owner of (the demo's "today").
 */
export function giveLunarBirthday(contacts: Contact[], ownerId: string, day: number): boolean {
  // a person whose relationship the owner holds, so the reminder is theirs
  const person = [...contacts]
    .sort((a, b) => b.influence - a.influence)
    .find((c) => c.cells[18] !== null && c.cells[10] === ownerId);
  if (!person) return false;
  for (let d = day; d < day + 7; d++) {
    const { month, day: lunarDay } = solarToLunar(isoOfDay(d));
    if (lunarDay > 28) continue;
    const year = String(person.cells[18]).slice(0, 4);
    person.cells[18] = `${year}-${String(month).padStart(2, '0')}-${String(lunarDay).padStart(2, '0')}`;
    person.cells[19] = 'lunar';
    return true;
  }
  return false;
}
