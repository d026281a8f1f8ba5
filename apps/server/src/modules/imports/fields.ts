import {
  type Cell,
  parseChoice,
  parseCreditCode,
  parseDate,
  parseInteger,
  parseMoney,
  parseQuantity,
  parseRating,
  parseShare,
  parseTags,
  parseText,
} from './values.js';

/**
 * The target fields of each import kind: labels, the headers users' files carry for them (Chinese
 * ERPs, Excel templates, English exports such as the Superstore sample), how a cell is read, and the
 * staging column type it lands in.
 */
export const importKinds = ['accounts', 'contacts', 'products', 'orders', 'payments', 'competitors'] as const;
export type ImportKind = (typeof importKinds)[number];

export type FieldDef = {
  key: string;
  zh: string;
  en: string;
  aliases: string[];
  parse: (cell: Cell) => unknown;
  sqlType: 'text' | 'int' | 'bigint' | 'numeric' | 'date' | 'text[]';
  required?: boolean;
  /** Personal dossier field (PIPL): only roles that see dossiers may import it. */
  personal?: boolean;
};

const text = (max = 200) => parseText(max);

const f = (
  key: string,
  zh: string,
  en: string,
  aliases: string[],
  parse: FieldDef['parse'],
  sqlType: FieldDef['sqlType'],
  extra: Partial<FieldDef> = {},
): FieldDef => ({ key, zh, en, aliases, parse, sqlType, ...extra });

const accountRef = [
  f(
    'account_code',
    '客户编号',
    'Customer ID',
    ['客户编号', '客户代码', '客户编码', '客户ID', 'Customer ID', 'Account Code', 'Account ID', 'CustomerID'],
    text(40),
    'text',
  ),
  f(
    'account_name',
    '客户名称',
    'Customer Name',
    ['客户名称', '客户', '公司名称', '企业名称', 'Customer Name', 'Customer', 'Account Name', 'Company'],
    text(200),
    'text',
  ),
  f(
    'credit_code',
    '统一社会信用代码',
    'Credit code',
    ['统一社会信用代码', '信用代码', '社会信用代码', 'USCC', 'Credit Code', 'Unified Social Credit Code'],
    parseCreditCode,
    'text',
  ),
];

const sections = parseChoice('ABCDEFGHIJKLMNOPQRST'.toLowerCase().split(''));
const industry = (cell: Cell) => (sections(cell) as string | null)?.toUpperCase() ?? null;

const lifecycle = parseChoice(['prospect', 'active', 'dormant', 'lost'], {
  潜在: 'prospect',
  活跃: 'active',
  休眠: 'dormant',
  流失: 'lost',
});

