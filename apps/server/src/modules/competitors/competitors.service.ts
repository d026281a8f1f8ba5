import type { CreateCompetitor, CreateCompetitorPresence, UpdateCompetitorPresence } from '@kamap/contracts';
import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountIdInScope, assertCan } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { type Db, isoTimestamp, isoTimestampOrNull, one, rows } from '../../platform/db/index.js';
import { versionedUpdate } from '../../platform/db/versioned.js';
import { AppError } from '../../platform/errors.js';
import { todayInChina } from '../../platform/today.js';
import { assertAccountInScope } from '../accounts/index.js';
import { competitorPresence, competitors } from './competitors.table.js';

const toCompetitor = (c: typeof competitors.$inferSelect) => ({
  id: c.id,
  name: c.name,
  country: c.country,
  strengths: c.strengths,
  weaknesses: c.weaknesses,
  version: c.version,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
  archivedAt: c.archivedAt?.toISOString() ?? null,
});

export async function listCompetitors(ctx: Ctx) {
  const all = await ctx.db.select().from(competitors).orderBy(asc(competitors.name));
  return {
    items: all.map(toCompetitor),
  };
}

export async function updateCompetitor(
  ctx: Ctx,
  id: string,
  input: {
    version: number;
    name?: string;
    country?: string | null;
    strengths?: string | null;
    weaknesses?: string | null;
  },
) {
  assertCan(ctx.user, 'competitor.write');
  const { version, ...changes } = input;
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(competitors).where(eq(competitors.id, id));
    if (!current) throw AppError.notFound('Competitor');
    await versionedUpdate(tx, ctx, competitors, 'Competitor', id, version, changes);
    await audit(withDb(ctx, tx), 'competitor.update', 'competitor', id, { fields: Object.keys(changes) });
    const [c] = await tx.select().from(competitors).where(eq(competitors.id, id));
    return toCompetitor(c!);
  });
}

export async function createCompetitor(ctx: Ctx, input: z.infer<typeof CreateCompetitor>) {
  assertCan(ctx.user, 'competitor.write');
  return ctx.db.transaction(async (tx) => {
    const [c] = await tx
      .insert(competitors)
      .values({ ...input, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .returning();
    await audit(withDb(ctx, tx), 'competitor.create', 'competitor', c!.id);
    return toCompetitor(c!);
  });
}

type Row = Record<string, unknown> & { id: string };

const select = sql`select cp.*, c.name as competitor_name, pc.name as category_name
  from competitor_presence cp join competitors c on c.id = cp.competitor_id join product_categories pc on pc.id = cp.category_id`;

const toPresence = (r: Row) => ({
  id: r.id,
  accountId: r.account_id as string,
  competitor: { id: r.competitor_id as string, name: r.competitor_name as string },
  categoryId: r.category_id as string,
  categoryName: r.category_name as string,
  estAnnualVolume: (r.est_annual_volume as number | null) ?? null,
  ourShare: r.our_share === null ? null : Number(r.our_share),
  notes: r.notes as string | null,
  version: r.version as number,
  createdAt: isoTimestamp(r.created_at),
  updatedAt: isoTimestamp(r.updated_at),
  archivedAt: isoTimestampOrNull(r.archived_at),
});

/** Dates the presence's state as of today, for the share trend that churn risk reads. */
async function observe(tx: Db, ctx: Ctx, presenceId: string) {
  await tx.execute(sql`
    insert into competitor_share_observations
           (account_id, competitor_id, category_id, observed_on, est_annual_volume, our_share, present, recorded_by)
    select account_id, competitor_id, category_id, ${todayInChina()}::date, est_annual_volume, our_share,
           archived_at is null, ${ctx.user.id}
      from competitor_presence where id = ${presenceId}`);
}

export async function listPresence(ctx: Ctx, accountId: string) {
  await assertAccountInScope(ctx, accountId);
  const found = await rows<Row>(
    ctx.db,
    sql`${select} where cp.account_id = ${accountId} and cp.archived_at is null order by cp.est_annual_volume desc nulls last limit 500`,
  );
  return { items: found.map(toPresence) };
}

async function getPresence(ctx: Ctx, id: string) {
  const r = await one<Row>(
    ctx.db,
    sql`${select} where cp.id = ${id} and ${accountIdInScope(ctx.user, sql`cp.account_id`)}`,
  );
  if (!r) throw AppError.notFound('Competitor presence');
  return toPresence(r);
}

export async function createPresence(ctx: Ctx, accountId: string, input: z.infer<typeof CreateCompetitorPresence>) {
  assertCan(ctx.user, 'competitor.write');
  await assertAccountInScope(ctx, accountId);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(competitorPresence)
      .values({
        ...input,
        ourShare: input.ourShare === null ? null : String(input.ourShare),
        accountId,
        createdBy: ctx.user.id,
        updatedBy: ctx.user.id,
      })
      .returning({ id: competitorPresence.id });
    await observe(tx, ctx, row!.id);
    await audit(withDb(ctx, tx), 'competitor_presence.create', 'account', accountId, { presenceId: row!.id });
    return row!.id;
  });
  return getPresence(ctx, id);
}

export async function updatePresence(ctx: Ctx, id: string, input: z.infer<typeof UpdateCompetitorPresence>) {
  assertCan(ctx.user, 'competitor.write');
  const current = await getPresence(ctx, id);
  const { version, ourShare, ...fields } = input;
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, competitorPresence, 'Competitor presence', id, version, {
      ...fields,
      ...(ourShare === undefined ? {} : { ourShare: ourShare === null ? null : String(ourShare) }),
    });
    await observe(tx, ctx, id);
    await audit(withDb(ctx, tx), 'competitor_presence.update', 'account', current.accountId, { presenceId: id });
  });
  return getPresence(ctx, id);
}

export async function archivePresence(ctx: Ctx, id: string, version: number) {
  assertCan(ctx.user, 'competitor.write');
  const current = await getPresence(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, competitorPresence, 'Competitor presence', id, version, { archivedAt: new Date() });
    await observe(tx, ctx, id);
    await audit(withDb(ctx, tx), 'competitor_presence.archive', 'account', current.accountId, { presenceId: id });
  });
}
