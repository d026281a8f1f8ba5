import { AGENTS } from './catalog.js';
import type { Industry } from './names.js';
import type { OrgPlan, Staff } from './org.js';
import { type AccountPlan, HISTORY_DAYS } from './plan.js';
import type { Rng } from './random.js';

/** Who an account is to us: key or not, its commercial terms, its share of the order lines, its people. */

/** Key accounts: the top 20 % of customers by what they are worth to us; the top 5 % are strategic. */
export function markKeyAccounts(accounts: AccountPlan[]): void {
  const customers = accounts
    .filter((a) => a.trajectory !== 'prospect')
    .sort((a, b) => b.spend - a.spend || a.index - b.index);
  customers.forEach((a, rank) => {
    a.key = rank < customers.length * 0.2;
    a.strategic = rank < customers.length * 0.05;
  });
}

export function commercialTerms(rng: Rng, a: AccountPlan): void {
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
export function allocateLines(accounts: AccountPlan[], total: number): void {
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
export function assignOwners(rng: Rng, accounts: AccountPlan[], org: OrgPlan): void {
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
export function assignAgents(rng: Rng, accounts: AccountPlan[], agentIds: string[], asOf: number): void {
  for (const a of accounts) {
    if (a.key || a.group !== null || a.trajectory === 'lost') continue;
    const agentIndex = AGENTS.findIndex((g) => g.provinces.includes(a.province.short));
    if (agentIndex < 0 || !rng.chance(a.trajectory === 'prospect' ? 0.1 : 0.16)) continue;
    const since = a.from <= a.to ? Math.min(a.from + rng.int(-60, 200), asOf - 30) : asOf - rng.int(30, 300);
    a.agent = { id: agentIds[agentIndex] as string, since };
  }
}

export function buyingMix(rng: Rng, industry: Industry, key: boolean): AccountPlan['categories'] {
  const scored = Object.entries(industry.profile)
    .map(([code, w]) => ({ code, weight: w * Math.exp(0.8 * rng.normal()) }))
    .sort((a, b) => b.weight - a.weight);
  const keep = key ? rng.int(3, 6) : rng.int(1, 4);
  return scored.slice(0, keep);
}
