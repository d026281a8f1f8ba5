import type {
  CreateCustomKpi,
  CreateKpiTarget,
  KpiDrillQuery,
  KpiSubjectKind,
  KpiTargetListQuery,
  UpdateKpiDefinition,
  UpdateKpiTarget,
} from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { assertCan, type Principal } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { type Db, isoTimestamp, one, rows } from '../../platform/db/index.js';
import { versionedUpdate } from '../../platform/db/versioned.js';
import { AppError } from '../../platform/errors.js';
import { afterCursor, orderBy, sortSpec, toPage } from '../../platform/http/paging.js';
import { type Actual, computeActual, drillRecords, type KpiSpec } from './measures.js';
import { kpiDefinitions, kpiTargets } from './performance.table.js';
import { periodRange } from './periods.js';
import { getSubject, subjectName, subjectVisible } from './subjects.js';

type DefRow = Record<string, unknown> & { id: string };
export type Definition = ReturnType<typeof toDefinition>;

const defSelect = sql`select d.*, pc.name as category_name from kpi_definitions d
  left join product_categories pc on pc.id = d.category_id`;

function toDefinition(r: DefRow) {
  return {
    id: r.id,
    code: r.code as string,
    name: r.name as string,
    kind: r.kind as KpiSpec['kind'],
    unit: r.unit as 'money' | 'ratio' | 'score' | 'count',
    higherIsBetter: r.higher_is_better as boolean,
    greenAt: Number(r.green_at),
    amberAt: Number(r.amber_at),
    measure: (r.measure as KpiSpec['measure']) ?? null,
    aggregation: (r.aggregation as KpiSpec['aggregation']) ?? null,
    category: r.category_id ? { id: r.category_id as string, name: r.category_name as string } : null,
    categoryId: (r.category_id as string | null) ?? null,
    province: (r.province as string | null) ?? null,
    builtIn: r.built_in as boolean,
    version: r.version as number,
    createdAt: isoTimestamp(r.created_at),
    updatedAt: isoTimestamp(r.updated_at),
    archivedAt: r.archived_at ? isoTimestamp(r.archived_at) : null,
  };
}
const publicDefinition = ({ categoryId: _, ...d }: Definition) => d;

/**
 * The built-in KPIs, in the order of the issue (money first, then service and relationship, then plans),
 * with fixed ids so every store names them alike. They are written on first use rather than by the
 * migration, so a new store stays empty until someone works in it (restore needs an empty store).
 */
const builtIns = [
  { n: 1, code: 'sales', name: '销售额', unit: 'money' },
  { n: 2, code: 'margin_rate', name: '毛利率', unit: 'ratio' },
  { n: 3, code: 'growth', name: '同比增长', unit: 'ratio' },
  { n: 4, code: 'share_of_wallet', name: '钱包份额', unit: 'ratio' },
  { n: 5, code: 'satisfaction', name: '满意度 (CSAT)', unit: 'score' },
  { n: 6, code: 'complaint_sla_rate', name: '投诉 SLA 达成率', unit: 'ratio' },
  { n: 7, code: 'visit_coverage', name: '拜访覆盖率', unit: 'ratio' },
  { n: 8, code: 'relationship_coverage', name: '关系覆盖率', unit: 'ratio' },
  { n: 9, code: 'plan_action_completion', name: '计划行动完成率', unit: 'ratio' },
] as const;
const kindOrder = `{${builtIns.map((k) => k.code).join(',')}}`;
const ensured = new WeakSet<object>();

export async function ensureBuiltInKpis(db: Db): Promise<void> {
  if (ensured.has(db)) return;
  await db
    .insert(kpiDefinitions)
    .values(
      builtIns.map((k) => ({
        id: `6b706900-0000-4000-8000-${String(k.n).padStart(12, '0')}`,
        code: k.code,
        name: k.name,
        kind: k.code,
        unit: k.unit,
        builtIn: true,
      })),
    )
    .onConflictDoNothing();
  ensured.add(db);
}

