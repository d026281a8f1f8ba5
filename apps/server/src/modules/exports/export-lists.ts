import { ExportKind, type Role } from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';

/**
 * The lists that export: for each, where its rows come from, the filters its list page passes, its
 * columns (the import's Chinese headers) and whether it carries personal data.
 */
export { ExportKind };
export const exportKinds: ExportKind[] = ExportKind.options;

/** Lists only some roles have (the same roles their list pages are for). */
export const listReaders: Partial<Record<ExportKind, readonly Role[]>> = {
  needs: ['admin', 'director', 'kam', 'service', 'analyst'],
  alerts: ['admin', 'director', 'kam', 'service'],
  complaints: ['admin', 'director', 'kam', 'service', 'analyst'],
  surveys: ['admin', 'director', 'kam', 'service', 'analyst'],
};

export type Column = { header: string; expr: string; personal?: 'dossier' | 'details' };
type Filter = (value: string, ctx: Ctx) => SQL;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const uuid =
  (column: string): Filter =>
  (v) => {
    if (!UUID.test(v)) throw AppError.invalid(column, 'not an id');
    return sql`${sql.raw(column)} = ${v}::uuid`;
  };
const equals =
  (column: string): Filter =>
  (v) =>
    sql`${sql.raw(column)} = ${v}`;
