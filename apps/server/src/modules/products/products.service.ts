import type { CreateProduct, ProductListQuery, UpdateProduct } from '@kamap/contracts';
import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { assertCan } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { isoTimestamp, isoTimestampOrNull, one, rows } from '../../platform/db/index.js';
import { versionedUpdate } from '../../platform/db/versioned.js';
import { AppError } from '../../platform/errors.js';
import { afterCursor, orderBy, sortSpec, toPage } from '../../platform/http/paging.js';
import { productCategories, products } from './products.table.js';

/** Categories are the company's catalogue: every signed-in user may read them. */
export async function listCategories(ctx: Ctx) {
  const all = await ctx.db.select().from(productCategories).orderBy(asc(productCategories.code));
  return { items: all.filter((c) => !c.archivedAt).map(toCategory) };
}

const toCategory = (c: typeof productCategories.$inferSelect) => ({
  id: c.id,
  parentId: c.parentId,
  code: c.code,
  name: c.name,
  nameEn: c.nameEn,
  version: c.version,
});

async function getCategory(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(productCategories).where(eq(productCategories.id, id));
  if (!row || row.archivedAt) throw AppError.notFound('Product category');
  return row;
}

export async function updateCategory(
  ctx: Ctx,
  id: string,
  input: { version: number; code?: string; name?: string; nameEn?: string | null },
) {
  assertCan(ctx.user, 'product.write');
  await getCategory(ctx, id);
  const { version, ...changes } = input;
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, productCategories, 'Product category', id, version, changes);
    await audit(withDb(ctx, tx), 'product_category.update', 'product_category', id, { fields: Object.keys(changes) });
  });
  return toCategory(await getCategory(ctx, id));
}

/** A category is archived only when no active product or subcategory is left in it. */
export async function archiveCategory(ctx: Ctx, id: string, version: number) {
  assertCan(ctx.user, 'product.write');
  await getCategory(ctx, id);
  const inUse = await one<{ n: number }>(
    ctx.db,
    sql`select (select count(*) from products where category_id = ${id} and archived_at is null)
             + (select count(*) from product_categories where parent_id = ${id} and archived_at is null) as n`,
  );
  if (Number(inUse?.n ?? 0) > 0) throw new AppError('conflict', 'The category still has products or subcategories');
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, productCategories, 'Product category', id, version, { archivedAt: new Date() });
    await audit(withDb(ctx, tx), 'product_category.archive', 'product_category', id);
  });
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
    return toCategory(row!);
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
    await versionedUpdate(tx, ctx, products, 'Product', id, version, fields);
    await audit(withDb(ctx, tx), 'product.update', 'product', id, { fields: Object.keys(fields) });
  });
  return getProduct(ctx, id);
}

export async function archiveProduct(ctx: Ctx, id: string, version: number) {
  assertCan(ctx.user, 'product.write');
  await getProduct(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, products, 'Product', id, version, { archivedAt: new Date(), active: false });
    await audit(withDb(ctx, tx), 'product.archive', 'product', id);
  });
}