export const fieldsByKind: Record<ImportKind, FieldDef[]> = {
  accounts: [
    f(
      'code',
      '客户编号',
      'Customer ID',
      ['客户编号', '客户代码', '客户编码', '客户ID', 'Customer ID', 'Account Code', 'Account ID', 'Code'],
      text(40),
      'text',
    ),
    f(
      'name',
      '客户名称',
      'Customer Name',
      ['客户名称', '公司名称', '企业名称', 'Customer Name', 'Account Name', 'Company', 'Name'],
      text(200),
      'text',
      { required: true },
    ),
    f('short_name', '简称', 'Short name', ['简称', '客户简称', 'Short Name'], text(60), 'text'),
    accountRef[2]!,
    f(
      'parent_code',
      '上级客户编号',
      'Parent ID',
      ['上级客户编号', '集团客户编号', '母公司编号', 'Parent ID', 'Parent Code'],
      text(40),
      'text',
    ),
    f('industry', '行业', 'Industry', ['行业', '行业代码', 'Industry'], industry, 'text'),
    f('province', '省份', 'Province', ['省份', '省', '所在省份', 'Province', 'State'], text(20), 'text'),
    f('city', '城市', 'City', ['城市', '市', '所在城市', 'City'], text(40), 'text'),
    f(
      'size_band',
      '规模',
      'Size band',
      ['规模', '企业规模', 'Size', 'Size Band'],
      parseChoice(['micro', 'small', 'medium', 'large', 'xlarge'], {
        微型: 'micro',
        小型: 'small',
        中型: 'medium',
        大型: 'large',
        特大型: 'xlarge',
      }),
      'text',
    ),
    f(
      'employee_count',
      '员工人数',
      'Employees',
      ['员工人数', '员工数', '人数', 'Employees', 'Employee Count'],
      parseInteger,
      'int',
    ),
    f(
      'annual_revenue_estimate',
      '年营业额',
      'Annual revenue',
      ['年营业额', '年收入', '营业收入', 'Annual Revenue'],
      parseMoney,
      'bigint',
    ),
    f(
      'wallet_estimate',
      '年采购潜力',
      'Wallet estimate',
      ['年采购潜力', '采购潜力', '钱包份额估计', 'Wallet Estimate'],
      parseMoney,
      'bigint',
    ),
    f('website', '网站', 'Website', ['网站', '网址', 'Website'], text(200), 'text'),
    f('address', '地址', 'Address', ['地址', '公司地址', '注册地址', 'Address'], text(300), 'text'),
    f('phone', '电话', 'Phone', ['电话', '联系电话', '总机', 'Phone', 'Telephone'], text(40), 'text'),
    f(
      'owner',
      '客户经理',
      'Account manager',
      ['客户经理', '负责人', '大客户经理', 'Owner', 'KAM', 'Account Manager'],
      text(60),
      'text',
    ),
    f('org_unit', '组织单元', 'Org unit', ['组织单元', '组织编码', '部门编码', 'Org Unit'], text(40), 'text'),
    f('lifecycle', '生命周期', 'Lifecycle', ['生命周期', '客户状态', 'Lifecycle', 'Status'], lifecycle, 'text'),
    f(
      'price_sensitivity',
      '价格敏感度',
      'Price sensitivity',
      ['价格敏感度', 'Price Sensitivity'],
      parseChoice(['low', 'medium', 'high'], { 低: 'low', 中: 'medium', 高: 'high' }),
      'text',
    ),
    f('market_influence', '市场影响力', 'Market influence', ['市场影响力', 'Market Influence'], parseRating, 'int'),
    f('strategic_fit', '战略匹配度', 'Strategic fit', ['战略匹配度', 'Strategic Fit'], parseRating, 'int'),
    f('credit_limit', '信用额度', 'Credit limit', ['信用额度', '授信额度', 'Credit Limit'], parseMoney, 'bigint'),
    f(
      'payment_terms_days',
      '账期(天)',
      'Payment terms (days)',
      ['账期(天)', '账期', '付款期限', 'Payment Terms', 'Payment Terms (days)'],
      parseInteger,
      'int',
    ),
    f('tags', '标签', 'Tags', ['标签', 'Tags'], parseTags, 'text[]'),
    f(
      'first_contact_date',
      '首次接触日期',
      'First contact',
      ['首次接触日期', '首次接触', 'First Contact', 'First Contact Date'],
      parseDate,
      'date',
    ),
  ],
  contacts: [
    accountRef[0]!,
    accountRef[2]!,
    f('name', '姓名', 'Name', ['姓名', '联系人', '联系人姓名', 'Contact Name', 'Contact', 'Name'], text(60), 'text', {
      required: true,
    }),
    f('title', '职务', 'Title', ['职务', '职位', '头衔', 'Title', 'Job Title'], text(80), 'text'),
    f('department', '部门', 'Department', ['部门', 'Department'], text(80), 'text'),
    f(
      'decision_role',
      '决策角色',
      'Decision role',
      ['决策角色', '角色', 'Decision Role', 'Role'],
      parseChoice(
        ['decision_maker', 'economic_buyer', 'technical_evaluator', 'user', 'influencer', 'coach', 'gatekeeper'],
        {
          决策者: 'decision_maker',
          经济决策者: 'economic_buyer',
          技术把关者: 'technical_evaluator',
          使用者: 'user',
          影响者: 'influencer',
          内线: 'coach',
          把关者: 'gatekeeper',
        },
      ),
      'text',
    ),
    f(
      'attitude',
      '态度',
      'Attitude',
      ['态度', '对我方态度', 'Attitude'],
      parseChoice(['champion', 'supporter', 'neutral', 'sceptic', 'opponent'], {
        支持者: 'supporter',
        拥护者: 'champion',
        中立: 'neutral',
        怀疑者: 'sceptic',
        反对者: 'opponent',
      }),
      'text',
    ),
    f('influence', '影响力', 'Influence', ['影响力', 'Influence'], parseRating, 'int'),
    f(
      'relationship_strength',
      '关系强度',
      'Relationship',
      ['关系强度', '关系', 'Relationship Strength'],
      parseRating,
      'int',
    ),
    f('mobile', '手机', 'Mobile', ['手机', '手机号', '移动电话', 'Mobile', 'Cell'], text(40), 'text'),
    f(
      'office_phone',
      '办公电话',
      'Office phone',
      ['办公电话', '座机', '电话', 'Phone', 'Office Phone'],
      text(40),
      'text',
    ),
    f('email', '邮箱', 'E-mail', ['邮箱', '电子邮件', 'Email', 'E-mail'], text(200), 'text'),
    f('wechat_id', '微信', 'WeChat', ['微信', '微信号', 'WeChat', 'WeChat ID'], text(80), 'text'),
    f('native_place', '籍贯', 'Native place', ['籍贯', 'Native Place'], text(80), 'text', { personal: true }),
    f('birthday', '生日', 'Birthday', ['生日', '出生日期', 'Birthday', 'Date of Birth'], parseDate, 'date', {
      personal: true,
    }),
    f(
      'birthday_calendar',
      '生日历法',
      'Birthday calendar',
      ['生日历法', '农历/公历', 'Birthday Calendar'],
      parseChoice(['solar', 'lunar'], { 公历: 'solar', 阳历: 'solar', 农历: 'lunar', 阴历: 'lunar' }),
      'text',
      { personal: true },
    ),
    f('hobbies', '爱好', 'Hobbies', ['爱好', '兴趣爱好', 'Hobbies'], text(300), 'text', { personal: true }),
    f('education', '教育背景', 'Education', ['教育背景', '学历', 'Education'], text(300), 'text', { personal: true }),
    f(
      'consent_basis',
      '同意依据',
      'Consent basis',
      ['同意依据', '授权依据', 'Consent Basis'],
      parseChoice(['consent', 'contract', 'legal_duty', 'none'], {
        同意: 'consent',
        合同: 'contract',
        法定义务: 'legal_duty',
        无: 'none',
      }),
      'text',
    ),
  ],
  products: [
    f(
      'code',
      '产品编号',
      'Product ID',
      ['产品编号', '产品编码', '物料编码', '物料号', '产品代码', 'Product ID', 'SKU', 'Product Code', 'Code'],
      text(60),
      'text',
      { required: true },
    ),
    f('name', '产品名称', 'Product Name', ['产品名称', '物料名称', '品名', 'Product Name', 'Name'], text(200), 'text'),
    f(
      'category',
      '产品类别',
      'Category',
      ['产品类别', '类别', '产品分类', '品类', 'Category', 'Product Category', 'Sub-Category'],
      text(80),
      'text',
    ),
    f('unit', '单位', 'Unit', ['单位', '计量单位', 'Unit', 'UOM'], text(10), 'text'),
    f(
      'list_price',
      '标准价',
      'List price',
      ['标准价', '目录价', '单价', '标准单价', 'List Price', 'Price'],
      parseMoney,
      'bigint',
    ),
    f(
      'standard_cost',
      '标准成本',
      'Standard cost',
      ['标准成本', '成本价', '单位成本', 'Standard Cost', 'Unit Cost'],
      parseMoney,
      'bigint',
    ),
  ],
  orders: [
    f(
      'order_no',
      '订单号',
      'Order ID',
      ['订单号', '订单编号', '单号', '销售单号', 'Order ID', 'Order No', 'Order Number', 'OrderID'],
      text(60),
      'text',
      { required: true },
    ),
    f(
      'line_no',
      '行号',
      'Line no.',
      ['行号', '明细行号', '序号', 'Line', 'Line No', 'Line Number', 'Row ID'],
      parseInteger,
      'int',
    ),
    f(
      'order_date',
      '订单日期',
      'Order Date',
      ['订单日期', '下单日期', '日期', '销售日期', 'Order Date', 'Date'],
      parseDate,
      'date',
      { required: true },
    ),
    ...accountRef,
    f(
      'product_code',
      '产品编号',
      'Product ID',
      ['产品编号', '产品编码', '物料编码', '物料号', 'Product ID', 'SKU', 'Product Code'],
      text(60),
      'text',
      { required: true },
    ),
    f('product_name', '产品名称', 'Product Name', ['产品名称', '物料名称', '品名', 'Product Name'], text(200), 'text'),
    f(
      'category',
      '产品类别',
      'Category',
      ['产品类别', '产品分类', '品类', 'Category', 'Sub-Category'],
      text(80),
      'text',
    ),
    f('quantity', '数量', 'Quantity', ['数量', '销售数量', 'Quantity', 'Qty'], parseQuantity, 'numeric', {
      required: true,
    }),
    f(
      'unit_price',
      '单价',
      'Unit price',
      ['单价', '销售单价', '成交单价', 'Unit Price', 'Price'],
      parseMoney,
      'bigint',
    ),
    f('discount', '折扣金额', 'Discount amount', ['折扣金额', '优惠金额', 'Discount Amount'], parseMoney, 'bigint'),
    f('discount_rate', '折扣率', 'Discount', ['折扣率', '折扣', 'Discount', 'Discount Rate'], parseShare, 'numeric'),
    f(
      'amount',
      '金额',
      'Sales',
      ['金额', '销售额', '销售金额', '含税金额', '成交金额', 'Sales', 'Amount', 'Line Amount'],
      parseMoney,
      'bigint',
    ),
    f('cost', '成本', 'Cost', ['成本', '成本金额', '销售成本', 'Cost'], parseMoney, 'bigint'),
    f('profit', '利润', 'Profit', ['利润', '毛利', '毛利额', 'Profit', 'Margin'], parseMoney, 'bigint'),
    f('due_date', '应收日期', 'Due date', ['应收日期', '到期日', '应付款日期', 'Due Date'], parseDate, 'date'),
    f(
      'channel',
      '渠道',
      'Channel',
      ['渠道', '销售渠道', 'Channel'],
      parseChoice(['direct', 'agent'], { 直销: 'direct', 代理: 'agent', 代理商: 'agent' }),
      'text',
    ),
    f(
      'status',
      '订单状态',
      'Order status',
      ['订单状态', 'Order Status'],
      parseChoice(['open', 'fulfilled', 'cancelled'], { 未完成: 'open', 已完成: 'fulfilled', 已取消: 'cancelled' }),
      'text',
    ),
  ],
  payments: [
    f('order_no', '订单号', 'Order ID', ['订单号', '订单编号', '单号', 'Order ID', 'Order No'], text(60), 'text', {
      required: true,
    }),
    f(
      'paid_date',
      '回款日期',
      'Payment date',
      ['回款日期', '付款日期', '收款日期', '到账日期', 'Payment Date', 'Paid Date'],
      parseDate,
      'date',
      { required: true },
    ),
    f(
      'paid_amount',
      '回款金额',
      'Amount paid',
      ['回款金额', '付款金额', '收款金额', '实收金额', 'Paid Amount', 'Payment Amount', 'Amount'],
      parseMoney,
      'bigint',
      { required: true },
    ),
    f('due_date', '应收日期', 'Due date', ['应收日期', '到期日', 'Due Date'], parseDate, 'date'),
  ],
  competitors: [
    ...accountRef,
    f('competitor', '竞争对手', 'Competitor', ['竞争对手', '竞品厂商', '竞争者', 'Competitor'], text(120), 'text', {
      required: true,
    }),
    f('category', '产品类别', 'Category', ['产品类别', '类别', '品类', 'Category'], text(80), 'text', {
      required: true,
    }),
    f(
      'est_annual_volume',
      '预计年采购额',
      'Est. annual volume',
      ['预计年采购额', '年采购额', '采购规模', 'Est. Annual Volume', 'Annual Volume'],
      parseMoney,
      'bigint',
    ),
    f(
      'our_share',
      '我方份额',
      'Our share',
      ['我方份额', '我方占比', '份额', 'Our Share', 'Share'],
      parseShare,
      'numeric',
    ),
    f('notes', '备注', 'Notes', ['备注', '说明', 'Notes', 'Remarks'], text(1000), 'text'),
  ],
};

