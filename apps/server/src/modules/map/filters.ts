import type { MapQuery } from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { accountScope, orgUnitScope, seesEveryAccount } from '../../platform/access/index.js';
import type { Ctx } from '../../platform/context.js';
import { one } from '../../platform/db/index.js';
import { todayInChina } from '../../platform/today.js';

/** The latest finished analysis run and the one before it (step 1's figures, tiers, the portfolio). */
export type LatestRun = { id: string; asOf: string; previousRunId: string | null; churnThreshold: number };

export async function findLatestRun(ctx: Ctx): Promise<LatestRun | undefined> {
  const run = await one<{ id: string; as_of: unknown; previous_run_id: string | null; threshold: number | null }>(
    ctx.db,
    sql`select r.id, r.as_of, r.previous_run_id, (c.config #>> '{churn,alertThreshold}')::int as threshold
          from analysis_runs r join analysis_configs c on c.version = r.config_version
         where r.status = 'done' order by r.as_of desc, r.started_at desc limit 1`,
  );
  if (!run) return undefined;
  const asOf = run.as_of instanceof Date ? run.as_of.toISOString().slice(0, 10) : String(run.as_of).slice(0, 10);
  return { id: run.id, asOf, previousRunId: run.previous_run_id, churnThreshold: run.threshold ?? 60 };
}

/**
 * The accounts a map figure counts, as a predicate on `accounts` aliased `alias`: the caller's row
 * scope (in SQL, as everywhere) and the map's filters. The tier filter reads the latest run.
 */
export function accountFilter(ctx: Ctx, q: MapQuery, run: LatestRun | undefined, alias = 'a'): SQL {
  const a = sql.raw(`"${alias}"`);
  const parts: SQL[] = [sql`${a}.archived_at is null`, accountScope(ctx.user, alias)];
  if (q.orgUnitId)
    parts.push(
      sql`${a}.org_unit_id in (select x.id from org_units x where x.path like (select p.path from org_units p where p.id = ${q.orgUnitId}) || '%')`,
    );
  if (q.ownerId) parts.push(sql`${a}.owner_id = ${q.ownerId}`);
  if (q.industry) parts.push(sql`${a}.industry = ${q.industry}`);
  if (q.region) parts.push(sql`${a}.province = ${q.region}`);
  if (q.tier)
    parts.push(
      run
        ? sql`exists (select 1 from analysis_results ft where ft.run_id = ${run.id} and ft.account_id = ${a}.id and ft.tier = ${q.tier})`
        : sql`false`,
    );
  return sql.join(parts, sql` and `);
}

/**
 * `accountFilter` as a predicate on an `account_id` column: a semi-join on the accounts in the filter;
 * or, for a caller who sees every account with no filter set, an anti-join on the few archived ones,
 * the same set without reading 100,000 accounts.
 */
export function inAccountFilter(ctx: Ctx, q: MapQuery, run: LatestRun | undefined, column: SQL): SQL {
  const unfiltered = !q.orgUnitId && !q.ownerId && !q.industry && !q.region && !q.tier;
  return seesEveryAccount(ctx.user) && unfiltered
    ? sql`not exists (select 1 from accounts ax where ax.id = ${column} and ax.archived_at is not null)`
    : sql`${column} in (select a.id from accounts a where ${accountFilter(ctx, q, run, 'a')})`;
}

/**
 * The same filter over the latest run's `analysis_cells` aliased `alias`, or `undefined` where the cells
 * cannot answer it: a scope by owner or team (KAMs), or the owner filter (the cells hold no owner: a
 * KAM's 70 accounts are read live, and quickly, instead).
 */
export function cellFilter(ctx: Ctx, q: MapQuery, run: LatestRun, alias = 'c'): SQL | undefined {
  const c = sql.raw(`"${alias}"`);
  const scope = orgUnitScope(ctx.user, sql`${c}.org_unit_id`);
  if (!scope || q.ownerId) return undefined;
  const parts: SQL[] = [sql`${c}.run_id = ${run.id}`, scope];
  if (q.orgUnitId)
    parts.push(
      sql`${c}.org_unit_id in (select x.id from org_units x where x.path like (select p.path from org_units p where p.id = ${q.orgUnitId}) || '%')`,
    );
  if (q.industry) parts.push(sql`${c}.industry = ${q.industry}`);
  if (q.region) parts.push(sql`${c}.province = ${q.region}`);
  if (q.tier) parts.push(sql`${c}.tier = ${q.tier}`);
  return sql.join(parts, sql` and `);
}

/** The period the map reads plans, reviews and surveys for: the one asked, else the current year. */
export function mapPeriod(q: MapQuery): string {
  return q.period ?? todayInChina().slice(0, 4);
}

/** The account-level filters a list page understands, carried into a drill-down link. */
export function drillFilters(q: MapQuery, keys: readonly ('ownerId' | 'orgUnitId' | 'industry' | 'tier')[]) {
  const out: Record<string, string> = {};
  for (const k of keys) {
    const v = q[k];
    if (v) out[k] = v;
  }
  return out;
}
