import type { AccountPlan } from './accounts.js';
import { isoOfDay, yearOfDay } from './calendar.js';
import { ESTATES } from './geography.js';
import type { Phone, PhoneBook } from './identity.js';
import { brand, personName } from './names.js';
import type { Staff } from './org.js';
import type { Rng } from './random.js';

/** The people at an account: an org chart per account, and for key people the personal dossier. */

type DecisionRole =
  | 'decision_maker'
  | 'economic_buyer'
  | 'technical_evaluator'
  | 'user'
  | 'influencer'
  | 'coach'
  | 'gatekeeper';
type Attitude = 'champion' | 'supporter' | 'neutral' | 'sceptic' | 'opponent';

type Post = {
  key: string;
  title: string;
  dept: string;
  parent: string | null;
  roles: DecisionRole[];
  influence: [number, number];
  age: [number, number];
  femaleShare: number;
};

const POSTS: readonly Post[] = [
  {
    key: 'gm',
    title: '总经理',
    dept: '总经办',
    parent: null,
    roles: ['decision_maker'],
    influence: [5, 5],
    age: [42, 60],
    femaleShare: 0.1,
  },
  {
    key: 'vp',
    title: '副总经理',
    dept: '总经办',
    parent: 'gm',
    roles: ['decision_maker', 'influencer'],
    influence: [4, 5],
    age: [38, 56],
    femaleShare: 0.15,
  },
  {
    key: 'cfo',
    title: '财务总监',
    dept: '财务部',
    parent: 'gm',
    roles: ['economic_buyer'],
    influence: [4, 5],
    age: [36, 55],
    femaleShare: 0.5,
  },
  {
    key: 'cpo',
    title: '采购总监',
    dept: '采购部',
    parent: 'gm',
    roles: ['economic_buyer', 'gatekeeper'],
    influence: [4, 5],
    age: [35, 52],
    femaleShare: 0.3,
  },
  {
    key: 'pm',
    title: '采购经理',
    dept: '采购部',
    parent: 'cpo',
    roles: ['gatekeeper', 'economic_buyer'],
    influence: [3, 4],
    age: [30, 48],
    femaleShare: 0.4,
  },
  {
    key: 'buyer',
    title: '采购专员',
    dept: '采购部',
    parent: 'pm',
    roles: ['gatekeeper', 'user'],
    influence: [1, 2],
    age: [24, 36],
    femaleShare: 0.55,
  },
  {
    key: 'cto',
    title: '技术总工',
    dept: '技术中心',
    parent: 'gm',
    roles: ['technical_evaluator'],
    influence: [4, 5],
    age: [38, 58],
    femaleShare: 0.1,
  },
  {
    key: 'ee',
    title: '电气工程师',
    dept: '技术中心',
    parent: 'cto',
    roles: ['user', 'coach', 'technical_evaluator'],
    influence: [2, 3],
    age: [25, 40],
    femaleShare: 0.15,
  },
  {
    key: 'plant',
    title: '生产厂长',
    dept: '生产部',
    parent: 'vp',
    roles: ['user', 'influencer'],
    influence: [3, 4],
    age: [35, 55],
    femaleShare: 0.1,
  },
  {
    key: 'maint',
    title: '设备部经理',
    dept: '设备部',
    parent: 'plant',
    roles: ['technical_evaluator', 'user'],
    influence: [3, 4],
    age: [32, 52],
    femaleShare: 0.1,
  },
  {
    key: 'me',
    title: '设备工程师',
    dept: '设备部',
    parent: 'maint',
    roles: ['user', 'coach'],
    influence: [1, 3],
    age: [24, 40],
    femaleShare: 0.1,
  },
  {
    key: 'it',
    title: '信息化经理',
    dept: '信息中心',
    parent: 'gm',
    roles: ['influencer', 'technical_evaluator'],
    influence: [2, 4],
    age: [30, 48],
    femaleShare: 0.3,
  },
  {
    key: 'qa',
    title: '质量经理',
    dept: '质量部',
    parent: 'plant',
    roles: ['influencer', 'user'],
    influence: [2, 3],
    age: [30, 50],
    femaleShare: 0.35,
  },
  {
    key: 'assist',
    title: '总经理助理',
    dept: '总经办',
    parent: 'gm',
    roles: ['gatekeeper', 'coach'],
    influence: [2, 3],
    age: [26, 40],
    femaleShare: 0.7,
  },
];
const postByKey = new Map(POSTS.map((p) => [p.key, p]));
const KEY_CORE = ['gm', 'cpo', 'cto', 'maint'];
const KEY_OPTIONAL = ['vp', 'cfo', 'pm', 'buyer', 'ee', 'plant', 'me', 'it', 'qa', 'assist'];

