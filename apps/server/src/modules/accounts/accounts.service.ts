import type { AccountListQuery, CreateAccount, UpdateAccount } from '@kamap/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountScope, assertCan } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { isoTimestamp, isoTimestampOrNull, one, rows } from '../../platform/db/index.js';
import { versionedUpdate } from '../../platform/db/versioned.js';
import { AppError } from '../../platform/errors.js';
import { afterCursor, orderBy, sortSpec, toPage } from '../../platform/http/paging.js';
import { toE164 } from '../../platform/phone.js';
import { nameSortKey } from '../../platform/pinyin.js';
import { rollup, selectSummaries, toAccountSummary } from './accounts.repo.js';
import { accounts, accountTeam } from './accounts.table.js';
import { coverageGap } from './coverage.js';

type ListQuery = z.infer<typeof AccountListQuery>;

const sortColumns = {
  name: sql`a.name_sort`,
  code: sql`a.code`,
  updatedAt: sql`a.updated_at`,
  createdAt: sql`a.created_at`,
};

/** The predicate of the account list's filters (scope is added by the caller). */
function listFilter(ctx: Ctx, q: ListQuery) {
  const parts = [
    q.includeArchived ? sql`true` : sql`a.archived_at is null`,
    q.lifecycle ? sql`a.lifecycle = ${q.lifecycle}` : undefined,
    q.industry ? sql`a.industry = ${q.industry}` : undefined,
    q.province ? sql`a.province = ${q.province}` : undefined,
    q.ownerId ? sql`a.owner_id = ${q.ownerId}` : undefined,
    q.orgUnitId
      ? sql`a.org_unit_id in (select x.id from org_units x where x.path like (select p.path from org_units p where p.id = ${q.orgUnitId}) || '%')`
      : undefined,
    q.parentId ? sql`a.parent_id = ${q.parentId}` : undefined,
    // a root is an account whose group parent is absent or outside the caller's view
    q.roots
      ? sql`(a.parent_id is null or not exists (select 1 from accounts pa where pa.id = a.parent_id and ${accountScope(ctx.user, 'pa')}))`
      : undefined,
    q.tag ? sql`${q.tag} = any(a.tags)` : undefined,
    q.coverage ? coverageGap(q.coverage, 'a') : undefined,
    q.q
      ? sql`(a.name ilike ${`%${q.q}%`} or a.short_name ilike ${`%${q.q}%`} or a.code ilike ${`${q.q}%`} or ${q.q} <% a.name)`
      : undefined,
  ].filter((p) => p !== undefined);
  return sql.join(parts, sql` and `);
}

export async function listAccounts(ctx: Ctx, q: ListQuery) {
  const spec = sortSpec(q.sort, sortColumns);
  const filter = listFilter(ctx, q);
  const [fetched, total] = await Promise.all([
    selectSummaries(
      ctx.db,
      ctx.user,
      sql`${filter} and ${afterCursor(spec, sql`a.id`, q.cursor)}`,
      sql`order by ${orderBy(spec, sql`a.id`)} limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from accounts a where ${accountScope(ctx.user, 'a')} and ${filter}`,
    ),
  ]);
  const cursorValue = (r: (typeof fetched)[number]): string | number | null => {
    if (spec.key === 'updatedAt') return String(r.updated_at); // raw text keeps microseconds
    if (spec.key === 'createdAt') return String(r.created_at);
    return spec.key === 'code' ? r.code : r.name_sort;
  };
  return toPage(fetched, q.limit, (r) => [cursorValue(r), r.id], toAccountSummary, total?.n ?? 0);
}

/** The account if the caller may see it; otherwise 404, so existence does not leak. */
export async function getAccountSummary(ctx: Ctx, id: string) {
  const [row] = await selectSummaries(ctx.db, ctx.user, sql`a.id = ${id}`);
  if (!row) throw AppError.notFound('Account');
  return toAccountSummary(row);
}

/** Checks that an account exists in the caller's scope; other modules call this before touching its data. */
export async function assertAccountInScope(ctx: Ctx, id: string): Promise<void> {
  const row = await one<{ id: string }>(
    ctx.db,
    sql`select a.id from accounts a where a.id = ${id} and ${accountScope(ctx.user, 'a')}`,
  );
  if (!row) throw AppError.notFound('Account');
}

type DetailRow = Record<string, unknown> & { id: string; version: number; parent_id: string | null };

