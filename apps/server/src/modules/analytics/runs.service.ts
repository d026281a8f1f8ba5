import type { Recommendation } from '@kamap/analytics';
import type { AnalysisRun, RunSummary } from '@kamap/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { assertCan } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { type Db, isoDate, isoTimestamp, isoTimestampOrNull, one, rows } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { todayInChina as today } from '../../platform/today.js';
import { type AccountOutcome, computeRun } from './compute.js';
import { currentConfig } from './config.service.js';
import { loadFeatures } from './features.js';

/**
 * An analysis run (ARCHITECTURE.md §6): the configuration it used, its asOf, every account's results
 * and what changed against the previous run. Started by `kamap analyze`, the API and the scheduler.
 */

export type Trigger = AnalysisRun['trigger'];
const BATCH = 2000;

type RunRow = {
  id: string;
  as_of: unknown;
  config_version: number;
  trigger: Trigger;
  status: AnalysisRun['status'];
  previous_run_id: string | null;
  summary: unknown;
  error: string | null;
  started_by: string | null;
  started_by_name: string | null;
  started_at: unknown;
  finished_at: unknown;
};

export const selectRuns = sql`
  select r.id, r.as_of, r.config_version, r.trigger, r.status, r.previous_run_id, r.summary, r.error,
         r.started_by, u.display_name as started_by_name, r.started_at, r.finished_at
    from analysis_runs r left join users u on u.id = r.started_by`;

export function toRun(r: RunRow): AnalysisRun {
  return {
    id: r.id,
    asOf: isoDate(r.as_of),
    configVersion: r.config_version,
    trigger: r.trigger,
    status: r.status,
    previousRunId: r.previous_run_id,
    summary: (r.summary as z.infer<typeof RunSummary> | null) ?? null,
    error: r.error,
    startedBy: r.started_by ? { id: r.started_by, displayName: r.started_by_name ?? '' } : null,
    startedAt: isoTimestamp(r.started_at),
    finishedAt: isoTimestampOrNull(r.finished_at),
  };
}

export async function findRun(db: Db, id: string): Promise<AnalysisRun | undefined> {
  const row = await one<RunRow>(db, sql`${selectRuns} where r.id = ${id}`);
  return row && toRun(row);
}

/** The latest finished run, or the one asked for (404 when it does not exist or did not finish). */
export async function resolveRun(db: Db, runId: string | undefined): Promise<AnalysisRun | undefined> {
  if (runId) {
    const run = await findRun(db, runId);
    if (run?.status !== 'done') throw AppError.notFound('Analysis run');
    return run;
  }
  const row = await one<RunRow>(
    db,
    sql`${selectRuns} where r.status = 'done' order by r.as_of desc, r.started_at desc limit 1`,
  );
  return row && toRun(row);
}

export async function listRuns(ctx: Ctx): Promise<{ items: AnalysisRun[] }> {
  assertCan(ctx.user, 'analytics.read');
  const found = await rows<RunRow>(ctx.db, sql`${selectRuns} order by r.started_at desc limit 100`);
  return { items: found.map(toRun) };
}

export async function getRun(ctx: Ctx, id: string): Promise<AnalysisRun> {
  assertCan(ctx.user, 'analytics.read');
  const run = await findRun(ctx.db, id);
  if (!run) throw AppError.notFound('Analysis run');
  return run;
}

export async function startRun(ctx: Ctx, input: { asOf?: string | undefined }): Promise<AnalysisRun> {
  assertCan(ctx.user, 'analytics.run');
  const asOf = input.asOf ?? today();
  if (asOf > today()) throw AppError.invalid('body.asOf', 'a run looks back from today or an earlier day');
  const run = await runAnalysis(ctx.db, { asOf, trigger: 'api', startedBy: ctx.user.id });
  await audit(ctx, 'analytics.run', 'analysis_run', run.id, { asOf });
  return run;
}