export async function listDefinitions(ctx: Ctx) {
  assertCan(ctx.user, 'performance.read');
  await ensureBuiltInKpis(ctx.db);
  const found = await rows<DefRow>(
    ctx.db,
    sql`${defSelect} where d.archived_at is null order by d.built_in desc, array_position(${kindOrder}::text[], d.kind), d.created_at, d.code`,
  );
  return { items: found.map((r) => publicDefinition(toDefinition(r))) };
}

export async function loadDefinition(db: Db, id: string, path = 'body.kpiId'): Promise<Definition> {
  const r = await one<DefRow>(db, sql`${defSelect} where d.id = ${id} and d.archived_at is null`);
  if (!r) throw AppError.invalid(path, 'no such KPI');
  return toDefinition(r);
}

const orderMeasures = new Set(['revenue', 'margin', 'cost', 'discount', 'quantity', 'orders', 'ordering_accounts']);
const measureUnit = (m: string) =>
  m === 'revenue' || m === 'margin' || m === 'cost' || m === 'discount' ? 'money' : 'count';

export async function createCustomKpi(ctx: Ctx, input: z.infer<typeof CreateCustomKpi>) {
  assertCan(ctx.user, 'kpi.configure');
  await ensureBuiltInKpis(ctx.db);
  if (input.categoryId && !orderMeasures.has(input.measure))
    throw AppError.invalid('body.categoryId', 'a category narrows order measures only');
  if (input.aggregation === 'share_of_total' && !input.categoryId && !input.province)
    throw AppError.invalid('body.aggregation', 'a share of the total needs a category or province filter');
  if (input.categoryId) {
    const c = await one(ctx.db, sql`select 1 from product_categories where id = ${input.categoryId}`);
    if (!c) throw AppError.invalid('body.categoryId', 'no such product category');
  }
  const greenAt = input.greenAt ?? 1;
  const amberAt = input.amberAt ?? 0.9;
  if (amberAt > greenAt) throw AppError.invalid('body.amberAt', 'must not be above greenAt');
  const taken = await one(ctx.db, sql`select 1 from kpi_definitions where code = ${input.code}`);
  if (taken) throw new AppError('conflict', 'A KPI with this code exists', [{ path: 'body.code', message: 'taken' }]);
  const unit = input.aggregation === 'share_of_total' ? 'ratio' : measureUnit(input.measure);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(kpiDefinitions)
      .values({
        ...input,
        kind: 'custom',
        unit,
        greenAt,
        amberAt,
        categoryId: input.categoryId ?? null,
        province: input.province ?? null,
        createdBy: ctx.user.id,
        updatedBy: ctx.user.id,
      })
      .returning({ id: kpiDefinitions.id });
    await audit(withDb(ctx, tx), 'kpi.create', 'kpi', row!.id, { code: input.code });
    return row!.id;
  });
  return publicDefinition(await loadDefinition(ctx.db, id));
}

export async function updateDefinition(ctx: Ctx, id: string, input: z.infer<typeof UpdateKpiDefinition>) {
  assertCan(ctx.user, 'kpi.configure');
  const current = await loadDefinition(ctx.db, id).catch(() => {
    throw AppError.notFound('KPI');
  });
  const { version, ...fields } = input;
  if ((fields.amberAt ?? current.amberAt) > (fields.greenAt ?? current.greenAt))
    throw AppError.invalid('body.amberAt', 'must not be above greenAt');
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, kpiDefinitions, 'KPI', id, version, fields);
    await audit(withDb(ctx, tx), 'kpi.update', 'kpi', id, { fields: Object.keys(fields) });
  });
  return publicDefinition(await loadDefinition(ctx.db, id));
}

