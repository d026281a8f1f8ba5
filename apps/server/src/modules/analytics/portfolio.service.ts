import type {
  AccountResultSummary,
  AnalysisConfig,
  Portfolio,
  PreviewResult,
  ResultListQuery,
  RunChangesQuery,
  Tier,
} from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountScope, assertCan } from '../../platform/access/index.js';
import type { Ctx } from '../../platform/context.js';
import { type Db, rows } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { afterCursor, orderBy, type SortSpec, toPage } from '../../platform/http/paging.js';
import { scoreAndTier } from './compute.js';
import { configVersion } from './config.service.js';
import { loadFeatures } from './features.js';
import { findRun, resolveRun } from './runs.service.js';

/** Portfolio views of a run, always over the caller's scope: the same figures a drill-down lists. */

const TIERS: Tier[] = ['strategic', 'core', 'general'];
const PARETO_POINTS = 50;

const inScope = (ctx: Ctx) => sql`join accounts a on a.id = res.account_id and ${accountScope(ctx.user, 'a')}`;

/**
 * The Pareto curve of the accounts `from` selects (a `from … where` over analysis results `res`):
 * cumulative revenue share against account share, biggest first, thinned in SQL to about
 * PARETO_POINTS points. The origin is the caller's to add.
 */
export async function paretoPoints(db: Db, from: SQL): Promise<{ accountShare: number; revenueShare: number }[]> {
  const points = await rows<{ account_share: number; revenue_share: number | null }>(
    db,
    sql`with ranked as (
          select row_number() over (order by res.revenue desc, res.account_id) as n, count(*) over () as total,
                 sum(res.revenue) over (order by res.revenue desc, res.account_id) as cumulative,
                 sum(res.revenue) over () as revenue
            ${from})
        select n::float8 / total as account_share, cumulative::float8 / nullif(revenue, 0) as revenue_share
          from ranked
         where n = total or n % greatest(1, total / ${PARETO_POINTS}) = 0
         order by n`,
  );
  return points.map((p) => ({ accountShare: Number(p.account_share), revenueShare: Number(p.revenue_share ?? 0) }));
}

export async function getPortfolio(ctx: Ctx, runId: string | undefined): Promise<Portfolio> {
  assertCan(ctx.user, 'analytics.read');
  const run = await resolveRun(ctx.db, runId);
  const empty: Portfolio = {
    run: run ?? null,
    pyramid: TIERS.map((tier) => ({ tier, accounts: 0, revenue: 0, margin: 0 })),
    abc: [],
    pareto: [],
    rfm: [],
    segments: [],
    quadrants: [],
    atRisk: { accounts: 0, revenue: 0, aAccounts: 0 },
  };
  if (!run) return empty;
  const config = await configVersion(ctx.db, run.configVersion);
  const from = sql`from analysis_results res ${inScope(ctx)} where res.run_id = ${run.id}`;
  type Group = { key: string; accounts: number; revenue: number; margin: number };
  const group = (column: SQL) =>
    rows<Group>(
      ctx.db,
      sql`select ${column} as key, count(*)::int as accounts, coalesce(sum(res.revenue), 0) as revenue,
                 coalesce(sum(res.margin), 0) as margin ${from} group by 1 order by 1`,
    );
  const [tiers, abc, segments, quadrants] = await Promise.all([
    group(sql`res.tier`),
    group(sql`res.abc`),
    group(sql`res.segment`),
    group(sql`res.quadrant`),
  ]);
  const rfm = await rows<{ r: number; f: number; accounts: number; revenue: number }>(
    ctx.db,
    sql`select res.r, res.f, count(*)::int as accounts, coalesce(sum(res.revenue), 0) as revenue ${from}
         group by 1, 2 order by 1, 2`,
  );
  // the curve over every account in scope (the ABC table's base too)
  const pareto = await paretoPoints(ctx.db, from);
  const threshold = config.churn.alertThreshold;
  const [risk] = await rows<{ accounts: number; revenue: number; a_accounts: number }>(
    ctx.db,
    sql`select count(*)::int as accounts, coalesce(sum(res.revenue), 0) as revenue,
               (count(*) filter (where res.abc = 'A'))::int as a_accounts
          ${from} and res.churn_risk >= ${threshold}`,
  );
  const totalAccounts = tiers.reduce((s, g) => s + g.accounts, 0);
  const totalRevenue = abc.reduce((s, g) => s + Number(g.revenue), 0);
  const totalMargin = abc.reduce((s, g) => s + Number(g.margin), 0);
  return {
    ...empty,
    pyramid: TIERS.map((tier) => {
      const g = tiers.find((x) => x.key === tier);
      return { tier, accounts: g?.accounts ?? 0, revenue: Number(g?.revenue ?? 0), margin: Number(g?.margin ?? 0) };
    }),
    abc: abc.map((g) => ({
      abc: g.key as 'A' | 'B' | 'C' | 'D',
      accounts: g.accounts,
      accountShare: totalAccounts ? g.accounts / totalAccounts : 0,
      revenue: Number(g.revenue),
      revenueShare: totalRevenue > 0 ? Math.max(0, Number(g.revenue) / totalRevenue) : 0,
      margin: Number(g.margin),
      marginShare: totalMargin !== 0 ? Number(g.margin) / totalMargin : 0,
    })),
    pareto: [{ accountShare: 0, revenueShare: 0 }, ...pareto],
    rfm: rfm.map((c) => ({ r: c.r, f: c.f, accounts: c.accounts, revenue: Number(c.revenue) })),
    segments: segments.map((g) => ({
      segment: g.key as Portfolio['segments'][number]['segment'],
      accounts: g.accounts,
      revenue: Number(g.revenue),
    })),
    quadrants: quadrants.map((g) => ({
      quadrant: g.key as Portfolio['quadrants'][number]['quadrant'],
      accounts: g.accounts,
      revenue: Number(g.revenue),
    })),
    atRisk: risk
      ? { accounts: risk.accounts, revenue: Number(risk.revenue), aAccounts: risk.a_accounts }
      : empty.atRisk,
  };
}

