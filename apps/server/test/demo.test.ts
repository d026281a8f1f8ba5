import { isValidCreditCode } from '@kamap/contracts';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayOf, isoOfDay, springFestival } from '../src/modules/demo/calendar.js';
import { DEMO_PASSWORD, type DemoSummary, generateDemo, isEmptyStore } from '../src/modules/demo/index.js';
import { verifyPassword } from '../src/platform/auth/password.js';
import { type Database, rows, sql } from '../src/platform/db/index.js';
import { testDatabase } from './helpers.js';

const AS_OF = '2026-11-25';
const SIZE = { accounts: 150, orderLines: 3000, asOf: AS_OF, silent: true };

let database: Awaited<ReturnType<typeof testDatabase>>;
let summary: DemoSummary;

beforeAll(async () => {
  database = await testDatabase();
  expect(await isEmptyStore(database)).toBe(true);
  summary = await generateDemo(database, { ...SIZE, seed: 7 });
});
afterAll(async () => {
  await database.dispose();
});

const q = <T>(db: Database, text: string) => rows<T>(db.db, sql.raw(text));
const scalar = async (text: string): Promise<number> => {
  const [row] = await q<{ n: number | string }>(database, text);
  return Number(row?.n);
};

/** A digest of a table's stored rows, to compare two loads cell by cell. */
const tableDigest = async (db: Database, table: string, order: string) => {
  const [row] = await q<{ d: string }>(
    db,
    `select md5(string_agg(t::text, '|' order by ${order})) as d from ${table} t`,
  );
  return row?.d;
};