export async function getAccount(ctx: Ctx, id: string) {
  const row = await one<DetailRow>(
    ctx.db,
    sql`select a.*, ow.display_name as owner_name, ou.name as org_unit_name, pa.name as parent_name,
          (pa.id is not null and ${accountScope(ctx.user, 'pa')}) as parent_visible
        from accounts a
        left join users ow on ow.id = a.owner_id
        join org_units ou on ou.id = a.org_unit_id
        left join accounts pa on pa.id = a.parent_id
        where a.id = ${id} and ${accountScope(ctx.user, 'a')}`,
  );
  if (!row) throw AppError.notFound('Account');
  const [children, team, own] = await Promise.all([
    selectSummaries(
      ctx.db,
      ctx.user,
      sql`a.parent_id = ${id} and a.archived_at is null`,
      sql`order by a.name limit 500`,
    ),
    rows<{ user_id: string; display_name: string; role: string; since: unknown }>(
      ctx.db,
      sql`select t.user_id, u.display_name, t.role, t.since from account_team t join users u on u.id = t.user_id
          where t.account_id = ${id} order by t.role, u.display_name`,
    ),
    rollup(ctx.db, ctx.user, id, false),
  ]);
  const group = children.length ? await rollup(ctx.db, ctx.user, id, true) : null;
  return {
    id: row.id,
    code: row.code as string,
    name: row.name as string,
    shortName: row.short_name as string | null,
    creditCode: row.credit_code as string | null,
    parentId: row.parent_id,
    industry: row.industry as never,
    province: row.province as string | null,
    city: row.city as string | null,
    sizeBand: row.size_band as never,
    employeeCount: row.employee_count as number | null,
    annualRevenueEstimate: row.annual_revenue_estimate as number | null,
    walletEstimate: row.wallet_estimate as number | null,
    website: row.website as string | null,
    address: row.address as string | null,
    phone: row.phone as string | null,
    ownerId: row.owner_id as string | null,
    owner: row.owner_id ? { id: row.owner_id as string, displayName: row.owner_name as string } : null,
    orgUnitId: row.org_unit_id as string,
    orgUnitName: row.org_unit_name as string,
    lifecycle: row.lifecycle as never,
    priceSensitivity: row.price_sensitivity as never,
    marketInfluence: row.market_influence as number | null,
    strategicFit: row.strategic_fit as number | null,
    creditLimit: row.credit_limit as number | null,
    paymentTermsDays: row.payment_terms_days as number | null,
    tags: (row.tags as string[]) ?? [],
    parent: row.parent_visible ? { id: row.parent_id!, name: row.parent_name as string } : null,
    children: children.map((c) => ({ id: c.id, name: c.name, childCount: c.child_count })),
    team: team.map((t) => ({
      user: { id: t.user_id, displayName: t.display_name },
      role: t.role as never,
      since: isoTimestamp(t.since),
    })),
    own,
    group,
    version: row.version,
    createdAt: isoTimestamp(row.created_at),
    updatedAt: isoTimestamp(row.updated_at),
    archivedAt: isoTimestampOrNull(row.archived_at),
  };
}

function normalisePhone(phone: string | null | undefined): { phone?: string | null; phoneE164?: string | null } {
  if (phone === undefined) return {};
  if (phone === null || phone === '') return { phone: null, phoneE164: null };
  const e164 = toE164(phone);
  if (!e164) throw AppError.invalid('body.phone', 'not a possible phone number');
  return { phone, phoneE164: e164 };
}

/** Who may own an account, where it may live, and which group it may join: checked for create and update. */
async function checkPlacement(
  ctx: Ctx,
  input: { ownerId?: string | null; orgUnitId?: string; parentId?: string | null },
  selfId?: string,
) {
  if (ctx.user.role === 'kam' && input.ownerId !== undefined && input.ownerId !== ctx.user.id) {
    throw AppError.invalid(
      'body.ownerId',
      'a key-account manager can only own accounts itself; ask a director to reassign',
    );
  }
  if (input.orgUnitId && ctx.user.role !== 'admin') {
    const inside = await one<{ ok: boolean }>(
      ctx.db,
      sql`select exists (select 1 from org_units where id = ${input.orgUnitId} and path like ${`${ctx.user.orgUnitPath}%`}) as ok`,
    );
    if (!inside?.ok) throw AppError.invalid('body.orgUnitId', 'outside your org unit');
  }
  if (input.parentId) {
    if (input.parentId === selfId) throw AppError.invalid('body.parentId', 'an account cannot be its own group parent');
    await assertAccountInScope(ctx, input.parentId).catch(() => {
      throw AppError.invalid('body.parentId', 'no such account');
    });
    if (selfId) {
      const cycle = await one<{ hit: boolean }>(
        ctx.db,
        sql`with recursive up as (
              select id, parent_id from accounts where id = ${input.parentId}
              union all select a.id, a.parent_id from accounts a join up on a.id = up.parent_id)
            select exists (select 1 from up where id = ${selfId}) as hit`,
      );
      if (cycle?.hit) throw AppError.invalid('body.parentId', 'would make the group tree a cycle');
    }
  }
}

