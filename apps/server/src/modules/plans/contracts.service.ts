import type { ContractListQuery, CreateContract, UpdateContract } from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountIdInScope, assertCan } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { type Db, isoDate, isoTimestamp, one, pgArray, rows } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { afterCursor, orderBy, sortSpec, toPage } from '../../platform/http/paging.js';
import { todayInChina } from '../../platform/today.js';
import { assertAccountInScope } from '../accounts/index.js';
import { alertThresholds } from '../alerts/index.js';
import { latestTier } from '../analytics/index.js';
import { contractPlanItems, contracts } from './plans.table.js';

type Row = Record<string, unknown> & { id: string; account_id: string };

/**
 * A contract's state as of today; "expiring" uses the same per-tier window as the contract-expiring
 * alert, so the list and the alert inbox agree.
 */
async function stateSql(db: Db, today: string): Promise<SQL> {
  const windows = Object.fromEntries((await alertThresholds(db)).map((t) => [t.tier, t.contractExpiryDays ?? null]));
  return sql`case
    when k.renewed_by_id is not null then 'renewed'
    when k.start_date > ${today}::date then 'upcoming'
    when k.end_date < ${today}::date then 'expired'
    when not k.auto_renew and k.end_date - ${today}::date <= coalesce(case ${latestTier(sql`k.account_id`)}
         when 'strategic' then ${windows.strategic}::int when 'core' then ${windows.core}::int else ${windows.general}::int end, -1)
      then 'expiring'
    else 'active' end`;
}

async function selectContracts(db: Db, today: string) {
  return sql`select k.*, a.name as account_name, ${await stateSql(db, today)} as state, k.end_date - ${today}::date as days_to_end,
      r.code as renewed_by_code,
      (select coalesce(json_agg(json_build_object('id', i.id, 'title', i.title, 'kind', i.kind) order by i.start_date), '[]')
         from contract_plan_items cp join plan_items i on i.id = cp.plan_item_id
        where cp.contract_id = k.id and i.archived_at is null) as plan_items
    from contracts k join accounts a on a.id = k.account_id left join contracts r on r.id = k.renewed_by_id`;
}

const toContract = (r: Row) => ({
  id: r.id,
  accountId: r.account_id,
  accountName: r.account_name as string,
  code: r.code as string,
  title: r.title as string,
  kind: r.kind as never,
  value: Number(r.value),
  currency: r.currency as string,
  startDate: isoDate(r.start_date),
  endDate: isoDate(r.end_date),
  renewalTerms: (r.renewal_terms as string | null) ?? null,
  autoRenew: r.auto_renew as boolean,
  noticeDays: (r.notice_days as number | null) ?? null,
  state: r.state as never,
  daysToEnd: Number(r.days_to_end),
  planItems: r.plan_items as never,
  renewedBy: r.renewed_by_id ? { id: r.renewed_by_id as string, code: r.renewed_by_code as string } : null,
  version: r.version as number,
  createdAt: isoTimestamp(r.created_at),
  updatedAt: isoTimestamp(r.updated_at),
});

export async function getContract(ctx: Ctx, id: string) {
  assertCan(ctx.user, 'contract.read');
  const r = await one<Row>(
    ctx.db,
    sql`${await selectContracts(ctx.db, todayInChina())} where k.id = ${id} and k.archived_at is null
        and ${accountIdInScope(ctx.user, sql`k.account_id`)}`,
  );
  if (!r) throw AppError.notFound('Contract');
  return toContract(r);
}

export async function listContracts(ctx: Ctx, q: z.infer<typeof ContractListQuery>) {
  assertCan(ctx.user, 'contract.read');
  const today = todayInChina();
  const state = await stateSql(ctx.db, today);
  const filter = sql.join(
    [
      accountIdInScope(ctx.user, sql`k.account_id`),
      q.includeArchived ? undefined : sql`k.archived_at is null`,
      q.accountId ? sql`k.account_id = ${q.accountId}` : undefined,
      q.kind ? sql`k.kind = ${q.kind}` : undefined,
      q.state ? sql`(${state}) = ${q.state}` : undefined,
      q.q ? sql`(k.title ilike ${`%${q.q}%`} or k.code ilike ${`%${q.q}%`} or a.name ilike ${`%${q.q}%`})` : undefined,
    ].filter((p): p is SQL => p !== undefined),
    sql` and `,
  );
  const spec = sortSpec(q.sort, { endDate: sql`k.end_date`, value: sql`k.value` });
  const [fetched, total] = await Promise.all([
    rows<Row>(
      ctx.db,
      sql`${await selectContracts(ctx.db, today)} where ${filter} and ${afterCursor(spec, sql`k.id`, q.cursor)}
          order by ${orderBy(spec, sql`k.id`)} limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from contracts k join accounts a on a.id = k.account_id where ${filter}`,
    ),
  ]);
  return toPage(
    fetched,
    q.limit,
    (r) => [spec.key === 'value' ? Number(r.value) : isoDate(r.end_date), r.id],
    toContract,
    total?.n ?? 0,
  );
}

