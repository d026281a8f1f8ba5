import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeRollups, runAnalysis } from '../src/modules/analytics/index.js';
import { generateChannelsDemo, generateDemo } from '../src/modules/demo/index.js';
import { one, rows, sql } from '../src/platform/db/index.js';
import { fillNameSortKeys } from '../src/platform/db/sort-keys.js';
import { todayInChina } from '../src/platform/today.js';
import { as, login, type Session, testApp, testDatabase } from './helpers.js';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: FastifyInstance;
const s: Record<string, Session> = {};
const asOf = todayInChina();

beforeAll(async () => {
  database = await testDatabase();
  const demo = await generateDemo(database, { accounts: 1200, orderLines: 15000, asOf, silent: true, seed: 20261125 });
  await fillNameSortKeys(database.db, 'accounts');
  await recomputeRollups(database);
  await runAnalysis(database.db, { asOf, trigger: 'cli', startedBy: null });
  await generateChannelsDemo(database.db, { seed: demo.seed, asOf });
  app = await testApp(database, true);
  for (const u of ['director', 'agent', 'agent2', 'kam']) s[u] = await login(app, u, 'kamap-demo');
}, 240_000);

afterAll(async () => {
  await app?.close();
  await database.dispose();
});

describe('channels on the demo data', () => {
  it('two agents claimed the same prospect: the later claim was refused with the first as evidence', async () => {
    const second = await one<{
      company_name: string;
      conflicts: { items: { kind: string; agent: { id: string } | null }[] };
      agent_id: string;
    }>(database.db, sql`select company_name, conflicts, agent_id from registrations where rule = 'first_registration'`);
    expect(second).toBeDefined();
    const evidence = second!.conflicts.items.find((c) => c.kind === 'registration');
    expect(evidence?.agent?.id).toBeDefined();
    expect(evidence?.agent?.id).not.toBe(second!.agent_id);
  });

  it('registrations exist in every state, with a conflict still queued', async () => {
    const states = await rows<{ status: string }>(
      database.db,
      sql`select distinct status from registrations order by 1`,
    );
    expect(states.map((r) => r.status)).toEqual(['approved', 'expired', 'queued', 'rejected', 'withdrawn']);
    const decisions = await rows<{ decision: string }>(
      database.db,
      sql`select distinct decision from registrations where decision is not null order by 1`,
    );
    expect(decisions.map((d) => d.decision)).toEqual(
      expect.arrayContaining(['auto_approve', 'auto_reject', 'reject', 'split']),
    );
  });

  it('registering the KAM’s strategic account without 有限公司 or with a city prefix is blocked with its evidence', async () => {
    const strategic = await one<{ name: string; city: string | null }>(
      database.db,
      sql`select a.name, a.city from accounts a join analysis_results r on r.account_id = a.id
          and r.run_id = (select id from analysis_runs where status = 'done' order by as_of desc limit 1)
          join users u on u.id = a.owner_id
          where u.username = 'kam' and r.tier = 'strategic' and a.name like '%有限公司' and a.parent_id is null
          order by a.code limit 1`,
    );
    expect(strategic).toBeDefined();
    const bare = strategic!.name.replace(/(股份)?有限(责任)?公司$/, '');
    for (const companyName of [bare, `${strategic!.city ?? '上海'}市${bare}`]) {
      const res = await as(app, s.agent!).post('/registrations', { companyName, productLine: 'PLC' });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(body, companyName).toMatchObject({ status: 'rejected', rule: 'protected_account' });
      const name = body.conflicts.find((c: { kind: string }) => c.kind === 'name');
      expect(name.matched).toBe(strategic!.name);
      expect(name.score).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('the channel manager resolves a queued conflict from the queue, and both sides hear of it', async () => {
    const queue = (await as(app, s.director!).get('/registrations?status=queued')).json();
    expect(queue.total).toBeGreaterThan(0);
    const item = queue.items[0];
    expect(item.conflicts.length).toBeGreaterThan(0);
    const res = await as(app, s.director!).post(`/registrations/${item.id}/decision`, {
      version: item.version,
      decision: 'approve',
      reason: '客户书面确认由代理商提供本地服务',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('approved');
    const notices = (await as(app, s.agent!).get('/channel-notices')).json();
    expect(notices.some((n: { registrationId: string }) => n.registrationId === item.id)).toBe(true);
  });

  it('the director sees last quarter’s discounts, to whom, and whether the accounts were at risk', async () => {
    const report = (await as(app, s.director!).get('/discount-report')).json();
    expect(report.totals.granted).toBeGreaterThan(0);
    expect(report.items.some((i: { atRisk: boolean }) => i.atRisk)).toBe(true);
    expect(report.items.some((i: { atRisk: boolean }) => !i.atRisk)).toBe(true);
    const levels = await rows<{ required_level: string }>(
      database.db,
      sql`select distinct required_level from discount_requests where status = 'pending' order by 1`,
    );
    expect(levels.map((l) => l.required_level)).toEqual(['admin', 'director', 'kam']);
  });
});
