import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../src/platform/today.js';
import { as, contentDigest, type Fixture, login, seedFixture, testApp, testDatabase } from './helpers.js';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: FastifyInstance;
let fx: Fixture;
let kam: ReturnType<typeof as>;
let kam2: ReturnType<typeof as>;

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

const url = () => `/accounts/${fx.accounts.group.id}/relationship-map`;

describe('the relationship map', () => {
  it('shows every gap of an account nobody has worked', async () => {
    const map = (await kam.get(url())).json();
    expect(map).toMatchObject({ tier: null, cadenceDays: 90, team: [{ id: fx.users.kam.id, role: 'owner' }] });
    expect(map.people).toMatchObject([{ id: fx.contacts.kamContact.id, key: true, covered: false, stale: true }]);
    expect(map.gaps).toEqual([
      { kind: 'uncovered_role', role: 'decision_maker' },
      { kind: 'uncovered_role', role: 'economic_buyer' },
      { kind: 'uncovered_role', role: 'technical_evaluator' },
      { kind: 'stale_contact', contactId: fx.contacts.kamContact.id, days: null },
      { kind: 'single_threaded', covered: 0 },
    ]);
  });

  it('links owners and colleagues who met a person, and closes the gaps they cover', async () => {
    const boss = (
      await kam.post(`/accounts/${fx.accounts.group.id}/contacts`, {
        name: '赵总',
        decisionRole: 'decision_maker',
        relationshipStrength: 4,
        relationshipOwnerId: fx.users.director.id,
      })
    ).json();
    await kam.patch(`/contacts/${fx.contacts.kamContact.id}`, { version: 1, reportsToId: boss.id });
    const res = await kam.post('/interactions', {
      accountId: fx.accounts.group.id,
      kind: 'meeting',
      occurredAt: `${todayInChina()}T02:00:00Z`,
      subject: '高层会晤',
      contactIds: [boss.id, fx.contacts.kamContact.id],
      colleagueIds: [fx.users.director.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    const map = (await kam.get(url())).json();
    expect(map.people.find((p: { id: string }) => p.id === fx.contacts.kamContact.id)).toMatchObject({
      reportsToId: boss.id,
      covered: true,
      stale: false,
      daysSinceContact: 0,
    });
    expect(map.gaps).toEqual([{ kind: 'uncovered_role', role: 'technical_evaluator' }]);
    expect(map.links).toEqual(
      expect.arrayContaining([
        { userId: fx.users.director.id, contactId: boss.id, kind: 'owner', interactions: 1 },
        { userId: fx.users.kam.id, contactId: boss.id, kind: 'met', interactions: 1 },
        { userId: fx.users.kam.id, contactId: fx.contacts.kamContact.id, kind: 'met', interactions: 1 },
      ]),
    );
    expect(map.team.map((t: { id: string }) => t.id)).toEqual([fx.users.kam.id, fx.users.director.id]);
  });

  it('moving a person in the chart: a cycle is a 400 naming reportsToId, a stale version a 409, and neither changes anything', async () => {
    const map = (await kam.get(url())).json();
    const boss = map.people.find((p: { name: string }) => p.name === '赵总');
    const report = map.people.find((p: { id: string }) => p.id === fx.contacts.kamContact.id);
    const before = await contentDigest(database.db);
    const cycle = await kam.patch(`/contacts/${boss.id}`, { version: boss.version, reportsToId: report.id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().errors[0].path).toBe('body.reportsToId');
    const stale = await kam.patch(`/contacts/${report.id}`, { version: report.version - 1, reportsToId: null });
    expect(stale.statusCode).toBe(409);
    const after = await contentDigest(database.db);
    delete before.audit_log;
    delete after.audit_log;
    expect(after).toEqual(before);
  });

  it('answers 404 outside the scope', async () => {
    expect((await kam2.get(url())).statusCode).toBe(404);
    expect((await kam2.get(`/accounts/${fx.accounts.other.id}/relationship-map`)).statusCode).toBe(200);
  });
});
