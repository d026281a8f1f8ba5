import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../src/platform/db/index.js';
import { as, type Fixture, login, type Session, seedFixture, testApp, testDatabase } from './helpers.js';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: FastifyInstance;
let fx: Fixture;
const s: Record<string, Session> = {};
let ids: {
  order: string;
  otherOrder: string;
  agentOrder: string;
  interaction: string;
  presence: string;
  competitor: string;
};

beforeAll(async () => {
  database = await testDatabase();
  fx = await seedFixture(database);
  app = await testApp(database);
  for (const u of ['admin', 'director', 'kam', 'kam2', 'service', 'agent', 'analyst']) s[u] = await login(app, u);
  const kam = as(app, s.kam!);
  const kam2 = as(app, s.kam2!);
  const line = [{ productId: fx.product.id, quantity: 2 }];
  const order = await kam.post('/orders', {
    accountId: fx.accounts.group.id,
    orderNo: 'SO-1',
    orderDate: '2026-10-01',
    dueDate: '2026-10-31',
    lines: line,
  });
  const agentOrder = await kam.post('/orders', {
    accountId: fx.accounts.solo.id,
    orderNo: 'SO-2',
    orderDate: '2026-09-01',
    channel: 'agent',
    agentId: fx.agent.id,
    lines: line,
  });
  const otherOrder = await kam2.post('/orders', {
    accountId: fx.accounts.other.id,
    orderNo: 'SO-3',
    orderDate: '2026-10-02',
    lines: line,
  });
  const interaction = await kam.post('/interactions', {
    accountId: fx.accounts.group.id,
    kind: 'visit',
    occurredAt: '2026-11-01T02:00:00Z',
    subject: '季度拜访',
    contactIds: [fx.contacts.kamContact.id],
  });
  await kam2.post('/interactions', {
    accountId: fx.accounts.other.id,
    kind: 'call',
    occurredAt: '2026-11-02T02:00:00Z',
    subject: '电话回访',
  });
  const competitor = await as(app, s.admin!).post('/competitors', { name: '德控自动化' });
  const presence = await kam.post(`/accounts/${fx.accounts.group.id}/competitors`, {
    competitorId: competitor.json().id,
    categoryId: fx.category.id,
    estAnnualVolume: 50_000_000,
    ourShare: 0.4,
  });
  await kam.post(`/accounts/${fx.accounts.group.id}/insights`, {
    kind: 'goals',
    body: '三年内产能翻倍',
    observedOn: '2026-10-10',
  });
  for (const r of [order, agentOrder, otherOrder, interaction, competitor, presence])
    expect(r.statusCode, r.body).toBe(201);
  ids = {
    order: order.json().id,
    otherOrder: otherOrder.json().id,
    agentOrder: agentOrder.json().id,
    interaction: interaction.json().id,
    presence: presence.json().id,
    competitor: competitor.json().id,
  };
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('records outside the scope answer 404', () => {
  const detailUrls = () => [
    `/accounts/${fx.accounts.group.id}`,
    `/accounts/${fx.accounts.group.id}/insights`,
    `/accounts/${fx.accounts.group.id}/org-chart`,
    `/accounts/${fx.accounts.group.id}/timeline`,
    `/accounts/${fx.accounts.group.id}/competitors`,
    `/contacts/${fx.contacts.kamContact.id}`,
    `/orders/${ids.order}`,
    `/interactions/${ids.interaction}`,
  ];

  it('kam2 gets 404 for every read of kam’s account data', async () => {
    for (const url of detailUrls()) {
      const res = await as(app, s.kam2!).get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().title).toBe('Not found');
    }
  });

  it('kam reads the same URLs', async () => {
    for (const url of detailUrls()) expect((await as(app, s.kam!).get(url)).statusCode, url).toBe(200);
  });

  it('the director of 华东 reads kam’s data but not 华南’s', async () => {
    const d = as(app, s.director!);
    expect((await d.get(`/accounts/${fx.accounts.group.id}`)).statusCode).toBe(200);
    expect((await d.get(`/accounts/${fx.accounts.other.id}`)).statusCode).toBe(404);
    expect((await d.get(`/orders/${ids.otherOrder}`)).statusCode).toBe(404);
  });

  it('the agent sees only its assigned account and only orders placed through it', async () => {
    const a = as(app, s.agent!);
    expect((await a.get(`/accounts/${fx.accounts.solo.id}`)).statusCode).toBe(200);
    expect((await a.get(`/accounts/${fx.accounts.group.id}`)).statusCode).toBe(404);
    expect((await a.get(`/orders/${ids.agentOrder}`)).statusCode).toBe(200);
    expect((await a.get(`/orders/${ids.order}`)).statusCode).toBe(404);
    const list = (await a.get('/accounts')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([fx.accounts.solo.id]);
    expect(list.total).toBe(1);
  });

  it('writes to an account outside the scope are 404 too, and change nothing', async () => {
    const before = await rows(database.db, sql`select version, name from accounts where id = ${fx.accounts.group.id}`);
    const res = await as(app, s.kam2!).patch(`/accounts/${fx.accounts.group.id}`, { version: 1, name: '改名' });
    expect(res.statusCode).toBe(404);
    expect(await rows(database.db, sql`select version, name from accounts where id = ${fx.accounts.group.id}`)).toEqual(
      before,
    );
    const c = await as(app, s.kam2!).post(`/accounts/${fx.accounts.group.id}/contacts`, { name: '渗透者' });
    expect(c.statusCode).toBe(404);
  });
});

describe('lists, counts and search never include what the caller must not see', () => {
  const kamAccountIds = () => [fx.accounts.group.id, fx.accounts.sub.id, fx.accounts.solo.id];

  it.each([
    ['/accounts', 'id'],
    ['/accounts?q=精工', 'id'],
    ['/accounts?roots=true', 'id'],
    [`/accounts?parentId=__GROUP__`, 'id'],
    ['/contacts', 'accountId'],
    ['/contacts?q=王', 'accountId'],
    ['/orders', 'accountId'],
    ['/orders?unpaid=true', 'accountId'],
    ['/interactions', 'accountId'],
  ])('kam2: %s', async (url, field) => {
    const res = await as(app, s.kam2!).get(url.replace('__GROUP__', fx.accounts.group.id));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    for (const item of body.items) expect(kamAccountIds()).not.toContain(item[field]);
    expect(body.total).toBe(body.items.length);
  });

  it('kam sees its three accounts, counted once', async () => {
    const body = (await as(app, s.kam!).get('/accounts')).json();
    expect(body.total).toBe(3);
    expect(body.items.map((x: { id: string }) => x.id).sort()).toEqual([...kamAccountIds()].sort());
  });

  it('search by name finds kam’s group for kam but not for kam2', async () => {
    expect((await as(app, s.kam!).get('/accounts?q=精工')).json().total).toBe(2);
    expect((await as(app, s.kam2!).get('/accounts?q=精工')).json().total).toBe(0);
    expect((await as(app, s.kam2!).get('/accounts?q=华宇')).json().total).toBe(1);
  });

  it('caller lookup does not reveal kam’s contact to kam2', async () => {
    const res = await as(app, s.kam2!).get(`/lookup?phone=${encodeURIComponent('138 0013 8000')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().matches).toEqual([]);
    const sw = await as(app, s.kam2!).get(`/lookup?phone=${encodeURIComponent('(021) 5888 1234')}`);
    expect(sw.json().matches).toEqual([]);
  });

  it('group rollups only count children in the caller’s scope', async () => {
    await database.db.execute(
      sql`update accounts set parent_id = ${fx.accounts.group.id} where id = ${fx.accounts.other.id}`,
    );
    try {
      const asKam = (await as(app, s.kam!).get(`/accounts/${fx.accounts.group.id}`)).json();
      expect(asKam.children.map((c: { id: string }) => c.id)).toEqual([fx.accounts.sub.id]);
      expect(asKam.group.accounts).toBe(2);
      const asAdmin = (await as(app, s.admin!).get(`/accounts/${fx.accounts.group.id}`)).json();
      expect(asAdmin.group.accounts).toBe(3);
      expect(asAdmin.group.revenue12m).toBeGreaterThan(asKam.group.revenue12m);
    } finally {
      await database.db.execute(sql`update accounts set parent_id = null where id = ${fx.accounts.other.id}`);
    }
  });
});

describe('personal dossier', () => {
  const dossierAudits = async () =>
    rows<{ user_id: string }>(
      database.db,
      sql`select user_id from audit_log where action = 'contact.dossier_view' and entity_id = ${fx.contacts.kamContact.id}`,
    );

  it('the agent never receives a dossier field, and phones come masked', async () => {
    await as(app, s.admin!).put(`/accounts/${fx.accounts.solo.id}/team/${fx.users.kam.id}`, { role: 'sales' });
    const created = await as(app, s.kam!).post(`/accounts/${fx.accounts.solo.id}/contacts`, {
      name: '赵敏',
      phones: [{ kind: 'mobile', number: '137 0013 7000' }],
      dossier: { nativePlace: '江苏苏州', hobbies: '羽毛球', birthday: '1980-03-02', birthdayCalendar: 'solar' },
      consentBasis: 'consent',
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = await as(app, s.agent!).get(`/contacts/${created.json().id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.dossierAccess).toBe('none');
    expect(body.dossier).toBeNull();
    for (const secret of ['江苏苏州', '羽毛球', '1980-03-02', '13700137000']) expect(res.body).not.toContain(secret);
    expect(body.phones[0].display).toBe('137****7000');
    const list = await as(app, s.agent!).get(`/contacts?accountId=${fx.accounts.solo.id}`);
    expect(list.body).not.toContain('13700137000');
  });

  it('the analyst receives it masked, and masked views are not audited as unmasked', async () => {
    const before = (await dossierAudits()).length;
    const res = await as(app, s.analyst!).get(`/contacts/${fx.contacts.kamContact.id}`);
    expect(res.statusCode).toBe(200);
    const { dossier, dossierAccess } = res.json();
    expect(dossierAccess).toBe('masked');
    expect(dossier.nativePlace).toBe('浙***');
    expect(dossier.birthday).toBe('****-**-**');
    expect(dossier.hobbies).not.toContain('围棋');
    expect(res.body).not.toContain('女儿');
    expect((await dossierAudits()).length).toBe(before);
  });

  it('every unmasked view is in the audit log', async () => {
    const before = (await dossierAudits()).length;
    const kamView = await as(app, s.kam!).get(`/contacts/${fx.contacts.kamContact.id}`);
    expect(kamView.json().dossier).toMatchObject({
      nativePlace: '浙江宁波',
      birthday: '1975-08-15',
      birthdayCalendar: 'lunar',
    });
    await as(app, s.director!).get(`/contacts/${fx.contacts.kamContact.id}`);
    const after = await dossierAudits();
    expect(after.length).toBe(before + 2);
    expect(after.slice(-2).map((a) => a.user_id)).toEqual([fx.users.kam.id, fx.users.director.id]);
  });

  it('lists carry no dossier fields for anyone', async () => {
    const res = await as(app, s.admin!).get('/contacts');
    expect(res.body).not.toContain('浙江宁波');
    expect(res.body).not.toContain('钓鱼');
  });
});

describe('sorting by name', () => {
  it('orders Chinese names by pinyin and pages without gaps or repeats', async () => {
    const admin = as(app, s.admin!);
    const all = (await admin.get('/accounts?sort=name&limit=500')).json().items.map((a: { name: string }) => a.name);
    // 广州 (guang) < 上海 (shang) < 苏州 (su), although their code points order differently
    expect(all).toEqual([
      '广州华宇电子科技有限公司',
      '上海精工机械集团有限公司',
      '上海精工机械制造有限公司',
      '苏州恒立精密机械有限公司',
    ]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { name: string }[]; nextCursor: string | null } = (
        await admin.get(`/accounts?sort=name&limit=1${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((a) => a.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    const desc = (await admin.get('/accounts?sort=-name')).json().items.map((a: { name: string }) => a.name);
    expect(desc).toEqual([...all].reverse());
  });
});
