import type { DiscountGuidance, PricingRules } from '@kamap/contracts';
import { sql } from 'drizzle-orm';
import { type Db, isoDateOrNull, one, rows } from '../../platform/db/index.js';
import { latestRunId } from '../analytics/index.js';
import { costToServe } from '../performance/index.js';

type Sensitivity = 'low' | 'medium' | 'high';
const order: Record<Sensitivity, number> = { low: 0, medium: 1, high: 2 };

export type GuidanceInput = {
  accountId: string;
  quantity: number;
  basePrice: number;
  requestedPrice: number;
  unitCost: number;
  discountPct: number;
  today: string;
};

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The computed side of price sensitivity, 0–100: how often the account bought on discount (35),
 * how deep (30, full at 12 %), whether discounts made it buy more (15, full at +50 %), and how much
 * of its volume competitors hold (20). Bands: high ≥ 60, medium ≥ 30.
 */
export function sensitivityScore(x: {
  discountedShare: number | null;
  meanDiscount: number | null;
  response: number | null;
  competitorShare: number | null;
}): { score: number; band: Sensitivity } {
  const score =
    35 * clamp01((x.discountedShare ?? 0) / 0.6) +
    30 * clamp01((x.meanDiscount ?? 0) / 0.12) +
    15 * clamp01((x.response ?? 0) / 0.5) +
    20 * clamp01(x.competitorShare ?? 0);
  const rounded = Math.round(score * 10) / 10;
  return { score: rounded, band: rounded >= 60 ? 'high' : rounded >= 30 ? 'medium' : 'low' };
}

type Reason = { code: string; values: Record<string, string | number> };

/**
 * What to do with the request, from the figures: discounts are for key accounts at risk that are
 * price-sensitive (seed 003: 为处于流失风险的主要用户提供适当的折扣), kept within what similar accounts
 * got; otherwise a value-added service instead of price, and never a price below cost.
 */
export function recommend(
  g: Omit<DiscountGuidance, 'recommendation'>,
  discountPct: number,
): DiscountGuidance['recommendation'] {
  const reasons: Reason[] = [];
  const sensitivity: Sensitivity =
    g.priceSensitivity.manual && order[g.priceSensitivity.manual] > order[g.priceSensitivity.computed.band]
      ? g.priceSensitivity.manual
      : g.priceSensitivity.computed.band;
  const peerCeiling = g.peers.p75GrantedPct;
  const withinPeers = peerCeiling === null || discountPct <= peerCeiling + 1;
  const thinMargin = g.margin.marginRateAfter !== null && g.margin.marginRateAfter < 0.1;
  if (g.margin.belowCost) {
    reasons.push({ code: 'below_cost', values: { price: g.margin.requestedPrice, cost: g.margin.unitCost } });
    return { action: 'decline', reasons };
  }
  if (g.churn.atRisk) {
    reasons.push({ code: 'at_risk', values: { risk: g.churn.risk ?? 0 } });
    const top = [...g.churn.reasons].sort((a, b) => b.points - a.points)[0];
    if (top) reasons.push({ code: 'churn_reason', values: { reason: top.code, points: Math.round(top.points) } });
  } else reasons.push({ code: 'not_at_risk', values: { risk: g.churn.risk ?? 0 } });
  reasons.push({ code: `sensitivity_${sensitivity}`, values: { score: g.priceSensitivity.computed.score } });
  if (peerCeiling !== null)
    reasons.push({
      code: withinPeers ? 'within_peers' : 'beyond_peers',
      values: { pct: discountPct, p75: peerCeiling, peers: g.peers.grantedRequests },
    });
  if (thinMargin)
    reasons.push({ code: 'thin_margin', values: { rate: round((g.margin.marginRateAfter ?? 0) * 100, 1) } });
  if (g.competitors.share !== null && g.competitors.share >= 0.4)
    reasons.push({ code: 'competitors_strong', values: { share: round(g.competitors.share * 100, 0) } });

  if (g.churn.atRisk && sensitivity !== 'low' && withinPeers && !thinMargin) return { action: 'approve', reasons };
  if (!g.churn.atRisk && !withinPeers) return { action: 'decline', reasons };
  if (!g.churn.atRisk && thinMargin) return { action: 'decline', reasons };
  reasons.push({ code: 'offer_value_added', values: {} });
  return { action: 'counter_offer', reasons };
}