describe('demo generator', () => {
  it('gives the same rows and hash for the same seed, and a different hash for another seed', async () => {
    const again = await testDatabase();
    const other = await testDatabase();
    try {
      const repeat = await generateDemo(again, { ...SIZE, seed: 7 });
      expect(repeat.hash).toBe(summary.hash);
      expect(repeat.counts).toEqual(summary.counts);
      for (const [table, order] of [
        ['accounts', 'id'],
        ['contacts', 'id'],
        ['contact_phones', 'id'],
        ['interactions', 'id'],
        ['orders', 'id'],
        ['order_lines', 'order_id, line_no'],
      ] as const) {
        expect(await tableDigest(again, table, order), table).toBe(await tableDigest(database, table, order));
      }
      const changed = await generateDemo(other, { ...SIZE, seed: 8 });
      expect(changed.hash).not.toBe(summary.hash);
      expect(changed.hash).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await again.dispose();
      await other.dispose();
    }
  });

  it('loads only into an empty store', async () => {
    expect(await isEmptyStore(database)).toBe(false);
    await expect(generateDemo(database, SIZE)).rejects.toThrow(/empty store/);
  });

  it('writes the requested sizes and reports what it wrote', async () => {
    expect(summary.asOf).toBe(AS_OF);
    expect(summary.counts.accounts).toBe(150);
    expect(summary.counts.order_lines).toBe(3000);
    for (const table of [
      'accounts',
      'order_lines',
      'orders',
      'contacts',
      'contact_phones',
      'interactions',
      'products',
      'users',
    ]) {
      expect(await scalar(`select count(*) as n from ${table}`), table).toBe(summary.counts[table]);
    }
    expect(summary.counts.orders).toBeGreaterThan(3000 / 8);
    expect(summary.counts.orders).toBeLessThan(3000);
    expect(summary.counts.products).toBeGreaterThanOrEqual(50);
    expect(
      await scalar(`select count(distinct parent_id) as n from product_categories where parent_id is not null`),
    ).toBeGreaterThanOrEqual(6);
  });

  it('gives valid, unique credit codes to most accounts', async () => {
    const codes = await q<{ credit_code: string | null }>(database, 'select credit_code from accounts');
    const present = codes.map((c) => c.credit_code).filter((c): c is string => c !== null);
    expect(present.length).toBeGreaterThan(codes.length * 0.8);
    expect(present.filter((c) => !isValidCreditCode(c))).toEqual([]);
    expect(new Set(present).size).toBe(present.length);
  });

  it('gives contacts valid phone numbers, unique across the data set, and a proper org chart', async () => {
    const phones = await q<{ e164: string }>(
      database,
      'select e164 from contact_phones union all select phone_e164 from accounts where phone_e164 is not null',
    );
    expect(phones.filter((p) => !isValidPhoneNumber(p.e164))).toEqual([]);
    expect(new Set(phones.map((p) => p.e164)).size).toBe(phones.length);
    expect(
      await scalar(
        'select count(*) as n from contacts c where not exists (select 1 from contact_phones p where p.contact_id = c.id)',
      ),
    ).toBe(0);
    expect(
      await scalar(
        'select count(*) as n from contacts c join contacts b on b.id = c.reports_to_id where b.account_id <> c.account_id',
      ),
    ).toBe(0);
    // one root per account: everyone else reports (transitively) to someone there
    expect(
      await scalar(
        'select count(*) as n from (select account_id from contacts where reports_to_id is null group by 1 having count(*) > 1) x',
      ),
    ).toBe(0);
    const key = await q<{ n: number; dossiers: number }>(
      database,
      `select count(*)::int as n, count(*) filter (where birthday is not null and native_place is not null)::int as dossiers
         from contacts where account_id in (select account_id from contacts group by 1 having count(*) >= 6)`,
    );
    expect(key[0]?.dossiers).toBeGreaterThan(0);
    expect(await scalar(`select count(*) as n from contacts where birthday_calendar = 'lunar'`)).toBeGreaterThan(0);
    expect(
      await scalar(`select count(*) as n from contacts where native_place is not null and consent_basis = 'none'`),
    ).toBe(0);
  });

  it('keeps order headers equal to their lines', async () => {
    expect(
      await scalar(`select count(*) as n from orders o
        left join (select order_id, sum(amount) as amount, sum(cost) as cost from order_lines group by 1) l on l.order_id = o.id
        where l.order_id is null or o.amount <> l.amount or o.cost <> l.cost`),
    ).toBe(0);
    expect(
      await scalar(`select count(*) as n from order_lines l join orders o on o.id = l.order_id
        where l.account_id <> o.account_id or l.order_date <> o.order_date`),
    ).toBe(0);
    expect(await scalar('select count(*) as n from orders where paid_amount > amount or paid_date < order_date')).toBe(
      0,
    );
    expect(await scalar(`select count(*) as n from orders where status = 'cancelled' and paid_amount > 0`)).toBe(0);
    expect(await scalar('select count(*) as n from order_lines where margin < 0')).toBeGreaterThan(0);
    expect(
      await scalar(
        `select count(*) as n from orders where paid_date is null and due_date < '${AS_OF}' and status = 'fulfilled'`,
      ),
    ).toBeGreaterThan(0);
    expect(await scalar(`select count(*) as n from orders where paid_date > due_date + 30`)).toBeGreaterThan(0);
  });

  it('keeps lifecycles consistent with the orders', async () => {
    const bad = await q<{ code: string; lifecycle: string; last: string | null }>(
      database,
      `select a.code, a.lifecycle, max(o.order_date)::text as last from accounts a left join orders o on o.account_id = a.id
        group by a.id, a.code, a.lifecycle
       having case a.lifecycle
                when 'prospect' then max(o.order_date) is not null
                when 'active' then max(o.order_date) is null or max(o.order_date) < date '${AS_OF}' - 183
                when 'dormant' then max(o.order_date) is null or max(o.order_date) >= date '${AS_OF}' - 183 or max(o.order_date) < date '${AS_OF}' - 365
                when 'lost' then max(o.order_date) is null or max(o.order_date) >= date '${AS_OF}' - 365
              end`,
    );
    expect(bad).toEqual([]);
  });

  it('separates kam and kam2 completely', async () => {
    const portfolio = (name: string) =>
      `select a.id from accounts a join users u on u.username = '${name}'
        where a.owner_id = u.id or exists (select 1 from account_team t where t.account_id = a.id and t.user_id = u.id)`;
    expect(await scalar(`select count(*) as n from (${portfolio('kam')}) k`)).toBeGreaterThan(5);
    expect(await scalar(`select count(*) as n from (${portfolio('kam2')}) k`)).toBeGreaterThan(5);
    expect(await scalar(`select count(*) as n from (${portfolio('kam')} intersect ${portfolio('kam2')}) k`)).toBe(0);
  });

  it('gives key accounts needs with plans, recent next steps as tasks, and kam a lunar birthday today', async () => {
    expect(await scalar('select count(*) as n from needs')).toBeGreaterThan(10);
    expect(
      await scalar(`select count(*) as n from tasks where kind = 'need' and status = 'open' and due_date < '${AS_OF}'`),
    ).toBeGreaterThan(0);
    expect(
      await scalar(
        `select count(*) as n from tasks t join interactions i on i.id = t.source_id
          where t.kind = 'follow_up' and i.next_step_due = t.due_date and i.next_step_owner_id = t.owner_id`,
      ),
    ).toBeGreaterThan(0);
    expect(
      await scalar(
        `select count(*) as n from needs n join interactions i on i.id = n.source_id where i.account_id <> n.account_id`,
      ),
    ).toBe(0);
    const { runCare } = await import('../src/modules/care/index.js');
    await runCare(database.db, AS_OF);
    const birthdays = await q<{ title: string }>(
      database,
      `select t.title from tasks t join users u on u.id = t.owner_id join contacts c on c.id = t.contact_id
        where u.username = 'kam' and t.source_kind = 'birthday' and c.birthday_calendar = 'lunar' and t.due_date = '${AS_OF}'`,
    );
    expect(birthdays.map((b) => b.title)).toEqual([expect.stringContaining('农历')]);
  });

  it('dips at Spring Festival', async () => {
    const daily = await q<{ day: string; amount: number | string }>(
      database,
      `select order_date::text as day, sum(amount) as amount from orders where status <> 'cancelled' group by 1`,
    );
    const byDay = new Map(daily.map((d) => [dayOf(d.day), Number(d.amount)]));
    const last = dayOf(AS_OF);
    const first = last - 3 * 365 + 1;
    const total = [...byDay.values()].reduce((s, v) => s + v, 0);
    // the festival fortnight, per day, against the whole history per day
    let festival = 0;
    let festivalDays = 0;
    const months = new Set<string>();
    for (let year = 2023; year <= 2026; year++) {
      const sf = springFestival(year);
      if (sf - 3 < first || sf + 10 > last) continue;
      months.add(isoOfDay(sf + 5).slice(0, 7));
      for (let d = sf - 3; d <= sf + 10; d++, festivalDays++) festival += byDay.get(d) ?? 0;
    }
    expect(festivalDays).toBeGreaterThanOrEqual(28);
    expect(festival / festivalDays).toBeLessThan((0.5 * total) / (last - first + 1));
    // and the festival months against the average full month
    const monthly = new Map<string, number>();
    for (const [day, amount] of byDay) {
      const month = isoOfDay(day).slice(0, 7);
      monthly.set(month, (monthly.get(month) ?? 0) + amount);
    }
    monthly.delete(isoOfDay(first).slice(0, 7));
    monthly.delete(AS_OF.slice(0, 7));
    const average = [...monthly.values()].reduce((s, v) => s + v, 0) / monthly.size;
    const festivalMonths = [...months].map((m) => monthly.get(m) ?? 0);
    expect(festivalMonths.reduce((s, v) => s + v, 0) / festivalMonths.length).toBeLessThan(average);
  });

  it('concentrates revenue in the top fifth of active accounts', async () => {
    const revenue = await q<{ rev: number | string }>(
      database,
      `select coalesce(sum(o.amount), 0) as rev from accounts a
         left join orders o on o.account_id = a.id and o.status <> 'cancelled'
        where a.lifecycle = 'active' group by a.id order by 1 desc`,
    );
    const values = revenue.map((r) => Number(r.rev));
    const top = values.slice(0, Math.round(values.length * 0.2)).reduce((s, v) => s + v, 0);
    const share = top / values.reduce((s, v) => s + v, 0);
    expect(share).toBeGreaterThan(0.6);
    expect(share).toBeLessThan(0.9);
  });

  it('builds group trees three levels deep', async () => {
    const depth = await scalar(`with recursive tree as (
        select id, 1 as depth from accounts where parent_id is null
        union all select a.id, tree.depth + 1 from accounts a join tree on a.parent_id = tree.id)
      select max(depth) as n from tree`);
    expect(depth).toBe(3);
  });

  it('creates the seven demo users, able to sign in with the demo password', async () => {
    const users = await q<{
      username: string;
      role: string;
      is_demo: boolean;
      password_hash: string;
      agent_id: string | null;
    }>(
      database,
      `select username, role, is_demo, password_hash, agent_id from users
        where username in ('admin', 'director', 'kam', 'kam2', 'service', 'agent', 'analyst') order by username`,
    );
    expect(users.map((u) => [u.username, u.role])).toEqual([
      ['admin', 'admin'],
      ['agent', 'agent'],
      ['analyst', 'analyst'],
      ['director', 'director'],
      ['kam', 'kam'],
      ['kam2', 'kam'],
      ['service', 'service'],
    ]);
    expect(users.every((u) => u.is_demo)).toBe(true);
    expect(await verifyPassword(DEMO_PASSWORD, users.find((u) => u.username === 'kam')?.password_hash ?? '')).toBe(
      true,
    );
    const agentId = users.find((u) => u.username === 'agent')?.agent_id;
    expect(await scalar(`select count(*) as n from account_agents where agent_id = '${agentId}'`)).toBeGreaterThan(0);
    expect(await scalar(`select count(*) as n from users where not is_demo`)).toBe(0);
    expect(await scalar(`select count(*) as n from users where password_hash like 'scrypt$%'`)).toBe(7);
  });

  it('keeps interactions and agent orders tied to their own account', async () => {
    expect(
      await scalar(`select count(*) as n from interactions i, unnest(i.contact_ids) as c(id)
        where not exists (select 1 from contacts k where k.id = c.id and k.account_id = i.account_id)`),
    ).toBe(0);
    expect(
      await scalar(`select count(*) as n from interactions i, unnest(i.contact_ids) as c(id)
        join contacts k on k.id = c.id where i.occurred_at < k.created_at`),
    ).toBe(0);
    expect(
      await scalar(`select count(*) as n from orders o where o.channel = 'agent'
        and not exists (select 1 from account_agents g where g.account_id = o.account_id and g.agent_id = o.agent_id)`),
    ).toBe(0);
    expect(
      await scalar(`select count(*) as n from contacts c where c.last_contact_at is distinct from
        (select max(i.occurred_at) from interactions i where c.id = any(i.contact_ids))`),
    ).toBe(0);
  });
});
