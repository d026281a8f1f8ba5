/**
 * Chinese company names before comparison: the same company is written 上海精工机械有限公司,
 * 精工机械, （上海）精工机械股份有限公司 or 上海市精工机械集团. What identifies it is the trade name in
 * the middle, so legal forms, region prefixes, bracketed regions and punctuation come off first.
 */

const PROVINCES = [
  '北京',
  '天津',
  '上海',
  '重庆',
  '河北',
  '山西',
  '辽宁',
  '吉林',
  '黑龙江',
  '江苏',
  '浙江',
  '安徽',
  '福建',
  '江西',
  '山东',
  '河南',
  '湖北',
  '湖南',
  '广东',
  '海南',
  '四川',
  '贵州',
  '云南',
  '陕西',
  '甘肃',
  '青海',
  '台湾',
  '内蒙古',
  '广西',
  '西藏',
  '宁夏',
  '新疆',
  '香港',
  '澳门',
];

/** Prefecture-level cities that commonly lead a company name. */
const CITIES = [
  '苏州',
  '无锡',
  '常州',
  '南京',
  '南通',
  '扬州',
  '徐州',
  '镇江',
  '泰州',
  '盐城',
  '连云港',
  '淮安',
  '宿迁',
  '杭州',
  '宁波',
  '温州',
  '绍兴',
  '嘉兴',
  '湖州',
  '金华',
  '台州',
  '舟山',
  '衢州',
  '丽水',
  '深圳',
  '广州',
  '东莞',
  '佛山',
  '珠海',
  '中山',
  '惠州',
  '江门',
  '汕头',
  '湛江',
  '肇庆',
  '青岛',
  '济南',
  '烟台',
  '潍坊',
  '淄博',
  '威海',
  '临沂',
  '济宁',
  '东营',
  '武汉',
  '宜昌',
  '襄阳',
  '长沙',
  '株洲',
  '湘潭',
  '郑州',
  '洛阳',
  '合肥',
  '芜湖',
  '南昌',
  '成都',
  '绵阳',
  '德阳',
  '昆明',
  '贵阳',
  '西安',
  '兰州',
  '西宁',
  '银川',
  '乌鲁木齐',
  '沈阳',
  '大连',
  '鞍山',
  '长春',
  '吉林',
  '哈尔滨',
  '大庆',
  '石家庄',
  '唐山',
  '保定',
  '廊坊',
  '太原',
  '呼和浩特',
  '包头',
  '南宁',
  '柳州',
  '海口',
  '三亚',
  '福州',
  '厦门',
  '泉州',
  '漳州',
];

const PROVINCE_SUFFIXES = ['维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '特别行政区', '省', '市'];

/** Longest first, so 股份有限公司 goes before 有限公司 and 有限公司 before 公司. */
const LEGAL_FORMS = [
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '有限公司',
  '集团公司',
  '总公司',
  '分公司',
  '公司',
  '控股集团',
  '集团',
  '控股',
];

/** Latin legal forms are whole words: Co., Ltd., Inc. … (never the 'co' inside 'costco'). */
const LATIN_FORMS = /\b(co|ltd|inc|corp|corporation|limited|company|group|holdings|llc|plc)\b\.?/g;

const REGION_NAMES = [...PROVINCES, ...CITIES];

/** Region prefixes as written: 广东省, 广东, 深圳市, 内蒙古自治区 … longest first. */
const REGION_PREFIXES = [
  ...PROVINCES.flatMap((p) => PROVINCE_SUFFIXES.map((s) => p + s)),
  ...CITIES.map((c) => `${c}市`),
  ...REGION_NAMES,
].sort((a, b) => b.length - a.length);

const BRACKETED = /[(（]([^()（）]*)[)）]/g;

function stripBracketedRegions(name: string): string {
  return name.replace(BRACKETED, (whole, inner: string) => {
    const text = inner.trim();
    if (text === '中国' || text === 'china' || REGION_PREFIXES.includes(text)) return '';
    return whole;
  });
}

function stripRegionPrefixes(name: string): string {
  let rest = name;
  // 广东省深圳市精工 → 精工: a province then a city
  for (let round = 0; round < 2; round++) {
    const prefix = REGION_PREFIXES.find((p) => rest.startsWith(p) && rest.length - p.length >= 2);
    if (!prefix) break;
    rest = rest.slice(prefix.length);
  }
  return rest;
}

function stripLegalForms(name: string): string {
  let rest = name;
  for (let changed = true; changed; ) {
    changed = false;
    for (const form of LEGAL_FORMS) {
      if (rest.endsWith(form) && rest.length - form.length >= 2) {
        rest = rest.slice(0, -form.length);
        changed = true;
      }
    }
  }
  return rest;
}

/** The comparable core of a company name; never empty for a non-empty name. */
export function companyNameKey(name: string): string {
  const plain = stripBracketedRegions(name.normalize('NFKC').toLowerCase()).replace(LATIN_FORMS, ' ');
  const compact = plain.replace(/[\s\p{P}\p{S}]+/gu, '');
  const key = stripLegalForms(stripRegionPrefixes(stripLegalForms(compact)));
  return key || compact || name.trim();
}

/** Free mail providers: a shared domain there says nothing about the company. */
const PUBLIC_MAIL = new Set([
  'qq.com',
  'foxmail.com',
  '163.com',
  '126.com',
  'yeah.net',
  'sina.com',
  'sina.cn',
  'sohu.com',
  '139.com',
  '189.cn',
  'aliyun.com',
  'gmail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
]);

/** The company domain of an e-mail address, or null for a free mail provider or no address. */
export function companyMailDomain(email: string | null | undefined): string | null {
  const domain = email?.trim().toLowerCase().split('@')[1];
  if (!domain || PUBLIC_MAIL.has(domain)) return null;
  return domain;
}