type ResultRow = {
  account_id: string;
  code: string;
  name: string;
  owner_name: string | null;
  score: number;
  tier: Tier;
  computed_tier: Tier;
  abc: AccountResultSummary['abc'];
  revenue: number;
  margin: number;
  segment: AccountResultSummary['rfmSegment'];
  churn_risk: number;
  clv: number | null;
  quadrant: AccountResultSummary['quadrant'];
};

const RESULT_SORTS: Record<string, SQL> = {
  score: sql`res.score`,
  revenue: sql`res.revenue`,
  churn: sql`res.churn_risk`,
  clv: sql`res.clv`,
};

/** The accounts behind any figure of the portfolio views. */
export async function listResults(ctx: Ctx, q: z.infer<typeof ResultListQuery>) {
  assertCan(ctx.user, 'analytics.read');
  const run = await resolveRun(ctx.db, q.runId);
  if (!run) return { items: [], nextCursor: null, total: 0 };
  const filters: SQL[] = [sql`res.run_id = ${run.id}`];
  if (q.tier) filters.push(sql`res.tier = ${q.tier}`);
  if (q.abc) filters.push(sql`res.abc = ${q.abc}`);
  if (q.segment) filters.push(sql`res.segment = ${q.segment}`);
  if (q.quadrant) filters.push(sql`res.quadrant = ${q.quadrant}`);
  if (q.r) filters.push(sql`res.r = ${q.r}`);
  if (q.f) filters.push(sql`res.f = ${q.f}`);
  if (q.churnMin !== undefined) filters.push(sql`res.churn_risk >= ${q.churnMin}`);
  if (q.q) filters.push(sql`(a.name ilike ${`%${q.q}%`} or a.code ilike ${`%${q.q}%`})`);
  const where = sql.join(filters, sql` and `);
  const spec: SortSpec = { column: RESULT_SORTS[q.sort] as SQL, key: q.sort, desc: true };
  const id = sql`res.account_id`;
  const [count] = await rows<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n from analysis_results res ${inScope(ctx)} where ${where}`,
  );
  const found = await rows<ResultRow>(
    ctx.db,
    sql`select res.account_id, a.code, a.name, u.display_name as owner_name, res.score, res.tier, res.computed_tier,
               res.abc, res.revenue, res.margin, res.segment, res.churn_risk, res.clv, res.quadrant
          from analysis_results res ${inScope(ctx)}
          left join users u on u.id = a.owner_id
         where ${where} and ${afterCursor(spec, id, q.cursor)}
         order by ${orderBy(spec, id)} limit ${q.limit + 1}`,
  );
  const sortValue: Record<string, (r: ResultRow) => number | null> = {
    score: (r) => r.score,
    revenue: (r) => Number(r.revenue),
    churn: (r) => r.churn_risk,
    clv: (r) => (r.clv === null ? null : Number(r.clv)),
  };
  return toPage(
    found,
    q.limit,
    (r) => [(sortValue[q.sort] as (r: ResultRow) => number | null)(r), r.account_id],
    (r): AccountResultSummary => ({
      accountId: r.account_id,
      code: r.code,
      name: r.name,
      ownerName: r.owner_name,
      score: r.score,
      tier: r.tier,
      computedTier: r.computed_tier,
      abc: r.abc,
      revenue: Number(r.revenue),
      margin: Number(r.margin),
      rfmSegment: r.segment,
      churnRisk: r.churn_risk,
      clv: r.clv === null ? null : Number(r.clv),
      quadrant: r.quadrant,
    }),
    count?.n ?? 0,
  );
}

/** What changed in a run against the run before it: tier moves, ABC moves, new churn risks. */
export async function listChanges(ctx: Ctx, runId: string, q: z.infer<typeof RunChangesQuery>) {
  assertCan(ctx.user, 'analytics.read');
  const run = await findRun(ctx.db, runId);
  if (run?.status !== 'done') throw AppError.notFound('Analysis run');
  const config = await configVersion(ctx.db, run.configVersion);
  const threshold = config.churn.alertThreshold;
  const kinds = q.kind ? [q.kind] : (['tier', 'abc', 'churn'] as const);
  // each kind: this run's result beside the previous run's, and when it counts as a change
  const fromPrevious = sql`from analysis_results res ${inScope(ctx)}
    left join analysis_results prev on prev.run_id = ${run.previousRunId} and prev.account_id = res.account_id
    where res.run_id = ${run.id}`;
  const changed: Record<(typeof kinds)[number], { value: SQL; when: SQL }> = {
    tier: {
      value: sql`tier`,
      when: sql`prev.tier is distinct from res.tier and ${run.previousRunId}::uuid is not null`,
    },
    abc: { value: sql`abc`, when: sql`prev.abc is distinct from res.abc and ${run.previousRunId}::uuid is not null` },
    churn: {
      value: sql`churn_risk::text`,
      when: sql`res.churn_risk >= ${threshold} and (prev.run_id is null or prev.churn_risk < ${threshold})`,
    },
  };
  const parts = kinds.map(
    (
      kind,
    ) => sql`select ${kind}::text as kind, prev.${changed[kind].value} as from_value, res.${changed[kind].value} as to_value,
                         res.*, prev.score as score_before
                    ${fromPrevious} and ${changed[kind].when}`,
  );
  const union = sql.join(parts, sql` union all `);
  // the sort key joins kind and score so the cursor stays one value
  const key = sql`(ch.kind || ':' || to_char(ch.score, 'FM000.0000'))`;
  const spec: SortSpec = { column: key, key: 'kind', desc: true };
  const id = sql`ch.account_id`;
  const [count] = await rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from (${union}) ch`);
  type ChangeRow = ResultRow & {
    kind: 'tier' | 'abc' | 'churn';
    from_value: string | null;
    to_value: string;
    score_before: number | null;
    sort_key: string;
  };
  const found = await rows<ChangeRow>(
    ctx.db,
    sql`select ch.*, a.code, a.name, ${key} as sort_key from (${union}) ch join accounts a on a.id = ch.account_id
         where ${afterCursor(spec, id, q.cursor)} order by ${orderBy(spec, id)} limit ${q.limit + 1}`,
  );
  return toPage(
    found,
    q.limit,
    (r) => [r.sort_key, r.account_id],
    (r) => ({
      accountId: r.account_id,
      code: r.code,
      name: r.name,
      kind: r.kind,
      from: r.from_value,
      to: r.to_value,
      scoreBefore: r.score_before,
      scoreAfter: r.score,
      churnRisk: r.churn_risk,
    }),
    count?.n ?? 0,
  );
}

