import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.js';
import { arrayLiteral, type Sink } from './bulk.js';
import { isoOfDay } from './calendar.js';
import { AGENTS, CATEGORIES, COMPETITORS, PRODUCTS } from './catalog.js';
import { creditCode } from './identity.js';
import type { ProductRow } from './orders.js';
import type { AccountPlan } from './plan.js';
import { createRng, type Rng } from './random.js';

/** What the company sells, who it competes with, its agents, and what KAMs know about key accounts. */

export type Market = {
  /** Top-level category code → id. */
  categoryIds: Map<string, string>;
  /** Top-level category code → products, cheapest first. */
  products: Map<string, ProductRow[]>;
  competitorIds: string[];
};

export function writeCatalog(
  sink: Sink,
  seed: number,
  asOf: number,
  agentIds: string[],
  accountCount: number,
  createdAt: string,
): Market {
  const rng = createRng(seed, 'catalog');
  const categories = sink.table({
    table: 'product_categories',
    columns: [
      ['id', 'uuid'],
      ['parent_id', 'uuid'],
      ['code', 'text'],
      ['name', 'text'],
      ['name_en', 'text'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
  });
  const categoryIds = new Map<string, string>();
  const subToTop = new Map<string, string>();
  for (const top of CATEGORIES) {
    const id = rng.uuid();
    categoryIds.set(top.code, id);
    categories.add([id, null, top.code, top.name, top.nameEn, createdAt, createdAt]);
    for (const sub of top.children) {
      const subId = rng.uuid();
      categoryIds.set(sub.code, subId);
      subToTop.set(sub.code, top.code);
      categories.add([subId, id, sub.code, sub.name, sub.nameEn, createdAt, createdAt]);
    }
  }

  const productTable = sink.table({
    table: 'products',
    columns: [
      ['id', 'uuid'],
      ['code', 'text'],
      ['name', 'text'],
      ['category_id', 'uuid'],
      ['unit', 'text'],
      ['list_price', 'bigint'],
      ['standard_cost', 'bigint'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
  });
  const products = new Map<string, ProductRow[]>();
  for (const p of PRODUCTS) {
    const id = rng.uuid();
    const list = p.listYuan * 100;
    const cost = Math.round(list * p.costRatio);
    productTable.add([
      id,
      p.code,
      p.name,
      categoryIds.get(p.sub) as string,
      p.unit,
      String(list),
      String(cost),
      createdAt,
      createdAt,
    ]);
    const top = subToTop.get(p.sub) as string;
    const rows = products.get(top) ?? [];
    rows.push({ id, top, unit: p.unit, list, cost });
    products.set(top, rows);
  }
  for (const rows of products.values()) rows.sort((a, b) => a.list - b.list);

  const competitorTable = sink.table({
    table: 'competitors',
    columns: [
      ['id', 'uuid'],
      ['name', 'text'],
      ['country', 'text'],
      ['strengths', 'text'],
      ['weaknesses', 'text'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
  });
  const competitorIds = COMPETITORS.map((c) => {
    const id = rng.uuid();
    competitorTable.add([id, c.name, c.country, c.strengths, c.weaknesses, createdAt, createdAt]);
    return id;
  });

  const agentTable = sink.table({
    table: 'agents',
    columns: [
      ['id', 'uuid'],
      ['code', 'text'],
      ['name', 'text'],
      ['credit_code', 'text'],
      ['regions', 'text[]'],
      ['product_lines', 'text[]'],
      ['agent_tier', 'text'],
      ['contract_start', 'date'],
      ['contract_end', 'date'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
  });
  AGENTS.forEach((agent, i) => {
    const start = asOf - rng.int(400, 2000);
    agentTable.add([
      agentIds[i] as string,
      agent.code,
      agent.name,
      creditCode(accountCount + i, { name: '', areaCode: '', division: agent.division }, true),
      arrayLiteral(agent.provinces),
      arrayLiteral(agent.lines),
      agent.tier,
      isoOfDay(start),
      isoOfDay(i === 0 ? asOf + 400 : asOf + rng.int(-30, 700)),
      createdAt,
      createdAt,
    ]);
  });
  return { categoryIds, products, competitorIds };
}

const PRESENCE_NOTES = [
  '{c}在该客户的存量设备较多，替换需要技术验证',
  '{c}去年以低价中标一条新产线',
  '客户对{c}的售后响应不满意，是切入机会',
  '{c}与客户总工关系密切',
  '{c}通过代理商供货，价格比我们低5%左右',
];

export const PRESENCE_COLUMNS = {
  table: 'competitor_presence',
  columns: [
    ['id', 'uuid'],
    ['account_id', 'uuid'],
    ['competitor_id', 'uuid'],
    ['category_id', 'uuid'],
    ['est_annual_volume', 'bigint'],
    ['our_share', 'numeric'],
    ['notes', 'text'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
} as const;

/** Competitors per category at a key account: in the categories it buys from us, and sometimes one it does not. */
export function presenceRows(rng: Rng, a: AccountPlan, market: Market, asOf: number): (string | null)[][] {
  if (!a.key) return [];
  const weightSum = a.categories.reduce((s, c) => s + c.weight, 0);
  const bought = a.categories.slice(0, rng.int(2, 4));
  const entries = bought.map((c) => ({
    code: c.code,
    share: 0.15 + rng.float() * 0.65,
    wallet: (a.wallet * c.weight) / weightSum,
  }));
  const unbought = CATEGORIES.map((c) => c.code).filter((code) => !a.categories.some((c) => c.code === code));
  if (unbought.length > 0 && rng.chance(0.3))
    entries.push({ code: rng.pick(unbought), share: 0, wallet: a.wallet * 0.15 });
  const rows: (string | null)[][] = [];
  const when = `${isoOfDay(asOf - rng.int(10, 300))} 10:00:00+08`;
  for (const e of entries) {
    const candidates = COMPETITORS.map((c, i) => ({ c, i })).filter((x) => x.c.categories.includes(e.code));
    if (candidates.length === 0) continue;
    const chosen = rng.sample(candidates, rng.int(1, Math.min(2, candidates.length)));
    for (const { c, i } of chosen) {
      const volume = Math.round((e.wallet * (1 - e.share)) / chosen.length / 1_000_000) * 1_000_000;
      rows.push([
        rng.uuid(),
        a.id,
        market.competitorIds[i] as string,
        market.categoryIds.get(e.code) as string,
        String(Math.max(volume, 1_000_000)),
        e.share.toFixed(4),
        rng.pick(PRESENCE_NOTES).replace('{c}', c.name),
        when,
        when,
      ]);
    }
  }
  return rows;
}

/**
 * The dated history behind the presence rows: each row as observed when it was recorded, and an
 * observation about 13 months earlier. About one in five competitors has gained 10–30 points of
 * share since then (the rest lost up to 5), so rising competitor share shows up in churn risk.
 * Derived from the rows' own ids, so the same seed gives the same history.
 */
export async function writeShareHistory(db: Db, asOf: string): Promise<void> {
  await db.execute(sql`
    insert into competitor_share_observations
           (account_id, competitor_id, category_id, observed_on, est_annual_volume, our_share, present, recorded_at)
    select account_id, competitor_id, category_id, observed_on, est_annual_volume, our_share, true, observed_on
      from (select p.account_id, p.competitor_id, p.category_id, p.est_annual_volume,
                   (p.created_at at time zone 'Asia/Shanghai')::date as observed_on, p.our_share
              from competitor_presence p
            union all
            select p.account_id, p.competitor_id, p.category_id, p.est_annual_volume,
                   ${asOf}::date - 400 + h.v % 30,
                   case when h.v % 5 = 0 then least(0.95, p.our_share + 0.10 + (h.v % 21) / 100.0)
                        else greatest(0, p.our_share - (h.v % 6) / 100.0) end
              from competitor_presence p
              cross join lateral (select ('x' || substr(md5(p.id::text), 1, 7))::bit(28)::int as v) h) o`);
}

const INSIGHTS: Record<string, string[]> = {
  goals: [
    '未来三年产能计划扩大{n}%，新建{k}条自动化产线，目标进入行业前十。',
    '推进“智改数转”，计划两年内关键设备联网率达到90%。',
    '今年的重点是降本增效，人均产值提升15%。',
  ],
  likes: [
    '认可我们的本地化服务响应速度和技术培训。',
    '喜欢我们的工程师能驻场调试，问题当天闭环。',
    '对我们伺服产品的稳定性评价高。',
  ],
  dislikes: [
    '对交期不稳定有意见，去年两次延误影响了投产。',
    '认为我们的价格比国产竞品高约10%。',
    '不满意报价流程太慢，特价审批要一周。',
  ],
  situation: [
    '订单饱满，但原材料涨价挤压利润，采购降本压力大。',
    '正在进行上市辅导，供应商审核和合规要求趋严。',
    '海外订单下滑，部分产线开工率不足七成。',
  ],
  plans_affecting_us: [
    '明年推行供应商集中采购，入围名单将缩减到三家。',
    '计划把部分产线搬迁到新园区，新工厂设备预算约{b}万元。',
    '准备统一全集团的PLC平台，年内完成选型。',
  ],
  market_competitors: [
    '德控自动化长期占据其高端产线，东洋精机主攻伺服。',
    '川控技术以低价切入了两条新线。',
    '主要客户是新能源整车厂，行业竞争加剧，价格年降3%–5%。',
  ],
};

export const INSIGHT_COLUMNS = {
  table: 'account_insights',
  columns: [
    ['id', 'uuid'],
    ['account_id', 'uuid'],
    ['kind', 'text'],
    ['body', 'text'],
    ['observed_on', 'date'],
    ['created_at', 'timestamptz'],
    ['created_by', 'uuid'],
    ['updated_at', 'timestamptz'],
  ],
} as const;

/** Three dated observations per key account (seed 002: goals, likes and dislikes, situation, plans, market). */
export function insightRows(rng: Rng, a: AccountPlan, asOf: number): (string | null)[][] {
  if (!a.key || !a.owner) return [];
  return rng.sample(Object.keys(INSIGHTS), 3).map((kind) => {
    const day = asOf - rng.int(5, 360);
    const at = `${isoOfDay(day)} 17:30:00+08`;
    const body = rng
      .pick(INSIGHTS[kind] as string[])
      .replace('{n}', String(rng.int(2, 6) * 10))
      .replace('{k}', String(rng.int(2, 5)))
      .replace('{b}', String(rng.int(5, 60) * 100));
    return [rng.uuid(), a.id, kind, body, isoOfDay(day), at, (a.owner as { id: string }).id, at];
  });
}