async function checkLinks(
  db: Db,
  accountId: string,
  input: { startDate?: string; endDate?: string; planItemIds?: string[]; renews?: string },
) {
  if (input.startDate && input.endDate && input.endDate < input.startDate)
    throw AppError.invalid('body.endDate', 'ends before it starts');
  if (input.planItemIds?.length) {
    const found = await one<{ n: number }>(
      db,
      sql`select count(*)::int as n from plan_items where id = any(${pgArray(input.planItemIds)}::uuid[])
           and account_id = ${accountId} and archived_at is null`,
    );
    if ((found?.n ?? 0) !== new Set(input.planItemIds).size)
      throw AppError.invalid('body.planItemIds', 'not all of these are plan items of this account');
  }
  if (input.renews) {
    const found = await one<{ id: string }>(
      db,
      sql`select id from contracts where id = ${input.renews} and account_id = ${accountId} and archived_at is null and renewed_by_id is null`,
    );
    if (!found) throw AppError.invalid('body.renews', 'not a contract of this account awaiting renewal');
  }
}

async function linkItems(db: Db, contractId: string, planItemIds: string[]) {
  await db.delete(contractPlanItems).where(sql`contract_id = ${contractId}`);
  if (planItemIds.length)
    await db
      .insert(contractPlanItems)
      .values([...new Set(planItemIds)].map((planItemId) => ({ contractId, planItemId })));
}

export async function createContract(ctx: Ctx, accountId: string, input: z.infer<typeof CreateContract>) {
  assertCan(ctx.user, 'contract.write');
  await assertAccountInScope(ctx, accountId);
  await checkLinks(ctx.db, accountId, input);
  const taken = await one<{ id: string }>(ctx.db, sql`select id from contracts where code = ${input.code}`);
  if (taken) throw AppError.invalid('body.code', 'another contract has this code');
  const { planItemIds, renews, ...fields } = input;
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(contracts)
      .values({ ...fields, accountId, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .returning({ id: contracts.id });
    await linkItems(tx, row!.id, planItemIds);
    if (renews)
      await tx.execute(sql`update contracts set renewed_by_id = ${row!.id}, version = version + 1, updated_at = now(),
          updated_by = ${ctx.user.id} where id = ${renews}`);
    await audit(withDb(ctx, tx), 'contract.create', 'account', accountId, {
      contractId: row!.id,
      renews: renews ?? null,
    });
    return row!.id;
  });
  return getContract(ctx, id);
}

export async function updateContract(ctx: Ctx, id: string, input: z.infer<typeof UpdateContract>) {
  assertCan(ctx.user, 'contract.write');
  const current = await getContract(ctx, id);
  const { version, planItemIds, ...fields } = input;
  await checkLinks(ctx.db, current.accountId, {
    startDate: fields.startDate ?? current.startDate,
    endDate: fields.endDate ?? current.endDate,
    planItemIds,
  });
  if (fields.code && fields.code !== current.code) {
    const taken = await one<{ id: string }>(ctx.db, sql`select id from contracts where code = ${fields.code}`);
    if (taken) throw AppError.invalid('body.code', 'another contract has this code');
  }
  await ctx.db.transaction(async (tx) => {
    const done = await tx
      .update(contracts)
      .set({ ...fields, version: version + 1, updatedAt: new Date(), updatedBy: ctx.user.id })
      .where(sql`id = ${id} and version = ${version}`)
      .returning({ id: contracts.id });
    if (!done.length) throw AppError.staleVersion('Contract');
    if (planItemIds) await linkItems(tx, id, planItemIds);
    await audit(withDb(ctx, tx), 'contract.update', 'account', current.accountId, {
      contractId: id,
      fields: Object.keys(input).filter((k) => k !== 'version'),
    });
  });
  return getContract(ctx, id);
}

export async function archiveContract(ctx: Ctx, id: string, version: number) {
  assertCan(ctx.user, 'contract.write');
  const current = await getContract(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const done = await rows<{ id: string }>(
      tx,
      sql`update contracts set archived_at = now(), version = version + 1, updated_at = now(), updated_by = ${ctx.user.id}
           where id = ${id} and version = ${version} returning id`,
    );
    if (!done.length) throw AppError.staleVersion('Contract');
    await audit(withDb(ctx, tx), 'contract.archive', 'account', current.accountId, { contractId: id });
  });
}
