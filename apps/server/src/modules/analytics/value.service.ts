import type { AccountValue, SetTierOverride } from '@kamap/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { assertCan } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { isoDate, isoDateOrNull, isoTimestamp, one, rows } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { todayInChina as today } from '../../platform/today.js';
import { assertAccountInScope } from '../accounts/index.js';
import { KEY_ROLES, loadFeatures } from './features.js';
import { resolveRun } from './runs.service.js';

/**
 * One account's value (issue: step 1, per account): the latest run's results with their "why",
 * plus what is live whatever the run: relationship coverage, the whitespace grid, the override.
 */

type Result = NonNullable<AccountValue['result']>;

export async function getAccountValue(ctx: Ctx, accountId: string): Promise<AccountValue> {
  assertCan(ctx.user, 'analytics.read');
  await assertAccountInScope(ctx, accountId);
  const run = await resolveRun(ctx.db, undefined);
  const stored = run
    ? await one<{ score: number; computed_tier: Result['computedTier']; tier: Result['tier']; details: unknown }>(
        ctx.db,
        sql`select score, computed_tier, tier, details from analysis_results
             where run_id = ${run.id} and account_id = ${accountId}`,
      )
    : undefined;
  const [features] = await loadFeatures(ctx.db, today(), { abcMonths: 12, rfmMonths: 12 }, accountId);
  const covered = KEY_ROLES.filter((r) => features?.coveredRoles.includes(r));
  const whitespace = await rows<{
    category_id: string;
    category_name: string;
    revenue: number | null;
    last_order: unknown;
    competitors: { name: string; estAnnualVolume: number | null; ourShare: number | null }[] | null;
    because: string | null;
    support: number | null;
    confidence: number | null;
    lift: number | null;
    peers: number | null;
    opportunity_id: string | null;
  }>(
    ctx.db,
    sql`with recursive lineage(id, ancestor) as (
          select id, id from product_categories
          union all
          select l.id, pc.parent_id from lineage l join product_categories pc on pc.id = l.ancestor
           where pc.parent_id is not null)
        select c.id as category_id, c.name as category_name, s.revenue, s.last_order,
               -- presence is often recorded on a parent category: it covers the categories below it
               (select json_agg(json_build_object('name', k.name, 'estAnnualVolume', p.est_annual_volume,
                                                   'ourShare', p.our_share::float8) order by p.est_annual_volume desc nulls last)
                  from competitor_presence p join competitors k on k.id = p.competitor_id
                 where p.account_id = ${accountId} and p.archived_at is null
                   and p.category_id in (select ancestor from lineage where lineage.id = c.id)) as competitors,
               b.name as because, r.support, r.confidence, r.lift, r.peers,
               (select o.id from opportunities o where o.account_id = ${accountId} and o.status = 'open'
                   and o.archived_at is null and c.id = any(o.category_ids)
                 order by o.expected_close, o.id limit 1) as opportunity_id
          from product_categories c
          left join account_category_spend s on s.account_id = ${accountId} and s.category_id = c.id
          left join analysis_recommendations r on r.run_id = ${run?.id ?? null} and r.account_id = ${accountId}
                                              and r.category_id = c.id
          left join product_categories b on b.id = r.because_category_id
         where c.archived_at is null and exists (select 1 from products p where p.category_id = c.id)
         order by c.code`,
  );
  const override = await one<{
    tier: Result['tier'];
    reason: string;
    expires_at: unknown;
    created_by: string | null;
    created_by_name: string | null;
    created_at: unknown;
  }>(
    ctx.db,
    sql`select t.tier, t.reason, t.expires_at, t.created_by, u.display_name as created_by_name, t.created_at
          from tier_overrides t left join users u on u.id = t.created_by where t.account_id = ${accountId}`,
  );
  return {
    run: run ?? null,
    result: stored
      ? {
          ...(stored.details as Omit<Result, 'score' | 'computedTier' | 'tier'>),
          score: stored.score,
          computedTier: stored.computed_tier,
          tier: stored.tier,
        }
      : null,
    override: override
      ? {
          tier: override.tier,
          reason: override.reason,
          expiresAt: isoDateOrNull(override.expires_at),
          createdBy: override.created_by
            ? { id: override.created_by, displayName: override.created_by_name ?? '' }
            : null,
          createdAt: isoTimestamp(override.created_at),
        }
      : null,
    coverage: {
      covered: [...covered],
      missing: KEY_ROLES.filter((r) => !covered.includes(r)),
      share: covered.length / KEY_ROLES.length,
      contacts: features?.contacts ?? 0,
      strongContacts: features?.strongContacts ?? 0,
      // with no contact at all there is no thread to speak of: that shows as zero contacts instead
      singleThreaded: (features?.contacts ?? 0) > 0 && (features?.strongContacts ?? 0) <= 1,
    },
    whitespace: whitespace.map((w) => {
      const competitors = w.competitors ?? [];
      const bought = w.revenue !== null && Number(w.revenue) > 0;
      return {
        categoryId: w.category_id,
        categoryName: w.category_name,
        state: bought
          ? 'bought'
          : w.opportunity_id
            ? 'opportunity'
            : competitors.length > 0
              ? 'competitor'
              : w.because
                ? 'potential'
                : 'none',
        opportunityId: w.opportunity_id,
        revenue: bought ? Number(w.revenue) : 0,
        lastOrderDate: w.last_order ? isoDate(w.last_order) : null,
        competitors: competitors.map((c) => ({
          name: c.name,
          estAnnualVolume: c.estAnnualVolume === null ? null : Number(c.estAnnualVolume),
          ourShare: c.ourShare,
        })),
        recommendation:
          w.because && w.support !== null && w.confidence !== null && w.lift !== null && w.peers !== null
            ? { because: w.because, support: w.support, confidence: w.confidence, lift: w.lift, peers: w.peers }
            : null,
      };
    }),
  };
}