export type Contact = {
  id: string;
  name: string;
  post: Post;
  decisionRole: DecisionRole;
  influence: number;
  attitude: Attitude;
  /** Minutes since epoch (China time) of the last interaction with this person. */
  lastContact: number | null;
  cells: (string | null)[];
  phones: Phone[];
  phoneKinds: string[];
};

const NATIVE_PLACES =
  '浙江温州 江苏盐城 安徽安庆 河南信阳 湖北黄冈 山东临沂 湖南邵阳 江西赣州 四川南充 福建莆田 广东潮州 河北邯郸 黑龙江齐齐哈尔 辽宁鞍山 陕西渭南 山西运城 重庆万州 江苏南通 浙江绍兴 安徽阜阳 河南周口 山东潍坊 湖北荆州'.split(
    ' ',
  );
const UNIVERSITIES =
  '浙江大学 上海交通大学 华中科技大学 哈尔滨工业大学 东南大学 西安交通大学 同济大学 华南理工大学 江南大学 合肥工业大学 南京理工大学 大连理工大学 四川大学 重庆大学 天津大学 北京科技大学 常州大学 苏州大学 武汉理工大学 湖南大学 山东大学 江苏大学 燕山大学 河海大学'.split(
    ' ',
  );
const COLLEGES =
  '无锡职业技术学院 深圳职业技术学院 常州机电职业技术学院 苏州工业职业技术学院 顺德职业技术学院 金华职业技术学院'.split(
    ' ',
  );
const MAJORS = {
  tech: '机械设计制造及其自动化 电气工程及其自动化 自动化 测控技术与仪器 机械电子工程 材料成型及控制工程 计算机科学与技术'.split(
    ' ',
  ),
  business: '工商管理 会计学 市场营销 国际经济与贸易 物流管理 财务管理'.split(' '),
};
const HOBBIES =
  '钓鱼 羽毛球 高尔夫 茶道 书法 摄影 马拉松 登山 象棋 自驾游 乒乓球 篮球 收藏紫砂壶 红酒 健身 读历史书 京剧 骑行 网球 游泳 太极拳 围棋'.split(
    ' ',
  );
const DISLIKES = '饭局劝酒 迟到 过度推销 冗长的PPT 吸烟 临时改期 夸大宣传 频繁电话打扰 送贵重礼品 下班后谈工作'.split(
  ' ',
);
const FAMILY = [
  '已婚，育有一子，儿子在读高中',
  '已婚，女儿在国外读大学，每年暑假出国探亲',
  '爱人是中学老师，家庭观念重',
  '父母在老家，每年春节必回{native}过年',
  '二孩家庭，周末常陪孩子上兴趣班',
  '爱人在同一园区的外企工作',
  '孩子今年高考，近期下班后较忙',
  '母亲身体不好，常往返老家照顾',
  '刚当上爷爷，朋友圈常晒孙子',
];
const YOUNG_FAMILY = ['未婚，周末喜欢和朋友户外活动', '新婚不久，正在看学区房', '已婚，孩子刚上幼儿园'];
const PREFERRED_TIMES = [
  '工作日上午',
  '工作日下午',
  '午休后 14:00–15:00',
  '下班后 18:00 以后',
  '上午 9:30 前',
  '周末不打扰',
  '提前一天微信预约',
];
const CHANNELS = ['wechat', 'phone', 'visit', 'email', 'meeting'] as const;
const ETHNICITIES = ['汉族', '回族', '满族', '壮族', '蒙古族', '土家族', '朝鲜族'];
const PREVIOUS_TITLES = [
  '技术员',
  '电气工程师',
  '采购员',
  '设备主管',
  '生产主管',
  '销售工程师',
  '项目经理',
  '车间主任',
];

