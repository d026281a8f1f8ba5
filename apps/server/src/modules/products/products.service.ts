import type { CreateProduct, ProductListQuery, UpdateProduct } from '@kamap/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { assertCan } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { isoTimestamp, isoTimestampOrNull, one, rows } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { afterCursor, orderBy, sortSpec, toPage } from '../../platform/http/paging.js';
import { productCategories, products } from './products.table.js';

/** Categories are the company's catalogue: every signed-in user may read them. */
export async function listCategories(ctx: Ctx) {
  const all = await ctx.db.select().from(productCategories).orderBy(asc(productCategories.code));
  return {
    items: all
      .filter((c) => !c.archivedAt)
      .map((c) => ({ id: c.id, parentId: c.parentId, code: c.code, name: c.name, nameEn: c.nameEn })),
  };
}

export async function createCategory(
  ctx: Ctx,
  input: { parentId: string | null; code: string; name: string; nameEn: string | null },
) {
  assertCan(ctx.user, 'product.write');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(productCategories)
      .values({ ...input, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .returning();
    await audit(withDb(ctx, tx), 'product_category.create', 'product_category', row!.id);
    return { id: row!.id, parentId: row!.parentId, code: row!.code, name: row!.name, nameEn: row!.nameEn };
  });
}

type Row = Record<string, unknown> & { id: string; code: string; name: string; list_price: number };

const select = sql`select p.*, pc.name as category_name from products p join product_categories pc on pc.id = p.category_id`;

const toProduct = (r: Row) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  categoryId: r.category_id as string,
  categoryName: r.category_name as string,
  unit: r.unit as string,
  listPrice: r.list_price,
  standardCost: r.standard_cost as number,
  currency: r.currency as string,
  active: r.active as boolean,
  version: r.version as number,
  createdAt: isoTimestamp(r.created_at),
  updatedAt: isoTimestamp(r.updated_at),
  archivedAt: isoTimestampOrNull(r.archived_at),
});

export async function listProducts(ctx: Ctx, q: z.infer<typeof ProductListQuery>) {
  const spec = sortSpec(q.sort, { name: sql`p.name`, code: sql`p.code`, listPrice: sql`p.list_price` });
  const filter = sql.join(
    [
      q.includeArchived ? sql`true` : sql`p.archived_at is null`,
      q.active === undefined ? undefined : sql`p.active = ${q.active}`,
      q.categoryId
        ? sql`p.category_id in (with recursive t as (select id from product_categories where id = ${q.categoryId}
            union all select c.id from product_categories c join t on c.parent_id = t.id) select id from t)`
        : undefined,
      q.q ? sql`(p.name ilike ${`%${q.q}%`} or p.code ilike ${`${q.q}%`})` : undefined,
    ].filter((p) => p !== undefined),
    sql` and `,
  );
  const [fetched, total] = await Promise.all([
    rows<Row>(
      ctx.db,
      sql`${select} where ${filter} and ${afterCursor(spec, sql`p.id`, q.cursor)} order by ${orderBy(spec, sql`p.id`)} limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(ctx.db, sql`select count(*)::int as n from products p where ${filter}`),
  ]);
  const value = (r: Row) => (spec.key === 'listPrice' ? r.list_price : spec.key === 'code' ? r.code : r.name);
  return toPage(fetched, q.limit, (r) => [value(r), r.id], toProduct, total?.n ?? 0);
}

export async function getProduct(ctx: Ctx, id: string) {
  const row = await one<Row>(ctx.db, sql`${select} where p.id = ${id}`);
  if (!row) throw AppError.notFound('Product');
  return toProduct(row);
}

export async function createProduct(ctx: Ctx, input: z.infer<typeof CreateProduct>) {
  assertCan(ctx.user, 'product.write');
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(products)
      .values({ ...input, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .returning({ id: products.id });
    await audit(withDb(ctx, tx), 'product.create', 'product', row!.id);
    return row!.id;
  });
  return getProduct(ctx, id);
}

export async function updateProduct(ctx: Ctx, id: string, input: z.infer<typeof UpdateProduct>) {
  assertCan(ctx.user, 'product.write');
  await getProduct(ctx, id);
  const { version, ...fields } = input;
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(products)
      .set({ ...fields, version: version + 1, updatedAt: new Date(), updatedBy: ctx.user.id })
      .where(and(eq(products.id, id), eq(products.version, version)))
      .returning({ id: products.id });
    if (!row) throw AppError.staleVersion('Product');
    await audit(withDb(ctx, tx), 'product.update', 'product', id, { fields: Object.keys(fields) });
  });
  return getProduct(ctx, id);
}

export async function archiveProduct(ctx: Ctx, id: string, version: number) {
  assertCan(ctx.user, 'product.write');
  await getProduct(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(products)
      .set({
        archivedAt: new Date(),
        active: false,
        version: version + 1,
        updatedAt: new Date(),
        updatedBy: ctx.user.id,
      })
      .where(and(eq(products.id, id), eq(products.version, version)))
      .returning({ id: products.id });
    if (!row) throw AppError.staleVersion('Product');
    await audit(withDb(ctx, tx), 'product.archive', 'product', id);
  });
}
