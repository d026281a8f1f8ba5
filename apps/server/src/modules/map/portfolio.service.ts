import type { MapPortfolio, MapQuery } from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { assertCan } from '../../platform/access/index.js';
import type { Ctx } from '../../platform/context.js';
import { rows } from '../../platform/db/index.js';
import { paretoPoints } from '../analytics/index.js';
import { accountFilter, cellFilter, findLatestRun } from './filters.js';

const BUBBLES = 300;

type Abc = 'A' | 'B' | 'C' | 'D';
type Group = { abc: Abc; accounts: number; revenue: string; margin: string };
type Point = { accountShare: number; revenueShare: number };

/**
 * The portfolio beside the map, over the filter: the largest accounts as bubbles on the McDonald
 * matrix (strength × attractiveness from the latest run), the Pareto curve and the ABC table it
 * colours. The bubbles walk the run by revenue (an index) until the filter has given enough; the
 * curve and the table come from the run's cells where they can answer the filter (`cellFilter`), the
 * curve then passing through its exact points at the edges of the revenue bands, else from the
 * results themselves, thinned in SQL like the identification overview's.
 */
export async function mapPortfolio(ctx: Ctx, q: MapQuery): Promise<MapPortfolio> {
  assertCan(ctx.user, 'analytics.read');
  const run = await findLatestRun(ctx);
  if (!run) return { runId: null, asOf: null, accounts: 0, bubbles: [], pareto: [], abc: [] };
  const from = sql`from analysis_results res join accounts a on a.id = res.account_id and ${accountFilter(ctx, q, run, 'a')}
                   where res.run_id = ${run.id}`;
  const cells = cellFilter(ctx, q, run, 'c');
  const [bubbles, { pareto, abc }] = await Promise.all([
    rows<{
      account_id: string;
      name: string;
      tier: 'strategic' | 'core' | 'general';
      abc: Abc;
      revenue: string;
      churn_risk: number;
      strength: number | null;
      attractiveness: number | null;
    }>(
      ctx.db,
      sql`select res.account_id, a.name, res.tier, res.abc, res.revenue, res.churn_risk,
                 (res.details #>> '{quadrant,strength}')::float8 as strength,
                 (res.details #>> '{quadrant,attractiveness}')::float8 as attractiveness
            ${from} order by res.revenue desc, res.account_id limit ${BUBBLES}`,
    ),
    cells ? fromCells(ctx, cells) : fromResults(ctx, from),
  ]);
  const accounts = abc.reduce((s, g) => s + g.accounts, 0);
  const revenue = abc.reduce((s, g) => s + Number(g.revenue), 0);
  const margin = abc.reduce((s, g) => s + Number(g.margin), 0);
  return {
    runId: run.id,
    asOf: run.asOf,
    accounts,
    bubbles: bubbles.map((b) => ({
      accountId: b.account_id,
      name: b.name,
      tier: b.tier,
      abc: b.abc,
      revenue: Number(b.revenue),
      churnRisk: b.churn_risk,
      strength: Number(b.strength ?? 0),
      attractiveness: Number(b.attractiveness ?? 0),
    })),
    pareto: pareto.length ? [{ accountShare: 0, revenueShare: 0 }, ...pareto] : [],
    abc: abc.map((g) => ({
      abc: g.abc,
      accounts: g.accounts,
      accountShare: accounts ? g.accounts / accounts : 0,
      revenue: Number(g.revenue),
      revenueShare: revenue > 0 ? Math.max(0, Number(g.revenue) / revenue) : 0,
      margin: Number(g.margin),
      marginShare: margin !== 0 ? Number(g.margin) / margin : 0,
    })),
  };
}

async function fromResults(ctx: Ctx, from: SQL): Promise<{ pareto: Point[]; abc: Group[] }> {
  const [pareto, abc] = await Promise.all([
    paretoPoints(ctx.db, from),
    rows<Group>(
      ctx.db,
      sql`select res.abc, count(*)::int as accounts, coalesce(sum(res.revenue), 0) as revenue,
                 coalesce(sum(res.margin), 0) as margin ${from} group by 1 order by 1`,
    ),
  ]);
  return { pareto, abc };
}

/** The ABC table and the Pareto curve from the cells by band and class, largest band first. */
async function fromCells(ctx: Ctx, cells: SQL): Promise<{ pareto: Point[]; abc: Group[] }> {
  const bands = await rows<Group & { band: number }>(
    ctx.db,
    sql`select c.band, c.abc, sum(c.accounts)::int as accounts, sum(c.revenue) as revenue, sum(c.margin) as margin
          from analysis_cells c where ${cells} group by 1, 2 order by 1 desc, 2`,
  );
  const abc = new Map<Abc, Group>();
  for (const b of bands) {
    const g = abc.get(b.abc) ?? { abc: b.abc, accounts: 0, revenue: '0', margin: '0' };
    abc.set(b.abc, {
      abc: b.abc,
      accounts: g.accounts + b.accounts,
      revenue: String(Number(g.revenue) + Number(b.revenue)),
      margin: String(Number(g.margin) + Number(b.margin)),
    });
  }
  const total = bands.reduce((s, b) => s + b.accounts, 0);
  const revenue = bands.reduce((s, b) => s + Number(b.revenue), 0);
  const pareto: Point[] = [];
  let n = 0;
  let cumulative = 0;
  for (const [i, b] of bands.entries()) {
    n += b.accounts;
    cumulative += Number(b.revenue);
    if (bands[i + 1]?.band === b.band) continue;
    pareto.push({ accountShare: n / total, revenueShare: revenue ? cumulative / revenue : 0 });
  }
  return { pareto, abc: [...abc.values()].sort((x, y) => x.abc.localeCompare(y.abc)) };
}
