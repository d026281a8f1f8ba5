import { asc, eq, sql } from 'drizzle-orm';
import { assertCan } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { type Db, one } from '../../platform/db/index.js';
import { versionedUpdate } from '../../platform/db/versioned.js';
import { AppError } from '../../platform/errors.js';
import { orgUnits } from './org.table.js';

export type OrgUnitRow = typeof orgUnits.$inferSelect;

const toOrgUnit = (u: OrgUnitRow) => ({
  id: u.id,
  parentId: u.parentId,
  code: u.code,
  name: u.name,
  depth: u.path.split('/').filter(Boolean).length - 1,
  version: u.version,
});

/** Every user sees the whole org tree (names of units are not confidential); ordered by path. */
export async function listOrgUnits(ctx: Ctx) {
  const all = await ctx.db.select().from(orgUnits).orderBy(asc(orgUnits.path));
  return { items: all.filter((u) => !u.archivedAt).map(toOrgUnit) };
}

export async function findOrgUnit(db: Db, id: string): Promise<OrgUnitRow | undefined> {
  const [row] = await db.select().from(orgUnits).where(eq(orgUnits.id, id));
  return row;
}

/** Inserts an org unit under a parent (or as the root when parentId is null); used by the CLI and demo too. */
export async function insertOrgUnit(
  db: Db,
  input: { id?: string; parentId: string | null; code: string; name: string },
): Promise<OrgUnitRow> {
  const parent = input.parentId ? await findOrgUnit(db, input.parentId) : undefined;
  if (input.parentId && !parent) throw AppError.invalid('parentId', 'no such org unit');
  const id = input.id ?? crypto.randomUUID();
  const [row] = await db
    .insert(orgUnits)
    .values({ id, parentId: input.parentId, code: input.code, name: input.name, path: `${parent?.path ?? '/'}${id}/` })
    .returning();
  return row!;
}

export async function createOrgUnit(ctx: Ctx, input: { parentId: string; code: string; name: string }) {
  assertCan(ctx.user, 'org.manage');
  return ctx.db.transaction(async (tx) => {
    const row = await insertOrgUnit(tx, input);
    await audit({ ...ctx, db: tx }, 'org_unit.create', 'org_unit', row.id, { code: row.code });
    return toOrgUnit(row);
  });
}

export async function updateOrgUnit(ctx: Ctx, id: string, input: { version: number; name?: string; code?: string }) {
  assertCan(ctx.user, 'org.manage');
  if (!(await findOrgUnit(ctx.db, id))) throw AppError.notFound('Org unit');
  const { version, ...changes } = input;
  return ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, orgUnits, 'Org unit', id, version, changes);
    await audit({ ...ctx, db: tx }, 'org_unit.update', 'org_unit', id, { fields: Object.keys(changes) });
    return toOrgUnit((await findOrgUnit(tx, id))!);
  });
}

/** An org unit is archived only when nothing lives in it any more: no units, users or accounts. */
export async function archiveOrgUnit(ctx: Ctx, id: string, version: number) {
  assertCan(ctx.user, 'org.manage');
  const unit = await findOrgUnit(ctx.db, id);
  if (!unit) throw AppError.notFound('Org unit');
  if (!unit.parentId) throw AppError.invalid('params.id', 'the root org unit cannot be archived');
  const inUse = await one<{ n: number }>(
    ctx.db,
    sql`select (select count(*) from org_units where parent_id = ${id} and archived_at is null)
             + (select count(*) from users where org_unit_id = ${id} and disabled_at is null)
             + (select count(*) from accounts where org_unit_id = ${id} and archived_at is null) as n`,
  );
  if (Number(inUse?.n ?? 0) > 0) {
    throw new AppError('conflict', 'The org unit still has units, active users or accounts; move them first');
  }
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, orgUnits, 'Org unit', id, version, { archivedAt: new Date() });
    await audit({ ...ctx, db: tx }, 'org_unit.archive', 'org_unit', id);
  });
}
