import type {
  DiscountDecision,
  DiscountGuidance,
  DiscountListQuery,
  DiscountPreviewInput,
  DiscountReportQuery,
  DiscountRequestInput,
} from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountIdInScope, assertCan, type Principal } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { isoDate, isoTimestamp, isoTimestampOrNull, one, rows } from '../../platform/db/index.js';
import { versionedUpdate } from '../../platform/db/versioned.js';
import { AppError } from '../../platform/errors.js';
import { afterCursor, orderBy, sortSpec, toPage } from '../../platform/http/paging.js';
import { todayInChina } from '../../platform/today.js';
import { assertAccountInScope } from '../accounts/index.js';
import { latestTier } from '../analytics/index.js';
import { holdsLevel, requiredLevel } from './approval-chain.js';
import { computeGuidance } from './guidance.js';
import { effectivePriceOf } from './prices.service.js';
import { discountRequests } from './pricing.table.js';
import { pricingRules } from './rules.js';

type Row = Record<string, unknown> & { id: string; created_at: unknown };

const select = sql`
  select d.*, a.name as account_name, p.name as product_name, ru.display_name as requested_by_name,
    du.display_name as decided_by_name
  from discount_requests d join accounts a on a.id = d.account_id join products p on p.id = d.product_id
  left join users ru on ru.id = d.requested_by left join users du on du.id = d.decided_by`;

const canDecide = (user: Principal, r: Row) =>
  r.status === 'pending' && holdsLevel(user.role, r.required_level as never) && !user.tokenScopes;

function toRequest(user: Principal, r: Row) {
  const quantity = Number(r.quantity);
  return {
    id: r.id,
    accountId: r.account_id as string,
    accountName: r.account_name as string,
    productId: r.product_id as string,
    productName: r.product_name as string,
    quantity,
    basePrice: Number(r.base_price),
    requestedPrice: Number(r.requested_price),
    unitCost: Number(r.unit_cost),
    discountPct: Number(r.discount_pct),
    discountAmount: Math.round((Number(r.base_price) - Number(r.requested_price)) * quantity),
    tier: r.tier as never,
    requiredLevel: r.required_level as never,
    reason: r.reason as string,
    belowCostJustification: (r.below_cost_justification as string) ?? null,
    status: r.status as never,
    churnRisk: (r.churn_risk as number) ?? null,
    recommendation: r.recommendation as never,
    guidance: r.guidance as DiscountGuidance,
    requestedBy: { id: r.requested_by as string, displayName: (r.requested_by_name as string) ?? '' },
    decidedBy: r.decided_by ? { id: r.decided_by as string, displayName: (r.decided_by_name as string) ?? '' } : null,
    decidedAt: isoTimestampOrNull(r.decided_at),
    decisionNote: (r.decision_note as string) ?? null,
    counterOffer: (r.counter_offer as string) ?? null,
    canDecide: canDecide(user, r),
    createdAt: isoTimestamp(r.created_at),
    version: r.version as number,
  };
}

/** The figures of a request before it is filed: base price, depth, who approves, and the guidance. */
async function assess(ctx: Ctx, input: z.infer<typeof DiscountPreviewInput>) {
  await assertAccountInScope(ctx, input.accountId);
  const today = todayInChina();
  const price = await effectivePriceOf(ctx.db, input.accountId, input.productId, today);
  if (input.requestedPrice >= price.effectivePrice)
    throw AppError.invalid('body.requestedPrice', `not below the effective price ${price.effectivePrice}`);
  const rules = await pricingRules(ctx.db);
  const tierRow = await one<{ tier: 'strategic' | 'core' | 'general' }>(
    ctx.db,
    sql`select ${latestTier(sql`${input.accountId}::uuid`)} as tier`,
  );
  const tier = tierRow?.tier ?? 'general';
  const discountPct = Math.round((1 - input.requestedPrice / price.effectivePrice) * 10_000) / 100;
  const belowCost = input.requestedPrice < price.standardCost;
  const guidance = await computeGuidance(
    ctx.db,
    {
      accountId: input.accountId,
      quantity: input.quantity,
      basePrice: price.effectivePrice,
      requestedPrice: input.requestedPrice,
      unitCost: price.standardCost,
      discountPct,
      today,
    },
    rules,
  );
  return {
    basePrice: price.effectivePrice,
    unitCost: price.standardCost,
    discountPct,
    tier,
    belowCost,
    requiredLevel: requiredLevel(discountPct, tier, rules, belowCost),
    guidance,
  };
}

