import type { Role } from '@kamap/contracts';
import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import { can, dossierAccess, type Principal } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { dummyHash, verifyPassword } from '../../platform/auth/password.js';
import { newToken, sha256 } from '../../platform/auth/tokens.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import type { ResolvedAuth } from '../../platform/http/auth.plugin.js';
import { orgUnits } from '../org/index.js';
import { apiTokens, loginFailures, sessions, users } from './users.table.js';

const WINDOW_MINUTES = 15;
const MAX_FAILURES_PER_USER = 5;
const MAX_FAILURES_PER_IP = 30;

const principalColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  orgUnitId: users.orgUnitId,
  orgUnitPath: orgUnits.path,
  orgUnitName: orgUnits.name,
  // the subtree's ids, resolved once per request so scope predicates compare against constants
  orgUnitIds: sql<
    string[]
  >`(select coalesce(json_agg(sub.id), '[]'::json) from org_units sub where sub.path like ${orgUnits.path} || '%')`,
  agentId: users.agentId,
  locale: users.locale,
};

export function currentUser(auth: ResolvedAuth) {
  const u = auth.principal;
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    orgUnitId: u.orgUnitId,
    orgUnitName: u.orgUnitName,
    agentId: u.agentId,
    locale: u.locale,
    csrfToken: auth.csrfToken ?? '',
    permissions: {
      seePersonalDossier: dossierAccess(u) === 'full',
      writeAccounts: can(u, 'account.write'),
      manageUsers: can(u, 'user.manage'),
    },
  };
}

async function recentFailures(db: Db, key: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(
      and(eq(loginFailures.key, key), gt(loginFailures.at, sql`now() - make_interval(mins => ${WINDOW_MINUTES})`)),
    );
  return row?.n ?? 0;
}

function throttled(): AppError {
  return new AppError(
    'too_many_requests',
    `Too many failed sign-ins; wait ${WINDOW_MINUTES} minutes and try again`,
    undefined,
    {
      'retry-after': String(WINDOW_MINUTES * 60),
    },
  );
}

export type LoginResult = { token: string; auth: ResolvedAuth; expiresAt: Date };

/**
 * Checks the password with throttling per username and per address; a success opens a server-side
 * session. Demo users exist only for demo mode and are refused otherwise.
 */
export async function login(
  db: Db,
  input: { username: string; password: string },
  meta: { ip: string | null; userAgent: string | null; demoMode: boolean; sessionDays: number },
): Promise<LoginResult> {
  const username = input.username.toLowerCase();
  const userKey = `user:${username}`;
  const ipKey = `ip:${meta.ip ?? 'unknown'}`;
  if ((await recentFailures(db, userKey)) >= MAX_FAILURES_PER_USER) throw throttled();
  if (meta.ip && (await recentFailures(db, ipKey)) >= MAX_FAILURES_PER_IP) throw throttled();

  const [user] = await db
    .select({
      ...principalColumns,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
      isDemo: users.isDemo,
    })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(eq(users.username, username));
  const ok = await verifyPassword(input.password, user?.passwordHash ?? dummyHash);
  if (!user || !ok || user.disabledAt) {
    await db.insert(loginFailures).values([{ key: userKey }, { key: ipKey }]);
    throw new AppError('unauthorized', 'Wrong username or password, or the user is disabled');
  }
  if (user.isDemo && !meta.demoMode) {
    throw new AppError('forbidden', 'Demo users can sign in only while kamap runs in demo mode (kamap serve --demo)');
  }
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + meta.sessionDays * 86_400_000);
  const { passwordHash: _h, disabledAt: _d, isDemo: _i, ...principal } = user;
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values({
      tokenHash: sha256(token),
      userId: user.id,
      csrfToken,
      expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    await tx.delete(loginFailures).where(eq(loginFailures.key, userKey));
    const p = { ...principal, role: principal.role as Role, tokenScopes: null };
    await audit({ db: tx, user: p, ip: meta.ip }, 'auth.login', 'user', user.id);
  });
  return { token, expiresAt, auth: { principal: { ...principal, tokenScopes: null }, csrfToken } };
}

export async function logout(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

export async function resolveSession(db: Db, token: string): Promise<ResolvedAuth | undefined> {
  const [row] = await db
    .select({ ...principalColumns, csrfToken: sessions.csrfToken, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, sql`now()`), isNull(users.disabledAt)));
  if (!row) return undefined;
  const { csrfToken, lastSeenAt, ...principal } = row;
  if (Date.now() - lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()` })
      .where(eq(sessions.tokenHash, sha256(token)));
  }
  return { principal: { ...principal, tokenScopes: null }, csrfToken };
}

export async function resolveApiToken(db: Db, token: string): Promise<ResolvedAuth | undefined> {
  const [row] = await db
    .select({ ...principalColumns, tokenId: apiTokens.id, scopes: apiTokens.scopes })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(
      and(
        eq(apiTokens.tokenHash, sha256(token)),
        isNull(apiTokens.revokedAt),
        isNull(users.disabledAt),
        sql`(${apiTokens.expiresAt} is null or ${apiTokens.expiresAt} > now())`,
      ),
    );
  if (!row) return undefined;
  const { tokenId, scopes, ...principal } = row;
  await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, tokenId));
  return { principal: { ...principal, tokenScopes: scopes }, csrfToken: null };
}

/** The principal of an active user, for work done on its behalf without a request (its calendar feed). */
export async function principalById(db: Db, userId: string): Promise<Principal | undefined> {
  const [row] = await db
    .select(principalColumns)
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  return row ? { ...row, tokenScopes: ['read'] } : undefined;
}

const tokenView = (t: typeof apiTokens.$inferSelect) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  scopes: t.scopes,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

/** API tokens act as their user, limited to their scopes; only a browser session can create them. */
export async function createApiToken(ctx: Ctx, input: { name: string; scopes: string[]; expiresAt?: string }) {
  if (ctx.user.tokenScopes) throw new AppError('forbidden', 'An API token cannot create API tokens');
  const token = newToken('kmp_');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: ctx.user.id,
        name: input.name,
        prefix: token.slice(0, 10),
        tokenHash: sha256(token),
        scopes: input.scopes,
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      })
      .returning();
    await audit({ ...ctx, db: tx }, 'api_token.create', 'api_token', row!.id, { scopes: input.scopes });
    return { ...tokenView(row!), token };
  });
}

export async function listApiTokens(ctx: Ctx) {
  const all = await ctx.db.select().from(apiTokens).where(eq(apiTokens.userId, ctx.user.id));
  return { items: all.map(tokenView) };
}

export async function revokeApiToken(ctx: Ctx, id: string): Promise<void> {
  const done = await ctx.db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, ctx.user.id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (!done.length) throw AppError.notFound('API token');
  await audit(ctx, 'api_token.revoke', 'api_token', id);
}

export type { Principal };

/** Active users with an e-mail address, as principals (for work done on their behalf, like a digest). */
export async function principalsWithEmail(db: Db): Promise<(Principal & { email: string })[]> {
  const found = await db
    .select({ ...principalColumns, email: users.email })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(and(isNull(users.disabledAt), sql`${users.email} is not null and ${users.email} <> ''`))
    .orderBy(users.username);
  return found.map((u) => ({ ...u, email: u.email as string, tokenScopes: null }));
}
