import type {
  CreateAction,
  CreateCause,
  CreateReview,
  EvidenceSearchQuery,
  ReviewListQuery,
  UpdateAction,
  UpdateCause,
  UpdateReview,
} from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { assertCan, type Principal } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { type Db, isoDate, isoDateOrNull, isoTimestamp, one, rows } from '../../platform/db/index.js';
import { versionedUpdate } from '../../platform/db/versioned.js';
import { AppError } from '../../platform/errors.js';
import { afterCursor, orderBy, sortSpec, toPage } from '../../platform/http/paging.js';
import { todayInChina } from '../../platform/today.js';
import { checkOwner } from '../tasks/index.js';
import { actualFor, type Definition, judge, loadDefinition } from './kpis.service.js';
import { reviewActions, reviewCauses, reviewGaps, reviews } from './performance.table.js';
import { periodRange } from './periods.js';
import { getSubject, subjectAccounts, subjectName, subjectVisible } from './subjects.js';

type Row = Record<string, unknown> & { id: string };
type Evidence = { kind: 'order' | 'complaint' | 'interaction' | 'need'; id: string };

const reviewScope = (user: Principal) => subjectVisible(user, sql`r.subject_kind`, sql`r.subject_id`);

const reviewSelect = sql`select r.*, ${subjectName(sql`r.subject_kind`, sql`r.subject_id`)} as subject_name,
    (select count(*) from review_causes c where c.review_id = r.id and c.archived_at is null)::int as causes,
    (select count(*) from review_actions x where x.review_id = r.id and x.archived_at is null)::int as actions,
    (select count(*) from review_actions x where x.review_id = r.id and x.archived_at is null
       and x.status in ('open', 'in_progress'))::int as open_actions
  from reviews r`;

const toReview = (r: Row) => ({
  id: r.id,
  subject: {
    kind: r.subject_kind as 'account' | 'kam' | 'team',
    id: r.subject_id as string,
    name: (r.subject_name as string) ?? '',
  },
  period: r.period as string,
  heldOn: isoDate(r.held_on),
  summary: r.summary as string | null,
  status: r.status as 'draft' | 'closed',
  redGaps: r.red_gaps as number,
  causes: r.causes as number,
  actions: r.actions as number,
  openActions: r.open_actions as number,
  version: r.version as number,
  createdAt: isoTimestamp(r.created_at),
  updatedAt: isoTimestamp(r.updated_at),
  archivedAt: r.archived_at ? isoTimestamp(r.archived_at) : null,
});

