import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { one, rows, sql } from '../../platform/db/index.js';
import { latestRunId } from '../analytics/index.js';
import { decideRegistration, submitRegistration } from '../channels/index.js';
import { createDiscountRequest, decideDiscount, lastQuarter } from '../pricing/index.js';
import { insertUser, principalById } from '../users/index.js';
import { DEMO_PASSWORD } from './org.js';
import { createRng } from './random.js';

export type ChannelsDemoSummary = {
  registrations: Record<string, number>;
  priceLists: number;
  agreements: number;
  discounts: Record<string, number>;
};

type AccountPick = {
  id: string;
  name: string;
  province: string | null;
  owner_id: string;
  churn_risk: number;
  tier: string;
};

async function ctxOf(db: Db, userId: string): Promise<Ctx> {
  const user = await principalById(db, userId);
  if (!user) throw new Error(`demo: no user ${userId}`);
  // the demo acts as the signed-in user would, not as a read-only token
  return { db, user: { ...user, tokenScopes: null }, ip: null };
}

const userId = async (db: Db, username: string) =>
  (await one<{ id: string }>(db, sql`select id from users where username = ${username}`))!.id;

/**
 * Channels and pricing on top of the demo company (after the analysis runs, so tiers and churn risk
 * are there): agent profiles and territories, a second agent login, claims that overlap — one agent
 * after another on the same prospect, a strategic account under a shortened name, a shared phone —
 * in every state with one conflict still queued; price lists, agreements, and discount requests at
 * every approval level, with last quarter's decisions to accounts at risk and not.
 * Choices come from the seed; ids and timestamps from the database and the clock.
 */
