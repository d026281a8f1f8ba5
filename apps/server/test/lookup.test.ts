import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type Fixture, login, type Session, seedFixture, testApp, testDatabase } from './helpers.js';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: FastifyInstance;
let fx: Fixture;
let kam: Session;

beforeAll(async () => {
  database = await testDatabase();
  fx = await seedFixture(database);
  app = await testApp(database);
  kam = await login(app, 'kam');
  const k = as(app, kam);
  await k.post('/orders', {
    accountId: fx.accounts.group.id,
    orderNo: 'SO-OVERDUE',
    orderDate: '2025-01-10',
    dueDate: '2025-02-10',
    lines: [{ productId: fx.product.id, quantity: 5 }],
  });
  await k.post('/interactions', {
    accountId: fx.accounts.group.id,
    kind: 'call',
    occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
    subject: '询价',
    nextStep: '下周送样',
    contactIds: [fx.contacts.kamContact.id],
  });
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

const lookup = (phone: string) => as(app, kam).get(`/lookup?phone=${encodeURIComponent(phone)}`);

describe('caller lookup', () => {
  it.each([
    '138 0013 8000',
    '+86-138-0013-8000',
    '13800138000',
    '+86 13800138000',
    '0086 138 0013 8000',
    '(+86) 138-0013-8000',
  ])('finds the contact from %s', async (spelling) => {
    const res = await lookup(spelling);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.normalized).toBe('+8613800138000');
    expect(body.matches).toHaveLength(1);
    expect(body.matches[0].contact.id).toBe(fx.contacts.kamContact.id);
    expect(body.matches[0].account.id).toBe(fx.accounts.group.id);
  });

  it.each(['(021) 5888 1234', '021-58881234', '021 5888-1234', '+86 21 5888 1234'])(
    'finds the switchboard from %s',
    async (spelling) => {
      const body = (await lookup(spelling)).json();
      expect(body.normalized).toBe('+862158881234');
      expect(body.matches.map((m: { account: { id: string } }) => m.account.id)).toContain(fx.accounts.group.id);
    },
  );

  it('returns the screen-pop: interactions, orders, products and open items', async () => {
    const m = (await lookup('138 0013 8000')).json().matches[0];
    expect(m.recentInteractions[0]).toMatchObject({ kind: 'call', subject: '询价', nextStep: '下周送样' });
    expect(m.recentOrders[0]).toMatchObject({ orderNo: 'SO-OVERDUE', amount: 5 * 380000, outstanding: 5 * 380000 });
    expect(m.purchasedProducts[0]).toMatchObject({ code: 'PLC-100' });
    expect(m.openItems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'overdue_invoice',
          title: 'SO-OVERDUE',
          dueDate: '2025-02-10',
          amount: 5 * 380000,
        }),
        expect.objectContaining({ kind: 'next_step', title: '下周送样' }),
      ]),
    );
  });

  it('answers an unknown number with no matches, and nonsense with a 400 naming the field', async () => {
    expect((await lookup('139 9999 0000')).json().matches).toEqual([]);
    const bad = await lookup('abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('querystring.phone');
  });
});
