import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, generateDemo } from '../src/modules/demo/index.js';
import { testApp, testDatabase } from './helpers.js';

let database: Awaited<ReturnType<typeof testDatabase>>;
let demo: FastifyInstance;
let production: FastifyInstance;

beforeAll(async () => {
  database = await testDatabase();
  await generateDemo(database, { accounts: 120, orderLines: 1500, silent: true });
  demo = await testApp(database, true);
  production = await testApp(database, false);
});
afterAll(async () => {
  await demo.close();
  await production.close();
  await database.dispose();
});

const signIn = (app: FastifyInstance, username: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });

describe('demo users', () => {
  it.each(['admin', 'director', 'kam', 'kam2', 'service', 'agent', 'analyst'])(
    '%s signs in in demo mode with its role',
    async (username) => {
      const res = await signIn(demo, username);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().role).toBe(username === 'kam2' ? 'kam' : username);
    },
  );

  it.each(['admin', 'kam'])('%s is refused outside demo mode', async (username) => {
    const res = await signIn(production, username);
    expect(res.statusCode).toBe(403);
  });

  it('kam and kam2 see disjoint portfolios, and each sees some accounts', async () => {
    const list = async (username: string) => {
      const login = await signIn(demo, username);
      const cookie = `kamap_session=${login.cookies.find((c) => c.name === 'kamap_session')!.value}`;
      const res = await demo.inject({ method: 'GET', url: '/api/v1/accounts?limit=500', headers: { cookie } });
      return res.json().items.map((a: { id: string }) => a.id) as string[];
    };
    const [mine, theirs] = [await list('kam'), await list('kam2')];
    expect(mine.length).toBeGreaterThan(0);
    expect(theirs.length).toBeGreaterThan(0);
    expect(mine.filter((id) => theirs.includes(id))).toEqual([]);
  });
});