const contains =
  (...columns: string[]): Filter =>
  (v) => {
    const like = `%${v.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return sql`(${sql.join(
      columns.map((c) => sql`${sql.raw(c)} ilike ${like}`),
      sql` or `,
    )})`;
  };
const date =
  (column: string, op: '>=' | '<='): Filter =>
  (v) => {
    if (!DATE.test(v)) throw AppError.invalid(column, 'not a date (YYYY-MM-DD)');
    return sql`${sql.raw(column)} ${sql.raw(op)} ${v}::date`;
  };
/** A yes/no filter as the list endpoints take it ("true" or "false"). */
const flag =
  (name: string, yes: SQL, no: SQL): Filter =>
  (v) => {
    if (v !== 'true' && v !== 'false') throw AppError.invalid(name, 'true or false');
    return v === 'true' ? yes : no;
  };

/** Money (stored in fen) as yuan with two decimals, as the import reads it back. */
const yuan = (expr: string) => `to_char(${expr} / 100.0, 'FM999999999999990.00')`;
/** A timestamp as China's wall-clock time, to the minute. */
const chinaTime = (expr: string) => `to_char(${expr} at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`;
/** A keyset key that orders by a timestamp, then id. */
const byTime = (expr: string, id: string) => `to_char(${expr}, 'YYYYMMDDHH24MISSUS') || ${id}`;
/** The account every row belongs to: its code and name lead each account-bound export. */
const accountColumns: Column[] = [
  { header: '客户编号', expr: 'a.code' },
  { header: '客户名称', expr: 'a.name' },
];

/** The list pages' filters each export understands (same names as the list endpoints' query). */
const filtersByKind: Record<ExportKind, Record<string, Filter>> = {
  accounts: {
    q: contains('a.name', 'a.short_name', 'a.code'),
    lifecycle: equals('a.lifecycle'),
    industry: equals('a.industry'),
    province: equals('a.province'),
    ownerId: uuid('a.owner_id'),
    orgUnitId: uuid('a.org_unit_id'),
    tag: (v) => sql`${v} = any(a.tags)`,
    accountCode: equals('a.code'),
  },
  contacts: {
    q: contains('c.name', 'c.title', 'c.department'),
    accountId: uuid('c.account_id'),
    decisionRole: equals('c.decision_role'),
    attitude: equals('c.attitude'),
    accountCode: equals('a.code'),
  },
  'order-lines': {
    q: contains('o.order_no'),
    accountId: uuid('o.account_id'),
    status: equals('o.status'),
    from: date('o.order_date', '>='),
    to: date('o.order_date', '<='),
    payment: (v) => {
      if (v !== 'unpaid' && v !== 'overdue') throw AppError.invalid('payment', 'unpaid or overdue');
      return v === 'unpaid'
        ? sql`o.paid_amount < o.amount`
        : sql`o.paid_amount < o.amount and o.due_date < current_date`;
    },
    accountCode: equals('a.code'),
  },
  payments: {
    q: contains('o.order_no'),
    accountId: uuid('o.account_id'),
    from: date('o.paid_date', '>='),
    to: date('o.paid_date', '<='),
    accountCode: equals('a.code'),
  },
  needs: {
    q: contains('n.title'),
    accountId: uuid('n.account_id'),
    status: equals('n.status'),
    kind: equals('n.kind'),
    category: equals('n.category'),
    band: equals('n.band'),
  },
  alerts: {
    accountId: uuid('al.account_id'),
    status: equals('al.status'),
    rule: equals('al.rule'),
    severity: equals('al.severity'),
  },
  complaints: {
    q: contains('cp.title'),
    accountId: uuid('cp.account_id'),
    status: equals('cp.status'),
    severity: equals('cp.severity'),
  },
  products: {
    q: contains('p.name', 'p.code'),
    categoryId: uuid('p.category_id'),
  },
  tasks: {
    q: contains('t.title', 'a.name'),
    mine: (v, ctx) => flag('mine', sql`t.owner_id = ${ctx.user.id}::uuid`, sql`true`)(v, ctx),
    ownerId: uuid('t.owner_id'),
    accountId: uuid('t.account_id'),
    kind: equals('t.kind'),
    status: equals('t.status'),
    active: flag('active', sql`t.status in ('open', 'snoozed')`, sql`t.status in ('done', 'skipped')`),
    dueFrom: date('coalesce(t.snoozed_until, t.due_date)', '>='),
    dueBy: date('coalesce(t.snoozed_until, t.due_date)', '<='),
  },
  interactions: {
    q: contains('i.subject', 'i.notes'),
    accountId: uuid('i.account_id'),
    kind: equals('i.kind'),
    userId: uuid('i.user_id'),
    contactId: (v) => {
      if (!UUID.test(v)) throw AppError.invalid('contactId', 'not an id');
      return sql`${v}::uuid = any(i.contact_ids)`;
    },
  },
  surveys: {
    q: contains('s.comment'),
    accountId: uuid('s.account_id'),
    kind: equals('s.kind'),
    answered: flag('answered', sql`s.answered_at is not null`, sql`s.answered_at is null`),
  },
};

export const exportFilterNames = [
  ...new Set(Object.values(filtersByKind).flatMap((f) => Object.keys(f))),
] as readonly string[];

export function filterSql(ctx: Ctx, kind: ExportKind, filters: Record<string, string>): SQL {
  const known = filtersByKind[kind];
  const parts = Object.entries(filters)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => {
      const f = known[k];
      if (!f) throw AppError.invalid(k, `not a filter of ${kind}`);
      return f(v, ctx);
    });
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/**
 * One list's export. `key`: a text that orders the rows, for keyset pages; `scopeAlias`: the accounts
 * alias the caller's scope applies to (null for the product catalogue, everyone's); `personal`: the
 * rows carry people's personal data (contacts, and what they said or what was noted about them), so
 * every export is audited and, when configured, needs a director's approval.
 */
type ListExport = {
  from: string;
  key: string;
  scopeAlias: string | null;
  live: string;
  personal?: true;
  columns: Column[];
};

export const listExports: Record<ExportKind, ListExport> = {
  accounts: {
    from: 'accounts a left join users u on u.id = a.owner_id left join org_units ou on ou.id = a.org_unit_id left join accounts p on p.id = a.parent_id',
    key: 'a.code',
    scopeAlias: 'a',
    live: 'a.archived_at is null',
    columns: [
      ...accountColumns,
      { header: '简称', expr: 'a.short_name' },
      { header: '统一社会信用代码', expr: 'a.credit_code' },
      { header: '上级客户编号', expr: 'p.code' },
      { header: '行业', expr: 'a.industry' },
      { header: '省份', expr: 'a.province' },
      { header: '城市', expr: 'a.city' },
      { header: '规模', expr: 'a.size_band' },
      { header: '员工人数', expr: 'a.employee_count' },
      { header: '年营业额', expr: yuan('a.annual_revenue_estimate') },
      { header: '年采购潜力', expr: yuan('a.wallet_estimate') },
      { header: '网站', expr: 'a.website' },
      { header: '地址', expr: 'a.address' },
      { header: '电话', expr: 'a.phone' },
      { header: '客户经理', expr: 'u.username' },
      { header: '组织单元', expr: 'ou.code' },
      { header: '生命周期', expr: 'a.lifecycle' },
      { header: '价格敏感度', expr: 'a.price_sensitivity' },
      { header: '市场影响力', expr: 'a.market_influence' },
      { header: '战略匹配度', expr: 'a.strategic_fit' },
      { header: '信用额度', expr: yuan('a.credit_limit') },
      { header: '账期(天)', expr: 'a.payment_terms_days' },
      { header: '首次接触日期', expr: 'a.first_contact_date::text' },
      { header: '标签', expr: "array_to_string(a.tags, '、')" },
    ],
  },
  contacts: {
    from: 'contacts c join accounts a on a.id = c.account_id',
    key: "a.code || '/' || c.id",
    scopeAlias: 'a',
    live: 'c.archived_at is null',
    personal: true,
    columns: [
      { header: '客户编号', expr: 'a.code' },
      { header: '姓名', expr: 'c.name' },
      { header: '职务', expr: 'c.title' },
      { header: '部门', expr: 'c.department' },
      { header: '决策角色', expr: 'c.decision_role' },
      { header: '态度', expr: 'c.attitude' },
      { header: '影响力', expr: 'c.influence' },
      { header: '关系强度', expr: 'c.relationship_strength' },
      {
        header: '手机',
        expr: "(select p.display from contact_phones p where p.contact_id = c.id and p.kind = 'mobile' order by p.e164 limit 1)",
        personal: 'details',
      },
      { header: '邮箱', expr: 'c.email', personal: 'details' },
      { header: '微信', expr: 'c.wechat_id', personal: 'details' },
      { header: '籍贯', expr: 'c.native_place', personal: 'dossier' },
      { header: '生日', expr: 'c.birthday::text', personal: 'dossier' },
      { header: '生日历法', expr: 'c.birthday_calendar', personal: 'dossier' },
      { header: '爱好', expr: 'c.hobbies', personal: 'dossier' },
      { header: '教育背景', expr: 'c.education', personal: 'dossier' },
      { header: '同意依据', expr: 'c.consent_basis' },
    ],
  },
  'order-lines': {
    from: 'order_lines l join orders o on o.id = l.order_id join accounts a on a.id = l.account_id join products pr on pr.id = l.product_id',
    key: "o.order_no || '/' || lpad(l.line_no::text, 6, '0')",
    scopeAlias: 'a',
    live: 'o.archived_at is null',
    columns: [
      { header: '订单号', expr: 'o.order_no' },
      { header: '行号', expr: 'l.line_no' },
      { header: '订单日期', expr: 'o.order_date::text' },
      ...accountColumns,
      { header: '产品编号', expr: 'pr.code' },
      { header: '产品名称', expr: 'pr.name' },
      { header: '数量', expr: 'l.quantity::text' },
      { header: '单价', expr: yuan('l.unit_price') },
      { header: '折扣金额', expr: yuan('l.discount') },
      { header: '金额', expr: yuan('l.amount') },
      { header: '成本', expr: yuan('l.cost') },
      { header: '应收日期', expr: 'o.due_date::text' },
      { header: '渠道', expr: 'o.channel' },
      { header: '订单状态', expr: 'o.status' },
    ],
  },
  payments: {
    from: 'orders o join accounts a on a.id = o.account_id',
    key: 'o.order_no',
    scopeAlias: 'a',
    live: 'o.archived_at is null and o.paid_date is not null',
    columns: [
      { header: '订单号', expr: 'o.order_no' },
      { header: '回款日期', expr: 'o.paid_date::text' },
      { header: '回款金额', expr: yuan('o.paid_amount') },
      { header: '应收日期', expr: 'o.due_date::text' },
    ],
  },
  needs: {
    from: 'needs n join accounts a on a.id = n.account_id',
    key: "lpad((999 - n.priority)::text, 3, '0') || n.id",
    scopeAlias: 'a',
    live: 'n.archived_at is null',
    columns: [
      ...accountColumns,
      { header: '需求', expr: 'n.title' },
      { header: '描述', expr: 'n.description' },
      { header: '类型', expr: 'n.kind' },
      { header: '类别', expr: 'n.category' },
      { header: '重要性', expr: 'n.importance' },
      { header: '紧迫性', expr: 'n.urgency' },
      { header: '可行性', expr: 'n.feasibility' },
      { header: '优先级', expr: 'n.priority' },
      { header: '级别', expr: 'n.band' },
      { header: '状态', expr: 'n.status' },
      { header: '登记日期', expr: "to_char(n.created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')" },
    ],
  },
  alerts: {
    from: 'alerts al join accounts a on a.id = al.account_id',
    key: byTime('al.last_seen_at', 'al.id'),
    scopeAlias: 'a',
    live: 'al.archived_at is null',
    columns: [
      ...accountColumns,
      { header: '预警规则', expr: 'al.rule' },
      { header: '级别', expr: 'al.severity' },
      { header: '状态', expr: 'al.status' },
      { header: '原因', expr: 'al.reason' },
      { header: '首次发现', expr: chinaTime('al.first_seen_at') },
      { header: '最近发现', expr: chinaTime('al.last_seen_at') },
    ],
  },
  complaints: {
    from: 'complaints cp join accounts a on a.id = cp.account_id left join users fo on fo.id = cp.first_owner_id left join users asg on asg.id = cp.assignee_id',
    key: byTime('cp.received_at', 'cp.id'),
    scopeAlias: 'a',
    live: 'cp.archived_at is null',
    columns: [
      ...accountColumns,
      { header: '投诉', expr: 'cp.title' },
      { header: '严重程度', expr: 'cp.severity' },
      { header: '渠道', expr: 'cp.channel' },
      { header: '状态', expr: 'cp.status' },
      { header: '首问负责人', expr: 'fo.display_name' },
      { header: '处理人', expr: 'asg.display_name' },
      { header: '受理时间', expr: chinaTime('cp.received_at') },
      { header: '解决时限', expr: chinaTime('cp.resolution_due_at') },
      { header: '解决时间', expr: chinaTime('cp.resolved_at') },
      { header: '根因', expr: 'cp.root_cause' },
    ],
  },
  products: {
    from: 'products p join product_categories pc on pc.id = p.category_id',
    key: 'p.code',
    scopeAlias: null,
    live: 'p.archived_at is null',
    columns: [
      { header: '产品编号', expr: 'p.code' },
      { header: '产品名称', expr: 'p.name' },
      { header: '产品类别', expr: 'pc.code' },
      { header: '单位', expr: 'p.unit' },
      { header: '标准价', expr: yuan('p.list_price') },
      { header: '标准成本', expr: yuan('p.standard_cost') },
    ],
  },
  tasks: {
    from: 'tasks t join accounts a on a.id = t.account_id join users u on u.id = t.owner_id left join contacts c on c.id = t.contact_id',
    key: "to_char(coalesce(t.snoozed_until, t.due_date), 'YYYYMMDD') || t.id",
    scopeAlias: 'a',
    live: 't.archived_at is null',
    columns: [
      ...accountColumns,
      { header: '任务', expr: 't.title' },
      { header: '建议动作', expr: 't.suggested_action' },
      { header: '类型', expr: 't.kind' },
      { header: '负责人', expr: 'u.display_name' },
      { header: '联系人', expr: 'c.name' },
      { header: '到期日期', expr: 't.due_date::text' },
      { header: '推迟至', expr: 't.snoozed_until::text' },
      { header: '状态', expr: 't.status' },
      { header: '跳过原因', expr: 't.skip_reason' },
      { header: '完成时间', expr: chinaTime('t.done_at') },
    ],
  },
  interactions: {
    from: 'interactions i join accounts a on a.id = i.account_id join users u on u.id = i.user_id left join users nu on nu.id = i.next_step_owner_id',
    key: byTime('i.occurred_at', 'i.id'),
    scopeAlias: 'a',
    live: 'i.archived_at is null',
    personal: true,
    columns: [
      ...accountColumns,
      { header: '时间', expr: chinaTime('i.occurred_at') },
      { header: '方式', expr: 'i.kind' },
      { header: '主题', expr: 'i.subject' },
      { header: '纪要', expr: 'i.notes' },
      {
        header: '客户联系人',
        expr: "(select string_agg(c.name, '、' order by c.name) from contacts c where c.id = any(i.contact_ids))",
      },
      { header: '记录人', expr: 'u.display_name' },
      { header: '下一步', expr: 'i.next_step' },
      { header: '下一步期限', expr: 'i.next_step_due::text' },
      { header: '下一步负责人', expr: 'nu.display_name' },
    ],
  },
  surveys: {
    from: 'surveys s join accounts a on a.id = s.account_id join contacts c on c.id = s.contact_id join users u on u.id = s.sent_by',
    key: byTime('s.sent_at', 's.id'),
    scopeAlias: 'a',
    live: 'true',
    personal: true,
    columns: [
      ...accountColumns,
      { header: '联系人', expr: 'c.name' },
      { header: '调查类型', expr: 's.kind' },
      { header: '发送人', expr: 'u.display_name' },
      { header: '发送时间', expr: chinaTime('s.sent_at') },
      { header: '有效期至', expr: chinaTime('s.expires_at') },
      { header: '回复时间', expr: chinaTime('s.answered_at') },
      { header: '评分', expr: 's.score' },
      { header: '意见', expr: 's.comment' },
    ],
  },
};

/** The exports that carry personal data. */
export const personalKinds: readonly ExportKind[] = exportKinds.filter((k) => listExports[k].personal);