export async function listReviews(ctx: Ctx, q: z.infer<typeof ReviewListQuery>) {
  assertCan(ctx.user, 'performance.read');
  const spec = sortSpec('-heldOn', { heldOn: sql`r.held_on` });
  const filter = sql.join(
    [
      reviewScope(ctx.user),
      q.includeArchived ? undefined : sql`r.archived_at is null`,
      q.period ? sql`r.period = ${q.period}` : undefined,
      q.subjectKind ? sql`r.subject_kind = ${q.subjectKind}` : undefined,
      q.subjectId ? sql`r.subject_id = ${q.subjectId}` : undefined,
      q.accountId ? sql`r.account_id = ${q.accountId}` : undefined,
      q.q ? sql`${subjectName(sql`r.subject_kind`, sql`r.subject_id`)} ilike ${`%${q.q}%`}` : undefined,
    ].filter((p) => p !== undefined),
    sql` and `,
  );
  const [fetched, total] = await Promise.all([
    rows<Row>(
      ctx.db,
      sql`${reviewSelect} where ${filter} and ${afterCursor(spec, sql`r.id`, q.cursor)}
          order by ${orderBy(spec, sql`r.id`)} limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(ctx.db, sql`select count(*)::int as n from reviews r where ${filter}`),
  ]);
  return toPage(fetched, q.limit, (r) => [isoDate(r.held_on), r.id], toReview, total?.n ?? 0);
}

async function findReviewRow(ctx: Ctx, id: string) {
  const r = await one<Row>(
    ctx.db,
    sql`${reviewSelect} where r.id = ${id} and r.archived_at is null and ${reviewScope(ctx.user)}`,
  );
  if (!r) throw AppError.notFound('Review');
  return r;
}

type GapRow = {
  kpi_id: string;
  target: number;
  actual: number | null;
  gap: number | null;
  attainment: number | null;
  status: string;
};

async function gapsOf(db: Db, reviewId: string) {
  return rows<GapRow & Row>(
    db,
    sql`select g.*, d.code, d.name, d.kind, d.unit, d.built_in from review_gaps g join kpi_definitions d on d.id = g.kpi_id
         where g.review_id = ${reviewId} order by d.built_in desc, d.created_at, d.code`,
  );
}

/** The subject's review just before (or after) this one, in the caller's scope. */
async function neighbour(ctx: Ctx, r: Row, direction: 'previous' | 'next') {
  const cmp = direction === 'previous' ? sql`<` : sql`>`;
  const dir = direction === 'previous' ? sql`desc` : sql`asc`;
  return one<Row>(
    ctx.db,
    sql`select r.id, r.period, r.held_on from reviews r
         where r.subject_kind = ${r.subject_kind} and r.subject_id = ${r.subject_id} and r.archived_at is null
           and r.held_on ${cmp} ${isoDate(r.held_on)}::date
         order by r.held_on ${dir}, r.id limit 1`,
  );
}

/**
 * Whether an action's KPI gap closed: its gap at the action's review against the gap at the subject's
 * next review. Closed when the KPI is green there; narrowed when attainment rose; otherwise not closed.
 */
function effectOf(action: Row, before: GapRow[], next: { id: string; period: string } | null, after: GapRow[]) {
  const kpiId = action.kpi_id as string | null;
  const empty = { nextReview: next, gapBefore: null, gapAfter: null, statusBefore: null, statusAfter: null };
  if (!kpiId) return { state: 'no_kpi' as const, ...empty };
  const b = before.find((g) => g.kpi_id === kpiId);
  const a = after.find((g) => g.kpi_id === kpiId);
  const base = {
    nextReview: next,
    gapBefore: b?.gap ?? null,
    gapAfter: a?.gap ?? null,
    statusBefore: (b?.status as 'green') ?? null,
    statusAfter: (a?.status as 'green') ?? null,
  };
  if (!next || !a || a.status === 'none') return { state: 'pending' as const, ...base };
  if (a.status === 'green') return { state: 'closed' as const, ...base };
  if (b?.attainment != null && a.attainment != null && a.attainment > b.attainment)
    return { state: 'narrowed' as const, ...base };
  return { state: 'not_closed' as const, ...base };
}

async function actionsOf(ctx: Ctx, review: Row, gaps: GapRow[]) {
  const found = await rows<Row>(
    ctx.db,
    sql`select x.*, u.display_name as owner_name from review_actions x join users u on u.id = x.owner_id
         where x.review_id = ${review.id} and x.archived_at is null order by x.due_date, x.id`,
  );
  const next = await neighbour(ctx, review, 'next');
  const after = next ? await gapsOf(ctx.db, next.id) : [];
  const today = todayInChina();
  return found.map((x) => {
    const due = isoDate(x.due_date);
    const status = x.status as 'open' | 'in_progress' | 'done' | 'cancelled';
    return {
      id: x.id,
      reviewId: review.id,
      causeId: (x.cause_id as string | null) ?? null,
      kpiId: (x.kpi_id as string | null) ?? null,
      measure: x.measure as string,
      owner: { id: x.owner_id as string, displayName: x.owner_name as string },
      dueDate: due,
      status,
      doneOn: isoDateOrNull(x.done_on),
      overdue: (status === 'open' || status === 'in_progress') && due < today,
      effect: effectOf(x, gaps, next ? { id: next.id, period: next.period as string } : null, after),
      version: x.version as number,
      createdAt: isoTimestamp(x.created_at),
      updatedAt: isoTimestamp(x.updated_at),
      archivedAt: null,
    };
  });
}

async function evidenceViews(db: Db, items: Evidence[]) {
  if (!items.length) return [];
  const byKind = (kind: Evidence['kind']) => items.filter((e) => e.kind === kind).map((e) => e.id);
  const list = (ids: string[]) =>
    sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
  const parts: SQL[] = [];
  const push = (kind: Evidence['kind'], q: (ids: SQL) => SQL) => {
    const ids = byKind(kind);
    if (ids.length) parts.push(q(list(ids)));
  };
  push(
    'order',
    (ids) =>
      sql`select 'order' as kind, o.id, o.order_no || ' · ¥' || to_char(o.amount / 100.0, 'FM999,999,999,990.00') as label, o.order_date as day from orders o where o.id in (${ids})`,
  );
  push(
    'complaint',
    (ids) =>
      sql`select 'complaint', c.id, c.title, (c.received_at at time zone 'Asia/Shanghai')::date from complaints c where c.id in (${ids})`,
  );
  push(
    'interaction',
    (ids) =>
      sql`select 'interaction', i.id, i.subject, (i.occurred_at at time zone 'Asia/Shanghai')::date from interactions i where i.id in (${ids})`,
  );
  push(
    'need',
    (ids) =>
      sql`select 'need', n.id, n.title, (n.created_at at time zone 'Asia/Shanghai')::date from needs n where n.id in (${ids})`,
  );
  const found = await rows<{ kind: Evidence['kind']; id: string; label: string; day: unknown }>(
    db,
    sql.join(parts, sql` union all `),
  );
  const byId = new Map(found.map((f) => [f.id, f]));
  return items.flatMap((e) => {
    const f = byId.get(e.id);
    return f ? [{ kind: e.kind, id: e.id, label: f.label, date: isoDateOrNull(f.day) }] : [];
  });
}

export async function getReview(ctx: Ctx, id: string) {
  assertCan(ctx.user, 'performance.read');
  const r = await findReviewRow(ctx, id);
  const gaps = await gapsOf(ctx.db, id);
  const causes = await rows<Row>(
    ctx.db,
    sql`select * from review_causes where review_id = ${id} and archived_at is null order by created_at, id`,
  );
  const previous = await neighbour(ctx, r, 'previous');
  const previousRow = previous ? await findReviewRow(ctx, previous.id) : undefined;
  return {
    ...toReview(r),
    gaps: gaps.map((g) => ({
      kpi: {
        id: g.kpi_id,
        code: g.code as string,
        name: g.name as string,
        kind: g.kind as never,
        unit: g.unit as never,
        builtIn: g.built_in as boolean,
      },
      target: Number(g.target),
      actual: g.actual === null ? null : Number(g.actual),
      gap: g.gap === null ? null : Number(g.gap),
      attainment: g.attainment === null ? null : Number(g.attainment),
      status: g.status as 'green',
      snapshotAt: isoTimestamp(g.snapshot_at),
    })),
    problemAnalysis: await Promise.all(
      causes.map(async (c) => ({
        id: c.id,
        kpiId: (c.kpi_id as string | null) ?? null,
        category: c.category as never,
        method: c.method as never,
        statement: c.statement as string,
        whys: (c.whys as string[]) ?? [],
        notes: c.notes as string | null,
        evidence: await evidenceViews(ctx.db, (c.evidence as Evidence[]) ?? []),
        version: c.version as number,
        createdAt: isoTimestamp(c.created_at),
        updatedAt: isoTimestamp(c.updated_at),
        archivedAt: null,
      })),
    ),
    improvementActions: await actionsOf(ctx, r, gaps),
    previous: previousRow
      ? {
          id: previousRow.id,
          period: previousRow.period as string,
          actions: await actionsOf(ctx, previousRow, await gapsOf(ctx.db, previousRow.id)),
        }
      : null,
  };
}

/** Takes the gaps as they stand now: every target of the subject for the period, with its computed actual. */
export async function snapshotGaps(
  user: Principal,
  db: Db,
  reviewId: string,
  kind: 'account' | 'kam' | 'team',
  subjectId: string,
  period: string,
  snapshotAt = new Date(),
) {
  const targetKind = kind;
  const targets = await rows<{ kpi_id: string; target: number }>(
    db,
    sql`select kpi_id, target from kpi_targets where subject_kind = ${targetKind} and subject_id = ${subjectId}
          and period = ${period} and archived_at is null`,
  );
  const gaps = [];
  for (const t of targets) {
    const def: Definition = await loadDefinition(db, t.kpi_id);
    const actual = await actualFor(db, user, def, targetKind, subjectId, period);
    const judged = judge(def, Number(t.target), actual.value);
    gaps.push({ reviewId, kpiId: t.kpi_id, target: Number(t.target), actual: actual.value, ...judged, snapshotAt });
  }
  // one statement each, so the rollup triggers (migration 0018) recount the review once, not once a KPI
  await db.delete(reviewGaps).where(sql`review_id = ${reviewId}`);
  if (gaps.length > 0) await db.insert(reviewGaps).values(gaps);
}

export async function createReview(ctx: Ctx, input: z.infer<typeof CreateReview>) {
  assertCan(ctx.user, 'review.write');
  const subject = await getSubject(ctx.db, ctx.user, input.subjectKind, input.subjectId).catch(() => {
    throw AppError.invalid('body.subjectId', `no such ${input.subjectKind} in your scope`);
  });
  const taken = await one(
    ctx.db,
    sql`select 1 from reviews where subject_kind = ${input.subjectKind} and subject_id = ${input.subjectId}
          and period = ${input.period} and archived_at is null`,
  );
  if (taken)
    throw new AppError('conflict', 'This subject already has a review for the period', [
      { path: 'body.period', message: 'taken' },
    ]);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reviews)
      .values({
        ...input,
        accountId: subject.accountId,
        orgUnitId: subject.orgUnitId,
        createdBy: ctx.user.id,
        updatedBy: ctx.user.id,
      })
      .returning({ id: reviews.id });
    await snapshotGaps(ctx.user, tx, row!.id, input.subjectKind, input.subjectId, input.period);
    await audit(withDb(ctx, tx), 'review.create', 'review', row!.id, {
      subject: input.subjectKind,
      period: input.period,
    });
    return row!.id;
  });
  return getReview(ctx, id);
}

async function writableReview(ctx: Ctx, id: string) {
  assertCan(ctx.user, 'review.write');
  const r = await findReviewRow(ctx, id);
  return r;
}

export async function updateReview(ctx: Ctx, id: string, input: z.infer<typeof UpdateReview>) {
  await writableReview(ctx, id);
  const { version, ...fields } = input;
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, reviews, 'Review', id, version, fields);
    await audit(withDb(ctx, tx), 'review.update', 'review', id, { fields: Object.keys(fields) });
  });
  return getReview(ctx, id);
}

/** Retakes the gap snapshot of a draft review (a closed review keeps the figures it was held on). */
export async function resnapshotReview(ctx: Ctx, id: string) {
  const r = await writableReview(ctx, id);
  if (r.status === 'closed') throw new AppError('conflict', 'A closed review keeps its snapshot');
  await ctx.db.transaction(async (tx) => {
    await snapshotGaps(ctx.user, tx, id, r.subject_kind as 'account', r.subject_id as string, r.period as string);
    await tx.execute(
      sql`update reviews set version = version + 1, updated_at = now(), updated_by = ${ctx.user.id} where id = ${id}`,
    );
    await audit(withDb(ctx, tx), 'review.snapshot', 'review', id);
  });
  return getReview(ctx, id);
}

/** Evidence must be a record of the review's accounts that the caller can see. */
async function checkEvidence(ctx: Ctx, r: Row, evidence: Evidence[]) {
  const accounts = subjectAccounts(ctx.user, r.subject_kind as 'account', r.subject_id as string);
  const table = { order: 'orders', complaint: 'complaints', interaction: 'interactions', need: 'needs' } as const;
  for (const [i, e] of evidence.entries()) {
    const found = await one(
      ctx.db,
      sql`select 1 from ${sql.raw(table[e.kind])} x where x.id = ${e.id} and x.account_id in (${accounts})`,
    );
    if (!found) throw AppError.invalid(`body.evidence.${i}.id`, `not a ${e.kind} of this review's accounts`);
  }
}

async function checkKpi(ctx: Ctx, reviewId: string, kpiId: string | null | undefined) {
  if (!kpiId) return;
  const g = await one(ctx.db, sql`select 1 from review_gaps where review_id = ${reviewId} and kpi_id = ${kpiId}`);
  if (!g) throw AppError.invalid('body.kpiId', 'not a KPI with a gap in this review');
}

export async function addCause(ctx: Ctx, id: string, input: z.infer<typeof CreateCause>) {
  const r = await writableReview(ctx, id);
  await checkKpi(ctx, id, input.kpiId);
  await checkEvidence(ctx, r, input.evidence ?? []);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reviewCauses)
      .values({ ...input, reviewId: id, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .returning({ id: reviewCauses.id });
    await audit(withDb(ctx, tx), 'review.cause_add', 'review', id, { causeId: row!.id });
  });
  return getReview(ctx, id);
}

export async function updateCause(ctx: Ctx, id: string, causeId: string, input: z.infer<typeof UpdateCause>) {
  const r = await writableReview(ctx, id);
  const c = await one(
    ctx.db,
    sql`select 1 from review_causes where id = ${causeId} and review_id = ${id} and archived_at is null`,
  );
  if (!c) throw AppError.notFound('Cause');
  const { version, ...fields } = input;
  if (fields.kpiId !== undefined) await checkKpi(ctx, id, fields.kpiId);
  if (fields.evidence) await checkEvidence(ctx, r, fields.evidence);
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, reviewCauses, 'Cause', causeId, version, fields);
    await audit(withDb(ctx, tx), 'review.cause_update', 'review', id, { causeId });
  });
  return getReview(ctx, id);
}

