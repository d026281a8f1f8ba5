import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Role } from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { accountScope, dossierAccess, seesContactDetails } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { rows } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';

/**
 * Exports in the caller's scope and masking, with the import's headers, so an exported file imports
 * again unchanged. Rows are read in keyset pages and written as they come: memory stays flat.
 */
export type ExportKind =
  | 'accounts'
  | 'contacts'
  | 'order-lines'
  | 'payments'
  | 'products'
  | 'needs'
  | 'alerts'
  | 'complaints';
export const exportKinds: ExportKind[] = [
  'accounts',
  'contacts',
  'order-lines',
  'payments',
  'products',
  'needs',
  'alerts',
  'complaints',
];

/** Lists only some roles have (the same roles their list pages are for). */
const readers: Partial<Record<ExportKind, readonly Role[]>> = {
  needs: ['admin', 'director', 'kam', 'service', 'analyst'],
  alerts: ['admin', 'director', 'kam', 'service'],
  complaints: ['admin', 'director', 'kam', 'service', 'analyst'],
};
export type ExportFormat = 'csv' | 'xlsx' | 'vcf';

type Column = { header: string; expr: string; personal?: 'dossier' | 'details' };
type Filter = (value: string) => SQL;

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
};

export const exportFilterNames = [
  ...new Set(Object.values(filtersByKind).flatMap((f) => Object.keys(f))),
] as readonly string[];

function filterSql(kind: ExportKind, filters: Record<string, string>): SQL {
  const known = filtersByKind[kind];
  const parts = Object.entries(filters)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => {
      const f = known[k];
      if (!f) throw AppError.invalid(k, `not a filter of ${kind}`);
      return f(v);
    });
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/** `scopeAlias`: the accounts alias the caller's scope applies to; null for the product catalogue (everyone's). */
const kinds: Record<
  ExportKind,
  { from: string; key: string; scopeAlias: string | null; live: string; columns: Column[] }
