import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../src/platform/db/index.js';
import { as, type Fixture, login, PASSWORD, seedFixture, testApp, testDatabase } from './helpers.js';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: FastifyInstance;
let fx: Fixture;

beforeAll(async () => {
  database = await testDatabase();
  fx = await seedFixture(database);
  app = await testApp(database);
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

const sessionsOf = async (userId: string) =>
  (await one<{ n: number }>(database.db, sql`select count(*)::int as n from sessions where user_id = ${userId}`))!.n;

describe('sign-in', () => {
  it.each(['admin', 'director', 'kam', 'kam2', 'service', 'agent', 'analyst'])(
    '%s signs in and sees itself',
    async (username) => {
      const s = await login(app, username);
      const me = await as(app, s).get('/auth/me');
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ username, csrfToken: s.csrf });
    },
  );

  it('sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'kam', password: PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === 'kamap_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
  });

  it('refuses a wrong password with 401 and no session', async () => {
    const before = await sessionsOf(fx.users.analyst.id);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'analyst', password: 'nope' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await sessionsOf(fx.users.analyst.id)).toBe(before);
  });

  it('throttles a username after five failures, even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'service', password: `bad${i}` },
      });
      expect(r.statusCode).toBe(401);
    }
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'service', password: PASSWORD },
    });
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('900');
    await database.db.execute(sql`delete from login_failures where key = 'user:service'`);
  });

  it('throttles an address after thirty failures across usernames', async () => {
    const from = { remoteAddress: '10.9.8.7' };
    for (let i = 0; i < 30; i++) {
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: `nobody${i}`, password: 'x' },
        ...from,
      });
    }
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'kam', password: PASSWORD },
      ...from,
    });
    expect(res.statusCode).toBe(429);
    const elsewhere = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'kam', password: PASSWORD },
    });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('refuses demo users outside demo mode', async () => {
    await database.db.execute(sql`update users set is_demo = true where username = 'analyst'`);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'analyst', password: PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/demo mode/);
    await database.db.execute(sql`update users set is_demo = false where username = 'analyst'`);
  });

  it('logout ends the session', async () => {
    const s = await login(app, 'kam');
    expect((await as(app, s).post('/auth/logout', {})).statusCode).toBe(204);
    expect((await as(app, s).get('/auth/me')).statusCode).toBe(401);
  });

  it('answers 401 without a session', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/accounts' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ status: 401, title: 'Not signed in' });
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the token, and changes nothing', async () => {
    const s = await login(app, 'kam');
    const before = await one<{ n: number }>(database.db, sql`select count(*)::int as n from accounts`);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { cookie: s.cookie },
      payload: { code: 'X1', name: '无令牌公司', orgUnitId: fx.orgUnits.shanghai.id, lifecycle: 'prospect' },
    });
    expect(res.statusCode).toBe(403);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { cookie: s.cookie, 'x-csrf-token': 'forged' },
      payload: { code: 'X1', name: '无令牌公司', orgUnitId: fx.orgUnits.shanghai.id, lifecycle: 'prospect' },
    });
    expect(wrong.statusCode).toBe(403);
    expect(await one<{ n: number }>(database.db, sql`select count(*)::int as n from accounts`)).toEqual(before);
  });
});

describe('users', () => {
  it('disabling a user ends its sessions and blocks sign-in', async () => {
    const kam2 = await login(app, 'kam2');
    const admin = as(app, await login(app, 'admin'));
    const current = (await admin.get('/users?q=kam2')).json().items[0];
    const res = await admin.patch(`/users/${current.id}`, { version: current.version, disabled: true });
    expect(res.statusCode).toBe(200);
    expect(await sessionsOf(current.id)).toBe(0);
    expect((await as(app, kam2).get('/auth/me')).statusCode).toBe(401);
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'kam2', password: PASSWORD },
    });
    expect(again.statusCode).toBe(401);
    const back = await admin.patch(`/users/${current.id}`, { version: current.version + 1, disabled: false });
    expect(back.statusCode).toBe(200);
  });

  it('only admins create users; a stale version is 409', async () => {
    const director = as(app, await login(app, 'director'));
    const payload = {
      username: 'newkam',
      displayName: '新客户经理',
      role: 'kam',
      orgUnitId: fx.orgUnits.shanghai.id,
      password: 'long enough pw',
    };
    expect((await director.post('/users', payload)).statusCode).toBe(403);
    const admin = as(app, await login(app, 'admin'));
    const created = await admin.post('/users', payload);
    expect(created.statusCode).toBe(201);
    const stale = await admin.patch(`/users/${created.json().id}`, { version: 99, displayName: 'x' });
    expect(stale.statusCode).toBe(409);
    expect((await login(app, 'newkam', 'long enough pw')).csrf).toBeTruthy();
  });
});

describe('API tokens', () => {
  it('are shown once, stored hashed, work as bearer, honour scope, and can be revoked', async () => {
    const kam = as(app, await login(app, 'kam'));
    const created = await kam.post('/auth/tokens', { name: 'ERP sync', scopes: ['read'] });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    const stored = await one<{ token_hash: string }>(
      database.db,
      sql`select token_hash from api_tokens where id = ${id}`,
    );
    expect(stored!.token_hash).not.toContain(token);
    const bearer = { authorization: `Bearer ${token}` };
    const list = await app.inject({ method: 'GET', url: '/api/v1/accounts', headers: bearer });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(3);
    const write = await app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: bearer,
      payload: { code: 'T1', name: '令牌公司', orgUnitId: fx.orgUnits.shanghai.id, lifecycle: 'prospect' },
    });
    expect(write.statusCode).toBe(403);
    expect((await kam.delete(`/auth/tokens/${id}`)).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/accounts', headers: bearer })).statusCode).toBe(401);
  });
});
