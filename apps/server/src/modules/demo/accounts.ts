import { AGENTS } from './catalog.js';
import {
  type City,
  INDUSTRIAL_ZONES,
  PROVINCES,
  type Province,
  provinceByShort,
  STREET_KINDS,
  STREET_WORDS,
} from './geography.js';
import { creditCode, type Phone, type PhoneBook } from './identity.js';
import { type Brand, brand, type Industry, pickIndustry, pickLegalForm } from './names.js';
import { type OrgPlan, planOrg, type Staff, unitOfProvince } from './org.js';
import { createRng, type Rng, weightedPicker } from './random.js';

/**
 * The customer base, planned in memory before anything is written: group trees, geography,
 * size, what each account is worth to us (Pareto-shaped), its trajectory over the three years of
 * history, who owns it, and how many order lines it gets.
 */

export type Trajectory = 'growing' | 'steady' | 'declining' | 'new' | 'dormant' | 'lost' | 'prospect';
export type Lifecycle = 'prospect' | 'active' | 'dormant' | 'lost';
export type Payer = 'prompt' | 'mixed' | 'late' | 'bad';
export type TeamRole = 'owner' | 'sales' | 'service' | 'technical' | 'executive_sponsor';

export type AccountPlan = {
  index: number;
  id: string;
  code: string;
  name: string;
  shortName: string;
  brand: Brand;
  domain: string;
  creditCode: string | null;
  parent: number | null;
  depth: number;
  group: number | null;
  industry: Industry;
  province: Province;
  city: City;
  unit: string;
  address: string;
  phone: Phone;
  website: string | null;
  /** Our expected revenue per year at full activity, fen. */
  spend: number;
  wallet: number;
  revenueEstimate: number;
  employees: number;
  sizeBand: 'micro' | 'small' | 'medium' | 'large' | 'xlarge';
  trajectory: Trajectory;
  lifecycle: Lifecycle;
  /** Days (since epoch) between which the account orders; from > to when it never does. */
  from: number;
  to: number;
  firstContact: number;
  key: boolean;
  strategic: boolean;
  categories: { code: string; weight: number }[];
  paymentTerms: number;
  payer: Payer;
  discount: number;
  priceSensitivity: 'low' | 'medium' | 'high';
  marketInfluence: number;
  strategicFit: number;
  creditLimit: number | null;
  tags: string[];
  owner: Staff | null;
  team: { member: Staff; role: TeamRole }[];
  agent: { id: string; since: number } | null;
  lines: number;
};

const MEDIAN_SPEND = 18_000_000; // ¥180,000 a year
const SPEND_SIGMA = 1.75; // lognormal spread that puts about 80 % of revenue in the top fifth
export const HISTORY_DAYS = 3 * 365;

const TRAJECTORIES: readonly Trajectory[] = ['growing', 'steady', 'declining', 'new', 'dormant', 'lost', 'prospect'];
const pickProvince = weightedPicker(
  PROVINCES,
  PROVINCES.map((p) => p.weight),
);

type Slot = { parent: number | null; depth: number; group: number | null; ordinal: number };

/** Groups (集团 → 子公司 → 工厂) first, so a parent always precedes its children, then standalone accounts. */
function skeleton(rng: Rng, n: number): Slot[] {
  const slots: Slot[] = [];
  if (n >= 40) {
    const groups = Math.max(2, Math.round(n * 0.012));
    for (let g = 0; g < groups && (g < 2 || slots.length < n * 0.12); g++) {
      const root = slots.length;
      slots.push({ parent: null, depth: 0, group: g, ordinal: 0 });
      const subsidiaries = g < 2 ? 3 : rng.int(2, 5);
      for (let s = 0; s < subsidiaries; s++) {
        const sub = slots.length;
        slots.push({ parent: root, depth: 1, group: g, ordinal: s });
        const factories = g < 2 && s === 0 ? 2 : rng.chance(0.45) ? rng.int(1, 3) : 0;
        for (let f = 0; f < factories; f++) slots.push({ parent: sub, depth: 2, group: g, ordinal: f });
      }
    }
  }
  while (slots.length < n) slots.push({ parent: null, depth: 0, group: null, ordinal: 0 });
  return slots.slice(0, n);
}

const ORDINALS = ['一', '二', '三', '四'];