/** Runs the whole analysis; a failure is recorded on the run and rethrown. */
export async function runAnalysis(
  db: Db,
  opts: { asOf: string; trigger: Trigger; startedBy: string | null },
): Promise<AnalysisRun> {
  const started = Date.now();
  const busy = await one<{ id: string }>(
    db,
    sql`select id from analysis_runs where status = 'running' and started_at > now() - interval '1 hour' limit 1`,
  );
  if (busy) throw new AppError('conflict', 'An analysis run is already in progress; wait for it to finish');
  const config = await currentConfig(db);
  const previous = await one<{ id: string }>(
    db,
    sql`select id from analysis_runs where status = 'done' and as_of <= ${opts.asOf}::date
         order by as_of desc, started_at desc limit 1`,
  );
  const created = await one<{ id: string }>(
    db,
    sql`insert into analysis_runs (as_of, config_version, trigger, status, previous_run_id, started_by)
        values (${opts.asOf}, ${config.version}, ${opts.trigger}, 'running', ${previous?.id ?? null}, ${opts.startedBy})
        returning id`,
  );
  const runId = (created as { id: string }).id;
  try {
    const features = await loadFeatures(db, opts.asOf, {
      abcMonths: config.config.abc.windowMonths,
      rfmMonths: config.config.rfm.windowMonths,
    });
    const categories = await one<{ n: number }>(
      db,
      sql`select count(distinct category_id)::int as n from products where archived_at is null`,
    );
    const outcome = computeRun(features, config.config, opts.asOf, categories?.n ?? 0);
    await db.transaction(async (tx) => {
      await writeResults(tx, runId, outcome.results);
      await writeRecommendations(tx, runId, outcome.recommendations);
      const summary = await summarise(tx, runId, previous?.id ?? null, config.config.churn.alertThreshold);
      await tx.execute(sql`update analysis_runs set status = 'done', finished_at = now(),
          summary = ${JSON.stringify({ ...summary, fits: outcome.fits, durationMs: Date.now() - started })}::jsonb
        where id = ${runId}`);
    });
  } catch (err) {
    await db.execute(sql`update analysis_runs set status = 'failed', finished_at = now(),
        error = ${err instanceof Error ? err.message : String(err)} where id = ${runId}`);
    throw err;
  }
  return (await findRun(db, runId)) as AnalysisRun;
}

async function writeResults(tx: Db, runId: string, results: readonly AccountOutcome[]): Promise<void> {
  for (let i = 0; i < results.length; i += BATCH) {
    const batch = results.slice(i, i + BATCH).map((r) => ({
      account_id: r.accountId,
      score: r.score,
      computed_tier: r.computedTier,
      tier: r.tier,
      abc: r.abc,
      revenue: r.revenue,
      margin: r.margin,
      r: r.r,
      f: r.f,
      m: r.m,
      segment: r.segment,
      churn_risk: r.churnRisk,
      clv: r.clv,
      quadrant: r.quadrant,
      details: r.details,
    }));
    await tx.execute(sql`
      insert into analysis_results (run_id, account_id, score, computed_tier, tier, abc, revenue, margin, r, f, m,
                                    segment, churn_risk, clv, quadrant, details)
      select ${runId}::uuid, t.account_id, t.score, t.computed_tier, t.tier, t.abc, t.revenue, t.margin, t.r, t.f, t.m,
             t.segment, t.churn_risk, t.clv, t.quadrant, t.details
        from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as t(
          account_id uuid, score double precision, computed_tier text, tier text, abc text, revenue bigint,
          margin bigint, r smallint, f smallint, m smallint, segment text, churn_risk smallint, clv bigint,
          quadrant text, details jsonb)`);
  }
}

async function writeRecommendations(tx: Db, runId: string, recommendations: readonly Recommendation[]): Promise<void> {
  for (let i = 0; i < recommendations.length; i += BATCH) {
    const batch = recommendations.slice(i, i + BATCH);
    await tx.execute(sql`
      insert into analysis_recommendations (run_id, account_id, category_id, because_category_id, support, confidence, lift, peers)
      select ${runId}::uuid, t.id, t.category, t.because, t.support, t.confidence, t.lift, t.peers
        from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as t(
          id uuid, category uuid, because uuid, support double precision, confidence double precision,
          lift double precision, peers int)`);
  }
}

/** Counts and the moves against the previous run, computed in SQL over both runs' results. */
async function summarise(tx: Db, runId: string, previousRunId: string | null, threshold: number) {
  const row = (await one<Record<string, number>>(
    tx,
    sql`
    select count(*)::int as accounts,
           count(*) filter (where cur.tier = 'strategic')::int as strategic,
           count(*) filter (where cur.tier = 'core')::int as core,
           count(*) filter (where cur.tier = 'general')::int as general,
           count(*) filter (where cur.abc = 'A')::int as a, count(*) filter (where cur.abc = 'B')::int as b,
           count(*) filter (where cur.abc = 'C')::int as c, count(*) filter (where cur.abc = 'D')::int as d,
           count(*) filter (where cur.churn_risk >= ${threshold})::int as at_risk,
           count(*) filter (where prev.tier is distinct from cur.tier and prev.run_id is not null)::int as tier_moves,
           count(*) filter (where prev.abc is distinct from cur.abc and prev.run_id is not null)::int as abc_moves,
           count(*) filter (where cur.churn_risk >= ${threshold}
                              and (prev.run_id is null or prev.churn_risk < ${threshold}))::int as new_churn_risks
      from analysis_results cur
      left join analysis_results prev on prev.run_id = ${previousRunId} and prev.account_id = cur.account_id
     where cur.run_id = ${runId}`,
  )) as Record<string, number>;
  return {
    accounts: row.accounts,
    tiers: { strategic: row.strategic, core: row.core, general: row.general },
    abc: { A: row.a, B: row.b, C: row.c, D: row.d },
    atRisk: row.at_risk,
    tierMoves: previousRunId ? row.tier_moves : 0,
    abcMoves: previousRunId ? row.abc_moves : 0,
    newChurnRisks: previousRunId ? row.new_churn_risks : row.at_risk,
  };
}
