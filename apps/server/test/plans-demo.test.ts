import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateAlerts } from '../src/modules/alerts/index.js';
import { recomputeRollups, runAnalysis } from '../src/modules/analytics/index.js';
import { DEMO_PASSWORD, generateDemo, generatePlansDemo, type PlansDemoSummary } from '../src/modules/demo/index.js';
import { rows, sql } from '../src/platform/db/index.js';
import { as, login, testApp, testDatabase } from './helpers.js';

const AS_OF = '2026-11-25';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: FastifyInstance;
let summary: PlansDemoSummary;

beforeAll(async () => {
  database = await testDatabase();
  await generateDemo(database, { accounts: 200, orderLines: 6000, asOf: AS_OF, seed: 11, silent: true });
  await recomputeRollups(database);
  await runAnalysis(database.db, { asOf: AS_OF, trigger: 'cli', startedBy: null });
  summary = await generatePlansDemo(database.db, { seed: 11, asOf: AS_OF });
  app = await testApp(database, true);
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('plans demo data', () => {
  it('gives every strategic account a current plan with actions done, in progress, overdue and not started', async () => {
    const found = await rows<{ account_id: string; plan_id: string | null; states: string[] | null }>(
      database.db,
      sql`select r.account_id, p.id as plan_id,
            (select array_agg(distinct case when pa.status in ('not_started', 'in_progress') and pa.due_date < ${AS_OF}::date
                                            then 'overdue' else pa.status end)
               from plan_actions pa where pa.plan_id = p.id) as states
          from analysis_results r join analysis_runs run on run.id = r.run_id
          left join account_plans p on p.account_id = r.account_id and p.year = 2026 and p.status = 'approved'
         where r.tier = 'strategic'`,
    );
    expect(found.length).toBeGreaterThan(3);
    expect(summary.plans).toBe(found.length);
    for (const f of found) {
      expect(f.plan_id, f.account_id).not.toBeNull();
      expect(new Set(f.states)).toEqual(
        new Set([
          'done',
          'in_progress',
          'overdue',
          'not_started',
          ...(f.states?.includes('cancelled') ? ['cancelled'] : []),
        ]),
      );
    }
  });

  it('has adjusted plans whose diff reads what changed, why and who', async () => {
    expect(summary.adjusted).toBeGreaterThan(0);
    const [adjusted] = await rows<{ id: string; owner: string }>(
      database.db,
      sql`select p.id, u.username as owner from account_plans p join accounts a on a.id = p.account_id
            join users u on u.id = a.owner_id where p.revision = 2 order by u.username = 'kam' desc, p.id limit 1`,
    );
    const director = as(app, await login(app, 'admin', DEMO_PASSWORD));
    const diff = (await director.get(`/plans/${adjusted!.id}/diff?from=1&to=2`)).json();
    expect(diff.to.reason).toBeTruthy();
    expect(diff.to.changedBy).not.toBeNull();
    const sections = new Set(diff.changes.map((c: { section: string; change: string }) => `${c.section}:${c.change}`));
    for (const expected of ['actions:added', 'actions:removed', 'actions:changed', 'swot:added', 'strategies:changed'])
      expect(sections).toContain(expected);
    // only what the adjustment touched shows up: no spurious owner or status differences
    expect(diff.changes.filter((c: { field: string | null }) => c.field === 'ownerName')).toEqual([]);
  });

  it('has opportunities at every stage, won and lost with reasons, some from recommendations', async () => {
    const found = await rows<{ key: string; n: number; reasons: number }>(
      database.db,
      sql`select case when status = 'open' then stage else status end as key, count(*)::int as n,
                 count(close_reason)::int as reasons
            from opportunities group by 1`,
    );
    const by = new Map(found.map((f) => [f.key, f]));
    for (const key of ['awareness', 'consideration', 'decision', 'purchase', 'renewal', 'won', 'lost'])
      expect(by.get(key)?.n ?? 0, key).toBeGreaterThan(0);
    expect(by.get('won')?.reasons).toBe(by.get('won')?.n);
    expect(by.get('lost')?.reasons).toBe(by.get('lost')?.n);
    const [recs] = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from opportunities where source_kind = 'recommendation' and source_evidence ? 'because'`,
    );
    expect(recs?.n).toBeGreaterThan(0);
  });

  it('is the same data again for the same seed and asOf', async () => {
    const again = await testDatabase();
    try {
      await generateDemo(again, { accounts: 200, orderLines: 6000, asOf: AS_OF, seed: 11, silent: true });
      await recomputeRollups(again);
      await runAnalysis(again.db, { asOf: AS_OF, trigger: 'cli', startedBy: null });
      expect(await generatePlansDemo(again.db, { seed: 11, asOf: AS_OF })).toEqual(summary);
      // the analysis run an opportunity came from is the database's own id, not generated data
      const digest = async (db: typeof database.db, table: string) =>
        (
          await rows<{ d: string }>(
            db,
            sql.raw(
              `select md5(string_agg((to_jsonb(t) - 'source_run_id')::text, '|' order by (to_jsonb(t) - 'source_run_id')::text)) as d from ${table} t`,
            ),
          )
        )[0]?.d;
      for (const table of [
        'account_plans',
        'plan_actions',
        'plan_items',
        'plan_versions',
        'opportunities',
        'opportunity_contacts',
        'contracts',
        'contract_plan_items',
        'sales_targets',
      ])
        expect(await digest(again.db, table), table).toBe(await digest(database.db, table));
    } finally {
      await again.dispose();
    }
  });

  it('has contracts of every type, some expiring within the alert window', async () => {
    const kinds = await rows<{ kind: string }>(database.db, sql`select distinct kind from contracts order by kind`);
    expect(kinds.map((k) => k.kind)).toEqual(['framework', 'long_term_agreement', 'maintenance', 'project']);
    const result = await evaluateAlerts(database.db, { today: AS_OF });
    expect(result.byRule.contract_expiring).toBeGreaterThan(0);
  });
});
