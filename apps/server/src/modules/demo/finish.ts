import type { Database } from '../../platform/db/index.js';
import { fillNameSortKeys } from '../../platform/db/sort-keys.js';
import { evaluateAlerts } from '../alerts/index.js';
import { recomputeRollups, runAnalysis } from '../analytics/index.js';
import { runCare } from '../care/index.js';
import { settleDemoCare } from './care.js';
import { generateChannelsDemo } from './channels.js';
import { generatePerformanceDemo } from './performance.js';
import { generatePlansDemo } from './plans.js';
import { generateServiceDemo } from './service.js';

const daysBefore = (day: string, n: number) => new Date(Date.parse(day) - n * 86_400_000).toISOString().slice(0, 10);

/**
 * What happens to freshly generated demo data before anyone signs in: rollups, two analysis runs a
 * month apart (so the demo answers "who moved tier since last month?"), the care job three weeks ago
 * (mostly done since) and today, complaints and surveys, and an alert evaluation.
 */
export async function finishDemo(
  database: Database,
  summary: { seed: number; asOf: string },
  say: (line: string) => void = () => {},
) {
  await fillNameSortKeys(database.db, 'accounts');
  await fillNameSortKeys(database.db, 'contacts');
  await recomputeRollups(database);
  const analyse = async (asOf: string) => {
    const run = await runAnalysis(database.db, { asOf, trigger: 'cli', startedBy: null });
    const s = run.summary;
    say(
      `analysis as of ${asOf}: ${
        s
          ? `${s.accounts} accounts, ${s.tiers.strategic} strategic / ${s.tiers.core} core / ${s.tiers.general} general, ${s.atRisk} at churn risk, ${s.tierMoves} tier moves, ${(s.durationMs / 1000).toFixed(1)} s`
          : run.status
      }`,
    );
  };
  await analyse(daysBefore(summary.asOf, 30));
  // complaints and surveys come between the two runs (they need tiers for their SLAs), so today's
  // churn risk reads them
  const service = await generateServiceDemo(database.db, { seed: summary.seed, asOf: summary.asOf });
  await analyse(summary.asOf);
  const earlier = await runCare(database.db, daysBefore(summary.asOf, 21));
  const settled = await settleDemoCare(database.db, summary.asOf);
  say(`care tasks as of ${earlier.asOf}: ${settled.done} done, ${settled.open} left overdue`);
  const care = await runCare(database.db, summary.asOf);
  say(
    `care tasks as of ${care.asOf}: ${Object.entries(care.created)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
  const plans = await generatePlansDemo(database.db, { seed: summary.seed, asOf: summary.asOf });
  say(
    `plans: ${plans.plans} strategic plans (${plans.adjusted} adjusted), ${plans.opportunities} opportunities, ${plans.contracts} contracts, ${plans.targets} monthly targets`,
  );
  const performance = await generatePerformanceDemo(database.db, { seed: summary.seed, asOf: summary.asOf });
  say(
    `performance: ${performance.events} club events (${performance.invitations} invitations), ${performance.valueAddedServices} value-added services, ${performance.targets} KPI targets, ${performance.reviews} reviews; last quarter's improvements: ${performance.effects.closed} gaps closed, ${performance.effects.notClosed} not`,
  );
  const channels = await generateChannelsDemo(database.db, { seed: summary.seed, asOf: summary.asOf });
  say(
    `channels: registrations ${Object.entries(channels.registrations)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}; ${channels.priceLists} price lists, ${channels.agreements} agreements; discounts ${Object.entries(
      channels.discounts,
    )
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
  const alerts = await evaluateAlerts(database.db);
  say(
    `service: ${service.complaints} complaints (${service.escalated} escalated), ${service.surveys} surveys; alerts: ${Object.entries(
      alerts.byRule,
    )
      .map(([rule, n]) => `${rule} ${n}`)
      .join(', ')}`,
  );
  return { care, service, alerts };
}
