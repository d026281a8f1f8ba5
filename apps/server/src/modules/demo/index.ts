import { suspendConstraints } from '../../platform/db/bulk-load.js';
import type { Database } from '../../platform/db/index.js';
import { one, sql } from '../../platform/db/index.js';
import { withSession } from '../../platform/db/session.js';
import { nameSortKey } from '../../platform/pinyin.js';
import { progress } from '../../platform/progress.js';
import { todayInChina } from '../../platform/today.js';
import { planAccounts } from './accounts.js';
import { arrayLiteral, type Cell, createSink, type Sink } from './bulk.js';
import { cst, dayOf, isoOfDay } from './calendar.js';
import { createPhoneBook } from './identity.js';
import { buildInteractions, INTERACTION_COLUMNS } from './interactions.js';
import {
  INSIGHT_COLUMNS,
  insightRows,
  PRESENCE_COLUMNS,
  presenceRows,
  writeCatalog,
  writeShareHistory,
} from './market.js';
import { buildFollowUps, buildNeeds, giveLunarBirthday, NEED_COLUMNS, TASK_COLUMNS } from './needs.js';
import { createOrderBook, ORDER_COLUMNS, ORDER_LINE_COLUMNS } from './orders.js';
import { writeOrg } from './org.js';
import { buildContacts, CONTACT_COLUMNS, CONTACT_PHONE_COLUMNS } from './people.js';
import { type AccountPlan, HISTORY_DAYS } from './plan.js';
import { createRng } from './random.js';

export { settleDemoCare } from './care.js';
export { generateChannelsDemo } from './channels.js';
export { finishDemo } from './finish.js';
export { DEMO_PASSWORD } from './org.js';
export { generatePerformanceDemo } from './performance.js';
export { generatePlansDemo, type PlansDemoSummary } from './plans.js';
export { generateServiceDemo } from './service.js';

export type DemoOptions = {
  seed?: number;
  accounts?: number;
  orderLines?: number;
  /** YYYY-MM-DD, the day the history ends; defaults to today in China, so pass it to reproduce a load. */
  asOf?: string;
  silent?: boolean;
};

/** asOf is returned so that a load made with the default (today) can be reproduced. */
export type DemoSummary = { seed: number; asOf: string; hash: string; counts: Record<string, number>; seconds: number };

export const DEFAULT_SEED = 20261125;

/** Tables loaded in bulk: their secondary indexes and foreign keys are rebuilt after the load. */
const BULK_TABLES = [
  'accounts',
  'account_team',
  'account_agents',
  'account_insights',
  'contacts',
  'contact_phones',
  'interactions',
  'needs',
  'tasks',
  'competitor_presence',
  'orders',
  'order_lines',
];

/** No accounts and no users: the only state the demo loads into. */
export async function isEmptyStore(database: Database): Promise<boolean> {
  const row = await one<{ empty: boolean }>(
    database.db,
    sql`select not exists (select 1 from accounts) and not exists (select 1 from users) as empty`,
  );
  return row?.empty === true;
}

