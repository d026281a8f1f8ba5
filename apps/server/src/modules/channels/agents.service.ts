import type { AgentListQuery, CreateAgentTerritory, ListQueryBase, UpdateAgent } from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountIdInScope, assertCan, type Principal } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { isoDate, isoDateOrNull, isoTimestamp, one, rows } from '../../platform/db/index.js';
import { versionedUpdate } from '../../platform/db/versioned.js';
import { AppError } from '../../platform/errors.js';
import { afterCursor, orderBy, sortSpec, toPage } from '../../platform/http/paging.js';
import { todayInChina } from '../../platform/today.js';
import { latestTier } from '../analytics/index.js';
import { orderScope } from '../orders/index.js';
import { agents, agentTerritories } from './channels.table.js';
import { addDays, registrationScope } from './registrations.service.js';

type Row = Record<string, unknown> & { id: string };

/** An agent user sees its own agency and no other; staff see every agent. */
function agentScope(user: Principal): SQL {
  if (user.role === 'agent') return user.agentId ? sql`ag.id = ${user.agentId}` : sql`false`;
  return sql`true`;
}

function contractStatus(end: unknown, today: string): 'active' | 'expiring' | 'expired' | 'none' {
  if (end === null || end === undefined) return 'none';
  const day = isoDate(end);
  if (day < today) return 'expired';
  return day <= addDays(today, 60) ? 'expiring' : 'active';
}

const select = (user: Principal) => sql`
  select ag.*, (select count(*)::int from account_agents aa join accounts a on a.id = aa.account_id
                where aa.agent_id = ag.id and a.archived_at is null and ${accountIdInScope(user, sql`a.id`)}) as account_count
  from agents ag`;

function toAgent(r: Row, today: string) {
  return {
    id: r.id,
    code: r.code as string,
    name: r.name as string,
    creditCode: (r.credit_code as string) ?? null,
    regions: (r.regions as string[]) ?? [],
    productLines: (r.product_lines as string[]) ?? [],
    agentTier: r.agent_tier as never,
    contractNo: (r.contract_no as string) ?? null,
    contractStart: isoDateOrNull(r.contract_start),
    contractEnd: isoDateOrNull(r.contract_end),
    contractStatus: contractStatus(r.contract_end, today),
    contactName: (r.contact_name as string) ?? null,
    contactPhone: (r.contact_phone as string) ?? null,
    email: (r.email as string) ?? null,
    address: (r.address as string) ?? null,
    accounts: (r.account_count as number) ?? 0,
    version: r.version as number,
  };
}