function manufacturing(rng: Rng): Industry {
  for (;;) {
    const industry = pickIndustry(rng);
    if (industry.letter === 'C') return industry;
  }
}

function sizeBandOf(employees: number): AccountPlan['sizeBand'] {
  if (employees < 20) return 'micro';
  if (employees < 300) return 'small';
  if (employees < 1000) return 'medium';
  if (employees < 5000) return 'large';
  return 'xlarge';
}

function trajectoryWeights(z: number, group: number | null): number[] {
  // growing, steady, declining, new, dormant, lost, prospect
  if (group !== null && group < 2) return [30, 55, 15, 0, 0, 0, 0];
  const big = z > 1.2;
  return [22, 35, 15, 6, 6, big ? 3 : 8, big ? 3 : 8];
}

function windowOf(rng: Rng, trajectory: Trajectory, asOf: number): [number, number] {
  const start = asOf - HISTORY_DAYS + 1;
  const lateStart = () => (rng.chance(0.7) ? start : start + rng.int(0, 420));
  switch (trajectory) {
    case 'growing':
    case 'steady':
    case 'declining':
      return [lateStart(), asOf];
    case 'new':
      return [asOf - rng.int(60, 330), asOf];
    case 'dormant':
      return [start + rng.int(0, 200), asOf - rng.int(190, 340)];
    case 'lost': {
      const to = asOf - rng.int(380, 820);
      return [Math.min(start + rng.int(0, 150), to - 120), to];
    }
    case 'prospect':
      return [asOf + 1, asOf];
  }
}

const lifecycleOf = (t: Trajectory): Lifecycle => (t === 'dormant' || t === 'lost' || t === 'prospect' ? t : 'active');

function buyingMix(rng: Rng, industry: Industry, key: boolean): AccountPlan['categories'] {
  const scored = Object.entries(industry.profile)
    .map(([code, w]) => ({ code, weight: w * Math.exp(0.8 * rng.normal()) }))
    .sort((a, b) => b.weight - a.weight);
  const keep = key ? rng.int(3, 6) : rng.int(1, 4);
  return scored.slice(0, keep);
}

export type CustomerBase = { accounts: AccountPlan[]; org: OrgPlan; agentIds: string[] };