function wholeNumber(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number ≥ ${min}, got ${value}`);
  return value;
}

/**
 * Loads a deterministic demo company into an empty store: the same seed, sizes and asOf give the
 * same rows and UUIDs and the same hash (a SHA-256 over the generated rows, computed while writing).
 * Password hashes and the timestamps the user service stamps on the 7 login users are the
 * exception: they are not generated here and not hashed.
 */
export async function generateDemo(database: Database, opts: DemoOptions = {}): Promise<DemoSummary> {
  const started = performance.now();
  const seed = wholeNumber('seed', opts.seed ?? DEFAULT_SEED, 0);
  const accountCount = wholeNumber('accounts', opts.accounts ?? 2000, 1);
  const lineCount = wholeNumber('orderLines', opts.orderLines ?? 150_000, 0);
  const asOfText = opts.asOf ?? todayInChina();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOfText) || Number.isNaN(dayOf(asOfText)))
    throw new Error(`asOf must be YYYY-MM-DD, got ${asOfText}`);
  const asOf = dayOf(asOfText);
  if (!(await isEmptyStore(database)))
    throw new Error('The store already has data; demo data loads only into an empty store');

  const phones = createPhoneBook(seed);
  const base = planAccounts(seed, accountCount, lineCount, asOf, phones);
  const agentId = base.agentIds[0] as string;
  // staff and catalogue predate the oldest first contact (up to 400 days before the history)
  const since = cst(asOf - HISTORY_DAYS - 450, 9 * 60);

  const sink = await withSession(database, async (session) => {
    const sink = createSink(session, { batchRows: 5_000 });
    const suspended = await suspendConstraints(session.query, session.driver, BULK_TABLES);
    await writeOrg(session, sink, base.org, agentId, since);
    const market = writeCatalog(sink, seed, asOf, base.agentIds, accountCount, since);
    await sink.flush();
    await writeAccounts(sink, base.accounts, base.org.unitIds, asOf);
    await sink.flush();

    const people = progress('demo: contacts and interactions', { silent: opts.silent });
    people.total(base.accounts.length);
    const contactTable = sink.table(CONTACT_COLUMNS);
    const phoneTable = sink.table(CONTACT_PHONE_COLUMNS);
    const interactionTable = sink.table(INTERACTION_COLUMNS);
    const presenceTable = sink.table(PRESENCE_COLUMNS);
    const insightTable = sink.table(INSIGHT_COLUMNS);
    const needTable = sink.table(NEED_COLUMNS);
    const taskTable = sink.table(TASK_COLUMNS);
    const sortKeys = new Map<string, string>();
    // the demo KAM's first strategic account has a key person whose lunar birthday is today
    let lunarBirthdayDue = true;
    for (const account of base.accounts) {
      const rng = createRng(seed, 'people', account.index);
      const contacts = buildContacts(rng, account, { asOf, phones, createdBy: account.owner?.id ?? null });
      const interactions = buildInteractions(rng, account, contacts, asOf);
      const stepTwo = createRng(seed, 'needs', account.index);
      for (const row of buildFollowUps(stepTwo, account, interactions, asOf)) taskTable.add(row);
      const { needs, tasks } = buildNeeds(stepTwo, account, interactions, asOf);
      for (const row of needs) needTable.add(row);
      for (const row of tasks) taskTable.add(row);
      if (lunarBirthdayDue && account.strategic && account.owner?.id === base.org.login.kam.id)
        lunarBirthdayDue = !giveLunarBirthday(contacts, account.owner.id, asOf);
      for (const c of contacts) {
        let key = sortKeys.get(c.name);
        if (key === undefined) {
          key = nameSortKey(c.name);
          sortKeys.set(c.name, key);
        }
        contactTable.add([...c.cells, key]);
        c.phones.forEach((p, i) => {
          phoneTable.add([rng.uuid(), c.id, account.id, c.phoneKinds[i] as string, p.e164, p.display]);
        });
      }
      for (const row of interactions) interactionTable.add(row);
      for (const row of presenceRows(rng, account, market, asOf)) presenceTable.add(row);
      for (const row of insightRows(rng, account, asOf)) insightTable.add(row);
      people.tick();
      await sink.flushFull();
    }
    await sink.flush();
    people.done();

    const sales = progress('demo: order lines', { silent: opts.silent });
    sales.total(lineCount);
    const writeAccountOrders = createOrderBook(
      asOf,
      market.products,
      sink.table(ORDER_COLUMNS),
      sink.table(ORDER_LINE_COLUMNS),
    );
    for (const account of base.accounts) {
      const lines = writeAccountOrders(createRng(seed, 'orders', account.index), account);
      if (lines > 0) sales.tick(lines);
      await sink.flushFull();
    }
    await sink.flush();
    sales.done();

    const rebuild = progress('demo: indexes and foreign keys', { silent: opts.silent });
    rebuild.total(suspended.steps);
    await suspended.restore(() => rebuild.tick());
    rebuild.done();
    return sink;
  });
  await writeShareHistory(database.db, asOfText);
  await database.db.execute(sql.raw(`analyze ${BULK_TABLES.join(', ')}`));
  return {
    seed,
    asOf: asOfText,
    hash: sink.digest(),
    counts: sink.counts(),
    seconds: (performance.now() - started) / 1000,
  };
}

async function writeAccounts(
  sink: Sink,
  accounts: AccountPlan[],
  unitIds: Map<string, string>,
  asOf: number,
): Promise<void> {
  const table = sink.table({
    table: 'accounts',
    columns: [
      ['id', 'uuid'],
      ['code', 'text'],
      ['name', 'text'],
      ['name_sort', 'text'],
      ['short_name', 'text'],
      ['credit_code', 'text'],
      ['parent_id', 'uuid'],
      ['industry', 'text'],
      ['province', 'text'],
      ['city', 'text'],
      ['size_band', 'text'],
      ['employee_count', 'int'],
      ['annual_revenue_estimate', 'bigint'],
      ['wallet_estimate', 'bigint'],
      ['website', 'text'],
      ['address', 'text'],
      ['phone', 'text'],
      ['phone_e164', 'text'],
      ['owner_id', 'uuid'],
      ['org_unit_id', 'uuid'],
      ['lifecycle', 'text'],
      ['price_sensitivity', 'text'],
      ['market_influence', 'smallint'],
      ['strategic_fit', 'smallint'],
      ['credit_limit', 'bigint'],
      ['payment_terms_days', 'int'],
      ['tags', 'text[]'],
      ['first_contact_date', 'date'],
      ['created_at', 'timestamptz'],
      ['created_by', 'uuid'],
      ['updated_at', 'timestamptz'],
    ],
  });
  const team = sink.table({
    table: 'account_team',
    columns: [
      ['account_id', 'uuid'],
      ['user_id', 'uuid'],
      ['role', 'text'],
      ['since', 'timestamptz'],
    ],
  });
  const agents = sink.table({
    table: 'account_agents',
    columns: [
      ['account_id', 'uuid'],
      ['agent_id', 'uuid'],
      ['since', 'timestamptz'],
    ],
  });
  for (const a of accounts) {
    const created = cst(Math.min(a.firstContact, asOf), 9 * 60 + 30);
    const row: Cell[] = [
      a.id,
      a.code,
      a.name,
      nameSortKey(a.name),
      a.shortName,
      a.creditCode,
      a.parent === null ? null : ((accounts[a.parent] as AccountPlan).id as string),
      a.industry.letter,
      a.province.short,
      a.city.name,
      a.sizeBand,
      String(a.employees),
      String(a.revenueEstimate),
      String(a.wallet),
      a.website,
      a.address,
      a.phone.display,
      a.phone.e164,
      a.owner?.id ?? null,
      unitIds.get(a.unit) as string,
      a.lifecycle,
      a.priceSensitivity,
      String(a.marketInfluence),
      String(a.strategicFit),
      a.creditLimit === null ? null : String(a.creditLimit),
      String(a.paymentTerms),
      arrayLiteral(a.tags),
      isoOfDay(a.firstContact),
      created,
      a.owner?.id ?? null,
      created,
    ];
    table.add(row);
    for (const t of a.team) team.add([a.id, t.member.id, t.role, created]);
    if (a.agent) agents.add([a.id, a.agent.id, cst(a.agent.since, 9 * 60)]);
    await sink.flushFull();
  }
}
