import {
  type BuyingStage,
  type CloseOpportunity,
  type CreateOpportunity,
  type OpportunityListQuery,
  type SetBuyingCentreMember,
  stageProbability,
  type UpdateOpportunity,
} from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountIdInScope, assertCan } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { type Db, isoDate, isoDateOrNull, isoTimestamp, one, pgArray, rows } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { afterCursor, orderBy, sortSpec, toPage } from '../../platform/http/paging.js';
import { todayInChina } from '../../platform/today.js';
import { assertAccountInScope } from '../accounts/index.js';
import { latestRunId } from '../analytics/index.js';
import { checkOwner } from '../tasks/index.js';
import { opportunities } from './plans.table.js';

type Row = Record<string, unknown> & { id: string; account_id: string };

const select = sql`
  select o.*, a.name as account_name, u.display_name as owner_name, k.name as competitor_name,
         (select coalesce(json_agg(json_build_object('id', c.id, 'name', c.name) order by c.code), '[]')
            from product_categories c where c.id = any(o.category_ids)) as categories
    from opportunities o join accounts a on a.id = o.account_id join users u on u.id = o.owner_id
    left join competitors k on k.id = o.competitor_id`;

type Member = {
  contact_id: string;
  name: string;
  title: string | null;
  stage: BuyingStage;
  role: string;
  stance: string;
  note: string | null;
  updated_at: unknown;
};

async function buyingCentres(db: Db, ids: string[]) {
  const by = new Map<string, Member[]>();
  if (!ids.length) return by;
  const found = await rows<Member & { opportunity_id: string }>(
    db,
    sql`select oc.*, c.name, c.title from opportunity_contacts oc join contacts c on c.id = oc.contact_id
         where oc.opportunity_id = any(${pgArray(ids)}::uuid[]) and c.archived_at is null
         order by c.name, oc.updated_at`,
  );
  for (const r of found) by.set(r.opportunity_id, [...(by.get(r.opportunity_id) ?? []), r]);
  return by;
}

function toMembers(found: Member[], stage: BuyingStage) {
  const people = new Map<string, Member[]>();
  for (const m of found) people.set(m.contact_id, [...(people.get(m.contact_id) ?? []), m]);
  return [...people.values()].map((ms) => {
    const latest = ms[ms.length - 1] as Member;
    const current = ms.find((m) => m.stage === stage);
    return {
      contactId: latest.contact_id,
      name: latest.name,
      title: latest.title,
      role: latest.role as never,
      stance: (current?.stance as never) ?? null,
      stances: ms.map((m) => ({ stage: m.stage, stance: m.stance as never, note: m.note })),
      note: current?.note ?? null,
    };
  });
}

const toOpportunity = (r: Row, members: Member[]) => ({
  id: r.id,
  accountId: r.account_id,
  accountName: r.account_name as string,
  title: r.title as string,
  kind: r.kind as never,
  amount: Number(r.amount),
  currency: r.currency as string,
  categories: r.categories as { id: string; name: string }[],
  expectedClose: isoDate(r.expected_close),
  probability: r.probability as number,
  weighted: Math.round((Number(r.amount) * (r.probability as number)) / 100),
  stage: r.stage as BuyingStage,
  status: r.status as never,
  owner: { id: r.owner_id as string, displayName: (r.owner_name as string) ?? '' },
  competitor: r.competitor_id ? { id: r.competitor_id as string, name: r.competitor_name as string } : null,
  closeReason: (r.close_reason as string | null) ?? null,
  closedOn: isoDateOrNull(r.closed_on),
  source: {
    kind: r.source_kind as never,
    runId: (r.source_run_id as string | null) ?? null,
    categoryId: (r.source_category_id as string | null) ?? null,
    evidence: (r.source_evidence as Record<string, unknown> | null) ?? null,
  },
  buyingCentre: toMembers(members, r.stage as BuyingStage),
  version: r.version as number,
  createdAt: isoTimestamp(r.created_at),
  updatedAt: isoTimestamp(r.updated_at),
});