/** Everything the approver should see, computed from the account's own data and its peers'. */
export async function computeGuidance(db: Db, input: GuidanceInput, rules: PricingRules): Promise<DiscountGuidance> {
  const since24 = new Date(Date.parse(input.today) - 730 * 86_400_000).toISOString().slice(0, 10);
  const since12 = new Date(Date.parse(input.today) - 365 * 86_400_000).toISOString().slice(0, 10);
  const [account, history, presences, peers] = await Promise.all([
    one<{
      price_sensitivity: Sensitivity | null;
      industry: string | null;
      size_band: string | null;
      churn_risk: number | null;
      clv: number | null;
      reasons: { code: string; points: number }[] | null;
      as_of: unknown;
    }>(
      db,
      sql`select a.price_sensitivity, a.industry, a.size_band, r.churn_risk, r.clv,
            r.details -> 'churn' -> 'reasons' as reasons, run.as_of
          from accounts a left join analysis_results r on r.run_id = ${latestRunId} and r.account_id = a.id
          left join analysis_runs run on run.id = r.run_id where a.id = ${input.accountId}`,
    ),
    one<{
      orders: number;
      discounted: number;
      discount: number;
      gross: number;
      mean_disc: number | null;
      mean_full: number | null;
    }>(
      db,
      sql`select count(*)::int as orders, count(*) filter (where o.discount > 0)::int as discounted,
            coalesce(sum(o.discount), 0)::bigint as discount, coalesce(sum(o.amount + o.discount), 0)::bigint as gross,
            avg(o.amount) filter (where o.discount > 0)::float8 as mean_disc,
            avg(o.amount) filter (where o.discount = 0)::float8 as mean_full
          from orders o where o.account_id = ${input.accountId} and o.archived_at is null and o.status <> 'cancelled'
            and o.order_date > ${since24}::date and o.order_date <= ${input.today}::date`,
    ),
    rows<{ competitor: string; category: string; our_share: string | null; volume: number | null }>(
      db,
      sql`select c.name as competitor, pc.name as category, cp.our_share, cp.est_annual_volume as volume
          from competitor_presence cp join competitors c on c.id = cp.competitor_id
          join product_categories pc on pc.id = cp.category_id
          where cp.account_id = ${input.accountId} and cp.archived_at is null order by cp.est_annual_volume desc nulls last`,
    ),
    // peers: same industry and size band; only aggregates leave the query, and only over 3 or more accounts
    one<{ accounts: number; mean_discount: number | null; granted: number; median: number | null; p75: number | null }>(
      db,
      sql`with peer as (
            select a.id from accounts a, accounts me
            where me.id = ${input.accountId} and a.id <> me.id and a.archived_at is null
              and a.industry is not distinct from me.industry and a.size_band is not distinct from me.size_band)
          select (select count(*)::int from peer) as accounts,
            (select sum(o.discount)::float8 / nullif(sum(o.amount + o.discount), 0) from orders o
             where o.account_id in (select id from peer) and o.archived_at is null and o.status <> 'cancelled'
               and o.order_date > ${since12}::date) as mean_discount,
            (select count(*)::int from discount_requests d where d.account_id in (select id from peer) and d.status = 'approved') as granted,
            (select percentile_cont(0.5) within group (order by d.discount_pct)::float8 from discount_requests d
             where d.account_id in (select id from peer) and d.status = 'approved') as median,
            (select percentile_cont(0.75) within group (order by d.discount_pct)::float8 from discount_requests d
             where d.account_id in (select id from peer) and d.status = 'approved') as p75`,
    ),
  ]);
  const orders = history?.orders ?? 0;
  const gross = Number(history?.gross ?? 0);
  const volume = presences.reduce((s, p) => s + Number(p.volume ?? 0), 0);
  const competitorShare =
    volume > 0
      ? presences.reduce((s, p) => s + Number(p.volume ?? 0) * (1 - Number(p.our_share ?? 0)), 0) / volume
      : null;
  const parts = {
    discountedShare: orders > 0 ? (history?.discounted ?? 0) / orders : null,
    meanDiscount: gross > 0 ? Number(history?.discount ?? 0) / gross : null,
    response:
      history?.mean_disc && history?.mean_full ? Number(history.mean_disc) / Number(history.mean_full) - 1 : null,
    competitorShare,
  };
  const { score, band } = sensitivityScore(parts);
  const [served] = await costToServe(db, [input.accountId], {
    from: new Date(Date.parse(since12) + 86_400_000).toISOString().slice(0, 10),
    to: input.today,
  });
  const risk = account?.churn_risk ?? null;
  const unitMarginAfter = input.requestedPrice - input.unitCost;
  const enoughPeers = (peers?.accounts ?? 0) >= 3;
  const enoughGrants = (peers?.granted ?? 0) >= 3;
  const base: Omit<DiscountGuidance, 'recommendation'> = {
    priceSensitivity: {
      manual: account?.price_sensitivity ?? null,
      computed: {
        score,
        band,
        orders,
        discountedShare: parts.discountedShare === null ? null : round(parts.discountedShare),
        meanDiscount: parts.meanDiscount === null ? null : round(parts.meanDiscount, 4),
        response: parts.response === null ? null : round(parts.response),
        competitorShare: competitorShare === null ? null : round(competitorShare),
      },
    },
    churn: {
      risk,
      atRisk: risk !== null && risk >= rules.atRiskChurn,
      reasons: (account?.reasons ?? []).map((r) => ({ code: r.code, points: Math.round(r.points * 10) / 10 })),
      asOf: isoDateOrNull(account?.as_of),
    },
    margin: {
      unitCost: input.unitCost,
      basePrice: input.basePrice,
      requestedPrice: input.requestedPrice,
      unitMarginBefore: input.basePrice - input.unitCost,
      unitMarginAfter,
      marginRateAfter: input.requestedPrice > 0 ? round(unitMarginAfter / input.requestedPrice) : null,
      totalMarginAfter: Math.round(unitMarginAfter * input.quantity),
      belowCost: input.requestedPrice < input.unitCost,
    },
    clv: account?.clv === null || account?.clv === undefined ? null : Number(account.clv),
    contributionAfterCostToServe: Math.round(served?.contribution ?? 0),
    competitors: {
      share: competitorShare === null ? null : round(competitorShare),
      presences: presences.map((p) => ({
        competitor: p.competitor,
        category: p.category,
        ourShare: p.our_share === null ? null : Number(p.our_share),
        volume: p.volume === null ? null : Number(p.volume),
      })),
    },
    peers: {
      industry: account?.industry ?? null,
      sizeBand: account?.size_band ?? null,
      accounts: peers?.accounts ?? 0,
      meanOrderDiscount: enoughPeers && peers?.mean_discount !== null ? round(Number(peers?.mean_discount), 4) : null,
      grantedRequests: enoughGrants ? (peers?.granted ?? 0) : 0,
      medianGrantedPct: enoughGrants && peers?.median !== null ? round(Number(peers?.median), 2) : null,
      p75GrantedPct: enoughGrants && peers?.p75 !== null ? round(Number(peers?.p75), 2) : null,
    },
  };
  return { ...base, recommendation: recommend(base, input.discountPct) };
}
