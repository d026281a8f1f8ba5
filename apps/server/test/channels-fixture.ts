import { sql } from 'drizzle-orm';
import { agents, agentTerritories } from '../src/modules/channels/channels.table.js';
import { insertUser } from '../src/modules/users/index.js';
import type { Database } from '../src/platform/db/index.js';
import { type Fixture, PASSWORD } from './helpers.js';

type Tier = 'strategic' | 'core' | 'general';

/**
 * A finished analysis run with the given tiers and churn risks, so "strategic" and "at risk" mean
 * something without running the models on a four-account fixture.
 */
export async function setRun(
  database: Database,
  results: Record<string, { tier: Tier; churn?: number; clv?: number }>,
) {
  const { db } = database;
  await db.execute(sql`insert into analysis_configs (version, config) values (1, '{}'::jsonb) on conflict do nothing`);
  const [run] = (
    (await db.execute(
      sql`insert into analysis_runs (as_of, config_version, trigger, status, finished_at)
          values (current_date, 1, 'cli', 'done', now()) returning id`,
    )) as unknown as { rows: { id: string }[] }
  ).rows;
  for (const [accountId, r] of Object.entries(results))
    await db.execute(
      sql`insert into analysis_results (run_id, account_id, score, computed_tier, tier, abc, revenue, margin, r, f, m,
            segment, churn_risk, clv, quadrant, details)
          values (${run!.id}, ${accountId}, 50, ${r.tier}, ${r.tier}, 'B', 0, 0, 3, 3, 3, 'loyal', ${r.churn ?? 10},
            ${r.clv ?? null}, 'status',
            ${JSON.stringify({ churn: { score: r.churn ?? 10, reasons: r.churn && r.churn >= 50 ? [{ code: 'revenue_down', points: 30, data: {} }] : [] } })}::jsonb)`,
    );
  return run!.id;
}

/** A second agent (浙江, exclusive for PLC) with its own user `agent2`. */
export async function secondAgent(database: Database, fx: Fixture) {
  const { db } = database;
  const [agent2] = await db
    .insert(agents)
    .values({
      code: 'AG2',
      name: '杭州钱塘自动化技术有限公司',
      regions: ['浙江'],
      productLines: ['PLC'],
      agentTier: 'silver',
    })
    .returning();
  await db.insert(agentTerritories).values({
    agentId: agent2!.id,
    province: '浙江',
    productLine: 'PLC',
    exclusive: true,
    validFrom: '2025-01-01',
  });
  await insertUser(db, {
    username: 'agent2',
    displayName: 'agent2',
    role: 'agent',
    orgUnitId: fx.orgUnits.root.id,
    password: PASSWORD,
    agentId: agent2!.id,
  });
  return agent2!;
}