/** Gap, attainment and colour of an actual against a target. */
export function judge(
  def: Pick<Definition, 'higherIsBetter' | 'greenAt' | 'amberAt'>,
  target: number,
  actual: number | null,
) {
  if (actual === null) return { gap: null, attainment: null, status: 'none' as const };
  const gap = actual - target;
  const attainment = def.higherIsBetter
    ? target === 0
      ? actual >= 0
        ? 1
        : 0
      : target > 0
        ? actual / target
        : 1 + (actual - target) / Math.abs(target)
    : actual === 0
      ? 1
      : target / actual;
  const status = attainment >= def.greenAt ? 'green' : attainment >= def.amberAt ? 'amber' : 'red';
  return { gap, attainment, status: status as 'green' | 'amber' | 'red' };
}

export async function actualFor(
  db: Db,
  user: Principal,
  def: Definition,
  kind: KpiSubjectKind,
  id: string,
  period: string,
): Promise<Actual> {
  return computeActual({ db, user, kind, id, range: periodRange(period) }, def);
}

type TargetRow = Record<string, unknown> & { id: string; kpi_id: string };

const targetSelect = sql`select t.*, ${subjectName(sql`t.subject_kind`, sql`t.subject_id`)} as subject_name
  from kpi_targets t join kpi_definitions d on d.id = t.kpi_id`;

async function toTarget(ctx: Ctx, r: TargetRow, defs: Map<string, Definition>) {
  let def = defs.get(r.kpi_id);
  if (!def) {
    def = await loadDefinition(ctx.db, r.kpi_id);
    defs.set(r.kpi_id, def);
  }
  const period = r.period as string;
  const actual = await actualFor(
    ctx.db,
    ctx.user,
    def,
    r.subject_kind as KpiSubjectKind,
    r.subject_id as string,
    period,
  );
  const target = Number(r.target);
  return {
    id: r.id,
    kpi: { id: def.id, code: def.code, name: def.name, kind: def.kind, unit: def.unit, builtIn: def.builtIn },
    subject: {
      kind: r.subject_kind as KpiSubjectKind,
      id: r.subject_id as string,
      name: (r.subject_name as string) ?? '',
    },
    period,
    ...periodRange(period),
    target,
    actual,
    ...judge(def, target, actual.value),
    version: r.version as number,
    createdAt: isoTimestamp(r.created_at),
    updatedAt: isoTimestamp(r.updated_at),
    archivedAt: r.archived_at ? isoTimestamp(r.archived_at) : null,
  };
}

function targetFilter(user: Principal, q: Partial<z.infer<typeof KpiTargetListQuery>>): SQL {
  return sql.join(
    [
      subjectVisible(user, sql`t.subject_kind`, sql`t.subject_id`),
      q.includeArchived ? undefined : sql`t.archived_at is null`,
      q.period ? sql`t.period = ${q.period}` : undefined,
      q.kpiId ? sql`t.kpi_id = ${q.kpiId}` : undefined,
      q.subjectKind ? sql`t.subject_kind = ${q.subjectKind}` : undefined,
      q.subjectId ? sql`t.subject_id = ${q.subjectId}` : undefined,
    ].filter((p) => p !== undefined),
    sql` and `,
  );
}

/**
 * Targets in the caller's view with their actuals, computed now over the subject's accounts in scope.
 * The status filter applies to the page after computing (a colour is not stored anywhere).
 */
export async function listTargets(ctx: Ctx, q: z.infer<typeof KpiTargetListQuery>) {
  assertCan(ctx.user, 'performance.read');
  const spec = sortSpec('subject', { subject: sql`(t.subject_kind || ':' || t.subject_id::text || ':' || d.code)` });
  const filter = targetFilter(ctx.user, q);
  const [fetched, total] = await Promise.all([
    rows<TargetRow>(
      ctx.db,
      sql`${targetSelect} where ${filter} and ${afterCursor(spec, sql`t.id`, q.cursor)}
          order by ${orderBy(spec, sql`t.id`)} limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from kpi_targets t join kpi_definitions d on d.id = t.kpi_id where ${filter}`,
    ),
  ]);
  const defs = new Map<string, Definition>();
  const more = fetched.length > q.limit;
  const pageRows = more ? fetched.slice(0, q.limit) : fetched;
  const items = [];
  for (const r of pageRows) items.push(await toTarget(ctx, r, defs));
  const page = toPage(
    fetched,
    q.limit,
    (r) => [`${r.subject_kind}:${r.subject_id}:${defs.get(r.kpi_id)?.code ?? ''}`, r.id],
    (r) => r,
    total?.n ?? 0,
  );
  return {
    items: q.status ? items.filter((t) => t.status === q.status) : items,
    nextCursor: page.nextCursor,
    total: total?.n ?? 0,
  };
}