/** Header text compared loosely: case, spaces, punctuation and full-width forms do not matter. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.:：()（）/\\*]/g, '');
}

/** file column index → field key, from the header row; each field taken by its best (first) column. */
export function suggestMapping(kind: ImportKind, headers: (string | null)[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  const taken = new Set<string>();
  // exact alias matches first, in field order, so 电话 goes to office_phone only when 手机 did not claim it
  for (const field of fieldsByKind[kind]) {
    const keys = [field.key, field.zh, field.en, ...field.aliases].map(headerKey);
    const column = headers.findIndex((h, i) => h !== null && !(String(i) in mapping) && keys.includes(headerKey(h)));
    if (column >= 0 && !taken.has(field.key)) {
      mapping[String(column)] = field.key;
      taken.add(field.key);
    }
  }
  return mapping;
}

/** The header row among the first rows: the one that names the most target fields. */
export function guessHeaderRow(kind: ImportKind, rows: { row: number; cells: Cell[] }[]): number {
  let best = rows[0]?.row ?? 1;
  let bestScore = -1;
  for (const r of rows.slice(0, 20)) {
    const headers = r.cells.map((c) => (c === null ? null : String(c)));
    const score = Object.keys(suggestMapping(kind, headers)).length;
    if (score > bestScore) {
      best = r.row;
      bestScore = score;
    }
  }
  return best;
}