/** Tier × tier between two runs over the caller's accounts; null = not in that run. */
export async function tierMigration(ctx: Ctx, fromId: string, toId: string) {
  assertCan(ctx.user, 'analytics.read');
  const [from, to] = await Promise.all([resolveRun(ctx.db, fromId), resolveRun(ctx.db, toId)]);
  const cells = await rows<{ from_tier: Tier | null; to_tier: Tier | null; accounts: number }>(
    ctx.db,
    sql`select x.tier as from_tier, y.tier as to_tier, count(*)::int as accounts
          from (select account_id, tier from analysis_results where run_id = ${fromId}) x
          full join (select account_id, tier from analysis_results where run_id = ${toId}) y using (account_id)
          join accounts a on a.id = coalesce(x.account_id, y.account_id) and ${accountScope(ctx.user, 'a')}
         group by 1, 2 order by 1, 2`,
  );
  return {
    from: from as NonNullable<typeof from>,
    to: to as NonNullable<typeof to>,
    cells: cells.map((c) => ({ from: c.from_tier, to: c.to_tier, accounts: c.accounts })),
  };
}

const PREVIEW_MOVES = 200;

/** What-if: tiers under a draft configuration, against the current one, on today's data in scope. */
export async function previewConfig(ctx: Ctx, draft: AnalysisConfig): Promise<PreviewResult> {
  assertCan(ctx.user, 'analytics.configure');
  const run = await resolveRun(ctx.db, undefined);
  const asOf = run?.asOf ?? new Date().toISOString().slice(0, 10);
  const current = run ? await configVersion(ctx.db, run.configVersion) : draft;
  const features = await loadFeatures(ctx.db, asOf, { abcMonths: 1, rfmMonths: 1 });
  // scores are relative to the whole portfolio, so compute on all of it and show only what is in scope
  const before = scoreAndTier(features, current, asOf);
  const after = scoreAndTier(features, draft, asOf);
  const visible = new Set(
    (
      await rows<{ id: string }>(
        ctx.db,
        sql`select a.id from accounts a where a.archived_at is null and ${accountScope(ctx.user, 'a')}`,
      )
    ).map((r) => r.id),
  );
  const counts = () => ({ strategic: 0, core: 0, general: 0 });
  const tally = { before: counts(), after: counts() };
  const moved: { id: string; from: Tier; to: Tier; scoreBefore: number; scoreAfter: number }[] = [];
  before.forEach((b, i) => {
    if (!visible.has(b.id)) return;
    const a = after[i] as (typeof after)[number];
    tally.before[b.effective.tier]++;
    tally.after[a.effective.tier]++;
    if (a.effective.tier !== b.effective.tier)
      moved.push({ id: b.id, from: b.effective.tier, to: a.effective.tier, scoreBefore: b.score, scoreAfter: a.score });
  });
  moved.sort(
    (x, y) => Math.abs(y.scoreAfter - y.scoreBefore) - Math.abs(x.scoreAfter - x.scoreBefore) || (x.id < y.id ? -1 : 1),
  );
  const shown = moved.slice(0, PREVIEW_MOVES);
  const names = shown.length
    ? await rows<{ id: string; code: string; name: string }>(
        ctx.db,
        sql`select id, code, name from accounts where id = any(${`{${shown.map((m) => m.id).join(',')}}`}::uuid[])`,
      )
    : [];
  const byId = new Map(names.map((n) => [n.id, n]));
  return {
    basedOnRun: run ?? null,
    before: tally.before,
    after: tally.after,
    changed: moved.length,
    moves: shown.map((m) => ({
      accountId: m.id,
      code: byId.get(m.id)?.code ?? '',
      name: byId.get(m.id)?.name ?? '',
      from: m.from,
      to: m.to,
      scoreBefore: m.scoreBefore,
      scoreAfter: m.scoreAfter,
    })),
  };
}