function choosePosts(rng: Rng, account: AccountPlan): Post[] {
  if (account.key) {
    const n = account.strategic ? rng.int(9, 12) : rng.int(6, 10);
    return [...KEY_CORE, ...rng.sample(KEY_OPTIONAL, n - KEY_CORE.length)].map((k) => postByKey.get(k) as Post);
  }
  const n = account.trajectory === 'prospect' ? rng.int(1, 2) : rng.int(1, 3);
  const keys =
    n === 1
      ? [rng.chance(0.6) ? 'pm' : 'gm']
      : n === 2
        ? ['gm', rng.chance(0.6) ? 'pm' : 'maint']
        : ['gm', 'pm', 'maint'];
  return keys.map((k) => postByKey.get(k) as Post);
}

function attitudeFor(rng: Rng, role: DecisionRole): Attitude {
  if (role === 'coach') return rng.chance(0.6) ? 'champion' : 'supporter';
  return rng.weighted(['champion', 'supporter', 'neutral', 'sceptic', 'opponent'] as const, [10, 30, 35, 18, 7]);
}

const STRENGTH: Record<Attitude, [number, number]> = {
  champion: [4, 5],
  supporter: [3, 4],
  neutral: [2, 3],
  sceptic: [1, 3],
  opponent: [1, 2],
};

