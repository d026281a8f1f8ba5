import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, contentDigest, type Fixture, login, seedFixture, testApp, testDatabase } from './helpers.js';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: FastifyInstance;
let fx: Fixture;
let kam: ReturnType<typeof as>;
let kam2: ReturnType<typeof as>;
let director: ReturnType<typeof as>;

beforeAll(async () => {
  database = await testDatabase();
  fx = await seedFixture(database);
  app = await testApp(database);
  kam = as(app, await login(app, 'kam'));
  kam2 = as(app, await login(app, 'kam2'));
  director = as(app, await login(app, 'director'));
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

const need = (over: Record<string, unknown> = {}) => ({
  title: '希望缩短PLC备件交期',
  kind: 'explicit',
  category: 'delivery',
  importance: 5,
  urgency: 4,
  feasibility: 3,
  ...over,
});

async function unchanged(send: () => Promise<{ statusCode: number; body: string }>, status: number) {
  const before = await contentDigest(database.db);
  const res = await send();
  expect(res.statusCode, res.body).toBe(status);
  const after = await contentDigest(database.db);
  delete before.audit_log;
  delete after.audit_log;
  expect(after).toEqual(before);
  return res.json() as { errors?: { path: string }[] };
}

describe('needs', () => {
  let id: string;
  let version: number;

  it('records a need with its priority and band', async () => {
    const res = await kam.post(`/accounts/${fx.accounts.group.id}/needs`, need());
    expect(res.statusCode, res.body).toBe(201);
    const n = res.json();
    expect(n).toMatchObject({ priority: 60, band: 'P1', status: 'open', tasks: [] });
    id = n.id;
    version = n.version;
  });

  it('recomputes the priority when a rating changes', async () => {
    const res = await kam.patch(`/needs/${id}`, { version, feasibility: 1 });
    expect(res.json()).toMatchObject({ priority: 20, band: 'P3', version: version + 1 });
    version = res.json().version;
  });

  it('refuses bad input with a 400 naming the field, changing nothing', async () => {
    const path = `/accounts/${fx.accounts.group.id}/needs`;
    expect((await unchanged(() => kam.post(path, need({ importance: 6 })), 400)).errors?.[0]?.path).toBe(
      'body.importance',
    );
    expect((await unchanged(() => kam.post(path, need({ category: 'x' })), 400)).errors?.[0]?.path).toBe(
      'body.category',
    );
    expect((await unchanged(() => kam.post(path, need({ priority: 125 })), 400)).errors?.[0]?.path).toBe(
      'body.priority',
    );
    const other = await kam2.post('/interactions', {
      accountId: fx.accounts.other.id,
      kind: 'call',
      occurredAt: '2026-01-05T02:00:00Z',
      subject: '电话',
    });
    expect(
      (await unchanged(() => kam.post(path, need({ sourceKind: 'interaction', sourceId: other.json().id })), 400))
        .errors?.[0]?.path,
    ).toBe('body.sourceId');
  });

  it('enforces the status flow', async () => {
    const p = await unchanged(() => kam.patch(`/needs/${id}`, { version, status: 'met' }), 400);
    expect(p.errors?.[0]?.path).toBe('body.status');
    const planned = await kam.patch(`/needs/${id}`, { version, status: 'planned' });
    expect(planned.json().status).toBe('planned');
    version = planned.json().version;
  });

  it('a stale version is a 409 and changes nothing', async () => {
    await unchanged(() => kam.patch(`/needs/${id}`, { version: version - 1, title: '改' }), 409);
  });

  it('adds measures to the plan and lists the overdue ones', async () => {
    const added = await kam.post(`/needs/${id}/tasks`, {
      measure: '在客户厂内设立备件寄售库',
      ownerId: fx.users.kam.id,
      dueDate: '2025-01-10',
    });
    expect(added.statusCode, added.body).toBe(201);
    const task = added.json().tasks[0];
    expect(task).toMatchObject({ measure: '在客户厂内设立备件寄售库', overdue: true, status: 'open' });
    const bad = await unchanged(
      () => kam.post(`/needs/${id}/tasks`, { measure: 'x', ownerId: fx.accounts.group.id, dueDate: '2025-01-10' }),
      400,
    );
    expect(bad.errors?.[0]?.path).toBe('body.ownerId');
    const overdue = await kam.get('/needs/overdue-tasks');
    expect(overdue.json()).toMatchObject({ total: 1, items: [{ id: task.id, needTitle: '希望缩短PLC备件交期' }] });
    expect((await kam2.get('/needs/overdue-tasks')).json().total).toBe(0);
    const done = await kam.patch(`/needs/${id}/tasks/${task.id}`, { version: task.version, status: 'done' });
    expect(done.json().tasks[0]).toMatchObject({ status: 'done', overdue: false });
    expect((await kam.get('/needs/overdue-tasks')).json().total).toBe(0);
    await unchanged(() => kam.patch(`/needs/${id}/tasks/${task.id}`, { version: task.version, status: 'open' }), 409);
  });

  it('answers 404 outside the scope, for reads and writes', async () => {
    expect((await kam2.get(`/needs/${id}`)).statusCode).toBe(404);
    await unchanged(() => kam2.patch(`/needs/${id}`, { version, title: 'x' }), 404);
    await unchanged(() => kam2.post(`/accounts/${fx.accounts.group.id}/needs`, need()), 404);
    await unchanged(
      () => kam2.post(`/needs/${id}/tasks`, { measure: 'x', ownerId: fx.users.kam2.id, dueDate: '2025-01-10' }),
      404,
    );
    await unchanged(() => kam2.delete(`/needs/${id}?version=${version}`), 404);
  });

  it('lists, counts and filters only what the caller may see', async () => {
    await kam.post(
      `/accounts/${fx.accounts.solo.id}/needs`,
      need({ title: '价格', category: 'price', kind: 'implicit' }),
    );
    await kam2.post(`/accounts/${fx.accounts.other.id}/needs`, need({ title: '华南的需求' }));
    expect((await kam.get('/needs')).json().total).toBe(2);
    expect((await kam2.get('/needs')).json().total).toBe(1);
    expect((await director.get('/needs')).json().total).toBe(2);
    expect((await kam.get('/needs?category=price')).json()).toMatchObject({ total: 1, items: [{ title: '价格' }] });
    expect((await kam.get('/needs?kind=implicit')).json().total).toBe(1);
    expect((await kam.get(`/needs?accountId=${fx.accounts.other.id}`)).json().total).toBe(0);
    expect((await kam.get('/needs?status=planned')).json().total).toBe(1);
    const stats = (await kam.get('/needs/stats')).json();
    expect(stats.byStatus).toEqual(
      expect.arrayContaining([
        { status: 'open', count: 1 },
        { status: 'planned', count: 1 },
      ]),
    );
    expect(stats.byCategoryTier.reduce((s: number, r: { count: number }) => s + r.count, 0)).toBe(2);
    expect((await kam2.get('/needs/stats')).json().matrix).toEqual([{ importance: 5, urgency: 4, count: 1 }]);
  });

  it('archives with the version', async () => {
    expect((await kam.delete(`/needs/${id}?version=${version}`)).statusCode).toBe(204);
    expect((await kam.get('/needs')).json().total).toBe(1);
  });
});
