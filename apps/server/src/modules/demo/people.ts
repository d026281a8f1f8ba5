import { isoOfDay } from './calendar.js';
import { dossier, HOBBIES } from './dossier.js';
import type { Phone, PhoneBook } from './identity.js';
import { personName } from './names.js';
import type { Staff } from './org.js';
import type { AccountPlan } from './plan.js';
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

/** key|title|department|reports to|decision roles|influence range|age range|share of women */
const POST_TABLE = `
gm|总经理|总经办|-|decision_maker|5-5|42-60|0.1
vp|副总经理|总经办|gm|decision_maker,influencer|4-5|38-56|0.15
cfo|财务总监|财务部|gm|economic_buyer|4-5|36-55|0.5
cpo|采购总监|采购部|gm|economic_buyer,gatekeeper|4-5|35-52|0.3
pm|采购经理|采购部|cpo|gatekeeper,economic_buyer|3-4|30-48|0.4
buyer|采购专员|采购部|pm|gatekeeper,user|1-2|24-36|0.55
cto|技术总工|技术中心|gm|technical_evaluator|4-5|38-58|0.1
ee|电气工程师|技术中心|cto|user,coach,technical_evaluator|2-3|25-40|0.15
plant|生产厂长|生产部|vp|user,influencer|3-4|35-55|0.1
maint|设备部经理|设备部|plant|technical_evaluator,user|3-4|32-52|0.1
me|设备工程师|设备部|maint|user,coach|1-3|24-40|0.1
it|信息化经理|信息中心|gm|influencer,technical_evaluator|2-4|30-48|0.3
qa|质量经理|质量部|plant|influencer,user|2-3|30-50|0.35
assist|总经理助理|总经办|gm|gatekeeper,coach|2-3|26-40|0.7
`;

const range = (text: string): [number, number] => {
  const [lo = '1', hi = lo] = text.split('-');
  return [Number(lo), Number(hi)];
};

const POSTS: readonly Post[] = POST_TABLE.trim()
  .split('\n')
  .map((line) => {
    const [key = '', title = '', dept = '', parent = '-', roles = '', influence = '1', age = '30', female = '0'] =
      line.split('|');
    return {
      key,
      title,
      dept,
      parent: parent === '-' ? null : parent,
      roles: roles.split(',') as DecisionRole[],
      influence: range(influence),
      age: range(age),
      femaleShare: Number(female),
    };
  });
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
    const createdDay = Math.min(ctx.asOf, account.firstContact + rng.int(0, 30));
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