export async function generateChannelsDemo(db: Db, opts: { seed: number; asOf: string }): Promise<ChannelsDemoSummary> {
  const rng = createRng(opts.seed, 'channels', 0);
  const agents = await rows<{ id: string; code: string; name: string; regions: string[]; product_lines: string[] }>(
    db,
    sql`select id, code, name, regions, product_lines from agents order by code`,
  );
  const byCode = new Map(agents.map((a) => [a.code, a]));
  const hz = byCode.get('AG-HZ01')!;
  const gz = byCode.get('AG-GZ01')!;

  // profiles, contracts and territories; gold agents hold their first line exclusively in their first province
  for (const [i, a] of agents.entries()) {
    const year = 2024 + (i % 2);
    await db.execute(sql`update agents set contract_no = ${`KAM-DL-${year}-${String(i + 1).padStart(3, '0')}`},
        contact_name = ${['赵立新', '钱海涛', '黄志明', '孙国庆', '吴昊', '郑伟', '冯雪'][i % 7]},
        contact_phone = ${`0${rng.int(10, 99)}-${rng.int(5000_0000, 8999_9999)}`},
        email = ${`channel@${a.code.toLowerCase().replace('-', '')}.com.cn`}
      where id = ${a.id}`);
    const gold =
      (await one<{ t: string }>(db, sql`select agent_tier as t from agents where id = ${a.id}`))?.t === 'gold';
    for (const [p, province] of a.regions.entries())
      for (const [l, line] of a.product_lines.entries())
        await db.execute(sql`insert into agent_territories (agent_id, province, product_line, exclusive, valid_from, valid_to)
          values (${a.id}, ${province}, ${line}, ${gold && p === 0 && l === 0}, ${`${year}-01-01`}, ${`${year + 2}-12-31`})`);
  }
  const agent2 = await insertUser(db, {
    username: 'agent2',
    displayName: '钱海涛',
    role: 'agent',
    orgUnitId: (await one<{ id: string }>(db, sql`select org_unit_id as id from users where username = 'agent'`))!.id,
    password: DEMO_PASSWORD,
    agentId: hz.id,
    isDemo: true,
  });

  const [agentUser, directorId, adminId] = await Promise.all([
    userId(db, 'agent'),
    userId(db, 'director'),
    userId(db, 'admin'),
  ]);
  const asSz = await ctxOf(db, agentUser);
  const asHz = await ctxOf(db, agent2.id);
  const asGz = await ctxOf(db, adminId);
  const director = await ctxOf(db, directorId);
  const admin = await ctxOf(db, adminId);
  const kamId = await userId(db, 'kam');

  const pick = (where: ReturnType<typeof sql>, limit = 1) =>
    rows<AccountPick>(
      db,
      sql`select a.id, a.name, a.province, a.owner_id, r.churn_risk, r.tier from accounts a
          join analysis_results r on r.run_id = ${latestRunId} and r.account_id = a.id
          where a.archived_at is null and a.owner_id is not null
            and not exists (select 1 from account_agents x where x.account_id = a.id) and ${where}
          order by a.code limit ${limit}`,
    );
  const [strategic] = await pick(sql`a.owner_id = ${kamId} and r.tier = 'strategic' and a.name like '%有限公司'`);
  const [general] = await pick(sql`r.tier = 'general' and a.province in ('江苏', '上海') and a.parent_id is null`);
  const phoneRow = await one<{ e164: string }>(
    db,
    sql`select cp.e164 from contact_phones cp join accounts a on a.id = cp.account_id join org_units u on u.id = a.org_unit_id
        where u.path like (select '%/' || id || '/%' from org_units where code = 'EAST') order by cp.e164 limit 1`,
  );
  const [south] = await pick(sql`r.tier = 'general' and a.province = '广东' and a.parent_id is null`);

  const submit = async (ctx: Ctx, input: Parameters<typeof submitRegistration>[1], daysAgo: number) => {
    const r = await submitRegistration(ctx, input);
    await db.execute(sql`update registrations set created_at = now() - make_interval(days => ${daysAgo}),
        decided_at = case when decided_at is null then null else now() - make_interval(days => ${daysAgo}) end
      where id = ${r.id}`);
    return r;
  };

  // one prospect, two agents: the first claim wins, the second is refused with the evidence
  await submit(
    asSz,
    {
      companyName: '苏州博远智能装备有限公司',
      province: '江苏',
      city: '苏州',
      productLine: 'PLC',
      contactName: '陈国栋',
      contactPhone: '0512-6688 1201',
      expectedValue: 68_000_000,
    },
    40,
  );
  await submit(
    asHz,
    {
      companyName: '博远智能装备',
      province: '江苏',
      productLine: 'SERVO',
      contactName: '陈国栋',
      expectedValue: 52_000_000,
    },
    12,
  );
  // a strategic account under a shortened, city-prefixed name: blocked by the protection rule
  if (strategic) {
    const variant = `${strategic.name.replace(/(股份)?有限(责任)?公司$/, '')}`;
    await submit(
      asSz,
      {
        companyName: variant,
        province: strategic.province ?? undefined,
        productLine: 'SERVO',
        expectedValue: 120_000_000,
      },
      9,
    );
  }
  // a company-owned general account: the rules cannot decide, the channel manager will
  if (general)
    await submit(
      asSz,
      {
        companyName: general.name,
        province: general.province ?? undefined,
        productLine: 'HMI',
        expectedValue: 30_000_000,
        note: '客户主动联系我方，希望由代理商提供本地化服务',
      },
      3,
    );
  // a prospect whose contact phone is already on a company contact, claimed by both agents: queued twice
  if (phoneRow) {
    const first = await submit(
      asHz,
      {
        companyName: '宁波甬江海工装备有限公司',
        province: '浙江',
        productLine: 'VFD',
        contactName: '林海',
        contactPhone: phoneRow.e164,
        expectedValue: 45_000_000,
      },
      8,
    );
    await submit(
      asSz,
      {
        companyName: '甬江海工装备',
        province: '浙江',
        productLine: 'SERVO',
        contactName: '林海',
        contactPhone: phoneRow.e164,
        expectedValue: 40_000_000,
      },
      6,
    );
    // the channel manager has settled the first one: a split
    if (first.status === 'queued') {
      await decideRegistration(director, first.id, {
        version: first.version,
        decision: 'split',
        reason: '杭州钱塘先接触客户，联系人与我方客户重合，业绩按 60/40 分成，客户经理负责关系维护',
        splitShare: 60,
      });
    }
  }
  // another agent's exclusive territory
  await submit(
    asHz,
    { companyName: '昆山精密模具有限公司', province: '江苏', productLine: 'PLC', expectedValue: 18_000_000 },
    20,
  );
  // a 广东 account claimed by the 广州 agent, refused by the admin acting as channel manager
  if (south) {
    const r = await submit(
      asGz,
      { agentId: gz.id, companyName: south.name, province: '广东', productLine: 'SERVO', expectedValue: 25_000_000 },
      15,
    );
    if (r.status === 'queued') {
      await decideRegistration(admin, r.id, {
        version: r.version,
        decision: 'reject',
        reason: '客户经理在跟进年度框架协议，暂不交给代理商',
      });
    }
  }
  // an old claim that lapsed, one withdrawn, one about to expire (renewal open)
  const lapsed = await submit(
    asSz,
    { companyName: '无锡华瑞电气有限公司', province: '江苏', productLine: 'VFD', expectedValue: 12_000_000 },
    130,
  );
  await db.execute(
    sql`update registrations set status = 'expired', valid_from = current_date - 130, expires_on = current_date - 40 where id = ${lapsed.id}`,
  );
  const withdrawn = await submit(
    asSz,
    { companyName: '常州新源储能科技有限公司', province: '江苏', productLine: 'HMI' },
    25,
  );
  await db.execute(sql`update registrations set status = 'withdrawn' where id = ${withdrawn.id}`);
  const expiring = await submit(
    asSz,
    { companyName: '南通海科自动化有限公司', province: '江苏', productLine: 'SERVO', expectedValue: 22_000_000 },
    70,
  );
  await db.execute(
    sql`update registrations set valid_from = current_date - 70, expires_on = current_date + 20 where id = ${expiring.id}`,
  );

  const pricing = await pricingDemo(db, rng, { kamId, director, admin, asOf: opts.asOf });
  const states = await rows<{ status: string; n: number }>(
    db,
    sql`select status, count(*)::int as n from registrations group by status order by status`,
  );
  return { registrations: Object.fromEntries(states.map((r) => [r.status, r.n])), ...pricing };
}