export async function getTarget(ctx: Ctx, id: string) {
  assertCan(ctx.user, 'performance.read');
  const r = await one<TargetRow>(
    ctx.db,
    sql`${targetSelect} where t.id = ${id} and t.archived_at is null and ${subjectVisible(ctx.user, sql`t.subject_kind`, sql`t.subject_id`)}`,
  );
  if (!r) throw AppError.notFound('KPI target');
  return toTarget(ctx, r, new Map());
}

/** Who sets targets: directors and admins, for subjects they can see as a whole. */
export async function createTarget(ctx: Ctx, input: z.infer<typeof CreateKpiTarget>) {
  assertCan(ctx.user, 'kpi.configure');
  await ensureBuiltInKpis(ctx.db);
  await loadDefinition(ctx.db, input.kpiId);
  await getSubject(ctx.db, ctx.user, input.subjectKind, input.subjectId).catch(() => {
    throw AppError.invalid('body.subjectId', `no such ${input.subjectKind} in your scope`);
  });
  const taken = await one(
    ctx.db,
    sql`select 1 from kpi_targets where kpi_id = ${input.kpiId} and subject_kind = ${input.subjectKind}
          and subject_id = ${input.subjectId} and period = ${input.period} and archived_at is null`,
  );
  if (taken)
    throw new AppError('conflict', 'This KPI already has a target for the subject and period', [
      { path: 'body.period', message: 'taken' },
    ]);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(kpiTargets)
      .values({ ...input, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .returning({ id: kpiTargets.id });
    await audit(withDb(ctx, tx), 'kpi_target.create', 'kpi_target', row!.id, { ...input });
    return row!.id;
  });
  return getTarget(ctx, id);
}

export async function updateTarget(ctx: Ctx, id: string, input: z.infer<typeof UpdateKpiTarget>) {
  assertCan(ctx.user, 'kpi.configure');
  const current = await getTarget(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, kpiTargets, 'KPI target', id, input.version, { target: input.target });
    await audit(withDb(ctx, tx), 'kpi_target.update', 'kpi_target', id, { from: current.target, to: input.target });
  });
  return getTarget(ctx, id);
}

export async function archiveTarget(ctx: Ctx, id: string, version: number) {
  assertCan(ctx.user, 'kpi.configure');
  await getTarget(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, kpiTargets, 'KPI target', id, version, { archivedAt: new Date() });
    await audit(withDb(ctx, tx), 'kpi_target.archive', 'kpi_target', id);
  });
}

/** The records behind an actual, for a subject the caller may see. */
export async function drillDown(ctx: Ctx, q: z.infer<typeof KpiDrillQuery>) {
  assertCan(ctx.user, 'performance.read');
  await ensureBuiltInKpis(ctx.db);
  const def = await loadDefinition(ctx.db, q.kpiId, 'querystring.kpiId');
  await getSubject(ctx.db, ctx.user, q.subjectKind, q.subjectId);
  const scope = { db: ctx.db, user: ctx.user, kind: q.subjectKind, id: q.subjectId, range: periodRange(q.period) };
  const [actual, records] = await Promise.all([computeActual(scope, def), drillRecords(scope, def, q.limit)]);
  return { actual, ...scope.range, ...records };
}