export async function listAgents(ctx: Ctx, q: z.infer<typeof AgentListQuery>) {
  assertCan(ctx.user, 'agent.read');
  const spec = sortSpec(q.sort, { name: sql`ag.name`, code: sql`ag.code` });
  const filter = sql.join(
    [
      agentScope(ctx.user),
      q.includeArchived ? undefined : sql`ag.archived_at is null`,
      q.tier ? sql`ag.agent_tier = ${q.tier}` : undefined,
      q.q ? sql`(ag.name ilike ${`%${q.q}%`} or ag.code ilike ${`%${q.q}%`})` : undefined,
    ].filter((p) => p !== undefined),
    sql` and `,
  );
  const [fetched, total] = await Promise.all([
    rows<Row>(
      ctx.db,
      sql`${select(ctx.user)} where ${filter} and ${afterCursor(spec, sql`ag.id`, q.cursor)} order by ${orderBy(spec, sql`ag.id`)} limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(ctx.db, sql`select count(*)::int as n from agents ag where ${filter}`),
  ]);
  const today = todayInChina();
  return toPage(
    fetched,
    q.limit,
    (r) => [String(spec.key === 'name' ? r.name : r.code), r.id],
    (r) => toAgent(r, today),
    total?.n ?? 0,
  );
}

async function findAgentRow(ctx: Ctx, id: string): Promise<Row> {
  assertCan(ctx.user, 'agent.read');
  const r = await one<Row>(ctx.db, sql`${select(ctx.user)} where ag.id = ${id} and ${agentScope(ctx.user)}`);
  if (!r) throw AppError.notFound('Agent');
  return r;
}

/** Revenue through the agent (accounts in the caller's scope), growth, and its registrations won and lost. */
async function performance(ctx: Ctx, agentId: string) {
  const today = todayInChina();
  const yearAgo = addDays(today, -365);
  const twoYearsAgo = addDays(today, -730);
  const [money, regs] = await Promise.all([
    one<{ cur: number; prev: number; orders: number }>(
      ctx.db,
      sql`select coalesce(sum(o.amount) filter (where o.order_date > ${yearAgo}::date), 0)::bigint as cur,
                 coalesce(sum(o.amount) filter (where o.order_date <= ${yearAgo}::date), 0)::bigint as prev,
                 count(*) filter (where o.order_date > ${yearAgo}::date)::int as orders
          from orders o where o.agent_id = ${agentId} and o.archived_at is null and o.status <> 'cancelled'
            and o.order_date > ${twoYearsAgo}::date and o.order_date <= ${today}::date and ${orderScope(ctx.user)}`,
    ),
    one<Record<string, number>>(
      ctx.db,
      sql`select count(*) filter (where r.agent_id = ${agentId} and r.status = 'approved' and r.transferred_to_agent_id is null)::int as approved,
                 count(*) filter (where r.agent_id = ${agentId} and r.status = 'queued')::int as queued,
                 count(*) filter (where r.agent_id = ${agentId} and r.status = 'rejected')::int as rejected,
                 count(*) filter (where r.agent_id = ${agentId} and r.status = 'expired')::int as expired,
                 count(*) filter (where (r.agent_id = ${agentId} and r.decision in ('auto_approve', 'approve', 'split'))
                                     or r.transferred_to_agent_id = ${agentId})::int as won,
                 count(*) filter (where r.agent_id = ${agentId} and r.decision in ('auto_reject', 'reject', 'transfer'))::int as lost
          from registrations r where r.archived_at is null and (r.agent_id = ${agentId} or r.transferred_to_agent_id = ${agentId})
            and ${registrationScope(ctx.user)}`,
    ),
  ]);
  const cur = Number(money?.cur ?? 0);
  const prev = Number(money?.prev ?? 0);
  return {
    revenue12m: cur,
    revenuePrev12m: prev,
    growth: prev > 0 ? Math.round((cur / prev - 1) * 1000) / 1000 : null,
    orders12m: money?.orders ?? 0,
    registrations: {
      approved: regs?.approved ?? 0,
      queued: regs?.queued ?? 0,
      rejected: regs?.rejected ?? 0,
      expired: regs?.expired ?? 0,
      won: regs?.won ?? 0,
      lost: regs?.lost ?? 0,
    },
  };
}

export async function getAgent(ctx: Ctx, id: string) {
  const r = await findAgentRow(ctx, id);
  const [members, territories, perf] = await Promise.all([
    rows<{ id: string; display_name: string; username: string }>(
      ctx.db,
      sql`select id, display_name, username from users where agent_id = ${id} and disabled_at is null order by username`,
    ),
    rows<Row>(
      ctx.db,
      sql`select * from agent_territories where agent_id = ${id} and archived_at is null order by province, product_line`,
    ),
    performance(ctx, id),
  ]);
  return {
    ...toAgent(r, todayInChina()),
    users: members.map((u) => ({ id: u.id, displayName: u.display_name, username: u.username })),
    territories: territories.map(toTerritory),
    performance: perf,
  };
}

const toTerritory = (t: Row) => ({
  id: t.id,
  agentId: t.agent_id as string,
  province: t.province as string,
  productLine: t.product_line as string,
  exclusive: Boolean(t.exclusive),
  validFrom: isoDate(t.valid_from),
  validTo: isoDateOrNull(t.valid_to),
});

export async function updateAgent(ctx: Ctx, id: string, input: z.infer<typeof UpdateAgent>) {
  assertCan(ctx.user, 'agent.manage');
  await findAgentRow(ctx, id);
  const { version, ...fields } = input;
  if (fields.contractStart && fields.contractEnd && fields.contractEnd < fields.contractStart)
    throw AppError.invalid('body.contractEnd', 'ends before it starts');
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, agents, 'Agent', id, version, fields);
    await audit(withDb(ctx, tx), 'agent.update', 'agent', id, { fields: Object.keys(fields) });
  });
  return getAgent(ctx, id);
}

export async function addTerritory(ctx: Ctx, agentId: string, input: z.infer<typeof CreateAgentTerritory>) {
  assertCan(ctx.user, 'agent.manage');
  await findAgentRow(ctx, agentId);
  if (input.validTo && input.validTo < input.validFrom) throw AppError.invalid('body.validTo', 'ends before it starts');
  await ctx.db.transaction(async (tx) => {
    if (input.exclusive) {
      const taken = await one<{ name: string }>(
        tx,
        sql`select ag.name from agent_territories t join agents ag on ag.id = t.agent_id
            where t.archived_at is null and t.exclusive and t.province = ${input.province} and t.product_line = ${input.productLine}
              and t.agent_id <> ${agentId} and (t.valid_to is null or t.valid_to >= ${input.validFrom}::date)
              and (${input.validTo ?? null}::date is null or t.valid_from <= ${input.validTo ?? null}::date)`,
      );
      if (taken)
        throw new AppError(
          'conflict',
          `${input.province} × ${input.productLine} is already exclusive to ${taken.name}`,
        );
    }
    const [row] = await tx
      .insert(agentTerritories)
      .values({ ...input, validTo: input.validTo ?? null, agentId, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .returning({ id: agentTerritories.id });
    await audit(withDb(ctx, tx), 'agent.territory_add', 'agent', agentId, { territoryId: row!.id, ...input });
  });
  return getAgent(ctx, agentId);
}

/** The accounts assigned to an agent that the caller may see, with revenue through the agent. */
export async function agentAccounts(ctx: Ctx, agentId: string, q: z.infer<typeof ListQueryBase>) {
  await findAgentRow(ctx, agentId);
  const yearAgo = addDays(todayInChina(), -365);
  const filter = sql`aa.agent_id = ${agentId} and a.archived_at is null and ${accountIdInScope(ctx.user, sql`a.id`)}
    ${q.q ? sql`and a.name ilike ${`%${q.q}%`}` : sql``}`;
  const after = q.cursor ? sql`and a.id > ${decodeId(q.cursor)}` : sql``;
  const [fetched, total] = await Promise.all([
    rows<Row>(
      ctx.db,
      sql`select a.id, a.name, a.province, a.city, aa.since, ${latestTier(sql`a.id`)} as tier,
            (select coalesce(sum(o.amount), 0)::bigint from orders o where o.account_id = a.id and o.agent_id = ${agentId}
              and o.archived_at is null and o.status <> 'cancelled' and o.order_date > ${yearAgo}::date) as revenue
          from account_agents aa join accounts a on a.id = aa.account_id
          where ${filter} ${after} order by a.id limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from account_agents aa join accounts a on a.id = aa.account_id where ${filter}`,
    ),
  ]);
  return toPage(
    fetched,
    q.limit,
    (r) => [null, r.id],
    (r) => ({
      accountId: r.id,
      name: r.name as string,
      province: (r.province as string) ?? null,
      city: (r.city as string) ?? null,
      tier: r.tier as never,
      since: isoTimestamp(r.since),
      revenue12m: Number(r.revenue),
    }),
    total?.n ?? 0,
  );
}

function decodeId(cursor: string): string {
  const [, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, string];
  if (!/^[0-9a-f-]{36}$/.test(id)) throw AppError.invalid('querystring.cursor', 'not a cursor this server issued');
  return id;
}

/** Orders placed through an agent, newest first, in the caller's order scope. */
export async function agentOrders(ctx: Ctx, agentId: string, q: z.infer<typeof ListQueryBase>) {
  await findAgentRow(ctx, agentId);
  const spec = sortSpec('-orderDate', { orderDate: sql`o.order_date` });
  const filter = sql`o.agent_id = ${agentId} and o.archived_at is null and ${orderScope(ctx.user)}`;
  const [fetched, total] = await Promise.all([
    rows<Row>(
      ctx.db,
      sql`select o.id, o.order_no, o.order_date, o.account_id, a.name as account_name, o.amount, o.discount, o.status
          from orders o join accounts a on a.id = o.account_id
          where ${filter} and ${afterCursor(spec, sql`o.id`, q.cursor)} order by ${orderBy(spec, sql`o.id`)} limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(ctx.db, sql`select count(*)::int as n from orders o where ${filter}`),
  ]);
  return toPage(
    fetched,
    q.limit,
    (r) => [isoDate(r.order_date), r.id],
    (r) => ({
      id: r.id,
      orderNo: r.order_no as string,
      orderDate: isoDate(r.order_date),
      accountId: r.account_id as string,
      accountName: r.account_name as string,
      amount: Number(r.amount),
      discount: Number(r.discount),
      status: r.status as string,
    }),
    total?.n ?? 0,
  );
}
