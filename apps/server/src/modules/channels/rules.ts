import type { ChannelRules } from '@kamap/contracts';
import { sql } from 'drizzle-orm';
import { assertCan } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { type Db, one } from '../../platform/db/index.js';

/** The defaults of DOMAIN.md (channels): strategic and core accounts protected, first claim wins for 90 days. */
export const DEFAULT_CHANNEL_RULES: ChannelRules = {
  nameSimilarity: 0.5,
  protectedTiers: ['strategic', 'core'],
  firstWinsDays: 90,
  validityDays: 90,
  renewWithinDays: 30,
  maxRenewals: 2,
  exclusiveTerritories: true,
};

export async function channelRules(db: Db): Promise<ChannelRules> {
  const row = await one<{ rules: ChannelRules }>(
    db,
    sql`select rules from channel_rules order by version desc limit 1`,
  );
  return { ...DEFAULT_CHANNEL_RULES, ...(row?.rules ?? {}) };
}

/** A new version of the rules; the old ones stay for the record. */
export async function setChannelRules(ctx: Ctx, rules: ChannelRules): Promise<ChannelRules> {
  assertCan(ctx.user, 'channel.configure');
  await ctx.db.transaction(async (tx) => {
    const next = await one<{ v: number }>(tx, sql`select coalesce(max(version), 0) + 1 as v from channel_rules`);
    await tx.execute(
      sql`insert into channel_rules (version, rules, created_by) values (${next!.v}, ${JSON.stringify(rules)}::jsonb, ${ctx.user.id})`,
    );
    await audit(withDb(ctx, tx), 'channel.rules', 'channel_rules', null, { version: next!.v, rules });
  });
  return channelRules(ctx.db);
}