export async function previewDiscount(ctx: Ctx, input: z.infer<typeof DiscountPreviewInput>) {
  assertCan(ctx.user, 'discount.request');
  const a = await assess(ctx, input);
  return {
    basePrice: a.basePrice,
    discountPct: a.discountPct,
    tier: a.tier,
    requiredLevel: a.requiredLevel,
    guidance: a.guidance,
  };
}

export async function createDiscountRequest(ctx: Ctx, input: z.infer<typeof DiscountRequestInput>) {
  assertCan(ctx.user, 'discount.request');
  const a = await assess(ctx, input);
  if (a.belowCost && !input.belowCostJustification)
    throw AppError.invalid(
      'body.belowCostJustification',
      `the price is below the standard cost (${a.unitCost}); say explicitly why it is justified`,
    );
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(discountRequests)
      .values({
        accountId: input.accountId,
        productId: input.productId,
        quantity: String(input.quantity),
        basePrice: a.basePrice,
        requestedPrice: input.requestedPrice,
        unitCost: a.unitCost,
        discountPct: String(a.discountPct),
        tier: a.tier,
        requiredLevel: a.requiredLevel,
        reason: input.reason,
        belowCostJustification: input.belowCostJustification ?? null,
        status: 'pending',
        guidance: a.guidance,
        churnRisk: a.guidance.churn.risk,
        recommendation: a.guidance.recommendation.action,
        requestedBy: ctx.user.id,
        createdBy: ctx.user.id,
        updatedBy: ctx.user.id,
      })
      .returning({ id: discountRequests.id });
    await audit(withDb(ctx, tx), 'discount.request', 'account', input.accountId, {
      requestId: row!.id,
      discountPct: a.discountPct,
      requiredLevel: a.requiredLevel,
      belowCost: a.belowCost,
    });
    return row!.id;
  });
  return getDiscountRequest(ctx, id);
}

const scope = (user: Principal) => accountIdInScope(user, sql`d.account_id`);

export async function getDiscountRequest(ctx: Ctx, id: string) {
  assertCan(ctx.user, 'discount.request');
  const r = await one<Row>(ctx.db, sql`${select} where d.id = ${id} and ${scope(ctx.user)}`);
  if (!r) throw AppError.notFound('Discount request');
  return toRequest(ctx.user, r);
}

/** Levels a role may decide, for the inbox filter. */
function decidableLevels(user: Principal): SQL {
  const levels = (['kam', 'director', 'admin'] as const).filter((l) => holdsLevel(user.role, l));
  if (!levels.length) return sql`false`;
  return sql`d.required_level in (${sql.join(
    levels.map((l) => sql`${l}`),
    sql`, `,
  )})`;
}

export async function listDiscountRequests(ctx: Ctx, q: z.infer<typeof DiscountListQuery>) {
  assertCan(ctx.user, 'discount.request');
  const spec = sortSpec(q.sort, { createdAt: sql`d.created_at` });
  const filter = sql.join(
    [
      scope(ctx.user),
      q.includeArchived ? undefined : sql`d.archived_at is null`,
      q.status ? sql`d.status = ${q.status}` : undefined,
      q.accountId ? sql`d.account_id = ${q.accountId}` : undefined,
      q.inbox ? sql`d.status = 'pending' and ${decidableLevels(ctx.user)}` : undefined,
      q.q
        ? sql`exists (select 1 from accounts qa where qa.id = d.account_id and qa.name ilike ${`%${q.q}%`})`
        : undefined,
    ].filter((p) => p !== undefined),
    sql` and `,
  );
  const [fetched, total] = await Promise.all([
    rows<Row>(
      ctx.db,
      sql`${select} where ${filter} and ${afterCursor(spec, sql`d.id`, q.cursor)} order by ${orderBy(spec, sql`d.id`)} limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(ctx.db, sql`select count(*)::int as n from discount_requests d where ${filter}`),
  ]);
  return toPage(
    fetched,
    q.limit,
    (r) => [isoTimestamp(r.created_at), r.id],
    (r) => toRequest(ctx.user, r),
    total?.n ?? 0,
  );
}

/** Approve, reject, or counter with a value-added service; only the level the chain asks for (or above). */
export async function decideDiscount(ctx: Ctx, id: string, input: z.infer<typeof DiscountDecision>) {
  assertCan(ctx.user, 'discount.decide');
  const current = await getDiscountRequest(ctx, id);
  if (current.status !== 'pending')
    throw AppError.invalid('body.decision', `only a pending request is decided; this one is ${current.status}`);
  if (!holdsLevel(ctx.user.role, current.requiredLevel))
    throw new AppError(
      'forbidden',
      `a ${current.discountPct}% discount for a ${current.tier} account needs the ${current.requiredLevel}'s approval`,
    );
  if (input.decision === 'counter' && !input.counterOffer)
    throw AppError.invalid('body.counterOffer', 'a counter-offer says what is offered instead');
  const status = { approve: 'approved', reject: 'rejected', counter: 'countered' }[input.decision];
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, discountRequests, 'Discount request', id, input.version, {
      status,
      decidedBy: ctx.user.id,
      decidedAt: new Date(),
      decisionNote: input.note,
      counterOffer: input.counterOffer ?? null,
    });
    await audit(withDb(ctx, tx), `discount.${input.decision}`, 'account', current.accountId, {
      requestId: id,
      discountPct: current.discountPct,
      requiredLevel: current.requiredLevel,
      recommendation: current.recommendation,
      note: input.note,
    });
  });
  return getDiscountRequest(ctx, id);
}

