import { AGENTS } from './catalog.js';
import {
  INDUSTRIAL_ZONES,
  PROVINCES,
  type Province,
  provinceByShort,
  STREET_KINDS,
  STREET_WORDS,
} from './geography.js';
import { creditCode, type PhoneBook } from './identity.js';
import { type Brand, brand, type Industry, pickIndustry, pickLegalForm } from './names.js';
import { type OrgPlan, planOrg, unitOfProvince } from './org.js';
import { type AccountPlan, HISTORY_DAYS, type Lifecycle, type Trajectory } from './plan.js';
import { allocateLines, assignAgents, assignOwners, commercialTerms, markKeyAccounts } from './portfolio.js';
import { createRng, type Rng, weightedPicker } from './random.js';

/**
 * The customer base, planned in memory before anything is written: group trees, geography,
 * size, what each account is worth to us (Pareto-shaped), its trajectory over the three years of
 * history, who owns it, and how many order lines it gets.
 */

const MEDIAN_SPEND = 18_000_000; // ¥180,000 a year
const SPEND_SIGMA = 1.75; // lognormal spread that puts about 80 % of revenue in the top fifth

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
  // with fewer lines than customers some never get an order: they are prospects, not active customers
  for (const a of accounts) {
    if (a.lines === 0 && a.from <= a.to) {
      a.trajectory = 'prospect';
      a.lifecycle = 'prospect';
    }
  }

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
