import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../src/platform/today.js';
import { as, contentDigest, type Fixture, login, seedFixture, testApp, testDatabase } from './helpers.js';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: FastifyInstance;
let fx: Fixture;
let kam: ReturnType<typeof as>;
let kam2: ReturnType<typeof as>;

const today = todayInChina();
const plusDays = (n: number) => new Date(Date.parse(today) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  database = await testDatabase();
  fx = await seedFixture(database);
  app = await testApp(database);
  kam = as(app, await login(app, 'kam'));
  kam2 = as(app, await login(app, 'kam2'));
});
afterAll(async () => {
  await app.close();
  await database.dispose();
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

const visit = (over: Record<string, unknown> = {}) => ({
  accountId: fx.accounts.group.id,
  kind: 'visit',
  occurredAt: `${today}T02:00:00Z`,
  subject: '年度框架协议续签沟通',
  contactIds: [fx.contacts.kamContact.id],
  checkInPlace: '上海市闵行区',
  checkInAt: `${today}T01:55:00Z`,
  nextStep: '月底前提交续签报价',
  nextStepDue: plusDays(3),
  ...over,
});

describe('an interaction’s next step becomes a task', () => {
  let taskId: string;
  it('creates a follow-up task for the named owner', async () => {
    const res = await kam.post('/interactions', visit());
    expect(res.statusCode, res.body).toBe(201);
    const i = res.json();
    expect(i).toMatchObject({ nextStepDue: plusDays(3), nextStepOwner: null });
    expect(i.nextStepTaskId).toBeTruthy();
    taskId = i.nextStepTaskId;
    const task = (await kam.get(`/tasks/${taskId}`)).json();
    expect(task).toMatchObject({
      kind: 'follow_up',
      title: '月底前提交续签报价',
      owner: { id: fx.users.kam.id },
      sourceKind: 'interaction',
      sourceId: i.id,
      contact: { id: fx.contacts.kamContact.id },
      status: 'open',
    });
  });

  it('refuses a due date without a next step, and an unknown owner, changing nothing', async () => {
    const a = await unchanged(() => kam.post('/interactions', visit({ nextStep: null })), 400);
    expect(a.errors?.[0]?.path).toBe('body.nextStep');
    const b = await unchanged(() => kam.post('/interactions', visit({ nextStepOwnerId: fx.accounts.solo.id })), 400);
    expect(b.errors?.[0]?.path).toBe('body.nextStepOwnerId');
  });

  it('my tasks: lists, counts and filters', async () => {
    await kam.post('/tasks', {
      accountId: fx.accounts.solo.id,
      kind: 'care',
      title: '中秋节问候',
      dueDate: today,
    });
    await kam2.post('/tasks', { accountId: fx.accounts.other.id, kind: 'care', title: '华南回访', dueDate: today });
    expect((await kam.get('/tasks?mine=true')).json().total).toBe(2);
    expect((await kam2.get('/tasks')).json().total).toBe(1);
    expect((await kam.get(`/tasks?dueBy=${today}`)).json()).toMatchObject({
      total: 1,
      items: [{ title: '中秋节问候' }],
    });
    expect((await kam.get('/tasks?kind=follow_up')).json().total).toBe(1);
    expect((await kam.get(`/tasks?accountId=${fx.accounts.other.id}`)).json().total).toBe(0);
    expect((await kam.get('/tasks/counts')).json()).toEqual({ overdue: 0, today: 1, week: 2 });
  });

  it('snooze, skip with a reason, done with an interaction; stale versions are 409', async () => {
    const t = (await kam.get(`/tasks/${taskId}`)).json();
    const bad = await unchanged(() => kam.post(`/tasks/${taskId}/snooze`, { version: t.version, until: today }), 400);
    expect(bad.errors?.[0]?.path).toBe('body.until');
    const snoozed = (await kam.post(`/tasks/${taskId}/snooze`, { version: t.version, until: plusDays(5) })).json();
    expect(snoozed).toMatchObject({ status: 'snoozed', effectiveDate: plusDays(5) });
    await unchanged(() => kam.post(`/tasks/${taskId}/skip`, { version: t.version, reason: '客户出差' }), 409);
    const noReason = await unchanged(
      () => kam.post(`/tasks/${taskId}/skip`, { version: snoozed.version, reason: ' ' }),
      400,
    );
    expect(noReason.errors?.[0]?.path).toBe('body.reason');
    const other = await kam2.post('/interactions', {
      accountId: fx.accounts.other.id,
      kind: 'call',
      occurredAt: `${today}T03:00:00Z`,
      subject: '电话',
    });
    const foreign = await unchanged(
      () => kam.post(`/tasks/${taskId}/done`, { version: snoozed.version, interactionId: other.json().id }),
      400,
    );
    expect(foreign.errors?.[0]?.path).toBe('body.interactionId');
    const logged = await kam.post('/interactions', visit({ nextStep: null, nextStepDue: null, subject: '提交报价' }));
    const done = await kam.post(`/tasks/${taskId}/done`, { version: snoozed.version, interactionId: logged.json().id });
    expect(done.json()).toMatchObject({ status: 'done', doneInteractionId: logged.json().id, overdue: false });
    const again = await unchanged(
      () => kam.post(`/tasks/${taskId}/skip`, { version: done.json().version, reason: 'x' }),
      409,
    );
    expect(again).toBeTruthy();
  });

  it('answers 404 outside the scope', async () => {
    const t = (await kam.get(`/tasks/${taskId}`)).json();
    expect((await kam2.get(`/tasks/${taskId}`)).statusCode).toBe(404);
    await unchanged(() => kam2.post(`/tasks/${taskId}/reopen`, { version: t.version }), 404);
    await unchanged(() => kam2.post(`/tasks/${taskId}/snooze`, { version: t.version, until: plusDays(2) }), 404);
    const create = await unchanged(
      () => kam2.post('/tasks', { accountId: fx.accounts.group.id, kind: 'care', title: 'x', dueDate: today }),
      400,
    );
    expect(create.errors?.[0]?.path).toBe('body.accountId');
  });

  it('the timeline merges interactions, needs and done tasks, and filters by kind', async () => {
    await kam.post(`/accounts/${fx.accounts.group.id}/needs`, {
      title: '希望提供现场培训',
      kind: 'implicit',
      category: 'service',
      importance: 3,
      urgency: 3,
      feasibility: 4,
    });
    const tl = (await kam.get(`/accounts/${fx.accounts.group.id}/timeline`)).json();
    const kinds = new Set(tl.items.map((e: { kind: string }) => e.kind));
    expect(kinds).toEqual(new Set(['interaction', 'need', 'task']));
    const onlyNeeds = (await kam.get(`/accounts/${fx.accounts.group.id}/timeline?kinds=need`)).json();
    expect(onlyNeeds.items).toMatchObject([{ kind: 'need', title: '希望提供现场培训', subtype: 'open' }]);
    expect((await kam.get(`/accounts/${fx.accounts.group.id}/timeline?kinds=bogus`)).statusCode).toBe(400);
    expect((await kam2.get(`/accounts/${fx.accounts.group.id}/timeline`)).statusCode).toBe(404);
  });
});

describe('who may complete, snooze or skip a task', () => {
  it('its owner or a manager over it; others in scope get 403, outside it 404; nothing changes', async () => {
    const service = as(app, await login(app, 'service'));
    const director = as(app, await login(app, 'director'));
    const admin = as(app, await login(app, 'admin'));
    // kam2 joins the account's team: it sees kam's task but does not own it
    await database.db.execute(
      sql`insert into account_team (account_id, user_id, role) values (${fx.accounts.solo.id}, ${fx.users.kam2.id}, 'sales')`,
    );
    const made = await kam.post('/tasks', {
      accountId: fx.accounts.solo.id,
      kind: 'care',
      title: '权限测试',
      dueDate: today,
    });
    expect(made.statusCode, made.body).toBe(201);
    const task = made.json();
    for (const other of [service, kam2]) {
      expect((await other.get(`/tasks/${task.id}`)).statusCode).toBe(200);
      for (const [action, body] of [
        ['done', { version: task.version }],
        ['snooze', { version: task.version, until: plusDays(2) }],
        ['skip', { version: task.version, reason: '不是我的' }],
      ] as const) {
        const res = await unchanged(() => other.post(`/tasks/${task.id}/${action}`, body), 403);
        expect(res).toMatchObject({ status: 403, title: 'Not allowed' });
      }
    }
    const outsider = as(app, await login(app, 'kam2'));
    await database.db.execute(
      sql`delete from account_team where account_id = ${fx.accounts.solo.id} and user_id = ${fx.users.kam2.id}`,
    );
    await unchanged(() => outsider.post(`/tasks/${task.id}/done`, { version: task.version }), 404);
    // the director of the unit (华东 covers 上海) and an admin may act on it, the owner too
    const snoozed = await director.post(`/tasks/${task.id}/snooze`, { version: task.version, until: plusDays(2) });
    expect(snoozed.statusCode, snoozed.body).toBe(200);
    const reopened = await admin.post(`/tasks/${task.id}/reopen`, { version: snoozed.json().version });
    expect(reopened.statusCode, reopened.body).toBe(200);
    const done = await kam.post(`/tasks/${task.id}/done`, { version: reopened.json().version });
    expect(done.json()).toMatchObject({ status: 'done' });
  });
});

describe('the ICS feed', () => {
  const feed = (path: string) => app.inject({ method: 'GET', url: path });

  it('serves the owner’s open tasks in its scope, nothing else, to anyone holding the token', async () => {
    const created = await kam.post('/me/calendar-feeds', { days: 30 });
    expect(created.statusCode, created.body).toBe(201);
    const { token, path } = created.json();
    expect(Buffer.from(token.slice(5), 'base64url').length).toBeGreaterThanOrEqual(16);
    const res = await feed(path);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.body).toContain('BEGIN:VCALENDAR');
    expect(res.body).toContain('中秋节问候');
    expect(res.body).not.toContain('华南回访');
    expect(res.body).not.toContain('月底前提交续签报价');
    // a task kam owns on an account that later leaves its scope disappears from the feed
    await database.db.execute(
      sql`insert into tasks (account_id, owner_id, kind, title, due_date) values (${fx.accounts.other.id}, ${fx.users.kam.id}, 'care', '越权任务', ${today})`,
    );
    expect((await feed(path)).body).not.toContain('越权任务');
    const list = (await kam.get('/me/calendar-feeds')).json();
    expect(list.items).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(token);
    expect((await kam2.get('/me/calendar-feeds')).json().items).toHaveLength(0);
  });

  it('is revocable (only by its owner) and expires', async () => {
    const { id, path } = (await kam.post('/me/calendar-feeds', { days: 1 })).json();
    expect((await kam2.delete(`/me/calendar-feeds/${id}`)).statusCode).toBe(404);
    expect((await feed(path)).statusCode).toBe(200);
    expect((await kam.delete(`/me/calendar-feeds/${id}`)).statusCode).toBe(204);
    expect((await feed(path)).statusCode).toBe(404);
    const second = (await kam.post('/me/calendar-feeds', { days: 1 })).json();
    await database.db.execute(
      sql`update calendar_tokens set expires_at = now() - interval '1 second' where id = ${second.id}`,
    );
    expect((await feed(second.path)).statusCode).toBe(404);
    expect((await feed('/api/v1/calendar/kcal_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics')).statusCode).toBe(404);
    expect((await feed('/api/v1/calendar/nope.ics')).statusCode).toBe(400);
  });

  it('is rate limited per token: 60 requests an hour, then 429 with Retry-After', async () => {
    const first = (await kam.post('/me/calendar-feeds', { days: 1 })).json();
    const second = (await kam.post('/me/calendar-feeds', { days: 1 })).json();
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await feed(first.path)).statusCode);
    expect(new Set(statuses)).toEqual(new Set([200]));
    const limited = await feed(first.path);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    const retry = Number(limited.headers['retry-after']);
    expect(retry).toBeGreaterThan(3000);
    expect(retry).toBeLessThanOrEqual(3600);
    // another token is counted on its own
    expect((await feed(second.path)).statusCode).toBe(200);
    // once the hour has passed, the token works again
    await database.db.execute(
      sql`update calendar_tokens set window_started_at = now() - interval '61 minutes' where id = ${first.id}`,
    );
    expect((await feed(first.path)).statusCode).toBe(200);
  });
});