export async function createAccount(ctx: Ctx, input: z.infer<typeof CreateAccount>) {
  assertCan(ctx.user, 'account.create');
  const ownerId = input.ownerId ?? (ctx.user.role === 'kam' ? ctx.user.id : null);
  await checkPlacement(ctx, { ...input, ownerId: ownerId ?? undefined });
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(accounts)
      .values({
        ...input,
        ...normalisePhone(input.phone),
        nameSort: nameSortKey(input.name),
        ownerId,
        createdBy: ctx.user.id,
        updatedBy: ctx.user.id,
      })
      .returning({ id: accounts.id });
    if (ownerId) await tx.insert(accountTeam).values({ accountId: row!.id, userId: ownerId, role: 'owner' });
    await audit(withDb(ctx, tx), 'account.create', 'account', row!.id, { ownerId });
    return row!.id;
  });
  return getAccount(ctx, id);
}

export async function updateAccount(ctx: Ctx, id: string, input: z.infer<typeof UpdateAccount>) {
  assertCan(ctx.user, 'account.write');
  const current = await getAccount(ctx, id);
  const { version, ...fields } = input;
  await checkPlacement(
    ctx,
    {
      ownerId: fields.ownerId !== undefined && fields.ownerId !== current.ownerId ? fields.ownerId : undefined,
      orgUnitId: fields.orgUnitId !== current.orgUnitId ? fields.orgUnitId : undefined,
      parentId: fields.parentId !== current.parentId ? fields.parentId : undefined,
    },
    id,
  );
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, accounts, 'Account', id, version, {
      ...fields,
      ...normalisePhone(fields.phone),
      ...(fields.name ? { nameSort: nameSortKey(fields.name) } : {}),
    });
    const changed = Object.keys(fields);
    if (fields.ownerId !== undefined && fields.ownerId !== current.ownerId) {
      await tx.delete(accountTeam).where(and(eq(accountTeam.accountId, id), eq(accountTeam.role, 'owner')));
      if (fields.ownerId) {
        await tx
          .insert(accountTeam)
          .values({ accountId: id, userId: fields.ownerId, role: 'owner' })
          .onConflictDoUpdate({ target: [accountTeam.accountId, accountTeam.userId], set: { role: 'owner' } });
      }
      await audit(withDb(ctx, tx), 'account.owner_change', 'account', id, {
        from: current.ownerId,
        to: fields.ownerId,
      });
    }
    await audit(withDb(ctx, tx), 'account.update', 'account', id, { fields: changed });
  });
  return getAccount(ctx, id);
}

export async function archiveAccount(ctx: Ctx, id: string, version: number): Promise<void> {
  assertCan(ctx.user, 'account.write');
  await getAccountSummary(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, accounts, 'Account', id, version, { archivedAt: new Date() });
    await audit(withDb(ctx, tx), 'account.archive', 'account', id);
  });
}

export async function setTeamMember(
  ctx: Ctx,
  accountId: string,
  userId: string,
  role: 'owner' | 'sales' | 'service' | 'technical' | 'executive_sponsor',
) {
  assertCan(ctx.user, 'account.write');
  await getAccountSummary(ctx, accountId);
  if (role === 'owner') throw AppError.invalid('body.role', 'change the owner through the account’s ownerId');
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(accountTeam)
      .values({ accountId, userId, role })
      .onConflictDoUpdate({ target: [accountTeam.accountId, accountTeam.userId], set: { role } });
    await audit(withDb(ctx, tx), 'account.team_set', 'account', accountId, { userId, role });
  });
  return (await getAccount(ctx, accountId)).team;
}

export async function removeTeamMember(ctx: Ctx, accountId: string, userId: string) {
  assertCan(ctx.user, 'account.write');
  await getAccountSummary(ctx, accountId);
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(accountTeam)
      .where(
        and(eq(accountTeam.accountId, accountId), eq(accountTeam.userId, userId), sql`${accountTeam.role} <> 'owner'`),
      )
      .returning({ userId: accountTeam.userId });
    if (!removed.length) throw AppError.notFound('Team member (the owner is changed through ownerId)');
    await audit(withDb(ctx, tx), 'account.team_remove', 'account', accountId, { userId });
  });
}