async function pricingDemo(
  db: Db,
  rng: ReturnType<typeof createRng>,
  who: { kamId: string; director: Ctx; admin: Ctx; asOf: string },
) {
  const year = Number(who.asOf.slice(0, 4));
  const products = await rows<{ id: string; list_price: number }>(
    db,
    sql`select id, list_price from products order by code`,
  );
  for (const [y, factor] of [
    [year - 1, 0.97],
    [year, 1],
  ] as const) {
    const [list] = await rows<{ id: string }>(
      db,
      sql`insert into price_lists (name, valid_from, valid_to, note) values (${`${y} 年标准价目表`}, ${`${y}-01-01`}, ${`${y}-12-31`},
          ${y === year ? '原材料上涨，伺服与变频器上调 3%' : null}) returning id`,
    );
    for (const p of products)
      await db.execute(sql`insert into price_list_items (price_list_id, product_id, list_price)
        values (${list!.id}, ${p.id}, ${Math.round((Number(p.list_price) * factor) / 100) * 100})`);
  }

  // EAST accounts with their owners and what they buy most: agreements for strategic ones, discounts for many
  // EAST first (the demo director's region), the rest of the company after it
  const east = await rows<AccountPick & { product_id: string; in_east: boolean }>(
    db,
    sql`select a.id, a.name, a.province, a.owner_id, r.churn_risk, r.tier,
          u.path like (select '%/' || id || '/%' from org_units where code = 'EAST') as in_east,
          (select ol.product_id from order_lines ol where ol.account_id = a.id group by ol.product_id order by count(*) desc, ol.product_id limit 1) as product_id
        from accounts a join analysis_results r on r.run_id = ${latestRunId} and r.account_id = a.id
        join org_units u on u.id = a.org_unit_id
        where a.archived_at is null and a.owner_id is not null and a.lifecycle in ('active', 'dormant')
          and exists (select 1 from order_lines ol where ol.account_id = a.id)
        order by (a.owner_id = ${who.kamId}) desc, in_east desc, a.code`,
  );
  let agreements = 0;
  for (const a of east.filter((x) => x.tier === 'strategic' && x.in_east).slice(0, 8)) {
    const list = await one<{ p: number }>(
      db,
      sql`select list_price as p from price_list_items pli join price_lists pl on pl.id = pli.price_list_id
          where pli.product_id = ${a.product_id} and pl.valid_from = ${`${year}-01-01`}::date`,
    );
    const price = Math.round((Number(list!.p) * (0.92 + rng.int(0, 5) / 100)) / 100) * 100;
    await db.execute(sql`insert into price_agreements (account_id, product_id, price, valid_from, valid_to, note)
      values (${a.id}, ${a.product_id}, ${price}, ${`${year}-01-01`}, ${`${year}-12-31`}, '年度综合服务协议价')`);
    agreements++;
  }

  const atRisk = east.filter((a) => a.churn_risk >= 50);
  const calm = east.filter((a) => a.churn_risk < 30);
  const counts: Record<string, number> = {};
  const { from, to } = lastQuarter(who.asOf);
  const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  const request = async (
    a: AccountPick & { product_id: string; in_east: boolean },
    pct: number,
    reason: string,
    justification?: string,
  ) => {
    const ctx = await ctxOf(db, a.owner_id);
    const base = await one<{ p: number }>(
      db,
      sql`select coalesce((select pa.price from price_agreements pa where pa.account_id = ${a.id} and pa.product_id = ${a.product_id}
            and pa.valid_from <= current_date and pa.valid_to >= current_date limit 1),
          (select pli.list_price from price_list_items pli join price_lists pl on pl.id = pli.price_list_id
            where pli.product_id = ${a.product_id} and pl.valid_from <= current_date and pl.valid_to >= current_date limit 1)) as p`,
    );
    const r = await createDiscountRequest(ctx, {
      accountId: a.id,
      productId: a.product_id,
      quantity: rng.int(5, 40),
      requestedPrice: Math.round(Number(base!.p) * (1 - pct / 100)),
      reason,
      ...(justification ? { belowCostJustification: justification } : {}),
    });
    return { ...r, inEast: a.in_east };
  };
  const decide = async (
    r: Awaited<ReturnType<typeof request>>,
    decision: 'approve' | 'reject' | 'counter',
    note: string,
    day: number,
  ) => {
    const ctx =
      r.requiredLevel === 'admin' || (r.requiredLevel === 'director' && !r.inEast)
        ? who.admin
        : r.requiredLevel === 'director'
          ? who.director
          : await ctxOf(db, r.requestedBy.id);
    await decideDiscount(ctx, r.id, {
      version: r.version,
      decision,
      note,
      ...(decision === 'counter' ? { counterOffer: '免费提供一次产线能效诊断和两天现场培训，价格维持不变' } : {}),
    });
    const when = new Date(Date.parse(from) + Math.min(day, span) * 86_400_000 + 2 * 3_600_000).toISOString();
    await db.execute(sql`update discount_requests set decided_at = ${when}::timestamptz,
        created_at = ${when}::timestamptz - interval '2 days' where id = ${r.id}`);
    counts[decision] = (counts[decision] ?? 0) + 1;
  };

  // last quarter: discounts granted to accounts at risk, and some that went to accounts that were not
  const reasonsAtRisk = [
    '竞品报价低 8%，客户采购总监明确表示在比价',
    '客户年度招标，需保住份额',
    '客户产线改造延期，订单下滑，以价格稳住合作',
  ];
  for (const [i, a] of atRisk.slice(0, 6).entries())
    await decide(
      await request(a, [4, 8, 10, 6, 15, 9][i] ?? 6, reasonsAtRisk[i % 3]!),
      'approve',
      '流失风险高且价格敏感，同意',
      6 + i * 12,
    );
  for (const [i, a] of calm.slice(0, 4).entries())
    await decide(await request(a, [5, 7, 11, 3][i] ?? 5, '客户要求年底返利'), 'approve', '关系客户，同意', 10 + i * 17);
  if (calm[4]) await decide(await request(calm[4], 14, '客户要求与去年同价'), 'reject', '无流失风险，降价没有依据', 30);
  if (calm[5]) await decide(await request(calm[5], 8, '客户希望降价'), 'counter', '以增值服务替代降价', 45);

  // now: one request waiting at every level
  const kamOwned = east.filter((a) => a.owner_id === who.kamId);
  const pendingOf = [kamOwned[0], atRisk[6] ?? kamOwned[1], calm[6] ?? kamOwned[2], kamOwned[3] ?? calm[7]];
  if (pendingOf[0]) await request(pendingOf[0], 4, '续签年度框架协议，小幅让利');
  if (pendingOf[1]) await request(pendingOf[1], 10, '客户订单连续下滑，竞品在试样');
  if (pendingOf[2]) await request(pendingOf[2], 9, '客户要求与竞品同价');
  if (pendingOf[3])
    await request(pendingOf[3], 48, '竞品以成本价抢单', '客户新产线首批设备，中标后三年备件与服务收入可覆盖本次亏损');
  counts.pending = pendingOf.filter(Boolean).length;
  return { priceLists: 2, agreements, discounts: counts };
}
