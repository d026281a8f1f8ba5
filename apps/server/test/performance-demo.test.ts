import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeRollups, runAnalysis } from '../src/modules/analytics/index.js';
import {
  DEMO_PASSWORD,
  generateDemo,
  generatePerformanceDemo,
  generateServiceDemo,
  type PerformanceDemoSummary,
} from '../src/modules/demo/index.js';
import { one, rows, sql } from '../src/platform/db/index.js';
import { todayInChina } from '../src/platform/today.js';
import { as, login, testApp, testDatabase } from './helpers.js';

const AS_OF = '2026-11-25';
let database: Awaited<ReturnType<typeof testDatabase>>;
let app: FastifyInstance;
let summary: PerformanceDemoSummary;
let admin: ReturnType<typeof as>;
let kam: ReturnType<typeof as>;

beforeAll(async () => {
  database = await testDatabase();
  await generateDemo(database, { accounts: 150, orderLines: 3000, asOf: AS_OF, seed: 7, silent: true });
  await recomputeRollups(database);
  await runAnalysis(database.db, { asOf: AS_OF, trigger: 'cli', startedBy: null });
  await generateServiceDemo(database.db, { seed: 7, asOf: AS_OF });
  summary = await generatePerformanceDemo(database.db, { seed: 7, asOf: AS_OF });
  app = await testApp(database, true);
  admin = as(app, await login(app, 'admin', DEMO_PASSWORD));
  kam = as(app, await login(app, 'kam', DEMO_PASSWORD));
}, 600_000);
afterAll(async () => {
  await app?.close();
  await database.dispose();
});

const strategic = () =>
  rows<{ id: string }>(
    database.db,
    sql`select ar.account_id as id from analysis_results ar
         where ar.run_id = (select id from analysis_runs where status = 'done' order by as_of desc limit 1)
           and ar.tier = 'strategic' order by ar.account_id`,
  );