> = {
  accounts: {
    from: 'accounts a left join users u on u.id = a.owner_id left join org_units ou on ou.id = a.org_unit_id left join accounts p on p.id = a.parent_id',
    key: 'a.code',
    scopeAlias: 'a',
    live: 'a.archived_at is null',
    columns: [
      { header: '客户编号', expr: 'a.code' },
      { header: '客户名称', expr: 'a.name' },
      { header: '简称', expr: 'a.short_name' },
      { header: '统一社会信用代码', expr: 'a.credit_code' },
      { header: '上级客户编号', expr: 'p.code' },
      { header: '行业', expr: 'a.industry' },
      { header: '省份', expr: 'a.province' },
      { header: '城市', expr: 'a.city' },
      { header: '规模', expr: 'a.size_band' },
      { header: '员工人数', expr: 'a.employee_count' },
      { header: '年营业额', expr: "to_char(a.annual_revenue_estimate / 100.0, 'FM999999999999990.00')" },
      { header: '年采购潜力', expr: "to_char(a.wallet_estimate / 100.0, 'FM999999999999990.00')" },
      { header: '网站', expr: 'a.website' },
      { header: '地址', expr: 'a.address' },
      { header: '电话', expr: 'a.phone' },
      { header: '客户经理', expr: 'u.username' },
      { header: '组织单元', expr: 'ou.code' },
      { header: '生命周期', expr: 'a.lifecycle' },
      { header: '价格敏感度', expr: 'a.price_sensitivity' },
      { header: '市场影响力', expr: 'a.market_influence' },
      { header: '战略匹配度', expr: 'a.strategic_fit' },
      { header: '信用额度', expr: "to_char(a.credit_limit / 100.0, 'FM999999999999990.00')" },
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
      { header: '客户编号', expr: 'a.code' },
      { header: '客户名称', expr: 'a.name' },
      { header: '产品编号', expr: 'pr.code' },
      { header: '产品名称', expr: 'pr.name' },
      { header: '数量', expr: 'l.quantity::text' },
      { header: '单价', expr: "to_char(l.unit_price / 100.0, 'FM999999999999990.00')" },
      { header: '折扣金额', expr: "to_char(l.discount / 100.0, 'FM999999999999990.00')" },
      { header: '金额', expr: "to_char(l.amount / 100.0, 'FM999999999999990.00')" },
      { header: '成本', expr: "to_char(l.cost / 100.0, 'FM999999999999990.00')" },
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
      { header: '回款金额', expr: "to_char(o.paid_amount / 100.0, 'FM999999999999990.00')" },
      { header: '应收日期', expr: 'o.due_date::text' },
    ],
  },
  needs: {
    from: 'needs n join accounts a on a.id = n.account_id',
    key: "lpad((999 - n.priority)::text, 3, '0') || n.id",
    scopeAlias: 'a',
    live: 'n.archived_at is null',
    columns: [
      { header: '客户编号', expr: 'a.code' },
      { header: '客户名称', expr: 'a.name' },
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
    key: "to_char(al.last_seen_at, 'YYYYMMDDHH24MISSUS') || al.id",
    scopeAlias: 'a',
    live: 'al.archived_at is null',
    columns: [
      { header: '客户编号', expr: 'a.code' },
      { header: '客户名称', expr: 'a.name' },
      { header: '预警规则', expr: 'al.rule' },
      { header: '级别', expr: 'al.severity' },
      { header: '状态', expr: 'al.status' },
      { header: '原因', expr: 'al.reason' },
      { header: '首次发现', expr: "to_char(al.first_seen_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')" },
      { header: '最近发现', expr: "to_char(al.last_seen_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')" },
    ],
  },
  complaints: {
    from: 'complaints cp join accounts a on a.id = cp.account_id left join users fo on fo.id = cp.first_owner_id left join users asg on asg.id = cp.assignee_id',
    key: "to_char(cp.received_at, 'YYYYMMDDHH24MISSUS') || cp.id",
    scopeAlias: 'a',
    live: 'cp.archived_at is null',
    columns: [
      { header: '客户编号', expr: 'a.code' },
      { header: '客户名称', expr: 'a.name' },
      { header: '投诉', expr: 'cp.title' },
      { header: '严重程度', expr: 'cp.severity' },
      { header: '渠道', expr: 'cp.channel' },
      { header: '状态', expr: 'cp.status' },
      { header: '首问负责人', expr: 'fo.display_name' },
      { header: '处理人', expr: 'asg.display_name' },
      { header: '受理时间', expr: "to_char(cp.received_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')" },
      { header: '解决时限', expr: "to_char(cp.resolution_due_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')" },
      { header: '解决时间', expr: "to_char(cp.resolved_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')" },
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
      { header: '标准价', expr: "to_char(p.list_price / 100.0, 'FM999999999999990.00')" },
      { header: '标准成本', expr: "to_char(p.standard_cost / 100.0, 'FM999999999999990.00')" },
    ],
  },
};

/** A value Excel would run as a formula (=, +, -, @, tab, CR first) is written as text. */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function visibleColumns(ctx: Ctx, kind: ExportKind): Column[] {
  return kinds[kind].columns.filter(
    (c) =>
      !c.personal || (c.personal === 'dossier' ? dossierAccess(ctx.user) === 'full' : seesContactDetails(ctx.user)),
  );
}

async function* pages(ctx: Ctx, kind: ExportKind, filter: SQL): AsyncGenerator<(string | number | null)[][]> {
  const def = kinds[kind];
  const columns = visibleColumns(ctx, kind);
  let after = '';
  for (;;) {
    const found = await rows<{ k: string; v: (string | number | null)[] }>(
      ctx.db,
      sql`select ${sql.raw(def.key)} as k, json_build_array(${sql.raw(columns.map((c) => c.expr).join(', '))}) as v
            from ${sql.raw(def.from)}
           where ${def.scopeAlias ? accountScope(ctx.user, def.scopeAlias) : sql`true`} and ${filter} and ${sql.raw(def.key)} > ${after}
             and ${sql.raw(def.live)}
           order by 1 limit 5000`,
    );
    if (!found.length) return;
    after = found.at(-1)!.k;
    yield found.map((r) => (typeof r.v === 'string' ? JSON.parse(r.v) : r.v));
  }
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : neutralise(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function vcardText(value: string): string {
  return value.replace(/[\\,;]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');
}

/** Refuses what cannot be exported before anything is written: the role's lists, the format, the filters. */
export function checkExport(ctx: Ctx, kind: ExportKind, format: ExportFormat, filters: Record<string, string>): SQL {
  if (format === 'vcf' && kind !== 'contacts') throw AppError.invalid('format', 'vCard is for contacts only');
  const roles = readers[kind];
  if (roles && !roles.includes(ctx.user.role)) {
    throw new AppError('forbidden', `Your role (${ctx.user.role}) has no ${kind} list`);
  }
  return filterSql(kind, filters);
}

/**
 * Writes an export to `out`: CSV in UTF-8 with BOM (Excel opens it), a streamed workbook, or vCard
 * 3.0 for contacts. Exports of contacts (personal data) are audited.
 */
export async function writeExport(
  ctx: Ctx,
  kind: ExportKind,
  format: ExportFormat,
  out: Writable,
  filters: Record<string, string> = {},
): Promise<number> {
  const filter = checkExport(ctx, kind, format, filters);
  const columns = visibleColumns(ctx, kind);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  let count = 0;
  if (format === 'xlsx') {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
    const sheet = book.addWorksheet(kind);
    sheet.addRow(columns.map((c) => c.header)).commit();
    for await (const page of pages(ctx, kind, filter)) {
      for (const r of page) {
        sheet.addRow(r.map((v) => (typeof v === 'string' ? neutralise(v) : v))).commit();
        count++;
      }
    }
    sheet.commit();
    await book.commit();
  } else if (format === 'csv') {
    await write(`\uFEFF${columns.map((c) => csvField(c.header)).join(',')}\r\n`);
    for await (const page of pages(ctx, kind, filter)) {
      await write(page.map((r) => `${r.map(csvField).join(',')}\r\n`).join(''));
      count += page.length;
    }
    out.end();
  } else {
    const at = (name: string) => columns.findIndex((c) => c.header === name);
    for await (const page of pages(ctx, kind, filter)) {
      for (const r of page) {
        const get = (name: string) => {
          const i = at(name);
          return i >= 0 && r[i] !== null ? vcardText(String(r[i])) : null;
        };
        const card = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${get('姓名')}`, `N:${get('姓名')};;;;`];
        if (get('职务')) card.push(`TITLE:${get('职务')}`);
        card.push(`ORG:${get('客户编号')}${get('部门') ? `;${get('部门')}` : ''}`);
        if (get('手机')) card.push(`TEL;TYPE=CELL:${get('手机')}`);
        if (get('邮箱')) card.push(`EMAIL:${get('邮箱')}`);
        card.push('END:VCARD');
        await write(`${card.join('\r\n')}\r\n`);
        count++;
      }
    }
    out.end();
  }
  if (kind === 'contacts') {
    await audit(ctx, 'export.personal_data', 'contacts', null, {
      format,
      rows: count,
      filters,
      dossier: dossierAccess(ctx.user),
    });
  }
  return count;
}

export async function exportToFile(ctx: Ctx, kind: ExportKind, format: ExportFormat, path: string): Promise<number> {
  const file = createWriteStream(path);
  const done = new Promise<void>((resolve, reject) => {
    file.on('finish', resolve);
    file.on('error', reject);
  });
  const n = await writeExport(ctx, kind, format, file);
  await done;
  return n;
}