/** A manual tier with its reason and expiry; it wins from the next run on, and the change is audited. */
export async function setTierOverride(ctx: Ctx, accountId: string, input: z.infer<typeof SetTierOverride>) {
  assertCan(ctx.user, 'tier.override');
  await assertAccountInScope(ctx, accountId);
  if (input.expiresAt !== null && input.expiresAt <= today())
    throw AppError.invalid('body.expiresAt', 'an override expires after today');
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into tier_overrides (account_id, tier, reason, expires_at, created_by)
      values (${accountId}, ${input.tier}, ${input.reason}, ${input.expiresAt}, ${ctx.user.id})
      on conflict (account_id) do update set tier = excluded.tier, reason = excluded.reason,
        expires_at = excluded.expires_at, created_by = excluded.created_by, created_at = now()`);
    // the latest run shows the override at once: its effective tier follows
    await tx.execute(sql`
      update analysis_results set tier = ${input.tier}
       where account_id = ${accountId}
         and run_id = (select id from analysis_runs where status = 'done' order by as_of desc, started_at desc limit 1)`);
    await audit(withDb(ctx, tx), 'account.tier_override', 'account', accountId, { ...input });
  });
  return (await getAccountValue(ctx, accountId)).override as NonNullable<AccountValue['override']>;
}

export async function clearTierOverride(ctx: Ctx, accountId: string): Promise<void> {
  assertCan(ctx.user, 'tier.override');
  await assertAccountInScope(ctx, accountId);
  await ctx.db.transaction(async (tx) => {
    const removed = await one<{ tier: string }>(
      tx,
      sql`delete from tier_overrides where account_id = ${accountId} returning tier`,
    );
    if (!removed) throw AppError.notFound('Tier override');
    await tx.execute(sql`
      update analysis_results set tier = computed_tier
       where account_id = ${accountId}
         and run_id = (select id from analysis_runs where status = 'done' order by as_of desc, started_at desc limit 1)`);
    await audit(withDb(ctx, tx), 'account.tier_override_clear', 'account', accountId, { was: removed.tier });
  });
}