export function planAccounts(
  seed: number,
  n: number,
  totalLines: number,
  asOf: number,
  phones: PhoneBook,
): CustomerBase {
  const rng = createRng(seed, 'accounts');
  const slots = skeleton(rng, n);
  const names = new Set<string>();
  const domains = new Set<string>();
  const groupBrand = new Map<number, Brand>();
  const accounts: AccountPlan[] = [];

  const uniqueDomain = (base: string) => {
    let domain = `${base}.com`;
    for (let k = 2; domains.has(domain); k++) domain = `${base}${k}.com`;
    domains.add(domain);
    return domain;
  };

  slots.forEach((slot, index) => {
    const parent = slot.parent === null ? undefined : accounts[slot.parent];
    let province: Province;
    if (slot.depth === 0)
      province =
        slot.group === 0 ? provinceByShort('上海') : slot.group === 1 ? provinceByShort('广东') : pickProvince(rng);
    else if (parent && ((slot.group ?? 9) < 2 || rng.chance(slot.depth === 1 ? 0.6 : 0.7))) province = parent.province;
    else province = pickProvince(rng);
    const city = parent && parent.province === province && rng.chance(0.5) ? parent.city : rng.pick(province.cities);
    let industry =
      slot.depth === 0
        ? slot.group !== null
          ? manufacturing(rng)
          : pickIndustry(rng)
        : (parent as AccountPlan).industry;
    if (slot.depth === 1 && rng.chance(0.3)) industry = manufacturing(rng);

    let name = '';
    let shortName = '';
    let accountBrand: Brand = brand(rng);
    for (let attempt = 0; attempt < 50 && (name === '' || names.has(name)); attempt++) {
      if (attempt > 0 && slot.depth === 0) accountBrand = brand(rng);
      if (slot.group !== null) {
        if (slot.depth === 0) groupBrand.set(slot.group, accountBrand);
        accountBrand = groupBrand.get(slot.group) ?? accountBrand;
      }
      const b = accountBrand.han;
      if (slot.depth === 0 && slot.group !== null) {
        name = rng.chance(0.6) ? `${b}集团有限公司` : `${province.short}${b}控股集团股份有限公司`;
        shortName = `${b}集团`;
      } else if (slot.depth === 1) {
        if (attempt > 0) industry = manufacturing(rng);
        name = `${b}${industry.word}（${city.name}）有限公司`;
        shortName = `${b}${industry.word.slice(0, 2)}${city.name}`;
      } else if (slot.depth === 2 && parent) {
        name =
          city.name === parent.city.name
            ? `${parent.name}${ORDINALS[slot.ordinal + attempt] ?? slot.ordinal + attempt + 1}厂`
            : `${parent.name}${city.name}分公司`;
        shortName = `${parent.shortName}${city.name === parent.city.name ? `${ORDINALS[slot.ordinal] ?? ''}厂` : city.name}`;
      } else {
        const style = rng.float();
        const legal = pickLegalForm(rng);
        if (style < 0.75) name = `${city.name}${b}${industry.word}${legal}`;
        else if (style < 0.87) name = `${province.short}${b}${industry.word}${legal}`;
        else name = `${b}${industry.word}（${city.name}）有限公司`;
        shortName = `${b}${industry.word.length > 2 ? industry.word.slice(0, 2) : industry.word}`;
      }
    }
    names.add(name);

    const z = rng.normal();
    const lift =
      slot.group === null ? 0 : slot.depth === 0 ? (slot.group < 2 ? 2.2 : 1.2) : slot.depth === 1 ? 0.7 : 0.2;
    const trajectory = rng.weighted(TRAJECTORIES, trajectoryWeights(z + lift / SPEND_SIGMA, slot.group));
    const lifecycle = lifecycleOf(trajectory);
    const [from, to] = windowOf(rng, trajectory, asOf);
    const spend = trajectory === 'prospect' ? 0 : Math.round(MEDIAN_SPEND * Math.exp(SPEND_SIGMA * z + lift));
    const share = 0.08 + rng.float() * 0.55;
    const wallet =
      trajectory === 'prospect'
        ? Math.round(MEDIAN_SPEND * 2 * Math.exp(SPEND_SIGMA * rng.normal()))
        : Math.round(spend / share);
    // automation spend is 0.2–1.4 % of a manufacturer's revenue; ¥0.5–1.2 million revenue per employee
    const revenueEstimate = Math.round(wallet / (0.002 + rng.float() * 0.012) / 1_000_000) * 1_000_000;
    const employees = Math.max(8, Math.round(revenueEstimate / 100 / (500_000 + rng.float() * 700_000)));
    const sizeBand = sizeBandOf(employees);
    const domainBase = slot.group !== null ? `${accountBrand.pinyin}group` : `${accountBrand.pinyin}-${industry.tag}`;
    const domain =
      parent && slot.group !== null
        ? (accounts[groupRoot(accounts, parent)] as AccountPlan).domain
        : uniqueDomain(domainBase);
    const modernCode = rng.chance(0.55);
    const hasCode = rng.chance(trajectory === 'prospect' ? 0.7 : 0.93);
    accounts.push({
      index,
      id: rng.uuid(),
      code: `C${String(index + 1).padStart(6, '0')}`,
      name,
      shortName,
      brand: accountBrand,
      domain,
      creditCode: hasCode ? creditCode(index, city, modernCode) : null,
      parent: slot.parent,
      depth: slot.depth,
      group: slot.group,
      industry,
      province,
      city,
      unit: unitOfProvince(province),
      address: `${province.name === `${city.name}市` ? '' : province.name}${city.name}市${rng.pick(INDUSTRIAL_ZONES)}${rng.pick(STREET_WORDS)}${rng.pick(STREET_KINDS)}${rng.int(1, 999)}号`,
      phone: phones.landline(rng, city.areaCode),
      website: sizeBand === 'micro' || rng.chance(0.2) ? null : `www.${domain}`,
      spend,
      wallet,
      revenueEstimate,
      employees,
      sizeBand,
      trajectory,
      lifecycle,
      from,
      to,
      firstContact: trajectory === 'prospect' ? asOf - rng.int(10, 700) : from - rng.int(20, 400),
      key: false,
      strategic: false,
      categories: [],
      paymentTerms: 60,
      payer: 'prompt',
      discount: 0,
      priceSensitivity: 'medium',
      marketInfluence: 3,
      strategicFit: 3,
      creditLimit: null,
      tags: [],
      owner: null,
      team: [],
      agent: null,
      lines: 0,
    });
  });

  markKeyAccounts(accounts);
  for (const account of accounts) commercialTerms(rng, account);
  allocateLines(accounts, totalLines);

  const perUnit = new Map<string, number>();
  for (const a of accounts) perUnit.set(a.unit, (perUnit.get(a.unit) ?? 0) + 1);
  const org = planOrg(seed, perUnit);
  assignOwners(rng, accounts, org);
  const agentIds = AGENTS.map(() => rng.uuid());
  assignAgents(rng, accounts, agentIds, asOf);
  return { accounts, org, agentIds };
}

