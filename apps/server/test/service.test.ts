import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalateBreachedComplaints } from '../src/modules/service/index.js';
import { one, sql } from '../src/platform/db/index.js';
import { as, contentDigest, type Fixture, login, type Session, seedFixture, testApp, testDatabase } from './helpers.js';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: FastifyInstance;
let fx: Fixture;
let kam: Session;
let kam2: Session;
let service: Session;
let director: Session;
let admin: Session;

beforeAll(async () => {
  database = await testDatabase();
  fx = await seedFixture(database);
  app = await testApp(database);
  [kam, kam2, service, director, admin] = await Promise.all(
    ['kam', 'kam2', 'service', 'director', 'admin'].map((u) => login(app, u)),
  );
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

async function refused(send: () => Promise<{ statusCode: number; body: string }>, status: number) {
  const before = await contentDigest(database.db);
  const res = await send();
  expect(res.statusCode, res.body).toBe(status);
  const after = await contentDigest(database.db);
  delete before.audit_log;
  delete after.audit_log;
  expect(after).toEqual(before);
  return res.json() as { errors?: { path: string; message: string }[] };
}

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

describe('complaints', () => {
  let id: string;
  it('a complaint gets its first owner and SLA from tier × severity', async () => {
    const res = await as(app, service).post('/complaints', {
      accountId: fx.accounts.group.id,
      contactId: fx.contacts.kamContact.id,
      title: '伺服驱动器批量报警',
      severity: 'high',
      channel: 'phone',
      assigneeId: fx.users.kam.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    id = c.id;
    expect(c.firstOwner.id).toBe(fx.users.service.id);
    expect(c.assignee.id).toBe(fx.users.kam.id);
    expect(c.tier).toBe('general'); // no analysis run yet
    const hours = (Date.parse(c.sla.resolutionDueAt) - Date.parse(c.receivedAt)) / 3_600_000;
    expect(hours).toBe(72);
    expect(c.sla).toMatchObject({ response: 'running', resolution: 'running' });
    expect(c.history.map((e: { kind: string }) => e.kind)).toEqual(['received', 'assigned']);
  });

  it('the first owner stays when it is assigned on, and the history records each move', async () => {
    const c0 = (await as(app, kam).get(`/complaints/${id}`)).json();
    let res = await as(app, kam).patch(`/complaints/${id}`, {
      version: c0.version,
      assigneeId: fx.users.director.id,
      status: 'in_progress',
      note: '已电话联系客户',
    });
    expect(res.statusCode, res.body).toBe(200);
    const c1 = res.json();
    expect(c1.firstOwner.id).toBe(fx.users.service.id);
    expect(c1.assignee.id).toBe(fx.users.director.id);
    expect(c1.respondedAt).not.toBeNull();
    expect(c1.sla.response).toBe('met');
    // resolving needs a root cause and a resolution
    const p = await refused(
      () => as(app, kam).patch(`/complaints/${id}`, { version: c1.version, status: 'resolved' }),
      400,
    );
    expect(p.errors?.[0]?.path).toBe('body.resolution');
    res = await as(app, kam).patch(`/complaints/${id}`, {
      version: c1.version,
      status: 'resolved',
      rootCause: 'product_quality',
      resolution: '更换批次固件并现场复测',
    });
    expect(res.statusCode, res.body).toBe(200);
    const c2 = res.json();
    expect(c2.sla.resolution).toBe('met');
    res = await as(app, service).post(`/complaints/${id}/follow-up`, {
      version: c2.version,
      satisfaction: 4,
      notes: '客户认可',
    });
    expect(res.statusCode, res.body).toBe(200);
    const c3 = res.json();
    expect(c3.followUpSatisfaction).toBe(4);
    res = await as(app, service).patch(`/complaints/${id}`, { version: c3.version, status: 'closed' });
    expect(res.json().status).toBe('closed');
    expect(res.json().history.map((e: { kind: string }) => e.kind)).toEqual([
      'received',
      'assigned',
      'responded',
      'status',
      'assigned',
      'status',
      'follow_up',
      'status',
    ]);
    // a stale version is a 409
    await refused(() => as(app, kam).patch(`/complaints/${id}`, { version: c1.version, title: 'x' }), 409);
  });

  it('a complaint raises a need whose source is the complaint, and shows it', async () => {
    const res = await as(app, service).post(`/complaints/${id}/needs`, { importance: 4 });
    expect(res.statusCode, res.body).toBe(201);
    const need = res.json();
    // what was left out comes from the complaint: its title, the root cause's category, the severity's urgency
    expect(need).toMatchObject({
      accountId: fx.accounts.group.id,
      title: '伺服驱动器批量报警',
      category: 'quality',
      kind: 'explicit',
      sourceKind: 'complaint',
      sourceId: id,
      importance: 4,
      urgency: 4,
      feasibility: 3,
      priority: 48,
      status: 'open',
    });
    expect((await as(app, kam).get(`/needs/${need.id}`)).json().sourceId).toBe(id);
    const c = (await as(app, kam).get(`/complaints/${id}`)).json();
    expect(c.needs).toEqual([
      { id: need.id, title: '伺服驱动器批量报警', status: 'open', band: need.band, createdAt: need.createdAt },
    ]);
    expect(c.history.at(-1)).toMatchObject({ kind: 'need_raised', note: '伺服驱动器批量报警' });
    const listed = (await as(app, kam).get(`/needs?accountId=${fx.accounts.group.id}`)).json();
    expect(listed.items.map((n: { id: string }) => n.id)).toContain(need.id);
  });

  it('raising a need: 404 outside the scope, 403 without the right, 400 naming the field; nothing changes', async () => {
    await refused(() => as(app, kam2).post(`/complaints/${id}/needs`, {}), 404);
    const analyst = await login(app, 'analyst');
    await refused(() => as(app, analyst).post(`/complaints/${id}/needs`, {}), 403);
    const bad = await refused(() => as(app, kam).post(`/complaints/${id}/needs`, { urgency: 9 }), 400);
    expect(bad.errors?.[0]?.path).toBe('body.urgency');
    // a need cannot claim another account's complaint as its source
    const foreign = await refused(
      () =>
        as(app, kam2).post(`/accounts/${fx.accounts.other.id}/needs`, {
          title: '借用来源',
          kind: 'explicit',
          category: 'service',
          sourceKind: 'complaint',
          sourceId: id,
          importance: 3,
          urgency: 3,
          feasibility: 3,
        }),
      400,
    );
    expect(foreign.errors?.[0]?.path).toBe('body.sourceId');
    expect((await as(app, kam2).get('/needs')).json().items.map((n: { title: string }) => n.title)).not.toContain(
      '伺服驱动器批量报警',
    );
  });

  it('invalid writes are 400s naming the field and change nothing', async () => {
    const valid = { accountId: fx.accounts.group.id, title: '发货延迟', severity: 'low', channel: 'email' };
    expect(
      (await refused(() => as(app, kam).post('/complaints', { ...valid, severity: 'huge' }), 400)).errors?.[0]?.path,
    ).toBe('body.severity');
    expect(
      (await refused(() => as(app, kam).post('/complaints', { ...valid, firstOwnerId: fx.users.kam2.id }), 400))
        .errors?.[0]?.path,
    ).toBe('body.firstOwnerId');
    expect(
      (await refused(() => as(app, kam).post('/complaints', { ...valid, contactId: fx.contacts.otherContact.id }), 400))
        .errors?.[0]?.path,
    ).toBe('body.contactId');
    expect(
      (await refused(() => as(app, kam).post('/complaints', { ...valid, accountId: fx.accounts.other.id }), 400))
        .errors?.[0]?.path,
    ).toBe('body.accountId');
    expect(
      (await refused(() => as(app, kam).post('/complaints', { ...valid, title: '' }), 400)).errors?.[0]?.path,
    ).toBe('body.title');
  });

  it('outside the scope: 404 for the record, absent from lists and counts', async () => {
    const mine = await as(app, kam2).post('/complaints', {
      accountId: fx.accounts.other.id,
      title: '报价单错误',
      severity: 'medium',
      channel: 'wechat',
    });
    expect(mine.statusCode, mine.body).toBe(201);
    expect((await as(app, kam2).get(`/complaints/${id}`)).statusCode).toBe(404);
    expect((await as(app, kam).get(`/complaints/${mine.json().id}`)).statusCode).toBe(404);
    await refused(() => as(app, kam2).patch(`/complaints/${id}`, { version: 1, title: 'x' }), 404);
    await refused(() => as(app, kam2).post(`/complaints/${id}/follow-up`, { version: 1, satisfaction: 1 }), 404);
    const list2 = (await as(app, kam2).get('/complaints')).json();
    expect(list2.total).toBe(1);
    expect(list2.items.map((c: { id: string }) => c.id)).toEqual([mine.json().id]);
    const list = (await as(app, kam).get('/complaints')).json();
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([id]);
    expect((await as(app, admin).get('/complaints')).json().total).toBe(2);
    // the agent role has no service data
    const agent = await login(app, 'agent');
    expect((await as(app, agent).get('/complaints')).statusCode).toBe(403);
    // KPIs only count what the caller sees
    expect((await as(app, kam2).get('/service/kpis')).json().total.complaints).toBe(1);
    expect((await as(app, admin).get('/service/kpis')).json().total.complaints).toBe(2);
  });

  it('filters: open, breached, severity, mine', async () => {
    const late = await as(app, service).post('/complaints', {
      accountId: fx.accounts.solo.id,
      title: '现场调试无人响应',
      severity: 'critical',
      channel: 'phone',
      receivedAt: hoursAgo(30),
      assigneeId: fx.users.kam.id,
    });
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json().sla).toMatchObject({ response: 'breached', resolution: 'breached' });
    const ids = async (s: Session, q: string) =>
      (await as(app, s).get(`/complaints?${q}`)).json().items.map((c: { id: string }) => c.id);
    expect(await ids(admin, 'breached=true')).toEqual([late.json().id]);
    expect(await ids(admin, 'open=false')).toEqual([id]);
    expect(await ids(admin, 'severity=critical')).toEqual([late.json().id]);
    expect((await ids(kam, 'mine=true')).sort()).toEqual([late.json().id].sort());
    expect((await as(app, admin).get('/complaints?open=true')).json().total).toBe(2);
  });

  it('a breached complaint escalates once, to the director above its handler, and it is recorded', async () => {
    const n = await escalateBreachedComplaints(database.db);
    expect(n).toBe(1);
    expect(await escalateBreachedComplaints(database.db)).toBe(0);
    const list = (await as(app, admin).get('/complaints?breached=true')).json();
    const c = (await as(app, admin).get(`/complaints/${list.items[0].id}`)).json();
    // the handler is kam (上海); the nearest director is the 华东 director
    expect(c.escalatedTo.id).toBe(fx.users.director.id);
    expect(c.history.at(-1)).toMatchObject({ kind: 'escalated' });
    const kpis = (await as(app, director).get('/service/kpis')).json();
    expect(kpis.total.escalated).toBe(1);
    expect(kpis.byTier.map((r: { key: string }) => r.key)).toEqual(['general']);
  });

  it('the SLA matrix is configurable by an admin only, and validated', async () => {
    const m = (await as(app, kam).get('/service/sla')).json();
    expect(m.items).toHaveLength(12);
    await refused(() => as(app, director).put('/service/sla', { items: [m.items[0]] }), 403);
    const p = await refused(
      () =>
        as(app, admin).put('/service/sla', {
          items: [{ tier: 'strategic', severity: 'critical', responseHours: 10, resolutionHours: 5 }],
        }),
      400,
    );
    expect(p.errors?.[0]?.path).toBe('body.items');
    const res = await as(app, admin).put('/service/sla', {
      items: [{ tier: 'general', severity: 'low', responseHours: 12, resolutionHours: 96 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const created = await as(app, kam).post('/complaints', {
      accountId: fx.accounts.solo.id,
      title: '包装破损',
      severity: 'low',
      channel: 'email',
    });
    const c = created.json();
    expect((Date.parse(c.sla.responseDueAt) - Date.parse(c.receivedAt)) / 3_600_000).toBe(12);
  });
});

describe('satisfaction surveys', () => {
  let link: string;
  it('a survey link is 256 random bits, stored hashed, and shows only its question', async () => {
    const res = await as(app, kam).post('/surveys', {
      accountId: fx.accounts.group.id,
      contactId: fx.contacts.kamContact.id,
      kind: 'nps',
    });
    expect(res.statusCode, res.body).toBe(201);
    link = res.json().link;
    const token = link.split('/').at(-1)!;
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const stored = await one<{ token_hash: string }>(database.db, sql`select token_hash from surveys`);
    expect(stored?.token_hash).not.toContain(token);
    expect(JSON.stringify(await contentDigest(database.db))).not.toContain(token);
    const page = await app.inject({ method: 'GET', url: `/api/v1/public/surveys/${token}` });
    expect(page.statusCode, page.body).toBe(200);
    expect(Object.keys(page.json()).sort()).toEqual(['contactName', 'expiresAt', 'kind']);
    expect(page.body).not.toContain(fx.accounts.group.name);
  });

  it('a guessed token finds nothing; an answer counts once', async () => {
    const token = link.split('/').at(-1)!;
    const guess = `${token.slice(0, -2)}${token.at(-2) === 'A' ? 'B' : 'A'}${token.at(-1)}`;
    expect((await app.inject({ method: 'GET', url: `/api/v1/public/surveys/${guess}` })).statusCode).toBe(404);
    const bad = await app.inject({ method: 'POST', url: `/api/v1/public/surveys/${token}`, payload: { score: 11 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.score');
    const ok = await app.inject({
      method: 'POST',
      url: `/api/v1/public/surveys/${token}`,
      payload: { score: 9, comment: '响应很快' },
    });
    expect(ok.statusCode, ok.body).toBe(204);
    const again = await app.inject({ method: 'POST', url: `/api/v1/public/surveys/${token}`, payload: { score: 0 } });
    expect(again.statusCode).toBe(410);
    expect((await app.inject({ method: 'GET', url: `/api/v1/public/surveys/${token}` })).statusCode).toBe(410);
    const results = (await as(app, kam).get(`/surveys/results?accountId=${fx.accounts.group.id}`)).json();
    expect(results).toMatchObject({ sent: 1, answered: 1, nps: 100, promoters: 1 });
    expect(results.trend).toHaveLength(1);
  });

  it('an expired link is gone', async () => {
    const res = await as(app, kam).post('/surveys', {
      accountId: fx.accounts.group.id,
      contactId: fx.contacts.kamContact.id,
      kind: 'csat',
      validDays: 1,
    });
    await database.db.execute(
      sql`update surveys set expires_at = now() - interval '1 minute' where id = ${res.json().id}`,
    );
    const token = res.json().link.split('/').at(-1);
    expect(
      (await app.inject({ method: 'POST', url: `/api/v1/public/surveys/${token}`, payload: { score: 5 } })).statusCode,
    ).toBe(410);
  });

  it('the public page is rate limited per address, reading and answering alike', async () => {
    const hit = (remoteAddress: string, method: 'GET' | 'POST' = 'GET') =>
      app.inject({
        method,
        url: `/api/v1/public/surveys/${'x'.repeat(43)}`,
        remoteAddress,
        ...(method === 'POST' ? { payload: { score: 5 } } : {}),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await hit('203.0.113.9')).statusCode);
    expect(new Set(statuses)).toEqual(new Set([404]));
    const limited = await hit('203.0.113.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await hit('203.0.113.9', 'POST')).statusCode).toBe(429);
    // another address is not held back by this one
    expect((await hit('203.0.113.10')).statusCode).toBe(404);
  });

  it('outside the scope: 404, and lists and results leave it out; invalid sends change nothing', async () => {
    expect((await as(app, kam2).get(`/surveys/results?accountId=${fx.accounts.group.id}`)).statusCode).toBe(404);
    expect((await as(app, kam2).get('/surveys')).json().total).toBe(0);
    expect((await as(app, kam2).get('/surveys/results')).json().sent).toBe(0);
    expect((await as(app, kam).get('/surveys?answered=true')).json().total).toBe(1);
    expect((await as(app, kam).get('/surveys?kind=csat')).json().total).toBe(1);
    const p = await refused(
      () =>
        as(app, kam2).post('/surveys', {
          accountId: fx.accounts.group.id,
          contactId: fx.contacts.kamContact.id,
          kind: 'nps',
        }),
      400,
    );
    expect(p.errors?.[0]?.path).toBe('body.accountId');
    const q = await refused(
      () =>
        as(app, kam).post('/surveys', {
          accountId: fx.accounts.group.id,
          contactId: fx.contacts.otherContact.id,
          kind: 'nps',
        }),
      400,
    );
    expect(q.errors?.[0]?.path).toBe('body.contactId');
  });
});

describe('the account timeline', () => {
  type Entry = { kind: string; subtype: string; title: string; link: string | null; score: number | null };
  const timeline = async (s: Session, accountId: string, kinds = 'complaint,survey') =>
    (await as(app, s).get(`/accounts/${accountId}/timeline?kinds=${kinds}`)).json().items as Entry[];

  it('merges complaints (received, escalated, resolved, closed) and survey responses, with links', async () => {
    const group = await timeline(kam, fx.accounts.group.id);
    const complaint = (await as(app, kam).get(`/complaints?accountId=${fx.accounts.group.id}`)).json().items[0];
    expect(complaint.status).toBe('closed');
    expect(group.filter((e) => e.kind === 'complaint')).toEqual([
      expect.objectContaining({
        subtype: 'closed',
        title: '伺服驱动器批量报警',
        link: `/complaints/${complaint.id}`,
      }),
      expect.objectContaining({
        subtype: 'resolved',
        title: '伺服驱动器批量报警',
        link: `/complaints/${complaint.id}`,
      }),
      expect.objectContaining({
        subtype: 'received',
        title: '伺服驱动器批量报警',
        link: `/complaints/${complaint.id}`,
      }),
    ]);
    expect(group.filter((e) => e.kind === 'survey')).toEqual([
      expect.objectContaining({
        subtype: 'nps',
        score: 9,
        title: '王建国：响应很快',
        link: `/surveys?accountId=${fx.accounts.group.id}`,
      }),
    ]);
    const escalated = (await as(app, kam).get(`/complaints?accountId=${fx.accounts.solo.id}&breached=true`)).json()
      .items[0];
    const solo = await timeline(kam, fx.accounts.solo.id);
    expect(solo.filter((e) => e.link === `/complaints/${escalated.id}`).map((e) => e.subtype)).toEqual([
      'escalated',
      'received',
    ]);
    // other sources keep coming, without a link or score of their own
    const all = (await as(app, kam).get(`/accounts/${fx.accounts.group.id}/timeline`)).json().items as Entry[];
    expect(new Set(all.map((e) => e.kind))).toEqual(new Set(['complaint', 'survey', 'need']));
    expect(all.find((e) => e.kind === 'need')).toMatchObject({ link: null, score: null });
  });

  it('outside the scope it is a 404; a channel agent sees the account’s timeline without complaints', async () => {
    expect((await as(app, kam2).get(`/accounts/${fx.accounts.group.id}/timeline`)).statusCode).toBe(404);
    const agent = await login(app, 'agent');
    expect((await timeline(kam, fx.accounts.solo.id)).length).toBeGreaterThan(0);
    const seen = await as(app, agent).get(`/accounts/${fx.accounts.solo.id}/timeline?kinds=complaint,survey`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().items).toEqual([]);
    const own = await timeline(kam2, fx.accounts.other.id);
    expect(own.every((e) => !e.title.includes('伺服驱动器') && !e.title.includes('王建国'))).toBe(true);
  });
});
