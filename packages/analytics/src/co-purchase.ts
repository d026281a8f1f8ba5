/**
 * Cross-sell from co-purchase among similar accounts (DOMAIN.md, whitespace: "potential, bought by
 * similar accounts, with lift"). Association rules A → B are mined within each peer group (an
 * industry, a size band), never across, because what a hospital buys together says little about a
 * steel mill.
 */

export type Basket = { id: string; peerGroup: string; categories: readonly string[] };
/**
 * Recommend `category` to account `id` because it bought `because`. Within its peer group:
 * support = share of accounts that bought both, confidence = P(category | because),
 * lift = confidence / P(category), peers = the number of accounts that bought both (the evidence).
 */
export type Recommendation = {
  id: string;
  category: string;
  because: string;
  support: number;
  confidence: number;
  lift: number;
  peers: number;
};
export type CrossSellOptions = {
  minSupport?: number;
  minConfidence?: number;
  minLift?: number;
  minPeers?: number;
  perAccount?: number;
};

type Rule = { category: string; because: string; support: number; confidence: number; lift: number; peers: number };

const DEFAULTS: Required<CrossSellOptions> = {
  minSupport: 0.05,
  minConfidence: 0.3,
  minLift: 1.2,
  minPeers: 10,
  perAccount: 5,
};

/**
 * For every account, the categories it has not bought that a rule A → B with A in its basket
 * recommends, all thresholds met. Per (account, category) the best antecedent wins: highest lift,
 * then confidence, then the antecedent's name. Each account keeps its `perAccount` best (lift,
 * confidence, category name). Sorted by account id, then that rank. Names compare by code unit, not
 * locale, so the order is the same on every machine.
 */
export function crossSellRecommendations(baskets: readonly Basket[], opts: CrossSellOptions = {}): Recommendation[] {
  const o = { ...DEFAULTS, ...opts };
  checkOptions(o);
  const groups = new Map<string, { id: string; categories: Set<string> }[]>();
  const seen = new Set<string>();
  for (const b of baskets) {
    if (seen.has(b.id)) throw new RangeError(`account ${b.id} has more than one basket`);
    seen.add(b.id);
    const group = groups.get(b.peerGroup) ?? [];
    group.push({ id: b.id, categories: new Set(b.categories) });
    groups.set(b.peerGroup, group);
  }

  const out: Recommendation[] = [];
  for (const members of groups.values()) {
    const rules = rulesOf(members, o);
    for (const m of members) {
      const best = new Map<string, Rule>();
      for (const a of m.categories) {
        for (const rule of rules.get(a) ?? []) {
          if (m.categories.has(rule.category)) continue;
          const current = best.get(rule.category);
          if (!current || isBetterAntecedent(rule, current)) best.set(rule.category, rule);
        }
      }
      const ranked = [...best.values()].sort(byStrength).slice(0, o.perAccount);
      for (const rule of ranked) out.push({ id: m.id, ...rule });
    }
  }
  return out.sort((u, v) => compareNames(u.id, v.id) || byStrength(u, v));
}

/** Rules A → B of one peer group that meet the thresholds, by antecedent. */
function rulesOf(members: readonly { categories: ReadonlySet<string> }[], o: Required<CrossSellOptions>) {
  const n = members.length;
  const count = new Map<string, number>();
  const both = new Map<string, Map<string, number>>();
  for (const m of members) {
    const cats = [...m.categories];
    for (const a of cats) {
      count.set(a, (count.get(a) ?? 0) + 1);
      const row = both.get(a) ?? new Map<string, number>();
      for (const b of cats) if (b !== a) row.set(b, (row.get(b) ?? 0) + 1);
      both.set(a, row);
    }
  }
  const rules = new Map<string, Rule[]>();
  for (const [a, row] of both) {
    const list: Rule[] = [];
    for (const [b, peers] of row) {
      const support = peers / n;
      const confidence = peers / (count.get(a) as number);
      // as one fraction, so equal rates give equal lifts (0.6 / 0.4 would be 1.4999999999999998)
      const lift = (peers * n) / ((count.get(a) as number) * (count.get(b) as number));
      if (peers >= o.minPeers && support >= o.minSupport && confidence >= o.minConfidence && lift >= o.minLift) {
        list.push({ category: b, because: a, support, confidence, lift, peers });
      }
    }
    if (list.length) rules.set(a, list);
  }
  return rules;
}

function isBetterAntecedent(u: Rule, v: Rule): boolean {
  if (u.lift !== v.lift) return u.lift > v.lift;
  if (u.confidence !== v.confidence) return u.confidence > v.confidence;
  return compareNames(u.because, v.because) < 0;
}

function byStrength(u: Omit<Rule, 'because'>, v: Omit<Rule, 'because'>): number {
  return v.lift - u.lift || v.confidence - u.confidence || compareNames(u.category, v.category);
}

function compareNames(u: string, v: string): number {
  return u < v ? -1 : u > v ? 1 : 0;
}

function checkOptions(o: Required<CrossSellOptions>): void {
  for (const name of ['minSupport', 'minConfidence'] as const) {
    if (!(o[name] >= 0 && o[name] <= 1)) throw new RangeError(`${name} must be within [0, 1], got ${o[name]}`);
  }
  if (!(Number.isFinite(o.minLift) && o.minLift >= 0))
    throw new RangeError(`minLift must be non-negative, got ${o.minLift}`);
  for (const name of ['minPeers', 'perAccount'] as const) {
    if (!(Number.isInteger(o[name]) && o[name] >= 0)) {
      throw new RangeError(`${name} must be a non-negative integer, got ${o[name]}`);
    }
  }
}