function groupRoot(accounts: AccountPlan[], account: AccountPlan): number {
  let current = account;
  while (current.parent !== null) current = accounts[current.parent] as AccountPlan;
  return current.index;
}

/** Key accounts: the top 20 % of customers by what they are worth to us; the top 5 % are strategic. */
function markKeyAccounts(accounts: AccountPlan[]): void {
  const customers = accounts
    .filter((a) => a.trajectory !== 'prospect')
    .sort((a, b) => b.spend - a.spend || a.index - b.index);
  customers.forEach((a, rank) => {
    a.key = rank < customers.length * 0.2;
    a.strategic = rank < customers.length * 0.05;
  });
}

function commercialTerms(rng: Rng, a: AccountPlan): void {
  a.categories = buyingMix(rng, a.industry, a.key);
  const stateOwned = a.industry.letter === 'D' || a.industry.letter === 'B' || (a.group !== null && rng.chance(0.2));
  a.priceSensitivity = rng.weighted(['low', 'medium', 'high'] as const, a.key ? [35, 50, 15] : [15, 45, 40]);
  const base = a.priceSensitivity === 'low' ? 0.02 : a.priceSensitivity === 'medium' ? 0.05 : 0.1;
  a.discount = base + rng.float() * (a.priceSensitivity === 'high' ? 0.1 : 0.06) + (a.key ? 0.03 : 0);
  a.paymentTerms = stateOwned
    ? rng.pick([90, 90, 120])
    : a.sizeBand === 'micro' && rng.chance(0.3)
      ? 0
      : rng.weighted([30, 60, 90, 120], a.key ? [15, 45, 30, 10] : [45, 40, 13, 2]);
  a.payer = rng.weighted(
    ['prompt', 'mixed', 'late', 'bad'] as const,
    a.trajectory === 'lost' ? [30, 20, 25, 25] : [50, 20, 22, 8],
  );
  const level = Math.min(
    4,
    Math.max(0, Math.round(Math.log10(Math.max(a.revenueEstimate, 1e9) / 1e9) * 1.4 + rng.normal() * 0.7)),
  );
  a.marketInfluence = 1 + level;
  a.strategicFit = Math.min(5, Math.max(1, Math.round((a.key ? 3.6 : 2.6) + rng.normal() * 0.9)));
  a.creditLimit =
    a.trajectory === 'prospect'
      ? null
      : Math.max(5_000_000, Math.round((a.spend * (a.paymentTerms / 365 + 0.15)) / 1_000_000) * 1_000_000);
  const tags = new Set<string>(a.industry.tags ?? []);
  if (stateOwned) tags.add('国企');
  if (a.group === null && a.name.includes('（') && rng.chance(0.5)) tags.add('外资');
  if ((a.sizeBand === 'xlarge' || a.sizeBand === 'large') && a.name.includes('股份') && rng.chance(0.6))
    tags.add('上市公司');
  if (a.industry.letter === 'C' && (a.sizeBand === 'small' || a.sizeBand === 'medium') && rng.chance(0.15))
    tags.add('专精特新');
  if (a.industry.letter === 'C' && rng.chance(0.2)) tags.add('出口型');
  if (a.key && rng.chance(0.4)) tags.add('年度框架协议');
  if (a.group !== null) tags.add('集采');
  if (a.priceSensitivity === 'high' && rng.chance(0.5)) tags.add('价格敏感');
  if (a.categories.some((c) => c.code === 'SOFT') && rng.chance(0.4)) tags.add('数字化转型');
  if (a.trajectory !== 'prospect' && a.firstContact < a.from - 200) tags.add('老客户');
  a.tags = [...tags].slice(0, 5);
}