export async function getOpportunity(ctx: Ctx, id: string) {
  assertCan(ctx.user, 'opportunity.read');
  const r = await one<Row>(
    ctx.db,
    sql`${select} where o.id = ${id} and o.archived_at is null and ${accountIdInScope(ctx.user, sql`o.account_id`)}`,
  );
  if (!r) throw AppError.notFound('Opportunity');
  return toOpportunity(r, (await buyingCentres(ctx.db, [id])).get(id) ?? []);
}

function opportunityFilter(ctx: Ctx, q: Partial<z.infer<typeof OpportunityListQuery>>): SQL {
  return sql.join(
    [
      accountIdInScope(ctx.user, sql`o.account_id`),
      q.includeArchived ? undefined : sql`o.archived_at is null`,
      q.accountId ? sql`o.account_id = ${q.accountId}` : undefined,
      q.status ? sql`o.status = ${q.status}` : undefined,
      q.stage ? sql`o.stage = ${q.stage}` : undefined,
      q.kind ? sql`o.kind = ${q.kind}` : undefined,
      q.ownerId ? sql`o.owner_id = ${q.ownerId}` : undefined,
      q.fromRecommendation === true ? sql`o.source_kind = 'recommendation'` : undefined,
      q.fromRecommendation === false ? sql`o.source_kind = 'manual'` : undefined,
      q.q ? sql`(o.title ilike ${`%${q.q}%`} or a.name ilike ${`%${q.q}%`})` : undefined,
    ].filter((p): p is SQL => p !== undefined),
    sql` and `,
  );
}

export async function listOpportunities(ctx: Ctx, q: z.infer<typeof OpportunityListQuery>) {
  assertCan(ctx.user, 'opportunity.read');
  const spec = sortSpec(q.sort, {
    expectedClose: sql`o.expected_close`,
    amount: sql`o.amount`,
    updatedAt: sql`o.updated_at`,
  });
  const filter = opportunityFilter(ctx, q);
  const [fetched, total] = await Promise.all([
    rows<Row>(
      ctx.db,
      sql`${select} where ${filter} and ${afterCursor(spec, sql`o.id`, q.cursor)}
          order by ${orderBy(spec, sql`o.id`)} limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from opportunities o join accounts a on a.id = o.account_id where ${filter}`,
    ),
  ]);
  const centres = await buyingCentres(
    ctx.db,
    fetched.map((r) => r.id),
  );
  const cursorValue = (r: Row): string | number => {
    if (spec.key === 'amount') return Number(r.amount);
    if (spec.key === 'expectedClose') return isoDate(r.expected_close);
    return isoTimestamp(r.updated_at);
  };
  return toPage(
    fetched,
    q.limit,
    (r) => [cursorValue(r), r.id],
    (r) => toOpportunity(r, centres.get(r.id) ?? []),
    total?.n ?? 0,
  );
}

async function checkRefs(db: Db, input: { categoryIds?: string[]; competitorId?: string | null; ownerId?: string }) {
  if (input.ownerId) await checkOwner(db, input.ownerId, 'body.ownerId');
  if (input.categoryIds?.length) {
    const found = await one<{ n: number }>(
      db,
      sql`select count(*)::int as n from product_categories where id = any(${pgArray(input.categoryIds)}::uuid[])`,
    );
    if ((found?.n ?? 0) !== new Set(input.categoryIds).size)
      throw AppError.invalid('body.categoryIds', 'not all of these are product categories');
  }
  if (input.competitorId) {
    const found = await one<{ id: string }>(db, sql`select id from competitors where id = ${input.competitorId}`);
    if (!found) throw AppError.invalid('body.competitorId', 'no such competitor');
  }
}

/**
 * A recommendation of the latest analysis run for this account and category becomes the source: its
 * evidence is copied so it still reads the same after later runs. Bought before → upsell, else cross-sell.
 */
