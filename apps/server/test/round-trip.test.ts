import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeRollups } from '../src/modules/analytics/index.js';
import { agents } from '../src/modules/channels/channels.table.js';
import { generateDemo } from '../src/modules/demo/index.js';
import { type ExportKind, exportToFile } from '../src/modules/exports/index.js';
import { guessHeaderRow, type ImportKind, suggestMapping } from '../src/modules/imports/fields.js';
import { runImport } from '../src/modules/imports/run-import.js';
import { orgUnits } from '../src/modules/org/index.js';
import { principalById, users } from '../src/modules/users/index.js';
import { rows, sql } from '../src/platform/db/index.js';
import { testDatabase } from './helpers.js';

let source: Awaited<ReturnType<typeof testDatabase>>;
let target: Awaited<ReturnType<typeof testDatabase>>;
const dir = mkdtempSync(join(tmpdir(), 'kamap-round-trip-'));

beforeAll(async () => {
  source = await testDatabase();
  target = await testDatabase();
  await generateDemo(source, { seed: 20_241, accounts: 80, orderLines: 4000, asOf: '2026-11-25', silent: true });
  await recomputeRollups(source);
  // the people and the organisation are set up, not imported: copy them
  await target.db.insert(orgUnits).values(await source.db.select().from(orgUnits));
  const agentRows = await source.db.select().from(agents);
  if (agentRows.length) await target.db.insert(agents).values(agentRows);
  await target.db.insert(users).values(await source.db.select().from(users));
}, 300_000);

afterAll(async () => {
  await source?.dispose();
  await target?.dispose();
});

const admin = async (db: typeof source) => {
  const [a] = await rows<{ id: string }>(
    db.db,
    sql`select id from users where role = 'admin' order by username limit 1`,
  );
  return { ...(await principalById(db.db, a!.id))!, tokenScopes: null };
};

async function carry(exportKind: ExportKind, importKind: ImportKind) {
  const path = join(dir, `${exportKind}.csv`);
  await exportToFile({ db: source.db, user: await admin(source), ip: null }, exportKind, 'csv', path);
  const header = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')[0]!
    .split(',');
  expect(guessHeaderRow(importKind, [{ row: 1, cells: header }])).toBe(1);
  const result = await runImport(target, await admin(target), {
    path,
    fileName: `${exportKind}.csv`,
    format: 'csv',
    kind: importKind,
    headerRow: 1,
    mapping: suggestMapping(importKind, header),
    dryRun: false,
    onError: 'abort',
  });
  expect(result.errors).toEqual([]);
  expect(result.status).toBe('committed');
  return result;
}

const facts = {
  accounts: sql`
    select a.code, a.name, a.short_name, a.credit_code, p.code as parent, a.industry, a.province, a.city, a.size_band,
           a.employee_count, a.annual_revenue_estimate, a.wallet_estimate, a.website, a.address, a.phone, a.phone_e164,
           u.username as owner, ou.code as unit, a.lifecycle, a.price_sensitivity, a.market_influence, a.strategic_fit,
           a.credit_limit, a.payment_terms_days, a.first_contact_date::text, array_to_string(a.tags, ',') as tags
      from accounts a left join accounts p on p.id = a.parent_id left join users u on u.id = a.owner_id
      join org_units ou on ou.id = a.org_unit_id
     where a.archived_at is null order by a.code`,
  products: sql`
    select p.code, p.name, c.code as category, p.unit, p.list_price, p.standard_cost
      from products p join product_categories c on c.id = p.category_id where p.archived_at is null order by p.code`,
  contacts: sql`
    select a.code, c.name, c.title, c.department, c.decision_role, c.attitude, c.influence, c.relationship_strength,
           c.email, c.wechat_id, c.native_place, c.birthday::text, c.birthday_calendar, c.hobbies, c.education,
           c.consent_basis,
           (select min(e164) from contact_phones ph where ph.contact_id = c.id and ph.kind = 'mobile') as mobile
      from contacts c join accounts a on a.id = c.account_id where c.archived_at is null order by a.code, c.name`,
  orders: sql`
    select o.order_no, a.code, o.order_date::text, o.due_date::text, o.channel, o.status, o.amount, o.cost, o.discount,
           o.paid_amount, o.paid_date::text
      from orders o join accounts a on a.id = o.account_id where o.archived_at is null order by o.order_no`,
  lines: sql`
    select o.order_no, l.line_no, p.code, l.quantity::text, l.unit_price, l.discount, l.amount, l.cost, l.order_date::text
      from order_lines l join orders o on o.id = l.order_id join products p on p.id = l.product_id
     where o.archived_at is null order by 1, 2`,
  monthly: sql`
    select a.code, m.month::text, m.revenue, m.cost, m.discount, m.orders, m.discounted_orders
      from account_monthly m join accounts a on a.id = m.account_id order by 1, 2`,
  categories: sql`
    select a.code, c.code as category, s.revenue, s.margin, s.lines
      from account_category_spend s join accounts a on a.id = s.account_id join product_categories c on c.id = s.category_id
     order by 1, 2`,
};

describe('round trip of the demo data', () => {
  it('exported and imported into an empty store: the same records and the same analytics totals', async () => {
    await carry('products', 'products');
    await carry('accounts', 'accounts');
    await carry('contacts', 'contacts');
    await carry('order-lines', 'orders');
    await carry('payments', 'payments');
    await recomputeRollups(target);
    for (const [name, query] of Object.entries(facts)) {
      const before = await rows(source.db, query);
      expect(before.length, `${name} in the demo`).toBeGreaterThan(0);
      expect(await rows(target.db, query), name).toEqual(before);
    }
  }, 300_000);
});