/**
 * Order lines per account: two for every customer, the rest in proportion to spend^0.55, so big
 * accounts buy both more often and in bigger lines; largest remainders make the total exact.
 */
function allocateLines(accounts: AccountPlan[], total: number): void {
  const customers = accounts.filter((a) => a.from <= a.to);
  if (customers.length === 0) return;
  const floor = Math.min(2, Math.floor(total / customers.length));
  const rest = total - floor * customers.length;
  const weights = customers.map((a) => a.spend ** 0.55 * Math.max(0.15, (a.to - a.from + 1) / HISTORY_DAYS));
  const sum = weights.reduce((s, w) => s + w, 0);
  const shares = weights.map((w) => (rest * w) / sum);
  let assigned = 0;
  customers.forEach((a, i) => {
    a.lines = floor + Math.floor(shares[i] as number);
    assigned += a.lines;
  });
  const byRemainder = customers
    .map((a, i) => ({ a, r: (shares[i] as number) % 1 }))
    .sort((x, y) => y.r - x.r || x.a.index - y.a.index);
  for (let i = 0; assigned < total; i++, assigned++)
    (byRemainder[i % byRemainder.length] as { a: AccountPlan }).a.lines++;
}

/**
 * Every customer has a KAM of its own org unit; a group's members in the same unit share the root's
 * KAM; half the prospects are still unassigned leads. Team members come from the same unit and
 * region only, so KAMs of different units never meet on an account.
 */
function assignOwners(rng: Rng, accounts: AccountPlan[], org: OrgPlan): void {
  const load = new Map<string, number>();
  for (const a of accounts) {
    const parent = a.parent === null ? undefined : accounts[a.parent];
    const kams = org.owners.get(a.unit) ?? [];
    if (a.trajectory === 'prospect' && rng.chance(0.5)) continue;
    let owner: Staff | undefined;
    if (a.group === 0 && a.depth === 0) owner = org.login.kam;
    else if (a.group === 1 && a.depth === 0) owner = org.login.kam2;
    else if (parent?.owner && parent.unit === a.unit) owner = parent.owner;
    else if (kams.length > 0) {
      const offset = rng.int(0, kams.length - 1);
      owner = kams[offset];
      for (let i = 0; i < kams.length; i++) {
        const candidate = kams[(offset + i) % kams.length] as Staff;
        if ((load.get(candidate.id) ?? 0) < (load.get((owner as Staff).id) ?? 0)) owner = candidate;
      }
    }
    if (!owner) continue;
    a.owner = owner;
    load.set(owner.id, (load.get(owner.id) ?? 0) + 1);
    a.team.push({ member: owner, role: 'owner' });
    const region = owner.region;
    const sales = org.sales.get(a.unit) ?? [];
    if (sales.length > 0 && (a.key || rng.chance(0.3))) a.team.push({ member: rng.pick(sales), role: 'sales' });
    if (a.key) {
      const service = org.service.get(region) ?? [];
      if (service.length > 0) a.team.push({ member: rng.pick(service), role: 'service' });
      const technical = org.technical.get(region) ?? [];
      if (technical.length > 0 && rng.chance(0.7)) a.team.push({ member: rng.pick(technical), role: 'technical' });
      const director = org.directors.get(region);
      if (director && a.strategic) a.team.push({ member: director, role: 'executive_sponsor' });
    }
  }
}

/** Agents serve smaller accounts in their provinces; some also bring in prospects. */
function assignAgents(rng: Rng, accounts: AccountPlan[], agentIds: string[], asOf: number): void {
  for (const a of accounts) {
    if (a.key || a.group !== null || a.trajectory === 'lost') continue;
    const agentIndex = AGENTS.findIndex((g) => g.provinces.includes(a.province.short));
    if (agentIndex < 0 || !rng.chance(a.trajectory === 'prospect' ? 0.1 : 0.16)) continue;
    const since = a.from <= a.to ? Math.min(a.from + rng.int(-60, 200), asOf - 30) : asOf - rng.int(30, 300);
    a.agent = { id: agentIds[agentIndex] as string, since };
  }
}
