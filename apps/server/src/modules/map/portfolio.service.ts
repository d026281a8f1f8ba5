import type { MapPortfolio, MapQuery } from '@kamap/contracts';
import { sql } from 'drizzle-orm';
import { assertCan } from '../../platform/access/index.js';
import type { Ctx } from '../../platform/context.js';
import { rows } from '../../platform/db/index.js';
import { paretoPoints } from '../analytics/index.js';
import { accountFilter, findLatestRun } from './filters.js';

const BUBBLES = 300;

/**
 * The portfolio beside the map, over the filter: the largest accounts as bubbles on the McDonald
 * matrix (strength × attractiveness from the latest run), the Pareto curve and the ABC table it
 * colours, thinned in SQL like the identification overview's.
 */
export async function mapPortfolio(ctx: Ctx, q: MapQuery): Promise<MapPortfolio> {
  assertCan(ctx.user, 'analytics.read');
  const run = await findLatestRun(ctx);
  if (!run) return { runId: null, asOf: null, accounts: 0, bubbles: [], pareto: [], abc: [] };
  const from = sql`from analysis_results res join accounts a on a.id = res.account_id and ${accountFilter(ctx, q, run, 'a')}
                   where res.run_id = ${run.id}`;
  const [bubbles, pareto, abc] = await Promise.all([
    rows<{
      account_id: string;
      name: string;
      tier: 'strategic' | 'core' | 'general';
      abc: 'A' | 'B' | 'C' | 'D';
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
    paretoPoints(ctx.db, from),
    rows<{ abc: 'A' | 'B' | 'C' | 'D'; accounts: number; revenue: string; margin: string }>(
      ctx.db,
      sql`select res.abc, count(*)::int as accounts, coalesce(sum(res.revenue), 0) as revenue,
                 coalesce(sum(res.margin), 0) as margin ${from} group by 1 order by 1`,
    ),
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
