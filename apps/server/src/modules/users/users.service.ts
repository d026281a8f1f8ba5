import type { Role } from '@kamap/contracts';
import { and, asc, count, eq, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import { assertCan } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { hashPassword } from '../../platform/auth/password.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { afterCursor, orderBy, sortSpec, toPage } from '../../platform/http/paging.js';
import { findOrgUnit, orgUnits } from '../org/index.js';
import { sessions, users } from './users.table.js';

type UserRow = typeof users.$inferSelect;

const toUser = (u: UserRow) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  email: u.email,
  role: u.role,
  orgUnitId: u.orgUnitId,
  agentId: u.agentId,
  disabledAt: u.disabledAt?.toISOString() ?? null,
  version: u.version,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
  archivedAt: u.archivedAt?.toISOString() ?? null,
});

/** Directors see the users of their org-unit subtree; admins see everyone. */
function userScope(ctx: Ctx): SQL {
  if (ctx.user.role === 'admin') return sql`true`;
  return sql`${users.orgUnitId} in (select id from org_units where path like ${`${ctx.user.orgUnitPath}%`})`;
}

export async function listUsers(
  ctx: Ctx,
  query: { limit: number; cursor?: string; q?: string; role?: Role; orgUnitId?: string },
) {
  assertCan(ctx.user, 'user.read');
  const spec = sortSpec('username', { username: sql`${users.username}` });
  const where = and(
    userScope(ctx),
    query.q ? or(ilike(users.username, `%${query.q}%`), ilike(users.displayName, `%${query.q}%`)) : undefined,
    query.role ? eq(users.role, query.role) : undefined,
    query.orgUnitId ? eq(users.orgUnitId, query.orgUnitId) : undefined,
  );
  const [fetched, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(users)
      .where(and(where, afterCursor(spec, sql`${users.id}`, query.cursor)))
      .orderBy(orderBy(spec, sql`${users.id}`))
      .limit(query.limit + 1),
    ctx.db.select({ n: count() }).from(users).where(where),
  ]);
  return toPage(fetched, query.limit, (u) => [u.username, u.id], toUser, total?.n ?? 0);
}

/** Names of active colleagues for owner and participant pickers; agents only see themselves. */
export async function userOptions(ctx: Ctx, q: string | undefined) {
  const rows = await ctx.db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(
      and(
        isNull(users.disabledAt),
        sql`${users.role} <> 'agent'`,
        ctx.user.role === 'agent' ? eq(users.id, ctx.user.id) : undefined,
        q ? or(ilike(users.username, `%${q}%`), ilike(users.displayName, `%${q}%`)) : undefined,
      ),
    )
    .orderBy(asc(users.displayName))
    .limit(50);
  return { items: rows };
}

export type NewUser = {
  id?: string;
  username: string;
  displayName: string;
  email?: string | null;
  role: Role;
  orgUnitId: string;
  agentId?: string | null;
  password: string;
  isDemo?: boolean;
};

/** Inserts a user with a fresh scrypt hash; shared by the API, the CLI and the demo loader. */
export async function insertUser(db: Db, input: NewUser, by: string | null = null): Promise<UserRow> {
  if (!(await findOrgUnit(db, input.orgUnitId))) throw AppError.invalid('orgUnitId', 'no such org unit');
  if (input.role === 'agent' && !input.agentId) throw AppError.invalid('agentId', 'an agent user needs its agent');
  const [row] = await db
    .insert(users)
    .values({
      id: input.id,
      username: input.username.toLowerCase(),
      displayName: input.displayName,
      email: input.email ?? null,
      role: input.role,
      orgUnitId: input.orgUnitId,
      agentId: input.agentId ?? null,
      passwordHash: await hashPassword(input.password),
      isDemo: input.isDemo ?? false,
      createdBy: by,
      updatedBy: by,
    })
    .returning();
  return row!;
}

export async function createUser(ctx: Ctx, input: NewUser) {
  assertCan(ctx.user, 'user.manage');
  return ctx.db.transaction(async (tx) => {
    const row = await insertUser(tx, input, ctx.user.id);
    await audit({ ...ctx, db: tx }, 'user.create', 'user', row.id, { role: row.role });
    return toUser(row);
  });
}

export async function updateUser(
  ctx: Ctx,
  id: string,
  input: {
    version: number;
    displayName?: string;
    email?: string | null;
    role?: Role;
    orgUnitId?: string;
    disabled?: boolean;
  },
) {
  assertCan(ctx.user, 'user.manage');
  const { version, disabled, ...fields } = input;
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, id));
    if (!current) throw AppError.notFound('User');
    if (current.version !== version) throw AppError.staleVersion('User');
    if (fields.orgUnitId && !(await findOrgUnit(tx, fields.orgUnitId)))
      throw AppError.invalid('orgUnitId', 'no such org unit');
    const [row] = await tx
      .update(users)
      .set({
        ...fields,
        ...(disabled === undefined ? {} : { disabledAt: disabled ? (current.disabledAt ?? new Date()) : null }),
        version: version + 1,
        updatedAt: new Date(),
        updatedBy: ctx.user.id,
      })
      .where(and(eq(users.id, id), eq(users.version, version)))
      .returning();
    if (!row) throw AppError.staleVersion('User');
    if (disabled || fields.role || fields.orgUnitId) await tx.delete(sessions).where(eq(sessions.userId, id));
    await audit({ ...ctx, db: tx }, 'user.update', 'user', id, {
      fields: Object.keys(input).filter((k) => k !== 'version'),
    });
    return toUser(row);
  });
}

export async function findUserByName(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username.toLowerCase()));
  return row;
}

/** CLI: disable a user and end every session it has. */
export async function disableUserByName(db: Db, username: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ disabledAt: new Date(), version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(eq(users.username, username.toLowerCase()))
      .returning({ id: users.id });
    if (!row) throw AppError.notFound(`User ${username}`);
    await tx.delete(sessions).where(eq(sessions.userId, row.id));
  });
}

/** CLI: set a new password and end the user's sessions. */
export async function resetPasswordByName(db: Db, username: string, password: string): Promise<void> {
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash: hash, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(eq(users.username, username.toLowerCase()))
      .returning({ id: users.id });
    if (!row) throw AppError.notFound(`User ${username}`);
    await tx.delete(sessions).where(eq(sessions.userId, row.id));
  });
}

export async function rootOrgUnitId(db: Db): Promise<string | undefined> {
  const [row] = await db.select({ id: orgUnits.id }).from(orgUnits).where(isNull(orgUnits.parentId)).limit(1);
  return row?.id;
}
