import { and, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import type { Db } from './index.js';

type Versioned = PgTable & { id: PgColumn; version: PgColumn };

/**
 * The optimistic-lock write every mutable business row uses: applies `changes` only if the row still
 * has the version the caller read, bumps it, stamps who and when; a stale version is a 409.
 */
export async function versionedUpdate(
  db: Db,
  ctx: Ctx,
  table: Versioned,
  entity: string,
  id: string,
  version: number,
  changes: Record<string, unknown>,
): Promise<void> {
  const done = await db
    .update(table)
    .set({ ...changes, version: version + 1, updatedAt: new Date(), updatedBy: ctx.user.id } as never)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning({ id: table.id });
  if (!done.length) throw AppError.staleVersion(entity);
}