export async function addAction(ctx: Ctx, id: string, input: z.infer<typeof CreateAction>) {
  await writableReview(ctx, id);
  await checkKpi(ctx, id, input.kpiId);
  if (input.causeId) {
    const c = await one(ctx.db, sql`select 1 from review_causes where id = ${input.causeId} and review_id = ${id}`);
    if (!c) throw AppError.invalid('body.causeId', 'not a cause of this review');
  }
  await checkOwner(ctx.db, input.ownerId, 'body.ownerId');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reviewActions)
      .values({ ...input, reviewId: id, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .returning({ id: reviewActions.id });
    await audit(withDb(ctx, tx), 'review.action_add', 'review', id, { actionId: row!.id });
  });
  return getReview(ctx, id);
}

export async function updateAction(ctx: Ctx, id: string, actionId: string, input: z.infer<typeof UpdateAction>) {
  await writableReview(ctx, id);
  const current = await one<{ status: string }>(
    ctx.db,
    sql`select status from review_actions where id = ${actionId} and review_id = ${id} and archived_at is null`,
  );
  if (!current) throw AppError.notFound('Action');
  const { version, ...fields } = input;
  if (fields.ownerId) await checkOwner(ctx.db, fields.ownerId, 'body.ownerId');
  const doneOn =
    fields.status && fields.status !== current.status
      ? { doneOn: fields.status === 'done' ? todayInChina() : null }
      : {};
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, reviewActions, 'Action', actionId, version, { ...fields, ...doneOn });
    await audit(withDb(ctx, tx), 'review.action_update', 'review', id, {
      actionId,
      ...(fields.status ? { from: current.status, to: fields.status } : {}),
    });
  });
  return getReview(ctx, id);
}