export async function withdrawDiscount(ctx: Ctx, id: string, version: number) {
  assertCan(ctx.user, 'discount.request');
  const current = await getDiscountRequest(ctx, id);
  if (current.status !== 'pending') throw AppError.invalid('body', `a ${current.status} request cannot be withdrawn`);
  if (current.requestedBy.id !== ctx.user.id && ctx.user.role !== 'admin')
    throw new AppError('forbidden', 'only the requester withdraws a request');
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, discountRequests, 'Discount request', id, version, { status: 'withdrawn' });
    await audit(withDb(ctx, tx), 'discount.withdraw', 'account', current.accountId, { requestId: id });
  });
  return getDiscountRequest(ctx, id);
}

/** The last full calendar quarter before `today`. */
export function lastQuarter(today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3);
  const startMonth = q === 0 ? 9 : (q - 1) * 3;
  const year = q === 0 ? y - 1 : y;
  const from = new Date(Date.UTC(year, startMonth, 1));
  const to = new Date(Date.UTC(year, startMonth + 3, 0));
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/** Discounts granted in a period: depth by tier, and whether they went to accounts at churn risk. */
export async function discountReport(ctx: Ctx, q: z.infer<typeof DiscountReportQuery>) {
  assertCan(ctx.user, 'discount.report');
  const period = lastQuarter(todayInChina());
  const from = q.from ?? period.from;
  const to = q.to ?? period.to;
  if (to < from) throw AppError.invalid('querystring.to', 'before from');
  const rules = await pricingRules(ctx.db);
  const window = sql`d.decided_at >= ${from}::date and d.decided_at < (${to}::date + 1) and d.archived_at is null and ${scope(ctx.user)}`;
  const [granted, declined] = await Promise.all([
    rows<Row>(ctx.db, sql`${select} where d.status = 'approved' and ${window} order by d.decided_at desc, d.id`),
    one<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from discount_requests d where d.status in ('rejected', 'countered') and ${window}`,
    ),
  ]);
  const items = granted.map((r) => {
    const amount = Math.round((Number(r.base_price) - Number(r.requested_price)) * Number(r.quantity));
    const risk = (r.churn_risk as number) ?? null;
    return {
      id: r.id,
      accountId: r.account_id as string,
      accountName: r.account_name as string,
      tier: r.tier as 'strategic' | 'core' | 'general',
      productName: r.product_name as string,
      discountPct: Number(r.discount_pct),
      discountAmount: amount,
      churnRisk: risk,
      atRisk: risk !== null && risk >= rules.atRiskChurn,
      requiredLevel: r.required_level as never,
      decidedBy: (r.decided_by_name as string) ?? null,
      decidedAt: isoTimestamp(r.decided_at),
    };
  });
  const byTier = (['strategic', 'core', 'general'] as const).map((tier) => {
    const of = items.filter((i) => i.tier === tier);
    return {
      tier,
      granted: of.length,
      meanPct: of.length ? Math.round((of.reduce((s, i) => s + i.discountPct, 0) / of.length) * 100) / 100 : null,
      discountAmount: of.reduce((s, i) => s + i.discountAmount, 0),
      atRisk: of.filter((i) => i.atRisk).length,
      notAtRisk: of.filter((i) => !i.atRisk).length,
      atRiskAmount: of.filter((i) => i.atRisk).reduce((s, i) => s + i.discountAmount, 0),
    };
  });
  const total = items.reduce((s, i) => s + i.discountAmount, 0);
  const atRiskAmount = items.filter((i) => i.atRisk).reduce((s, i) => s + i.discountAmount, 0);
  return {
    from: isoDate(from),
    to: isoDate(to),
    atRiskChurn: rules.atRiskChurn,
    byTier,
    totals: {
      granted: items.length,
      discountAmount: total,
      atRiskAmount,
      atRiskShare: total > 0 ? Math.round((atRiskAmount / total) * 1000) / 1000 : null,
      declined: declined?.n ?? 0,
    },
    items,
  };
}