async function recommendationSource(db: Db, accountId: string, categoryId: string) {
  const found = await one<{
    run_id: string;
    because: string;
    because_id: string;
    category: string;
    support: number;
    confidence: number;
    lift: number;
    peers: number;
    bought: boolean;
  }>(
    db,
    sql`select r.run_id, b.name as because, b.id as because_id, c.name as category, r.support, r.confidence, r.lift, r.peers,
               exists (select 1 from account_category_spend s where s.account_id = r.account_id
                        and s.category_id = r.category_id and s.revenue > 0) as bought
          from analysis_recommendations r join product_categories b on b.id = r.because_category_id
          join product_categories c on c.id = r.category_id
         where r.run_id = ${latestRunId} and r.account_id = ${accountId} and r.category_id = ${categoryId}`,
  );
  if (!found)
    throw AppError.invalid(
      'body.fromRecommendation',
      'no recommendation of the latest run for this account and category',
    );
  return {
    kind: found.bought ? ('upsell' as const) : ('cross_sell' as const),
    sourceRunId: found.run_id,
    sourceCategoryId: categoryId,
    sourceEvidence: {
      category: found.category,
      because: found.because,
      becauseCategoryId: found.because_id,
      support: found.support,
      confidence: found.confidence,
      lift: found.lift,
      peers: found.peers,
    },
  };
}

export async function createOpportunity(ctx: Ctx, accountId: string, input: z.infer<typeof CreateOpportunity>) {
  assertCan(ctx.user, 'opportunity.write');
  await assertAccountInScope(ctx, accountId);
  await checkRefs(ctx.db, input);
  const { fromRecommendation, probability, ownerId, ...fields } = input;
  const source = fromRecommendation ? await recommendationSource(ctx.db, accountId, fromRecommendation) : null;
  const categoryIds =
    fromRecommendation && !fields.categoryIds.includes(fromRecommendation)
      ? [fromRecommendation, ...fields.categoryIds]
      : fields.categoryIds;
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(opportunities)
      .values({
        ...fields,
        ...(source ? { ...source, sourceKind: 'recommendation' as const } : {}),
        kind: source && fields.kind === 'new_business' ? source.kind : fields.kind,
        categoryIds,
        accountId,
        probability: probability ?? stageProbability[fields.stage],
        ownerId: ownerId ?? ctx.user.id,
        createdBy: ctx.user.id,
        updatedBy: ctx.user.id,
      })
      .returning({ id: opportunities.id });
    await audit(withDb(ctx, tx), 'opportunity.create', 'account', accountId, {
      opportunityId: row!.id,
      source: source ? { runId: source.sourceRunId, categoryId: source.sourceCategoryId } : 'manual',
    });
    return row!.id;
  });
  return getOpportunity(ctx, id);
}

async function openOpportunity(ctx: Ctx, id: string, version: number) {
  const current = await getOpportunity(ctx, id);
  if (current.version !== version) throw AppError.staleVersion('Opportunity');
  if (current.status !== 'open') throw new AppError('conflict', `The opportunity is already ${current.status}`);
  return current;
}

async function bump(db: Db, ctx: Ctx, id: string, version: number, set: SQL) {
  const done = await rows<{ id: string }>(
    db,
    sql`update opportunities set ${set}, version = version + 1, updated_at = now(), updated_by = ${ctx.user.id}
        where id = ${id} and version = ${version} returning id`,
  );
  if (!done.length) throw AppError.staleVersion('Opportunity');
}

