import { randomBytes } from 'node:crypto';
import { withCreditCheck } from '@kamap/contracts';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { accounts, accountTeam } from '../src/modules/accounts/index.js';
import { accountAgents, agents } from '../src/modules/channels/channels.table.js';
import { contactPhones, contacts } from '../src/modules/contacts/index.js';
import { insertOrgUnit } from '../src/modules/org/index.js';
import { productCategories, products } from '../src/modules/products/index.js';
import { insertUser } from '../src/modules/users/index.js';
import { contentDigest } from '../src/platform/db/backup.js';
import { type Database, migrate, openDatabase } from '../src/platform/db/index.js';
import { fillNameSortKeys } from '../src/platform/db/sort-keys.js';

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new PostgreSQL database
 * when TEST_DATABASE_URL is set (dropped again by `close`).
 */
export async function testDatabase(): Promise<Database & { dispose(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ kind: 'memory' });
    await migrate(database);
    return { ...database, dispose: () => database.close() };
  }
  const name = `kamap_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: target.toString(), poolSize: 5 });
  await migrate(database);
  return {
    ...database,
    dispose: async () => {
      await database.close();
      const drop = new pg.Client({ connectionString: url });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}

export const PASSWORD = 'correct horse battery';

export type Fixture = Awaited<ReturnType<typeof seedFixture>>;

/**
 * A small company: 总部 → 华东 → 上海, and 华南; one user per role; `kam` owns a group
 * (集团 → 子公司) and one more account; `kam2` (华南) owns its own; the agent serves one of kam's.
 */
export async function seedFixture(database: Database) {
  const { db } = database;
  const root = await insertOrgUnit(db, { parentId: null, code: 'HQ', name: '总部' });
  const east = await insertOrgUnit(db, { parentId: root.id, code: 'EAST', name: '华东大区' });
  const shanghai = await insertOrgUnit(db, { parentId: east.id, code: 'SH', name: '上海' });
  const south = await insertOrgUnit(db, { parentId: root.id, code: 'SOUTH', name: '华南大区' });
  const [agent] = await db.insert(agents).values({ code: 'AG1', name: '苏州瑞达自动化工程有限公司' }).returning();
  const user = (
    username: string,
    role: 'admin' | 'director' | 'kam' | 'service' | 'agent' | 'analyst',
    orgUnitId: string,
  ) =>
    insertUser(db, {
      username,
      displayName: username,
      role,
      orgUnitId,
      password: PASSWORD,
      agentId: role === 'agent' ? agent!.id : null,
    });
  const users = {
    admin: await user('admin', 'admin', root.id),
    director: await user('director', 'director', east.id),
    kam: await user('kam', 'kam', shanghai.id),
    kam2: await user('kam2', 'kam', south.id),
    service: await user('service', 'service', east.id),
    agent: await user('agent', 'agent', root.id),
    analyst: await user('analyst', 'analyst', root.id),
  };
  const account = async (
    code: string,
    name: string,
    ownerId: string,
    orgUnitId: string,
    parentId: string | null = null,
    phone?: string,
  ) => {
    const [row] = await db
      .insert(accounts)
      .values({
        code,
        name,
        ownerId,
        orgUnitId,
        parentId,
        lifecycle: 'active',
        creditCode: withCreditCheck(`91310000${code.padStart(9, '0')}`.slice(0, 17)),
        phone: phone ?? null,
        phoneE164: phone ? `+86${phone.replace(/^0/, '').replace(/\D/g, '')}` : null,
        industry: 'C',
        province: '上海',
      })
      .returning();
    await db.insert(accountTeam).values({ accountId: row!.id, userId: ownerId, role: 'owner' });
    return row!;
  };
  const group = await account('G001', '上海精工机械集团有限公司', users.kam.id, shanghai.id, null, '021-5888 1234');
  const sub = await account('G002', '上海精工机械制造有限公司', users.kam.id, shanghai.id, group.id);
  const solo = await account('A001', '苏州恒立精密机械有限公司', users.kam.id, shanghai.id);
  const other = await account('B001', '广州华宇电子科技有限公司', users.kam2.id, south.id);
  await db.insert(accountAgents).values({ accountId: solo.id, agentId: agent!.id });

  const contact = async (accountId: string, name: string, phone: string) => {
    const [row] = await db
      .insert(contacts)
      .values({
        accountId,
        name,
        title: '采购总监',
        decisionRole: 'economic_buyer',
        attitude: 'supporter',
        influence: 4,
        relationshipStrength: 3,
        email: `${name}@example.cn`,
        wechatId: `wx_${accountId.slice(0, 6)}`,
        nativePlace: '浙江宁波',
        birthday: '1975-08-15',
        birthdayCalendar: 'lunar',
        hobbies: '钓鱼、围棋',
        familyNotes: '女儿在读大学',
        consentBasis: 'consent',
      })
      .returning();
    await db
      .insert(contactPhones)
      .values({ contactId: row!.id, accountId, kind: 'mobile', e164: phone, display: phone });
    return row!;
  };
  const kamContact = await contact(group.id, '王建国', '+8613800138000');
  const otherContact = await contact(other.id, '李明', '+8613900139000');
  const [category] = await db.insert(productCategories).values({ code: 'PLC', name: '可编程控制器' }).returning();
  const [product] = await db
    .insert(products)
    .values({
      code: 'PLC-100',
      name: 'KM-100 小型PLC',
      categoryId: category!.id,
      listPrice: 380000,
      standardCost: 210000,
    })
    .returning();
  await fillNameSortKeys(db, 'accounts');
  await fillNameSortKeys(db, 'contacts');
  return {
    orgUnits: { root, east, shanghai, south },
    agent: agent!,
    users,
    accounts: { group, sub, solo, other },
    contacts: { kamContact, otherContact },
    category: category!,
    product: product!,
  };
}

export type Session = { cookie: string; csrf: string };

export async function login(app: FastifyInstance, username: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'kamap_session');
  return { cookie: `kamap_session=${cookie!.value}`, csrf: res.json().csrfToken };
}

/** Calls the API as a signed-in user (with the CSRF header on writes). */
export function as(app: FastifyInstance, session: Session) {
  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse> =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { cookie: session.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrf }) },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, body: unknown) => call('POST', url, body),
    patch: (url: string, body: unknown) => call('PATCH', url, body),
    put: (url: string, body: unknown) => call('PUT', url, body),
    delete: (url: string) => call('DELETE', url),
  };
}

export async function testApp(database: Database, demoMode = false) {
  return buildApp({ database, demoMode, logLevel: process.env.TEST_LOG_LEVEL ?? 'silent', webDist: '/nonexistent' });
}

export { contentDigest };
