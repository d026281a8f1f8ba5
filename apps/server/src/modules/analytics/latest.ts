import { type SQL, sql } from 'drizzle-orm';

/** The id of the latest finished analysis run, as a scalar subquery (null before the first run). */
export const latestRunId: SQL = sql`(select lr.id from analysis_runs lr where lr.status = 'done' order by lr.as_of desc, lr.started_at desc limit 1)`;

/** An account's tier in the latest run, `general` when it has none yet. */
export function latestTier(accountId: SQL): SQL<'strategic' | 'core' | 'general'> {
  return sql`coalesce((select lt.tier from analysis_results lt where lt.run_id = ${latestRunId} and lt.account_id = ${accountId}), 'general')`;
}
