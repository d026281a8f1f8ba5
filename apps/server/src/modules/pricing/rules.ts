import { type PricingRules, PricingRules as PricingRulesSchema } from '@kamap/contracts';
import { sql } from 'drizzle-orm';
import { assertCan } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { type Db, one } from '../../platform/db/index.js';
import { DEFAULT_PRICING_RULES } from './approval-chain.js';

export async function pricingRules(db: Db): Promise<PricingRules> {
  const row = await one<{ rules: unknown }>(db, sql`select rules from pricing_rules order by version desc limit 1`);
  if (!row) return DEFAULT_PRICING_RULES;
  return PricingRulesSchema.parse({ ...DEFAULT_PRICING_RULES, ...(row.rules as object) });
}

/** A new version of the approval chain; earlier versions stay. */
export async function setPricingRules(ctx: Ctx, rules: PricingRules): Promise<PricingRules> {
  assertCan(ctx.user, 'pricing.configure');
  await ctx.db.transaction(async (tx) => {
    const next = await one<{ v: number }>(tx, sql`select coalesce(max(version), 0) + 1 as v from pricing_rules`);
    await tx.execute(
      sql`insert into pricing_rules (version, rules, created_by) values (${next!.v}, ${JSON.stringify(rules)}::jsonb, ${ctx.user.id})`,
    );
    await audit(withDb(ctx, tx), 'pricing.rules', 'pricing_rules', null, { version: next!.v, rules });
  });
  return pricingRules(ctx.db);
}