/** Moving to another stage takes that stage's probability unless the caller gives one. */
export async function updateOpportunity(ctx: Ctx, id: string, input: z.infer<typeof UpdateOpportunity>) {
  assertCan(ctx.user, 'opportunity.write');
  const current = await openOpportunity(ctx, id, input.version);
  await checkRefs(ctx.db, input);
  const stage = input.stage ?? current.stage;
  const probability =
    input.probability ??
    (input.stage && input.stage !== current.stage ? stageProbability[input.stage] : current.probability);
  await ctx.db.transaction(async (tx) => {
    await bump(
      tx,
      ctx,
      id,
      input.version,
      sql`title = ${input.title ?? current.title}, amount = ${input.amount ?? current.amount},
          category_ids = ${pgArray(input.categoryIds ?? current.categories.map((c) => c.id))}::uuid[],
          expected_close = ${input.expectedClose ?? current.expectedClose}, stage = ${stage}, probability = ${probability},
          owner_id = ${input.ownerId ?? current.owner.id},
          competitor_id = ${input.competitorId !== undefined ? input.competitorId : (current.competitor?.id ?? null)}`,
    );
    await audit(withDb(ctx, tx), 'opportunity.update', 'account', current.accountId, {
      opportunityId: id,
      fields: Object.keys(input).filter((k) => k !== 'version'),
      ...(stage !== current.stage ? { from: current.stage, to: stage } : {}),
    });
  });
  return getOpportunity(ctx, id);
}

/** Won or lost, always with the reason; a won deal counts at 100 %, a lost one at 0. */
export async function closeOpportunity(ctx: Ctx, id: string, input: z.infer<typeof CloseOpportunity>) {
  assertCan(ctx.user, 'opportunity.write');
  const current = await openOpportunity(ctx, id, input.version);
  await checkRefs(ctx.db, { competitorId: input.competitorId ?? null });
  const closedOn = input.closedOn ?? todayInChina();
  const won = input.outcome === 'won';
  const stage = won && current.stage !== 'renewal' ? 'purchase' : current.stage;
  await ctx.db.transaction(async (tx) => {
    await bump(
      tx,
      ctx,
      id,
      input.version,
      sql`status = ${input.outcome}, close_reason = ${input.reason}, closed_on = ${closedOn}, stage = ${stage},
          probability = ${won ? 100 : 0},
          competitor_id = ${input.competitorId !== undefined ? input.competitorId : (current.competitor?.id ?? null)}`,
    );
    await audit(withDb(ctx, tx), `opportunity.${input.outcome}`, 'account', current.accountId, {
      opportunityId: id,
      reason: input.reason,
    });
  });
  return getOpportunity(ctx, id);
}

/** Records a contact's decision role and stance for a stage (default: the current one). */
export async function setBuyingCentreMember(
  ctx: Ctx,
  id: string,
  contactId: string,
  input: z.infer<typeof SetBuyingCentreMember>,
) {
  assertCan(ctx.user, 'opportunity.write');
  const current = await getOpportunity(ctx, id);
  const contact = await one<{ id: string }>(
    ctx.db,
    sql`select id from contacts where id = ${contactId} and account_id = ${current.accountId} and archived_at is null`,
  );
  if (!contact) throw AppError.notFound('Contact');
  const stage = input.stage ?? current.stage;
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`insert into opportunity_contacts (opportunity_id, contact_id, stage, role, stance, note, updated_by)
        values (${id}, ${contactId}, ${stage}, ${input.role}, ${input.stance}, ${input.note}, ${ctx.user.id})
        on conflict (opportunity_id, contact_id, stage) do update set role = excluded.role, stance = excluded.stance,
          note = excluded.note, updated_at = now(), updated_by = excluded.updated_by`);
    await tx.execute(
      sql`update opportunity_contacts set role = ${input.role} where opportunity_id = ${id} and contact_id = ${contactId}`,
    );
    await audit(withDb(ctx, tx), 'opportunity.buying_centre', 'account', current.accountId, {
      opportunityId: id,
      contactId,
      stage,
      stance: input.stance,
    });
  });
  return getOpportunity(ctx, id);
}

export async function removeBuyingCentreMember(ctx: Ctx, id: string, contactId: string) {
  assertCan(ctx.user, 'opportunity.write');
  const current = await getOpportunity(ctx, id);
  if (!current.buyingCentre.some((m) => m.contactId === contactId)) throw AppError.notFound('Contact');
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`delete from opportunity_contacts where opportunity_id = ${id} and contact_id = ${contactId}`);
    await audit(withDb(ctx, tx), 'opportunity.buying_centre_remove', 'account', current.accountId, {
      opportunityId: id,
      contactId,
    });
  });
  return getOpportunity(ctx, id);
}