function emailFor(rng: Rng, account: AccountPlan, surname: string, given: string, taken: Set<string>): string | null {
  if (!rng.chance(account.key ? 0.92 : 0.7)) return null;
  if (!account.key && rng.chance(0.35)) {
    return rng.chance(0.5)
      ? `${rng.int(10_000_000, 2_999_999_999)}@qq.com`
      : `${surname}${given}${rng.int(60, 99)}@163.com`;
  }
  let local = rng.chance(0.7) ? `${surname}${given}` : `${given}.${surname}`;
  for (let k = 2; taken.has(local); k++) local = `${surname}${given}${k}`;
  taken.add(local);
  return `${local}@${account.domain}`;
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

function wechatFor(rng: Rng, surname: string, given: string): string | null {
  if (!rng.chance(0.78)) return null;
  if (rng.chance(0.5)) {
    let id = 'wxid_';
    for (let i = 0; i < 14; i++) id += ALNUM[rng.int(0, ALNUM.length - 1)];
    return id;
  }
  return `${surname}${given}${rng.int(1, 9999)}`;
}

/** 籍贯 … address: for the people who matter at key accounts. */
function dossier(rng: Rng, account: AccountPlan, post: Post, asOf: number, female: boolean): (string | null)[] {
  const age = rng.int(post.age[0], post.age[1]);
  const birthYear = yearOfDay(asOf) - age;
  const native = rng.chance(0.55)
    ? `${account.province.short}${account.city.name === account.province.short ? '' : account.city.name}`
    : rng.pick(NATIVE_PLACES);
  const lunar = rng.chance(0.2);
  const month = rng.int(1, 12);
  const day = rng.int(1, month === 2 ? 28 : lunar ? 29 : 30);
  const birthday = `${birthYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const decade = Math.floor(age / 10) * 10;
  const technical = post.dept === '技术中心' || post.dept === '设备部' || post.dept === '生产部';
  const degree =
    post.influence[0] >= 4
      ? rng.pick(['本科', '硕士', 'MBA', 'EMBA', '本科'])
      : rng.pick(['大专', '本科', '本科', '硕士']);
  const school = degree === '大专' ? rng.pick(COLLEGES) : rng.pick(UNIVERSITIES);
  const major = rng.pick(technical ? MAJORS.tech : MAJORS.business);
  const graduated = birthYear + (degree === '大专' ? 21 : degree === '硕士' ? 25 : 22);
  const joined = Math.min(yearOfDay(asOf) - 1, graduated + rng.int(2, 12));
  const previous = brand(rng);
  const career = `${graduated}年毕业后进入${previous.han}${rng.pick(['机电', '电子', '机械', '汽车部件'])}有限公司任${rng.pick(PREVIOUS_TITLES)}；${joined}年加入${account.shortName}，现任${post.title}`;
  const family = age < 32 ? rng.pick(YOUNG_FAMILY) : rng.pick(FAMILY).replace('{native}', native);
  const ethnicity =
    account.province.short === '广西' && rng.chance(0.3) ? '壮族' : rng.chance(0.92) ? '汉族' : rng.pick(ETHNICITIES);
  return [
    native,
    rng.chance(0.7) ? native : `${account.province.short}${account.city.name}`,
    birthday,
    lunar ? 'lunar' : 'solar',
    `${decade}-${decade + 9}`,
    `${degree} · ${school} ${degree === 'MBA' || degree === 'EMBA' ? '工商管理' : major}`,
    career,
    female && age >= 32 && rng.chance(0.3) ? '已婚，孩子在读初中，关注教育话题' : family,
    rng.sample(HOBBIES, rng.int(1, 3)).join('、'),
    rng.sample(DISLIKES, rng.int(1, 2)).join('、'),
    ethnicity,
    `${account.city.name}市${rng.pick(ESTATES)}${rng.int(1, 30)}幢${rng.int(1, 28)}0${rng.int(1, 4)}室`,
  ];
}

export type ContactsContext = { asOf: number; phones: PhoneBook; createdBy: string | null };

/** Builds an account's contacts; cells lack last_contact_at, which the interactions fill in. */
export function buildContacts(rng: Rng, account: AccountPlan, ctx: ContactsContext): Contact[] {
  const posts = choosePosts(rng, account);
  const chosen = new Map<string, string>();
  const contacts: Contact[] = [];
  const emails = new Set<string>();
  const headTitle = account.depth === 2 ? '厂长' : account.depth === 0 && account.group !== null ? '总裁' : '总经理';
  for (const post of posts) {
    const id = rng.uuid();
    chosen.set(post.key, id);
    let boss = post.parent;
    while (boss !== null && !chosen.has(boss)) boss = postByKey.get(boss)?.parent ?? null;
    const person = personName(rng, post.femaleShare);
    const decisionRole = rng.pick(post.roles);
    const attitude = attitudeFor(rng, decisionRole);
    const influence = rng.int(post.influence[0], post.influence[1]);
    const strength = Math.min(
      5,
      Math.max(1, rng.int(...STRENGTH[attitude]) + (account.key && rng.chance(0.2) ? 1 : 0)),
    );
    const relationshipOwner = pickRelationshipOwner(rng, account, post);
    const withDossier = account.key && influence >= 3;
    const consent = withDossier
      ? rng.chance(0.88)
        ? 'consent'
        : 'contract'
      : rng.weighted(['consent', 'contract', 'none'], [80, 10, 10]);
    const createdDay = Math.min(ctx.asOf, account.firstContact + rng.int(0, 200));
    const consentDay = Math.min(ctx.asOf, createdDay + rng.int(0, 60));
    const phones: Phone[] = [];
    const kinds: string[] = [];
    if (rng.chance(0.96)) {
      phones.push(ctx.phones.mobile(rng));
      kinds.push('mobile');
    }
    if (phones.length === 0 || rng.chance(0.3)) {
      phones.push(ctx.phones.landline(rng, account.city.areaCode));
      kinds.push('office');
    }
    const personal = withDossier
      ? dossier(rng, account, post, ctx.asOf, person.female)
      : new Array<string | null>(12).fill(null);
    if (!withDossier && account.key && rng.chance(0.3)) personal[8] = rng.pick(HOBBIES);
    const created = `${isoOfDay(createdDay)} 10:00:00+08`;
    contacts.push({
      id,
      name: person.name,
      post,
      decisionRole,
      influence,
      attitude,
      lastContact: null,
      phones,
      phoneKinds: kinds,
      cells: [
        id,
        account.id,
        person.name,
        post.key === 'gm' ? headTitle : post.title,
        post.dept,
        boss === null ? null : (chosen.get(boss) as string),
        decisionRole,
        attitude,
        String(influence),
        String(strength),
        relationshipOwner,
        emailFor(rng, account, person.surnamePinyin, person.givenPinyin, emails),
        wechatFor(rng, person.surnamePinyin, person.givenPinyin),
        rng.weighted(CHANNELS, [45, 30, 12, 8, 5]),
        rng.pick(PREFERRED_TIMES),
        null,
        ...personal,
        consent,
        consent === 'none' ? null : `${isoOfDay(consentDay)} 10:00:00+08`,
        created,
        ctx.createdBy,
        created,
      ],
    });
  }
  return contacts;
}

function pickRelationshipOwner(rng: Rng, account: AccountPlan, post: Post): string | null {
  if (!account.owner) return null;
  const technical = account.team.find((t) => t.role === 'technical');
  const service = account.team.find((t) => t.role === 'service');
  if (technical && (post.key === 'cto' || post.key === 'ee') && rng.chance(0.6)) return technical.member.id;
  if (service && (post.key === 'maint' || post.key === 'me') && rng.chance(0.5)) return service.member.id;
  const sponsor = account.team.find((t) => t.role === 'executive_sponsor');
  if (sponsor && post.key === 'gm' && rng.chance(0.5)) return sponsor.member.id;
  return (account.owner as Staff).id;
}

/** Index of last_contact_at in a contact's cells. */
export const LAST_CONTACT_CELL = 15;

export const CONTACT_COLUMNS = {
  table: 'contacts',
  columns: [
    ['id', 'uuid'],
    ['account_id', 'uuid'],
    ['name', 'text'],
    ['title', 'text'],
    ['department', 'text'],
    ['reports_to_id', 'uuid'],
    ['decision_role', 'text'],
    ['attitude', 'text'],
    ['influence', 'smallint'],
    ['relationship_strength', 'smallint'],
    ['relationship_owner_id', 'uuid'],
    ['email', 'text'],
    ['wechat_id', 'text'],
    ['preferred_channel', 'text'],
    ['preferred_time', 'text'],
    ['last_contact_at', 'timestamptz'],
    ['native_place', 'text'],
    ['birthplace', 'text'],
    ['birthday', 'date'],
    ['birthday_calendar', 'text'],
    ['age_band', 'text'],
    ['education', 'text'],
    ['career_history', 'text'],
    ['family_notes', 'text'],
    ['hobbies', 'text'],
    ['dislikes', 'text'],
    ['ethnicity', 'text'],
    ['home_address', 'text'],
    ['consent_basis', 'text'],
    ['consent_at', 'timestamptz'],
    ['created_at', 'timestamptz'],
    ['created_by', 'uuid'],
    ['updated_at', 'timestamptz'],
    ['name_sort', 'text'],
  ],
} as const;

export const CONTACT_PHONE_COLUMNS = {
  table: 'contact_phones',
  columns: [
    ['id', 'uuid'],
    ['contact_id', 'uuid'],
    ['account_id', 'uuid'],
    ['kind', 'text'],
    ['e164', 'text'],
    ['display', 'text'],
  ],
} as const;
