import { withCreditCheck } from '@kamap/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, contentDigest, type Fixture, login, type Session, seedFixture, testApp, testDatabase } from './helpers.js';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: FastifyInstance;
let fx: Fixture;
let kam: Session;

beforeAll(async () => {
  database = await testDatabase();
  fx = await seedFixture(database);
  app = await testApp(database);
  kam = await login(app, 'kam');
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

/** Runs a request that must be refused and asserts the whole database is as it was. */
async function refused(
  send: () => Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }>,
  status: number,
) {
  const before = await contentDigest(database.db);
  const res = await send();
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const after = await contentDigest(database.db);
  delete before.audit_log;
  delete after.audit_log;
  expect(after).toEqual(before);
  return JSON.parse(res.body) as {
    status: number;
    title: string;
    detail: string;
    errors?: { path: string; message: string }[];
  };
}

const validAccount = () => ({
  code: 'N001',
  name: '杭州新锐智能装备有限公司',
  orgUnitId: fx.orgUnits.shanghai.id,
  lifecycle: 'prospect',
});

describe('bad input is a 4xx naming the field and changes nothing', () => {
  it('malformed id in the path', async () => {
    const p = await refused(() => as(app, kam).get('/accounts/not-a-uuid'), 400);
    expect(p.errors?.[0]?.path).toBe('params.id');
  });

  it('unknown field (no smuggling owner or tier)', async () => {
    const p = await refused(() => as(app, kam).post('/accounts', { ...validAccount(), tier: 'strategic' }), 400);
    expect(p.errors?.[0]).toMatchObject({ path: 'body.tier', message: expect.stringContaining('unknown field') });
  });

  it('bad enum', async () => {
    const p = await refused(() => as(app, kam).post('/accounts', { ...validAccount(), lifecycle: 'zombie' }), 400);
    expect(p.errors?.[0]?.path).toBe('body.lifecycle');
  });

  it('a credit code with a wrong check character', async () => {
    const p = await refused(
      () => as(app, kam).post('/accounts', { ...validAccount(), creditCode: '91310000MA1FL8XQ3X' }),
      400,
    );
    expect(p.errors?.[0]?.path).toBe('body.creditCode');
  });

  it('an impossible phone number', async () => {
    const p = await refused(() => as(app, kam).post('/accounts', { ...validAccount(), phone: '12' }), 400);
    expect(p.errors?.[0]?.path).toMatch(/phone/);
  });

  it('a contact phone that is not a number names its index', async () => {
    const p = await refused(
      () =>
        as(app, kam).post(`/accounts/${fx.accounts.group.id}/contacts`, {
          name: '某人',
          phones: [{ kind: 'mobile', number: 'abc-def' }],
        }),
      400,
    );
    expect(p.errors?.[0]?.path).toBe('body.phones.0.number');
  });

  it('malformed JSON', async () => {
    await refused(
      () =>
        app.inject({
          method: 'POST',
          url: '/api/v1/accounts',
          headers: { cookie: kam.cookie, 'x-csrf-token': kam.csrf, 'content-type': 'application/json' },
          payload: '{"code": ',
        }),
      400,
    );
  });

  it('a malformed address (a broken percent escape) is a problem too', async () => {
    const p = await refused(
      () => app.inject({ method: 'PATCH', url: '/api/v1/accounts/%E0%A4%A', headers: { cookie: kam.cookie } }),
      400,
    );
    expect(p.title).toBe('Bad request');
    expect(p.detail).toMatch(/URL|address/i);
  });

  it('an oversized body is 413', async () => {
    await refused(() => as(app, kam).post('/accounts', { ...validAccount(), address: 'x'.repeat(1_100_000) }), 413);
  });

  it('an order line for a product that does not exist', async () => {
    const p = await refused(
      () =>
        as(app, kam).post('/orders', {
          accountId: fx.accounts.group.id,
          orderNo: 'SO-BAD',
          orderDate: '2026-10-01',
          lines: [
            { productId: fx.product.id, quantity: 1 },
            { productId: fx.accounts.group.id, quantity: 1 },
          ],
        }),
      400,
    );
    expect(p.errors?.[0]?.path).toBe('body.lines.1.productId');
  });

  it('a duplicate account code is a 409 naming the field', async () => {
    const p = await refused(() => as(app, kam).post('/accounts', { ...validAccount(), code: 'A001' }), 409);
    expect(p.errors?.[0]?.path).toBe('code');
  });

  it('a bad cursor and an unknown sort', async () => {
    const c = await refused(() => as(app, kam).get('/accounts?cursor=garbage'), 400);
    expect(c.errors?.[0]?.path).toBe('querystring.cursor');
    const s = await refused(() => as(app, kam).get('/accounts?sort=secret'), 400);
    expect(s.errors?.[0]?.path).toBe('querystring.sort');
  });

  it('a KAM cannot assign an account to someone else', async () => {
    const p = await refused(
      () => as(app, kam).post('/accounts', { ...validAccount(), ownerId: fx.users.kam2.id }),
      400,
    );
    expect(p.errors?.[0]?.path).toBe('body.ownerId');
  });

  it('roles without the permission are refused (analyst cannot write)', async () => {
    const analyst = await login(app, 'analyst');
    await refused(() => as(app, analyst).post('/accounts', validAccount()), 403);
  });

  it('a group tree cannot become a cycle', async () => {
    const group = (await as(app, kam).get(`/accounts/${fx.accounts.group.id}`)).json();
    const p = await refused(
      () =>
        as(app, kam).patch(`/accounts/${fx.accounts.group.id}`, {
          version: group.version,
          parentId: fx.accounts.sub.id,
        }),
      400,
    );
    expect(p.errors?.[0]?.path).toBe('body.parentId');
  });
});

describe('optimistic locking', () => {
  it('a stale version is 409 and the newer write survives', async () => {
    const a = (await as(app, kam).get(`/accounts/${fx.accounts.solo.id}`)).json();
    const first = await as(app, kam).patch(`/accounts/${a.id}`, { version: a.version, shortName: '恒立' });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(a.version + 1);
    const p = await refused(
      () => as(app, kam).patch(`/accounts/${a.id}`, { version: a.version, shortName: '旧值' }),
      409,
    );
    expect(p.detail).toMatch(/stale/);
    expect((p as { type: string }).type).toMatch(/stale-version$/);
    expect((await as(app, kam).get(`/accounts/${a.id}`)).json().shortName).toBe('恒立');
  });
});

describe('writes that work', () => {
  it('creates an account with a normalised switchboard, audited, and owned by the KAM', async () => {
    const ok = await as(app, kam).post('/accounts', {
      ...validAccount(),
      code: 'N003',
      phone: '0571-8765 4321',
      creditCode: withCreditCheck('91330100MA2H2KXK3'),
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ owner: { id: fx.users.kam.id }, team: [{ role: 'owner' }] });
    const found = (await as(app, kam).get(`/lookup?phone=${encodeURIComponent('+86 571 8765 4321')}`)).json();
    expect(found.matches[0].account.id).toBe(ok.json().id);
  });

  it('prices an order from the list price and keeps header totals equal to the lines', async () => {
    const res = await as(app, kam).post('/orders', {
      accountId: fx.accounts.solo.id,
      orderNo: 'SO-P1',
      orderDate: '2026-11-01',
      lines: [
        { productId: fx.product.id, quantity: 3, discount: 40000 },
        { productId: fx.product.id, quantity: 1, unitPrice: 350000 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const o = res.json();
    expect(o.lines.map((l: { amount: number }) => l.amount)).toEqual([3 * 380000 - 40000, 350000]);
    expect(o.amount).toBe(3 * 380000 - 40000 + 350000);
    expect(o.cost).toBe(4 * 210000);
    expect(o.margin).toBe(o.amount - o.cost);
  });
});

describe('reference data', () => {
  it('org units: admin renames with the version, cannot archive one in use, archives an empty one', async () => {
    const admin = as(app, await login(app, 'admin'));
    const units = (await admin.get('/org-units')).json().items;
    const sh = units.find((u: { code: string }) => u.code === 'SH');
    const renamed = await admin.patch(`/org-units/${sh.id}`, { version: sh.version, name: '上海分公司' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '上海分公司', version: sh.version + 1 });
    await refused(() => admin.delete(`/org-units/${sh.id}?version=${sh.version + 1}`), 409);
    const created = (await admin.post('/org-units', { parentId: sh.parentId, code: 'NJ', name: '南京' })).json();
    expect((await admin.delete(`/org-units/${created.id}?version=${created.version}`)).statusCode).toBe(204);
    expect((await admin.get('/org-units')).json().items.map((u: { code: string }) => u.code)).not.toContain('NJ');
    await refused(() => as(app, kam).patch(`/org-units/${sh.id}`, { version: sh.version + 1, name: 'x' }), 403);
  });

  it('product categories: update with the version; a category with products stays', async () => {
    const director = as(app, await login(app, 'director'));
    const cat = (await director.get('/product-categories')).json().items[0];
    const res = await director.patch(`/product-categories/${cat.id}`, { version: cat.version, nameEn: 'PLC' });
    expect(res.statusCode, res.body).toBe(200);
    await refused(
      () => director.patch(`/product-categories/${cat.id}`, { version: cat.version, nameEn: 'stale' }),
      409,
    );
    await refused(() => director.delete(`/product-categories/${cat.id}?version=${cat.version + 1}`), 409);
  });
});
