import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCare } from '../src/modules/care/index.js';
import { rows } from '../src/platform/db/index.js';
import { as, contentDigest, type Fixture, login, seedFixture, testApp, testDatabase } from './helpers.js';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: FastifyInstance;
let fx: Fixture;
let kam: ReturnType<typeof as>;
let kam2: ReturnType<typeof as>;
let director: ReturnType<typeof as>;

// the fixture's 王建国 was born on the lunar 八月十五 (Mid-Autumn): 2026-09-25
const asOf = '2026-09-20';

beforeAll(async () => {
  database = await testDatabase();
  fx = await seedFixture(database);
  app = await testApp(database);
  kam = as(app, await login(app, 'kam'));
  kam2 = as(app, await login(app, 'kam2'));
  director = as(app, await login(app, 'director'));
  await database.db.execute(sql`update accounts set first_contact_date = '2026-01-01'`);
  await database.db.execute(
    sql`insert into orders (account_id, order_no, order_date) values (${fx.accounts.solo.id}, 'SO-1', '2023-09-22')`,
  );
  // 苏州恒立 was visited last week: no revisit is due there
  await database.db.execute(
    sql`insert into interactions (account_id, kind, occurred_at, subject, user_id)
        values (${fx.accounts.solo.id}, 'visit', '2026-09-14T02:00:00Z', '拜访', ${fx.users.kam.id})`,
  );
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

const careTasks = () =>
  rows<{ reason_key: string; due_date: unknown; owner_id: string; title: string; account_id: string }>(
    database.db,
    sql`select reason_key, due_date::text, owner_id, title, account_id from tasks where kind = 'care' order by reason_key`,
  );

describe('the daily care job', () => {
  it('creates revisit, lunar birthday, festival and anniversary tasks for the owner', async () => {
    const config = (await director.get('/care/config')).json();
    expect(config.config.revisitDays).toEqual({ strategic: 14, core: 30, general: 90 });
    const updated = await director.put('/care/config', {
      version: config.version,
      config: { ...config.config, festivalTiers: ['strategic', 'core', 'general'] },
    });
    expect(updated.statusCode, updated.body).toBe(200);

    const result = await runCare(database.db, asOf);
    expect(result.created).toEqual({ revisit: 3, birthday: 2, festival: 4, anniversary: 1 });
    const made = await careTasks();
    const birthday = made.find((t) => t.reason_key === `birthday:${fx.contacts.kamContact.id}`);
    expect(birthday).toMatchObject({ due_date: '2026-09-25', owner_id: fx.users.kam.id });
    expect(birthday?.title).toContain('农历八月十五');
    expect(made.find((t) => t.reason_key === `anniversary:${fx.accounts.solo.id}`)).toMatchObject({
      due_date: '2026-09-22',
      title: expect.stringContaining('合作 3 周年'),
    });
    expect(made.filter((t) => t.reason_key.startsWith('festival:mid_autumn')).map((t) => t.due_date)).toEqual(
      Array(4).fill('2026-09-25'),
    );
    expect(made.some((t) => t.reason_key === `revisit:${fx.accounts.solo.id}`)).toBe(false);
    expect(made.find((t) => t.reason_key === `revisit:${fx.accounts.other.id}`)).toMatchObject({
      owner_id: fx.users.kam2.id,
      title: '定期回访',
    });
  });

  it('a care task says what it is as a template key and parameters, so the web can say it in any language', async () => {
    const items = (await kam.get('/tasks?kind=care&limit=100')).json().items as {
      title: string;
      template: { key: string; params: Record<string, unknown> } | null;
      contact: { id: string } | null;
    }[];
    const birthday = items.find((t) => t.template?.key === 'birthday_lunar');
    expect(birthday).toMatchObject({
      title: '王建国生日（农历八月十五）',
      template: {
        params: { contact: '王建国', day: '2026-09-25', lunarMonth: 8, lunarDay: 15, lunarLabel: '八月十五' },
      },
    });
    expect(items.find((t) => t.template?.key === 'anniversary')?.template?.params).toMatchObject({ years: 3 });
    expect(items.find((t) => t.template?.key === 'festival')?.template?.params).toMatchObject({
      festival: 'mid_autumn',
      festivalName: '中秋节',
    });
    expect(items.every((t) => t.template !== null)).toBe(true);
  });

  it('is idempotent: a second and third run create nothing', async () => {
    const before = await contentDigest(database.db);
    expect((await runCare(database.db, asOf)).created).toEqual({
      revisit: 0,
      birthday: 0,
      festival: 0,
      anniversary: 0,
    });
    expect((await runCare(database.db, '2026-09-21')).created).toEqual({
      revisit: 0,
      birthday: 0,
      festival: 0,
      anniversary: 0,
    });
    expect(await contentDigest(database.db)).toEqual(before);
  });

  it('each KAM sees only its own accounts’ care tasks', async () => {
    const mine = (await kam.get('/tasks?kind=care&limit=100')).json();
    expect(mine.items.every((t: { accountId: string }) => t.accountId !== fx.accounts.other.id)).toBe(true);
    expect(mine.total).toBe(7);
    expect((await kam2.get('/tasks?kind=care')).json().total).toBe(3);
  });

  it('a done revisit counts as contact: no new revisit until the cadence passes again', async () => {
    const [task] = (await kam2.get(`/tasks?kind=care&q=${encodeURIComponent('回访')}`)).json().items;
    await kam2.post(`/tasks/${task.id}/done`, { version: task.version });
    await runCare(database.db, '2026-09-22');
    expect((await kam2.get(`/tasks?kind=care&active=true&q=${encodeURIComponent('回访')}`)).json().total).toBe(0);
  });

  it('only admins and directors change the rules or run the job; bad rules are 400s naming the field', async () => {
    const { version, config } = (await kam.get('/care/config')).json();
    expect((await kam.put('/care/config', { version, config })).statusCode).toBe(403);
    expect((await kam.post('/care/run', {})).statusCode).toBe(403);
    const before = await contentDigest(database.db);
    const bad = await director.put('/care/config', {
      version,
      config: { ...config, revisitDays: { ...config.revisitDays, core: 0 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.config.revisitDays.core');
    const dup = await director.put('/care/config', {
      version,
      config: { ...config, festivals: [...config.festivals, config.festivals[0]] },
    });
    expect(dup.json().errors[0].path).toBe('body.config.festivals.6.key');
    const stale = await director.put('/care/config', { version: version - 1, config });
    expect(stale.statusCode).toBe(409);
    const after = await contentDigest(database.db);
    delete before.audit_log;
    delete after.audit_log;
    expect(after).toEqual(before);
    const ran = await director.post('/care/run', { asOf });
    expect(ran.statusCode, ran.body).toBe(200);
    expect(ran.json().created.birthday).toBe(0);
  });
});