/** Records of the review's accounts to link as evidence: in the review's period first, most recent first. */
export async function evidenceCandidates(ctx: Ctx, id: string, q: z.infer<typeof EvidenceSearchQuery>) {
  assertCan(ctx.user, 'performance.read');
  const r = await findReviewRow(ctx, id);
  const accounts = subjectAccounts(ctx.user, r.subject_kind as 'account', r.subject_id as string);
  const { from, to } = periodRange(r.period as string);
  const like = q.q ? `%${q.q}%` : null;
  const query = {
    order: sql`select o.id, o.order_no || ' · ¥' || to_char(o.amount / 100.0, 'FM999,999,999,990.00') as label, o.order_date as day
                 from orders o where o.account_id in (${accounts}) and o.archived_at is null
                  and o.order_date <= ${to}::date and (${like}::text is null or o.order_no ilike ${like})
                order by (o.order_date >= ${from}::date) desc, o.order_date desc, o.id limit 20`,
    complaint: sql`select c.id, c.title as label, (c.received_at at time zone 'Asia/Shanghai')::date as day from complaints c
                    where c.account_id in (${accounts}) and c.archived_at is null and (${like}::text is null or c.title ilike ${like})
                    order by c.received_at desc, c.id limit 20`,
    interaction: sql`select i.id, i.subject as label, (i.occurred_at at time zone 'Asia/Shanghai')::date as day from interactions i
                      where i.account_id in (${accounts}) and i.archived_at is null and (${like}::text is null or i.subject ilike ${like})
                      order by i.occurred_at desc, i.id limit 20`,
    need: sql`select n.id, n.title as label, (n.created_at at time zone 'Asia/Shanghai')::date as day from needs n
               where n.account_id in (${accounts}) and n.archived_at is null and (${like}::text is null or n.title ilike ${like})
               order by n.created_at desc, n.id limit 20`,
  }[q.kind];
  const found = await rows<{ id: string; label: string; day: unknown }>(ctx.db, query);
  return { items: found.map((f) => ({ kind: q.kind, id: f.id, label: f.label, date: isoDateOrNull(f.day) })) };
}