describe('performance demo', () => {
  it('gives every strategic account a review with a problem analysis and improvement actions, in both quarters', async () => {
    const ids = await strategic();
    expect(ids.length).toBeGreaterThan(3);
    const covered = await rows<{ id: string; periods: number }>(
      database.db,
      sql`select r.account_id as id, count(distinct r.period)::int as periods from reviews r
           where exists (select 1 from review_causes c where c.review_id = r.id)
             and exists (select 1 from review_actions x where x.review_id = r.id)
           group by r.account_id`,
    );
    const byId = new Map(covered.map((c) => [c.id, c.periods]));
    for (const { id } of ids) expect(byId.get(id), id).toBe(2);
    expect(summary.events).toBeGreaterThan(0);
    expect(summary.invitations).toBeGreaterThan(0);
    expect(summary.valueAddedServices).toBeGreaterThanOrEqual(ids.length);
  });

  it('has last-quarter improvements whose gap closed and ones whose gap did not, as the next review shows them', async () => {
    expect(summary.effects.closed).toBeGreaterThan(0);
    expect(summary.effects.notClosed).toBeGreaterThan(0);
    const current = await rows<{ id: string }>(
      database.db,
      sql`select id from reviews where period = '2026-Q4' order by id`,
    );
    const states: string[] = [];
    for (const r of current) {
      const detail = (await admin.get(`/reviews/${r.id}`)).json();
      for (const a of detail.previous?.actions ?? []) states.push(a.effect.state);
    }
    expect(states.filter((s) => s === 'closed').length).toBe(summary.effects.closed);
    expect(states.filter((s) => s === 'not_closed' || s === 'narrowed').length).toBe(summary.effects.notClosed);
  });

  it('lets the demo KAM see, from its own reviews, whether last quarter’s improvements closed their gaps', async () => {
    const list = (await kam.get('/reviews?period=2026-Q4&limit=100')).json();
    expect(list.total).toBeGreaterThan(0);
    const states = new Set<string>();
    for (const r of list.items) {
      const detail = (await kam.get(`/reviews/${r.id}`)).json();
      for (const a of detail.previous?.actions ?? []) states.add(a.effect.state);
    }
    expect(states.has('closed')).toBe(true);
    expect([...states].some((s) => s === 'not_closed' || s === 'narrowed')).toBe(true);
  });

  it('the map’s step 5 equals a count over the reviews, gaps and actions themselves', async () => {
    type Figure = { key: string; value: number };
    const figures: Figure[] = (await admin.get('/map/steps/evaluate?period=2026')).json().figures;
    const value = (key: string) => figures.find((f) => f.key === key)?.value;
    const reviews = await rows<{ id: string; subject: string; held_on: string }>(
      database.db,
      sql`select id, subject_kind || subject_id as subject, held_on::text from reviews
           where archived_at is null and (period = '2026' or period like '2026-%') order by held_on desc, id`,
    );
    const gaps = await rows<{ review_id: string; kpi_id: string; status: string }>(
      database.db,
      sql`select review_id, kpi_id, status from review_gaps`,
    );
    const latest = new Map<string, string>();
    for (const r of reviews) if (!latest.has(r.subject)) latest.set(r.subject, r.id);
    const latestIds = new Set(latest.values());
    const countGaps = (status: string) => gaps.filter((g) => latestIds.has(g.review_id) && g.status === status).length;
    // each done action's effect: its KPI's status at the subject's next review (any review, any period)
    const all = await rows<{ id: string; subject: string; held_on: string }>(
      database.db,
      sql`select id, subject_kind || subject_id as subject, held_on::text from reviews where archived_at is null
           order by held_on, id`,
    );
    const actions = await rows<{ review_id: string; kpi_id: string | null; status: string; due_date: string }>(
      database.db,
      sql`select x.review_id, x.kpi_id, x.status, x.due_date::text from review_actions x
           where x.archived_at is null and x.review_id in (select id from reviews where archived_at is null
             and (period = '2026' or period like '2026-%'))`,
    );
    const effect = (a: (typeof actions)[number]) => {
      const own = all.find((r) => r.id === a.review_id)!;
      const next = all.find((r) => r.subject === own.subject && r.held_on > own.held_on);
      return next && gaps.find((g) => g.review_id === next.id && g.kpi_id === a.kpi_id)?.status;
    };
    const live = actions.filter((a) => a.status === 'open' || a.status === 'in_progress');
    const done = actions.filter((a) => a.status === 'done').map(effect);
    expect({
      green: value('kpi.green'),
      amber: value('kpi.amber'),
      red: value('kpi.red'),
      open: value('improvement.open'),
      overdue: value('improvement.overdue'),
      closed: value('improvement.closedGap'),
      remains: value('improvement.gapRemains'),
    }).toEqual({
      green: countGaps('green'),
      amber: countGaps('amber'),
      red: countGaps('red'),
      open: live.length,
      overdue: live.filter((a) => a.due_date < todayInChina()).length,
      closed: done.filter((e) => e === 'green').length,
      remains: done.filter((e) => e === 'amber' || e === 'red').length,
    });
    expect(value('improvement.closedGap')).toBeGreaterThan(0);
    expect(value('improvement.gapRemains')).toBeGreaterThan(0);
  });

  it('computes KPI actuals that equal an independent SQL sum of the orders, for a sample of subjects and periods', async () => {
    const sales = await one<{ id: string }>(database.db, sql`select id from kpi_definitions where code = 'sales'`);
    let checked = 0;
    for (const period of ['2026-Q3', '2026-Q4']) {
      const [from, to] = period === '2026-Q3' ? ['2026-07-01', '2026-09-30'] : ['2026-10-01', '2026-12-31'];
      for (const kind of ['account', 'kam', 'org_unit']) {
        const page = (
          await admin.get(`/kpi-targets?period=${period}&kpiId=${sales!.id}&subjectKind=${kind}&limit=5`)
        ).json();
        expect(page.items.length, `${period} ${kind}`).toBeGreaterThan(0);
        for (const t of page.items) {
          const owned =
            kind === 'account'
              ? sql`l.account_id = ${t.subject.id}`
              : kind === 'kam'
                ? sql`a.owner_id = ${t.subject.id}`
                : sql`a.org_unit_id in (select d.id from org_units d where d.path like (select u.path from org_units u where u.id = ${t.subject.id}) || '%')`;
          const ref = await one<{ s: number | null }>(
            database.db,
            sql`select sum(l.amount)::float8 as s from order_lines l join orders o on o.id = l.order_id
                  join accounts a on a.id = l.account_id
                 where ${owned} and o.status <> 'cancelled' and o.archived_at is null
                   and l.order_date between ${from}::date and ${to}::date`,
          );
          expect(t.actual.value, `${period} ${kind} ${t.subject.name}`).toBe(ref?.s ?? 0);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });
});

describe('performance demo determinism', () => {
  it('writes the same events, services, targets, reviews, analyses and actions for the same seed and day', async () => {
    const again = await testDatabase();
    try {
      await generateDemo(again, { accounts: 150, orderLines: 3000, asOf: AS_OF, seed: 7, silent: true });
      await recomputeRollups(again);
      await runAnalysis(again.db, { asOf: AS_OF, trigger: 'cli', startedBy: null });
      await generateServiceDemo(again.db, { seed: 7, asOf: AS_OF });
      expect(await generatePerformanceDemo(again.db, { seed: 7, asOf: AS_OF })).toEqual(summary);
      // built-in KPI ids come from the migration (random per database): compare them by code
      const digest = async (db: typeof database, table: string, columns: string) =>
        (
          await one<{ d: string }>(
            db.db,
            sql.raw(
              `select md5(string_agg(row(${columns})::text, '|' order by row(${columns})::text)) as d from ${table}`,
            ),
          )
        )?.d;
      for (const [table, columns] of [
        ['club_events', 'id, title, held_on, cost, status, org_unit_id'],
        ['event_invitations', 'id, event_id, contact_id, status, follow_up_task_id'],
        ['value_added_services', 'id, account_id, kind, delivered_on, cost, feedback_score'],
        [
          'kpi_targets',
          'id, (select k.code from kpi_definitions k where k.id = kpi_id), subject_kind, subject_id, period, target',
        ],
        ['reviews', 'id, subject_id, period, held_on, status'],
        [
          'review_gaps',
          'review_id, (select k.code from kpi_definitions k where k.id = kpi_id), target, actual, status',
        ],
        ['review_causes', 'id, review_id, category, statement, evidence'],
        [
          'review_actions',
          'id, review_id, (select k.code from kpi_definitions k where k.id = kpi_id), status, due_date, done_on',
        ],
      ] as const) {
        expect(await digest(again, table, columns), table).toBe(await digest(database, table, columns));
      }
    } finally {
      await again.dispose();
    }
  }, 600_000);
});
